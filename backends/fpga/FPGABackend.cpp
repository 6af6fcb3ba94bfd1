//===- FPGABackend.cpp - time-multiplexed neuron cores on an FPGA ---------===//
//
// Passes: snn-partition (neuron-core-sized slices; the part as one chip of
// cores, see machineFromTarget), then fpga-plan (levels, memories, block
// RAM; recorded on the nmc ops). Emitter: the plan read back and written as
// Verilog, memory images and a Verilator harness (Design.h). Simulator:
// that harness built and run in Verilator. Bit-exact with the interpreter,
// no latency added.
//
//===----------------------------------------------------------------------===//

#include "backends/Backend.h"
#include "backends/fpga/Design.h"
#include "backends/fpga/Emitter.h"
#include "backends/fpga/Passes.h"
#include "backends/fpga/PlanAttrs.h"
#include "backends/fpga/Synth.h"
#include "passes/Passes.h"
#include "passes/TargetAttr.h"

#include "mlir/Pass/PassOptions.h"
#include "llvm/Support/Format.h"

#include <nlohmann/json.hpp>

#include <fstream>

using namespace mlir;

namespace snc::fpga {
namespace {

/// The backend's options (`--backend-options`). seed and
/// sequential-placement are the options every compile passes (`snc
/// compile --seed`); an FPGA has nothing to place, so they change nothing.
/// The x-initial ones are the simulator's.
struct FPGAOptions : PassPipelineOptions<FPGAOptions> {
  Option<uint64_t> seed{*this, "seed",
                        llvm::cl::desc("Placement seed (no effect: every core "
                                       "is its own hardware)"),
                        llvm::cl::init(1)};
  Option<bool> sequential{
      *this, "sequential-placement",
      llvm::cl::desc("Placement baseline (no effect on an FPGA)"),
      llvm::cl::init(false)};
  Option<std::string> xInitial{
      *this, "x-initial",
      llvm::cl::desc("unique: Verilator starts every register and memory "
                     "the design does not reset from a value drawn from "
                     "x-initial-seed (--x-initial unique), which the "
                     "outputs must not depend on"),
      llvm::cl::init("")};
  Option<uint64_t> xInitialSeed{
      *this, "x-initial-seed",
      llvm::cl::desc("Seed of x-initial=unique's values"), llvm::cl::init(1)};
};

constexpr llvm::StringLiteral kKnownOptions =
    "seed=N, sequential-placement=true|false, x-initial=unique, "
    "x-initial-seed=N";

std::unique_ptr<FPGAOptions> parseOptions(StringRef text, std::string &error) {
  return backends::parseBackendOptions<FPGAOptions>(
      "fpga", text, kKnownOptions, error, [](const FPGAOptions &options) {
        return options.xInitial.empty() || options.xInitial == "unique";
      });
}

class FPGABackend : public backends::Backend {
public:
  StringRef getName() const override { return "fpga"; }
  StringRef getDescription() const override {
    return "Time-multiplexed neuron cores: Verilog, memory images, "
           "Verilator harness, bit-exact (fpga targets)";
  }
  backends::Capabilities getCapabilities() const override {
    backends::Capabilities capabilities;
    capabilities.equivalence.kind = backends::Equivalence::Kind::BitExact;
    capabilities.tools.push_back(
        {"verilator", "to simulate the generated Verilog"});
    capabilities.litFeature = "fpga";
    return capabilities;
  }

  LogicalResult addPasses(OpPassManager &pm, ModuleOp module,
                          snn::NetworkOp network,
                          StringRef options) const override {
    std::string error;
    if (!parseOptions(options, error))
      return network.emitError() << error;
    // A planned mapping for this target (an edited mapping.mlir) compiles
    // as it is; the emitter checks it.
    auto target = network->getAttrOfType<DictionaryAttr>(getTargetAttrName());
    auto name = target ? target.getAs<StringAttr>("name") : StringAttr();
    for (nmc::MappingOp mapping : module.getOps<nmc::MappingOp>())
      if (mapping.getNetwork() == network.getSymName() && name &&
          mapping.getTarget() == name.getValue() && hasPlan(mapping))
        return success();
    SnnPartitionOptions partition;
    partition.networkName = network.getSymName().str();
    pm.addPass(createSnnPartition(partition));
    FpgaPlanOptions plan;
    plan.networkName = network.getSymName().str();
    pm.addPass(createFpgaPlan(plan));
    return success();
  }

