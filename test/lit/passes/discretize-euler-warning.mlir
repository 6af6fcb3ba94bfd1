// RUN: snc-opt %s -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))'
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))' 2>/dev/null | FileCheck %s
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=exact}))' 2>&1 >/dev/null | FileCheck %s --check-prefix=EXACT --allow-empty

// Under euler, snn-discretize warns (once per op) when dt >= a membrane time
// constant, naming it ('tau', or 'tau_mem' for current-based neurons): the
// decay 1 - dt/tau is then zero or negative. The exact scheme never warns.
// discretize-euler-warning-synapse.mlir covers tau_syn and tau_adapt.
// EXACT-NOT: warning

snn.network @warnings(%x: tensor<3xf32>, %s: tensor<3xi1>) -> () {
  // dt == tau.
  // expected-warning @+1 {{dt (1.000000e-04 s) is not smaller than 'tau' (1.000000e-04 s): Euler integration is inaccurate; consider --scheme exact}}
  %0 = snn.lif %x {tau = dense<1.0e-4> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  // dt > tau.
  // expected-warning @+1 {{dt (1.000000e-04 s) is not smaller than 'tau' (5.000000e-05 s): Euler integration is inaccurate; consider --scheme exact}}
  %1 = snn.li %x {tau = dense<5.0e-5> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
  // One warning per op, naming the first offending neuron's tau.
  // expected-warning @+1 {{dt (1.000000e-04 s) is not smaller than 'tau' (5.000000e-05 s): Euler integration is inaccurate; consider --scheme exact}}
  %2 = snn.li %x {tau = dense<[1.0e-2, 5.0e-5, 2.0e-5]> : tensor<3xf64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
  // The membrane time constant of a current-based neuron.
  // expected-warning @+1 {{dt (1.000000e-04 s) is not smaller than 'tau_mem' (1.000000e-04 s): Euler integration is inaccurate; consider --scheme exact}}
  %3 = snn.cuba_lif %s {tau_syn = dense<5.0e-3> : tensor<f64>, tau_mem = dense<1.0e-4> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
  // expected-warning @+1 {{dt (1.000000e-04 s) is not smaller than 'tau' (8.000000e-05 s): Euler integration is inaccurate; consider --scheme exact}}
  %4 = snn.alif %x {tau = dense<8.0e-5> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<0.2> : tensor<f64>, beta_adapt = dense<1.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  // No warning: tau slightly above dt; integrators have no tau.
  %5 = snn.lif %x {tau = dense<1.0001e-4> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  %6 = snn.if %x {r = dense<1.0e4> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// The warning does not stop the pass; the euler values are still produced
// (Python: tau = dt gives decay 0, w = 1; tau = dt/2 gives decay -1, w = 2;
// tau = 1.0001e-4 gives decay 1 - 1e-4/1.0001e-4 = 9.9990000999805595e-05
// and gain 1e-4/1.0001e-4 = 0.99990000999900019).
// CHECK-LABEL: snn.network @warnings
// CHECK-NEXT:    snn.discrete_lif %x {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.000000e+00> : tensor<f64>, gain = dense<1.000000e+00> : tensor<f64>,
// CHECK-NEXT:    snn.discrete_li %x {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<-1.000000e+00> : tensor<f64>, gain = dense<2.000000e+00> : tensor<f64>}
// CHECK-NEXT:    snn.discrete_li %x {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<[0.98999999999999999, -1.000000e+00, -4.000000e+00]> : tensor<3xf64>, gain = dense<[1.000000e-02, 2.000000e+00, 5.000000e+00]> : tensor<3xf64>}
// CHECK-NEXT:    snn.discrete_lif %s {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.000000e+00> : tensor<f64>, gain = dense<1.000000e+00> : tensor<f64>,
// CHECK-NEXT:    snn.discrete_lif %x {adapt_decay = dense<9.995000e-01> : tensor<f64>, adapt_gain = dense<1.000000e+00> : tensor<f64>, bias = dense<0.000000e+00> : tensor<f64>, decay = dense<-2.500000e-01> : tensor<f64>, gain = dense<1.250000e+00> : tensor<f64>,
// CHECK-NEXT:    snn.discrete_lif %x {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<9.9990000999805595E-5> : tensor<f64>, gain = dense<0.99990000999900019> : tensor<f64>,
// CHECK-NEXT:    snn.discrete_lif %x {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<1.000000e+00> : tensor<f64>, gain = dense<1.000000e+00> : tensor<f64>,
