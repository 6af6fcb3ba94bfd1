// RUN: snc-opt %s -split-input-file -verify-diagnostics

// FlattenOp::verify must report negative start_dim/end_dim as written
// (signed), not as their unsigned 64-bit reinterpretation.

snn.network @start_out_of_range(%x: tensor<2x3x4xi1>) -> () {
  // expected-error @+1 {{'snn.flatten' op dimensions -4..-1 are out of range for 'tensor<2x3x4xi1>'}}
  %0 = snn.flatten %x {start_dim = -4, end_dim = -1} : tensor<2x3x4xi1> -> tensor<24xi1>
  snn.output
}

// -----

// start_dim = -1 is dimension 2, which comes after end_dim = 1.
snn.network @start_after_end_negative(%x: tensor<2x3x4xi1>) -> () {
  // expected-error @+1 {{'snn.flatten' op dimensions -1..1 are out of range for 'tensor<2x3x4xi1>'}}
  %0 = snn.flatten %x {start_dim = -1, end_dim = 1} : tensor<2x3x4xi1> -> tensor<2x3x4xi1>
  snn.output
}

// -----

snn.network @end_out_of_range_negative(%x: tensor<2x3x4xi1>) -> () {
  // expected-error @+1 {{'snn.flatten' op dimensions 0..-5 are out of range for 'tensor<2x3x4xi1>'}}
  %0 = snn.flatten %x {start_dim = 0, end_dim = -5} : tensor<2x3x4xi1> -> tensor<24xi1>
  snn.output
}
