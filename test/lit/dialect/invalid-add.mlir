// RUN: snc-opt %s -split-input-file -allow-unregistered-dialect -verify-diagnostics

// Diagnostics of snn.add (AddOp::verify and SameOperandsAndResultType).

snn.network @no_inputs() -> () {
  // SameOperandsAndResultType is checked before AddOp::verify, so the
  // trait reports the missing operand.
  // expected-error @+1 {{'snn.add' op expected 1 or more operands, but found 0}}
  %0 = snn.add : tensor<3xf32>
  snn.output
}

// -----

snn.network @no_inputs_generic() -> () {
  // expected-error @+1 {{'snn.add' op expected 1 or more operands, but found 0}}
  %0 = "snn.add"() : () -> tensor<3xf32>
  snn.output
}

// -----

snn.network @type_mismatch(%a: tensor<3xf32>, %b: tensor<3xf64>) -> () {
  // expected-error @+1 {{'snn.add' op requires the same type for all operands and results}}
  %0 = "snn.add"(%a, %b) : (tensor<3xf32>, tensor<3xf64>) -> tensor<3xf32>
  snn.output
}

// -----

snn.network @shape_mismatch(%a: tensor<3xf32>, %b: tensor<4xf32>) -> () {
  // expected-error @+1 {{'snn.add' op requires the same type for all operands and results}}
  %0 = "snn.add"(%a, %b) : (tensor<3xf32>, tensor<4xf32>) -> tensor<3xf32>
  snn.output
}

// -----

// expected-note @+1 {{prior use here}}
snn.network @custom_syntax_type(%a: tensor<3xf32>) -> () {
  // The custom syntax gives every operand the result type.
  // expected-error @+1 {{use of value '%a' expects different type than prior uses: 'tensor<3xf64>' vs 'tensor<3xf32>'}}
  %0 = snn.add %a : tensor<3xf64>
  snn.output
}

// -----

snn.network @dynamic() -> () {
  %a = "test.source"() : () -> tensor<?xf32>
  // expected-error @+1 {{'snn.add' op output must be statically shaped}}
  %0 = snn.add %a, %a : tensor<?xf32>
  snn.output
}

// -----

snn.network @unranked() -> () {
  %a = "test.source"() : () -> tensor<*xf32>
  // expected-error @+1 {{'snn.add' op output must be statically shaped}}
  %0 = snn.add %a : tensor<*xf32>
  snn.output
}

// -----

snn.network @index_elements(%a: tensor<3xindex>) -> () {
  // expected-error @+1 {{'snn.add' op operand #0 must be variadic of tensor of floating-point or signless integer wider than 1 bit values, but got 'tensor<3xindex>'}}
  %0 = snn.add %a : tensor<3xindex>
  snn.output
}

// -----

snn.network @spikes(%a: tensor<3xi1>) -> () {
  // Spike trains are not summed with snn.add: i1 is a spike, not a number.
  // expected-error @+1 {{'snn.add' op operand #0 must be variadic of tensor of floating-point or signless integer wider than 1 bit values, but got 'tensor<3xi1>'}}
  %0 = snn.add %a, %a : tensor<3xi1>
  snn.output
}
