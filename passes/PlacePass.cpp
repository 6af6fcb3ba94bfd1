//===- PlacePass.cpp - snn-place ------------------------------------------===//
//
// Gives every slice of each nmc.mapping a PE, optimising the multicast
// traffic cost (or, as a baseline, slice i on PE i).
//
//===----------------------------------------------------------------------===//

#include "dialects/nmc/NMCOps.h"
#include "passes/MappingInputs.h"
#include "passes/Passes.h"
#include "passes/mapping/Place.h"
#include "passes/mapping/SliceTraffic.h"

#include "mlir/IR/Builders.h"

namespace snc {
#define GEN_PASS_DEF_SNNPLACE
#include "passes/Passes.h.inc"
} // namespace snc

using namespace mlir;
using namespace snc;

namespace {

struct PlacePass : public snc::impl::SnnPlaceBase<PlacePass> {
  using SnnPlaceBase::SnnPlaceBase;

  void runOnOperation() override {
    FailureOr<SmallVector<nmc::MappingOp>> mappings =
        findMappings(getOperation(), "snn-place");
    if (failed(mappings))
      return signalPassFailure();
    for (nmc::MappingOp mapping : *mappings)
      if (failed(place(mapping)))
        return signalPassFailure();
    // Only nmc ops change.
    markAnalysesPreserved<ManycoreAnalysis>();
  }

  LogicalResult place(nmc::MappingOp mapping);
};

LogicalResult PlacePass::place(nmc::MappingOp mapping) {
  FailureOr<snn::NetworkOp> network = getMappedNetwork(mapping, "snn-place");
  if (failed(network))
    return failure();
  FailureOr<MappingInputs> inputs = loadMappingInputs(
      mapping, *network, getChildAnalysis<ManycoreAnalysis>(*network),
      "snn-place");
  if (failed(inputs))
    return failure();
  const mapping::Machine &machine = inputs->machine;
  const mapping::Partition &partition = inputs->partition;
  std::vector<std::vector<int64_t>> destinations = sliceDestinations(*inputs);

  mapping::Placement sequential = mapping::placeSequential(machine, partition);
  mapping::Placement placement = sequential;
  if (!baseline) {
    std::string error;
    if (!mapping::placeNetwork(machine, partition, destinations, seed,
                               placement, error))
      return mapping.emitError() << "snn-place: " << error;
  }

  Builder builder(mapping.getContext());
  for (auto [slice, pe] :
       llvm::zip_equal(inputs->slices, placement.peOfSlice)) {
    mapping::PeLocation where = mapping::locate(machine, pe);
    slice.setPeAttr(builder.getI64IntegerAttr(pe));
    slice.setChip(ArrayRef<int64_t>{where.chipX, where.chipY});
    slice.setQpeAttr(builder.getI64IntegerAttr(where.qpe));
    // Keys and routes were made for the old placement.
    slice.removeKeyAttr();
    slice.removeMaskAttr();
  }
  for (nmc::RouterOp router : llvm::make_early_inc_range(mapping.getRouters()))
    router.erase();

  mapping.setCostAttr(builder.getI64IntegerAttr(
      mapping::costOf(machine, partition, destinations, placement)));
  mapping.setSequentialCostAttr(builder.getI64IntegerAttr(
      mapping::costOf(machine, partition, destinations, sequential)));
  if (baseline)
    mapping.removeSeedAttr();
  else
    mapping.setSeedAttr(builder.getI64IntegerAttr(int64_t(uint64_t(seed))));
  return success();
}

} // namespace
