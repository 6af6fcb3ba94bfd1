// RUN: snc-opt %s -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-lower-delays{max-delay=2}))'

// snn.sparse_projection is rank 1, so only rank-1 spike delays are lowered.
snn.network @n(%x: tensor<2x2xi1>) -> (y: tensor<2x2xi1>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  // expected-error @+1 {{'snn.delay' op can only lower a delay of a rank-1 spike tensor, not 'tensor<2x2xi1>'}}
  %0 = snn.delay %x {steps = array<i64: 1>} : tensor<2x2xi1> -> tensor<2x2xi1>
  snn.output %0 : tensor<2x2xi1>
}
