// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// snn.conv1d (input [C, L], weight [Cout, C/groups, K]) and snn.conv2d
// (input [C, H, W], weight [Cout, C/groups, kH, kW]). Output extents follow
// PyTorch: (in + 2*pad - dilation*(k-1) - 1) / stride + 1. `groups = 1` is
// the default and is elided.

// CHECK-LABEL: snn.network @conv1d
// CHECK-NEXT:    %[[A:.+]] = snn.conv1d %x {dilation = array<i64: 1>, padding = array<i64: 0>, stride = array<i64: 1>, weight = dense<1.000000e+00> : tensor<4x2x3xf32>} : tensor<2x10xi1> -> tensor<4x8xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.conv1d %y {bias = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00, 6.000000e+00]> : tensor<6xf32>, dilation = array<i64: 2>, groups = 2 : i64, name = "c1", padding = array<i64: 1>, stride = array<i64: 2>, weight = dense<5.000000e-01> : tensor<6x2x3xf32>} : tensor<4x9xf32> -> tensor<6x4xf32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]]
snn.network @conv1d(%x: tensor<2x10xi1>, %y: tensor<4x9xf32>) -> (a: tensor<4x8xf32>, b: tensor<6x4xf32>) {
  %0 = snn.conv1d %x {weight = dense<1.0> : tensor<4x2x3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1} : tensor<2x10xi1> -> tensor<4x8xf32>
  // (9 + 2*1 - 2*(3-1) - 1) / 2 + 1 = 4.
  %1 = snn.conv1d %y {weight = dense<0.5> : tensor<6x2x3xf32>, bias = dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>, stride = array<i64: 2>, padding = array<i64: 1>, dilation = array<i64: 2>, groups = 2, name = "c1"} : tensor<4x9xf32> -> tensor<6x4xf32>
  snn.output %0, %1 : tensor<4x8xf32>, tensor<6x4xf32>
}

// CHECK-LABEL: snn.network @conv2d
// CHECK-NEXT:    %[[A:.+]] = snn.conv2d %x {bias = dense<0.000000e+00> : tensor<f32>, dilation = array<i64: 1, 1>, padding = array<i64: 1, 1>, stride = array<i64: 1, 1>, weight = dense<1.000000e-01> : tensor<16x3x3x3xf32>} : tensor<3x8x8xi1> -> tensor<16x8x8xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.conv2d %x {dilation = array<i64: 1, 2>, groups = 3 : i64, name = "depthwise", padding = array<i64: 0, 1>, stride = array<i64: 2, 1>, weight = dense<{{\[\[\[\[}}1, 2], [3, 4], [5, 6]]], {{\[\[\[}}1, 2], [3, 4], [5, 6]]], {{\[\[\[}}1, 2], [3, 4], [5, 6]]]]> : tensor<3x1x3x2xi8>} : tensor<3x8x8xi1> -> tensor<3x3x8xi32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]]
snn.network @conv2d(%x: tensor<3x8x8xi1>) -> (a: tensor<16x8x8xf32>, b: tensor<3x3x8xi32>) {
  %0 = snn.conv2d %x {weight = dense<0.1> : tensor<16x3x3x3xf32>, bias = dense<0.0> : tensor<f32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : tensor<3x8x8xi1> -> tensor<16x8x8xf32>
  // Depthwise: H = (8 + 2*0 - 1*(3-1) - 1) / 2 + 1 = 3,
  // W = (8 + 2*1 - 2*(2-1) - 1) / 1 + 1 = 8.
  %1 = snn.conv2d %x {weight = dense<[[[[1, 2], [3, 4], [5, 6]]], [[[1, 2], [3, 4], [5, 6]]], [[[1, 2], [3, 4], [5, 6]]]]> : tensor<3x1x3x2xi8>, stride = array<i64: 2, 1>, padding = array<i64: 0, 1>, dilation = array<i64: 1, 2>, groups = 3, name = "depthwise"} : tensor<3x8x8xi1> -> tensor<3x3x8xi32>
  snn.output %0, %1 : tensor<16x8x8xf32>, tensor<3x3x8xi32>
}
