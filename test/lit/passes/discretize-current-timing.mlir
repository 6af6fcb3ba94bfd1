// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))' | FileCheck %s

// snn-discretize carries `current_timing` from snn.cuba_lif to the
// snn.discrete_lif it becomes (the convention is decided at import and
// read by the interpreter and every backend, never recomputed).
// tau_syn 4e-4: syn_decay 0.75, syn_gain w_in dt/tau_syn = 2 * 0.25 = 0.5.

// CHECK: snn.discrete_lif %s {bias = dense<0.000000e+00> : tensor<f64>, current_timing = #snn<current previous_step>,
// CHECK-SAME: syn_decay = dense<7.500000e-01> : tensor<f64>, syn_gain = dense<5.000000e-01> : tensor<f64>,
snn.network @n(%s: tensor<2xi1>) -> () {
  %0 = snn.cuba_lif %s {tau_syn = dense<4.0e-4> : tensor<f64>, tau_mem = dense<1.6e-3> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<2.0> : tensor<f64>, current_timing = #snn<current previous_step>} : tensor<2xi1> -> tensor<2xi1>
  snn.output
}
