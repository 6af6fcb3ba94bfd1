//===- CircuitUtils.h - helpers shared by the sfq passes --------*- C++ -*-===//
//
// What several sfq passes do: read the cell library of a circuit's target,
// give new cells unique names, and connect one pulse source to many inputs
// through an ideal sfq.fanout (sfq-insert-splitters turns it into splitters).
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_SFQ_CIRCUITUTILS_H
#define SNC_PASSES_SFQ_CIRCUITUTILS_H

#include "dialects/sfq/SFQOps.h"
#include "runtime/sfq/CellLibrary.h"
#include "targets/TargetDescription.h"

#include "llvm/ADT/StringSet.h"

#include <memory>

namespace snc::sfq {

/// The attribute on a circuit holding its target's description as canonical
/// JSON, copied from the network's snn.target by snn-to-sfq, so a custom
/// .json target needs no file later. Without it, `target` is loaded by name.
llvm::StringRef getTargetJSONAttrName();

/// The target of `circuit`; emits an error prefixed by `pass` and fails when
/// it does not load or is not an SFQ target.
mlir::FailureOr<std::shared_ptr<const targets::TargetDescription>>
getCircuitTarget(CircuitOp circuit, llvm::StringRef pass);

/// The cell library of `circuit`'s target (runtime/sfq/CellLibrary.h).
mlir::FailureOr<runtime::sfq::CellLibrary>
getCircuitLibrary(CircuitOp circuit, llvm::StringRef pass);

/// The clock period in fs from the target's clock_hz.
int64_t getClockPeriodFs(const targets::TargetDescription &target);

/// Unique instance names within one circuit: "<prefix><n>" with the
/// smallest n not taken.
class CellNamer {
public:
  explicit CellNamer(CircuitOp circuit);
  std::string next(llvm::StringRef prefix);
  /// `name` itself if free, else `name` + "_<n>".
  std::string claim(llvm::StringRef name);

private:
  llvm::StringSet<> taken;
  llvm::StringMap<unsigned> counters;
};

/// Makes `source` drive every operand in `sinks`: directly if there is one,
/// else through a new sfq.fanout (named by `namer`) placed after `source`'s
/// definition. Returns the fan-out, or null.
FanoutOp connectFanout(mlir::OpBuilder &builder, mlir::Location loc,
                       mlir::Value source,
                       llvm::ArrayRef<mlir::OpOperand *> sinks,
                       CellNamer &namer);

/// The operands `value` drives, looking through one sfq.fanout (which is
/// then erased when `eraseFanout`): the form snn-to-sfq and
/// sfq-balance-paths produce.
llvm::SmallVector<mlir::OpOperand *> collectSinks(mlir::Value value,
                                                  bool eraseFanout);

/// An instance name usable in netlists: letters, digits and '_'.
std::string sanitizeName(llvm::StringRef name);

} // namespace snc::sfq

#endif // SNC_PASSES_SFQ_CIRCUITUTILS_H
