// RUN: snc-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))'
// RUN: snc-opt %s -split-input-file --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))' 2>/dev/null | FileCheck %s

// The euler warning (docs/semantics.md: "it warns when dt >= tau") must
// cover every time constant that euler turns into a decay 1 - dt/tau, not
// only the membrane's: here the membrane is fine but syn_decay or
// adapt_decay comes out zero or negative (Python: 1 - 1e-4/5e-5 = -1,
// 1 - 1e-4/1e-4 = 0). The warning names the time constant and its first
// offending value.

// The warnings do not stop the pass.
// CHECK-LABEL: snn.network @tau_syn
// CHECK-NEXT:    snn.discrete_lif %s {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.98999999999999999> : tensor<f64>, gain = dense<1.000000e-02> : tensor<f64>, syn_decay = dense<-1.000000e+00> : tensor<f64>, syn_gain = dense<2.000000e+00> : tensor<f64>,
snn.network @tau_syn(%s: tensor<3xi1>) -> () {
  // expected-warning @+1 {{dt (1.000000e-04 s) is not smaller than 'tau_syn' (5.000000e-05 s): Euler integration is inaccurate; consider --scheme exact}}
  %0 = snn.cuba_lif %s {tau_syn = dense<5.0e-5> : tensor<f64>, tau_mem = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}

// -----

// CHECK-LABEL: snn.network @tau_syn_li
// CHECK-NEXT:    snn.discrete_li %s {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.98999999999999999> : tensor<f64>, gain = dense<1.000000e-02> : tensor<f64>, syn_decay = dense<[0.97999999999999998, 0.000000e+00, 0.97999999999999998]> : tensor<3xf64>, syn_gain = dense<[2.000000e-02, 1.000000e+00, 2.000000e-02]> : tensor<3xf64>}
snn.network @tau_syn_li(%s: tensor<3xi1>) -> () {
  // expected-warning @+1 {{dt (1.000000e-04 s) is not smaller than 'tau_syn' (1.000000e-04 s): Euler integration is inaccurate; consider --scheme exact}}
  %0 = snn.cuba_li %s {tau_syn = dense<[5.0e-3, 1.0e-4, 5.0e-3]> : tensor<3xf64>, tau_mem = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>} : tensor<3xi1> -> tensor<3xf32>
  snn.output
}

// -----

// CHECK-LABEL: snn.network @tau_adapt
// CHECK-NEXT:    snn.discrete_lif %x {adapt_decay = dense<0.000000e+00> : tensor<f64>, adapt_gain = dense<1.000000e+00> : tensor<f64>, bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.98999999999999999> : tensor<f64>, gain = dense<1.000000e-02> : tensor<f64>,
snn.network @tau_adapt(%x: tensor<3xf32>) -> () {
  // expected-warning @+1 {{dt (1.000000e-04 s) is not smaller than 'tau_adapt' (1.000000e-04 s): Euler integration is inaccurate; consider --scheme exact}}
  %0 = snn.alif %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<1.0e-4> : tensor<f64>, beta_adapt = dense<1.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}
