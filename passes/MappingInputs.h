//===- MappingInputs.h - mapping algorithm inputs from the IR ---*- C++ -*-===//
//
// What the algorithms of passes/mapping/ need, read back from the module:
// the network's many-core form (ManycoreAnalysis, extracted once), the
// machine of the network's target and what the earlier passes recorded in
// the nmc.mapping, checked rather than trusted.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPINGINPUTS_H
#define SNC_PASSES_MAPPINGINPUTS_H

#include "dialects/nmc/NMCOps.h"
#include "dialects/snn/SNNOps.h"
#include "passes/ManycoreAnalysis.h"
#include "passes/TargetAttr.h"
#include "passes/mapping/MappedNetwork.h"
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

/// The snn.network a mapping maps.
mlir::FailureOr<snn::NetworkOp> getMappedNetwork(nmc::MappingOp mapping,
                                                 llvm::StringRef pass);

/// A mapping's inputs as the algorithms see them.
struct MappingInputs {
  snn::NetworkOp networkOp;
  /// The target the mapping was made for, and its machine.
  TargetRef target;
  mapping::Machine machine;
  /// The partitioner's view of the network and the form it was made from
  /// (both owned by the analysis).
  const mapping::Network *network = nullptr;
  const manycore::Network *form = nullptr;
  mapping::Partition partition;
  /// Slice index (as in `partition`) -> its op.
  std::vector<nmc::SliceOp> slices;
};

/// For every slice, the slices holding synapses of its neurons: where its
/// packets must go (mapping::synapseDestinations). snn-place, snn-route
/// and the check of a mapping's tables all use this one list.
std::vector<std::vector<int64_t>>
sliceDestinations(const MappingInputs &inputs);

/// Rebuilds the partition from the slices, which must cut every population
/// of the network, in order, into consecutive ranges, and the machine from
/// the network's target (snn.target, or the target the mapping names when
/// the network records none), which must be the machine the mapping
/// records. Emits an error prefixed by `pass` and fails otherwise.
mlir::FailureOr<MappingInputs> loadMappingInputs(nmc::MappingOp mapping,
                                                 snn::NetworkOp network,
                                                 ManycoreAnalysis &analysis,
                                                 llvm::StringRef pass);

/// The placement the slices record; fails, naming the first slice without a
/// PE, if any is not placed.
mlir::FailureOr<mapping::Placement> loadPlacement(const MappingInputs &inputs,
                                                  llvm::StringRef pass);

/// The whole mapping as the nmc ops record it: slices, PEs, keys and the
/// nmc.router tables, checked as snn-route checks its own (every slice's
/// packets reach exactly the PEs of its destinations). Fails, naming the
/// slice, on a missing key or a misrouted packet. `target`, if given,
/// receives the target the mapping was made for.
mlir::FailureOr<mapping::MappedNetwork>
loadMappedNetwork(nmc::MappingOp mapping, snn::NetworkOp network,
                  ManycoreAnalysis &analysis, llvm::StringRef pass,
                  TargetRef *target = nullptr);

} // namespace snc

#endif // SNC_PASSES_MAPPINGINPUTS_H
