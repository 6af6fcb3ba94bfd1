//===- PartitionPass.cpp - snn-partition ----------------------------------===//
//
// Extracts the many-core form of a quantized snn.network, cuts its
// populations into PE-sized slices and records them as an nmc.mapping.
//
//===----------------------------------------------------------------------===//

#include "dialects/nmc/NMCOps.h"
#include "passes/ExtractManycore.h"
#include "passes/ManycoreAnalysis.h"
#include "passes/MappingInputs.h"
#include "passes/Passes.h"
#include "passes/TargetAttr.h"
#include "passes/mapping/Partition.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

namespace snc {
#define GEN_PASS_DEF_SNNPARTITION
#include "passes/Passes.h.inc"
} // namespace snc

using namespace mlir;
using namespace snc;

namespace {

struct PartitionPass : public snc::impl::SnnPartitionBase<PartitionPass> {
  using SnnPartitionBase::SnnPartitionBase;

  void runOnOperation() override;
};

/// Creates the nmc.mapping of `network` after it, replacing the mapping an
/// earlier run made, with one unplaced slice per slice of `partition`.
nmc::MappingOp createMapping(snn::NetworkOp network,
                             const targets::TargetDescription &target,
                             const mapping::Machine &machine,
                             const mapping::Network &mapped,
                             const mapping::Partition &partition) {
  auto module = cast<ModuleOp>(network->getParentOp());
  FlatSymbolRefAttr networkRef =
      FlatSymbolRefAttr::get(network.getSymNameAttr());
  for (nmc::MappingOp old :
       llvm::make_early_inc_range(module.getOps<nmc::MappingOp>()))
    if (old.getNetworkAttr() == networkRef)
      old.erase();

  // Built detached, then inserted after the network by the symbol table,
  // which renames it if another symbol already has the name.
  SymbolTable symbols(module);
  OpBuilder builder(network->getContext());
  auto i64 = [&](int64_t value) { return builder.getI64IntegerAttr(value); };
  auto mappingOp = builder.create<nmc::MappingOp>(
      network.getLoc(),
      builder.getStringAttr(network.getSymName() + "_mapping"), networkRef,
      builder.getStringAttr(target.name), i64(machine.chipsX),
      i64(machine.chipsY), i64(machine.pesPerChip()), i64(machine.pesPerQpe),
      i64(machine.neuronsPerPe), i64(machine.memoryBytesPerPe),
      i64(machine.routerEntries), i64(partition.lowerBound),
      /*cost=*/IntegerAttr(), /*sequential_cost=*/IntegerAttr(),
      /*seed=*/IntegerAttr());
  symbols.insert(mappingOp, std::next(Block::iterator(network)));

  builder.setInsertionPointToStart(&mappingOp.getBody().emplaceBlock());
  int previous = -1;
  int64_t index = 0;
  for (const mapping::Slice &slice : partition.slices) {
    index = slice.population == previous ? index + 1 : 0;
    previous = slice.population;
    builder.create<nmc::SliceOp>(
        network.getLoc(),
        builder.getStringAttr(
            mapped.populations[size_t(slice.population)].name),
        i64(index), i64(slice.lo), i64(slice.hi), i64(slice.memoryBytes),
        /*pe=*/i64(-1), /*chip=*/DenseI64ArrayAttr(), /*qpe=*/IntegerAttr(),
        /*key=*/IntegerAttr(), /*mask=*/IntegerAttr());
  }
  return mappingOp;
}

void PartitionPass::runOnOperation() {
  FailureOr<snn::NetworkOp> network =
      findNetwork(getOperation(), networkName, "snn-partition");
  if (failed(network))
    return signalPassFailure();
  // The option, else the target the network was quantized for.
  FailureOr<TargetRef> description =
      resolveTarget(*network, target, "snn-partition");
  if (failed(description))
    return signalPassFailure();
  mapping::Machine machine;
  std::string error;
  // A mesh given as options changes the target, which the network then
  // records like a target option.
  targets::TargetDescription meshed = **description;
  std::pair<unsigned, const char *> mesh[] = {{chipsX, "chips_x"},
                                              {chipsY, "chips_y"}};
  for (auto [count, field] : mesh)
    if (count > 0 && meshed.manycore &&
        !targets::overrideTarget(
            meshed, std::string("/capacity/") + field, std::to_string(count),
            std::string("snn-partition ") + field, error)) {
      network->emitError() << "snn-partition: " << error;
      return signalPassFailure();
    }
  if (chipsX > 0 || chipsY > 0)
    *description = std::make_shared<const targets::TargetDescription>(meshed);
  if (!machineFromTarget(**description, machine, error)) {
    network->emitError() << "snn-partition: " << error;
    return signalPassFailure();
  }

  // The later passes and the emitter read the target from the network.
  if (!target.empty() || chipsX > 0 || chipsY > 0)
    setNetworkTarget(*network, **description);
  FailureOr<const mapping::Network *> mapped =
      getChildAnalysis<ManycoreAnalysis>(*network).getMappingNetwork();
  if (failed(mapped))
    return signalPassFailure();
  mapping::Partition partition;
  if (!mapping::partitionNetwork(machine, **mapped, partition, error)) {
    network->emitError() << "snn-partition: " << error;
    return signalPassFailure();
  }

  nmc::MappingOp mappingOp =
      createMapping(*network, **description, machine, **mapped, partition);
  if (report)
    mappingOp.emitRemark() << "snn-partition: " << partition.slices.size()
                           << " slices on " << partition.slices.size() << " of "
                           << machine.pes() << " PEs, lower bound "
                           << partition.lowerBound;
  // The network itself is unchanged (snn.target aside, which extraction
  // does not read).
  markAnalysesPreserved<ManycoreAnalysis>();
}

} // namespace
