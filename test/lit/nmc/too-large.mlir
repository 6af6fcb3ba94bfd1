// RUN: not snc-opt %s --snn-partition=target=%S/Inputs/tiny.json 2>&1 | FileCheck %s

// The tiny machine has 2 x 2 chips of 4 PEs running 4 neurons each: the 8
// inputs take 2 PEs and the 60 neurons of "wide" 15, one more than there
// are.
// CHECK: too-large.mlir:[[@LINE+1]]:1: error: snn-partition: network needs 17 PEs, the machine has 16 (2 x 2 chips x 4 PEs)
snn.network @big(%x: tensor<8xi1>) -> (spikes: tensor<60xi1>) attributes {dt = 1.0e-03 : f64} {
  %0 = snn.linear %x {name = "fc", weight = dense<1> : tensor<60x8xi32>} : tensor<8xi1> -> tensor<60xi32>
  %1 = snn.discrete_lif %0 {name = "wide", decay = dense<0> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 32 : i64, rounding = #snn<rounding nearest_even>, v_threshold = dense<1> : tensor<i64>, v_reset = dense<0> : tensor<i64>} : tensor<60xi32> -> tensor<60xi1>
  snn.output %1 : tensor<60xi1>
}
