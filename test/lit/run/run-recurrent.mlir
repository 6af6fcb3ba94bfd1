// A population that drives itself: pop -> rec (snn.linear) -> sum -> pop.
// The search from the output reaches pop, then sum, then rec, whose operand
// pop is still on the stack, so rec -> pop's spikes is the back-edge: rec
// reads the spikes pop had at the end of the previous step (zero at t = 0),
// and every hop around the loop takes one step (docs/semantics.md, "Order
// within a step").
//
// pop has two neurons, decay 0, gain 1, v_threshold 0.5, so a neuron spikes
// iff its input this step exceeds 0.5. Neuron 0 gets the network input (one
// pulse at step 1) plus 0.75 * neuron 1's spikes; neuron 1 gets 1.0 * neuron
// 0's spikes. Expected (by hand):
//   step 1: input pulse, neuron 0 spikes
//   step 2: rec = [0, 1] (neuron 0's spike of step 1): neuron 1 spikes
//   step 3: rec = [0.75, 0]: neuron 0 spikes; and so on, alternating.
// Without the one-step lag both would fire together at step 1.
//
// @rec_first is the same network with rec as its first output. Now the
// search starts at rec, reaches pop, sum, and then rec again on the stack:
// sum -> rec becomes the back-edge. The spikes are unchanged (the loop still
// takes one step per hop), but rec now sees pop's spikes of the same step,
// so its trace is one step earlier, and sum reads rec of the previous step.

// RUN: snc-npy from-csv %S/Inputs/run-recurrent.csv --dtype float64 -o %t.in.npy
// RUN: snc run %s --network recurrent --input %t.in.npy --output %t.s.npy --record rec.out=%t.rec.npy sum.out=%t.sum.npy
// RUN: snc-npy spikes %t.s.npy | FileCheck %s --match-full-lines --check-prefix=SPIKES
// RUN: snc-npy print %t.rec.npy | FileCheck %s --match-full-lines --check-prefix=REC
// RUN: snc-npy print %t.sum.npy | FileCheck %s --match-full-lines --check-prefix=SUM
// RUN: snc run %s --network rec_first --input %t.in.npy --output %t.rf.rec.npy %t.rf.s.npy --record sum.out=%t.rf.sum.npy
// RUN: snc-npy spikes %t.rf.s.npy | FileCheck %s --match-full-lines --check-prefix=SPIKES
// RUN: snc-npy print %t.rf.rec.npy | FileCheck %s --match-full-lines --check-prefix=REC-FIRST
// RUN: snc-npy print %t.rf.sum.npy | FileCheck %s --match-full-lines --check-prefix=SUM

// SPIKES:      0: 1 3 5 7 9
// SPIKES-NEXT: 1: 2 4 6 8

// REC:      dtype float64 shape (10, 2)
// REC-NEXT: 0: 0 0
// REC-NEXT: 1: 0 0
// REC-NEXT: 2: 0 1
// REC-NEXT: 3: 0.75 0
// REC-NEXT: 4: 0 1
// REC-NEXT: 5: 0.75 0
// REC-NEXT: 6: 0 1
// REC-NEXT: 7: 0.75 0
// REC-NEXT: 8: 0 1
// REC-NEXT: 9: 0.75 0

// REC-FIRST:      dtype float64 shape (10, 2)
// REC-FIRST-NEXT: 0: 0 0
// REC-FIRST-NEXT: 1: 0 1
// REC-FIRST-NEXT: 2: 0.75 0
// REC-FIRST-NEXT: 3: 0 1
// REC-FIRST-NEXT: 4: 0.75 0
// REC-FIRST-NEXT: 5: 0 1
// REC-FIRST-NEXT: 6: 0.75 0
// REC-FIRST-NEXT: 7: 0 1
// REC-FIRST-NEXT: 8: 0.75 0
// REC-FIRST-NEXT: 9: 0 1

// SUM:      dtype float64 shape (10, 2)
// SUM-NEXT: 0: 0 0
// SUM-NEXT: 1: 1 0
// SUM-NEXT: 2: 0 1
// SUM-NEXT: 3: 0.75 0
// SUM-NEXT: 4: 0 1
// SUM-NEXT: 5: 0.75 0
// SUM-NEXT: 6: 0 1
// SUM-NEXT: 7: 0.75 0
// SUM-NEXT: 8: 0 1
// SUM-NEXT: 9: 0.75 0

snn.network @recurrent(%x: tensor<1xf64>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-3 : f64} {
  %in = snn.affine %x {name = "in", weight = dense<[[1.0], [0.0]]> : tensor<2x1xf64>, bias = dense<0.0> : tensor<2xf64>} : tensor<1xf64> -> tensor<2xf64>
  %sum = snn.add %in, %rec {name = "sum"} : tensor<2xf64>
  %s = snn.discrete_lif %sum {name = "pop", decay = dense<0.0> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<0.5> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf64> -> tensor<2xi1>
  %rec = snn.linear %s {name = "rec", weight = dense<[[0.0, 0.75], [1.0, 0.0]]> : tensor<2x2xf64>} : tensor<2xi1> -> tensor<2xf64>
  snn.output %s : tensor<2xi1>
}

snn.network @rec_first(%x: tensor<1xf64>) -> (rec: tensor<2xf64>, s: tensor<2xi1>) attributes {dt = 1.0e-3 : f64} {
  %in = snn.affine %x {name = "in", weight = dense<[[1.0], [0.0]]> : tensor<2x1xf64>, bias = dense<0.0> : tensor<2xf64>} : tensor<1xf64> -> tensor<2xf64>
  %sum = snn.add %in, %rec {name = "sum"} : tensor<2xf64>
  %s = snn.discrete_lif %sum {name = "pop", decay = dense<0.0> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<0.5> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf64> -> tensor<2xi1>
  %rec = snn.linear %s {name = "rec", weight = dense<[[0.0, 0.75], [1.0, 0.0]]> : tensor<2x2xf64>} : tensor<2xi1> -> tensor<2xf64>
  snn.output %rec, %s : tensor<2xf64>, tensor<2xi1>
}
