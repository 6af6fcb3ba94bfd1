// RUN: snc-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-lower-delays{min-delay=2 max-delay=4}))'

// Raising delays to min-delay is only allowed when it shifts every output
// uniformly; otherwise "non-uniform latency change".

// Synapses of one projection raised by different amounts (2 and 1).
snn.network @mixed(%x: tensor<2xi1>) -> (y: tensor<2xf32>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  // expected-error @+1 {{'snn.sparse_projection' op 'p': non-uniform latency change: its synapses would be delayed by different numbers of extra steps (min-delay = 2)}}
  %0 = snn.sparse_projection %x {name = "p", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>, delays = array<i64: 0, 1>} : tensor<2xi1> -> tensor<2xf32>
  snn.output %0 : tensor<2xf32>
}

// -----

// Two projections raised by different amounts.
snn.network @two(%x: tensor<2xi1>) -> (y: tensor<2xf32>, z: tensor<2xf32>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  %0 = snn.sparse_projection %x {name = "p", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>, delays = array<i64: 0, 0>} : tensor<2xi1> -> tensor<2xf32>
  // expected-error @+1 {{'snn.sparse_projection' op 'q': non-uniform latency change: raising its delays to min-delay = 2 shifts by 1 steps, another projection by 2}}
  %1 = snn.sparse_projection %x {name = "q", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>, delays = array<i64: 1, 1>} : tensor<2xi1> -> tensor<2xf32>
  snn.output %0, %1 : tensor<2xf32>, tensor<2xf32>
}

// -----

// One output is reached both through a raised projection and around it.
// expected-error @+1 {{non-uniform latency change: raising synapse delays to min-delay = 2 delays output 0 by other than exactly 2 steps on every path from the inputs (each path must cross exactly one raised projection)}}
snn.network @bypass(%x: tensor<2xi1>) -> (y: tensor<2xf32>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  %0 = snn.sparse_projection %x {name = "p", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>} : tensor<2xi1> -> tensor<2xf32>
  %1 = snn.scale %x {scale = dense<1.0> : tensor<f32>} : tensor<2xi1> -> tensor<2xf32>
  %2 = snn.add %0, %1 : tensor<2xf32>
  snn.output %2 : tensor<2xf32>
}

// -----

// A raised projection on a cycle shifts the recurrence, not just the output.
// expected-error @+1 {{non-uniform latency change}}
snn.network @loop(%x: tensor<2xi1>) -> (y: tensor<2xi1>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  %0 = snn.sparse_projection %x {row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>, delays = array<i64: 2, 2>} : tensor<2xi1> -> tensor<2xf32>
  %1 = snn.add %0, %3 : tensor<2xf32>
  %2 = snn.discrete_lif %1 {decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<0.6> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  %3 = snn.sparse_projection %2 {row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 1, 0>, weights = dense<0.5> : tensor<f32>, delays = array<i64: 0, 0>} : tensor<2xi1> -> tensor<2xf32>
  snn.output %2 : tensor<2xi1>
}
