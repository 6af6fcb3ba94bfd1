// snn.alif: the threshold v_threshold + a rises by beta_adapt after each
// spike and decays with tau_adapt in between, so under a constant input the
// spike intervals grow (2, 3, 4, 4 steps), where a plain LIF with the same
// membrane fires on every step.
//
// dt = 1 ms, tau = 2 ms, r = 2, tau_adapt = 8 ms, beta_adapt = 1; euler:
//   decay = 0.5, gain = 0.5 * 2 = 1, adapt_decay = 1 - 1/8 = 0.875,
//   adapt_gain = 1; v_threshold = 1, v_reset = 0; input 1.5 on every step.
// Per step (docs/semantics.md): v = 0.5 v + 1.5; spike iff v > 1 + a with
// the a of the previous step; reset; then a = 0.875 a + s.
//   step 0: v = 1.5 > 1 + 0      spike, v = 0, a = 1
//   step 1: v = 1.5, not > 2              v = 1.5, a = 0.875
//   step 2: v = 2.25 > 1.875     spike, v = 0, a = 0.765625 + 1 = 1.765625
//   step 3: v = 1.5, not > 2.765625       a = 1.544921875
//   step 4: v = 2.25, not > 2.544921875   a = 1.351806640625
//   step 5: v = 2.625 > 2.3518   spike, v = 0, a = 2.182830810546875
// and so on (computed with Python from the same formulas; a printed with 9
// significant digits).

// RUN: snc-npy from-csv %S/Inputs/run-alif.csv --dtype float64 -o %t.in.npy
// RUN: snc run %s --dt 1e-3 --input %t.in.npy --output %t.alif.npy %t.lif.npy \
// RUN:   --record alif.v=%t.v.npy alif.a=%t.a.npy
// RUN: snc-npy spikes %t.alif.npy | FileCheck %s --match-full-lines --check-prefix=SPIKES
// RUN: snc-npy spikes %t.lif.npy | FileCheck %s --match-full-lines --check-prefix=PLAIN
// RUN: snc-npy print %t.v.npy | FileCheck %s --match-full-lines --check-prefix=V
// RUN: snc-npy print %t.a.npy | FileCheck %s --match-full-lines --check-prefix=A

// SPIKES: 0: 0 2 5 9 13
// PLAIN: 0: 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15

// V:      dtype float64 shape (16, 1)
// V-NEXT: 0: 0
// V-NEXT: 1: 1.5
// V-NEXT: 2: 0
// V-NEXT: 3: 1.5
// V-NEXT: 4: 2.25
// V-NEXT: 5: 0
// V-NEXT: 6: 1.5
// V-NEXT: 7: 2.25
// V-NEXT: 8: 2.625
// V-NEXT: 9: 0
// V-NEXT: 10: 1.5
// V-NEXT: 11: 2.25
// V-NEXT: 12: 2.625
// V-NEXT: 13: 0
// V-NEXT: 14: 1.5
// V-NEXT: 15: 2.25

// A:      dtype float64 shape (16, 1)
// A-NEXT: 0: 1
// A-NEXT: 1: 0.875
// A-NEXT: 2: 1.765625
// A-NEXT: 3: 1.54492188
// A-NEXT: 4: 1.35180664
// A-NEXT: 5: 2.18283081
// A-NEXT: 6: 1.90997696
// A-NEXT: 7: 1.67122984
// A-NEXT: 8: 1.46232611
// A-NEXT: 9: 2.27953535
// A-NEXT: 10: 1.99459343
// A-NEXT: 11: 1.74526925
// A-NEXT: 12: 1.52711059
// A-NEXT: 13: 2.33622177
// A-NEXT: 14: 2.04419405
// A-NEXT: 15: 1.78866979

snn.network @adaptive(%x: tensor<1xf64>) -> (alif: tensor<1xi1>, lif: tensor<1xi1>) {
  %a = snn.alif %x {name = "alif", tau = dense<2.0e-3> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<8.0e-3> : tensor<f64>, beta_adapt = dense<1.0> : tensor<f64>} : tensor<1xf64> -> tensor<1xi1>
  %l = snn.lif %x {name = "lif", tau = dense<2.0e-3> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<1xf64> -> tensor<1xi1>
  snn.output %a, %l : tensor<1xi1>, tensor<1xi1>
}
