// RUN: snc-opt %s -split-input-file -verify-diagnostics

// Diagnostics of snn.sparse_projection for arrays in dense_resource blobs
// (SynapseArrays.h, verifyIndexArray / verifyWeightArray): the verifier
// reads no blob it has not checked, so a bad file is a diagnostic naming
// the op, never a read past the data.

// Three i32 targets need 12 bytes; the blob has 8 (after the 4-byte
// alignment header).
snn.network @wrong_size(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op 'targets' blob 'short' has 8 bytes, but 'tensor<3xi32>' needs 12}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 2, 2, 3>, targets = dense_resource<short> : tensor<3xi32>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}
{-#
  dialect_resources: { builtin: { short: "0x040000000000000001000000" } }
#-}

// -----

// Targets are integers: an f32 blob is rejected by its element type.
snn.network @wrong_type(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op 'targets' blob 'floats' must hold i32 or i64, but holds 'f32'}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 2, 2, 3>, targets = dense_resource<floats> : tensor<3xf32>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}
{-#
  dialect_resources: { builtin: { floats: "0x04000000000000000000803F0000803F" } }
#-}

// -----

// Row pointers are i32 or i64 (an i8 blob cannot index many synapses).
snn.network @narrow_row_ptr(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op 'row_ptr' blob 'bytes' must hold i32 or i64, but holds 'i8'}}
  %0 = snn.sparse_projection %s {row_ptr = dense_resource<bytes> : tensor<4xi8>, targets = array<i64: 0, 1, 1>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}
{-#
  dialect_resources: { builtin: { bytes: "0x0100000000020203" } }
#-}

// -----

// Delays take any signed width from i8 to i64, but not unsigned.
snn.network @unsigned_delays(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op 'delays' blob 'ud' must hold i8, i16, i32 or i64, but holds 'ui8'}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 2, 2, 3>, targets = array<i64: 0, 1, 1>, weights = dense<1.0> : tensor<f32>, delays = dense_resource<ud> : tensor<3xui8>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}
{-#
  dialect_resources: { builtin: { ud: "0x01000000000103" } }
#-}

// -----

// The targets 0 1 4 in a blob: 4 is outside the 2-element output.
snn.network @target_out_of_range(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op synapse 2 targets neuron 4, outside [0, 2)}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 2, 2, 3>, targets = dense_resource<far> : tensor<3xi32>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}
{-#
  dialect_resources: { builtin: { far: "0x04000000000000000100000004000000" } }
#-}

// -----

// A blob the file names but does not define (no dialect_resources entry).
snn.network @missing(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op 'weights' refers to dense_resource 'nowhere', which the file does not define}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 2, 2, 3>, targets = array<i64: 0, 1, 1>, weights = dense_resource<nowhere> : tensor<3xf32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}

// -----

// Weights: one per synapse (3) or one for all, however they are stored.
snn.network @weight_count(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op parameter 'weights' has 2 values, expected 1 or 3 (one per element)}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 2, 2, 3>, targets = array<i64: 0, 1, 1>, weights = dense_resource<two> : tensor<2xf32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}
{-#
  dialect_resources: { builtin: { two: "0x040000000000803F0000803F" } }
#-}

// -----

// A NaN weight in a blob (0x7FC00000) is caught like an inline one.
snn.network @nan_weight(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.sparse_projection' op parameter 'weights' element 1 is not finite}}
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 2, 2, 3>, targets = array<i64: 0, 1, 1>, weights = dense_resource<nan> : tensor<3xf32>} : tensor<3xi1> -> tensor<2xf32>
  snn.output
}
{-#
  dialect_resources: { builtin: { nan: "0x040000000000803F0000C07F0000803F" } }
#-}
