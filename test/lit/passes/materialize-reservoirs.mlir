// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-materialize-reservoirs))' -o %t.1
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-materialize-reservoirs))' -o %t.2
// RUN: diff %t.1 %t.2
// RUN: FileCheck %s < %t.1
// The result is valid IR that prints and parses back unchanged.
// RUN: snc-opt %t.1 -o %t.reparsed
// RUN: diff %t.1 %t.reparsed
// A different seed gives different connectivity:
// RUN: sed -e 's/seed = 42 : i64/seed = 4242 : i64/' %s | snc-opt --pass-pipeline='builtin.module(snn.network(snn-materialize-reservoirs))' -o %t.seed
// RUN: not diff %t.1 %t.seed
// RUN: FileCheck %s --check-prefix=SEED < %t.seed

// snn-materialize-reservoirs expands each snn.reservoir into
//   input projection (sparse, input i -> neuron i, weight w_in)
//   -> snn.add (input + recurrent) -> snn.lif (r = 1, v_leak = 0)
//   -> recurrent snn.sparse_projection of the lif's own spikes -> the add,
// a cycle in the graph region. Currents are f32 for a spike input, else the
// input's float type. The recurrent synapses are drawn from the seed with
// SplitMix64 (docs/semantics.md): one draw per ordered pair (pre, post), pre
// outer, post inner, self-pairs skipped; a synapse iff draw < p, or
// p * exp(-d^2 / lambda^2) on a grid (x fastest, then y, then z); the first
// round(exc_fraction * n) neurons are excitatory and the weight is
// w_ee/w_ei/w_ie/w_ii by pre/post kind. The expected connectivity below was
// computed independently with a Python SplitMix64 (checked against the
// published test vector: seed 1234567 gives 6457827717110365317 first).

// CHECK-LABEL: snn.network @uniform(%x: tensor<4xi1>) -> (s: tensor<10xi1>) {
// CHECK-NEXT:    %[[U_IN:.+]] = snn.sparse_projection %x {name = "liquid.input", row_ptr = array<i64: 0, 1, 2, 3, 4>, targets = array<i64: 0, 1, 2, 3>, weights = dense<2.000000e+00> : tensor<f64>} : tensor<4xi1> -> tensor<10xf32>
// CHECK-NEXT:    %[[U_SUM:.+]] = snn.add %[[U_IN]], %[[U_REC:[^ ]+]] {name = "liquid.sum"} : tensor<10xf32>
// CHECK-NEXT:    %[[U_LIF:.+]] = snn.lif %[[U_SUM]] {name = "liquid", r = dense<1.000000e+00> : tensor<f64>, tau = dense<2.000000e-02> : tensor<f64>, v_leak = dense<0.000000e+00> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<10xf32> -> tensor<10xi1>
// CHECK-NEXT:    %[[U_REC]] = snn.sparse_projection %[[U_LIF]] {name = "liquid.recurrent",
// CHECK-SAME:      row_ptr = array<i64: 0, 4, 7, 11, 11, 16, 20, 23, 24, 27, 29>,
// CHECK-SAME:      targets = array<i64: 2, 3, 5, 7, 2, 7, 8, 0, 4, 7, 8, 0, 1, 3, 6, 7, 1, 2, 7, 8, 0, 5, 7, 0, 0, 4, 9, 1, 4>,
// CHECK-SAME:      weights = dense<[5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 2.500000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 2.500000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 2.500000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, -1.000000e+00, -1.000000e+00, -5.000000e-01, -1.000000e+00, -1.000000e+00]> : tensor<29xf64>} : tensor<10xi1> -> tensor<10xf32>
// CHECK-NEXT:    snn.output %[[U_LIF]] : tensor<10xi1>
// SEED-LABEL: snn.network @uniform(%x: tensor<4xi1>) -> (s: tensor<10xi1>) {
// SEED-NEXT:    %[[U_IN:.+]] = snn.sparse_projection %x {name = "liquid.input", row_ptr = array<i64: 0, 1, 2, 3, 4>, targets = array<i64: 0, 1, 2, 3>, weights = dense<2.000000e+00> : tensor<f64>} : tensor<4xi1> -> tensor<10xf32>
// SEED-NEXT:    %[[U_SUM:.+]] = snn.add %[[U_IN]], %[[U_REC:[^ ]+]] {name = "liquid.sum"} : tensor<10xf32>
// SEED-NEXT:    %[[U_LIF:.+]] = snn.lif %[[U_SUM]] {name = "liquid", r = dense<1.000000e+00> : tensor<f64>, tau = dense<2.000000e-02> : tensor<f64>, v_leak = dense<0.000000e+00> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<10xf32> -> tensor<10xi1>
// SEED-NEXT:    %[[U_REC]] = snn.sparse_projection %[[U_LIF]] {name = "liquid.recurrent",
// SEED-SAME:      row_ptr = array<i64: 0, 1, 4, 6, 10, 14, 18, 20, 21, 26, 29>,
// SEED-SAME:      targets = array<i64: 5, 3, 4, 5, 1, 8, 4, 5, 6, 7, 1, 6, 7, 8, 2, 6, 7, 9, 2, 9, 1, 4, 5, 6, 7, 9, 0, 4, 6>,
// SEED-SAME:      weights = dense<[5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 2.500000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 2.500000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 2.500000e-01, 5.000000e-01, 2.500000e-01, 5.000000e-01, -1.000000e+00, -1.000000e+00, -1.000000e+00, -1.000000e+00, -5.000000e-01, -1.000000e+00, -1.000000e+00, -1.000000e+00]> : tensor<29xf64>} : tensor<10xi1> -> tensor<10xf32>
snn.network @uniform(%x: tensor<4xi1>) -> (s: tensor<10xi1>) {
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.3 : f64, w_ee = 0.5 : f64, w_ei = 0.25 : f64, w_ie = -1.0 : f64, w_ii = -0.5 : f64, w_in = 2.0 : f64, tau = 0.02 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 42 : i64, name = "liquid"} : tensor<4xi1> -> tensor<10xi1>
  snn.output %0 : tensor<10xi1>
}

