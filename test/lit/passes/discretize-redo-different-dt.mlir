// RUN: snc-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=2e-4 scheme=euler}))'

// A discretized network cannot be discretized again with another dt: the
// continuous parameters are gone.

// expected-error @+1 {{network is already discretized with dt = 1.000000e-04 s; cannot discretize again with dt = 2.000000e-04 s}}
snn.network @discretized(%x: tensor<2xf32>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-4 : f64, scheme = #snn<scheme euler>} {
  %0 = snn.discrete_lif %x {decay = dense<0.99> : tensor<f64>, gain = dense<0.01> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}

// -----

// Even with nothing in it that depends on dt.
// expected-error @+1 {{network is already discretized with dt = 1.000000e-03 s; cannot discretize again with dt = 2.000000e-04 s}}
snn.network @empty() -> () attributes {dt = 1.0e-3 : f64} {
  snn.output
}
