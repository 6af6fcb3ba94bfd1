//===- SpiNNaker2Backend.cpp - the SpiNNaker2-style many-core backend -----===//
//
// Passes: snn-partition, snn-place, snn-route (left out when the IR is
// already mapped), leaving an nmc.mapping in the module. Emitter: per-PE
// images, router tables and a manifest from the nmc ops
// (SpiNNaker2Emitter.cpp). Simulator: the many-core simulator on those
// files alone. Bit-exact with the interpreter, no latency added.
//
//===----------------------------------------------------------------------===//

#include "backends/Backend.h"
#include "backends/spinnaker2/Emitter.h"
#include "backends/spinnaker2/Images.h"
#include "dialects/nmc/NMCOps.h"
#include "passes/Pipelines.h"
#include "passes/TargetAttr.h"
#include "runtime/manycore/Simulator.h"

#include "mlir/Pass/PassOptions.h"

using namespace mlir;

namespace snc::spinnaker2 {
namespace {

/// The backend's options (`snc compile --backend-options`, and --seed /
/// --sequential-placement).
struct SpiNNaker2Options : PassPipelineOptions<SpiNNaker2Options> {
  Option<uint64_t> seed{*this, "seed", llvm::cl::desc("Seed of the placement"),
                        llvm::cl::init(1)};
  Option<bool> sequential{
      *this, "sequential-placement",
      llvm::cl::desc("Place slice i on PE i instead of optimising"),
      llvm::cl::init(false)};
};

/// The placed mapping of `network` for the target it is compiled for, if
/// the IR has one: compiling it again keeps its placement (an edited
/// mapping.mlir compiles as edited). A mapping for another target is
/// replaced.
nmc::MappingOp placedMapping(ModuleOp module, snn::NetworkOp network) {
  auto target = network->getAttrOfType<DictionaryAttr>(getTargetAttrName());
  auto name = target ? target.getAs<StringAttr>("name") : StringAttr();
  for (nmc::MappingOp mapping : module.getOps<nmc::MappingOp>())
    if (mapping.getNetwork() == network.getSymName()) {
      if (!name || mapping.getTarget() != name.getValue())
        return {};
      auto slices = mapping.getSlices();
      bool placed = !slices.empty() && llvm::all_of(slices, [](nmc::SliceOp s) {
        return s.isPlaced();
      });
      return placed ? mapping : nmc::MappingOp();
    }
  return {};
}

std::unique_ptr<SpiNNaker2Options> parseOptions(StringRef text,
                                                std::string &error) {
  return backends::parseBackendOptions<SpiNNaker2Options>(
      "spinnaker2", text, "seed=N, sequential-placement=true|false", error);
}

class SpiNNaker2Backend : public backends::Backend {
public:
  StringRef getName() const override { return "spinnaker2"; }
  StringRef getDescription() const override {
    return "SpiNNaker2-style many-core: per-PE images, multicast router "
           "tables, bit-exact simulator (manycore targets)";
  }
  backends::Capabilities getCapabilities() const override {
    backends::Capabilities capabilities;
    capabilities.equivalence.kind = backends::Equivalence::Kind::BitExact;
    capabilities.litFeature = "spinnaker2";
    return capabilities;
  }

  LogicalResult addPasses(OpPassManager &pm, ModuleOp module,
                          snn::NetworkOp network,
                          StringRef options) const override {
    std::string error;
    std::unique_ptr<SpiNNaker2Options> parsed = parseOptions(options, error);
    if (!parsed)
      return network.emitError() << error;
    MapOptions map;
    map.network = network.getSymName().str();
    map.seed = parsed->seed;
    map.baseline = parsed->sequential;
    if (nmc::MappingOp mapping = placedMapping(module, network)) {
      // Routes are checked by the emitter, so they are kept as well when
      // every slice has its key.
      bool routed = llvm::all_of(mapping.getSlices(), [](nmc::SliceOp s) {
        return bool(s.getKeyAttr());
      });
      map.stages = routed ? MapStages::None : MapStages::Route;
    }
    buildMapPipeline(pm, map);
    return success();
  }

  LogicalResult emit(ModuleOp module, snn::NetworkOp network,
                     AnalysisManager *analyses,
                     const backends::EmitOutput &output,
                     raw_ostream &summary) const override {
    return emitSpiNNaker2(module, network, analyses, output, summary);
  }

  bool simulate(const std::string &dir,
                const std::vector<runtime::NpyArray> &inputs, int64_t steps,
                StringRef options, backends::SimulationOutput &output,
                std::string &error,
                const runtime::ProgressFn &progress) const override;
};

bool SpiNNaker2Backend::simulate(const std::string &dir,
                                 const std::vector<runtime::NpyArray> &inputs,
                                 int64_t steps, StringRef options,
                                 backends::SimulationOutput &output,
                                 std::string &error,
                                 const runtime::ProgressFn &progress) const {
  // Its options are all compile options; they are checked all the same.
  if (!parseOptions(options, error))
    return false;
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
  if (!manycore::simulate(*loaded, inputs, steps, result, error, progress))
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
