//===- NetworkGenerator.h - large layered spiking networks ------*- C++ -*-===//
//
// Test networks of any size for measuring the compile and run paths:
// equal layers of discrete LIF neurons, each fed by the previous layer (the
// first by the spike inputs) and by itself through sparse projections with
// spatially local (banded) connectivity. The same options and seed give the
// same network on every platform.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TOOLS_SNC_NETGEN_NETWORKGENERATOR_H
#define SNC_TOOLS_SNC_NETGEN_NETWORKGENERATOR_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <cstdint>
#include <string>

namespace snc::netgen {

struct NetworkShape {
  int64_t neurons = 10000; // over all layers
  int64_t layers = 10;
  int64_t inputs = 100;
  /// Synapses ending at each neuron, on average: a fifth from its own
  /// layer (recurrent), the rest from the layer (or inputs) before.
  int64_t synapsesPerNeuron = 100;
  /// Per-synapse delays are uniform in 0..maxDelay steps (0: no delays).
  int64_t maxDelay = 7;
  uint64_t seed = 1;
  /// Writes every array inline (array<i64>, dense<...>) instead of large
  /// ones as dense_resource blobs: the same network, for comparisons.
  bool inlineArrays = false;
};

/// Checks `shape`; on failure says why in `error`.
bool checkShape(const NetworkShape &shape, std::string &error);

/// Builds the network as `snn.network @<name>` in a new module. Inputs are
/// spikes (tensor<inputs x i1>); the output is the last layer's spikes.
mlir::OwningOpRef<mlir::ModuleOp> generateNetwork(mlir::MLIRContext *context,
                                                  const NetworkShape &shape,
                                                  const std::string &name);

} // namespace snc::netgen

#endif // SNC_TOOLS_SNC_NETGEN_NETWORKGENERATOR_H
