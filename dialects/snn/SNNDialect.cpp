//===- SNNDialect.cpp - snn dialect registration --------------------------===//

#include "dialects/snn/SNNDialect.h"
#include "dialects/snn/SNNOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snc::snn;

#include "dialects/snn/SNNDialect.cpp.inc"
#include "dialects/snn/SNNEnums.cpp.inc"
#include "dialects/snn/SNNInterfaces.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "dialects/snn/SNNAttributes.cpp.inc"

#define GET_OP_CLASSES
#include "dialects/snn/SNNOps.cpp.inc"

void SNNDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/snn/SNNOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "dialects/snn/SNNAttributes.cpp.inc"
      >();
}
