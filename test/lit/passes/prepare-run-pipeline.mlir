// RUN: snc-opt %s --pass-pipeline='builtin.module(snn-prepare-run{dt=1e-4})' | FileCheck %s
// RUN: snc-opt %s --snn-prepare-run='dt=1e-4' | FileCheck %s
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn-prepare-run{dt=1e-4 scheme=exact})' | FileCheck %s --check-prefix=EXACT
// Running the pipeline again on its output changes nothing.
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn-prepare-run{dt=1e-4})' -o %t.once
// RUN: snc-opt %t.once --pass-pipeline='builtin.module(snn-prepare-run{dt=1e-4})' -o %t.twice
// RUN: diff %t.once %t.twice
// Nor with an exact network and no scheme option: the pipeline's scheme
// defaults to the network's own, as snn-discretize's does.
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn-prepare-run{dt=1e-4 scheme=exact})' -o %t.exact
// RUN: snc-opt %t.exact --pass-pipeline='builtin.module(snn-prepare-run{dt=1e-4})' -o %t.exact.twice
// RUN: diff %t.exact %t.exact.twice
// An explicitly different scheme is an error.
// RUN: not snc-opt %t.exact --pass-pipeline='builtin.module(snn-prepare-run{dt=1e-4 scheme=euler})' 2>&1 | FileCheck %s --check-prefix=REDO
// Without dt the continuous network cannot be discretized.
// RUN: not snc-opt %s --pass-pipeline='builtin.module(snn-prepare-run)' 2>&1 | FileCheck %s --check-prefix=NODT

// snn-prepare-run, what `snc run` applies to a module before interpreting:
// in every snn.network, snn-materialize-reservoirs and then snn-discretize.
// The reservoir's snn.lif is discretized like any other; networks that are
// already discretized with the same dt are left alone.
// Expected values, computed independently in Python (dt = 1e-4):
//   reservoir lif, tau = 1.28e-2 (dt/tau = 1/128), r = 1, v_leak = 0:
//     euler decay 127/128, gain 1/128; exact decay exp(-1/128),
//     gain -expm1(-1/128)
//   readout li, tau = 1.6e-3 (dt/tau = 1/16), r = 2, v_leak = -0.5:
//     euler decay 15/16, gain 2/16, bias -0.5/16; exact decay exp(-1/16),
//     gain 2 w, bias -0.5 w with w = -expm1(-1/16)
//   delay 2e-4 s = 2 steps
//   recurrent synapses: SplitMix64(3), n = 6, 3 excitatory, p = 0.5.

// NODT: error: snn-discretize needs a positive time step 'dt' (seconds)
// REDO: error: network is already discretized with the exact scheme; cannot discretize again with euler

