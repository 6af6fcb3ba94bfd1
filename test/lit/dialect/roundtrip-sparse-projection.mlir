// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// snn.sparse_projection: CSR by source (row_ptr has sources + 1 entries),
// one target, weight and optional delay (steps) per synapse.

// CHECK-LABEL: snn.network @sparse
// CHECK-NEXT:    %[[A:.+]] = snn.sparse_projection %s {delays = array<i64: 0, 1, 3>, row_ptr = array<i64: 0, 2, 2, 3>, targets = array<i64: 0, 1, 1>, weights = dense<[5.000000e-01, -5.000000e-01, 1.000000e+00]> : tensor<3xf32>} : tensor<3xi1> -> tensor<2xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.sparse_projection %s {name = "syn", row_ptr = array<i64: 0, 1, 2, 3>, targets = array<i64: 4, 0, 4>, weights = dense<2.000000e+00> : tensor<f64>} : tensor<3xi1> -> tensor<5xf64>
// CHECK-NEXT:    %[[C:.+]] = snn.sparse_projection %s {row_ptr = array<i64: 0, 0, 0, 0>, targets = array<i64>, weights = dense<1.000000e+00> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
// CHECK-NEXT:    %[[D:.+]] = snn.sparse_projection %s {row_ptr = array<i64: 0, 0, 0, 0>, targets = array<i64>, weights = dense<> : tensor<0xf32>} : tensor<3xi1> -> tensor<2xf32>
// CHECK-NEXT:    %[[E:.+]] = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 1, 2>, targets = array<i64: 0, 0>, weights = dense<[3, -2]> : tensor<2xi8>} : tensor<3xi1> -> tensor<1xi32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]], %[[C]], %[[D]], %[[E]]
snn.network @sparse(%s: tensor<3xi1>) -> (a: tensor<2xf32>, b: tensor<5xf64>, c: tensor<2xf32>, d: tensor<2xf32>, e: tensor<1xi32>) {
  %0 = snn.sparse_projection %s {row_ptr = array<i64: 0, 2, 2, 3>, targets = array<i64: 0, 1, 1>, weights = dense<[0.5, -0.5, 1.0]> : tensor<3xf32>, delays = array<i64: 0, 1, 3>} : tensor<3xi1> -> tensor<2xf32>
  // One weight for every synapse.
  %1 = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 2, 3>, targets = array<i64: 4, 0, 4>, weights = dense<2.0> : tensor<f64>, name = "syn"} : tensor<3xi1> -> tensor<5xf64>
  // No synapses at all.
  %2 = snn.sparse_projection %s {row_ptr = array<i64: 0, 0, 0, 0>, targets = array<i64>, weights = dense<1.0> : tensor<f32>} : tensor<3xi1> -> tensor<2xf32>
  %3 = snn.sparse_projection %s {row_ptr = array<i64: 0, 0, 0, 0>, targets = array<i64>, weights = dense<> : tensor<0xf32>} : tensor<3xi1> -> tensor<2xf32>
  %4 = snn.sparse_projection %s {row_ptr = array<i64: 0, 1, 1, 2>, targets = array<i64: 0, 0>, weights = dense<[3, -2]> : tensor<2xi8>} : tensor<3xi1> -> tensor<1xi32>
  snn.output %0, %1, %2, %3, %4 : tensor<2xf32>, tensor<5xf64>, tensor<2xf32>, tensor<2xf32>, tensor<1xi32>
}
