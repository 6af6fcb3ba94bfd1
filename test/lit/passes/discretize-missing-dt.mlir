// RUN: snc-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-discretize))'
// RUN: snc-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=0}))'
// RUN: snc-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=-1e-4 scheme=exact}))'

// snn-discretize needs a positive dt unless the network already has one.

// expected-error @+1 {{snn-discretize needs a positive time step 'dt' (seconds)}}
snn.network @lif(%x: tensor<2xf32>) -> () {
  %0 = snn.lif %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  snn.output
}

// -----

// Also for a network with nothing to discretize.
// expected-error @+1 {{snn-discretize needs a positive time step 'dt' (seconds)}}
snn.network @empty() -> () {
  snn.output
}
