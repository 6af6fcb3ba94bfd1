// RUN: snc-opt %s -split-input-file -allow-unregistered-dialect -verify-diagnostics

// Diagnostics of snn.affine and snn.linear (verifyDense in
// ConnectivityOps.cpp) and their ODS constraints.

snn.network @affine_rank2_input(%x: tensor<2x3xf32>) -> () {
  // expected-error @+1 {{'snn.affine' op expects a rank-1 input, but got 'tensor<2x3xf32>'}}
  %0 = snn.affine %x {weight = dense<1.0> : tensor<4x3xf32>, bias = dense<0.0> : tensor<4xf32>} : tensor<2x3xf32> -> tensor<4xf32>
  snn.output
}

// -----

snn.network @affine_dynamic_output(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.affine' op input and output must be statically shaped}}
  %0 = snn.affine %x {weight = dense<1.0> : tensor<4x3xf32>, bias = dense<0.0> : tensor<4xf32>} : tensor<3xf32> -> tensor<?xf32>
  snn.output
}

// -----

snn.network @linear_dynamic_input() -> () {
  %x = "test.source"() : () -> tensor<?xf32>
  // expected-error @+1 {{'snn.linear' op input and output must be statically shaped}}
  %0 = snn.linear %x {weight = dense<1.0> : tensor<4x3xf32>} : tensor<?xf32> -> tensor<4xf32>
  snn.output
}

// -----

snn.network @affine_weight_shape(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.affine' op weight must be [out, 3] for this input, but is 'tensor<4x2xf32>'}}
  %0 = snn.affine %x {weight = dense<1.0> : tensor<4x2xf32>, bias = dense<0.0> : tensor<4xf32>} : tensor<3xf32> -> tensor<4xf32>
  snn.output
}

// -----

snn.network @affine_transposed_weight(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.affine' op weight must be [out, 3] for this input, but is 'tensor<3x4xf32>'}}
  %0 = snn.affine %x {weight = dense<1.0> : tensor<3x4xf32>, bias = dense<0.0> : tensor<4xf32>} : tensor<3xf32> -> tensor<4xf32>
  snn.output
}

// -----

snn.network @linear_weight_rank1(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.linear' op weight must be [out, 3] for this input, but is 'tensor<3xf32>'}}
  %0 = snn.linear %x {weight = dense<1.0> : tensor<3xf32>} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @linear_weight_rank3(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.linear' op weight must be [out, 3] for this input, but is 'tensor<1x4x3xf32>'}}
  %0 = snn.linear %x {weight = dense<1.0> : tensor<1x4x3xf32>} : tensor<3xf32> -> tensor<4xf32>
  snn.output
}

// -----

snn.network @affine_output_shape(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.affine' op output shape must be [4], but is 'tensor<5xf32>'}}
  %0 = snn.affine %x {weight = dense<1.0> : tensor<4x3xf32>, bias = dense<0.0> : tensor<4xf32>} : tensor<3xf32> -> tensor<5xf32>
  snn.output
}

// -----

snn.network @linear_output_rank(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.linear' op output shape must be [4], but is 'tensor<4x1xf32>'}}
  %0 = snn.linear %x {weight = dense<1.0> : tensor<4x3xf32>} : tensor<3xf32> -> tensor<4x1xf32>
  snn.output
}

// -----

snn.network @affine_bias_count(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.affine' op parameter 'bias' has 3 values, expected 1 or 4 (one per element)}}
  %0 = snn.affine %x {weight = dense<1.0> : tensor<4x3xf32>, bias = dense<[0.0, 1.0, 2.0]> : tensor<3xf32>} : tensor<3xf32> -> tensor<4xf32>
  snn.output
}

// -----

snn.network @affine_nan_weight(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.affine' op parameter 'weight' element 3 is not finite}}
  %0 = snn.affine %x {weight = dense<[[1.0, 2.0], [3.0, 0x7FC00000]]> : tensor<2x2xf32>, bias = dense<0.0> : tensor<2xf32>} : tensor<2xf32> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @affine_inf_bias(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.affine' op parameter 'bias' element 0 is not finite}}
  %0 = snn.affine %x {weight = dense<1.0> : tensor<2x2xf32>, bias = dense<0xFFF0000000000000> : tensor<f64>} : tensor<2xf32> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @linear_inf_weight(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.linear' op parameter 'weight' element 0 is not finite}}
  %0 = snn.linear %x {weight = dense<0x7F800000> : tensor<2x2xf32>} : tensor<2xf32> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @affine_missing_bias(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.affine' op requires attribute 'bias'}}
  %0 = snn.affine %x {weight = dense<1.0> : tensor<2x2xf32>} : tensor<2xf32> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @linear_missing_weight(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.linear' op requires attribute 'weight'}}
  %0 = snn.linear %x {} : tensor<2xf32> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @linear_spike_result(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.linear' op result #0 must be tensor of floating-point or signless integer wider than 1 bit values, but got 'tensor<2xindex>'}}
  %0 = snn.linear %x {weight = dense<1.0> : tensor<2x2xf32>} : tensor<2xf32> -> tensor<2xindex>
  snn.output
}

// -----

snn.network @affine_weight_not_dense(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.affine' op attribute 'weight' failed to satisfy constraint: per-neuron parameter (one value, or one per neuron)}}
  %0 = snn.affine %x {weight = [[1.0, 2.0], [3.0, 4.0]], bias = dense<0.0> : tensor<2xf32>} : tensor<2xf32> -> tensor<2xf32>
  snn.output
}
