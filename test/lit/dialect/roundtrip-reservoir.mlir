// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// snn.reservoir, with uniform connection probability and on a 3-D grid.
// lambda = 2.0 is the default and is elided.

// CHECK-LABEL: snn.network @reservoir
// CHECK-NEXT:    %[[A:.+]] = snn.reservoir %x {exc_fraction = 8.000000e-01 : f64, p_connect = 1.000000e-01 : f64, seed = 42 : i64, tau = 2.000000e-02 : f64, v_reset = 0.000000e+00 : f64, v_threshold = 1.000000e+00 : f64, w_ee = 5.000000e-01 : f64, w_ei = 2.500000e-01 : f64, w_ie = -1.000000e+00 : f64, w_ii = -5.000000e-01 : f64, w_in = 2.000000e+00 : f64} : tensor<4xi1> -> tensor<100xi1>
// CHECK-NEXT:    %[[B:.+]] = snn.reservoir %x {exc_fraction = 1.000000e+00 : f64, grid = array<i64: 5, 5, 4>, lambda = 3.000000e+00 : f64, name = "lsm", p_connect = 3.000000e-01 : f64, seed = 7 : i64, tau = 3.000000e-02 : f64, v_reset = -1.000000e+00 : f64, v_threshold = 1.500000e+00 : f64, w_ee = 1.000000e+00 : f64, w_ei = 1.000000e+00 : f64, w_ie = -2.000000e+00 : f64, w_ii = -2.000000e+00 : f64, w_in = 1.000000e+00 : f64} : tensor<4xi1> -> tensor<100xi1>
// CHECK-NEXT:    %[[C:.+]] = snn.reservoir %f {exc_fraction = 0.000000e+00 : f64, grid = array<i64: 2, 2, 1>, p_connect = 0.000000e+00 : f64, seed = -3 : i64, tau = 1.000000e-02 : f64, v_reset = 0.000000e+00 : f64, v_threshold = 1.000000e+00 : f64, w_ee = 0.000000e+00 : f64, w_ei = 0.000000e+00 : f64, w_ie = 0.000000e+00 : f64, w_ii = 0.000000e+00 : f64, w_in = 1.000000e+00 : f64} : tensor<4xf32> -> tensor<4xi1>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]]
snn.network @reservoir(%x: tensor<4xi1>, %f: tensor<4xf32>) -> (a: tensor<100xi1>, b: tensor<100xi1>, c: tensor<4xi1>) {
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.25 : f64, w_ie = -1.0 : f64, w_ii = -0.5 : f64, w_in = 2.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 42 : i64} : tensor<4xi1> -> tensor<100xi1>
  %1 = snn.reservoir %x {exc_fraction = 1.0 : f64, p_connect = 0.3 : f64, grid = array<i64: 5, 5, 4>, lambda = 3.0 : f64, w_ee = 1.0 : f64, w_ei = 1.0 : f64, w_ie = -2.0 : f64, w_ii = -2.0 : f64, w_in = 1.0 : f64, tau = 3.0e-2 : f64, v_threshold = 1.5 : f64, v_reset = -1.0 : f64, seed = 7 : i64, name = "lsm"} : tensor<4xi1> -> tensor<100xi1>
  // Edge values: no excitatory neurons, no connections, as many neurons as
  // inputs, explicit default lambda, negative seed.
  %2 = snn.reservoir %f {exc_fraction = 0.0 : f64, p_connect = 0.0 : f64, grid = array<i64: 2, 2, 1>, lambda = 2.0 : f64, w_ee = 0.0 : f64, w_ei = 0.0 : f64, w_ie = 0.0 : f64, w_ii = 0.0 : f64, w_in = 1.0 : f64, tau = 1.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = -3 : i64} : tensor<4xf32> -> tensor<4xi1>
  snn.output %0, %1, %2 : tensor<100xi1>, tensor<100xi1>, tensor<4xi1>
}
