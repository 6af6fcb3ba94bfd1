// RUN: snc-opt %s -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-lower-delays{max-delay=2}))'

// Relay neurons carry spikes only: a projection of non-spike values with a
// synapse delay above max-delay is an error naming the op.
snn.network @n(%x: tensor<2xf32>) -> (y: tensor<2xf32>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  // expected-error @+1 {{'snn.sparse_projection' op 'p': cannot split a synapse delay of 3 steps (above max-delay = 2): its input is not a spike tensor}}
  %0 = snn.sparse_projection %x {name = "p", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>, delays = array<i64: 1, 3>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %0 : tensor<2xf32>
}
