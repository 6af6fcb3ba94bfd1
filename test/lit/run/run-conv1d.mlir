// snn.conv1d end to end on a [2, 6] spike input (channels x length), as
// specified in docs/kernels.md (PyTorch's geometry, zero padding).
//
// "c1": weight [2, 2, 3], bias [0.25, -0.5], stride 2, padding 1 ->
//       Lo = (6 + 2 - 2 - 1) / 2 + 1 = 3; out[co][o] = bias[co] +
//       sum_ci,k w[co][ci][k] x[ci][2o - 1 + k].
// "c2": groups 2, dilation 2, no padding, no bias, weight [2, 1, 3] ->
//       Lo = (6 - 2*2 - 1) + 1 = 2; channel co sees only input channel co:
//       out[co][o] = sum_k w[co][0][k] x[co][o + 2k].
// The weights are distinct powers of two, so every sum is exact.
//
// The input is a deterministic random spike train, pinned by INPUT below
// (each row: channel 0's six positions, then channel 1's). Expected rows
// (row-major [co][o]) computed with Python from the formulas above; e.g.
// step 0 has one spike, x[1][2]: it is position 2o - 1 + k = 2 only for
// o = 1, k = 1, so c1 = [0.25, 0.25 + 0.25, 0.25; -0.5, -0.5 + 16, -0.5],
// and for c2 it is o + 2k = 2 with o = 0, k = 1: c2[1][0] = 1.

// RUN: snc-npy random -o %t.x.npy --shape 4,2,6 --density 0.4 --seed 1
// RUN: snc-npy print %t.x.npy | FileCheck %s --match-full-lines --check-prefix=INPUT
// INPUT:      dtype bool shape (4, 2, 6)
// INPUT-NEXT: 0: 0 0 0 0 0 0 0 0 1 0 0 0
// INPUT-NEXT: 1: 0 0 0 1 0 0 0 0 1 1 0 1
// INPUT-NEXT: 2: 1 1 0 0 1 0 0 0 1 0 1 0
// INPUT-NEXT: 3: 0 0 0 0 0 0 1 0 0 0 1 1

// RUN: snc run %s --input %t.x.npy --output %t.c1.npy %t.c2.npy
// RUN: snc-npy print %t.c1.npy | FileCheck %s --match-full-lines --check-prefix=C1
// RUN: snc-npy print %t.c2.npy | FileCheck %s --match-full-lines --check-prefix=C2
// C1:      dtype float64 shape (4, 2, 3)
// C1-NEXT: 0: 0.25 0.5 0.25 -0.5 15.5 -0.5
// C1-NEXT: 1: 0.25 4.625 1.875 -0.5 48.5 38.5
// C1-NEXT: 2: 6.25 1.5 2.5 0.5 14.5 15.5
// C1-NEXT: 3: 0.5 0.25 0.625 15.5 -0.5 47.5
// C2:      dtype float64 shape (4, 2, 2)
// C2-NEXT: 0: 0 0 1 0
// C2-NEXT: 1: 0 2 1 3
// C2-NEXT: 2: 5 1 3 0
// C2-NEXT: 3: 0 0 2.5 2

snn.network @conv(%x: tensor<2x6xi1>) -> (c1: tensor<2x3xf64>, c2: tensor<2x2xf64>) attributes {dt = 1.0e-3 : f64} {
  %c1 = snn.conv1d %x {name = "c1", weight = dense<[[[1.0, 2.0, 4.0], [0.5, 0.25, 0.125]], [[-1.0, 0.0, 1.0], [8.0, 16.0, 32.0]]]> : tensor<2x2x3xf64>, bias = dense<[0.25, -0.5]> : tensor<2xf64>, stride = array<i64: 2>, padding = array<i64: 1>, dilation = array<i64: 1>} : tensor<2x6xi1> -> tensor<2x3xf64>
  %c2 = snn.conv1d %x {name = "c2", weight = dense<[[[1.0, 2.0, 4.0]], [[0.5, 1.0, 2.0]]]> : tensor<2x1x3xf64>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 2>, groups = 2} : tensor<2x6xi1> -> tensor<2x2xf64>
  snn.output %c1, %c2 : tensor<2x3xf64>, tensor<2x2xf64>
}
