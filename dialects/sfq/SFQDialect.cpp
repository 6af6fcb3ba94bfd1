//===- SFQDialect.cpp - sfq dialect registration --------------------------===//

#include "dialects/sfq/SFQDialect.h"
#include "dialects/sfq/SFQOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snc::sfq;

#include "dialects/sfq/SFQDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "dialects/sfq/SFQTypes.cpp.inc"

#define GET_OP_CLASSES
#include "dialects/sfq/SFQOps.cpp.inc"

void SFQDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/sfq/SFQOps.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "dialects/sfq/SFQTypes.cpp.inc"
      >();
}
