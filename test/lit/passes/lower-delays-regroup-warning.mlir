// RUN: snc-opt %s -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-lower-delays{min-delay=1 max-delay=2}))' | FileCheck %s

// With min-delay > 0 the order-preserving split (whose short synapses take a
// 0-step hop into the final relay population) is not available: a target
// fed by both a short and a long synapse gets their sum from separate
// projections through snn.add, and the pass warns that this is exact only
// when the sums are.
snn.network @n(%x: tensor<2xi1>) -> (y: tensor<1xf32>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  // expected-warning @+1 {{'p': some targets receive synapses split into different numbers of hops; with min-delay > 0 their inputs are summed per hop count}}
  %0 = snn.sparse_projection %x {name = "p", row_ptr = array<i64: 0, 1, 2>, targets = array<i64: 0, 0>, weights = dense<[0.1, 0.3]> : tensor<2xf32>, delays = array<i64: 1, 3>} : tensor<2xi1> -> tensor<1xf32>
  snn.output %0 : tensor<1xf32>
}
// CHECK: snn.sparse_projection %x {delays = array<i64: 1>, name = "p.direct"
// CHECK: name = "p.relay1.in"
// CHECK: name = "p.relay1"
// CHECK: snn.sparse_projection {{.*}}delays = array<i64: 1>, name = "p.relay1.out"
// CHECK: snn.add {{.*}} {name = "p"} : tensor<1xf32>
