// RUN: snc-opt %s -split-input-file -verify-diagnostics

// Diagnostics of snn.conv1d and snn.conv2d (verifyConv in
// ConnectivityOps.cpp).

snn.network @conv1d_rank(%x: tensor<2x3x4xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op expects a rank-2 input, but got 'tensor<2x3x4xf32>'}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x2x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>} : tensor<2x3x4xf32> -> tensor<4x2xf32>
  snn.output
}

// -----

snn.network @conv2d_rank(%x: tensor<2x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv2d' op expects a rank-3 input, but got 'tensor<2x8xf32>'}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<4x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>} : tensor<2x8xf32> -> tensor<4x6x6xf32>
  snn.output
}

// -----

snn.network @conv1d_dynamic(%x: tensor<2x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op input and output must be statically shaped}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x2x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>} : tensor<2x8xf32> -> tensor<4x?xf32>
  snn.output
}

// -----

snn.network @stride_count(%x: tensor<2x8x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv2d' op 'stride' must have 2 values, but has 1}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<4x2x3x3xf32>, stride = array<i64: 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>} : tensor<2x8x8xf32> -> tensor<4x6x6xf32>
  snn.output
}

// -----

snn.network @zero_stride(%x: tensor<2x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op 'stride' values must be at least 1, but one is 0}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x2x3xf32>, stride = array<i64: 0>, padding = array<i64: 0>, dilation = array<i64: 1>} : tensor<2x8xf32> -> tensor<4x6xf32>
  snn.output
}

// -----

snn.network @padding_count(%x: tensor<2x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op 'padding' must have 1 values, but has 2}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x2x3xf32>, stride = array<i64: 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1>} : tensor<2x8xf32> -> tensor<4x6xf32>
  snn.output
}

// -----

snn.network @negative_padding(%x: tensor<2x8x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv2d' op 'padding' values must be at least 0, but one is -1}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<4x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, -1>, dilation = array<i64: 1, 1>} : tensor<2x8x8xf32> -> tensor<4x6x4xf32>
  snn.output
}

// -----

snn.network @dilation_count(%x: tensor<2x8x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv2d' op 'dilation' must have 2 values, but has 0}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<4x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64>} : tensor<2x8x8xf32> -> tensor<4x6x6xf32>
  snn.output
}

// -----

snn.network @zero_dilation(%x: tensor<2x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op 'dilation' values must be at least 1, but one is 0}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x2x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 0>} : tensor<2x8xf32> -> tensor<4x8xf32>
  snn.output
}

// -----

snn.network @conv1d_weight_rank(%x: tensor<2x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op weight must have rank 3, but is 'tensor<4x2x3x3xf32>'}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x2x3x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>} : tensor<2x8xf32> -> tensor<4x6xf32>
  snn.output
}

// -----

snn.network @conv2d_weight_rank(%x: tensor<2x8x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv2d' op weight must have rank 4, but is 'tensor<4x2x3xf32>'}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<4x2x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>} : tensor<2x8x8xf32> -> tensor<4x6x6xf32>
  snn.output
}

// -----

snn.network @groups_input_channels(%x: tensor<3x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op groups (2) must divide the input channels (3) and output channels (4)}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x1x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>, groups = 2} : tensor<3x8xf32> -> tensor<4x6xf32>
  snn.output
}

// -----

snn.network @groups_output_channels(%x: tensor<4x8x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv2d' op groups (2) must divide the input channels (4) and output channels (3)}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<3x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 2} : tensor<4x8x8xf32> -> tensor<3x6x6xf32>
  snn.output
}

// -----

snn.network @zero_groups(%x: tensor<4x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op groups (0) must divide the input channels (4) and output channels (4)}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x4x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>, groups = 0} : tensor<4x8xf32> -> tensor<4x6xf32>
  snn.output
}

// -----

