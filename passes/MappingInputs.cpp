//===- MappingInputs.cpp - mapping algorithm inputs from the IR -----------===//

#include "passes/MappingInputs.h"
#include "passes/ExtractManycore.h"

#include "mlir/IR/SymbolTable.h"

using namespace mlir;
using namespace snc;

FailureOr<snn::NetworkOp> snc::findNetwork(ModuleOp module, StringRef name,
                                           StringRef pass) {
  if (!name.empty()) {
    auto network = dyn_cast_or_null<snn::NetworkOp>(
        SymbolTable::lookupSymbolIn(module, name));
    if (!network)
      return module.emitError()
             << pass << ": the module has no snn.network named '" << name
             << "'";
    return network;
  }
  auto networks = module.getOps<snn::NetworkOp>();
  if (networks.empty())
    return module.emitError() << pass << ": the module has no snn.network";
  if (std::next(networks.begin()) != networks.end())
    return module.emitError() << pass
                              << ": the module has several snn.network ops; "
                                 "name one with network=<symbol>";
  return *networks.begin();
}

FailureOr<SmallVector<nmc::MappingOp>> snc::findMappings(ModuleOp module,
                                                         StringRef pass) {
  SmallVector<nmc::MappingOp> mappings(module.getOps<nmc::MappingOp>());
  if (mappings.empty())
    return module.emitError()
           << pass
           << ": the module has no nmc.mapping (run snn-partition "
              "first)";
  return mappings;
}

mapping::Machine snc::machineOf(nmc::MappingOp mapping) {
  mapping::Machine machine;
  machine.chipsX = int(mapping.getChipsXAttr().getInt());
  machine.chipsY = int(mapping.getChipsYAttr().getInt());
  machine.pesPerQpe = int(mapping.getPesPerQpeAttr().getInt());
  // The verifier makes pes_per_chip a multiple of pes_per_qpe.
  machine.qpesPerChip =
      int(mapping.getPesPerChipAttr().getInt() / machine.pesPerQpe);
  machine.qpesX = machine.qpesPerChip;
  machine.qpesY = 1;
  machine.neuronsPerPe = mapping.getNeuronsPerPeAttr().getInt();
  machine.memoryBytesPerPe = mapping.getMemoryBytesPerPeAttr().getInt();
  machine.routerEntries = mapping.getRouterEntriesAttr().getInt();
  return machine;
}

FailureOr<MappingInputs> snc::loadMappingInputs(nmc::MappingOp mapping,
                                                StringRef pass) {
  auto network = SymbolTable::lookupNearestSymbolFrom<snn::NetworkOp>(
      mapping, mapping.getNetworkAttr());
  if (!network)
    return mapping.emitError() << pass << ": " << mapping.getNetworkAttr()
                               << " is not an snn.network";
  FailureOr<manycore::Network> manycore = extractManycoreNetwork(network);
  if (failed(manycore))
    return failure();

  MappingInputs inputs;
  inputs.machine = machineOf(mapping);
  inputs.network = toMappingNetwork(*manycore);
  // The slices were made for the network as it was: check that they still
  // cut its populations, in population order, exactly.
  auto slices = mapping.getSlices();
  auto next = slices.begin();
  for (auto [index, population] : llvm::enumerate(inputs.network.populations)) {
    // Take the population's run of consecutive slices (the verifier makes
    // a run start at neuron 0 and continue without gaps).
    int64_t covered = 0;
    while (covered < population.size && next != slices.end() &&
           (*next).getPopulation() == population.name &&
           (*next).getLoValue() == covered) {
      nmc::SliceOp slice = *next++;
      mapping::Slice cut;
      cut.population = int(index);
      cut.lo = slice.getLoValue();
      cut.hi = slice.getHiValue();
      cut.memoryBytes = slice.getMemoryBytesAttr().getInt();
      inputs.partition.slices.push_back(cut);
      inputs.slices.push_back(slice);
      covered = cut.hi;
    }
    if (covered != population.size)
      return mapping.emitError()
             << pass << ": the slices of population '" << population.name
             << "' of " << mapping.getNetworkAttr() << " cover neurons [0, "
             << covered << "), but it has " << population.size
             << "; the network changed since snn-partition";
  }
  if (next != slices.end())
    return (*next).emitError()
           << pass << ": " << (*next).describe() << " cuts no population of "
           << mapping.getNetworkAttr()
           << "; the network changed since snn-partition";
  inputs.partition.lowerBound = mapping.getLowerBoundAttr().getInt();
  return inputs;
}

FailureOr<mapping::Placement> snc::loadPlacement(const MappingInputs &inputs,
                                                 StringRef pass) {
  mapping::Placement placement;
  for (nmc::SliceOp slice : inputs.slices) {
    if (!slice.isPlaced())
      return slice.emitError() << pass << ": " << slice.describe()
                               << " has no PE (run snn-place first)";
    placement.peOfSlice.push_back(slice.getPeValue());
  }
  return placement;
}
