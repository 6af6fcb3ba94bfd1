// RUN: snc-opt %s -split-input-file -verify-diagnostics

// Diagnostics of snn.network (parser, NetworkOp::verify,
// NetworkOp::verifyRegions, ODS constraints) and snn.output.

// The parser rejects a network without a body block; the error points at
// the token after the empty region.
// expected-error @+2 {{custom op 'snn.network' expected a network body}}
snn.network @no_body() -> () {}
"test.next"() : () -> ()

// -----

// expected-error @+1 {{'snn.network' op expects a non-empty block}}
snn.network @empty_block(%x: tensor<2xf32>) -> () {
}

// -----

snn.network @no_terminator(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{block with no terminator}}
  %0 = snn.scale %x {scale = dense<2.0> : tensor<f32>} : tensor<2xf32> -> tensor<2xf32>
}

// -----

snn.network @terminator_not_last(%x: tensor<2xf32>) -> (y: tensor<2xf32>) {
  // expected-error @+1 {{'snn.output' op must be the last operation in the parent block}}
  snn.output %x : tensor<2xf32>
  %0 = snn.scale %x {scale = dense<2.0> : tensor<f32>} : tensor<2xf32> -> tensor<2xf32>
}

// -----

// expected-error @+1 {{'snn.network' op expects region #0 to have 0 or 1 blocks}}
snn.network @two_blocks(%x: tensor<2xf32>) -> () {
  snn.output
^bb1:
  snn.output
}

// -----

// expected-note @+2 {{previously referenced here}}
// expected-error @+1 {{region entry argument '%x' is already in use}}
snn.network @same_ssa_name(%x: tensor<2xf32>, %x: tensor<2xf32>) -> () {
  snn.output
}

// -----

// expected-error @+1 {{'snn.output' op expects parent op 'snn.network'}}
snn.output

// -----

// expected-note @+1 {{see existing symbol definition here}}
snn.network @twice() -> () {
  snn.output
}
// expected-error @+1 {{redefinition of symbol named 'twice'}}
snn.network @twice() -> () {
  snn.output
}

// -----

//===----------------------------------------------------------------------===//
// Input and output names
//===----------------------------------------------------------------------===//

// expected-error @+1 {{'snn.network' op has two outputs named 'y'}}
snn.network @duplicate_output(%x: tensor<2xf32>) -> (y: tensor<2xf32>, y: tensor<2xf32>) {
  snn.output %x, %x : tensor<2xf32>, tensor<2xf32>
}

// -----

// Output names are compared as strings: quoting does not make them distinct.
// expected-error @+1 {{'snn.network' op has two outputs named 'out.a'}}
snn.network @duplicate_quoted_output(%x: tensor<2xf32>) -> (out.a: tensor<2xf32>, "out.a": tensor<2xf32>) {
  snn.output %x, %x : tensor<2xf32>, tensor<2xf32>
}

// -----

// expected-error @+1 {{'snn.network' op has an empty output name}}
snn.network @empty_output_name(%x: tensor<2xf32>) -> ("": tensor<2xf32>) {
  snn.output %x : tensor<2xf32>
}

// -----

// The custom syntax cannot repeat an input name (SSA names are unique), but
// the generic form can.
// expected-error @+1 {{'snn.network' op has two inputs named 'in.x'}}
"snn.network"() <{function_type = (tensor<2xf32>, tensor<2xf32>) -> (), input_names = ["in.x", "in.x"], output_names = [], sym_name = "duplicate_input"}> ({
^bb0(%arg0: tensor<2xf32>, %arg1: tensor<2xf32>):
  "snn.output"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'snn.network' op has an empty input name}}
"snn.network"() <{function_type = (tensor<2xf32>) -> (), input_names = [""], output_names = [], sym_name = "empty_input_name"}> ({
^bb0(%arg0: tensor<2xf32>):
  "snn.output"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'snn.network' op has 1 input names for 2 inputs}}
"snn.network"() <{function_type = (tensor<2xf32>, tensor<2xf32>) -> (), input_names = ["a"], output_names = [], sym_name = "too_few_input_names"}> ({
^bb0(%arg0: tensor<2xf32>, %arg1: tensor<2xf32>):
  "snn.output"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'snn.network' op has 2 output names for 1 outputs}}
