// RUN: snc-opt %s -split-input-file -verify-diagnostics

// Diagnostics of snn.sum_pool2d and snn.avg_pool2d (verifyPool in
// ConnectivityOps.cpp).

snn.network @rank(%x: tensor<6x6xf32>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op expects a rank-3 input, but got 'tensor<6x6xf32>'}}
  %0 = snn.sum_pool2d %x {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : tensor<6x6xf32> -> tensor<3x3xf32>
  snn.output
}

// -----

snn.network @dynamic(%x: tensor<1x6x6xf32>) -> () {
  // expected-error @+1 {{'snn.avg_pool2d' op input and output must be statically shaped}}
  %0 = snn.avg_pool2d %x {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : tensor<1x6x6xf32> -> tensor<1x?x3xf32>
  snn.output
}

// -----

snn.network @kernel_size_count(%x: tensor<1x6x6xf32>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op 'kernel_size' must have 2 values, but has 3}}
  %0 = snn.sum_pool2d %x {kernel_size = array<i64: 2, 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : tensor<1x6x6xf32> -> tensor<1x3x3xf32>
  snn.output
}

// -----

snn.network @zero_kernel(%x: tensor<1x6x6xf32>) -> () {
  // expected-error @+1 {{'snn.avg_pool2d' op 'kernel_size' values must be at least 1, but one is 0}}
  %0 = snn.avg_pool2d %x {kernel_size = array<i64: 2, 0>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : tensor<1x6x6xf32> -> tensor<1x3x4xf32>
  snn.output
}

// -----

snn.network @stride_count(%x: tensor<1x6x6xf32>) -> () {
  // expected-error @+1 {{'snn.avg_pool2d' op 'stride' must have 2 values, but has 1}}
  %0 = snn.avg_pool2d %x {kernel_size = array<i64: 2, 2>, stride = array<i64: 2>, padding = array<i64: 0, 0>} : tensor<1x6x6xf32> -> tensor<1x3x3xf32>
  snn.output
}

// -----

snn.network @negative_stride(%x: tensor<1x6x6xf32>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op 'stride' values must be at least 1, but one is -2}}
  %0 = snn.sum_pool2d %x {kernel_size = array<i64: 2, 2>, stride = array<i64: -2, 2>, padding = array<i64: 0, 0>} : tensor<1x6x6xf32> -> tensor<1x3x3xf32>
  snn.output
}

// -----

snn.network @padding_count(%x: tensor<1x6x6xf32>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op 'padding' must have 2 values, but has 4}}
  %0 = snn.sum_pool2d %x {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>} : tensor<1x6x6xf32> -> tensor<1x3x3xf32>
  snn.output
}

// -----

snn.network @negative_padding(%x: tensor<1x6x6xf32>) -> () {
  // expected-error @+1 {{'snn.avg_pool2d' op 'padding' values must be at least 0, but one is -1}}
  %0 = snn.avg_pool2d %x {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: -1, 0>} : tensor<1x6x6xf32> -> tensor<1x2x3xf32>
  snn.output
}

// -----

snn.network @window_too_large(%x: tensor<1x6x3xf32>) -> () {
  // Along W: (3 - 4) / 1 + 1 = 0.
  // expected-error @+1 {{'snn.sum_pool2d' op window does not fit the input along spatial dimension 1}}
  %0 = snn.sum_pool2d %x {kernel_size = array<i64: 2, 4>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>} : tensor<1x6x3xf32> -> tensor<1x5x1xf32>
  snn.output
}

// -----

snn.network @output_shape(%x: tensor<2x6x6xi1>) -> () {
  // expected-error @+1 {{'snn.avg_pool2d' op output shape must be [2, 3, 3], but is 'tensor<2x3x2xf32>'}}
  %0 = snn.avg_pool2d %x {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : tensor<2x6x6xi1> -> tensor<2x3x2xf32>
  snn.output
}

// -----

snn.network @channels_changed(%x: tensor<2x6x6xi1>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op output shape must be [2, 3, 3], but is 'tensor<1x3x3xf32>'}}
  %0 = snn.sum_pool2d %x {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : tensor<2x6x6xi1> -> tensor<1x3x3xf32>
  snn.output
}

// -----

snn.network @missing_kernel_size(%x: tensor<1x6x6xf32>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op requires attribute 'kernel_size'}}
  %0 = snn.sum_pool2d %x {stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : tensor<1x6x6xf32> -> tensor<1x3x3xf32>
  snn.output
}

// -----

snn.network @spike_output(%x: tensor<1x6x6xi1>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op result #0 must be tensor of floating-point or signless integer wider than 1 bit values, but got 'tensor<1x3x3xi1>'}}
  %0 = snn.sum_pool2d %x {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : tensor<1x6x6xi1> -> tensor<1x3x3xi1>
  snn.output
}
