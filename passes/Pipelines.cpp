//===- Pipelines.cpp - the named pass pipelines of snc --------------------===//

#include "passes/Pipelines.h"
#include "passes/Passes.h"

#include "mlir/Pass/PassRegistry.h"

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

namespace {
struct PrepareRunCLOptions : PassPipelineOptions<PrepareRunCLOptions> {
  Option<double> dt{*this, "dt", llvm::cl::desc("Time step in seconds"),
                    llvm::cl::init(0.0)};
  Option<std::string> scheme{*this, "scheme", llvm::cl::desc("euler or exact"),
                             llvm::cl::init("")};
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
}

} // namespace snc
