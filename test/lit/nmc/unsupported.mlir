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

// -----

// Synapse records hold 32-bit weights: fc composes a weight of 2^32 =
// 4294967296 from x[0] into lif[0].
snn.network @heavy(%x: tensor<2xi1>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-03 : f64} {
  %0 = snn.linear %x {name = "fc", weight = dense<[[4294967296, 0], [0, 1]]> : tensor<2x2xi64>} : tensor<2xi1> -> tensor<2xi64>
  // expected-error @+1 {{'lif' receives a synapse of weight 4294967296 and delay 0 from 'x'[0]; the many-core form holds 32-bit weights and delays}}
  %1 = snn.discrete_lif %0 {name = "lif", decay = dense<0> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 64 : i64, rounding = #snn<rounding nearest_even>, v_threshold = dense<1> : tensor<i64>, v_reset = dense<0> : tensor<i64>} : tensor<2xi64> -> tensor<2xi1>
  snn.output %1 : tensor<2xi1>
}

// -----

// Synapse records index neurons with 32 bits: an input of 2^31 =
// 2147483648 spikes is refused before anything is allocated for it.
// expected-error @+1 {{'x' has 2147483648 neurons; the many-core form indexes at most 2147483647 per population}}
snn.network @huge(%x: tensor<1x1x2147483648xi1>) -> (s: tensor<1x1x1xi1>) attributes {dt = 1.0e-03 : f64} {
  %0 = snn.sum_pool2d %x {name = "pool", kernel_size = array<i64: 1, 2147483648>, padding = array<i64: 0, 0>, stride = array<i64: 1, 1>} : tensor<1x1x2147483648xi1> -> tensor<1x1x1xi32>
  %1 = snn.discrete_lif %0 {name = "lif", decay = dense<0> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 32 : i64, rounding = #snn<rounding nearest_even>, v_threshold = dense<1> : tensor<i64>, v_reset = dense<0> : tensor<i64>} : tensor<1x1x1xi32> -> tensor<1x1x1xi1>
  snn.output %1 : tensor<1x1x1xi1>
}
