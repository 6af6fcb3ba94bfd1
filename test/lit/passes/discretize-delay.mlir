// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))' | FileCheck %s
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=exact}))' | FileCheck %s --check-prefix=EXACT

// snn-discretize turns snn.delay times in seconds into whole steps,
// round(delay / dt), under either scheme; a delay already in steps is kept.
// A value within 1e-6 steps of a whole number is accepted (3e-4 / 1e-4 is
// 2.9999999999999996 in doubles). Steps computed in Python:
//   1e-3 / 1e-4 = 10;  [0, 1e-4, 2e-4, 7e-4] / 1e-4 = [0, 1, 2, 7]
//   3e-4 / 1e-4 -> 3;  f32 5e-4 (0.0005000000237...) / 1e-4 = 5.0000002 -> 5
//   1.000000001e-4 / 1e-4 = 1.000000001 -> 1;  integer 1 (s) / 1e-4 = 10000

// CHECK-LABEL: snn.network @delays(%s: tensor<4xi1>, %x: tensor<2x2xf32>) -> (a: tensor<4xi1>, b: tensor<4xi1>, c: tensor<4xi1>, d: tensor<2x2xf32>, e: tensor<4xi1>, f: tensor<4xi1>, g: tensor<4xi1>) attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme euler>} {
// CHECK-NEXT:    %[[A:.+]] = snn.delay %s {steps = array<i64: 10>} : tensor<4xi1> -> tensor<4xi1>
// CHECK-NEXT:    %[[B:.+]] = snn.delay %s {name = "axon", steps = array<i64: 0, 1, 2, 7>} : tensor<4xi1> -> tensor<4xi1>
// CHECK-NEXT:    %[[C:.+]] = snn.delay %s {steps = array<i64: 3>} : tensor<4xi1> -> tensor<4xi1>
// CHECK-NEXT:    %[[D:.+]] = snn.delay %x {steps = array<i64: 5>} : tensor<2x2xf32> -> tensor<2x2xf32>
// CHECK-NEXT:    %[[E:.+]] = snn.delay %s {steps = array<i64: 1>} : tensor<4xi1> -> tensor<4xi1>
// CHECK-NEXT:    %[[F:.+]] = snn.delay %s {steps = array<i64: 10000>} : tensor<4xi1> -> tensor<4xi1>
// CHECK-NEXT:    %[[G:.+]] = snn.delay %s {steps = array<i64: 4, 0, 0, 1>} : tensor<4xi1> -> tensor<4xi1>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]], %[[D]], %[[E]], %[[F]], %[[G]]
// EXACT-LABEL: snn.network @delays
// EXACT-SAME:    attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme exact>}
// EXACT-NEXT:    snn.delay %s {steps = array<i64: 10>}
// EXACT-NEXT:    snn.delay %s {name = "axon", steps = array<i64: 0, 1, 2, 7>}
// EXACT-NEXT:    snn.delay %s {steps = array<i64: 3>}
// EXACT-NEXT:    snn.delay %x {steps = array<i64: 5>}
// EXACT-NEXT:    snn.delay %s {steps = array<i64: 1>}
// EXACT-NEXT:    snn.delay %s {steps = array<i64: 10000>}
// EXACT-NEXT:    snn.delay %s {steps = array<i64: 4, 0, 0, 1>}
snn.network @delays(%s: tensor<4xi1>, %x: tensor<2x2xf32>) -> (a: tensor<4xi1>, b: tensor<4xi1>, c: tensor<4xi1>, d: tensor<2x2xf32>, e: tensor<4xi1>, f: tensor<4xi1>, g: tensor<4xi1>) {
  %a = snn.delay %s {delay = dense<1.0e-3> : tensor<f64>} : tensor<4xi1> -> tensor<4xi1>
  %b = snn.delay %s {delay = dense<[0.0, 1.0e-4, 2.0e-4, 7.0e-4]> : tensor<4xf64>, name = "axon"} : tensor<4xi1> -> tensor<4xi1>
  %c = snn.delay %s {delay = dense<3.0e-4> : tensor<f64>} : tensor<4xi1> -> tensor<4xi1>
  %d = snn.delay %x {delay = dense<5.0e-4> : tensor<f32>} : tensor<2x2xf32> -> tensor<2x2xf32>
  %e = snn.delay %s {delay = dense<1.000000001e-4> : tensor<f64>} : tensor<4xi1> -> tensor<4xi1>
  %f = snn.delay %s {delay = dense<1> : tensor<i32>} : tensor<4xi1> -> tensor<4xi1>
  // Already in steps: untouched.
  %g = snn.delay %s {steps = array<i64: 4, 0, 0, 1>} : tensor<4xi1> -> tensor<4xi1>
  snn.output %a, %b, %c, %d, %e, %f, %g : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<2x2xf32>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}
