// snn.delay end to end: y_k(t) = x_k(t - steps_k), zero for t < steps_k
// (docs/semantics.md, "Connectivity").
//
// @seconds: delays 0, 1e-3 and 3e-3 s at --dt 1e-3 become steps 0, 1, 3.
// The input x(t) = t + 1 (CSV column 0) is fanned out to three elements, so
// step t should read [x(t), x(t-1), x(t-3)] = [t+1, t, t-2], with 0 where
// the delayed index is negative.
//
// @steps: a discrete network (it carries dt) with steps = [2, 0, 1] on a
// spike train. Column 1 spikes at steps 0, 3, 4 on all three elements, so
// element 0 spikes at 2, 5, 6; element 1 at 0, 3, 4; element 2 at 1, 4, 5.
// (`snc run` prepares the whole module, so it needs --dt for @seconds even
// when it runs @steps.)

// RUN: snc-npy from-csv %S/Inputs/run-delay.csv --column 0 --dtype float64 -o %t.ramp.npy
// RUN: snc-npy from-csv %S/Inputs/run-delay.csv --column 1 --dtype bool -o %t.spikes.npy

// RUN: snc run %s --network seconds --dt 1e-3 --input %t.ramp.npy --output %t.sec.npy
// RUN: snc-npy print %t.sec.npy | FileCheck %s --match-full-lines --check-prefix=SECONDS
// SECONDS:      dtype float64 shape (8, 3)
// SECONDS-NEXT: 0: 1 0 0
// SECONDS-NEXT: 1: 2 1 0
// SECONDS-NEXT: 2: 3 2 0
// SECONDS-NEXT: 3: 4 3 1
// SECONDS-NEXT: 4: 5 4 2
// SECONDS-NEXT: 5: 6 5 3
// SECONDS-NEXT: 6: 7 6 4
// SECONDS-NEXT: 7: 8 7 5

// RUN: snc run %s --network steps --dt 1e-3 --input %t.spikes.npy --output %t.steps.npy
// RUN: snc-npy spikes %t.steps.npy | FileCheck %s --match-full-lines --check-prefix=STEPS
// STEPS:      0: 2 5 6
// STEPS-NEXT: 1: 0 3 4
// STEPS-NEXT: 2: 1 4 5

snn.network @seconds(%x: tensor<1xf64>) -> (y: tensor<3xf64>) {
  %fan = snn.affine %x {name = "fan", weight = dense<[[1.0], [1.0], [1.0]]> : tensor<3x1xf64>, bias = dense<0.0> : tensor<3xf64>} : tensor<1xf64> -> tensor<3xf64>
  %y = snn.delay %fan {name = "axon", delay = dense<[0.0, 1.0e-3, 3.0e-3]> : tensor<3xf64>} : tensor<3xf64> -> tensor<3xf64>
  snn.output %y : tensor<3xf64>
}

snn.network @steps(%x: tensor<1xi1>) -> (y: tensor<3xi1>) attributes {dt = 1.0e-3 : f64} {
  %fan = snn.affine %x {name = "fan", weight = dense<[[1.0], [1.0], [1.0]]> : tensor<3x1xf64>, bias = dense<0.0> : tensor<3xf64>} : tensor<1xi1> -> tensor<3xf64>
  %s = snn.threshold %fan {name = "spike", threshold = dense<0.5> : tensor<f64>} : tensor<3xf64> -> tensor<3xi1>
  %y = snn.delay %s {name = "axon", steps = array<i64: 2, 0, 1>} : tensor<3xi1> -> tensor<3xi1>
  snn.output %y : tensor<3xi1>
}
