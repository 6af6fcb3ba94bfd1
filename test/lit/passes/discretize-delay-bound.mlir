// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4}))' -verify-diagnostics

// A NIR delay of 2^40 s passed the verifier and made the interpreter abort
// allocating its ring buffer; snn-discretize now names the op: 2^40 s at
// dt = 1e-4 s is 1.0995e16 steps.

snn.network @huge(%x: tensor<1xf32>) -> (y: tensor<1xf32>) {
  // expected-error @+1 {{'snn.delay' op delay of 1.099512e+12 s is 1.099512e+16 steps (dt = 1.000000e-04 s), more than snc's limit of 1048576}}
  %0 = snn.delay %x {delay = dense<1099511627776.0> : tensor<f64>} : tensor<1xf32> -> tensor<1xf32>
  snn.output %0 : tensor<1xf32>
}
