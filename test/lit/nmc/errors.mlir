// RUN: not snc-opt %s --snn-partition 2>&1 | FileCheck %s --check-prefix=NO-TARGET
// RUN: not snc-opt %s --snn-partition=target=nonexistent 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not snc-opt %s --snn-partition=target=sfq-rsfq 2>&1 | FileCheck %s --check-prefix=NOT-MANYCORE
// RUN: not snc-opt %s --snn-place 2>&1 | FileCheck %s --check-prefix=STALE
// RUN: not snc-opt %s --snn-route 2>&1 | FileCheck %s --check-prefix=STALE-ROUTE

// The target comes from the option or from the network's snn.target (this
// one has none), and must be a many-core or FPGA target.
// NO-TARGET: errors.mlir:[[@LINE+3]]:1: error: snn-partition: no target given (target=<name or .json>) and the network records none (snn.target)
// UNKNOWN: error: snn-partition: unknown target 'nonexistent'; available: {{.*}}spinnaker2
// NOT-MANYCORE: error: snn-partition: target 'sfq-rsfq' is neither a many-core nor an FPGA target
snn.network @net(%x: tensor<4xi1>) -> (s: tensor<4xi1>) attributes {dt = 1.0e-03 : f64} {
  %0 = snn.discrete_lif %x {name = "lif", decay = dense<0> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 32 : i64, rounding = #snn<rounding nearest_even>, v_threshold = dense<1> : tensor<i64>, v_reset = dense<0> : tensor<i64>} : tensor<4xi1> -> tensor<4xi1>
  snn.output %0 : tensor<4xi1>
}

// snn-place and snn-route extract the network again and check that the
// slices still cut it: here "lif" grew to 4 neurons after partitioning.
// STALE: errors.mlir:[[@LINE+2]]:1: error: snn-place: the slices of population 'lif' of @net cover neurons [0, 3), but it has 4; the network changed since snn-partition
// STALE-ROUTE: error: snn-route: the slices of population 'lif' of @net cover neurons [0, 3), but it has 4; the network changed since snn-partition
nmc.mapping @net_mapping for @net target "spinnaker2" attributes {chips_x = 1 : i64, chips_y = 1 : i64, lower_bound = 2 : i64, memory_bytes_per_pe = 98304 : i64, neurons_per_pe = 250 : i64, pes_per_chip = 152 : i64, pes_per_qpe = 4 : i64, router_entries = 16384 : i64} {
  nmc.slice "x"[0] neurons [0, 4) bytes 416 pe 0
  nmc.slice "lif"[0] neurons [0, 3) bytes 360 pe 1
}
