//===- CNNGenerator.h - large convolutional spiking networks ----*- C++ -*-===//
//
// `snc-netgen --kind cnn`: a feed-forward convolutional network of discrete
// LIF neurons on a [2, W, W] spike input, built from the snn dialect's
// snn.conv2d, snn.sum_pool2d, snn.flatten and snn.affine, for measuring the
// compile and run paths on convolutions (bench/scale). With C channels
// (dw: depthwise, each channel its own 3x3 kernel, as in MobileNets):
//
//   conv1 3x3/1    -> LIF [C, W, W]       conv2 dw 3x3/1 -> LIF [C, W, W]
//   conv3 3x3/2    -> LIF [2C, W/2, W/2]  conv4 dw 3x3/1 -> LIF [2C, W/2, W/2]
//   conv5 3x3/2    -> LIF [4C, W/4, W/4]  conv6 3x3/1    -> LIF [4C, W/4, W/4]
//   sum_pool (W/16)x(W/16) -> LIF [4C, 4, 4]; flatten, affine -> LIF [16C];
//   affine -> LIF [classes]
//
// (every convolution padded by 1). W = 128, C = 16: 918,794 neurons and
// 81.8M synapses, about the layered networks' 1M and 100M. The same
// options and seed give the same network on every platform.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TOOLS_SNC_NETGEN_CNNGENERATOR_H
#define SNC_TOOLS_SNC_NETGEN_CNNGENERATOR_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <cstdint>
#include <string>

namespace snc::netgen {

struct CNNShape {
  int64_t width = 128;   // input W (and H); a multiple of 16
  int64_t channels = 16; // C, the first convolutions' output channels
  int64_t classes = 10;  // neurons of the last layer
  uint64_t seed = 1;
  /// Writes every weight array inline instead of large ones (4096 or more
  /// elements) as dense_resource blobs.
  bool inlineArrays = false;
};

/// Checks `shape`; on failure says why in `error`.
bool checkCNNShape(const CNNShape &shape, std::string &error);

/// What the network holds: its LIF neurons and the synapses its
/// projections make once expanded (convolution taps inside the input,
/// pooling composed into the affine map after it).
struct CNNSize {
  int64_t neurons = 0;
  int64_t synapses = 0;
};
CNNSize getCNNSize(const CNNShape &shape);

/// Builds the network as `snn.network @<name>` in a new module: input
/// "x" (tensor<2xWxWxi1>), output "spikes" (tensor<classes x i1>).
mlir::OwningOpRef<mlir::ModuleOp> generateCNN(mlir::MLIRContext *context,
                                              const CNNShape &shape,
                                              const std::string &name);

} // namespace snc::netgen

#endif // SNC_TOOLS_SNC_NETGEN_CNNGENERATOR_H
