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

void buildMapPipeline(OpPassManager &pm, const MapOptions &options) {
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
  pm.addPass(createSnnRoute());
}

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
