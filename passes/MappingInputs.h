//===- MappingInputs.h - mapping algorithm inputs from the IR ---*- C++ -*-===//
//
// Each mapping pass (snn-partition, snn-place, snn-route) runs on its own:
// it rebuilds what the algorithms of passes/mapping/ need from the module,
// the snn.network (extracted again) and the nmc.mapping the earlier passes
// wrote, rather than trusting state carried between passes.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPINGINPUTS_H
#define SNC_PASSES_MAPPINGINPUTS_H

#include "dialects/nmc/NMCOps.h"
#include "dialects/snn/SNNOps.h"
#include "passes/mapping/MappingModel.h"

#include "mlir/IR/BuiltinOps.h"

#include <string>
#include <vector>

namespace snc {

/// The snn.network named `name`, or the module's only one if `name` is
/// empty. Emits an error prefixed by `pass` and fails otherwise.
mlir::FailureOr<snn::NetworkOp>
findNetwork(mlir::ModuleOp module, llvm::StringRef name, llvm::StringRef pass);

/// The nmc.mapping ops of the module; emits an error if there is none.
mlir::FailureOr<llvm::SmallVector<nmc::MappingOp>>
findMappings(mlir::ModuleOp module, llvm::StringRef pass);

/// The machine an nmc.mapping records: its mesh, PE grouping and capacity
/// (the synaptic-row format only matters to partitioning and is left at its
/// defaults).
mapping::Machine machineOf(nmc::MappingOp mapping);

/// A mapping's inputs as the algorithms see them.
struct MappingInputs {
  mapping::Machine machine;
  mapping::Network network;
  mapping::Partition partition;
  /// Slice index (as in `partition`) -> its op.
  std::vector<nmc::SliceOp> slices;
};

/// Extracts the mapping's network again and rebuilds the partition from the
/// slices, which must cut every population of the network, in order, into
/// consecutive ranges. Emits an error prefixed by `pass` on `mapping` (or
/// the extraction's own diagnostics) and fails otherwise.
mlir::FailureOr<MappingInputs> loadMappingInputs(nmc::MappingOp mapping,
                                                 llvm::StringRef pass);

/// The placement the slices record; fails, naming the first slice without a
/// PE, if any is not placed.
mlir::FailureOr<mapping::Placement> loadPlacement(const MappingInputs &inputs,
                                                  llvm::StringRef pass);

} // namespace snc

#endif // SNC_PASSES_MAPPINGINPUTS_H
