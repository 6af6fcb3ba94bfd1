// RUN: snc-opt %s -split-input-file -verify-diagnostics

// ReservoirOp::verify must reject the values that
// snn-materialize-reservoirs cannot expand into valid IR, as the verifiers
// of the ops it creates do (snn.lif and snn.sparse_projection require finite
// parameters and a positive finite tau), and grid dimensions that are not
// positive (the product check alone lets two negative dimensions through).
// A non-finite float attribute is reported by name before any range check.

snn.network @infinite_w_in(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'w_in' must be finite}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 0x7FF0000000000000 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @nan_w_ii(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'w_ii' must be finite}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = 0x7FF8000000000000 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @infinite_tau(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'tau' must be finite}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 0x7FF0000000000000 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @nan_v_threshold(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'v_threshold' must be finite}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 0x7FF8000000000000 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @infinite_v_reset(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'v_reset' must be finite}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0xFFF0000000000000 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

// (-1) * (-2) * 5 = 10 is the reservoir size.
snn.network @negative_grid_dims(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'grid' must have 3 positive dimensions whose product is the reservoir size (10)}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, grid = array<i64: -1, -2, 5>, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

// A NaN exc_fraction is reported as non-finite, not as outside [0, 1]: the
// finiteness check comes first.
snn.network @nan_exc_fraction(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'exc_fraction' must be finite}}
  %0 = snn.reservoir %x {exc_fraction = 0x7FF8000000000000 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @infinite_lambda(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'lambda' must be finite}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, grid = array<i64: 2, 5, 1>, lambda = 0x7FF0000000000000 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @zero_grid_dim(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'grid' must have 3 positive dimensions whose product is the reservoir size (10)}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, grid = array<i64: 5, 0, 2>, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}
