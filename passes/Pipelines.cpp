//===- Pipelines.cpp - the named pass pipelines of snc --------------------===//

#include "passes/Pipelines.h"
#include "passes/Passes.h"

#include "mlir/IR/SymbolTable.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;

namespace snc {

void buildPrepareNetworkPipeline(OpPassManager &networkPM,
                                 const PrepareRunOptions &options) {
  networkPM.addPass(createMaterializeReservoirs());
  DiscretizeOptions discretize;
  discretize.dt = options.dt;
  discretize.scheme = options.scheme;
  networkPM.addPass(createDiscretize(discretize));
}

void buildPrepareRunPipeline(OpPassManager &pm,
                             const PrepareRunOptions &options) {
  buildPrepareNetworkPipeline(pm.nest<snn::NetworkOp>(), options);
}

void buildMapPipeline(OpPassManager &pm, const MapOptions &options) {
  if (options.stages == MapStages::All) {
    SnnPartitionOptions partition;
    partition.target = options.target;
    partition.networkName = options.network;
    partition.chipsX = options.chipsX;
    partition.chipsY = options.chipsY;
    pm.addPass(createSnnPartition(partition));
    SnnPlaceOptions place;
    place.seed = options.seed;
    place.baseline = options.baseline;
    pm.addPass(createSnnPlace(place));
  }
  if (options.stages != MapStages::None)
    pm.addPass(createSnnRoute());
}

bool needsQuantization(snn::NetworkOp network) {
  auto isFloat = [](Type type) {
    auto shaped = dyn_cast<ShapedType>(type);
    return isa<FloatType>(shaped ? shaped.getElementType() : type);
  };
  if (llvm::any_of(network.getFunctionType().getInputs(), isFloat))
    return true;
  WalkResult found = network.walk([&](Operation *op) {
    if (auto lif = dyn_cast<snn::DiscreteLIFOp>(op); lif && !lif.isInteger())
      return WalkResult::interrupt();
    if (llvm::any_of(op->getResultTypes(), isFloat))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return found.wasInterrupted();
}

namespace {

/// Runs a pipeline on one network of the module (as a dynamic pipeline), so
/// a compile prepares the network it compiles and no other.
class OnNetworkPass : public PassWrapper<OnNetworkPass, OperationPass<>> {
public:
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(OnNetworkPass)
  OnNetworkPass(std::string network, OpPassManager pipeline)
      : network(std::move(network)), pipeline(std::move(pipeline)) {}
  OnNetworkPass(const OnNetworkPass &other)
      : PassWrapper(other), network(other.network), pipeline(other.pipeline) {}

  StringRef getArgument() const override { return "snc-on-network"; }
  void getDependentDialects(DialectRegistry &registry) const override {
    pipeline.getDependentDialects(registry);
  }
  OpPassManager &getPipeline() { return pipeline; }
  void runOnOperation() override {
    auto op = dyn_cast_or_null<snn::NetworkOp>(
        SymbolTable::lookupSymbolIn(getOperation(), network));
    if (!op) {
      getOperation()->emitError()
          << "the module has no snn.network named '" << network << "'";
      return signalPassFailure();
    }
    if (failed(runPipeline(pipeline, op)))
      signalPassFailure();
  }

private:
  std::string network;
  OpPassManager pipeline;
};

} // namespace

/// Stages in a textual pipeline such as "sfq.circuit(a{x=1},b)": every
/// pass name outside option braces and quotes that opens no nested
/// pipeline.
static unsigned countTextualStages(StringRef text) {
  unsigned stages = 0;
  size_t i = 0;
  auto skipBalanced = [&](char open, char close) {
    int depth = 0;
    bool quoted = false;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == open)
        ++depth;
      else if (!quoted && c == close && --depth == 0) {
        ++i;
        return;
      }
    }
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == ',' || c == '(' || c == ')' || c == ' ') {
      ++i;
      continue;
    }
    while (i < text.size() && !StringRef(",(){ ").contains(text[i]))
      ++i;
    if (i < text.size() && text[i] == '{')
      skipBalanced('{', '}');
    // A name followed by '(' anchors a nested pipeline; it is no stage.
    if (i >= text.size() || text[i] != '(')
      ++stages;
  }
  return stages;
}

