// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// snn.sum_pool2d and snn.avg_pool2d over a [C, H, W] input.

// CHECK-LABEL: snn.network @sum_pool
// CHECK-NEXT:    %[[A:.+]] = snn.sum_pool2d %x {kernel_size = array<i64: 2, 2>, padding = array<i64: 0, 0>, stride = array<i64: 2, 2>} : tensor<2x6x6xi1> -> tensor<2x3x3xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.sum_pool2d %x {kernel_size = array<i64: 3, 1>, name = "pool.sum", padding = array<i64: 1, 0>, stride = array<i64: 1, 3>} : tensor<2x6x6xi1> -> tensor<2x6x2xi32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]]
snn.network @sum_pool(%x: tensor<2x6x6xi1>) -> (a: tensor<2x3x3xf32>, b: tensor<2x6x2xi32>) {
  %0 = snn.sum_pool2d %x {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : tensor<2x6x6xi1> -> tensor<2x3x3xf32>
  // H = (6 + 2 - 3) / 1 + 1 = 6, W = (6 - 1) / 3 + 1 = 2.
  %1 = snn.sum_pool2d %x {kernel_size = array<i64: 3, 1>, stride = array<i64: 1, 3>, padding = array<i64: 1, 0>, name = "pool.sum"} : tensor<2x6x6xi1> -> tensor<2x6x2xi32>
  snn.output %0, %1 : tensor<2x3x3xf32>, tensor<2x6x2xi32>
}

// CHECK-LABEL: snn.network @avg_pool
// CHECK-NEXT:    %[[A:.+]] = snn.avg_pool2d %x {kernel_size = array<i64: 3, 2>, padding = array<i64: 1, 0>, stride = array<i64: 1, 2>} : tensor<1x5x7xf32> -> tensor<1x5x3xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.avg_pool2d %x {kernel_size = array<i64: 5, 7>, name = "global", padding = array<i64: 0, 0>, stride = array<i64: 1, 1>} : tensor<1x5x7xf32> -> tensor<1x1x1xf32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]]
snn.network @avg_pool(%x: tensor<1x5x7xf32>) -> (a: tensor<1x5x3xf32>, b: tensor<1x1x1xf32>) {
  // H = (5 + 2 - 3) / 1 + 1 = 5, W = (7 - 2) / 2 + 1 = 3.
  %0 = snn.avg_pool2d %x {kernel_size = array<i64: 3, 2>, stride = array<i64: 1, 2>, padding = array<i64: 1, 0>} : tensor<1x5x7xf32> -> tensor<1x5x3xf32>
  // A window covering the whole input.
  %1 = snn.avg_pool2d %x {kernel_size = array<i64: 5, 7>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, name = "global"} : tensor<1x5x7xf32> -> tensor<1x1x1xf32>
  snn.output %0, %1 : tensor<1x5x3xf32>, tensor<1x1x1xf32>
}
