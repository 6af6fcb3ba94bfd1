//===- MappingInputs.cpp - mapping algorithm inputs from the IR -----------===//

#include "passes/MappingInputs.h"
#include "passes/ExtractManycore.h"
#include "passes/mapping/SliceTraffic.h"

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

FailureOr<snn::NetworkOp> snc::getMappedNetwork(nmc::MappingOp mapping,
                                                StringRef pass) {
  auto network = SymbolTable::lookupNearestSymbolFrom<snn::NetworkOp>(
      mapping, mapping.getNetworkAttr());
  if (!network)
    return mapping.emitError() << pass << ": " << mapping.getNetworkAttr()
                               << " is not an snn.network";
  return network;
}

namespace {

/// The mapping's target: the network's, or for IR whose network records
/// none (or another one), the target the mapping names.
FailureOr<TargetRef> targetOf(nmc::MappingOp mapping, snn::NetworkOp network,
                              StringRef pass) {
  FailureOr<TargetRef> recorded = getNetworkTarget(network, pass);
  if (failed(recorded))
    return failure();
  if (*recorded && (*recorded)->name == mapping.getTarget())
    return recorded;
  return resolveTarget(network, mapping.getTarget(), pass);
}

/// Checks that the machine `mapping` records is `machine`.
LogicalResult checkMachine(nmc::MappingOp mapping,
                           const mapping::Machine &machine,
                           StringRef targetName, StringRef pass) {
  std::pair<StringRef, std::pair<int64_t, int64_t>> fields[] = {
      {"chips_x", {mapping.getChipsXAttr().getInt(), machine.chipsX}},
      {"chips_y", {mapping.getChipsYAttr().getInt(), machine.chipsY}},
      {"pes_per_chip",
       {mapping.getPesPerChipAttr().getInt(), machine.pesPerChip()}},
      {"pes_per_qpe", {mapping.getPesPerQpeAttr().getInt(), machine.pesPerQpe}},
      {"neurons_per_pe",
       {mapping.getNeuronsPerPeAttr().getInt(), machine.neuronsPerPe}},
      {"memory_bytes_per_pe",
       {mapping.getMemoryBytesPerPeAttr().getInt(), machine.memoryBytesPerPe}},
      {"router_entries",
       {mapping.getRouterEntriesAttr().getInt(), machine.routerEntries}}};
  for (auto &[name, values] : fields)
    if (values.first != values.second)
      return mapping.emitError()
             << pass << ": " << mapping.getSymName() << " records " << name
             << " = " << values.first << ", but its target '" << targetName
             << "' has " << values.second
             << "; map the network again (snn-partition)";
  return success();
}

} // namespace

std::vector<std::vector<int64_t>>
snc::sliceDestinations(const MappingInputs &inputs) {
  return mapping::synapseDestinations(*inputs.form, *inputs.network,
                                      inputs.partition);
}

FailureOr<MappingInputs> snc::loadMappingInputs(nmc::MappingOp mapping,
                                                snn::NetworkOp network,
                                                ManycoreAnalysis &analysis,
                                                StringRef pass) {
  FailureOr<const mapping::Network *> mapped = analysis.getMappingNetwork();
  if (failed(mapped))
    return failure();

  MappingInputs inputs;
  inputs.networkOp = network;
  inputs.network = *mapped;
  inputs.form = *analysis.getForm();
  // The slices were made for the network as it was: check that they still
  // cut its populations, in population order, exactly.
  auto slices = mapping.getSlices();
  auto next = slices.begin();
  for (auto [index, population] :
       llvm::enumerate(inputs.network->populations)) {
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

  FailureOr<TargetRef> target = targetOf(mapping, network, pass);
  if (failed(target))
    return failure();
  inputs.target = *target;
  std::string error;
  if (!machineFromTarget(*inputs.target, inputs.machine, error))
    return mapping.emitError() << pass << ": " << error;
  if (failed(checkMachine(mapping, inputs.machine, inputs.target->name, pass)))
    return failure();
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

namespace {

/// The tables the nmc.router ops hold, one per chip of `machine`.
mapping::RoutingTables loadTables(nmc::MappingOp mapping,
                                  const mapping::Machine &machine,
                                  int64_t &entriesBefore) {
  mapping::RoutingTables tables;
  tables.chipsX = machine.chipsX;
  tables.chipsY = machine.chipsY;
  tables.byChip.resize(size_t(machine.chips()));
  entriesBefore = 0;
  // The verifier keeps routers on the mesh, one per chip, with equal-length
  // arrays.
  for (nmc::RouterOp router : mapping.getRouters()) {
    ArrayRef<int64_t> chip = router.getChip();
    std::vector<mapping::RouterEntry> &table =
        tables.byChip[size_t(chip[1] * machine.chipsX + chip[0])];
    for (size_t i = 0; i < router.getNumEntries(); ++i) {
      mapping::RouterEntry entry;
      entry.key = uint32_t(router.getKeys()[i]);
      entry.mask = uint32_t(router.getMasks()[i]);
      entry.route.links = uint8_t(router.getLinks()[i]);
      for (int64_t pe :
           cast<DenseI64ArrayAttr>(router.getPes()[i]).asArrayRef())
        entry.route.addPe(int(pe));
      table.push_back(std::move(entry));
    }
    entriesBefore += router.getEntriesBeforeAttr().getInt();
  }
  return tables;
}

} // namespace

FailureOr<mapping::MappedNetwork>
snc::loadMappedNetwork(nmc::MappingOp mapping, snn::NetworkOp network,
                       ManycoreAnalysis &analysis, StringRef pass,
                       TargetRef *target) {
  FailureOr<MappingInputs> inputs =
      loadMappingInputs(mapping, network, analysis, pass);
  if (failed(inputs))
    return failure();
  FailureOr<mapping::Placement> placement = loadPlacement(*inputs, pass);
  if (failed(placement))
    return failure();

  mapping::MappedNetwork mapped;
  mapped.network = *analysis.getForm();
  mapped.machine = inputs->machine;
  mapped.partition = inputs->partition;
  mapped.placement = std::move(*placement);
  for (nmc::SliceOp slice : inputs->slices) {
    if (!slice.getKeyAttr() || !slice.getMaskAttr())
      return slice.emitError() << pass << ": " << slice.describe()
                               << " has no key (run snn-route first)";
    mapped.keys.ofSlice.push_back({uint32_t(slice.getKeyAttr().getInt()),
                                   uint32_t(slice.getMaskAttr().getInt())});
  }
  mapped.tables = loadTables(mapping, mapped.machine, mapped.entriesBefore);

  // The check snn-route makes of its own tables, on whatever the IR holds.
  std::string error;
  std::vector<std::vector<int64_t>> destinations = sliceDestinations(*inputs);
  if (!mapping::verifyRouting(mapped.machine, mapped.partition,
                              mapped.placement, destinations, mapped.keys,
                              mapped.tables, error)) {
    // "slice <n>: <why>" names the slice by index; point at its op.
    StringRef rest(error);
    size_t index;
    if (rest.consume_front("slice ") && !rest.consumeInteger(10, index) &&
        rest.consume_front(": ") && index < inputs->slices.size())
      return inputs->slices[index].emitError()
             << pass << ": the nmc.router tables of " << mapping.getSymName()
             << " misroute the packets of " << inputs->slices[index].describe()
             << ": " << rest;
    return mapping.emitError()
           << pass << ": the nmc.router tables misroute packets: " << error;
  }
  if (target)
    *target = inputs->target;
  return mapped;
}