  LogicalResult emit(ModuleOp module, snn::NetworkOp network,
                     AnalysisManager *analyses,
                     const backends::EmitOutput &output,
                     raw_ostream &summary) const override {
    return emitFPGA(module, network, analyses, output, summary);
  }

  bool simulate(const std::string &dir,
                const std::vector<runtime::NpyArray> &inputs, int64_t steps,
                StringRef options, backends::SimulationOutput &output,
                std::string &error,
                const runtime::ProgressFn &progress) const override;

  /// yosys (and nextpnr-ice40 + icepack on the iCE40 UP5K) on the design's
  /// top.v; its rtl/ copies are included from the design directory.
  bool synthesize(const std::string &dir,
                  const targets::TargetDescription &target,
                  backends::SynthesisReport &report,
                  std::string &error) const override {
    SynthOptions options;
    options.includeDirs = {dir};
    SynthReport synth;
    if (!synthesizeDesign(dir, "top", {dir + "/top.v"}, target, options, synth,
                          error))
      return false;
    // The plan's estimate, from the manifest writeDesign wrote.
    std::ifstream manifestFile(dir + "/manifest.json");
    nlohmann::json manifest = nlohmann::json::parse(manifestFile, nullptr,
                                                    /*allow_exceptions=*/false);
    if (manifest.is_object() && manifest.contains("block_rams") &&
        manifest["block_rams"].is_number() && manifest.contains("sprams") &&
        manifest["sprams"].is_number_integer()) {
      synth.hasPlanned = true;
      synth.plannedBram = manifest["block_rams"].get<double>();
      synth.plannedSprams = manifest["sprams"].get<int64_t>();
    }
    report = {synth.toText(), synth.toJSON()};
    return true;
  }
};

bool FPGABackend::simulate(const std::string &dir,
                           const std::vector<runtime::NpyArray> &inputs,
                           int64_t steps, StringRef options,
                           backends::SimulationOutput &output,
                           std::string &error,
                           const runtime::ProgressFn &) const {
  std::unique_ptr<FPGAOptions> parsed = parseOptions(options, error);
  if (!parsed || !backends::checkTools(*this, error))
    return false;
  SimulateOptions simulate;
  simulate.steps = steps;
  if (parsed->xInitial == "unique") {
    simulate.xInitial = "unique";
    simulate.xInitialSeed = parsed->xInitialSeed;
  }
  auto result = std::make_shared<SimulateResult>();
  if (!simulateDesign(dir, inputs, simulate, *result, error))
    return false;
  int64_t ran = result->outputs.empty() || result->outputs[0].shape.empty()
                    ? 0
                    : result->outputs[0].shape[0];
  std::string report;
  llvm::raw_string_ostream os(report);
  os << "simulated " << ran << " steps in Verilator";
  if (!simulate.xInitial.empty())
    os << " (x-initial unique, seed " << simulate.xInitialSeed << ")";
  os << "\n  cycles     " << result->cyclesTotal << " ("
     << result->cyclesMaxStep << " in the longest step";
  if (ran > 0)
    os << ", " << llvm::format("%.1f", double(result->cyclesTotal) / ran)
       << " per step";
  os << ")\n";
  if (result->cyclesLoad > 0)
    os << "  loading    " << result->cyclesLoad
       << " cycles before the first step (SPRAM synapses)\n";
  os << "  synaptic   " << result->synapticEvents << " events";
  if (result->cyclesTotal > 0)
    os << ", "
       << llvm::format("%.3f", double(result->synapticEvents) /
                                   double(result->cyclesTotal))
       << " per cycle";
  os << "\n";
  output.outputs = std::move(result->outputs);
  output.latencyShift = 0;
  output.report = std::move(report);
  output.locate = backends::locateIn(result);
  return true;
}

} // namespace
} // namespace snc::fpga

void registerFPGABackend() {
  snc::backends::registerBackend(std::make_unique<snc::fpga::FPGABackend>());
}
