//===- MappingOp.cpp - nmc.mapping ----------------------------------------===//
//
// The machine attributes and the structure of the body: slices grouped by
// population, each population cut into consecutive ranges from neuron 0, at
// most one slice per PE and one router per chip.
//
//===----------------------------------------------------------------------===//

#include "dialects/nmc/NMCOps.h"
#include "dialects/snn/SNNOps.h"

#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace snc::nmc;

RegionKind MappingOp::getRegionKind(unsigned) { return RegionKind::Graph; }

llvm::iterator_range<Block::op_iterator<SliceOp>> MappingOp::getSlices() {
  return getBodyBlock()->getOps<SliceOp>();
}

llvm::iterator_range<Block::op_iterator<RouterOp>> MappingOp::getRouters() {
  return getBodyBlock()->getOps<RouterOp>();
}

LogicalResult MappingOp::verify() {
  auto atLeast = [&](IntegerAttr attr, StringRef name,
                     int64_t min) -> LogicalResult {
    if (attr && attr.getInt() < min)
      return emitOpError() << "'" << name << "' must be at least " << min
                           << ", but is " << attr.getInt();
    return success();
  };
  if (failed(atLeast(getChipsXAttr(), "chips_x", 1)) ||
      failed(atLeast(getChipsYAttr(), "chips_y", 1)) ||
      failed(atLeast(getPesPerChipAttr(), "pes_per_chip", 1)) ||
      failed(atLeast(getPesPerQpeAttr(), "pes_per_qpe", 1)) ||
      failed(atLeast(getNeuronsPerPeAttr(), "neurons_per_pe", 1)) ||
      failed(atLeast(getMemoryBytesPerPeAttr(), "memory_bytes_per_pe", 1)) ||
      failed(atLeast(getRouterEntriesAttr(), "router_entries", 0)) ||
      failed(atLeast(getLowerBoundAttr(), "lower_bound", 0)) ||
      failed(atLeast(getCostAttr(), "cost", 0)) ||
      failed(atLeast(getSequentialCostAttr(), "sequential_cost", 0)))
    return failure();
  // A chip is a whole number of quad-PE groups.
  if (getPesPerChipAttr().getInt() % getPesPerQpeAttr().getInt() != 0)
    return emitOpError() << "'pes_per_chip' (" << getPesPerChipAttr().getInt()
                         << ") is not a multiple of 'pes_per_qpe' ("
                         << getPesPerQpeAttr().getInt() << ")";
  if (getTarget().empty())
    return emitOpError() << "needs a 'target' name";
  return success();
}

LogicalResult MappingOp::verifySymbolUses(SymbolTableCollection &symbols) {
  if (!symbols.lookupNearestSymbolFrom<snn::NetworkOp>(*this, getNetworkAttr()))
    return emitOpError() << "'network' does not name an snn.network: "
                         << getNetworkAttr();
  return success();
}

LogicalResult MappingOp::verifyRegions() {
  SliceOp previous;
  llvm::DenseMap<int64_t, SliceOp> sliceOfPe;
  llvm::DenseMap<std::pair<int64_t, int64_t>, RouterOp> routerOfChip;
  for (Operation &op : *getBodyBlock()) {
    if (auto router = dyn_cast<RouterOp>(op)) {
      ArrayRef<int64_t> chip = router.getChip();
      auto [it, inserted] =
          routerOfChip.try_emplace({chip[0], chip[1]}, router);
      if (!inserted)
        return router.emitOpError() << "is the second router of chip ("
                                    << chip[0] << ", " << chip[1] << ")";
      continue;
    }
    auto slice = dyn_cast<SliceOp>(op);
    if (!slice)
      return op.emitOpError() << "is not allowed in an nmc.mapping (only "
                                 "nmc.slice and nmc.router are)";
    // Slices run through each population in order, from neuron 0 up. Only
    // the order tells populations apart: names need not be unique.
    int64_t index = slice.getIndexAttr().getInt();
    if (index > 0 &&
        (!previous || previous.getPopulation() != slice.getPopulation() ||
         previous.getIndexAttr().getInt() != index - 1))
      return slice.emitOpError()
             << "does not follow slice " << index - 1 << " of population \""
             << slice.getPopulation() << "\"";
    int64_t expectedLo = index > 0 ? previous.getHiValue() : 0;
    if (slice.getLoValue() != expectedLo)
      return slice.emitOpError() << "starts at neuron " << slice.getLoValue()
                                 << ", expected " << expectedLo;
    previous = slice;

    if (!slice.isPlaced())
      continue;
    auto [it, inserted] = sliceOfPe.try_emplace(slice.getPeValue(), slice);
    if (!inserted)
      return slice.emitOpError()
             << "is on PE " << slice.getPeValue() << ", which already runs "
             << it->second.describe();
  }
  return success();
}
