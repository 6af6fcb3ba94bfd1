// snn.sum_pool2d and snn.avg_pool2d end to end on a [2, 4, 4] spike input
// (docs/kernels.md: window sums with zero padding; the average always
// divides by the full window size kH * kW, padding included).
//
// "sum":  kernel 2x2, stride 2, no padding            -> [2, 2, 2]
// "tall": sum, kernel 3x1, stride (1, 3), padding (1, 0)
//         Ho = (4 + 2 - 3) / 1 + 1 = 4, Wo = (4 - 1) / 3 + 1 = 2 (columns
//         0 and 3)                                     -> [2, 4, 2]
// "avg":  kernel 3x3, stride 2, padding 1
//         Ho = Wo = (4 + 2 - 3) / 2 + 1 = 2; window sum / 9 -> [2, 2, 2]
//
// The input is a deterministic random spike train pinned by INPUT (each row
// is [c][h][w] row-major: channel 0's 16 pixels, then channel 1's). The
// expected rows were computed with Python from the definitions above. By
// hand for step 0, channel 0 has spikes only at (2, 0) and (3, 3):
//   sum  c0 = [0 0; 1 1]
//   avg  c0: window (1, 0) covers rows 1..3, cols -1..1 -> (2, 0): 1/9;
//        window (1, 1) covers rows 1..3, cols 1..3 -> (3, 3): 1/9
//   tall c0 column 0: rows -1..1, 0..2, 1..3, 2..4 -> 0 1 1 1;
//        column 3 -> 0 0 1 1.

// RUN: snc-npy random -o %t.x.npy --shape 3,2,4,4 --density 0.4 --seed 1
// RUN: snc-npy print %t.x.npy | FileCheck %s --match-full-lines --check-prefix=INPUT
// INPUT:      dtype bool shape (3, 2, 4, 4)
// INPUT-NEXT: 0: 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 1 0 0 0 0 1 1 0 1 1 1 0 0 1 0 0 0
// INPUT-NEXT: 1: 1 0 1 0 0 0 0 0 0 0 1 0 0 0 1 1 0 0 1 1 1 0 1 1 0 1 0 0 0 1 0 0
// INPUT-NEXT: 2: 0 1 1 1 0 1 1 0 0 0 0 0 0 0 0 1 0 1 0 0 0 0 0 1 1 0 0 1 1 0 0 1

// RUN: snc run %s --input %t.x.npy --output %t.sum.npy %t.tall.npy %t.avg.npy
// RUN: snc-npy print %t.sum.npy | FileCheck %s --match-full-lines --check-prefix=SUM
// RUN: snc-npy print %t.tall.npy | FileCheck %s --match-full-lines --check-prefix=TALL
// RUN: snc-npy print %t.avg.npy | FileCheck %s --match-full-lines --check-prefix=AVG
// SUM:      dtype float64 shape (3, 2, 2, 2)
// SUM-NEXT: 0: 0 0 1 1 2 1 3 0
// SUM-NEXT: 1: 1 1 0 3 1 4 2 0
// SUM-NEXT: 2: 2 3 0 1 1 1 2 2
// TALL:      dtype float64 shape (3, 2, 4, 2)
// TALL-NEXT: 0: 0 0 1 0 1 1 1 1 1 1 2 1 3 1 2 0
// TALL-NEXT: 1: 1 0 1 0 0 1 0 1 1 2 1 2 1 1 0 0
// TALL-NEXT: 2: 0 1 0 1 0 1 0 1 0 1 1 2 2 3 2 2
// AVG:      dtype float64 shape (3, 2, 2, 2)
// AVG-NEXT: 0: 0 0 0.111111111 0.111111111 0.222222222 0.222222222 0.555555556 0.333333333
// AVG-NEXT: 1: 0.111111111 0.111111111 0 0.333333333 0.111111111 0.444444444 0.333333333 0.444444444
// AVG-NEXT: 2: 0.222222222 0.555555556 0.111111111 0.333333333 0.111111111 0.222222222 0.222222222 0.333333333

snn.network @pool(%x: tensor<2x4x4xi1>) -> (sum: tensor<2x2x2xf64>, tall: tensor<2x4x2xf64>, avg: tensor<2x2x2xf64>) attributes {dt = 1.0e-3 : f64} {
  %sum = snn.sum_pool2d %x {name = "sum", kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : tensor<2x4x4xi1> -> tensor<2x2x2xf64>
  %tall = snn.sum_pool2d %x {name = "tall", kernel_size = array<i64: 3, 1>, stride = array<i64: 1, 3>, padding = array<i64: 1, 0>} : tensor<2x4x4xi1> -> tensor<2x4x2xf64>
  %avg = snn.avg_pool2d %x {name = "avg", kernel_size = array<i64: 3, 3>, stride = array<i64: 2, 2>, padding = array<i64: 1, 1>} : tensor<2x4x4xi1> -> tensor<2x2x2xf64>
  snn.output %sum, %tall, %avg : tensor<2x2x2xf64>, tensor<2x4x2xf64>, tensor<2x2x2xf64>
}
