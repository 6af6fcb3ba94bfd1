// RUN: snc-opt %s -snn-to-sfq | FileCheck %s

// lif[1] has no input synapse and starts at 0, its threshold: v never
// changes, it never fires. It gets no cell and no probe; the circuit lists
// output 0 element 1 as silent. x_1 drives nothing and gets no pin.

// CHECK-LABEL: sfq.circuit @net_sfq target "sfq-rsfq" attributes {network = "net", silent_outputs = array<i64: 0, 1>} {
// CHECK-NEXT:    %[[CLK:.+]] = sfq.dcsfq "clk" {clock}
// CHECK-NEXT:    %[[X:.+]] = sfq.dcsfq "x_0"
// CHECK-NEXT:    %[[N:.+]] = sfq.neuron(%[[X]]) clock %[[CLK]] {index = 0 : i64, name = "lif_0"
// CHECK-NEXT:    sfq.sfqdc %[[N]] "s_0" {element = 0 : i64, output = 0 : i64}
// CHECK-NEXT:  }
snn.network @net(%x: tensor<2xi1>) -> (s: tensor<2xi1>) attributes {dt = 1.0 : f64, snn.target = "sfq-rsfq"} {
  %0 = snn.linear %x {name = "fc", weight = dense<[[1, 0], [0, 0]]> : tensor<2x2xi32>} : tensor<2xi1> -> tensor<2xi32>
  %1 = snn.discrete_lif %0 {name = "lif", bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<0> : tensor<i64>} : tensor<2xi32> -> tensor<2xi1>
  snn.output %1 : tensor<2xi1>
}
