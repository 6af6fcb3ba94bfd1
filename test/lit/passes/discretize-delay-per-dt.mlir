// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=5e-4}))' | FileCheck %s --check-prefix=COARSE
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4}))' | FileCheck %s --check-prefix=FINE

// The same delays in seconds become different step counts for different
// time steps. Computed in Python, round(delay / dt):
//   dt = 5e-4: 1e-3 -> 2, [0, 1e-3, 2e-3, 5e-3] -> [0, 2, 4, 10], 1.5e-3 -> 3,
//              f32 5e-4 (1.0000000475 steps) -> 1, 1.0 -> 2000
//   dt = 1e-4: 10, [0, 10, 20, 50], 15, f32 5e-4 (5.0000002 steps) -> 5, 10000

// FINE-LABEL: snn.network @coarse(%s: tensor<4xi1>) -> (a: tensor<4xi1>, b: tensor<4xi1>, c: tensor<4xi1>, d: tensor<4xi1>, e: tensor<4xi1>) attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme euler>} {
// FINE-NEXT:    snn.delay %s {steps = array<i64: 10>}
// FINE-NEXT:    snn.delay %s {steps = array<i64: 0, 10, 20, 50>}
// FINE-NEXT:    snn.delay %s {steps = array<i64: 15>}
// FINE-NEXT:    snn.delay %s {steps = array<i64: 5>}
// FINE-NEXT:    snn.delay %s {steps = array<i64: 10000>}
// COARSE-LABEL: snn.network @coarse(%s: tensor<4xi1>) -> (a: tensor<4xi1>, b: tensor<4xi1>, c: tensor<4xi1>, d: tensor<4xi1>, e: tensor<4xi1>) attributes {dt = 5.000000e-04 : f64, scheme = #snn<scheme euler>} {
// COARSE-NEXT:    snn.delay %s {steps = array<i64: 2>}
// COARSE-NEXT:    snn.delay %s {steps = array<i64: 0, 2, 4, 10>}
// COARSE-NEXT:    snn.delay %s {steps = array<i64: 3>}
// COARSE-NEXT:    snn.delay %s {steps = array<i64: 1>}
// COARSE-NEXT:    snn.delay %s {steps = array<i64: 2000>}
snn.network @coarse(%s: tensor<4xi1>) -> (a: tensor<4xi1>, b: tensor<4xi1>, c: tensor<4xi1>, d: tensor<4xi1>, e: tensor<4xi1>) {
  %a = snn.delay %s {delay = dense<1.0e-3> : tensor<f64>} : tensor<4xi1> -> tensor<4xi1>
  %b = snn.delay %s {delay = dense<[0.0, 1.0e-3, 2.0e-3, 5.0e-3]> : tensor<4xf64>} : tensor<4xi1> -> tensor<4xi1>
  %c = snn.delay %s {delay = dense<1.5e-3> : tensor<f64>} : tensor<4xi1> -> tensor<4xi1>
  %d = snn.delay %s {delay = dense<5.0e-4> : tensor<f32>} : tensor<4xi1> -> tensor<4xi1>
  %e = snn.delay %s {delay = dense<1.0> : tensor<f64>} : tensor<4xi1> -> tensor<4xi1>
  snn.output %a, %b, %c, %d, %e : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}
