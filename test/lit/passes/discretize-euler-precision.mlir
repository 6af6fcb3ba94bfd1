// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))' | FileCheck %s

// Euler discretization with ordinary time constants (10 ms, 20 ms, 5 ms,
// 200 ms). docs/semantics.md defines the input weight as w = dt/tau, so
// gain = w*r and bias = w*v_leak must be computed from dt/tau itself, not as
// 1 - (1 - dt/tau), which loses the low bits of dt/tau to cancellation
// (e.g. 1 - (1 - 1e-4/2e-2) = 0.0050000000000000044 instead of 0.005).
// decay = 1 - dt/tau. Expected values computed independently in Python.

// CHECK-LABEL: snn.network @all_ops(%x: tensor<3xf32>, %s: tensor<3xi1>) -> () attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme euler>} {
// CHECK-NEXT: %[[I:.+]] = snn.discrete_li %x {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<1.000000e+00> : tensor<f64>,
// CHECK-SAME: gain = dense<3.0000000000000003E-4> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
// CHECK-NEXT: %[[IF:.+]] = snn.discrete_lif %x {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<1.000000e+00> : tensor<f64>,
// CHECK-SAME: gain = dense<[1.000000e-04, 2.000000e-04, 5.000000e-05]> : tensor<3xf64>,
// CHECK-SAME: reset = #snn<reset subtract>,
// CHECK-SAME: v_reset = dense<-5.000000e-01> : tensor<f64>,
// CHECK-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT: %[[LI:.+]] = snn.discrete_li %x {bias = dense<-6.5000000000000008E-4> : tensor<f64>,
// CHECK-SAME: decay = dense<0.98999999999999999> : tensor<f64>,
// CHECK-SAME: gain = dense<2.000000e-02> : tensor<f64>,
// CHECK-SAME: name = "readout",
// CHECK-SAME: v_init = dense<-6.500000e-02> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
// CHECK-NEXT: %[[LIF:.+]] = snn.discrete_lif %x {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<[0.98999999999999999, 0.99499999999999999, 0.97999999999999998]> : tensor<3xf64>,
// CHECK-SAME: gain = dense<[1.000000e-02, 1.000000e-02, 6.000000e-02]> : tensor<3xf64>,
// CHECK-SAME: name = "hidden.lif",
// CHECK-SAME: refractory = 2 : i64,
// CHECK-SAME: reset = #snn<reset none>,
// CHECK-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: v_threshold = dense<[1.000000e+00, 1.500000e+00, 2.000000e+00]> : tensor<3xf64>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT: %[[CLI:.+]] = snn.discrete_li %s {bias = dense<2.500000e-03> : tensor<f64>,
// CHECK-SAME: decay = dense<0.99499999999999999> : tensor<f64>,
// CHECK-SAME: gain = dense<5.000000e-03> : tensor<f64>,
// CHECK-SAME: syn_decay = dense<0.97999999999999998> : tensor<f64>,
// CHECK-SAME: syn_gain = dense<[2.000000e-02, -2.000000e-02, 4.000000e-02]> : tensor<3xf64>} : tensor<3xi1> -> tensor<3xf32>
// CHECK-NEXT: %[[CLIF:.+]] = snn.discrete_lif %s {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<0.98999999999999999> : tensor<f64>,
// CHECK-SAME: gain = dense<2.000000e-02> : tensor<f64>,
// CHECK-SAME: syn_decay = dense<0.97999999999999998> : tensor<f64>,
// CHECK-SAME: syn_gain = dense<3.000000e-02> : tensor<f64>,
// CHECK-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
// CHECK-NEXT: %[[ALIF:.+]] = snn.discrete_lif %x {adapt_decay = dense<9.995000e-01> : tensor<f64>,
// CHECK-SAME: adapt_gain = dense<1.800000e+00> : tensor<f64>,
// CHECK-SAME: bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<0.99499999999999999> : tensor<f64>,
// CHECK-SAME: gain = dense<5.000000e-03> : tensor<f64>,
// CHECK-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT:    snn.output
snn.network @all_ops(%x: tensor<3xf32>, %s: tensor<3xi1>) -> () {
  %i = snn.i %x {r = dense<3.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
  %if = snn.if %x {r = dense<[1.0, 2.0, 0.5]> : tensor<3xf64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<-0.5> : tensor<f64>, reset = #snn<reset subtract>} : tensor<3xf32> -> tensor<3xi1>
  %li = snn.li %x {tau = dense<0.01> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<-0.065> : tensor<f64>, v_init = dense<-0.065> : tensor<f64>, name = "readout"} : tensor<3xf32> -> tensor<3xf32>
  %lif = snn.lif %x {tau = dense<[0.01, 0.02, 0.005]> : tensor<3xf64>, r = dense<[1.0, 2.0, 3.0]> : tensor<3xf64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<[1.0, 1.5, 2.0]> : tensor<3xf64>, v_reset = dense<0.0> : tensor<f64>, reset = #snn<reset none>, refractory = 2, name = "hidden.lif"} : tensor<3xf32> -> tensor<3xi1>
  %cli = snn.cuba_li %s {tau_syn = dense<0.005> : tensor<f64>, tau_mem = dense<0.02> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.5> : tensor<f64>, w_in = dense<[1.0, -1.0, 2.0]> : tensor<3xf64>} : tensor<3xi1> -> tensor<3xf32>
  %clif = snn.cuba_lif %s {tau_syn = dense<0.005> : tensor<f64>, tau_mem = dense<0.01> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<1.5> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
  %alif = snn.alif %x {tau = dense<0.02> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<0.2> : tensor<f64>, beta_adapt = dense<1.8> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}
