//===- SpiNNaker2Backend.cpp - the SpiNNaker2-style many-core backend -----===//
//
// compile: snn-lower-delays and snn-quantize for the target, the snn-map
// pipeline (partition, place, route) leaving an nmc.mapping in the module,
// then per-PE images, router tables and a manifest. simulate: the
// many-core simulator on those files alone.
//
//===----------------------------------------------------------------------===//

#include "backends/Backend.h"
#include "backends/spinnaker2/Images.h"
#include "passes/ExtractManycore.h"
#include "passes/MappingInputs.h"
#include "passes/Passes.h"
#include "passes/Pipelines.h"
#include "passes/mapping/SliceTraffic.h"
#include "passes/mapping/TableCompression.h"
#include "runtime/FileIO.h"
#include "runtime/manycore/Simulator.h"

#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"

using namespace mlir;

namespace snc::spinnaker2 {
namespace {

int64_t capacity(const targets::TargetDescription &target, StringRef field,
                 int64_t fallback) {
  return target.getCapacity(field).value_or(fallback);
}

class SpiNNaker2Backend : public backends::Backend {
public:
  StringRef getName() const override { return "spinnaker2"; }
  StringRef getDescription() const override {
    return "SpiNNaker2-style many-core: per-PE images, multicast router "
           "tables, bit-exact simulator (manycore targets)";
  }
  bool accepts(const targets::TargetDescription &target) const override {
    return target.family == targets::TargetFamily::Manycore;
  }

  LogicalResult compile(ModuleOp module, snn::NetworkOp network,
                        const targets::TargetDescription &target,
                        const backends::CompileOptions &options,
                        raw_ostream &summary) const override;

