// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// snn.discrete_li and snn.discrete_lif, with and without the optional
// synapse stage (syn_decay/syn_gain) and adaptation (adapt_decay/adapt_gain).

// CHECK-LABEL: snn.network @discrete_li
// CHECK-NEXT:    %[[A:.+]] = snn.discrete_li %x {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.98999999999999999> : tensor<f64>, gain = dense<1.000000e-02> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.discrete_li %s {bias = dense<[1.000000e-01, 2.000000e-01, 3.000000e-01]> : tensor<3xf64>, decay = dense<9.000000e-01> : tensor<f64>, gain = dense<2.000000e+00> : tensor<f64>, name = "syn.li", syn_decay = dense<8.000000e-01> : tensor<f64>, syn_gain = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf64>, v_init = dense<-1.000000e+00> : tensor<f64>} : tensor<3xi1> -> tensor<3xf64>
// CHECK-NEXT:    %[[C:.+]] = snn.discrete_li %x {bias = dense<0> : tensor<i16>, decay = dense<15> : tensor<i16>, gain = dense<1> : tensor<i16>} : tensor<3xf32> -> tensor<3xi16>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]]
snn.network @discrete_li(%x: tensor<3xf32>, %s: tensor<3xi1>) -> (a: tensor<3xf32>, b: tensor<3xf64>, c: tensor<3xi16>) {
  %0 = snn.discrete_li %x {decay = dense<0.99> : tensor<f64>, gain = dense<0.01> : tensor<f64>, bias = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
  %1 = snn.discrete_li %s {decay = dense<0.9> : tensor<f64>, gain = dense<2.0> : tensor<f64>, bias = dense<[0.1, 0.2, 0.3]> : tensor<3xf64>, syn_decay = dense<0.8> : tensor<f64>, syn_gain = dense<[1.0, 2.0, 3.0]> : tensor<3xf64>, v_init = dense<-1.0> : tensor<f64>, name = "syn.li"} : tensor<3xi1> -> tensor<3xf64>
  // Quantized (integer) parameters and result.
  %2 = snn.discrete_li %x {decay = dense<15> : tensor<i16>, gain = dense<1> : tensor<i16>, bias = dense<0> : tensor<i16>} : tensor<3xf32> -> tensor<3xi16>
  snn.output %0, %1, %2 : tensor<3xf32>, tensor<3xf64>, tensor<3xi16>
}

// CHECK-LABEL: snn.network @discrete_lif
// CHECK-NEXT:    %[[A:.+]] = snn.discrete_lif %x {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.94999999999999996> : tensor<f64>, gain = dense<5.000000e-02> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT:    %[[B:.+]] = snn.discrete_lif %s {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.94999999999999996> : tensor<f64>, gain = dense<5.000000e-02> : tensor<f64>, name = "cuba", refractory = 2 : i64, reset = #snn<reset subtract>, syn_decay = dense<8.000000e-01> : tensor<f64>, syn_gain = dense<1.500000e+00> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
// CHECK-NEXT:    %[[C:.+]] = snn.discrete_lif %x {adapt_decay = dense<[0.98999999999999999, 0.97999999999999998, 0.96999999999999997]> : tensor<3xf64>, adapt_gain = dense<1.800000e+00> : tensor<f64>, bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.94999999999999996> : tensor<f64>, gain = dense<5.000000e-02> : tensor<f64>, reset = #snn<reset none>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT:    %[[D:.+]] = snn.discrete_lif %s {adapt_decay = dense<0.98999999999999999> : tensor<f64>, adapt_gain = dense<1.000000e+00> : tensor<f64>, bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.94999999999999996> : tensor<f64>, gain = dense<5.000000e-02> : tensor<f64>, syn_decay = dense<8.000000e-01> : tensor<f64>, syn_gain = dense<1.000000e+00> : tensor<f64>, v_init = dense<5.000000e-01> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]], %[[D]]
snn.network @discrete_lif(%x: tensor<3xf32>, %s: tensor<3xi1>) -> (a: tensor<3xi1>, b: tensor<3xi1>, c: tensor<3xi1>, d: tensor<3xi1>) {
  %0 = snn.discrete_lif %x {decay = dense<0.95> : tensor<f64>, gain = dense<0.05> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  %1 = snn.discrete_lif %s {decay = dense<0.95> : tensor<f64>, gain = dense<0.05> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, syn_decay = dense<0.8> : tensor<f64>, syn_gain = dense<1.5> : tensor<f64>, reset = #snn<reset subtract>, refractory = 2, name = "cuba"} : tensor<3xi1> -> tensor<3xi1>
  %2 = snn.discrete_lif %x {decay = dense<0.95> : tensor<f64>, gain = dense<0.05> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, adapt_decay = dense<[0.99, 0.98, 0.97]> : tensor<3xf64>, adapt_gain = dense<1.8> : tensor<f64>, reset = #snn<reset none>} : tensor<3xf32> -> tensor<3xi1>
  %3 = snn.discrete_lif %s {decay = dense<0.95> : tensor<f64>, gain = dense<0.05> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, syn_decay = dense<0.8> : tensor<f64>, syn_gain = dense<1.0> : tensor<f64>, adapt_decay = dense<0.99> : tensor<f64>, adapt_gain = dense<1.0> : tensor<f64>, v_init = dense<0.5> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
  snn.output %0, %1, %2, %3 : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
}
