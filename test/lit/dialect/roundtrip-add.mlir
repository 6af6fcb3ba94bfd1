// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// snn.add sums one or more tensors of one type.

// CHECK-LABEL: snn.network @add
// CHECK-NEXT:    %[[A:.+]] = snn.add %a : tensor<3xf32>
// CHECK-NEXT:    %[[B:.+]] = snn.add %a, %b {name = "sum"} : tensor<3xf32>
// CHECK-NEXT:    %[[C:.+]] = snn.add %a, %b, %a, %[[B]] : tensor<3xf32>
// CHECK-NEXT:    %[[D:.+]] = snn.add %i, %i : tensor<2x2xi8>
// CHECK-NEXT:    snn.output %[[A]], %[[C]], %[[D]]
snn.network @add(%a: tensor<3xf32>, %b: tensor<3xf32>, %i: tensor<2x2xi8>) -> (one: tensor<3xf32>, four: tensor<3xf32>, ints: tensor<2x2xi8>) {
  %0 = snn.add %a : tensor<3xf32>
  %1 = snn.add %a, %b {name = "sum"} : tensor<3xf32>
  %2 = snn.add %a, %b, %a, %1 : tensor<3xf32>
  %3 = snn.add %i, %i : tensor<2x2xi8>
  snn.output %0, %2, %3 : tensor<3xf32>, tensor<3xf32>, tensor<2x2xi8>
}
