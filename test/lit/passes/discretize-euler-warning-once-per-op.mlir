// RUN: snc-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))'

// An op with several time constants at or below dt gets one euler warning,
// for the first offending one in the order the op is discretized: the
// synapse's tau_syn, then the membrane's tau (tau_mem), then tau_adapt.

snn.network @syn_before_mem(%s: tensor<3xi1>) -> () {
  // expected-warning @+1 {{dt (1.000000e-04 s) is not smaller than 'tau_syn' (5.000000e-05 s): Euler integration is inaccurate; consider --scheme exact}}
  %0 = snn.cuba_lif %s {tau_syn = dense<5.0e-5> : tensor<f64>, tau_mem = dense<2.0e-5> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @mem_when_syn_is_fine(%s: tensor<3xi1>) -> () {
  // expected-warning @+1 {{dt (1.000000e-04 s) is not smaller than 'tau_mem' (1.000000e-04 s): Euler integration is inaccurate; consider --scheme exact}}
  %0 = snn.cuba_li %s {tau_syn = dense<5.0e-3> : tensor<f64>, tau_mem = dense<[1.0e-2, 1.0e-4, 5.0e-5]> : tensor<3xf64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>} : tensor<3xi1> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @tau_before_tau_adapt(%x: tensor<3xf32>) -> () {
  // expected-warning @+1 {{dt (1.000000e-04 s) is not smaller than 'tau' (5.000000e-05 s): Euler integration is inaccurate; consider --scheme exact}}
  %0 = snn.alif %x {tau = dense<5.0e-5> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<1.0e-4> : tensor<f64>, beta_adapt = dense<1.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}