  bool simulate(const std::string &dir,
                const std::vector<runtime::NpyArray> &inputs, int64_t steps,
                backends::SimulationOutput &output,
                std::string &error) const override;
};

LogicalResult
SpiNNaker2Backend::compile(ModuleOp module, snn::NetworkOp network,
                           const targets::TargetDescription &target,
                           const backends::CompileOptions &options,
                           raw_ostream &summary) const {
  MLIRContext *context = module.getContext();
  // The network as the chip computes it: delays in its slots, integers.
  PassManager lower(context, snn::NetworkOp::getOperationName());
  LowerDelaysOptions delays;
  delays.target = target.path;
  lower.addPass(createLowerDelays(delays));
  QuantizeOptions quantize;
  quantize.target = target.path;
  quantize.calibrate = llvm::join(options.calibration, ",");
  lower.addPass(createQuantize(quantize));
  if (failed(lower.run(network)))
    return failure();

  // Partition, place and route, as IR.
  PassManager map(context);
  MapOptions mapOptions;
  mapOptions.target = target.path;
  mapOptions.network = network.getSymName().str();
  mapOptions.seed = options.seed;
  mapOptions.baseline = options.sequentialPlacement;
  // The mesh as given, which may differ from the file's (snc --chips).
  mapOptions.chipsX = unsigned(capacity(target, "chips_x", 0));
  mapOptions.chipsY = unsigned(capacity(target, "chips_y", 0));
  buildMapPipeline(map, mapOptions);
  if (failed(map.run(module)))
    return failure();

  FailureOr<SmallVector<nmc::MappingOp>> mappings =
      findMappings(module, "snc compile");
  if (failed(mappings))
    return failure();
  nmc::MappingOp mappingOp;
  for (nmc::MappingOp candidate : *mappings)
    if (candidate.getNetwork() == network.getSymName())
      mappingOp = candidate;
  FailureOr<MappingInputs> inputs = loadMappingInputs(mappingOp, "snc compile");
  if (failed(inputs))
    return failure();
  FailureOr<mapping::Placement> placement =
      loadPlacement(*inputs, "snc compile");
  FailureOr<manycore::Network> form = extractManycoreNetwork(network);
  if (failed(placement) || failed(form))
    return failure();

  // The routes snn-route chose (it is deterministic), as tables.
  const mapping::Machine &machine = inputs->machine;
  std::vector<std::vector<int64_t>> destinations =
      mapping::sliceDestinations(inputs->network, inputs->partition);
  mapping::KeyAllocation keys;
  mapping::RoutingTables tables;
  std::vector<mapping::CompressionReport> compression;
  std::string error;
  if (!mapping::allocateKeys(inputs->partition, keys, error) ||
      !mapping::buildRoutingTables(machine, inputs->partition, *placement,
                                   destinations, keys, tables, error)) {
    return network.emitError() << "snc compile: " << error;
  }
  int64_t entriesBefore = tables.entries();
  if (!mapping::compressTables(tables, machine.routerEntries, compression,
                               error))
    return network.emitError() << "snc compile: " << error;

  ImageOptions imageOptions;
  imageOptions.peBudgetBytes = capacity(target, "sram_bytes_per_core", 0);
  imageOptions.cost.clockHz = double(capacity(target, "clock_hz", 300000000));
  imageOptions.cost.dtSeconds = network.getTimeStep().value_or(1e-3);
  imageOptions.cost.cyclesPerNeuron =
      capacity(target, "cycles_per_neuron", 100);
  imageOptions.cost.cyclesPerSynapticEvent =
      capacity(target, "cycles_per_synaptic_event", 20);
  imageOptions.cost.cyclesPerPacket = capacity(target, "cycles_per_packet", 30);
  for (Type type : network.getFunctionType().getInputs())
    imageOptions.inputShapes.emplace_back(cast<ShapedType>(type).getShape());
  for (Type type : network.getFunctionType().getResults())
    imageOptions.outputShapes.emplace_back(cast<ShapedType>(type).getShape());
  if (!llvm::sys::fs::is_directory(options.outputDir))
    if (std::error_code ec =
            llvm::sys::fs::create_directories(options.outputDir))
      return network.emitError() << "snc compile: cannot create '"
                                 << options.outputDir << "': " << ec.message();
  ImageSummary images;
  if (!writeImages(*form, machine, inputs->partition, *placement, keys, tables,
                   imageOptions, options.outputDir, images, error))
    return network.emitError() << "snc compile: " << error;

  // The mapped IR beside the images, for inspection.
  std::string text;
  llvm::raw_string_ostream os(text);
  module.print(os);
  if (!runtime::writeFileAtomically(options.outputDir + "/mapping.mlir",
                                    text + "\n", error))
    return network.emitError() << "snc compile: " << error;

  int64_t pes = int64_t(inputs->partition.slices.size());
  int64_t lowerBound = inputs->partition.lowerBound;
  std::set<int64_t> chips;
  for (int64_t pe : placement->peOfSlice)
    chips.insert(pe / machine.pesPerChip());
  int64_t cost = mappingOp->getAttrOfType<IntegerAttr>("cost")
                     ? mappingOp->getAttrOfType<IntegerAttr>("cost").getInt()
                     : 0;
  int64_t sequential =
      mappingOp->getAttrOfType<IntegerAttr>("sequential_cost")
          ? mappingOp->getAttrOfType<IntegerAttr>("sequential_cost").getInt()
          : 0;
  summary << "compiled '" << network.getSymName() << "' for " << target.name
          << " into " << options.outputDir << "\n";
  summary << "  PEs        " << pes << " (lower bound " << lowerBound << ") on "
          << chips.size() << " of " << machine.chips() << " chips\n";
  summary << "  traffic    " << cost << " packets x hops per step of full "
          << "activity (sequential placement: " << sequential << ")\n";
  summary << "  routing    " << entriesBefore << " entries, "
          << tables.entries() << " after compression (largest table "
          << tables.maxEntries() << " of " << machine.routerEntries << ")\n";
  summary << "  images     " << images.images << " PEs, " << images.synapses
          << " synapses; largest PE " << images.largestPe << " uses "
          << images.largestPeBytes << " of " << images.budgetBytes
          << " bytes\n";
  if (!images.overBudgetPes.empty())
    summary << "  warning: " << images.overBudgetPes.size()
            << " PE(s) exceed the memory budget (see manifest.json)\n";
  return success();
}

bool SpiNNaker2Backend::simulate(const std::string &dir,
                                 const std::vector<runtime::NpyArray> &inputs,
                                 int64_t steps,
                                 backends::SimulationOutput &output,
                                 std::string &error) const {
  auto loaded = std::make_shared<LoadedMachine>();
  if (!readImages(dir, *loaded, error))
    return false;
  if (steps < 0) {
    steps = -1;
    for (const runtime::NpyArray &input : inputs)
      if (!input.shape.empty())
        steps = steps < 0 ? input.shape[0] : std::min(steps, input.shape[0]);
    steps = std::max<int64_t>(steps, 0);
  }
  manycore::SimulationResult result;
  if (!manycore::simulate(*loaded, inputs, steps, result, error))
    return false;
  output.outputs = std::move(result.outputs);
  output.latencyShift = 0;
  output.report = manycore::formatReport(*loaded, result.stats);
  output.locate = [loaded](size_t o, int64_t element) -> std::string {
    int population = loaded->outputs[o].population;
    const LoadedPe *pe = findPe(*loaded, population, element);
    if (!pe)
      return "?";
    return "PE " + std::to_string(pe->index) + " on chip (" +
           std::to_string(pe->location.chipX) + ", " +
           std::to_string(pe->location.chipY) + "), population '" +
           loaded->populations[size_t(population)].name + "' neuron " +
           std::to_string(element);
  };
  return true;
}

} // namespace
} // namespace snc::spinnaker2

void registerSpiNNaker2Backend() {
  snc::backends::registerBackend(
      std::make_unique<snc::spinnaker2::SpiNNaker2Backend>());
}
