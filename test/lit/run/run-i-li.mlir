// snn.i and snn.li (the non-spiking integrators) end to end, starting from
// v_init. dt = 1 ms, euler (docs/semantics.md, "snn-discretize"):
//   "i":  r = 500, v_init = 1 -> decay 1, gain r dt = 0.5, bias 0:
//         v = v + 0.5 x
//   "li": tau = 4 ms, r = 2, v_leak = -1, v_init = 0.5 ->
//         decay 0.75, gain 0.25 * 2 = 0.5, bias 0.25 * -1 = -0.25:
//         v = 0.75 v + 0.5 x - 0.25 (relaxes to v_leak = -1 without input)
// Input x = 1 2 0 -1 0.5 0 0 0. By hand:
//   i:  1 + 0.5 = 1.5, + 1 = 2.5, 2.5, - 0.5 = 2, + 0.25 = 2.25, then flat
//   li: 0.375 + 0.5 - 0.25 = 0.625; 0.46875 + 1 - 0.25 = 1.21875;
//       0.9140625 - 0.25 = 0.6640625; 0.498046875 - 0.5 - 0.25 =
//       -0.251953125; ... (the rest with Python; 9 significant digits)

// RUN: snc-npy from-csv %S/Inputs/run-i-li.csv --dtype float64 -o %t.in.npy
// RUN: snc run %s --dt 1e-3 --input %t.in.npy --output %t.i.npy %t.li.npy --record li.v=%t.li.v.npy
// RUN: snc-npy print %t.i.npy | FileCheck %s --match-full-lines --check-prefix=I
// RUN: snc-npy print %t.li.npy | FileCheck %s --match-full-lines --check-prefix=LI
// RUN: snc-npy print %t.li.v.npy | FileCheck %s --match-full-lines --check-prefix=LI

// I:      dtype float64 shape (8, 1)
// I-NEXT: 0: 1.5
// I-NEXT: 1: 2.5
// I-NEXT: 2: 2.5
// I-NEXT: 3: 2
// I-NEXT: 4: 2.25
// I-NEXT: 5: 2.25
// I-NEXT: 6: 2.25
// I-NEXT: 7: 2.25

// LI:      dtype float64 shape (8, 1)
// LI-NEXT: 0: 0.625
// LI-NEXT: 1: 1.21875
// LI-NEXT: 2: 0.6640625
// LI-NEXT: 3: -0.251953125
// LI-NEXT: 4: -0.188964844
// LI-NEXT: 5: -0.391723633
// LI-NEXT: 6: -0.543792725
// LI-NEXT: 7: -0.657844543

snn.network @integrators(%x: tensor<1xf64>) -> (i: tensor<1xf64>, li: tensor<1xf64>) {
  %i = snn.i %x {name = "i", r = dense<500.0> : tensor<f64>, v_init = dense<1.0> : tensor<f64>} : tensor<1xf64> -> tensor<1xf64>
  %li = snn.li %x {name = "li", tau = dense<4.0e-3> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<-1.0> : tensor<f64>, v_init = dense<0.5> : tensor<f64>} : tensor<1xf64> -> tensor<1xf64>
  snn.output %i, %li : tensor<1xf64>, tensor<1xf64>
}
