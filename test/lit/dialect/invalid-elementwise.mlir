// RUN: snc-opt %s -split-input-file -allow-unregistered-dialect -verify-diagnostics

// Diagnostics of snn.scale and snn.threshold (verifyElementwise in
// ConnectivityOps.cpp) and their ODS constraints.

snn.network @scale_count(%x: tensor<2x2xf32>) -> () {
  // expected-error @+1 {{'snn.scale' op parameter 'scale' has 2 values, expected 1 or 4 (one per element)}}
  %0 = snn.scale %x {scale = dense<[1.0, 2.0]> : tensor<2xf32>} : tensor<2x2xf32> -> tensor<2x2xf32>
  snn.output
}

// -----

snn.network @scale_shape(%x: tensor<2x2xf32>) -> () {
  // expected-error @+1 {{'snn.scale' op output shape must be [2, 2], but is 'tensor<4xf32>'}}
  %0 = snn.scale %x {scale = dense<2.0> : tensor<f32>} : tensor<2x2xf32> -> tensor<4xf32>
  snn.output
}

// -----

snn.network @scale_nan(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.scale' op parameter 'scale' element 0 is not finite}}
  %0 = snn.scale %x {scale = dense<0x7FF8000000000000> : tensor<f64>} : tensor<2xf32> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @scale_dynamic(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.scale' op input and output must be statically shaped}}
  %0 = snn.scale %x {scale = dense<2.0> : tensor<f32>} : tensor<2xf32> -> tensor<*xf32>
  snn.output
}

// -----

snn.network @threshold_count(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.threshold' op parameter 'threshold' has 2 values, expected 1 or 3 (one per element)}}
  %0 = snn.threshold %x {threshold = dense<[0.5, 0.5]> : tensor<2xf32>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @threshold_shape(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.threshold' op output shape must be [3], but is 'tensor<1x3xi1>'}}
  %0 = snn.threshold %x {threshold = dense<0.5> : tensor<f32>} : tensor<3xf32> -> tensor<1x3xi1>
  snn.output
}

// -----

snn.network @threshold_inf(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.threshold' op parameter 'threshold' element 1 is not finite}}
  %0 = snn.threshold %x {threshold = dense<[0.5, 0xFF800000, 0.5]> : tensor<3xf32>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @threshold_dynamic_input() -> () {
  %x = "test.source"() : () -> tensor<?xf32>
  // expected-error @+1 {{'snn.threshold' op input and output must be statically shaped}}
  %0 = snn.threshold %x {threshold = dense<0.5> : tensor<f32>} : tensor<?xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @threshold_result_not_spikes(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.threshold' op result #0 must be tensor of 1-bit signless integer values, but got 'tensor<3xf32>'}}
  %0 = snn.threshold %x {threshold = dense<0.5> : tensor<f32>} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @threshold_index_input(%x: tensor<3xindex>) -> () {
  // expected-error @+1 {{'snn.threshold' op operand #0 must be tensor of floating-point or signless integer wider than 1 bit values, but got 'tensor<3xindex>'}}
  %0 = snn.threshold %x {threshold = dense<1> : tensor<i64>} : tensor<3xindex> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @scale_missing(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.scale' op requires attribute 'scale'}}
  %0 = snn.scale %x {name = "s"} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @threshold_spike_input(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.threshold' op operand #0 must be tensor of floating-point or signless integer wider than 1 bit values, but got 'tensor<3xi1>'}}
  %0 = snn.threshold %s {threshold = dense<0> : tensor<i1>} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @scale_spike_result(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.scale' op result #0 must be tensor of floating-point or signless integer wider than 1 bit values, but got 'tensor<3xi1>'}}
  %0 = snn.scale %s {scale = dense<1> : tensor<i8>} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}
