//===- Pipelines.h - the named pass pipelines of snc ------------*- C++ -*-===//
//
// Every pipeline the tools run is built here and nowhere else.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_PIPELINES_H
#define SNC_PASSES_PIPELINES_H

#include "dialects/snn/SNNOps.h"

#include "mlir/Pass/PassManager.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc {

struct PrepareRunOptions {
  double dt = 0.0;    // 0: the network's own dt
  std::string scheme; // empty: the network's own, else euler
};

/// Everything `snc run` does before interpreting: expand reservoirs, then
/// discretize. Runs on the module (every network in it).
void buildPrepareRunPipeline(mlir::OpPassManager &pm,
                             const PrepareRunOptions &options);

/// The same, for a pass manager anchored on one snn.network.
void buildPrepareNetworkPipeline(mlir::OpPassManager &networkPM,
                                 const PrepareRunOptions &options);

/// Which mapping passes run: all, or only what an already mapped module
/// lacks (its placement kept).
enum class MapStages { All, Route, None };

struct MapOptions {
  std::string target;  // empty: the network's snn.target
  std::string network; // empty: the module's only snn.network
  uint64_t seed = 1;
  bool baseline = false; // place slice i on PE i
  unsigned chipsX = 0;   // 0: the target's chips_x
  unsigned chipsY = 0;   // 0: the target's chips_y
  MapStages stages = MapStages::All;
};

/// Maps a quantized network onto a many-core target: snn-partition,
/// snn-place, snn-route. Runs on the module; leaves an nmc.mapping.
void buildMapPipeline(mlir::OpPassManager &pm, const MapOptions &options);

struct CompilePipelineOptions {
  /// The network compiled; other networks of the module are left alone.
  std::string network;
  double dt = 0.0;    // 0: the network's own dt
  std::string scheme; // empty: the network's own, else euler
  /// Calibration inputs for quantization, one .npy per network input.
  std::vector<std::string> calibration;
  /// Whether the network still needs snn-lower-delays and snn-quantize
  /// (see needsQuantization).
  bool quantize = true;
};

/// False when `network` is integer already (`snc quantize` output): its
/// compile leaves out snn-lower-delays and snn-quantize, which take float
/// networks.
bool needsQuantization(snn::NetworkOp network);

/// The shared stages of every compile, on the module: on the network named,
/// materialize reservoirs, discretize (nothing to do for a discretized
/// network), then snn-lower-delays and snn-quantize for the network's
/// snn.target unless it is quantized already, then snn-lower-attention
/// (attention as neurons and synapses). A backend appends its passes
/// (Backend::addPasses), then its emitter runs (backends::createEmitPass).
void buildCompilePipeline(mlir::OpPassManager &pm,
                          const CompilePipelineOptions &options);

/// How many passes `pm` runs that are stages of their own (have an
/// argument and run no pipeline of their own), nested ones included: what
/// `--progress` numbers.
unsigned countPipelineStages(mlir::OpPassManager &pm);

/// Whether `pass` only runs a pipeline of others (whose passes are the
/// stages): the compile's snc-on-network.
bool runsNestedStages(mlir::Pass *pass);

/// Registers the pipelines with the `snc-opt` command line.
void registerSncPipelines();

} // namespace snc

#endif // SNC_PASSES_PIPELINES_H
