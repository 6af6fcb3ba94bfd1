// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))' | FileCheck %s
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4}))' | FileCheck %s
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))' | snc-opt | FileCheck %s

// snn-discretize with the (default) euler scheme, for every continuous
// neuron op. docs/semantics.md, with w = dt/tau:
//   i, if:        decay 1, gain r*dt, bias 0
//   li, lif:      decay 1 - dt/tau, gain w*r, bias w*v_leak
//   cuba_li/_lif: as li with tau_mem; syn_decay = 1 - dt/tau_syn, syn_gain = w_in dt/tau_syn
//   alif:         as lif; adapt_decay = 1 - dt/tau_adapt, adapt_gain = beta_adapt
// Each result is a splat when all neurons share one value, else one value per
// neuron; v_init, name, reset, refractory, v_threshold and v_reset are kept.
// The time constants here are power-of-two multiples of dt = 1e-4 (tau =
// 2^k * 1e-4 s), so dt/tau is a power of two and every expected value below
// is exact (discretize-euler-precision.mlir covers other time constants).
// The expected values were computed independently in Python:
//   i:    gain 3*1e-4
//   if:   gain [1, 2, 0.5]*1e-4
//   li:   dt/tau = 1/16: decay 15/16, gain 2/16, bias -0.065/16
//   lif:  dt/tau = [1/2, 1/4, 1/8]: decay [1/2, 3/4, 7/8], gain [1/2, 2/4, 3/8]
//   cuba_li:  tau_syn 1/8: syn_decay 7/8, syn_gain w_in/8; tau_mem 1/32: decay 31/32, gain 1/32, bias 0.5/32
//   cuba_lif: tau_syn 1/4: syn_decay 3/4, syn_gain 1.5/4; tau_mem 1/128: decay 127/128, gain 2/128
//   alif: tau 1/64: decay 63/64, gain 1/64; tau_adapt 1/256: adapt_decay 255/256

