// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// snn.attention in both forms: spikformer (a floating-point pre-activation)
// and spike_driven (a spike tensor). scale = 1.0 and threshold = 0.0 are the
// defaults and are elided.

// CHECK-LABEL: snn.network @attention
// CHECK-NEXT:    %[[A:.+]] = snn.attention %q, %k, %v {form = #snn<attention spikformer>, scale = 1.250000e-01 : f64} : tensor<4x8xi1> -> tensor<4x8xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.attention %q, %k, %v {form = #snn<attention spikformer>} : tensor<4x8xi1> -> tensor<4x8xf16>
// CHECK-NEXT:    %[[C:.+]] = snn.attention %q, %k, %v {form = #snn<attention spike_driven>, name = "sdsa", threshold = 2.000000e+00 : f64} : tensor<4x8xi1> -> tensor<4x8xi1>
// CHECK-NEXT:    %[[D:.+]] = snn.attention %q, %q, %q {form = #snn<attention spike_driven>} : tensor<4x8xi1> -> tensor<4x8xi1>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]], %[[D]]
snn.network @attention(%q: tensor<4x8xi1>, %k: tensor<4x8xi1>, %v: tensor<4x8xi1>) -> (a: tensor<4x8xf32>, b: tensor<4x8xf16>, c: tensor<4x8xi1>, d: tensor<4x8xi1>) {
  %0 = snn.attention %q, %k, %v {form = #snn<attention spikformer>, scale = 0.125} : tensor<4x8xi1> -> tensor<4x8xf32>
  %1 = snn.attention %q, %k, %v {form = #snn<attention spikformer>, scale = 1.0, threshold = 0.0} : tensor<4x8xi1> -> tensor<4x8xf16>
  %2 = snn.attention %q, %k, %v {form = #snn<attention spike_driven>, threshold = 2.0, name = "sdsa"} : tensor<4x8xi1> -> tensor<4x8xi1>
  %3 = snn.attention %q, %q, %q {form = #snn<attention spike_driven>} : tensor<4x8xi1> -> tensor<4x8xi1>
  snn.output %0, %1, %2, %3 : tensor<4x8xf32>, tensor<4x8xf16>, tensor<4x8xi1>, tensor<4x8xi1>
}
