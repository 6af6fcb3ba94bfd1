// RUN: snc-opt %s | FileCheck %s --check-prefix=CUSTOM
// RUN: snc-opt %s | snc-opt | FileCheck %s --check-prefix=CUSTOM
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s --check-prefix=CUSTOM
// RUN: snc-opt %s | snc-opt --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// input_names is an attribute of its own: any non-empty, distinct strings are
// valid (NetworkOp::verify). The custom printer must keep them through a
// print/parse round trip even when a name is not a valid SSA identifier
// (it contains a space or a character outside [A-Za-z0-9_$.-], or starts
// with a digit). Then the arguments keep their default SSA names and
// input_names is printed in the attribute dictionary, from which the parser
// takes it back. When every name is a valid SSA name, the names ride on the
// arguments and input_names is not printed.

// A space, a leading digit, and a valid name that would collide with the
// sanitized spelling of the first one.
// CUSTOM-LABEL: snn.network @odd_names(%arg0: tensor<2xf32>, %arg1: tensor<2xf32>, %arg2: tensor<2xf32>) -> () attributes {input_names = ["in 0", "0", "in_0"]} {
// CUSTOM-NEXT:    snn.output{{$}}
// GENERIC: "snn.network"() <{function_type = (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (), input_names = ["in 0", "0", "in_0"], output_names = [], sym_name = "odd_names"}>
"snn.network"() <{function_type = (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (), input_names = ["in 0", "0", "in_0"], output_names = [], sym_name = "odd_names"}> ({
^bb0(%arg0: tensor<2xf32>, %arg1: tensor<2xf32>, %arg2: tensor<2xf32>):
  "snn.output"() : () -> ()
}) : () -> ()

// A name that starts with a digit but is otherwise an SSA name.
// CUSTOM-LABEL: snn.network @leading_digit(%arg0: tensor<2xf32>) -> () attributes {input_names = ["1st"]} {
// GENERIC: "snn.network"() <{function_type = (tensor<2xf32>) -> (), input_names = ["1st"], output_names = [], sym_name = "leading_digit"}>
"snn.network"() <{function_type = (tensor<2xf32>) -> (), input_names = ["1st"], output_names = [], sym_name = "leading_digit"}> ({
^bb0(%arg0: tensor<2xf32>):
  "snn.output"() : () -> ()
}) : () -> ()

// One name with a character outside [A-Za-z0-9_$.-] puts all names in the
// attribute dictionary.
// CUSTOM-LABEL: snn.network @colon(%arg0: tensor<2xf32>, %arg1: tensor<2xf32>) -> () attributes {input_names = ["a:b", "ok"]} {
// GENERIC: "snn.network"() <{function_type = (tensor<2xf32>, tensor<2xf32>) -> (), input_names = ["a:b", "ok"], output_names = [], sym_name = "colon"}>
"snn.network"() <{function_type = (tensor<2xf32>, tensor<2xf32>) -> (), input_names = ["a:b", "ok"], output_names = [], sym_name = "colon"}> ({
^bb0(%arg0: tensor<2xf32>, %arg1: tensor<2xf32>):
  "snn.output"() : () -> ()
}) : () -> ()

// Every character of [A-Za-z0-9_$.-] is kept in an SSA name; input_names is
// not printed.
// CUSTOM-LABEL: snn.network @punctuation(%a$b: tensor<2xf32>, %c.d: tensor<2xf32>, %e-f: tensor<2xf32>, %_g9: tensor<2xf32>) -> (y: tensor<2xf32>) {
// CUSTOM-NEXT:    snn.output %_g9 : tensor<2xf32>
// GENERIC: "snn.network"() <{function_type = (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>, input_names = ["a$b", "c.d", "e-f", "_g9"], output_names = ["y"], sym_name = "punctuation"}>
"snn.network"() <{function_type = (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<2xf32>), input_names = ["a$b", "c.d", "e-f", "_g9"], output_names = ["y"], sym_name = "punctuation"}> ({
^bb0(%arg0: tensor<2xf32>, %arg1: tensor<2xf32>, %arg2: tensor<2xf32>, %arg3: tensor<2xf32>):
  "snn.output"(%arg3) : (tensor<2xf32>) -> ()
}) : () -> ()

// In the custom syntax, an explicit input_names wins over the SSA names of
// the arguments, and the body still uses the arguments.
// CUSTOM-LABEL: snn.network @explicit_odd(%arg0: tensor<2xf32>) -> (y: tensor<2xf32>) attributes {input_names = ["in x"]} {
// CUSTOM-NEXT:    %[[S:.+]] = snn.scale %arg0 {scale = dense<2.000000e+00> : tensor<f32>} : tensor<2xf32> -> tensor<2xf32>
// CUSTOM-NEXT:    snn.output %[[S]] : tensor<2xf32>
// GENERIC: "snn.network"() <{function_type = (tensor<2xf32>) -> tensor<2xf32>, input_names = ["in x"], output_names = ["y"], sym_name = "explicit_odd"}>
snn.network @explicit_odd(%x: tensor<2xf32>) -> (y: tensor<2xf32>) attributes {input_names = ["in x"]} {
  %0 = snn.scale %x {scale = dense<2.0> : tensor<f32>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %0 : tensor<2xf32>
}

// An explicit input_names that is a valid SSA name becomes the argument's name.
// CUSTOM-LABEL: snn.network @explicit_ssa(%q: tensor<2xf32>) -> () {
// GENERIC: "snn.network"() <{function_type = (tensor<2xf32>) -> (), input_names = ["q"], output_names = [], sym_name = "explicit_ssa"}>
snn.network @explicit_ssa(%x: tensor<2xf32>) -> () attributes {input_names = ["q"]} {
  snn.output
}
