// RUN: snc-opt %s -split-input-file -verify-diagnostics

// Every delay or refractory period becomes an allocation (ring buffers,
// counters), so the verifier bounds them: at most 2^20 = 1048576 steps, and
// a delay's ring buffer at most 2^28 values ((steps + 1) x elements), a
// sparse_projection's ((longest delay + 1) x targets).

snn.network @long_delay(%x: tensor<2xf32>) -> (y: tensor<2xf32>) attributes {dt = 1.0e-4 : f64} {
  // expected-error @+1 {{'snn.delay' op 'steps' element 1 is 1048577 steps, more than snc's limit of 1048576}}
  %0 = snn.delay %x {steps = array<i64: 1, 1048577>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %0 : tensor<2xf32>
}

// -----

snn.network @big_buffer(%x: tensor<1000xf32>) -> (y: tensor<1000xf32>) attributes {dt = 1.0e-4 : f64} {
  // expected-error @+1 {{'snn.delay' op delays 1000 values by up to 300000 steps: a buffer of 300001000 values, more than snc's limit of 268435456}}
  %0 = snn.delay %x {steps = array<i64: 300000>} : tensor<1000xf32> -> tensor<1000xf32>
  snn.output %0 : tensor<1000xf32>
}

// -----

snn.network @synapse_delay(%x: tensor<2xi1>) -> (y: tensor<2xf32>) attributes {dt = 1.0e-4 : f64} {
  // expected-error @+1 {{'snn.sparse_projection' op synapse 0 has a delay of 2000000 steps, more than snc's limit of 1048576}}
  %0 = snn.sparse_projection %x {row_ptr = array<i64: 0, 1, 1>, targets = array<i64: 1>, weights = dense<[1.0]> : tensor<1xf32>, delays = array<i64: 2000000>} : tensor<2xi1> -> tensor<2xf32>
  snn.output %0 : tensor<2xf32>
}

// -----

// (300000 + 1) x 1000 targets = 300001000 values.
snn.network @synapse_buffer(%x: tensor<2xi1>) -> (y: tensor<1000xf32>) attributes {dt = 1.0e-4 : f64} {
  // expected-error @+1 {{'snn.sparse_projection' op delays 1000 targets by up to 300000 steps: a buffer of 300001000 values, more than snc's limit of 268435456}}
  %0 = snn.sparse_projection %x {row_ptr = array<i64: 0, 1, 1>, targets = array<i64: 1>, weights = dense<[1.0]> : tensor<1xf32>, delays = array<i64: 300000>} : tensor<2xi1> -> tensor<1000xf32>
  snn.output %0 : tensor<1000xf32>
}

// -----

snn.network @refractory(%x: tensor<2xf32>) -> (y: tensor<2xi1>) attributes {dt = 1.0e-4 : f64} {
  // expected-error @+1 {{'snn.discrete_lif' op 'refractory' must lie in [0, 1048576] steps, but is 4294967296}}
  %0 = snn.discrete_lif %x {decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, refractory = 4294967296 : i64} : tensor<2xf32> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}

// -----

// The limit itself is fine.
snn.network @at_limit(%x: tensor<2xf32>) -> (y: tensor<2xf32>) attributes {dt = 1.0e-4 : f64} {
  %0 = snn.delay %x {steps = array<i64: 1048576>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %0 : tensor<2xf32>
}
