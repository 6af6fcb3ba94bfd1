// RUN: snc-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// The snn.* attributes later stages read from a network (SNNDialect.td's
// discardableAttrs) are verified: where they may appear and what they hold.

// CHECK-LABEL: snn.network @ok
// CHECK-SAME: snn.input_scales = [1.000000e+00, 2.500000e-01], snn.latency_shift = 2 : i64, snn.output_scales = [8.000000e+00]
snn.network @ok(%a: tensor<1xi1>, %b: tensor<1xf32>) -> (y: tensor<1xi1>) attributes {snn.latency_shift = 2 : i64, snn.input_scales = [1.0 : f64, 0.25 : f64], snn.output_scales = [8.0 : f64]} {
  snn.output %a : tensor<1xi1>
}

// -----

// expected-error @+1 {{'snn.network' op 'snn.latency_shift' must be a non-negative integer (steps)}}
snn.network @negative_shift(%a: tensor<1xi1>) -> (y: tensor<1xi1>) attributes {snn.latency_shift = -1 : i64} {
  snn.output %a : tensor<1xi1>
}

// -----

// expected-error @+1 {{'snn.network' op 'snn.input_scales' has 1 scales for 2 network inputs}}
snn.network @scale_count(%a: tensor<1xi1>, %b: tensor<1xi1>) -> (y: tensor<1xi1>) attributes {snn.input_scales = [1.0 : f64]} {
  snn.output %a : tensor<1xi1>
}

// -----

// expected-error @+1 {{'snn.network' op 'snn.output_scales' must hold non-negative finite f64 scales, not 1.000000e+00 : f32}}
snn.network @scale_type(%a: tensor<1xi1>) -> (y: tensor<1xi1>) attributes {snn.output_scales = [1.0 : f32]} {
  snn.output %a : tensor<1xi1>
}

// -----

// snn.target is a target name or the whole description.
// expected-error @+1 {{'snn.network' op 'snn.target' must be a target name or {json = "...", name = "..."}, not {name = "spinnaker2"}}}
snn.network @target_shape(%a: tensor<1xi1>) -> (y: tensor<1xi1>) attributes {snn.target = {name = "spinnaker2"}} {
  snn.output %a : tensor<1xi1>
}

// -----

// expected-error @+1 {{'snn.network' op has an unknown attribute 'snn.latency'}}
snn.network @unknown(%a: tensor<1xi1>) -> (y: tensor<1xi1>) attributes {snn.latency = 1 : i64} {
  snn.output %a : tensor<1xi1>
}

// -----

snn.network @elsewhere(%a: tensor<1xf32>) -> (y: tensor<1xf32>) {
  // expected-error @+1 {{'snn.latency_shift' belongs on an snn.network}}
  %0 = snn.scale %a {scale = dense<2.0> : tensor<f32>, snn.latency_shift = 1 : i64} : tensor<1xf32> -> tensor<1xf32>
  snn.output %0 : tensor<1xf32>
}
