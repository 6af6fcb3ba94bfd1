// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s
// RUN: snc-opt %s | snc-opt --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// snn.network and snn.output: the custom network syntax (named inputs, named
// outputs, optional dt/scheme), graph-region bodies, and the names that the
// parser turns into input_names/output_names.

// A minimal feed-forward network.
// CHECK-LABEL: snn.network @single(%x: tensor<2xf32>) -> (spikes: tensor<3xi1>) {
// CHECK-NEXT:    %[[A:.+]] = snn.affine %x {bias = dense<5.000000e-01> : tensor<3xf32>, weight = dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00], [5.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>} : tensor<2xf32> -> tensor<3xf32>
// CHECK-NEXT:    %[[S:.+]] = snn.lif %[[A]]
// CHECK-SAME:      : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT:    snn.output %[[S]] : tensor<3xi1>
// CHECK-NEXT:  }
// GENERIC: "snn.network"() <{function_type = (tensor<2xf32>) -> tensor<3xi1>, input_names = ["x"], output_names = ["spikes"], sym_name = "single"}>
snn.network @single(%x: tensor<2xf32>) -> (spikes: tensor<3xi1>) {
  %0 = snn.affine %x {weight = dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>, bias = dense<0.5> : tensor<3xf32>} : tensor<2xf32> -> tensor<3xf32>
  %1 = snn.lif %0 {tau = dense<2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output %1 : tensor<3xi1>
}

// Two inputs and two outputs whose names contain dots; one output name is not
// a bare identifier and is printed quoted. Names survive the round trip.
// CHECK-LABEL: snn.network @two_by_two(%in.left: tensor<2xf32>, %in.right: tensor<4xi1>) -> (out.spikes: tensor<2xi1>, "out.current 1": tensor<4xf32>) {
// CHECK-NEXT:    %[[T:.+]] = snn.threshold %in.left {threshold = dense<5.000000e-01> : tensor<f32>} : tensor<2xf32> -> tensor<2xi1>
// CHECK-NEXT:    %[[C:.+]] = snn.scale %in.right {scale = dense<2.000000e+00> : tensor<f32>} : tensor<4xi1> -> tensor<4xf32>
// CHECK-NEXT:    snn.output %[[T]], %[[C]] : tensor<2xi1>, tensor<4xf32>
// CHECK-NEXT:  }
// GENERIC: "snn.network"() <{function_type = (tensor<2xf32>, tensor<4xi1>) -> (tensor<2xi1>, tensor<4xf32>), input_names = ["in.left", "in.right"], output_names = ["out.spikes", "out.current 1"], sym_name = "two_by_two"}>
snn.network @two_by_two(%in.left: tensor<2xf32>, %in.right: tensor<4xi1>) -> (out.spikes: tensor<2xi1>, "out.current 1": tensor<4xf32>) {
  %0 = snn.threshold %in.left {threshold = dense<0.5> : tensor<f32>} : tensor<2xf32> -> tensor<2xi1>
  %1 = snn.scale %in.right {scale = dense<2.0> : tensor<f32>} : tensor<4xi1> -> tensor<4xf32>
  snn.output %0, %1 : tensor<2xi1>, tensor<4xf32>
}

// A recurrent network: %sum uses %rec before %rec is defined (graph region),
// and the cycle lif -> linear -> add -> lif is kept as is.
// CHECK-LABEL: snn.network @recurrent(%x: tensor<3xf32>) -> (spikes: tensor<3xi1>) {
// CHECK-NEXT:    %[[SUM:.+]] = snn.add %x, %[[REC:[^ ]+]] : tensor<3xf32>
// CHECK-NEXT:    %[[SPK:.+]] = snn.lif %[[SUM]] {name = "pop"
// CHECK-SAME:      : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT:    %[[REC]] = snn.linear %[[SPK]] {weight = dense<2.500000e-01> : tensor<3x3xf32>} : tensor<3xi1> -> tensor<3xf32>
// CHECK-NEXT:    snn.output %[[SPK]] : tensor<3xi1>
// CHECK-NEXT:  }
snn.network @recurrent(%x: tensor<3xf32>) -> (spikes: tensor<3xi1>) {
  %sum = snn.add %x, %rec : tensor<3xf32>
  %spk = snn.lif %sum {name = "pop", tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  %rec = snn.linear %spk {weight = dense<0.25> : tensor<3x3xf32>} : tensor<3xi1> -> tensor<3xf32>
  snn.output %spk : tensor<3xi1>
}

// The output may come before the op defining it in the source order; the
// terminator is still printed last.
// CHECK-LABEL: snn.network @forward_use(%x: tensor<2xf32>) -> (y: tensor<2xf32>) {
// CHECK-NEXT:    %[[Y:.+]] = snn.scale %[[Z:[^ ]+]] {scale = dense<3.000000e+00> : tensor<f32>} : tensor<2xf32> -> tensor<2xf32>
// CHECK-NEXT:    %[[Z]] = snn.scale %x {scale = dense<2.000000e+00> : tensor<f32>} : tensor<2xf32> -> tensor<2xf32>
// CHECK-NEXT:    snn.output %[[Y]] : tensor<2xf32>
snn.network @forward_use(%x: tensor<2xf32>) -> (y: tensor<2xf32>) {
  %y = snn.scale %z {scale = dense<3.0> : tensor<f32>} : tensor<2xf32> -> tensor<2xf32>
  %z = snn.scale %x {scale = dense<2.0> : tensor<f32>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %y : tensor<2xf32>
}

// A discretized network carries dt and scheme, printed after `attributes`.
// CHECK-LABEL: snn.network @discretized(%x: tensor<2xf32>) -> (v: tensor<2xf32>) attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme exact>} {
// CHECK-NEXT:    %[[V:.+]] = snn.discrete_li %x {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<5.000000e-01> : tensor<f64>, gain = dense<5.000000e-01> : tensor<f64>} : tensor<2xf32> -> tensor<2xf32>
// CHECK-NEXT:    snn.output %[[V]] : tensor<2xf32>
// GENERIC: "snn.network"() <{dt = 1.000000e-04 : f64, function_type = (tensor<2xf32>) -> tensor<2xf32>, input_names = ["x"], output_names = ["v"], scheme = #snn<scheme exact>, sym_name = "discretized"}>
snn.network @discretized(%x: tensor<2xf32>) -> (v: tensor<2xf32>) attributes {dt = 1.0e-4 : f64, scheme = #snn<scheme exact>} {
  %0 = snn.discrete_li %x {decay = dense<0.5> : tensor<f64>, gain = dense<0.5> : tensor<f64>, bias = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %0 : tensor<2xf32>
}

// dt without a scheme is legal (the scheme is optional).
// CHECK-LABEL: snn.network @dt_only(%x: tensor<1xf32>) -> (y: tensor<1xf32>) attributes {dt = 1.000000e-03 : f64} {
snn.network @dt_only(%x: tensor<1xf32>) -> (y: tensor<1xf32>) attributes {dt = 1.0e-3 : f64} {
  snn.output %x : tensor<1xf32>
}

// Extra discardable attributes are kept.
// CHECK-LABEL: snn.network @extra_attr(%x: tensor<1xf32>) -> (y: tensor<1xf32>) attributes {snc.note = "kept"} {
snn.network @extra_attr(%x: tensor<1xf32>) -> (y: tensor<1xf32>) attributes {snc.note = "kept"} {
  snn.output %x : tensor<1xf32>
}

// No inputs and no outputs.
// CHECK-LABEL: snn.network @empty() -> () {
// CHECK-NEXT:    snn.output{{$}}
// CHECK-NEXT:  }
// GENERIC: "snn.network"() <{function_type = () -> (), input_names = [], output_names = [], sym_name = "empty"}>
snn.network @empty() -> () {
  snn.output
}

// An input passed straight through to two outputs; rank-0 and
// multi-dimensional tensors.
// CHECK-LABEL: snn.network @passthrough(%a: tensor<f32>, %b: tensor<2x3xi1>) -> (first: tensor<f32>, second: tensor<2x3xi1>, again: tensor<2x3xi1>) {
// CHECK-NEXT:    snn.output %a, %b, %b : tensor<f32>, tensor<2x3xi1>, tensor<2x3xi1>
snn.network @passthrough(%a: tensor<f32>, %b: tensor<2x3xi1>) -> (first: tensor<f32>, second: tensor<2x3xi1>, again: tensor<2x3xi1>) {
  snn.output %a, %b, %b : tensor<f32>, tensor<2x3xi1>, tensor<2x3xi1>
}
