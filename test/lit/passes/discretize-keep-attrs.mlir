// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))' | FileCheck %s
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))' | snc-opt | FileCheck %s

// snn-discretize keeps every attribute of a continuous op except its
// continuous parameters (tau, r, v_leak, tau_syn, tau_mem, w_in, tau_adapt,
// beta_adapt): inherent ones (name, reset, refractory, v_init, thresholds)
// and discardable ones that other tools attached (nir.metadata, ...). The
// attributes print in alphabetical order. Time constants are power-of-two
// multiples of dt; expected values computed independently in Python:
//   lif:     dt/tau = 1/16: decay 15/16, gain 2/16, bias -0.5/16
//   i:       gain 4 * 1e-4
//   cuba_li: tau_syn 1/8: syn_decay 7/8, syn_gain w_in/8; tau_mem 1/32: decay 31/32, gain 1/32
//   alif:    tau 1/64: decay 63/64, gain 1/64; tau_adapt [1/256, 1/512]:
//            adapt_decay [255/256, 511/512]

// CHECK-LABEL: snn.network @kept(%x: tensor<2xf32>, %s: tensor<2xi1>) -> () attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme euler>} {
// CHECK-NEXT:    %{{.+}} = snn.discrete_lif %x {bias = dense<-3.125000e-02> : tensor<f64>, decay = dense<9.375000e-01> : tensor<f64>, gain = dense<1.250000e-01> : tensor<f64>, name = "hidden", nir.metadata = {a = "b"}, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
// CHECK-NEXT:    %{{.+}} = snn.discrete_li %x {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<1.000000e+00> : tensor<f64>, gain = dense<4.000000e-04> : tensor<f64>, nir.metadata = {a = "b", n = 3 : i64}} : tensor<2xf32> -> tensor<2xf32>
// CHECK-NEXT:    %{{.+}} = snn.discrete_li %s {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<9.687500e-01> : tensor<f64>, gain = dense<3.125000e-02> : tensor<f64>, snc.origin = "nir", syn_decay = dense<8.750000e-01> : tensor<f64>, syn_gain = dense<[1.250000e-01, -1.250000e-01]> : tensor<2xf64>, v_init = dense<5.000000e-01> : tensor<f64>} : tensor<2xi1> -> tensor<2xf32>
// CHECK-NEXT:    %{{.+}} = snn.discrete_lif %x {adapt_decay = dense<[0.99609375, 0.998046875]> : tensor<2xf64>, adapt_gain = dense<5.000000e-01> : tensor<f64>, bias = dense<0.000000e+00> : tensor<f64>, decay = dense<9.843750e-01> : tensor<f64>, gain = dense<1.562500e-02> : tensor<f64>, nir.metadata = {a = "b"}, refractory = 2 : i64, reset = #snn<reset subtract>, snc.flag, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
// CHECK-NEXT:    snn.output
snn.network @kept(%x: tensor<2xf32>, %s: tensor<2xi1>) -> () {
  %0 = snn.lif %x {tau = dense<1.6e-3> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<-0.5> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, name = "hidden", nir.metadata = {a = "b"}} : tensor<2xf32> -> tensor<2xi1>
  %1 = snn.i %x {r = dense<4.0> : tensor<f64>, nir.metadata = {a = "b", n = 3 : i64}} : tensor<2xf32> -> tensor<2xf32>
  %2 = snn.cuba_li %s {tau_syn = dense<8.0e-4> : tensor<f64>, tau_mem = dense<3.2e-3> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, w_in = dense<[1.0, -1.0]> : tensor<2xf64>, v_init = dense<0.5> : tensor<f64>, snc.origin = "nir"} : tensor<2xi1> -> tensor<2xf32>
  %3 = snn.alif %x {tau = dense<6.4e-3> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<[2.56e-2, 5.12e-2]> : tensor<2xf64>, beta_adapt = dense<0.5> : tensor<f64>, reset = #snn<reset subtract>, refractory = 2, nir.metadata = {a = "b"}, snc.flag} : tensor<2xf32> -> tensor<2xi1>
  snn.output
}