// On a 2x3x2 grid with lambda = 1.5: distant pairs connect less often.
// CHECK-LABEL: snn.network @grid(%x: tensor<3xf64>) -> (s: tensor<12xi1>) {
// CHECK-NEXT:    %[[G_IN:.+]] = snn.sparse_projection %x {name = "reservoir.input", row_ptr = array<i64: 0, 1, 2, 3>, targets = array<i64: 0, 1, 2>, weights = dense<5.000000e-01> : tensor<f64>} : tensor<3xf64> -> tensor<12xf64>
// CHECK-NEXT:    %[[G_SUM:.+]] = snn.add %[[G_IN]], %[[G_REC:[^ ]+]] {name = "reservoir.sum"} : tensor<12xf64>
// CHECK-NEXT:    %[[G_LIF:.+]] = snn.lif %[[G_SUM]] {name = "reservoir", r = dense<1.000000e+00> : tensor<f64>, tau = dense<1.000000e-02> : tensor<f64>, v_leak = dense<0.000000e+00> : tensor<f64>, v_reset = dense<-5.000000e-01> : tensor<f64>, v_threshold = dense<1.500000e+00> : tensor<f64>} : tensor<12xf64> -> tensor<12xi1>
// CHECK-NEXT:    %[[G_REC]] = snn.sparse_projection %[[G_LIF]] {name = "reservoir.recurrent",
// CHECK-SAME:      row_ptr = array<i64: 0, 5, 6, 10, 16, 21, 24, 27, 32, 34, 36, 39, 40>,
// CHECK-SAME:      targets = array<i64: 1, 2, 6, 8, 9, 7, 0, 5, 8, 10, 0, 1, 4, 6, 7, 11, 0, 2, 8, 9, 10, 2, 3, 11, 5, 7, 8, 0, 1, 6, 8, 9, 3, 9, 2, 3, 8, 9, 11, 4>,
// CHECK-SAME:      weights = dense<[1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 2.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 2.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 2.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00, 1.000000e+00, 1.000000e+00, 2.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 2.000000e+00, 1.000000e+00, 2.000000e+00, -3.000000e+00, -3.000000e+00, -3.000000e+00, -4.000000e+00, -4.000000e+00, -3.000000e+00]> : tensor<40xf64>} : tensor<12xi1> -> tensor<12xf64>
// CHECK-NEXT:    snn.output %[[G_LIF]] : tensor<12xi1>
snn.network @grid(%x: tensor<3xf64>) -> (s: tensor<12xi1>) {
  %0 = snn.reservoir %x {exc_fraction = 0.75 : f64, p_connect = 0.9 : f64, grid = array<i64: 2, 3, 2>, lambda = 1.5 : f64, w_ee = 1.0 : f64, w_ei = 2.0 : f64, w_ie = -3.0 : f64, w_ii = -4.0 : f64, w_in = 0.5 : f64, tau = 0.01 : f64, v_threshold = 1.5 : f64, v_reset = -0.5 : f64, seed = 7 : i64} : tensor<3xf64> -> tensor<12xi1>
  snn.output %0 : tensor<12xi1>
}

