// RUN: snc-opt %s -split-input-file -verify-diagnostics

// Diagnostics of snn.attention (AttentionOp::verify and its ODS
// constraints).

snn.network @spike_driven_float(%q: tensor<4x8xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op spike_driven attention yields a spike tensor (i1)}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention spike_driven>} : tensor<4x8xi1> -> tensor<4x8xf32>
  snn.output
}

// -----

snn.network @spikformer_spikes(%q: tensor<4x8xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op spikformer attention yields a floating-point or integer (iN, N >= 2) tensor}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention spikformer>} : tensor<4x8xi1> -> tensor<4x8xi1>
  snn.output
}

// -----

// On integers, scale is the fixed-point multiplier: an integer.
snn.network @spikformer_integer(%q: tensor<4x8xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op integer spikformer attention needs an integer multiplier as 'scale', not 5.000000e-01}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention spikformer>, scale = 0.5} : tensor<4x8xi1> -> tensor<4x8xi32>
  snn.output
}

// -----

snn.network @spikformer_frac_bits(%q: tensor<4x8xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op 'frac_bits' must lie in [0, 62]}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention spikformer>, scale = 3.0, frac_bits = 63} : tensor<4x8xi1> -> tensor<4x8xi32>
  snn.output
}

// -----

snn.network @spikformer_float_fixed_point(%q: tensor<4x8xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op 'frac_bits' and 'rounding' need an integer result}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention spikformer>, frac_bits = 2} : tensor<4x8xi1> -> tensor<4x8xf32>
  snn.output
}

// -----

snn.network @spike_driven_fixed_point(%q: tensor<4x8xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op 'frac_bits' and 'rounding' belong to integer spikformer attention}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention spike_driven>, rounding = #snn<rounding floor>} : tensor<4x8xi1> -> tensor<4x8xi1>
  snn.output
}

// -----

snn.network @rank1(%q: tensor<8xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op query, key and value must be static [tokens, features] tensors}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention spikformer>} : tensor<8xi1> -> tensor<8xf32>
  snn.output
}

// -----

snn.network @rank3(%q: tensor<2x4x8xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op query, key and value must be static [tokens, features] tensors}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention spike_driven>} : tensor<2x4x8xi1> -> tensor<2x4x8xi1>
  snn.output
}

// -----

snn.network @output_shape(%q: tensor<4x8xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op output shape must equal the value's shape 'tensor<4x8xi1>'}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention spikformer>} : tensor<4x8xi1> -> tensor<8x4xf32>
  snn.output
}

// -----

snn.network @dynamic_output(%q: tensor<4x8xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op output shape must equal the value's shape 'tensor<4x8xi1>'}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention spike_driven>} : tensor<4x8xi1> -> tensor<4x?xi1>
  snn.output
}

// -----

snn.network @types_differ(%q: tensor<4x8xi1>, %k: tensor<4x6xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op failed to verify that all of {query, key, value} have same type}}
  %0 = "snn.attention"(%q, %k, %q) <{form = #snn<attention spikformer>}> : (tensor<4x8xi1>, tensor<4x6xi1>, tensor<4x8xi1>) -> tensor<4x8xf32>
  snn.output
}

// -----

// expected-note @+1 {{prior use here}}
snn.network @custom_syntax_types(%q: tensor<4x8xi1>, %k: tensor<4x6xi1>) -> () {
  // The custom syntax gives key and value the query's type.
  // expected-error @+1 {{use of value '%k' expects different type than prior uses: 'tensor<4x8xi1>' vs 'tensor<4x6xi1>'}}
  %0 = snn.attention %q, %k, %q {form = #snn<attention spikformer>} : tensor<4x8xi1> -> tensor<4x8xf32>
  snn.output
}

// -----

snn.network @float_query(%q: tensor<4x8xf32>) -> () {
  // expected-error @+1 {{'snn.attention' op operand #0 must be tensor of 1-bit signless integer values, but got 'tensor<4x8xf32>'}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention spikformer>} : tensor<4x8xf32> -> tensor<4x8xf32>
  snn.output
}

// -----

snn.network @missing_form(%q: tensor<4x8xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op requires attribute 'form'}}
  %0 = snn.attention %q, %q, %q {scale = 1.0} : tensor<4x8xi1> -> tensor<4x8xf32>
  snn.output
}

// -----

snn.network @unknown_form(%q: tensor<4x8xi1>) -> () {
  // expected-error @+2 {{expected ::snc::snn::AttentionForm to be one of: spikformer, spike_driven}}
  // expected-error @+1 {{failed to parse SNN_AttentionFormAttr parameter 'value' which is to be a `::snc::snn::AttentionForm`}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention linear>} : tensor<4x8xi1> -> tensor<4x8xf32>
  snn.output
}

// -----

snn.network @scale_not_f64(%q: tensor<4x8xi1>) -> () {
  // expected-error @+1 {{'snn.attention' op attribute 'scale' failed to satisfy constraint: 64-bit float attribute}}
  %0 = snn.attention %q, %q, %q {form = #snn<attention spikformer>, scale = 1.0 : f32} : tensor<4x8xi1> -> tensor<4x8xf32>
  snn.output
}
