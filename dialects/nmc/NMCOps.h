//===- NMCOps.h - nmc dialect operations ------------------------*- C++ -*-===//

#ifndef SNC_DIALECTS_NMC_NMCOPS_H
#define SNC_DIALECTS_NMC_NMCOPS_H

#include "dialects/nmc/NMCDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"

#include <cstdint>
#include <string>

namespace snc::nmc {

/// Links of a chip router, in the bit order of `nmc.router`'s `links`
/// (SpiNNaker's: the order of mapping::Link).
constexpr int kRouterLinks = 6;
/// "E", "NE", "N", "W", "SW", "S".
llvm::StringRef getLinkName(int link);
/// A key or mask as nmc prints it: "0x0000fff0" (decimal if it is not a
/// 32-bit word).
std::string formatWord(int64_t value);

} // namespace snc::nmc

#define GET_OP_CLASSES
#include "dialects/nmc/NMCOps.h.inc"

#endif // SNC_DIALECTS_NMC_NMCOPS_H
