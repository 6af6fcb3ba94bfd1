// snn.sparse_projection with per-synapse weights and delays (steps). Each
// spike of source s at step t adds w to its target's accumulator for step
// t + delay; the output at step t is that accumulator (docs/semantics.md).
//
// Synapses (CSR by source):
//   source 0: -> target 0, w  0.5,  delay 0;  -> target 1, w -0.25, delay 2
//   source 1: none (its spikes must have no effect)
//   source 2: -> target 1, w  1.0,  delay 1;  -> target 0, w  2.0,  delay 3
// so y0(t) = 0.5 x0(t) + 2 x2(t-3) and y1(t) = -0.25 x0(t-2) + x2(t-1).
//
// The input is a deterministic random spike train, pinned by INPUT below:
// source 0 spikes at 5 7 8, source 1 at 8 9, source 2 at 2 6 7. By hand:
//   y0: 0.5 at 5, 7, 8 (source 0); 2 at 5, 9 (source 2 at 2, 6; the spike at
//       7 would arrive at 10, after the run): 2.5 at 5, 0.5 at 7 and 8, 2 at 9.
//   y1: -0.25 at 7, 9 (source 0 at 5, 7; 8 + 2 = 10 is past the end);
//       1 at 3, 7, 8 (source 2): 1 at 3, 0.75 at 7, 1 at 8, -0.25 at 9.

// RUN: snc-npy random -o %t.x.npy --shape 10,3 --density 0.3 --seed 1
// RUN: snc-npy spikes %t.x.npy | FileCheck %s --match-full-lines --check-prefix=INPUT
// INPUT:      0: 5 7 8
// INPUT-NEXT: 1: 8 9
// INPUT-NEXT: 2: 2 6 7

// RUN: snc run %s --input %t.x.npy --output %t.y.npy
// RUN: snc-npy print %t.y.npy | FileCheck %s --match-full-lines --check-prefix=Y
// Y:      dtype float64 shape (10, 2)
// Y-NEXT: 0: 0 0
// Y-NEXT: 1: 0 0
// Y-NEXT: 2: 0 0
// Y-NEXT: 3: 0 1
// Y-NEXT: 4: 0 0
// Y-NEXT: 5: 2.5 0
// Y-NEXT: 6: 0 0
// Y-NEXT: 7: 0.5 0.75
// Y-NEXT: 8: 0.5 1
// Y-NEXT: 9: 2 -0.25

snn.network @sparse(%x: tensor<3xi1>) -> (y: tensor<2xf64>) attributes {dt = 1.0e-3 : f64} {
  %y = snn.sparse_projection %x {name = "syn", row_ptr = array<i64: 0, 2, 2, 4>, targets = array<i64: 0, 1, 1, 0>, weights = dense<[0.5, -0.25, 1.0, 2.0]> : tensor<4xf64>, delays = array<i64: 0, 2, 1, 3>} : tensor<3xi1> -> tensor<2xf64>
  snn.output %y : tensor<2xf64>
}
