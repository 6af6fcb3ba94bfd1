// RUN: snc-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))'

// A delay in seconds must be a whole number of steps of dt, within 1e-6
// steps (docs/semantics.md). Computed in Python: 1.5e-4 / 1e-4 = 1.5;
// 2.5e-4 / 1e-4 = 2.5; 1.00001e-4 / 1e-4 = 1.00001 (1e-5 steps off).

snn.network @half_step(%s: tensor<2xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op delay of 1.500000e-04 s is not a whole number of time steps (dt = 1.000000e-04 s)}}
  %0 = snn.delay %s {delay = dense<1.5e-4> : tensor<f64>} : tensor<2xi1> -> tensor<2xi1>
  snn.output
}

// -----

snn.network @one_element(%s: tensor<2xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op delay of 2.500000e-04 s is not a whole number of time steps (dt = 1.000000e-04 s)}}
  %0 = snn.delay %s {delay = dense<[1.0e-4, 2.5e-4]> : tensor<2xf64>} : tensor<2xi1> -> tensor<2xi1>
  snn.output
}

// -----

snn.network @just_outside_tolerance(%s: tensor<2xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op delay of 1.000010e-04 s is not a whole number of time steps (dt = 1.000000e-04 s)}}
  %0 = snn.delay %s {delay = dense<1.00001e-4> : tensor<f64>} : tensor<2xi1> -> tensor<2xi1>
  snn.output
}

// -----

snn.network @shorter_than_a_step(%s: tensor<2xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op delay of 3.000000e-05 s is not a whole number of time steps (dt = 1.000000e-04 s)}}
  %0 = snn.delay %s {delay = dense<3.0e-5> : tensor<f64>} : tensor<2xi1> -> tensor<2xi1>
  snn.output
}
