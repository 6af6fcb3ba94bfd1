// snn.cuba_li and snn.cuba_lif run end to end with --scheme euler. The
// synaptic current is updated first and the membrane then integrates the
// new current within the same step (docs/semantics.md, "Discrete neurons").
//
// dt = 1 ms, tau_syn = 2 ms, tau_mem = 4 ms, so with euler
//   syn_decay = 1 - 1/2 = 0.5, syn_gain = w_in dt/tau_syn = w_in / 2,
//   decay = 1 - 1/4 = 0.75, gain = (1/4) r, bias = (1/4) v_leak.
// "li":  w_in = 2, r = 2, v_leak = 0.5 -> i = 0.5 i + x, v = 0.75 v + 0.5 i + 0.125
// "lif": w_in = 4, r = 1, v_leak = 0, v_threshold = 0.5, v_reset = 0
//        -> i = 0.5 i + 2 x, v = 0.75 v + 0.25 i, spike iff v > 0.5.
// (w_in = tau_syn/dt makes the per-step gain 1, as snnTorch's export does.)
// Input spikes (read as 1.0) at steps 0, 3, 4.
//
// Expected values computed by hand / with Python from those formulas:
//   step 0: li  i = 1,     v = 0.75*0 + 0.5*1 + 0.125 = 0.625
//                (membrane before current would give 0.125)
//           lif i = 2,     v = 0.25*2 = 0.5, equal to the threshold: no spike
//   step 1: lif i = 1,     v = 0.375 + 0.25 = 0.625 > 0.5: spike, v = 0
//   step 2: lif i = 0.5,   v = 0.125
//   step 3: lif i = 2.25,  v = 0.09375 + 0.5625 = 0.65625: spike, v = 0
//   step 4: lif i = 3.125, v = 0.78125: spike, v = 0
// and the tails below (all values are dyadic, exact in f64; printed with
// 9 significant digits).

// RUN: snc-npy from-csv %S/Inputs/run-li-cuba.csv --dtype float64 -o %t.in.npy
// RUN: snc run %s --dt 1e-3 --scheme euler --input %t.in.npy \
// RUN:   --output %t.li.npy %t.lif.npy \
// RUN:   --record li.i=%t.li.i.npy li.v=%t.li.v.npy lif.i=%t.lif.i.npy lif.v=%t.lif.v.npy
// RUN: snc-npy print %t.li.i.npy | FileCheck %s --match-full-lines --check-prefix=LI-I
// RUN: snc-npy print %t.li.v.npy | FileCheck %s --match-full-lines --check-prefix=LI-V
// RUN: snc-npy print %t.li.npy | FileCheck %s --match-full-lines --check-prefix=LI-V
// RUN: snc-npy print %t.lif.i.npy | FileCheck %s --match-full-lines --check-prefix=LIF-I
// RUN: snc-npy print %t.lif.v.npy | FileCheck %s --match-full-lines --check-prefix=LIF-V
// RUN: snc-npy spikes %t.lif.npy | FileCheck %s --match-full-lines --check-prefix=LIF-S

// LI-I:      dtype float64 shape (10, 1)
// LI-I-NEXT: 0: 1
// LI-I-NEXT: 1: 0.5
// LI-I-NEXT: 2: 0.25
// LI-I-NEXT: 3: 1.125
// LI-I-NEXT: 4: 1.5625
// LI-I-NEXT: 5: 0.78125
// LI-I-NEXT: 6: 0.390625
// LI-I-NEXT: 7: 0.1953125
// LI-I-NEXT: 8: 0.09765625
// LI-I-NEXT: 9: 0.048828125

// LI-V:      dtype float64 shape (10, 1)
// LI-V-NEXT: 0: 0.625
// LI-V-NEXT: 1: 0.84375
// LI-V-NEXT: 2: 0.8828125
// LI-V-NEXT: 3: 1.34960938
// LI-V-NEXT: 4: 1.91845703
// LI-V-NEXT: 5: 1.95446777
// LI-V-NEXT: 6: 1.78616333
// LI-V-NEXT: 7: 1.56227875
// LI-V-NEXT: 8: 1.34553719
// LI-V-NEXT: 9: 1.15856695

// LIF-I:      dtype float64 shape (10, 1)
// LIF-I-NEXT: 0: 2
// LIF-I-NEXT: 1: 1
// LIF-I-NEXT: 2: 0.5
// LIF-I-NEXT: 3: 2.25
// LIF-I-NEXT: 4: 3.125
// LIF-I-NEXT: 5: 1.5625
// LIF-I-NEXT: 6: 0.78125
// LIF-I-NEXT: 7: 0.390625
// LIF-I-NEXT: 8: 0.1953125
// LIF-I-NEXT: 9: 0.09765625

// LIF-V:      dtype float64 shape (10, 1)
// LIF-V-NEXT: 0: 0.5
// LIF-V-NEXT: 1: 0
// LIF-V-NEXT: 2: 0.125
// LIF-V-NEXT: 3: 0
// LIF-V-NEXT: 4: 0
// LIF-V-NEXT: 5: 0.390625
// LIF-V-NEXT: 6: 0.48828125
// LIF-V-NEXT: 7: 0.463867188
// LIF-V-NEXT: 8: 0.396728516
// LIF-V-NEXT: 9: 0.321960449

// LIF-S: 0: 1 3 4

snn.network @cuba(%x: tensor<1xf64>) -> (v: tensor<1xf64>, s: tensor<1xi1>) {
  %v = snn.cuba_li %x {name = "li", tau_syn = dense<2.0e-3> : tensor<f64>, tau_mem = dense<4.0e-3> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<0.5> : tensor<f64>, w_in = dense<2.0> : tensor<f64>} : tensor<1xf64> -> tensor<1xf64>
  %s = snn.cuba_lif %x {name = "lif", tau_syn = dense<2.0e-3> : tensor<f64>, tau_mem = dense<4.0e-3> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<0.5> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<4.0> : tensor<f64>} : tensor<1xf64> -> tensor<1xi1>
  snn.output %v, %s : tensor<1xf64>, tensor<1xi1>
}
