//===- SFQOps.h - sfq dialect operations ------------------------*- C++ -*-===//

#ifndef SNC_DIALECTS_SFQ_SFQOPS_H
#define SNC_DIALECTS_SFQ_SFQOPS_H

#include "dialects/sfq/SFQDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"

namespace snc::sfq {
class DCSFQOp;
} // namespace snc::sfq

#define GET_OP_CLASSES
#include "dialects/sfq/SFQOps.h.inc"

namespace snc::sfq {

/// The clock operand of a clocked cell (DFF, NDRO, AND2, OR2, XOR, NOT,
/// neuron), or null for the others.
mlir::Value getClockOperand(mlir::Operation *cell);

/// Whether `reset` names a neuron reset mode: "to_value", "subtract",
/// "none".
bool isResetMode(llvm::StringRef reset);

/// The cell's instance name, or "" if it has none.
llvm::StringRef getCellName(mlir::Operation *cell);

} // namespace snc::sfq

#endif // SNC_DIALECTS_SFQ_SFQOPS_H
