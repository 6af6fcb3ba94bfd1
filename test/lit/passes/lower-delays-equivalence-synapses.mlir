// RUN: snc-npy random -o %t.in.npy --shape 200,8 --density 0.3 --seed 11
// RUN: snc run %s --input %t.in.npy --output %t.ref.s.npy --output %t.ref.i.npy
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-lower-delays{max-delay=2}))' -o %t.lowered.mlir
// RUN: FileCheck %s < %t.lowered.mlir
// RUN: not grep -E 'delays = array<i64:[^>]*[3-9]' %t.lowered.mlir
// RUN: snc run %t.lowered.mlir --input %t.in.npy --output %t.low.s.npy --output %t.low.i.npy
// RUN: snc-npy compare %t.low.s.npy --npy %t.ref.s.npy | FileCheck %s --check-prefix=SAME
// RUN: snc-npy compare %t.low.i.npy --npy %t.ref.i.npy | FileCheck %s --check-prefix=SAME
// The network is not silent on this input, so the comparison means something.
// RUN: snc-npy spikes %t.ref.s.npy | FileCheck %s --check-prefix=ACTIVE

// snn-lower-delays{max-delay=2} on heterogeneous per-synapse delays 0..7, in
// a feed-forward projection and in a recurrent one (a cycle through the
// population, whose back-edge now lies on relay chains): the interpreter's
// spikes and summed current are bit-identical after the lowering (weights
// such as 0.1 and 0.3 make the f32 sums order-sensitive), and no
// synapse delay above 2 is left (the grep).

// CHECK: snn.discrete_lif {{.*}}name = "in.relay{{[0-9]+}}"
// CHECK: snn.sparse_projection {{.*}}name = "in",
// CHECK: snn.sparse_projection {{.*}}name = "rec",
// SAME: 0 of {{[0-9]+}} elements beyond atol 0
// ACTIVE: 0: {{[0-9]+ [0-9]+ [0-9]+}}
snn.network @hetero(%x: tensor<8xi1>) -> (s: tensor<4xi1>, i: tensor<4xf32>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  %p = snn.sparse_projection %x {name = "in", row_ptr = array<i64: 0, 3, 6, 10, 12, 14, 17, 20, 24>, targets = array<i64: 0, 2, 3, 0, 1, 3, 0, 1, 2, 3, 0, 1, 1, 2, 0, 2, 3, 0, 1, 2, 0, 1, 2, 3>, weights = dense<[1.0, 0.1, 0.5, -0.25, -0.25, 0.25, 0.25, -0.25, 0.5, 0.25, 0.5, 0.3, 0.5, 0.3, 0.3, 0.3, -0.25, 0.3, 0.1, 0.5, 0.1, 1.0, -0.25, 0.3]> : tensor<24xf32>, delays = array<i64: 3, 0, 1, 1, 3, 3, 2, 7, 2, 0, 4, 3, 6, 0, 1, 4, 0, 7, 5, 7, 5, 0, 6, 6>} : tensor<8xi1> -> tensor<4xf32>
  %sum = snn.add %p, %r {name = "sum"} : tensor<4xf32>
  %s = snn.discrete_lif %sum {name = "n", decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<0.6> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<4xf32> -> tensor<4xi1>
  %r = snn.sparse_projection %s {name = "rec", row_ptr = array<i64: 0, 1, 3, 4, 6>, targets = array<i64: 2, 2, 3, 1, 0, 1>, weights = dense<[0.25, 0.25, -0.5, 0.7, 0.25, 0.7]> : tensor<6xf32>, delays = array<i64: 2, 7, 4, 5, 3, 5>} : tensor<4xi1> -> tensor<4xf32>
  snn.output %s, %sum : tensor<4xi1>, tensor<4xf32>
}
