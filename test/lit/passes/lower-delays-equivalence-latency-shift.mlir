// A raised delay shifts the outputs by the recorded snn.latency_shift and
// changes nothing else: the lowered network's output at step t + 2 equals the
// original's at step t, for every step, exactly; unshifted they differ.

// RUN: snc-npy random -o %t.in.npy --shape 60,2 --density 0.4 --seed 11
// RUN: snc run %s --input %t.in.npy --output %t.before.npy
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-lower-delays{min-delay=2 max-delay=4}))' -o %t.lowered.mlir
// RUN: FileCheck %s --input-file=%t.lowered.mlir
// CHECK: snn.latency_shift = 2 : i64
// RUN: snc run %t.lowered.mlir --input %t.in.npy --output %t.after.npy
// RUN: snc-npy compare %t.after.npy --npy %t.before.npy --shift 2 | FileCheck %s --check-prefix=SHIFTED
// SHIFTED: 0 of 116 elements beyond atol 0
// RUN: not snc-npy compare %t.after.npy --npy %t.before.npy
// RUN: snc-npy spikes %t.before.npy | FileCheck %s --check-prefix=ACTIVE
// ACTIVE: 0: {{[0-9]+ [0-9]+ [0-9]+}}

snn.network @ff(%x: tensor<2xi1>) -> (s: tensor<2xf32>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  %p = snn.sparse_projection %x {name = "p", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>} : tensor<2xi1> -> tensor<2xf32>
  %s = snn.discrete_lif %p {decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<0.6> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  %q = snn.sparse_projection %s {name = "q", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 1>, weights = dense<1.0> : tensor<f32>, delays = array<i64: 3, 4>} : tensor<2xi1> -> tensor<2xf32>
  snn.output %q : tensor<2xf32>
}
