//===- Pipelines.h - the named pass pipelines of snc ------------*- C++ -*-===//
//
// Every pipeline the tools run is built here and nowhere else.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_PIPELINES_H
#define SNC_PASSES_PIPELINES_H

#include "mlir/Pass/PassManager.h"

#include <cstdint>
#include <string>

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

struct MapOptions {
  std::string target;  // empty: the network's snn.target
  std::string network; // empty: the module's only snn.network
  uint64_t seed = 1;
  bool baseline = false; // place slice i on PE i
  unsigned chipsX = 0;   // 0: the target's chips_x
  unsigned chipsY = 0;   // 0: the target's chips_y
};

/// Maps a quantized network onto a many-core target: snn-partition,
/// snn-place, snn-route. Runs on the module; leaves an nmc.mapping.
void buildMapPipeline(mlir::OpPassManager &pm, const MapOptions &options);

/// Registers the pipelines with the `snc-opt` command line.
void registerSncPipelines();

} // namespace snc

#endif // SNC_PASSES_PIPELINES_H
