// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// The continuous-time neuron ops: snn.i, snn.if, snn.li, snn.lif,
// snn.cuba_li, snn.cuba_lif and snn.alif. Attributes print sorted by name;
// `reset = to_value` and `refractory = 0` are defaults and are elided.

// CHECK-LABEL: snn.network @integrator
// CHECK-NEXT:    %[[I:.+]] = snn.i %x {r = dense<2.000000e+00> : tensor<f64>} : tensor<4xf32> -> tensor<4xf32>
// CHECK-NEXT:    %[[I2:.+]] = snn.i %x {name = "acc", r = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>, v_init = dense<5.000000e-01> : tensor<f64>} : tensor<4xf32> -> tensor<4xf64>
// CHECK-NEXT:    %[[I3:.+]] = snn.i %s {r = dense<3> : tensor<i32>} : tensor<4xi1> -> tensor<4xi32>
// CHECK-NEXT:    snn.output %[[I]], %[[I2]], %[[I3]]
snn.network @integrator(%x: tensor<4xf32>, %s: tensor<4xi1>) -> (a: tensor<4xf32>, b: tensor<4xf64>, c: tensor<4xi32>) {
  %0 = snn.i %x {r = dense<2.0> : tensor<f64>} : tensor<4xf32> -> tensor<4xf32>
  %1 = snn.i %x {r = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>, v_init = dense<0.5> : tensor<f64>, name = "acc"} : tensor<4xf32> -> tensor<4xf64>
  %2 = snn.i %s {r = dense<3> : tensor<i32>} : tensor<4xi1> -> tensor<4xi32>
  snn.output %0, %1, %2 : tensor<4xf32>, tensor<4xf64>, tensor<4xi32>
}

