// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-lower-delays{target=spinnaker2}))' | FileCheck %s
// RUN: not snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-lower-delays{target=spinnaker2 max-delay=3}))' 2>&1 | FileCheck %s --check-prefix=BOTH
// RUN: not snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-lower-delays{target=nonexistent}))' 2>&1 | FileCheck %s --check-prefix=UNKNOWN

// The delay range comes from the target: SpiNNaker2's lif synapses hold
// 0..7 ticks, so a 10-step synapse splits into 7 + 3 through one relay.
// CHECK: %[[IN:.+]] = snn.sparse_projection %x {delays = array<i64: 7>, name = "proj.relay1.in"
// CHECK: %[[RELAY:.+]] = snn.discrete_lif %[[IN]] {{.*}}name = "proj.relay1"
// CHECK: snn.sparse_projection %[[RELAY]] {delays = array<i64: 3>, name = "proj"
// BOTH: error: snn-lower-delays takes either a target or min-delay/max-delay, not both
// UNKNOWN: error: snn-lower-delays: unknown target 'nonexistent'
snn.network @n(%x: tensor<1xi1>) -> (y: tensor<1xf32>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  %0 = snn.sparse_projection %x {name = "proj", row_ptr = array<i64: 0, 1>, targets = array<i64: 0>, weights = dense<[0.5]> : tensor<1xf32>, delays = array<i64: 10>} : tensor<1xi1> -> tensor<1xf32>
  snn.output %0 : tensor<1xf32>
}
