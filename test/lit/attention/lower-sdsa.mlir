// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-lower-attention{report=true}))' 2>%t.remarks | FileCheck %s
// RUN: FileCheck %s --check-prefix=COST < %t.remarks

// snn-lower-attention on spike-driven attention over [3 tokens, 2 features]
// with threshold 1.5 (floor 1): coincidence neurons Q + K > 1, one
// integrate-and-compare neuron per feature (column sum > 1), coincidence
// neurons mask + V > 1 that keep the op's name, all memoryless LIF neurons
// (decay 0, gain 1). The network has only spikes, so it is integer: i32
// synapse sums, integer thresholds; it records no target, so the neurons
// have 32-bit state and no fraction bits.
// Cost: 2ND + D = 2*3*2 + 2 = 14 neurons; 5ND = 30 synapses.
// COST: remark: attention 'sdsa' (spike_driven, 3 tokens x 2 features): 14 neurons, 30 synapses

// CHECK-NOT: snn.attention
// CHECK: %[[Q:.*]] = snn.sparse_projection %q {name = "sdsa.q", row_ptr = array<i64: 0, 1, 2, 3, 4, 5, 6>, targets = array<i64: 0, 1, 2, 3, 4, 5>, weights = dense<1> : tensor<i64>} : tensor<3x2xi1> -> tensor<3x2xi32>
// CHECK: %[[K:.*]] = snn.sparse_projection %k {name = "sdsa.k", {{.*}}} : tensor<3x2xi1> -> tensor<3x2xi32>
// CHECK: %[[QK:.*]] = snn.add %[[Q]], %[[K]] {name = "sdsa.qk.in"} : tensor<3x2xi32>
// CHECK: %[[C:.*]] = snn.discrete_lif %[[QK]] {bias = dense<0> : tensor<i64>, decay = dense<0> : tensor<i64>, frac_bits = 0 : i64, gain = dense<1> : tensor<i64>, name = "sdsa.qk", rounding = #snn<rounding floor>, state_bits = 32 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>} : tensor<3x2xi32> -> tensor<3x2xi1>
// Element (n, d) = 2n + d sums into feature d.
// CHECK: %[[S:.*]] = snn.sparse_projection %[[C]] {name = "sdsa.colsum", row_ptr = array<i64: 0, 1, 2, 3, 4, 5, 6>, targets = array<i64: 0, 1, 0, 1, 0, 1>, weights = dense<1> : tensor<i64>} : tensor<3x2xi1> -> tensor<2xi32>
// CHECK: %[[M:.*]] = snn.discrete_lif %[[S]] {bias = dense<0> : tensor<i64>, decay = dense<0> : tensor<i64>, frac_bits = 0 : i64, gain = dense<1> : tensor<i64>, name = "sdsa.mask", rounding = #snn<rounding floor>, state_bits = 32 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>} : tensor<2xi32> -> tensor<2xi1>
// Feature d's mask reaches (n, d) = 2n + d for every token n.
// CHECK: %[[G:.*]] = snn.sparse_projection %[[M]] {name = "sdsa.gate", row_ptr = array<i64: 0, 3, 6>, targets = array<i64: 0, 2, 4, 1, 3, 5>, weights = dense<1> : tensor<i64>} : tensor<2xi1> -> tensor<3x2xi32>
// CHECK: %[[V:.*]] = snn.sparse_projection %v {name = "sdsa.v", {{.*}}} : tensor<3x2xi1> -> tensor<3x2xi32>
// CHECK: %[[O:.*]] = snn.add %[[G]], %[[V]] {name = "sdsa.out.in"} : tensor<3x2xi32>
// CHECK: %[[OUT:.*]] = snn.discrete_lif %[[O]] {bias = dense<0> : tensor<i64>, decay = dense<0> : tensor<i64>, frac_bits = 0 : i64, gain = dense<1> : tensor<i64>, name = "sdsa", rounding = #snn<rounding floor>, state_bits = 32 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>} : tensor<3x2xi32> -> tensor<3x2xi1>
// CHECK: snn.output %[[OUT]]
snn.network @sdsa(%q: tensor<3x2xi1>, %k: tensor<3x2xi1>, %v: tensor<3x2xi1>) -> (y: tensor<3x2xi1>) attributes {dt = 1.0 : f64} {
  %0 = snn.attention %q, %k, %v {name = "sdsa", form = #snn<attention spike_driven>, threshold = 1.5} : tensor<3x2xi1> -> tensor<3x2xi1>
  snn.output %0 : tensor<3x2xi1>
}
