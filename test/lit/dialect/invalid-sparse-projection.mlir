// RUN: snc-opt %s -split-input-file -verify-diagnostics

// Diagnostics of snn.sparse_projection (SparseProjectionOp::verify).

// Sources are the input's elements (row-major): a [2, 2] input has 4.
snn.network @input_rank(%s: tensor<2x2xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op 'row_ptr' must have 5 entries (sources + 1), but has 3}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 0, 0>, targets = array<i64>, weights = dense<1.0> : tensor<f32>} : tensor<2x2xi1> -> tensor<2xf32>
  snn.output
}

// -----

// Targets are the output's elements (row-major): a [2, 2] output has 4.
snn.network @output_rank(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op synapse 0 targets neuron 4, outside [0, 4)}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 1, 1>, targets = array<i64: 4>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2x2xf32>
  snn.output
}

// -----

snn.network @dynamic_output(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op input and output must be statically shaped}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 0, 0, 0>, targets = array<i64>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<?xf32>
  snn.output
}

// -----

snn.network @row_ptr_too_short(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op 'row_ptr' must have 4 entries (sources + 1), but has 3}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @row_ptr_empty(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op 'row_ptr' must have 4 entries (sources + 1), but has 0}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64>, targets = array<i64>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @row_ptr_start(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op 'row_ptr' must run from 0 to the synapse count (2)}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 1, 1, 2, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @row_ptr_end(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op 'row_ptr' must run from 0 to the synapse count (2)}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 2, 3>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @row_ptr_decreasing(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op 'row_ptr' decreases at source 1}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 2, 1, 3>, targets = array<i64: 0, 1, 1>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @target_too_large(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op synapse 2 targets neuron 2, outside [0, 2)}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 2, 3>, targets = array<i64: 0, 1, 2>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @negative_target(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op synapse 0 targets neuron -1, outside [0, 2)}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 1, 1>, targets = array<i64: -1>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @weights_count(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op parameter 'weights' has 2 values, expected 1 or 3 (one per element)}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 2, 3>, targets = array<i64: 0, 1, 1>, weights = dense<[1.0, 2.0]> : tensor<2xf32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @weights_not_finite(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op parameter 'weights' element 1 is not finite}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 2, 3>, targets = array<i64: 0, 1, 1>, weights = dense<[1.0, 0x7FC00000, 2.0]> : tensor<3xf32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @delays_count(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op 'delays' has 2 entries for 3 synapses}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 2, 3>, targets = array<i64: 0, 1, 1>, weights = dense<1.0> : tensor<f32>, delays = array<i64: 1, 2>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @delays_no_broadcast(%s: tensor<3xi1>) -> () {
  // Delays are per synapse: a single delay is not broadcast.
  // expected-error @+1 {{'snn.sparse_projection' op 'delays' has 1 entries for 3 synapses}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 2, 3>, targets = array<i64: 0, 1, 1>, weights = dense<1.0> : tensor<f32>, delays = array<i64: 1>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @negative_delay(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op synapse 1 has negative delay -2}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 2, 3>, targets = array<i64: 0, 1, 1>, weights = dense<1.0> : tensor<f32>, delays = array<i64: 0, -2, 1>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @missing_targets(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op requires attribute 'targets'}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 0, 0, 0>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @row_ptr_not_array(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op attribute 'row_ptr' failed to satisfy constraint: array<i64> or dense_resource blob of integers}}
  %0 = snn.sparse_projection %s {row_ptr = array<i32: 0, 0, 0, 0>, targets = array<i64>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @spike_output(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op result #0 must be tensor of floating-point or signless integer wider than 1 bit values, but got 'tensor<2xi1>'}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 0, 0, 0>, targets = array<i64>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xi1>
  snn.output
}
