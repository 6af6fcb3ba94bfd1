// RUN: not snc-opt %s --snn-partition=target=%S/Inputs/tiny.json 2>&1 | FileCheck %s

// A neuron's synaptic rows cannot be split across PEs: one neuron fed by
// 400 inputs needs 400 rows of one synapse (400 x (8 + 8) bytes) plus its
// state, more than the tiny target's 4096 bytes per PE.
// CHECK: fan-in.mlir:[[@LINE+1]]:1: error: snn-partition: population 'sum' neuron 0 needs 6504 bytes of synaptic rows and state, a PE has 4096
snn.network @fanin(%x: tensor<400xi1>) -> (spikes: tensor<1xi1>) attributes {dt = 1.0e-03 : f64} {
  %0 = snn.linear %x {name = "fc", weight = dense<1> : tensor<1x400xi32>} : tensor<400xi1> -> tensor<1xi32>
  %1 = snn.discrete_lif %0 {name = "sum", decay = dense<0> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 32 : i64, rounding = #snn<rounding nearest_even>, v_threshold = dense<1> : tensor<i64>, v_reset = dense<0> : tensor<i64>} : tensor<1xi32> -> tensor<1xi1>
  snn.output %1 : tensor<1xi1>
}
