// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// snn.delay in both forms: `delay` in seconds (continuous, NIR's form) and
// `steps` (discrete).

// CHECK-LABEL: snn.network @delay_seconds
// CHECK-NEXT:    %[[A:.+]] = snn.delay %s {delay = dense<1.000000e-03> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
// CHECK-NEXT:    %[[B:.+]] = snn.delay %s {delay = dense<[0.000000e+00, 1.000000e-04, 2.000000e-04]> : tensor<3xf64>, name = "axon"} : tensor<3xi1> -> tensor<3xi1>
// CHECK-NEXT:    %[[C:.+]] = snn.delay %x {delay = dense<5.000000e-04> : tensor<f32>} : tensor<2x2xf32> -> tensor<2x2xf32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]]
snn.network @delay_seconds(%s: tensor<3xi1>, %x: tensor<2x2xf32>) -> (a: tensor<3xi1>, b: tensor<3xi1>, c: tensor<2x2xf32>) {
  %0 = snn.delay %s {delay = dense<1.0e-3> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
  %1 = snn.delay %s {delay = dense<[0.0, 1.0e-4, 2.0e-4]> : tensor<3xf64>, name = "axon"} : tensor<3xi1> -> tensor<3xi1>
  %2 = snn.delay %x {delay = dense<5.0e-4> : tensor<f32>} : tensor<2x2xf32> -> tensor<2x2xf32>
  snn.output %0, %1, %2 : tensor<3xi1>, tensor<3xi1>, tensor<2x2xf32>
}

// CHECK-LABEL: snn.network @delay_steps
// CHECK-SAME:    attributes {dt = 1.000000e-04 : f64}
// CHECK-NEXT:    %[[A:.+]] = snn.delay %s {steps = array<i64: 10>} : tensor<3xi1> -> tensor<3xi1>
// CHECK-NEXT:    %[[B:.+]] = snn.delay %s {name = "axon", steps = array<i64: 0, 1, 2>} : tensor<3xi1> -> tensor<3xi1>
// CHECK-NEXT:    %[[C:.+]] = snn.delay %x {steps = array<i64: 0>} : tensor<2x2xf32> -> tensor<2x2xf32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]]
snn.network @delay_steps(%s: tensor<3xi1>, %x: tensor<2x2xf32>) -> (a: tensor<3xi1>, b: tensor<3xi1>, c: tensor<2x2xf32>) attributes {dt = 1.0e-4 : f64} {
  %0 = snn.delay %s {steps = array<i64: 10>} : tensor<3xi1> -> tensor<3xi1>
  %1 = snn.delay %s {steps = array<i64: 0, 1, 2>, name = "axon"} : tensor<3xi1> -> tensor<3xi1>
  %2 = snn.delay %x {steps = array<i64: 0>} : tensor<2x2xf32> -> tensor<2x2xf32>
  snn.output %0, %1, %2 : tensor<3xi1>, tensor<3xi1>, tensor<2x2xf32>
}

// A recurrent loop through a delay.
// CHECK-LABEL: snn.network @delay_loop
// CHECK-NEXT:    %[[SUM:.+]] = snn.add %x, %[[D:[^ ]+]] : tensor<2xf32>
// CHECK-NEXT:    %[[D]] = snn.delay %[[SUM]] {steps = array<i64: 1, 2>} : tensor<2xf32> -> tensor<2xf32>
// CHECK-NEXT:    snn.output %[[SUM]] : tensor<2xf32>
snn.network @delay_loop(%x: tensor<2xf32>) -> (y: tensor<2xf32>) {
  %sum = snn.add %x, %d : tensor<2xf32>
  %d = snn.delay %sum {steps = array<i64: 1, 2>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %sum : tensor<2xf32>
}
