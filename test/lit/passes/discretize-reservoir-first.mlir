// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4}))' -verify-diagnostics

// snn-discretize asks each op whether it needs a time step
// (TimeStepOpInterface) and refuses one it has no rule for, instead of
// leaving a continuous-time op in a network it marks discretized.

snn.network @reservoir(%x: tensor<4xi1>) -> (s: tensor<10xi1>) {
  // expected-error @+1 {{'snn.reservoir' op depends on the time step but snn-discretize has no rule for it (a reservoir: run snn-materialize-reservoirs first)}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output %0 : tensor<10xi1>
}
