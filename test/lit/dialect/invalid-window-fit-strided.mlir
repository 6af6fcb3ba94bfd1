// RUN: snc-opt %s -split-input-file -verify-diagnostics

// A kernel or window larger than the (padded) input never fits, whatever
// the stride. PyTorch's output extent floor((in + 2p - d(k-1) - 1) / s) + 1
// is 0 here; C++ integer division truncates toward zero and must not be
// used on the negative numerator (windowOutput in ConnectivityOps.cpp).

snn.network @conv1d(%x: tensor<1x3xf32>) -> () {
  // floor((3 - 4 - 1) / 3) + 1 = floor(-2/3) + 1 = 0.
  // expected-error @+1 {{'snn.conv1d' op kernel does not fit the input along spatial dimension 0}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<1x1x5xf32>, stride = array<i64: 3>, padding = array<i64: 0>, dilation = array<i64: 1>} : tensor<1x3xf32> -> tensor<1x1xf32>
  snn.output
}

// -----

snn.network @conv2d(%x: tensor<1x8x3xf32>) -> () {
  // Along W: floor((3 - 5 - 1) / 4) + 1 = floor(-3/4) + 1 = 0.
  // expected-error @+1 {{'snn.conv2d' op kernel does not fit the input along spatial dimension 1}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<1x1x1x6xf32>, stride = array<i64: 1, 4>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>} : tensor<1x8x3xf32> -> tensor<1x8x1xf32>
  snn.output
}

// -----

snn.network @sum_pool2d(%x: tensor<1x3x3xf32>) -> () {
  // Along H: floor((3 - 4 - 1) / 3) + 1 = 0.
  // expected-error @+1 {{'snn.sum_pool2d' op window does not fit the input along spatial dimension 0}}
  %0 = snn.sum_pool2d %x {kernel_size = array<i64: 5, 1>, stride = array<i64: 3, 1>, padding = array<i64: 0, 0>} : tensor<1x3x3xf32> -> tensor<1x1x3xf32>
  snn.output
}

// -----

snn.network @avg_pool2d(%x: tensor<1x4x4xf32>) -> () {
  // Along W: floor((4 - 5 - 1) / 3) + 1 = 0.
  // expected-error @+1 {{'snn.avg_pool2d' op window does not fit the input along spatial dimension 1}}
  %0 = snn.avg_pool2d %x {kernel_size = array<i64: 2, 6>, stride = array<i64: 1, 3>, padding = array<i64: 0, 0>} : tensor<1x4x4xf32> -> tensor<1x3x1xf32>
  snn.output
}

// -----

// Padding counts: the window must fit the padded input.
snn.network @conv1d_padded(%x: tensor<1x3xf32>) -> () {
  // floor((3 + 2 - 5 - 1) / 2) + 1 = floor(-1/2) + 1 = 0.
  // expected-error @+1 {{'snn.conv1d' op kernel does not fit the input along spatial dimension 0}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<1x1x6xf32>, stride = array<i64: 2>, padding = array<i64: 1>, dilation = array<i64: 1>} : tensor<1x3xf32> -> tensor<1x1xf32>
  snn.output
}

// -----

// So does dilation: a 3-tap kernel with dilation 3 spans 7 inputs.
snn.network @conv1d_dilated(%x: tensor<1x5xf32>) -> () {
  // floor((5 - 3 * 2 - 1) / 3) + 1 = floor(-2/3) + 1 = 0.
  // expected-error @+1 {{'snn.conv1d' op kernel does not fit the input along spatial dimension 0}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<1x1x3xf32>, stride = array<i64: 3>, padding = array<i64: 0>, dilation = array<i64: 3>} : tensor<1x5xf32> -> tensor<1x1xf32>
  snn.output
}

// -----

snn.network @avg_pool2d_padded(%x: tensor<1x2x2xf32>) -> () {
  // Along H: floor((2 + 2 - 5) / 2) + 1 = floor(-1/2) + 1 = 0.
  // expected-error @+1 {{'snn.avg_pool2d' op window does not fit the input along spatial dimension 0}}
  %0 = snn.avg_pool2d %x {kernel_size = array<i64: 5, 1>, stride = array<i64: 2, 1>, padding = array<i64: 1, 0>} : tensor<1x2x2xf32> -> tensor<1x1x2xf32>
  snn.output
}