snn.network @negative_groups(%x: tensor<4x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op groups (-2) must divide the input channels (4) and output channels (4)}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x4x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>, groups = -2} : tensor<4x8xf32> -> tensor<4x6xf32>
  snn.output
}

// -----

snn.network @weight_in_channels(%x: tensor<4x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op weight dimension 1 must be 4/2 = 2, but is 4}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<6x4x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>, groups = 2} : tensor<4x8xf32> -> tensor<6x6xf32>
  snn.output
}

// -----

snn.network @weight_in_channels_2d(%x: tensor<3x8x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv2d' op weight dimension 1 must be 3/1 = 3, but is 2}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<4x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>} : tensor<3x8x8xf32> -> tensor<4x6x6xf32>
  snn.output
}

// -----

snn.network @weight_not_finite(%x: tensor<1x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op parameter 'weight' element 2 is not finite}}
  %0 = snn.conv1d %x {weight = dense<[[[1.0, 1.0, 0x7FC00000]]]> : tensor<1x1x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>} : tensor<1x8xf32> -> tensor<1x6xf32>
  snn.output
}

// -----

snn.network @bias_count(%x: tensor<2x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op parameter 'bias' has 2 values, expected 1 or 4 (one per element)}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x2x3xf32>, bias = dense<[0.0, 1.0]> : tensor<2xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>} : tensor<2x8xf32> -> tensor<4x6xf32>
  snn.output
}

// -----

snn.network @bias_not_finite(%x: tensor<2x8x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv2d' op parameter 'bias' element 0 is not finite}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<4x2x3x3xf32>, bias = dense<0x7F800000> : tensor<f32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>} : tensor<2x8x8xf32> -> tensor<4x6x6xf32>
  snn.output
}

// -----

snn.network @kernel_too_large(%x: tensor<2x4xf32>) -> () {
  // (4 - 5) / 1 + 1 = 0.
  // expected-error @+1 {{'snn.conv1d' op kernel does not fit the input along spatial dimension 0}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x2x5xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>} : tensor<2x4xf32> -> tensor<4x1xf32>
  snn.output
}

// -----

snn.network @dilated_kernel_too_large(%x: tensor<2x8x6xf32>) -> () {
  // Along W: (6 - 3*(3-1) - 1) / 1 + 1 = 0.
  // expected-error @+1 {{'snn.conv2d' op kernel does not fit the input along spatial dimension 1}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<4x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 3>} : tensor<2x8x6xf32> -> tensor<4x6x1xf32>
  snn.output
}

// -----

snn.network @conv1d_output_shape(%x: tensor<2x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op output shape must be [4, 6], but is 'tensor<4x8xf32>'}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x2x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>} : tensor<2x8xf32> -> tensor<4x8xf32>
  snn.output
}

// -----

snn.network @conv2d_output_shape(%x: tensor<2x8x8xf32>) -> () {
  // H = (8 + 2 - 3) / 2 + 1 = 4, W = (8 + 0 - 3) / 1 + 1 = 6.
  // expected-error @+1 {{'snn.conv2d' op output shape must be [5, 4, 6], but is 'tensor<5x6x4xf32>'}}
  %0 = snn.conv2d %x {weight = dense<1.0> : tensor<5x2x3x3xf32>, stride = array<i64: 2, 1>, padding = array<i64: 1, 0>, dilation = array<i64: 1, 1>} : tensor<2x8x8xf32> -> tensor<5x6x4xf32>
  snn.output
}

// -----

snn.network @missing_dilation(%x: tensor<2x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op requires attribute 'dilation'}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x2x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>} : tensor<2x8xf32> -> tensor<4x6xf32>
  snn.output
}

// -----

snn.network @spike_output(%x: tensor<2x8xf32>) -> () {
  // expected-error @+1 {{'snn.conv1d' op result #0 must be tensor of floating-point or signless integer wider than 1 bit values, but got 'tensor<4x6xindex>'}}
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x2x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>} : tensor<2x8xf32> -> tensor<4x6xindex>
  snn.output
}
