// RUN: snc-opt %s -split-input-file -verify-diagnostics

// Diagnostics of snn.reservoir (ReservoirOp::verify and its ODS
// constraints).

snn.network @input_rank(%x: tensor<2x2xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op expects a rank-1 input, but got 'tensor<2x2xi1>'}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<2x2xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @output_rank(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op output must be rank 1, but is 'tensor<2x5xi1>'}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<2x5xi1>
  snn.output
}

// -----

snn.network @dynamic_output(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op input and output must be statically shaped}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<?xi1>
  snn.output
}

// -----

snn.network @too_many_inputs(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op has more inputs than reservoir neurons (3)}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @exc_fraction_negative(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'exc_fraction' must lie in [0, 1]}}
  %0 = snn.reservoir %x {exc_fraction = -0.1 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @exc_fraction_above_one(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'exc_fraction' must lie in [0, 1]}}
  %0 = snn.reservoir %x {exc_fraction = 1.5 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @p_connect_negative(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'p_connect' must lie in [0, 1]}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = -1.0e-3 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @p_connect_above_one(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'p_connect' must lie in [0, 1]}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 1.01 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @zero_tau(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'tau' must be positive}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 0.0 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @negative_tau(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'tau' must be positive}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = -2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @zero_lambda(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'lambda' must be positive}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, grid = array<i64: 2, 5, 1>, lambda = 0.0 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @negative_lambda(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'lambda' must be positive}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, lambda = -2.0 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @grid_product(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'grid' must have 3 positive dimensions whose product is the reservoir size (10)}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, grid = array<i64: 2, 2, 2>, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @grid_two_dims(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'grid' must have 3 positive dimensions whose product is the reservoir size (10)}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, grid = array<i64: 2, 5>, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @grid_four_dims(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op 'grid' must have 3 positive dimensions whose product is the reservoir size (10)}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, grid = array<i64: 1, 2, 5, 1>, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @result_not_spikes(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op result #0 must be tensor of 1-bit signless integer values, but got 'tensor<10xf32>'}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xf32>
  snn.output
}

// -----

snn.network @missing_seed(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op requires attribute 'seed'}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @missing_w_in(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op requires attribute 'w_in'}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @f32_weight(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op attribute 'w_ee' failed to satisfy constraint: 64-bit float attribute}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f32, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @seed_not_integer(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op attribute 'seed' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1.0 : f64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}

// -----

snn.network @grid_not_array(%x: tensor<4xi1>) -> () {
  // expected-error @+1 {{'snn.reservoir' op attribute 'grid' failed to satisfy constraint: i64 dense array attribute}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, grid = [2, 5, 1], w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output
}
