// How adaptation interacts with reset and refractoriness in discrete_lif
// (docs/semantics.md, "Discrete neurons, per step"):
//  * `subtract` removes the whole threshold θ = v_threshold + a, not just
//    v_threshold;
//  * a refractory step skips the membrane update but still runs step 5, so
//    the adaptation keeps decaying (with s = 0).
// Both neurons: input 1.5 on every step (CSV), v_threshold 1,
// adapt_decay 0.5, adapt_gain 1.
//
// "sub": decay 1, gain 1, reset subtract. By hand:
//   step 0: v = 1.5 > 1     spike, v = 1.5 - 1 = 0.5,      a = 1
//   step 1: v = 2,  θ = 2   no spike (strict),              a = 0.5
//   step 2: v = 3.5 > 1.5   spike, v = 3.5 - 1.5 = 2,       a = 1.25
//   step 3: v = 3.5 > 2.25  spike, v = 1.25,                a = 1.625
//   step 4: v = 2.75 > 2.625 spike, v = 0.125,              a = 1.8125
//   step 5: v = 1.625, θ = 2.8125: no spike,                a = 0.90625
//   step 6: v = 3.125 > 1.90625 spike, v = 1.21875,         a = 1.453125
//   step 7: v = 2.71875 > 2.453125 spike, v = 0.265625,     a = 1.7265625
//   (subtracting only v_threshold would give v = 2.5 at step 2)
// "ref": decay 0.5, gain 1, reset to 0, refractory 2. By hand:
//   step 0: v = 1.5 > 1: spike, a = 1; steps 1, 2 refractory: a = 0.5, 0.25
//   step 3: v = 1.5 > 1.25: spike, a = 1.125; steps 4, 5: a = 0.5625, 0.28125
//   step 6: v = 1.5 > 1.28125: spike, a = 1.140625; step 7: a = 0.5703125
//   (were a frozen while refractory, θ would be 2 at step 3: no spike)

// RUN: snc-npy from-csv %S/Inputs/run-alif.csv --dtype float64 -o %t.in.npy
// RUN: snc run %s --steps 8 --input %t.in.npy --output %t.sub.npy %t.ref.npy \
// RUN:   --record sub.v=%t.sub.v.npy sub.a=%t.sub.a.npy ref.a=%t.ref.a.npy
// RUN: snc-npy spikes %t.sub.npy | FileCheck %s --match-full-lines --check-prefix=SUB-S
// RUN: snc-npy print %t.sub.v.npy | FileCheck %s --match-full-lines --check-prefix=SUB-V
// RUN: snc-npy print %t.sub.a.npy | FileCheck %s --match-full-lines --check-prefix=SUB-A
// RUN: snc-npy spikes %t.ref.npy | FileCheck %s --match-full-lines --check-prefix=REF-S
// RUN: snc-npy print %t.ref.a.npy | FileCheck %s --match-full-lines --check-prefix=REF-A

// SUB-S: 0: 0 2 3 4 6 7
// SUB-V:      dtype float64 shape (8, 1)
// SUB-V-NEXT: 0: 0.5
// SUB-V-NEXT: 1: 2
// SUB-V-NEXT: 2: 2
// SUB-V-NEXT: 3: 1.25
// SUB-V-NEXT: 4: 0.125
// SUB-V-NEXT: 5: 1.625
// SUB-V-NEXT: 6: 1.21875
// SUB-V-NEXT: 7: 0.265625
// SUB-A:      dtype float64 shape (8, 1)
// SUB-A-NEXT: 0: 1
// SUB-A-NEXT: 1: 0.5
// SUB-A-NEXT: 2: 1.25
// SUB-A-NEXT: 3: 1.625
// SUB-A-NEXT: 4: 1.8125
// SUB-A-NEXT: 5: 0.90625
// SUB-A-NEXT: 6: 1.453125
// SUB-A-NEXT: 7: 1.7265625

// REF-S: 0: 0 3 6
// REF-A:      dtype float64 shape (8, 1)
// REF-A-NEXT: 0: 1
// REF-A-NEXT: 1: 0.5
// REF-A-NEXT: 2: 0.25
// REF-A-NEXT: 3: 1.125
// REF-A-NEXT: 4: 0.5625
// REF-A-NEXT: 5: 0.28125
// REF-A-NEXT: 6: 1.140625
// REF-A-NEXT: 7: 0.5703125

snn.network @adaptation(%x: tensor<1xf64>) -> (sub: tensor<1xi1>, ref: tensor<1xi1>) attributes {dt = 1.0e-3 : f64} {
  %sub = snn.discrete_lif %x {name = "sub", decay = dense<1.0> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, adapt_decay = dense<0.5> : tensor<f64>, adapt_gain = dense<1.0> : tensor<f64>, reset = #snn<reset subtract>} : tensor<1xf64> -> tensor<1xi1>
  %ref = snn.discrete_lif %x {name = "ref", decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, adapt_decay = dense<0.5> : tensor<f64>, adapt_gain = dense<1.0> : tensor<f64>, refractory = 2} : tensor<1xf64> -> tensor<1xi1>
  snn.output %sub, %ref : tensor<1xi1>, tensor<1xi1>
}