void buildCompilePipeline(OpPassManager &pm,
                          const CompilePipelineOptions &options) {
  OpPassManager network(snn::NetworkOp::getOperationName());
  buildPrepareNetworkPipeline(network,
                              PrepareRunOptions{options.dt, options.scheme});
  if (options.quantize) {
    // Both default to the network's snn.target.
    network.addPass(createLowerDelays());
    QuantizeOptions quantize;
    quantize.calibrate = llvm::join(options.calibration, ",");
    network.addPass(createQuantize(quantize));
  }
  // Attention becomes neurons and synapses on the integer network, so the
  // mapping and the backends see nothing attention-specific.
  network.addPass(createLowerAttention());
  pm.addPass(
      std::make_unique<OnNetworkPass>(options.network, std::move(network)));
}

unsigned countPipelineStages(OpPassManager &pm) {
  unsigned stages = 0;
  for (Pass &pass : pm.getPasses()) {
    if (auto *onNetwork = dyn_cast<OnNetworkPass>(&pass)) {
      stages += countPipelineStages(onNetwork->getPipeline());
    } else if (pass.getArgument().empty()) {
      // A pass adaptor running nested pass managers: count what it prints.
      std::string text;
      llvm::raw_string_ostream os(text);
      pass.printAsTextualPipeline(os);
      stages += countTextualStages(text);
    } else {
      ++stages;
    }
  }
  return stages;
}

bool runsNestedStages(Pass *pass) { return isa<OnNetworkPass>(pass); }

namespace {
struct PrepareRunCLOptions : PassPipelineOptions<PrepareRunCLOptions> {
  Option<double> dt{*this, "dt", llvm::cl::desc("Time step in seconds"),
                    llvm::cl::init(0.0)};
  Option<std::string> scheme{*this, "scheme", llvm::cl::desc("euler or exact"),
                             llvm::cl::init("")};
};

struct MapCLOptions : PassPipelineOptions<MapCLOptions> {
  Option<std::string> target{
      *this, "target",
      llvm::cl::desc("Target name or .json (default: the network's)"),
      llvm::cl::init("")};
  Option<std::string> network{
      *this, "network",
      llvm::cl::desc("The snn.network to map (default: the only one)"),
      llvm::cl::init("")};
  Option<uint64_t> seed{*this, "seed", llvm::cl::desc("Placement seed"),
                        llvm::cl::init(1)};
  Option<bool> baseline{*this, "baseline",
                        llvm::cl::desc("Place slice i on PE i"),
                        llvm::cl::init(false)};
  Option<unsigned> chipsX{
      *this, "chips-x",
      llvm::cl::desc("Chips along x (default 0: the target's chips_x)"),
      llvm::cl::init(0)};
  Option<unsigned> chipsY{
      *this, "chips-y",
      llvm::cl::desc("Chips along y (default 0: the target's chips_y)"),
      llvm::cl::init(0)};
};
} // namespace

void registerSncPipelines() {
  PassPipelineRegistration<PrepareRunCLOptions>(
      "snn-prepare-run",
      "What `snc run` applies before interpreting: materialize reservoirs, "
      "then discretize",
      [](OpPassManager &pm, const PrepareRunCLOptions &cl) {
        buildPrepareRunPipeline(pm, PrepareRunOptions{cl.dt, cl.scheme});
      });
  PassPipelineRegistration<MapCLOptions>(
      "snn-map",
      "Map a quantized network onto a many-core target: partition, place, "
      "route",
      [](OpPassManager &pm, const MapCLOptions &cl) {
        buildMapPipeline(pm, MapOptions{cl.target, cl.network, cl.seed,
                                        cl.baseline, cl.chipsX, cl.chipsY});
      });
}

} // namespace snc
