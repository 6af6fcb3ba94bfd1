// snn.if with each reset mode, run end to end by `snc run`. Each network is
// one IF neuron (r = 1, v_threshold = 1, v_reset = 0.125) under a constant
// input of 0.375 per step. With --dt 1, snn-discretize turns it into
// discrete_lif with decay 1 and gain r * dt = 1, so v grows by 0.375 a step.
// All values are multiples of 1/8 and exact in f64.
//
// Expected values (by hand, from docs/semantics.md; a spike iff v > 1
// strictly, the recorded v is the value after the reset):
//   to_value: .375 .75 1.125* -> .125, .5 .875 1.25* -> .125, ...
//             spikes at 2, 5, 8, 11.
//   subtract: .375 .75 1.125* -> .125, .5 .875 1.25* -> .25, .625,
//             1.0 (equal to the threshold: no spike), 1.375* -> .375, .75,
//             1.125* -> .125, .5; spikes at 2, 5, 8, 10.
//   none:     v keeps integrating: .375 .75 1.125 ... 4.5; a spike on every
//             step from step 2 on.

// RUN: snc-npy from-csv %S/Inputs/run-if-reset-modes.csv --dtype float64 -o %t.in.npy

// RUN: snc run %s --network to_value --dt 1 --input %t.in.npy --output %t.tv.npy --record n.v=%t.tv.v.npy
// RUN: snc-npy spikes %t.tv.npy | FileCheck %s --match-full-lines --check-prefix=TV-S
// RUN: snc-npy print %t.tv.v.npy | FileCheck %s --match-full-lines --check-prefix=TV-V
// TV-S: 0: 2 5 8 11
// TV-V:      dtype float64 shape (12, 1)
// TV-V-NEXT: 0: 0.375
// TV-V-NEXT: 1: 0.75
// TV-V-NEXT: 2: 0.125
// TV-V-NEXT: 3: 0.5
// TV-V-NEXT: 4: 0.875
// TV-V-NEXT: 5: 0.125
// TV-V-NEXT: 6: 0.5
// TV-V-NEXT: 7: 0.875
// TV-V-NEXT: 8: 0.125
// TV-V-NEXT: 9: 0.5
// TV-V-NEXT: 10: 0.875
// TV-V-NEXT: 11: 0.125

// RUN: snc run %s --network subtract --dt 1 --input %t.in.npy --output %t.sub.npy --record n.v=%t.sub.v.npy
// RUN: snc-npy spikes %t.sub.npy | FileCheck %s --match-full-lines --check-prefix=SUB-S
// RUN: snc-npy print %t.sub.v.npy | FileCheck %s --match-full-lines --check-prefix=SUB-V
// SUB-S: 0: 2 5 8 10
// SUB-V:      dtype float64 shape (12, 1)
// SUB-V-NEXT: 0: 0.375
// SUB-V-NEXT: 1: 0.75
// SUB-V-NEXT: 2: 0.125
// SUB-V-NEXT: 3: 0.5
// SUB-V-NEXT: 4: 0.875
// SUB-V-NEXT: 5: 0.25
// SUB-V-NEXT: 6: 0.625
// SUB-V-NEXT: 7: 1
// SUB-V-NEXT: 8: 0.375
// SUB-V-NEXT: 9: 0.75
// SUB-V-NEXT: 10: 0.125
// SUB-V-NEXT: 11: 0.5

// RUN: snc run %s --network none --dt 1 --input %t.in.npy --output %t.none.npy --record n.v=%t.none.v.npy
// RUN: snc-npy spikes %t.none.npy | FileCheck %s --match-full-lines --check-prefix=NONE-S
// RUN: snc-npy print %t.none.v.npy | FileCheck %s --match-full-lines --check-prefix=NONE-V
// NONE-S: 0: 2 3 4 5 6 7 8 9 10 11
// NONE-V:      dtype float64 shape (12, 1)
// NONE-V-NEXT: 0: 0.375
// NONE-V-NEXT: 1: 0.75
// NONE-V-NEXT: 2: 1.125
// NONE-V-NEXT: 3: 1.5
// NONE-V-NEXT: 4: 1.875
// NONE-V-NEXT: 5: 2.25
// NONE-V-NEXT: 6: 2.625
// NONE-V-NEXT: 7: 3
// NONE-V-NEXT: 8: 3.375
// NONE-V-NEXT: 9: 3.75
// NONE-V-NEXT: 10: 4.125
// NONE-V-NEXT: 11: 4.5

snn.network @to_value(%x: tensor<1xf64>) -> (s: tensor<1xi1>) {
  %s = snn.if %x {name = "n", r = dense<1.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.125> : tensor<f64>, reset = #snn<reset to_value>} : tensor<1xf64> -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}

snn.network @subtract(%x: tensor<1xf64>) -> (s: tensor<1xi1>) {
  %s = snn.if %x {name = "n", r = dense<1.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.125> : tensor<f64>, reset = #snn<reset subtract>} : tensor<1xf64> -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}

snn.network @none(%x: tensor<1xf64>) -> (s: tensor<1xi1>) {
  %s = snn.if %x {name = "n", r = dense<1.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.125> : tensor<f64>, reset = #snn<reset none>} : tensor<1xf64> -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}
