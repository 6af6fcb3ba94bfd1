// RUN: snc-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-lower-delays{min-delay=1 max-delay=2}))'

// A delay of non-spike values cannot go through relay neurons: outside
// [min-delay, max-delay] it is an error naming the op.
snn.network @long(%x: tensor<2xf32>) -> (y: tensor<2xf32>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  // expected-error @+1 {{'snn.delay' op 'v': cannot split a delay of non-spike values (3 steps, outside [1, 2])}}
  %0 = snn.delay %x {name = "v", steps = array<i64: 1, 3>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %0 : tensor<2xf32>
}

// -----

snn.network @short(%x: tensor<2xf32>) -> (y: tensor<2xf32>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  // expected-error @+1 {{'snn.delay' op cannot split a delay of non-spike values (0 steps, outside [1, 2])}}
  %0 = snn.delay %x {steps = array<i64: 0>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %0 : tensor<2xf32>
}