"snn.network"() <{function_type = (tensor<2xf32>) -> tensor<2xf32>, input_names = ["a"], output_names = ["y", "z"], sym_name = "too_many_output_names"}> ({
^bb0(%arg0: tensor<2xf32>):
  "snn.output"(%arg0) : (tensor<2xf32>) -> ()
}) : () -> ()

// -----

//===----------------------------------------------------------------------===//
// Input and output types
//===----------------------------------------------------------------------===//

// expected-error @+1 {{'snn.network' op inputs and outputs must be statically shaped tensors, but found 'tensor<?xf32>'}}
snn.network @dynamic_input(%x: tensor<?xf32>) -> () {
  snn.output
}

// -----

// expected-error @+1 {{'snn.network' op inputs and outputs must be statically shaped tensors, but found 'tensor<*xi1>'}}
snn.network @unranked_output(%x: tensor<2xi1>) -> (y: tensor<*xi1>) {
  "snn.output"(%x) : (tensor<2xi1>) -> ()
}

// -----

// expected-error @+1 {{'snn.network' op inputs and outputs must be statically shaped tensors, but found 'f32'}}
snn.network @scalar_output() -> (y: f32) {
  snn.output
}

// -----

// expected-error @+1 {{'snn.network' op inputs and outputs must be statically shaped tensors, but found 'vector<2xf32>'}}
snn.network @vector_input(%x: vector<2xf32>) -> () {
  snn.output
}

// -----