// CHECK-LABEL: snn.network @integrate_and_fire
// CHECK-NEXT:    %[[A:.+]] = snn.if %x {r = dense<1.000000e+00> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<4xf32> -> tensor<4xi1>
// CHECK-NEXT:    %[[B:.+]] = snn.if %x {name = "layer.if",
// CHECK-SAME:      r = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf64>,
// CHECK-SAME:      refractory = 2 : i64, reset = #snn<reset subtract>,
// CHECK-SAME:      v_init = dense<2.500000e-01> : tensor<f64>,
// CHECK-SAME:      v_reset = dense<-1.000000e+00> : tensor<f32>,
// CHECK-SAME:      v_threshold = dense<[1.000000e+00, 1.500000e+00, 2.000000e+00, 2.500000e+00]> : tensor<4xf32>}
// CHECK-SAME:      : tensor<4xf32> -> tensor<4xi1>
// CHECK-NEXT:    %[[C:.+]] = snn.if %x {r = dense<1.000000e+00> : tensor<f64>, reset = #snn<reset none>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<4xf32> -> tensor<4xi1>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]]
snn.network @integrate_and_fire(%x: tensor<4xf32>) -> (a: tensor<4xi1>, b: tensor<4xi1>, c: tensor<4xi1>) {
  // Explicit defaults are elided when printed.
  %0 = snn.if %x {r = dense<1.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, reset = #snn<reset to_value>, refractory = 0} : tensor<4xf32> -> tensor<4xi1>
  %1 = snn.if %x {r = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf64>, v_threshold = dense<[1.0, 1.5, 2.0, 2.5]> : tensor<4xf32>, v_reset = dense<-1.0> : tensor<f32>, reset = #snn<reset subtract>, refractory = 2, v_init = dense<0.25> : tensor<f64>, name = "layer.if"} : tensor<4xf32> -> tensor<4xi1>
  %2 = snn.if %x {r = dense<1.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, reset = #snn<reset none>} : tensor<4xf32> -> tensor<4xi1>
  snn.output %0, %1, %2 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// CHECK-LABEL: snn.network @leaky_integrator
// CHECK-NEXT:    %[[A:.+]] = snn.li %x {r = dense<1> : tensor<i32>, tau = dense<1.000000e-02> : tensor<f64>, v_leak = dense<-5.000000e-01> : tensor<f64>} : tensor<2x3xf32> -> tensor<2x3xf16>
// CHECK-NEXT:    %[[B:.+]] = snn.li %x {name = "readout", r = dense<2.000000e+00> : tensor<f64>,
// CHECK-SAME:      tau = dense<{{\[\[}}1.000000e-02, 2.000000e-02, 3.000000e-02], [4.000000e-02, 5.000000e-02, 6.000000e-02]]> : tensor<2x3xf64>,
// CHECK-SAME:      v_init = dense<[0.000000e+00, 1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00]> : tensor<6xf64>,
// CHECK-SAME:      v_leak = dense<0.000000e+00> : tensor<f64>} : tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]]
snn.network @leaky_integrator(%x: tensor<2x3xf32>) -> (a: tensor<2x3xf16>, b: tensor<2x3xf32>) {
  %0 = snn.li %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1> : tensor<i32>, v_leak = dense<-0.5> : tensor<f64>} : tensor<2x3xf32> -> tensor<2x3xf16>
  // A parameter may have any shape as long as it has 1 or N values.
  %1 = snn.li %x {tau = dense<[[1.0e-2, 2.0e-2, 3.0e-2], [4.0e-2, 5.0e-2, 6.0e-2]]> : tensor<2x3xf64>, r = dense<2.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_init = dense<[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<6xf64>, name = "readout"} : tensor<2x3xf32> -> tensor<2x3xf32>
  snn.output %0, %1 : tensor<2x3xf16>, tensor<2x3xf32>
}

// CHECK-LABEL: snn.network @leaky_integrate_and_fire
// CHECK-NEXT:    %[[A:.+]] = snn.lif %x {r = dense<1.000000e+00> : tensor<f64>, tau = dense<[1.000000e-02, 2.000000e-02, 3.000000e-02, 4.000000e-02]> : tensor<4xf64>, v_leak = dense<0.000000e+00> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<4xf32> -> tensor<4xi1>
// CHECK-NEXT:    %[[B:.+]] = snn.lif %s {name = "hidden", r = dense<5.000000e-01> : tensor<f32>, refractory = 3 : i64, reset = #snn<reset subtract>, tau = dense<2.000000e-02> : tensor<f32>, v_init = dense<1.000000e-01> : tensor<f32>, v_leak = dense<-6.500000e-02> : tensor<f32>, v_reset = dense<-7.000000e-02> : tensor<f32>, v_threshold = dense<-5.000000e-02> : tensor<f32>} : tensor<4xi1> -> tensor<4xi1>
// CHECK-NEXT:    %[[C:.+]] = snn.lif %x {r = dense<1.000000e+00> : tensor<f64>, reset = #snn<reset none>, tau = dense<1.000000e-03> : tensor<f64>, v_leak = dense<0.000000e+00> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<4xf32> -> tensor<4xi1>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]]
snn.network @leaky_integrate_and_fire(%x: tensor<4xf32>, %s: tensor<4xi1>) -> (a: tensor<4xi1>, b: tensor<4xi1>, c: tensor<4xi1>) {
  %0 = snn.lif %x {tau = dense<[1.0e-2, 2.0e-2, 3.0e-2, 4.0e-2]> : tensor<4xf64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, reset = #snn<reset to_value>, refractory = 0} : tensor<4xf32> -> tensor<4xi1>
  %1 = snn.lif %s {tau = dense<2.0e-2> : tensor<f32>, r = dense<0.5> : tensor<f32>, v_leak = dense<-0.065> : tensor<f32>, v_threshold = dense<-0.05> : tensor<f32>, v_reset = dense<-0.07> : tensor<f32>, reset = #snn<reset subtract>, refractory = 3, v_init = dense<0.1> : tensor<f32>, name = "hidden"} : tensor<4xi1> -> tensor<4xi1>
  %2 = snn.lif %x {tau = dense<1.0e-3> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, reset = #snn<reset none>} : tensor<4xf32> -> tensor<4xi1>
  snn.output %0, %1, %2 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// CHECK-LABEL: snn.network @current_based
// CHECK-NEXT:    %[[A:.+]] = snn.cuba_li %s {name = "cuba.li", r = dense<1.000000e+00> : tensor<f64>, tau_mem = dense<2.000000e-02> : tensor<f64>, tau_syn = dense<[5.000000e-03, 6.000000e-03, 7.000000e-03]> : tensor<3xf64>, v_init = dense<0.000000e+00> : tensor<f64>, v_leak = dense<0.000000e+00> : tensor<f64>, w_in = dense<2.000000e+00> : tensor<f64>} : tensor<3xi1> -> tensor<3xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.cuba_lif %s {r = dense<1.000000e+00> : tensor<f64>, refractory = 1 : i64, reset = #snn<reset subtract>, tau_mem = dense<2.000000e-02> : tensor<f64>, tau_syn = dense<5.000000e-03> : tensor<f64>, v_leak = dense<1.000000e-01> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>, w_in = dense<[1.000000e+00, -1.000000e+00, 5.000000e-01]> : tensor<3xf64>} : tensor<3xi1> -> tensor<3xi1>
// CHECK-NEXT:    snn.output %[[A]], %[[B]]
snn.network @current_based(%s: tensor<3xi1>) -> (v: tensor<3xf32>, spikes: tensor<3xi1>) {
  %0 = snn.cuba_li %s {tau_syn = dense<[5.0e-3, 6.0e-3, 7.0e-3]> : tensor<3xf64>, tau_mem = dense<2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, w_in = dense<2.0> : tensor<f64>, v_init = dense<0.0> : tensor<f64>, name = "cuba.li"} : tensor<3xi1> -> tensor<3xf32>
  %1 = snn.cuba_lif %s {tau_syn = dense<5.0e-3> : tensor<f64>, tau_mem = dense<2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.1> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<[1.0, -1.0, 0.5]> : tensor<3xf64>, reset = #snn<reset subtract>, refractory = 1} : tensor<3xi1> -> tensor<3xi1>
  snn.output %0, %1 : tensor<3xf32>, tensor<3xi1>
}

// CHECK-LABEL: snn.network @adaptive
// CHECK-NEXT:    %[[A:.+]] = snn.alif %x {beta_adapt = dense<1.800000e+00> : tensor<f64>, name = "alif", r = dense<1.000000e+00> : tensor<f64>, refractory = 5 : i64, tau = dense<2.000000e-02> : tensor<f64>, tau_adapt = dense<[2.000000e-01, 4.000000e-01]> : tensor<2xf64>, v_leak = dense<0.000000e+00> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
// CHECK-NEXT:    %[[B:.+]] = snn.alif %x {beta_adapt = dense<0.000000e+00> : tensor<f64>, r = dense<1.000000e+00> : tensor<f64>, reset = #snn<reset none>, tau = dense<2.000000e-02> : tensor<f64>, tau_adapt = dense<1.000000e-01> : tensor<f64>, v_leak = dense<0.000000e+00> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
// CHECK-NEXT:    snn.output %[[A]], %[[B]]
snn.network @adaptive(%x: tensor<2xf32>) -> (a: tensor<2xi1>, b: tensor<2xi1>) {
  %0 = snn.alif %x {tau = dense<2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<[0.2, 0.4]> : tensor<2xf64>, beta_adapt = dense<1.8> : tensor<f64>, refractory = 5, name = "alif"} : tensor<2xf32> -> tensor<2xi1>
  // beta_adapt = 0 is allowed (non-negative).
  %1 = snn.alif %x {tau = dense<2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<0.1> : tensor<f64>, beta_adapt = dense<0.0> : tensor<f64>, reset = #snn<reset none>} : tensor<2xf32> -> tensor<2xi1>
  snn.output %0, %1 : tensor<2xi1>, tensor<2xi1>
}

// A single-neuron population (rank 0).
// CHECK-LABEL: snn.network @scalar_population
// CHECK-NEXT:    %[[A:.+]] = snn.lif %x {r = dense<1.000000e+00> : tensor<1xf64>, tau = dense<1.000000e-02> : tensor<f64>, v_leak = dense<0.000000e+00> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<f32> -> tensor<i1>
snn.network @scalar_population(%x: tensor<f32>) -> (s: tensor<i1>) {
  %0 = snn.lif %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<1xf64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<f32> -> tensor<i1>
  snn.output %0 : tensor<i1>
}
