// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --emit-bytecode -o %t.mlirbc
// RUN: snc-opt %t.mlirbc | FileCheck %s
// RUN: snc import %t.mlirbc -o %t.mlir
// RUN: FileCheck %s < %t.mlir

// snn.sparse_projection with its arrays in dense_resource blobs (how large
// networks store them): narrow integers for row_ptr, targets and delays,
// f32 or integer weights. The same synapses as @sparse's first projection
// in roundtrip-sparse-projection.mlir: row_ptr 0 2 2 3, targets 0 1 1,
// weights 0.5 -0.5 1.0, delays 0 1 3. Each blob is "0x" + its alignment
// (4 bytes, little-endian) + the elements' bytes; text -> text and
// text -> bytecode -> text keep every byte.

// CHECK-LABEL: snn.network @blob
// CHECK-NEXT:    %[[A:.+]] = snn.sparse_projection %s {delays = dense_resource<d8> : tensor<3xi8>, row_ptr = dense_resource<rp32> : tensor<4xi32>, targets = dense_resource<t32> : tensor<3xi32>, weights = dense_resource<wf32> : tensor<3xf32>} : tensor<3xi1> -> tensor<2xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.sparse_projection %s {delays = dense_resource<d16> : tensor<3xi16>, row_ptr = dense_resource<rp64> : tensor<4xi64>, targets = array<i64: 0, 1, 1>, weights = dense_resource<wi32> : tensor<3xi32>} : tensor<3xi1> -> tensor<2xi32>
// CHECK-NEXT:    snn.output %[[A]], %[[B]]
// CHECK:      dialect_resources: {
// CHECK-NEXT:   builtin: {
// CHECK-DAG:      d16: "0x02000000000001000300"
// CHECK-DAG:      d8: "0x01000000000103"
// CHECK-DAG:      rp32: "0x0400000000000000020000000200000003000000"
// CHECK-DAG:      rp64: "0x080000000000000000000000020000000000000002000000000000000300000000000000"
// CHECK-DAG:      t32: "0x04000000000000000100000001000000"
// CHECK-DAG:      wf32: "0x040000000000003F000000BF0000803F"
// CHECK-DAG:      wi32: "0x04000000030000000300000003000000"
snn.network @blob(%s: tensor<3xi1>) -> (a: tensor<2xf32>, b: tensor<2xi32>) {
  %0 = snn.sparse_projection %s {row_ptr = dense_resource<rp32> : tensor<4xi32>, targets = dense_resource<t32> : tensor<3xi32>, weights = dense_resource<wf32> : tensor<3xf32>, delays = dense_resource<d8> : tensor<3xi8>} : tensor<3xi1> -> tensor<2xf32>
  // Inline and blob arrays mix; i64 and i16 blobs too.
  %1 = snn.sparse_projection %s {row_ptr = dense_resource<rp64> : tensor<4xi64>, targets = array<i64: 0, 1, 1>, weights = dense_resource<wi32> : tensor<3xi32>, delays = dense_resource<d16> : tensor<3xi16>} : tensor<3xi1> -> tensor<2xi32>
  snn.output %0, %1 : tensor<2xf32>, tensor<2xi32>
}

{-#
  dialect_resources: {
    builtin: {
      rp32: "0x0400000000000000020000000200000003000000",
      t32: "0x04000000000000000100000001000000",
      wf32: "0x040000000000003F000000BF0000803F",
      d8: "0x01000000000103",
      rp64: "0x080000000000000000000000020000000000000002000000000000000300000000000000",
      wi32: "0x04000000030000000300000003000000",
      d16: "0x02000000000001000300"
    }
  }
#-}
