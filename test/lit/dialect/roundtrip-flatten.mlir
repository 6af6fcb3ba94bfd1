// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// snn.flatten merges dimensions start_dim..end_dim (inclusive); negative
// dimensions count from the back.

// CHECK-LABEL: snn.network @flatten
// CHECK-NEXT:    %[[A:.+]] = snn.flatten %x {end_dim = 2 : i64, start_dim = 0 : i64} : tensor<2x3x4xi1> -> tensor<24xi1>
// CHECK-NEXT:    %[[B:.+]] = snn.flatten %x {end_dim = -1 : i64, start_dim = 1 : i64} : tensor<2x3x4xi1> -> tensor<2x12xi1>
// CHECK-NEXT:    %[[C:.+]] = snn.flatten %x {end_dim = -2 : i64, name = "flat", start_dim = -3 : i64} : tensor<2x3x4xi1> -> tensor<6x4xi1>
// CHECK-NEXT:    %[[D:.+]] = snn.flatten %x {end_dim = 1 : i64, start_dim = 1 : i64} : tensor<2x3x4xi1> -> tensor<2x3x4xi1>
// CHECK-NEXT:    %[[E:.+]] = snn.flatten %f {end_dim = 1 : i64, start_dim = 0 : i64} : tensor<5x2xf32> -> tensor<10xf32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]], %[[D]], %[[E]]
snn.network @flatten(%x: tensor<2x3x4xi1>, %f: tensor<5x2xf32>) -> (a: tensor<24xi1>, b: tensor<2x12xi1>, c: tensor<6x4xi1>, d: tensor<2x3x4xi1>, e: tensor<10xf32>) {
  %0 = snn.flatten %x {start_dim = 0, end_dim = 2} : tensor<2x3x4xi1> -> tensor<24xi1>
  %1 = snn.flatten %x {start_dim = 1, end_dim = -1} : tensor<2x3x4xi1> -> tensor<2x12xi1>
  %2 = snn.flatten %x {start_dim = -3, end_dim = -2, name = "flat"} : tensor<2x3x4xi1> -> tensor<6x4xi1>
  // A single dimension: the identity.
  %3 = snn.flatten %x {start_dim = 1, end_dim = 1} : tensor<2x3x4xi1> -> tensor<2x3x4xi1>
  %4 = snn.flatten %f {start_dim = 0, end_dim = 1} : tensor<5x2xf32> -> tensor<10xf32>
  snn.output %0, %1, %2, %3, %4 : tensor<24xi1>, tensor<2x12xi1>, tensor<6x4xi1>, tensor<2x3x4xi1>, tensor<10xf32>
}