// Every reservoir of a network is expanded; p_connect = 0 gives no
// synapses, p_connect = 1 all of them (exc_fraction = 1: all w_ee).
// CHECK-LABEL: snn.network @two(%x: tensor<2xi1>) -> (a: tensor<4xi1>, b: tensor<5xi1>) {
// CHECK-NEXT:    %[[A_IN:.+]] = snn.sparse_projection %x {name = "a.input", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.000000e+00> : tensor<f64>} : tensor<2xi1> -> tensor<4xf32>
// CHECK-NEXT:    %[[A_SUM:.+]] = snn.add %[[A_IN]], %[[A_REC:[^ ]+]] {name = "a.sum"} : tensor<4xf32>
// CHECK-NEXT:    %[[A_LIF:.+]] = snn.lif %[[A_SUM]] {name = "a", r = dense<1.000000e+00> : tensor<f64>, tau = dense<5.000000e-03> : tensor<f64>, v_leak = dense<0.000000e+00> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<4xf32> -> tensor<4xi1>
// CHECK-NEXT:    %[[A_REC]] = snn.sparse_projection %[[A_LIF]] {name = "a.recurrent",
// CHECK-SAME:      row_ptr = array<i64: 0, 0, 0, 0, 0>,
// CHECK-SAME:      targets = array<i64>,
// CHECK-SAME:      weights = dense<> : tensor<0xf64>} : tensor<4xi1> -> tensor<4xf32>
// CHECK-NEXT:    %[[B_IN:.+]] = snn.sparse_projection %[[A_LIF]] {name = "b.input", row_ptr = array<i64: 0, 1, 2, 3, 4>, targets = array<i64: 0, 1, 2, 3>, weights = dense<3.000000e+00> : tensor<f64>} : tensor<4xi1> -> tensor<5xf32>
// CHECK-NEXT:    %[[B_SUM:.+]] = snn.add %[[B_IN]], %[[B_REC:[^ ]+]] {name = "b.sum"} : tensor<5xf32>
// CHECK-NEXT:    %[[B_LIF:.+]] = snn.lif %[[B_SUM]] {name = "b", r = dense<1.000000e+00> : tensor<f64>, tau = dense<5.000000e-03> : tensor<f64>, v_leak = dense<0.000000e+00> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<2.000000e+00> : tensor<f64>} : tensor<5xf32> -> tensor<5xi1>
// CHECK-NEXT:    %[[B_REC]] = snn.sparse_projection %[[B_LIF]] {name = "b.recurrent",
// CHECK-SAME:      row_ptr = array<i64: 0, 4, 8, 12, 16, 20>,
// CHECK-SAME:      targets = array<i64: 1, 2, 3, 4, 0, 2, 3, 4, 0, 1, 3, 4, 0, 1, 2, 4, 0, 1, 2, 3>,
// CHECK-SAME:      weights = dense<1.250000e-01> : tensor<20xf64>} : tensor<5xi1> -> tensor<5xf32>
// CHECK-NEXT:    snn.output %[[A_LIF]], %[[B_LIF]] : tensor<4xi1>, tensor<5xi1>
snn.network @two(%x: tensor<2xi1>) -> (a: tensor<4xi1>, b: tensor<5xi1>) {
  %a = snn.reservoir %x {exc_fraction = 0.5 : f64, p_connect = 0.0 : f64, w_ee = 1.0 : f64, w_ei = 1.0 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 1.0 : f64, tau = 0.005 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64, name = "a"} : tensor<2xi1> -> tensor<4xi1>
  %b = snn.reservoir %a {exc_fraction = 1.0 : f64, p_connect = 1.0 : f64, w_ee = 0.125 : f64, w_ei = 1.0 : f64, w_ie = -1.0 : f64, w_ii = -1.0 : f64, w_in = 3.0 : f64, tau = 0.005 : f64, v_threshold = 2.0 : f64, v_reset = 0.0 : f64, seed = 9 : i64, name = "b"} : tensor<4xi1> -> tensor<5xi1>
  snn.output %a, %b : tensor<4xi1>, tensor<5xi1>
}

// A network without reservoirs is unchanged.
// CHECK-LABEL: snn.network @none(%x: tensor<2xf32>) -> (y: tensor<2xf32>) {
// CHECK-NEXT:    %[[Y:.+]] = snn.scale %x {scale = dense<2.000000e+00> : tensor<f32>} : tensor<2xf32> -> tensor<2xf32>
// CHECK-NEXT:    snn.output %[[Y]] : tensor<2xf32>
snn.network @none(%x: tensor<2xf32>) -> (y: tensor<2xf32>) {
  %0 = snn.scale %x {scale = dense<2.0> : tensor<f32>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %0 : tensor<2xf32>
}
