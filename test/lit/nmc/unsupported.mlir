// RUN: snc-opt %s -split-input-file -verify-diagnostics --snn-partition=target=%S/Inputs/tiny.json

// What PEs cannot run is an error naming the op: the many-core form is
// extracted first, before anything is partitioned.

snn.network @attention(%q: tensor<2x2xi1>, %k: tensor<2x2xi1>, %v: tensor<2x2xi1>) -> (y: tensor<4xi1>) attributes {dt = 1.0e-03 : f64} {
  // expected-error @+1 {{'sdsa' is an attention op; run snn-lower-attention first so it is neurons and synapses}}
  %0 = snn.attention %q, %k, %v {name = "sdsa", form = #snn<attention spike_driven>} : tensor<2x2xi1> -> tensor<2x2xi1>
  %f = snn.flatten %0 {start_dim = 0 : i64, end_dim = 1 : i64} : tensor<2x2xi1> -> tensor<4xi1>
  %1 = snn.linear %f {name = "fc", weight = dense<1> : tensor<4x4xi32>} : tensor<4xi1> -> tensor<4xi32>
  %2 = snn.discrete_lif %1 {name = "lif", decay = dense<0> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 32 : i64, rounding = #snn<rounding nearest_even>, v_threshold = dense<1> : tensor<i64>, v_reset = dense<0> : tensor<i64>} : tensor<4xi32> -> tensor<4xi1>
  snn.output %2 : tensor<4xi1>
}

// -----

// A float population: the network is not quantized.
snn.network @float(%x: tensor<2xi1>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-03 : f64} {
  %0 = snn.linear %x {name = "fc", weight = dense<[[0.5, -0.25], [1.75, 0.25]]> : tensor<2x2xf32>} : tensor<2xi1> -> tensor<2xf32>
  // expected-error @+1 {{'lif' computes in floating point; many-core targets run integers (run snn-quantize first)}}
  %1 = snn.discrete_lif %0 {name = "lif", decay = dense<0.9> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>} : tensor<2xf32> -> tensor<2xi1>
  snn.output %1 : tensor<2xi1>
}
