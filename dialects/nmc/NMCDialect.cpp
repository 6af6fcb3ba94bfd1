//===- NMCDialect.cpp - nmc dialect registration --------------------------===//

#include "dialects/nmc/NMCDialect.h"
#include "dialects/nmc/NMCOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/Support/Format.h"

using namespace mlir;
using namespace snc::nmc;

#include "dialects/nmc/NMCDialect.cpp.inc"

#define GET_OP_CLASSES
#include "dialects/nmc/NMCOps.cpp.inc"

void NMCDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/nmc/NMCOps.cpp.inc"
      >();
}

StringRef snc::nmc::getLinkName(int link) {
  static const char *const names[kRouterLinks] = {"E", "NE", "N",
                                                  "W", "SW", "S"};
  return link >= 0 && link < kRouterLinks ? names[link] : "?";
}

std::string snc::nmc::formatWord(int64_t value) {
  if (value < 0 || value > int64_t(UINT32_MAX))
    return std::to_string(value);
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format_hex(uint64_t(value), 10);
  return text;
}
