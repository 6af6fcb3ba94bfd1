//===- Emitter.cpp - SpiNNaker2 images from the nmc IR --------------------===//
//
// A read-only walk, as CIRCT's ExportVerilog: everything the images hold
// comes from the IR as the passes left it (or as someone edited it), and
// the routes are checked before anything is written.
//
//===----------------------------------------------------------------------===//

#include "backends/spinnaker2/Emitter.h"
#include "backends/spinnaker2/ImageWriter.h"
#include "dialects/nmc/NMCOps.h"
#include "passes/MappingInputs.h"

#include <optional>
#include <set>

using namespace mlir;

namespace snc::spinnaker2 {

namespace {

constexpr llvm::StringLiteral kPass = "emit-spinnaker2";

/// What the images need beyond the mapping, from the target and the
/// network.
ImageOptions imageOptions(const targets::TargetDescription &target,
                          snn::NetworkOp network) {
  ImageOptions options;
  const targets::ManycoreCapacity &c = *target.manycore;
  options.peBudgetBytes = c.sramBytesPerCore.value_or(0);
  // The partitioner sized every slice to fit (passes/mapping/Partition.h):
  // an image that does not is a bug or a hand-edited mapping, not output.
  options.overBudgetIsError = true;
  options.cost.clockHz = double(c.clockHz.value_or(300000000));
  options.cost.dtSeconds = *network.getTimeStep();
  options.cost.cyclesPerNeuron = c.cyclesPerNeuron;
  options.cost.cyclesPerSynapticEvent = c.cyclesPerSynapticEvent;
  options.cost.cyclesPerPacket = c.cyclesPerPacket;
  for (Type type : network.getFunctionType().getInputs())
    options.inputShapes.emplace_back(cast<ShapedType>(type).getShape());
  for (Type type : network.getFunctionType().getResults())
    options.outputShapes.emplace_back(cast<ShapedType>(type).getShape());
  return options;
}

void printSummary(snn::NetworkOp network, nmc::MappingOp mappingOp,
                  const targets::TargetDescription &target,
                  const mapping::MappedNetwork &mapped,
                  const ImageSummary &images, StringRef dir,
                  raw_ostream &summary) {
  const mapping::Machine &machine = mapped.machine;
  std::set<int64_t> chips;
  for (int64_t pe : mapped.placement.peOfSlice)
    chips.insert(pe / machine.pesPerChip());
  auto attr = [&](StringRef name) {
    auto value = mappingOp->getAttrOfType<IntegerAttr>(name);
    return value ? value.getInt() : 0;
  };
  summary << "compiled '" << network.getSymName() << "' for " << target.name
          << " into " << dir << "\n";
  summary << "  PEs        " << mapped.partition.slices.size()
          << " (lower bound " << mapped.partition.lowerBound << ") on "
          << chips.size() << " of " << machine.chips() << " chips\n";
  summary << "  traffic    " << attr("cost")
          << " packets x hops per step of full "
          << "activity (sequential placement: " << attr("sequential_cost")
          << ")\n";
  summary << "  routing    " << mapped.entriesBefore << " entries, "
          << mapped.tables.entries() << " after compression (largest table "
          << mapped.tables.maxEntries() << " of " << machine.routerEntries
          << ")\n";
  summary << "  images     " << images.images << " PEs, " << images.synapses
          << " synapses; largest PE " << images.largestPe << " uses "
          << images.largestPeBytes << " of " << images.budgetBytes
          << " bytes\n";
}

} // namespace

LogicalResult emitSpiNNaker2(ModuleOp module, snn::NetworkOp network,
                             AnalysisManager *analyses,
                             const backends::EmitOutput &output,
                             raw_ostream &summary) {
  nmc::MappingOp mappingOp;
  for (nmc::MappingOp candidate : module.getOps<nmc::MappingOp>())
    if (candidate.getNetwork() == network.getSymName())
      mappingOp = candidate;
  if (!mappingOp)
    return network.emitError() << kPass << ": @" << network.getSymName()
                               << " has no nmc.mapping (run snn-map first)";
  if (!network.getTimeStep())
    return network.emitError() << kPass << ": @" << network.getSymName()
                               << " is not discretized (no dt)";

  std::optional<ManycoreAnalysis> local;
  ManycoreAnalysis *analysis = &getManycoreAnalysis(analyses, network, local);
  TargetRef target;
  FailureOr<mapping::MappedNetwork> mapped =
      loadMappedNetwork(mappingOp, network, *analysis, kPass, &target);
  if (failed(mapped))
    return failure();
  // loadMappedNetwork made the machine from it: a many-core target.
  ImageOptions options = imageOptions(*target, network);

  std::string error;
  if (output.text) {
    ImageFiles files;
    if (!buildImageFiles(*mapped, options, files, error))
      return network.emitError() << kPass << ": " << error;
    *output.text << printImageFiles(files, mapped->tables);
    return success();
  }
  ImageSummary images;
  if (!writeImages(*mapped, options, output.directory, images, error))
    return network.emitError() << kPass << ": " << error;
  printSummary(network, mappingOp, *target, *mapped, images, output.directory,
               summary);
  return success();
}

} // namespace snc::spinnaker2
