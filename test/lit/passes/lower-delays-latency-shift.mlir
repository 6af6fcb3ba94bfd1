// RUN: snc-opt %s -split-input-file --pass-pipeline='builtin.module(snn.network(snn-lower-delays{min-delay=2 max-delay=4}))' | FileCheck %s

// A synapse delay below min-delay cannot be shortened: it is raised to
// min-delay. When every raised synapse is raised by the same k and every
// path from a network input to every output crosses exactly one raised
// projection, the outputs are the old ones k steps later, and the network
// records snn.latency_shift = k.

// Both synapses of p (no `delays`: all 0) are raised by 2; q is within range.
// CHECK-LABEL: snn.network @ff
// CHECK-SAME:    attributes {dt = 1.000000e+00 : f64, scheme = #snn<scheme euler>, snn.latency_shift = 2 : i64}
// CHECK-NEXT:    snn.sparse_projection %x {delays = array<i64: 2, 2>, name = "p"
// CHECK-NEXT:    snn.discrete_lif
// CHECK-NEXT:    snn.sparse_projection %{{.+}} {delays = array<i64: 3, 4>, name = "q"
snn.network @ff(%x: tensor<2xi1>) -> (s: tensor<2xf32>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  %p = snn.sparse_projection %x {name = "p", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>} : tensor<2xi1> -> tensor<2xf32>
  %s = snn.discrete_lif %p {decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<0.6> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  %q = snn.sparse_projection %s {name = "q", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>, delays = array<i64: 3, 4>} : tensor<2xi1> -> tensor<2xf32>
  snn.output %q : tensor<2xf32>
}

// -----

// A spike delay of 1 step becomes a projection raised to 2 (shift 1).
// CHECK-LABEL: snn.network @axon
// CHECK-SAME:    snn.latency_shift = 1 : i64
// CHECK-NEXT:    snn.sparse_projection %x {delays = array<i64: 2, 2>, name = "a.synapses"
// CHECK-NEXT:    snn.threshold
snn.network @axon(%x: tensor<2xi1>) -> (s: tensor<2xi1>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  %a = snn.delay %x {name = "a", steps = array<i64: 1>} : tensor<2xi1> -> tensor<2xi1>
  snn.output %a : tensor<2xi1>
}

// -----

// Nothing below min-delay: no attribute.
// CHECK-LABEL: snn.network @none
// CHECK-NOT:     snn.latency_shift
// CHECK:         snn.output
snn.network @none(%x: tensor<2xi1>) -> (s: tensor<2xf32>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  %q = snn.sparse_projection %x {row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>, delays = array<i64: 2, 4>} : tensor<2xi1> -> tensor<2xf32>
  snn.output %q : tensor<2xf32>
}
