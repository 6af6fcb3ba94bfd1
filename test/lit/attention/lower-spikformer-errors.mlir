// RUN: snc-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(snn-lower-attention{target=spinnaker2}))' -verify-diagnostics

// 64 tokens x 64 features expand to 64^2 * 64^2 = 16777216 neurons
// (4 x that in synapses); SpiNNaker2 holds 1 chip x 152 PEs x 250 = 38000.
snn.network @big(%q: tensor<64x64xi1>, %k: tensor<64x64xi1>, %v: tensor<64x64xi1>) -> (y: tensor<64x64xi32>) attributes {dt = 1.0 : f64} {
  // expected-error @+1 {{'snn.attention' op cannot lower spikformer attention 'ssa' (64 tokens x 64 features): the expansion needs 16777216 neurons (tokens^2 x features^2) and 67108864 synapses, but target 'spinnaker2' (152 cores x 250 neurons) holds 38000 neurons}}
  %0 = snn.attention %q, %k, %v {name = "ssa", form = #snn<attention spikformer>, scale = 1.0, frac_bits = 0} : tensor<64x64xi1> -> tensor<64x64xi32>
  snn.output %0 : tensor<64x64xi32>
}

// -----

// A multiplier of 3 with 1 fraction bit is 1.5 per count: the rounded
// product is no sum of integer synapse weights.
snn.network @fraction(%q: tensor<2x2xi1>, %k: tensor<2x2xi1>, %v: tensor<2x2xi1>) -> (y: tensor<2x2xi32>) attributes {dt = 1.0 : f64} {
  // expected-error @+1 {{'snn.attention' op cannot lower spikformer attention 'ssa': its multiplier 3 / 2^1 is not an integer, so the rounded product is not a sum of synapse weights}}
  %0 = snn.attention %q, %k, %v {name = "ssa", form = #snn<attention spikformer>, scale = 3.0, frac_bits = 1} : tensor<2x2xi1> -> tensor<2x2xi32>
  snn.output %0 : tensor<2x2xi32>
}

// -----

snn.network @float(%q: tensor<2x2xi1>, %k: tensor<2x2xi1>, %v: tensor<2x2xi1>) -> (y: tensor<2x2xf32>) attributes {dt = 1.0 : f64} {
  // expected-error @+1 {{'snn.attention' op cannot lower spikformer attention 'ssa' on floats: run snn-quantize first (its scale becomes an integer synapse weight)}}
  %0 = snn.attention %q, %k, %v {name = "ssa", form = #snn<attention spikformer>, scale = 0.5} : tensor<2x2xi1> -> tensor<2x2xf32>
  snn.output %0 : tensor<2x2xf32>
}