// CHECK-LABEL: snn.network @liquid(%x: tensor<2xi1>) -> (spikes: tensor<6xi1>, v: tensor<2xf32>) attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme euler>} {
// CHECK-NEXT:    %[[IN:.+]] = snn.sparse_projection %x {name = "liquid.input", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.500000e+00> : tensor<f64>} : tensor<2xi1> -> tensor<6xf32>
// CHECK-NEXT:    %[[SUM:.+]] = snn.add %[[IN]], %[[REC:[^ ]+]] {name = "liquid.sum"} : tensor<6xf32>
// CHECK-NEXT:    %[[LIF:.+]] = snn.discrete_lif %[[SUM]] {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.9921875> : tensor<f64>, gain = dense<7.812500e-03> : tensor<f64>, name = "liquid", v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<6xf32> -> tensor<6xi1>
// CHECK-NEXT:    %[[REC]] = snn.sparse_projection %[[LIF]] {name = "liquid.recurrent",
// CHECK-SAME:      row_ptr = array<i64: 0, 3, 5, 7, 10, 11, 13>, targets = array<i64: 1, 4, 5, 2, 4, 3, 4, 1, 2, 4, 3, 1, 2>, weights = dense<[1.000000e+00, 5.000000e-01, 5.000000e-01, 1.000000e+00, 5.000000e-01, 5.000000e-01, 5.000000e-01, -1.000000e+00, -1.000000e+00, -5.000000e-01, -5.000000e-01, -1.000000e+00, -1.000000e+00]> : tensor<13xf64>} : tensor<6xi1> -> tensor<6xf32>
// CHECK-NEXT:    %[[DEL:.+]] = snn.delay %[[LIF]] {steps = array<i64: 2>} : tensor<6xi1> -> tensor<6xi1>
// CHECK-NEXT:    %[[LIN:.+]] = snn.linear %[[DEL]] {weight = dense<2.500000e-01> : tensor<2x6xf32>} : tensor<6xi1> -> tensor<2xf32>
// CHECK-NEXT:    %[[V:.+]] = snn.discrete_li %[[LIN]] {bias = dense<-3.125000e-02> : tensor<f64>, decay = dense<9.375000e-01> : tensor<f64>, gain = dense<1.250000e-01> : tensor<f64>, name = "readout"} : tensor<2xf32> -> tensor<2xf32>
// CHECK-NEXT:    snn.output %[[LIF]], %[[V]] : tensor<6xi1>, tensor<2xf32>
// CHECK-LABEL: snn.network @already(%x: tensor<2xf32>) -> (s: tensor<2xi1>) attributes {dt = 1.000000e-04 : f64
// CHECK-NEXT:    %[[S:.+]] = snn.discrete_lif %x {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<5.000000e-01> : tensor<f64>, gain = dense<5.000000e-01> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
// CHECK-NEXT:    snn.output %[[S]] : tensor<2xi1>
// EXACT-LABEL: snn.network @liquid(%x: tensor<2xi1>) -> (spikes: tensor<6xi1>, v: tensor<2xf32>) attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme exact>} {
// EXACT-NEXT:    %[[IN:.+]] = snn.sparse_projection %x {name = "liquid.input", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.500000e+00> : tensor<f64>} : tensor<2xi1> -> tensor<6xf32>
// EXACT-NEXT:    %[[SUM:.+]] = snn.add %[[IN]], %[[REC:[^ ]+]] {name = "liquid.sum"} : tensor<6xf32>
// EXACT-NEXT:    %[[LIF:.+]] = snn.discrete_lif %[[SUM]] {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.99221793826024351> : tensor<f64>, gain = dense<0.0077820617397564877> : tensor<f64>, name = "liquid", v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<6xf32> -> tensor<6xi1>
// EXACT-NEXT:    %[[REC]] = snn.sparse_projection %[[LIF]] {name = "liquid.recurrent",
// EXACT-SAME:      row_ptr = array<i64: 0, 3, 5, 7, 10, 11, 13>, targets = array<i64: 1, 4, 5, 2, 4, 3, 4, 1, 2, 4, 3, 1, 2>, weights = dense<[1.000000e+00, 5.000000e-01, 5.000000e-01, 1.000000e+00, 5.000000e-01, 5.000000e-01, 5.000000e-01, -1.000000e+00, -1.000000e+00, -5.000000e-01, -5.000000e-01, -1.000000e+00, -1.000000e+00]> : tensor<13xf64>} : tensor<6xi1> -> tensor<6xf32>
// EXACT-NEXT:    %[[DEL:.+]] = snn.delay %[[LIF]] {steps = array<i64: 2>} : tensor<6xi1> -> tensor<6xi1>
// EXACT-NEXT:    %[[LIN:.+]] = snn.linear %[[DEL]] {weight = dense<2.500000e-01> : tensor<2x6xf32>} : tensor<6xi1> -> tensor<2xf32>
// EXACT-NEXT:    %[[V:.+]] = snn.discrete_li %[[LIN]] {bias = dense<-0.030293468593262107> : tensor<f64>, decay = dense<0.9394130628134758> : tensor<f64>, gain = dense<0.12117387437304843> : tensor<f64>, name = "readout"} : tensor<2xf32> -> tensor<2xf32>
// EXACT-NEXT:    snn.output %[[LIF]], %[[V]] : tensor<6xi1>, tensor<2xf32>
// EXACT-LABEL: snn.network @already(%x: tensor<2xf32>) -> (s: tensor<2xi1>) attributes {dt = 1.000000e-04 : f64
// EXACT-NEXT:    %[[S:.+]] = snn.discrete_lif %x {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<5.000000e-01> : tensor<f64>, gain = dense<5.000000e-01> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
// EXACT-NEXT:    snn.output %[[S]] : tensor<2xi1>
snn.network @liquid(%x: tensor<2xi1>) -> (spikes: tensor<6xi1>, v: tensor<2xf32>) {
  %res = snn.reservoir %x {exc_fraction = 0.5 : f64, p_connect = 0.5 : f64, w_ee = 1.0 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64, w_ii = -0.5 : f64, w_in = 1.5 : f64, tau = 1.28e-2 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 3 : i64, name = "liquid"} : tensor<2xi1> -> tensor<6xi1>
  %d = snn.delay %res {delay = dense<2.0e-4> : tensor<f64>} : tensor<6xi1> -> tensor<6xi1>
  %lin = snn.linear %d {weight = dense<0.25> : tensor<2x6xf32>} : tensor<6xi1> -> tensor<2xf32>
  %v = snn.li %lin {tau = dense<1.6e-3> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<-0.5> : tensor<f64>, name = "readout"} : tensor<2xf32> -> tensor<2xf32>
  snn.output %res, %v : tensor<6xi1>, tensor<2xf32>
}

snn.network @already(%x: tensor<2xf32>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-4 : f64} {
  %0 = snn.discrete_lif %x {decay = dense<0.5> : tensor<f64>, gain = dense<0.5> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}
