// RUN: snc-opt %s -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=rk4}))'

// expected-error @+1 {{unknown integration scheme 'rk4' (expected 'euler' or 'exact')}}
snn.network @net(%x: tensor<2xf32>) -> () {
  %0 = snn.li %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xf32>
  snn.output
}