// CHECK-LABEL: snn.network @all_ops(%x: tensor<3xf32>, %s: tensor<3xi1>) -> () attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme euler>} {
// CHECK-NEXT: %[[I:.+]] = snn.discrete_li %x {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<1.000000e+00> : tensor<f64>,
// CHECK-SAME: gain = dense<3.0000000000000003E-4> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
// CHECK-NEXT: %[[IF:.+]] = snn.discrete_lif %x {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<1.000000e+00> : tensor<f64>,
// CHECK-SAME: gain = dense<[1.000000e-04, 2.000000e-04, 5.000000e-05]> : tensor<3xf64>,
// CHECK-SAME: refractory = 3 : i64,
// CHECK-SAME: reset = #snn<reset subtract>,
// CHECK-SAME: v_reset = dense<-5.000000e-01> : tensor<f64>,
// CHECK-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT: %[[LI:.+]] = snn.discrete_li %x {bias = dense<-4.062500e-03> : tensor<f64>,
// CHECK-SAME: decay = dense<9.375000e-01> : tensor<f64>,
// CHECK-SAME: gain = dense<1.250000e-01> : tensor<f64>,
// CHECK-SAME: name = "readout",
// CHECK-SAME: v_init = dense<-6.500000e-02> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
// CHECK-NEXT: %[[LIF:.+]] = snn.discrete_lif %x {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<[5.000000e-01, 7.500000e-01, 8.750000e-01]> : tensor<3xf64>,
// CHECK-SAME: gain = dense<[5.000000e-01, 5.000000e-01, 3.750000e-01]> : tensor<3xf64>,
// CHECK-SAME: name = "hidden.lif",
// CHECK-SAME: refractory = 2 : i64,
// CHECK-SAME: reset = #snn<reset none>,
// CHECK-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: v_threshold = dense<[1.000000e+00, 1.500000e+00, 2.000000e+00]> : tensor<3xf64>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT: %[[CLI:.+]] = snn.discrete_li %s {bias = dense<1.562500e-02> : tensor<f64>,
// CHECK-SAME: decay = dense<9.687500e-01> : tensor<f64>,
// CHECK-SAME: gain = dense<3.125000e-02> : tensor<f64>,
// CHECK-SAME: syn_decay = dense<8.750000e-01> : tensor<f64>,
// CHECK-SAME: syn_gain = dense<[1.250000e-01, -1.250000e-01, 2.500000e-01]> : tensor<3xf64>} : tensor<3xi1> -> tensor<3xf32>
// CHECK-NEXT: %[[CLIF:.+]] = snn.discrete_lif %s {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<0.9921875> : tensor<f64>,
// CHECK-SAME: gain = dense<1.562500e-02> : tensor<f64>,
// CHECK-SAME: syn_decay = dense<7.500000e-01> : tensor<f64>,
// CHECK-SAME: syn_gain = dense<3.750000e-01> : tensor<f64>,
// CHECK-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
// CHECK-NEXT: %[[ALIF:.+]] = snn.discrete_lif %x {adapt_decay = dense<0.99609375> : tensor<f64>,
// CHECK-SAME: adapt_gain = dense<1.800000e+00> : tensor<f64>,
// CHECK-SAME: bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<9.843750e-01> : tensor<f64>,
// CHECK-SAME: gain = dense<1.562500e-02> : tensor<f64>,
// CHECK-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT:    snn.output
snn.network @all_ops(%x: tensor<3xf32>, %s: tensor<3xi1>) -> () {
  %i = snn.i %x {r = dense<3.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
  %if = snn.if %x {r = dense<[1.0, 2.0, 0.5]> : tensor<3xf64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<-0.5> : tensor<f64>, reset = #snn<reset subtract>, refractory = 3} : tensor<3xf32> -> tensor<3xi1>
  %li = snn.li %x {tau = dense<0.0016> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<-0.065> : tensor<f64>, v_init = dense<-0.065> : tensor<f64>, name = "readout"} : tensor<3xf32> -> tensor<3xf32>
  %lif = snn.lif %x {tau = dense<[0.0002, 0.0004, 0.0008]> : tensor<3xf64>, r = dense<[1.0, 2.0, 3.0]> : tensor<3xf64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<[1.0, 1.5, 2.0]> : tensor<3xf64>, v_reset = dense<0.0> : tensor<f64>, reset = #snn<reset none>, refractory = 2, name = "hidden.lif"} : tensor<3xf32> -> tensor<3xi1>
  %cli = snn.cuba_li %s {tau_syn = dense<0.0008> : tensor<f64>, tau_mem = dense<0.0032> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.5> : tensor<f64>, w_in = dense<[1.0, -1.0, 2.0]> : tensor<3xf64>} : tensor<3xi1> -> tensor<3xf32>
  %clif = snn.cuba_lif %s {tau_syn = dense<0.0004> : tensor<f64>, tau_mem = dense<0.0128> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<1.5> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
  %alif = snn.alif %x {tau = dense<0.0064> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<0.0256> : tensor<f64>, beta_adapt = dense<1.8> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// Ops that are not continuous-time neurons are left alone, and the network
// records dt and the scheme.
// CHECK-LABEL: snn.network @no_neurons(%x: tensor<2xf32>) -> (y: tensor<3xi1>) attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme euler>} {
// CHECK-NEXT:    %[[A:.+]] = snn.affine %x {bias = dense<0.000000e+00> : tensor<3xf32>, weight = dense<5.000000e-01> : tensor<3x2xf32>} : tensor<2xf32> -> tensor<3xf32>
// CHECK-NEXT:    %[[T:.+]] = snn.discrete_lif %[[A]] {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<5.000000e-01> : tensor<f64>, gain = dense<1.000000e+00> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT:    snn.output %[[T]] : tensor<3xi1>
snn.network @no_neurons(%x: tensor<2xf32>) -> (y: tensor<3xi1>) {
  %0 = snn.affine %x {weight = dense<0.5> : tensor<3x2xf32>, bias = dense<0.0> : tensor<3xf32>} : tensor<2xf32> -> tensor<3xf32>
  %1 = snn.discrete_lif %0 {decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output %1 : tensor<3xi1>
}

// Uses of a replaced op (including a recurrent use before the definition)
// now use the discrete op.
// CHECK-LABEL: snn.network @recurrent(%x: tensor<2xf32>) -> (s: tensor<2xi1>) attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme euler>} {
// CHECK-NEXT:    %[[SUM:.+]] = snn.add %x, %[[REC:[^ ]+]] : tensor<2xf32>
// CHECK-NEXT:    %[[S:.+]] = snn.discrete_lif %[[SUM]] {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<5.000000e-01> : tensor<f64>, gain = dense<5.000000e-01> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
// CHECK-NEXT:    %[[REC]] = snn.linear %[[S]] {weight = dense<1.000000e+00> : tensor<2x2xf32>} : tensor<2xi1> -> tensor<2xf32>
// CHECK-NEXT:    snn.output %[[S]] : tensor<2xi1>
snn.network @recurrent(%x: tensor<2xf32>) -> (s: tensor<2xi1>) {
  %sum = snn.add %x, %rec : tensor<2xf32>
  %s = snn.lif %sum {tau = dense<2.0e-4> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  %rec = snn.linear %s {weight = dense<1.0> : tensor<2x2xf32>} : tensor<2xi1> -> tensor<2xf32>
  snn.output %s : tensor<2xi1>
}
