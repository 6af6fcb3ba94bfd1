// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-lower-delays{max-delay=3}))' | FileCheck %s

// snn-lower-delays turns each snn.delay of spikes into an identity
// snn.sparse_projection (row_ptr 0..n, targets 0..n-1, weight 1.0 : f32,
// delays = the steps, a broadcast step repeated per element) and an
// snn.threshold at 0.5 that gives spikes back. The threshold keeps the
// delay's name; the projection is "<name>.synapses" ("delay<k>" when the
// delay is unnamed). A delay of non-spike values whose steps all lie in
// [min-delay, max-delay] is left alone.

// CHECK-LABEL: snn.network @spikes
// CHECK-NEXT:    %[[P:.+]] = snn.sparse_projection %s {delays = array<i64: 0, 1, 2, 3>, name = "axon.synapses", row_ptr = array<i64: 0, 1, 2, 3, 4>, targets = array<i64: 0, 1, 2, 3>, weights = dense<1.000000e+00> : tensor<f32>} : tensor<4xi1> -> tensor<4xf32>
// CHECK-NEXT:    %[[A:.+]] = snn.threshold %[[P]] {name = "axon", threshold = dense<5.000000e-01> : tensor<f64>} : tensor<4xf32> -> tensor<4xi1>
// CHECK-NEXT:    %[[Q:.+]] = snn.sparse_projection %s {delays = array<i64: 2, 2, 2, 2>, name = "delay0.synapses", row_ptr = array<i64: 0, 1, 2, 3, 4>, targets = array<i64: 0, 1, 2, 3>, weights = dense<1.000000e+00> : tensor<f32>} : tensor<4xi1> -> tensor<4xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.threshold %[[Q]] {threshold = dense<5.000000e-01> : tensor<f64>} : tensor<4xf32> -> tensor<4xi1>
// CHECK-NEXT:    %[[C:.+]] = snn.delay %x {steps = array<i64: 1, 3>} : tensor<2xf32> -> tensor<2xf32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]] : tensor<4xi1>, tensor<4xi1>, tensor<2xf32>
snn.network @spikes(%s: tensor<4xi1>, %x: tensor<2xf32>) -> (a: tensor<4xi1>, b: tensor<4xi1>, c: tensor<2xf32>) attributes {dt = 1.000000e-03 : f64, scheme = #snn<scheme euler>} {
  %a = snn.delay %s {name = "axon", steps = array<i64: 0, 1, 2, 3>} : tensor<4xi1> -> tensor<4xi1>
  %b = snn.delay %s {steps = array<i64: 2>} : tensor<4xi1> -> tensor<4xi1>
  %c = snn.delay %x {steps = array<i64: 1, 3>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %a, %b, %c : tensor<4xi1>, tensor<4xi1>, tensor<2xf32>
}
