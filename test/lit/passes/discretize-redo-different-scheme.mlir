// RUN: snc-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=exact}))'
// RUN: not snc-opt %s -split-input-file --pass-pipeline='builtin.module(snn.network(snn-discretize{scheme=euler}))' 2>&1 >/dev/null | FileCheck %s --check-prefix=EULER --implicit-check-not=error:

// A discretized network cannot be discretized again with another scheme:
// the continuous parameters are gone. The scheme is compared before dt, and
// a network that records no scheme, or the same one, is left alone (the
// first RUN line expects no diagnostic on those).

// expected-error @+1 {{network is already discretized with the euler scheme; cannot discretize again with exact}}
snn.network @euler(%x: tensor<2xf32>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-4 : f64, scheme = #snn<scheme euler>} {
  %0 = snn.discrete_lif %x {decay = dense<0.99> : tensor<f64>, gain = dense<0.01> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}

// -----

// expected-error @+1 {{network is already discretized with the euler scheme; cannot discretize again with exact}}
snn.network @euler_other_dt() -> () attributes {dt = 2.0e-4 : f64, scheme = #snn<scheme euler>} {
  snn.output
}

// -----

// Without a dt option, the network's dt is kept, and the scheme still has to
// agree (second RUN line: this is its only error).
// EULER: error: network is already discretized with the exact scheme; cannot discretize again with euler
// EULER-NEXT: snn.network @exact(
snn.network @exact() -> () attributes {dt = 1.0e-4 : f64, scheme = #snn<scheme exact>} {
  snn.output
}

// -----

snn.network @no_scheme() -> () attributes {dt = 1.0e-4 : f64} {
  snn.output
}
