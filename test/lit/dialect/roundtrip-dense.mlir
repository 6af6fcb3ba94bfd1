// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// snn.affine (y = W x + b) and snn.linear (y = W x): weight is [out, in].

// CHECK-LABEL: snn.network @affine
// CHECK-NEXT:    %[[A:.+]] = snn.affine %x {bias = dense<[1.000000e-01, 2.000000e-01, 3.000000e-01]> : tensor<3xf32>, weight = dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00], [5.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>} : tensor<2xf32> -> tensor<3xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.affine %s {bias = dense<0.000000e+00> : tensor<f32>, name = "fc.1", weight = dense<5.000000e-01> : tensor<4x2xf64>} : tensor<2xi1> -> tensor<4xf64>
// CHECK-NEXT:    %[[C:.+]] = snn.affine %s {bias = dense<[1, -1]> : tensor<2xi8>, weight = dense<{{\[\[}}1, 2], [-3, 4]]> : tensor<2x2xi8>} : tensor<2xi1> -> tensor<2xi32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]]
snn.network @affine(%x: tensor<2xf32>, %s: tensor<2xi1>) -> (a: tensor<3xf32>, b: tensor<4xf64>, c: tensor<2xi32>) {
  %0 = snn.affine %x {weight = dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>, bias = dense<[0.1, 0.2, 0.3]> : tensor<3xf32>} : tensor<2xf32> -> tensor<3xf32>
  // A splat weight and a broadcast (single-value) bias; spike input.
  %1 = snn.affine %s {weight = dense<0.5> : tensor<4x2xf64>, bias = dense<0.0> : tensor<f32>, name = "fc.1"} : tensor<2xi1> -> tensor<4xf64>
  // Integer (quantized) weights.
  %2 = snn.affine %s {weight = dense<[[1, 2], [-3, 4]]> : tensor<2x2xi8>, bias = dense<[1, -1]> : tensor<2xi8>} : tensor<2xi1> -> tensor<2xi32>
  snn.output %0, %1, %2 : tensor<3xf32>, tensor<4xf64>, tensor<2xi32>
}

// CHECK-LABEL: snn.network @linear
// CHECK-NEXT:    %[[A:.+]] = snn.linear %x {weight = dense<{{\[\[}}1.000000e+00, -1.000000e+00, 0.000000e+00]]> : tensor<1x3xf32>} : tensor<3xf32> -> tensor<1xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.linear %s {name = "proj", weight = dense<2.500000e-01> : tensor<5x3xf32>} : tensor<3xi1> -> tensor<5xf32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]]
snn.network @linear(%x: tensor<3xf32>, %s: tensor<3xi1>) -> (a: tensor<1xf32>, b: tensor<5xf32>) {
  %0 = snn.linear %x {weight = dense<[[1.0, -1.0, 0.0]]> : tensor<1x3xf32>} : tensor<3xf32> -> tensor<1xf32>
  %1 = snn.linear %s {weight = dense<0.25> : tensor<5x3xf32>, name = "proj"} : tensor<3xi1> -> tensor<5xf32>
  snn.output %0, %1 : tensor<1xf32>, tensor<5xf32>
}
