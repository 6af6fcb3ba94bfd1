// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// snn.scale (y = scale * x) and snn.threshold (spike = x > threshold).

// CHECK-LABEL: snn.network @scale
// CHECK-NEXT:    %[[A:.+]] = snn.scale %x {scale = dense<2.000000e+00> : tensor<f32>} : tensor<2x2xf32> -> tensor<2x2xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.scale %x {name = "gain", scale = dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf64>} : tensor<2x2xf32> -> tensor<2x2xf32>
// CHECK-NEXT:    %[[C:.+]] = snn.scale %s {scale = dense<[1, 2, 3, 4]> : tensor<4xi32>} : tensor<2x2xi1> -> tensor<2x2xi32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]]
snn.network @scale(%x: tensor<2x2xf32>, %s: tensor<2x2xi1>) -> (a: tensor<2x2xf32>, b: tensor<2x2xf32>, c: tensor<2x2xi32>) {
  %0 = snn.scale %x {scale = dense<2.0> : tensor<f32>} : tensor<2x2xf32> -> tensor<2x2xf32>
  %1 = snn.scale %x {scale = dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf64>, name = "gain"} : tensor<2x2xf32> -> tensor<2x2xf32>
  // One value per element, flattened.
  %2 = snn.scale %s {scale = dense<[1, 2, 3, 4]> : tensor<4xi32>} : tensor<2x2xi1> -> tensor<2x2xi32>
  snn.output %0, %1, %2 : tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xi32>
}

// CHECK-LABEL: snn.network @threshold
// CHECK-NEXT:    %[[A:.+]] = snn.threshold %x {threshold = dense<5.000000e-01> : tensor<f32>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT:    %[[B:.+]] = snn.threshold %x {name = "spike.gen", threshold = dense<[0.000000e+00, 1.000000e+00, -1.000000e+00]> : tensor<3xf32>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT:    %[[C:.+]] = snn.threshold %i {threshold = dense<7> : tensor<i16>} : tensor<3xi16> -> tensor<3xi1>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]]
snn.network @threshold(%x: tensor<3xf32>, %i: tensor<3xi16>) -> (a: tensor<3xi1>, b: tensor<3xi1>, c: tensor<3xi1>) {
  %0 = snn.threshold %x {threshold = dense<0.5> : tensor<f32>} : tensor<3xf32> -> tensor<3xi1>
  %1 = snn.threshold %x {threshold = dense<[0.0, 1.0, -1.0]> : tensor<3xf32>, name = "spike.gen"} : tensor<3xf32> -> tensor<3xi1>
  %2 = snn.threshold %i {threshold = dense<7> : tensor<i16>} : tensor<3xi16> -> tensor<3xi1>
  snn.output %0, %1, %2 : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
}
