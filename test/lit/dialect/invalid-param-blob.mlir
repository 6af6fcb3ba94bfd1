// RUN: snc-opt %s -split-input-file -verify-diagnostics

// Diagnostics of parameters (weights of snn.affine / snn.conv2d, neuron
// parameters) stored in dense_resource blobs (Params.h, verifyParam): the
// verifier reads no blob it has not checked, so a bad file is a diagnostic
// naming the op and the parameter, never a read past the data. Each blob is
// "0x" + its alignment (4 bytes, little-endian) + the elements' bytes.

// A 2 x 3 f32 weight needs 24 bytes; the blob has 8.
snn.network @wrong_size(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.affine' op 'weight' blob 'short' has 8 bytes, but 'tensor<2x3xf32>' needs 24}}
  %0 = snn.affine %x {weight = dense_resource<short> : tensor<2x3xf32>, bias = dense<0.0> : tensor<2xf32>} : tensor<3xf32> -> tensor<2xf32>
  snn.output
}
{-#
  dialect_resources: { builtin: { short: "0x040000000000803F0000803F" } }
#-}

// -----

// Blobs hold f32, f64 or signed/signless integers of 8 to 64 bits: f16 has
// no layout snc reads in place.
snn.network @wrong_type(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.linear' op 'weight' blob 'halves' must hold f32, f64 or i8, i16, i32, i64, but holds 'f16'}}
  %0 = snn.linear %x {weight = dense_resource<halves> : tensor<1x2xf16>} : tensor<2xf32> -> tensor<1xf32>
  snn.output
}
{-#
  dialect_resources: { builtin: { halves: "0x02000000003C003C" } }
#-}

// -----

// Unsigned integers are not accepted either.
snn.network @unsigned(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.linear' op 'weight' blob 'ubytes' must hold f32, f64 or i8, i16, i32, i64, but holds 'ui8'}}
  %0 = snn.linear %x {weight = dense_resource<ubytes> : tensor<1x2xui8>} : tensor<2xf32> -> tensor<1xf32>
  snn.output
}
{-#
  dialect_resources: { builtin: { ubytes: "0x010000000102" } }
#-}

// -----

// A blob the file never defines (no dialect_resources entry).
snn.network @missing(%x: tensor<1x3x3xf32>) -> () {
  // expected-error @+1 {{'snn.conv2d' op 'weight' refers to dense_resource 'nowhere', which the file does not define}}
  %0 = snn.conv2d %x {weight = dense_resource<nowhere> : tensor<1x1x2x2xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>} : tensor<1x3x3xf32> -> tensor<1x2x2xf32>
  snn.output
}

// -----

// The shape checks see a blob's type as they see an inline one's: a 3 x 3
// weight does not map a 2-element input.
snn.network @wrong_shape(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.linear' op weight must be [out, 2] for this input, but is 'tensor<1x3xf32>'}}
  %0 = snn.linear %x {weight = dense_resource<three> : tensor<1x3xf32>} : tensor<2xf32> -> tensor<1xf32>
  snn.output
}
{-#
  dialect_resources: { builtin: { three: "0x040000000000803F0000803F0000803F" } }
#-}

// -----

// A per-neuron parameter in a blob: 3 values for 2 neurons.
snn.network @wrong_count(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.if' op parameter 'v_threshold' has 3 values, expected 1 or 2 (one per element)}}
  %0 = snn.if %x {r = dense<1.0> : tensor<f64>, v_threshold = dense_resource<t3> : tensor<3xf32>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  snn.output
}
{-#
  dialect_resources: { builtin: { t3: "0x040000000000803F0000803F0000803F" } }
#-}

// -----

// The value checks read the blob in place: element 1 is +inf (0x7F800000).
snn.network @not_finite(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.if' op parameter 'v_threshold' element 1 is not finite}}
  %0 = snn.if %x {r = dense<1.0> : tensor<f64>, v_threshold = dense_resource<inf> : tensor<2xf32>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  snn.output
}
{-#
  dialect_resources: { builtin: { inf: "0x040000000000803F0000807F" } }
#-}

// -----

// ...and so do the range checks: tau must be positive, element 0 is -1.
snn.network @negative_tau(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.lif' op parameter 'tau' must be positive, but element 0 is -1}}
  %0 = snn.lif %x {tau = dense_resource<taus> : tensor<2xf32>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  snn.output
}
{-#
  dialect_resources: { builtin: { taus: "0x04000000000080BF0000803F" } }
#-}

// -----

// An integer population's reset must fit its state, blob or not: 200 (an
// i32 blob: C8000000) does not fit 8 bits.
snn.network @reset_too_large(%x: tensor<2xi8>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-3 : f64} {
  // expected-error @+1 {{'snn.discrete_lif' op 'v_reset' 200 does not fit the 8-bit state}}
  %0 = snn.discrete_lif %x {decay = dense<1> : tensor<i8>, gain = dense<1> : tensor<i8>, bias = dense<0> : tensor<i8>, v_threshold = dense<10> : tensor<i32>, v_reset = dense_resource<resets> : tensor<2xi32>} : tensor<2xi8> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}
{-#
  dialect_resources: { builtin: { resets: "0x0400000000000000C8000000" } }
#-}

// -----

// An integer population's parameters must hold integers, in blobs too.
snn.network @float_blob_in_integer_population(%x: tensor<2xi8>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-3 : f64} {
  // expected-error @+1 {{'snn.discrete_lif' op is an integer population, so parameter 'gain' must hold integers, not 'f32'}}
  %0 = snn.discrete_lif %x {decay = dense<1> : tensor<i8>, gain = dense_resource<fgain> : tensor<2xf32>, bias = dense<0> : tensor<i8>, v_threshold = dense<10> : tensor<i32>, v_reset = dense<0> : tensor<i32>} : tensor<2xi8> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}
{-#
  dialect_resources: { builtin: { fgain: "0x040000000000803F0000803F" } }
#-}
