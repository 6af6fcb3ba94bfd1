// RUN: snc-opt %s --snn-partition="target=spinnaker2 network=b" | FileCheck %s
// RUN: snc-opt %s --snn-partition="target=spinnaker2 network=b" --snn-partition="target=spinnaker2 network=a" | FileCheck %s --check-prefix=BOTH
// RUN: not snc-opt %s --snn-partition=target=spinnaker2 2>&1 | FileCheck %s --check-prefix=SEVERAL
// RUN: not snc-opt %s --snn-partition="target=spinnaker2 network=c" 2>&1 | FileCheck %s --check-prefix=MISSING

// With several networks in the module, `network` names the one to map. Its
// mapping goes right after it, under a name no other symbol has: here
// `b_mapping` is taken, so the table picks another.

// CHECK: snn.network @b(
// CHECK: nmc.mapping @[[NAME:b_mapping_[0-9]+]] for @b target "spinnaker2"
// CHECK-NEXT: nmc.slice "y"[0] neurons [0, 2) bytes {{[0-9]+}} unplaced
// CHECK-NEXT: nmc.slice "lif_b"[0] neurons [0, 2) bytes {{[0-9]+}} unplaced
// CHECK-NEXT: }
// CHECK: snn.network @b_mapping(
// CHECK-NOT: nmc.mapping

// Each network gets its own mapping.
// BOTH: snn.network @a(
// BOTH-NEXT: snn.discrete_lif
// BOTH-NEXT: snn.output
// BOTH-NEXT: }
// BOTH-NEXT: nmc.mapping @a_mapping for @a
// BOTH: nmc.mapping @b_mapping_{{[0-9]+}} for @b

// SEVERAL: error: snn-partition: the module has several snn.network ops; name one with network=<symbol>
// MISSING: error: snn-partition: the module has no snn.network named 'c'

snn.network @a(%x: tensor<3xi1>) -> (s: tensor<3xi1>) attributes {dt = 1.0e-03 : f64} {
  %0 = snn.discrete_lif %x {name = "lif_a", decay = dense<0> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 32 : i64, rounding = #snn<rounding nearest_even>, v_threshold = dense<0> : tensor<i64>, v_reset = dense<0> : tensor<i64>} : tensor<3xi1> -> tensor<3xi1>
  snn.output %0 : tensor<3xi1>
}
snn.network @b(%y: tensor<2xi1>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-03 : f64} {
  %0 = snn.discrete_lif %y {name = "lif_b", decay = dense<0> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 32 : i64, rounding = #snn<rounding nearest_even>, v_threshold = dense<0> : tensor<i64>, v_reset = dense<0> : tensor<i64>} : tensor<2xi1> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}
snn.network @b_mapping(%z: tensor<1xi1>) -> (s: tensor<1xi1>) {
  snn.output %z : tensor<1xi1>
}
