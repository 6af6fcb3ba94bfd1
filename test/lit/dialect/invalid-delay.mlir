// RUN: snc-opt %s -split-input-file -allow-unregistered-dialect -verify-diagnostics

// Diagnostics of snn.delay (DelayOp::verify).

snn.network @both(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op needs exactly one of 'delay' (seconds) and 'steps'}}
  %0 = snn.delay %s {delay = dense<1.0e-3> : tensor<f64>, steps = array<i64: 10>} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @neither(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op needs exactly one of 'delay' (seconds) and 'steps'}}
  %0 = snn.delay %s {name = "d"} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @negative_seconds(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op parameter 'delay' must be non-negative, but element 2 is -1.000000e-04}}
  %0 = snn.delay %s {delay = dense<[1.0e-4, 0.0, -1.0e-4]> : tensor<3xf64>} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @nan_seconds(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op parameter 'delay' element 0 is not finite}}
  %0 = snn.delay %s {delay = dense<0x7FF8000000000000> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @seconds_count(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op parameter 'delay' has 2 values, expected 1 or 3 (one per element)}}
  %0 = snn.delay %s {delay = dense<[1.0e-4, 2.0e-4]> : tensor<2xf64>} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @negative_steps(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op 'steps' element 1 is negative (-1)}}
  %0 = snn.delay %s {steps = array<i64: 1, -1, 2>} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @steps_count(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op 'steps' has 2 values, expected 1 or 3}}
  %0 = snn.delay %s {steps = array<i64: 1, 2>} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @steps_empty(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op 'steps' has 0 values, expected 1 or 3}}
  %0 = snn.delay %s {steps = array<i64>} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @type_change(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op output type must equal input type}}
  %0 = snn.delay %s {steps = array<i64: 1>} : tensor<3xi1> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @shape_change(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op output type must equal input type}}
  %0 = snn.delay %s {steps = array<i64: 1>} : tensor<3xi1> -> tensor<1x3xi1>
  snn.output
}

// -----

snn.network @dynamic(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op input and output must be statically shaped}}
  %0 = snn.delay %s {steps = array<i64: 1>} : tensor<3xi1> -> tensor<?xi1>
  snn.output
}

// -----

snn.network @steps_not_array(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.delay' op attribute 'steps' failed to satisfy constraint: i64 dense array attribute}}
  %0 = snn.delay %s {steps = [1, 2, 3]} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}
