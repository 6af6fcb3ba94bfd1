//===- SFQBackend.cpp - single-flux-quantum pulse netlists ----------------===//
//
// Passes: the sfq pipeline (passes/sfq/SFQPipeline.h: snn-to-sfq,
// sfq-balance-paths, sfq-insert-splitters, sfq-insert-mergers) after the
// shared compile stages. Emitter: the finished sfq.circuit as a structural
// Verilog netlist of the library's cells, a JoSIM deck, a report and a
// manifest (Emitter.h). Simulator: runtime/sfq's pulse simulator on the
// written netlist. Bit-exact with the interpreter, and no timing violation.
//
//===----------------------------------------------------------------------===//

#include "backends/Backend.h"
#include "backends/sfq/Design.h"
#include "backends/sfq/Emitter.h"
#include "passes/sfq/SFQPipeline.h"

#include "mlir/Pass/PassOptions.h"

#include <cstdio>

using namespace mlir;

namespace snc::sfqbackend {
namespace {

/// The backend's options (`--backend-options`). seed and
/// sequential-placement are what every compile passes; a circuit has
/// nothing to place.
struct SFQOptions : PassPipelineOptions<SFQOptions> {
  Option<uint64_t> seed{*this, "seed",
                        llvm::cl::desc("Placement seed (no effect)"),
                        llvm::cl::init(1)};
  Option<bool> sequential{*this, "sequential-placement",
                          llvm::cl::desc("Placement baseline (no effect)"),
                          llvm::cl::init(false)};
  Option<std::string> balance{
      *this, "balance",
      llvm::cl::desc("Path balancing: full (a DFF per missing stage on every "
                     "edge) or retime (DFFs shared along fan-out trees)"),
      llvm::cl::init("full")};
};

constexpr llvm::StringLiteral kKnownOptions =
    "seed=N, sequential-placement=true|false, balance=full|retime";

std::unique_ptr<SFQOptions> parseOptions(StringRef text, std::string &error) {
  return backends::parseBackendOptions<SFQOptions>(
      "sfq", text, kKnownOptions, error, [](const SFQOptions &options) {
        return options.balance == "full" || options.balance == "retime";
      });
}

class SFQBackend : public backends::Backend {
public:
  StringRef getName() const override { return "sfq"; }
  StringRef getDescription() const override {
    return "Single-flux-quantum pulse netlists: RSFQ cells, splitter trees, "
           "balanced paths, timed pulse simulator (sfq targets)";
  }
  backends::Capabilities getCapabilities() const override {
    backends::Capabilities capabilities;
    capabilities.equivalence.kind = backends::Equivalence::Kind::BitExact;
    capabilities.equivalence.noTimingViolation = true;
    capabilities.litFeature = "sfq";
    return capabilities;
  }

  LogicalResult addPasses(OpPassManager &pm, ModuleOp, snn::NetworkOp network,
                          StringRef options) const override {
    std::string error;
    std::unique_ptr<SFQOptions> parsed = parseOptions(options, error);
    if (!parsed)
      return network.emitError() << error;
    sfq::SFQPipelineOptions pipeline;
    pipeline.network = network.getSymName().str();
    pipeline.balance = parsed->balance;
    sfq::buildSFQPipeline(pm, pipeline);
    return success();
  }

  LogicalResult emit(ModuleOp module, snn::NetworkOp network, AnalysisManager *,
                     const backends::EmitOutput &output,
                     raw_ostream &summary) const override {
    return emitSFQ(module, network, output, summary);
  }

  bool simulate(const std::string &dir,
                const std::vector<runtime::NpyArray> &inputs, int64_t steps,
                StringRef options, backends::SimulationOutput &output,
                std::string &error,
                const runtime::ProgressFn &) const override {
    if (!parseOptions(options, error))
      return false;
    auto result = std::make_shared<SimulateResult>();
    if (!simulateDesign(dir, inputs, steps, *result, error))
      return false;
    output.outputs = std::move(result->outputs);
    output.latencyShift = 0; // the probes' latencies are taken out already
    output.report = result->report;
    output.locate = backends::locateIn(result);
    return true;
  }
};

} // namespace
} // namespace snc::sfqbackend

void registerSFQBackend() {
  snc::backends::registerBackend(
      std::make_unique<snc::sfqbackend::SFQBackend>());
}