// expected-error @+1 {{'snn.network' op body arguments do not match the network's inputs}}
"snn.network"() <{function_type = (tensor<2xf32>) -> (), input_names = ["x"], output_names = [], sym_name = "argument_mismatch"}> ({
^bb0(%arg0: tensor<3xf32>):
  "snn.output"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'snn.network' op body arguments do not match the network's inputs}}
"snn.network"() <{function_type = (tensor<2xf32>) -> (), input_names = ["x"], output_names = [], sym_name = "missing_argument"}> ({
  "snn.output"() : () -> ()
}) : () -> ()

// -----

snn.network @output_type(%x: tensor<2xf32>) -> (y: tensor<2xi1>) {
  // expected-error @+1 {{'snn.output' op operand types do not match the network's outputs: expected ('tensor<2xi1>')}}
  snn.output %x : tensor<2xf32>
}

// -----

snn.network @output_count(%x: tensor<2xf32>) -> (y: tensor<2xf32>, z: tensor<3xi1>) {
  // expected-error @+1 {{'snn.output' op operand types do not match the network's outputs: expected ('tensor<2xf32>', 'tensor<3xi1>')}}
  snn.output %x : tensor<2xf32>
}

// -----

snn.network @output_missing(%x: tensor<2xf32>) -> (y: tensor<2xf32>) {
  // expected-error @+1 {{'snn.output' op operand types do not match the network's outputs: expected ('tensor<2xf32>')}}
  snn.output
}

// -----

snn.network @output_extra(%x: tensor<2xf32>) -> () {
  // expected-error @+1 {{'snn.output' op operand types do not match the network's outputs: expected ()}}
  snn.output %x : tensor<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// dt and scheme
//===----------------------------------------------------------------------===//

// expected-error @+1 {{'snn.network' op 'dt' must be positive, but is 0.000000e+00}}
snn.network @zero_dt(%x: tensor<2xf32>) -> () attributes {dt = 0.0 : f64} {
  snn.output
}

// -----

// expected-error @+1 {{'snn.network' op 'dt' must be positive, but is -1.000000e-04}}
snn.network @negative_dt(%x: tensor<2xf32>) -> () attributes {dt = -1.0e-4 : f64} {
  snn.output
}

// -----

// expected-error @+1 {{'snn.network' op 'dt' must be positive, but is nan}}
snn.network @nan_dt(%x: tensor<2xf32>) -> () attributes {dt = 0x7FF8000000000000 : f64} {
  snn.output
}

// -----

// expected-error @+1 {{'snn.network' op has an integration 'scheme' but no 'dt'}}
snn.network @scheme_without_dt(%x: tensor<2xf32>) -> () attributes {scheme = #snn<scheme euler>} {
  snn.output
}

// -----

// expected-error @+1 {{'snn.network' op attribute 'dt' failed to satisfy constraint: 64-bit float attribute}}
snn.network @f32_dt(%x: tensor<2xf32>) -> () attributes {dt = 1.0e-4 : f32} {
  snn.output
}

// -----

// expected-error @+2 {{expected ::snc::snn::IntegrationScheme to be one of: euler, exact}}
// expected-error @+1 {{failed to parse SNN_IntegrationSchemeAttr parameter 'value' which is to be a `::snc::snn::IntegrationScheme`}}
snn.network @unknown_scheme(%x: tensor<2xf32>) -> () attributes {dt = 1.0e-4 : f64, scheme = #snn<scheme rk4>} {
  snn.output
}

// -----

// The custom syntax sets sym_name, function_type and output_names itself;
// they may not be repeated in the attribute dictionary. input_names may be
// (the printer puts names that are not SSA names there, see
// roundtrip-network-input-names.mlir), and is then verified like any other.
// expected-error @+1 {{'snn.network' op has 2 input names for 1 inputs}}
snn.network @explicit_input_names_count(%x: tensor<2xf32>) -> () attributes {input_names = ["a", "b"]} {
  snn.output
}

// -----

// expected-error @+1 {{'snn.network' op has two inputs named 'in 0'}}
snn.network @explicit_input_names_twice(%x: tensor<2xf32>, %y: tensor<2xf32>) -> () attributes {input_names = ["in 0", "in 0"]} {
  snn.output
}

// -----

// expected-error @+1 {{custom op 'snn.network' attribute 'output_names' occurs more than once in the attribute list}}
snn.network @repeated_output_names(%x: tensor<2xf32>) -> () attributes {output_names = []} {
  snn.output
}

// -----

// expected-error @+1 {{custom op 'snn.network' attribute 'function_type' occurs more than once in the attribute list}}
snn.network @repeated_function_type(%x: tensor<2xf32>) -> () attributes {function_type = (tensor<2xf32>) -> ()} {
  snn.output
}

// -----

// expected-error @+1 {{custom op 'snn.network' attribute 'sym_name' occurs more than once in the attribute list}}
snn.network @repeated_sym_name(%x: tensor<2xf32>) -> () attributes {sym_name = "other"} {
  snn.output
}

// -----

//===----------------------------------------------------------------------===//
// ODS constraints on the generic form
//===----------------------------------------------------------------------===//

// expected-error @+1 {{'snn.network' op attribute 'function_type' failed to satisfy constraint: type attribute of function type}}
"snn.network"() <{function_type = i32, input_names = [], output_names = [], sym_name = "not_a_function_type"}> ({
  "snn.output"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'snn.network' op attribute 'input_names' failed to satisfy constraint: string array attribute}}
"snn.network"() <{function_type = (tensor<2xf32>) -> (), input_names = [1], output_names = [], sym_name = "int_input_name"}> ({
^bb0(%arg0: tensor<2xf32>):
  "snn.output"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'snn.network' op requires attribute 'output_names'}}
"snn.network"() <{function_type = () -> (), input_names = [], sym_name = "no_output_names"}> ({
  "snn.output"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'snn.network' op requires attribute 'sym_name'}}
"snn.network"() <{function_type = () -> (), input_names = [], output_names = []}> ({
  "snn.output"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{invalid properties {dt = 1.000000e-04 : f64, function_type = () -> (), input_names = [], output_names = [], scheme = "euler", sym_name = "scheme_property"} for op snn.network: Invalid attribute `scheme` in property conversion: "euler"}}
"snn.network"() <{dt = 1.0e-4 : f64, scheme = "euler", function_type = () -> (), input_names = [], output_names = [], sym_name = "scheme_property"}> ({
  "snn.output"() : () -> ()
}) : () -> ()

// -----

// Inherent attributes given in the generic form's attribute dictionary are
// checked against their ODS constraints.
// expected-error @+1 {{'snn.network' op attribute 'dt' failed to satisfy constraint: 64-bit float attribute}}
"snn.network"() ({
  "snn.output"() : () -> ()
}) {dt = "x", function_type = () -> (), input_names = [], output_names = [], sym_name = "string_dt"} : () -> ()

// -----

// expected-error @+1 {{'snn.network' op attribute 'scheme' failed to satisfy constraint: how continuous dynamics were discretized}}
"snn.network"() ({
  "snn.output"() : () -> ()
}) {dt = 1.0e-4 : f64, scheme = "euler", function_type = () -> (), input_names = [], output_names = [], sym_name = "string_scheme"} : () -> ()
