// RUN: snc-opt %s -split-input-file -verify-diagnostics

// A convolution kernel needs at least one element along every spatial
// dimension (pooling checks kernel_size >= 1; the conv weight's spatial
// extents must be checked alike). With a zero-size kernel the output
// formula yields an output larger than the input.

snn.network @conv1d(%x: tensor<1x3xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op kernel extents must be at least 1, but the weight is 'tensor<1x1x0xf32>'}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<1x1x0xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>} : tensor<1x3xf32> -> tensor<1x4xf32>
  snn.output
}

// -----

snn.network @conv2d(%x: tensor<1x3x3xf32>) -> () {
  // expected-error @+1 {{'snn.conv2d' op kernel extents must be at least 1, but the weight is 'tensor<1x1x0x1xf32>'}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<1x1x0x1xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>} : tensor<1x3x3xf32> -> tensor<1x4x3xf32>
  snn.output
}

// -----

snn.network @conv2d_width(%x: tensor<1x3x3xf32>) -> () {
  // expected-error @+1 {{'snn.conv2d' op kernel extents must be at least 1, but the weight is 'tensor<1x1x1x0xf32>'}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<1x1x1x0xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>} : tensor<1x3x3xf32> -> tensor<1x3x4xf32>
  snn.output
}
