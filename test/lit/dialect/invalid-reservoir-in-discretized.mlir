// RUN: snc-opt %s -split-input-file -verify-diagnostics

// snn.reservoir is continuous-time too: its `tau` is in seconds, and
// snn-materialize-reservoirs expands it into an snn.lif. A discretized
// network must reject it like the other continuous-time ops (otherwise
// materializing it creates an snn.lif in a discretized network).

snn.network @reservoir(%x: tensor<4xi1>) -> (s: tensor<10xi1>) attributes {dt = 1.0e-4 : f64} {
  // expected-error @+1 {{'snn.reservoir' op is continuous-time, but the network is discretized (dt = 1.000000e-04)}}
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64, w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 2.0e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output %0 : tensor<10xi1>
}
