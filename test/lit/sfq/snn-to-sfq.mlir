// RUN: snc-opt %s -snn-to-sfq=max-multiplicity=2 | FileCheck %s

// A quantized network (integer IF neurons: decay and gain 1 in 12 fraction
// bits) becomes one neuron per snn neuron, one pin per input element, one
// probe per output element and the clock, with ideal fan-outs.
//
// in:  h_0 = x_0 + x_1 (threshold 0), h_1 = 2 x_0 - x_1 + h_1 one step late
//      (recurrent, threshold 1), h_2 = x_2 (threshold 0)
// out: o_0 = h_0 - h_1 (subtract reset, v_init 1)
// h_2 drives nothing and x_2 drives only h_2: neither becomes a cell.
// x_0 drives h_0 once and h_1 twice (weight 2 as two +1 ports): a fan-out
// of 3; h_1 drives itself (delay 1) and o_0.

// CHECK-LABEL: sfq.circuit @net_sfq target "sfq-rsfq" attributes {network = "net"} {
// CHECK-NEXT:    %[[CLK:.+]] = sfq.dcsfq "clk" {clock}
// CHECK-NEXT:    %[[C:.+]]:3 = sfq.fanout %[[CLK]]
// CHECK-NEXT:    %[[X0:.+]] = sfq.dcsfq "x_0" {element = 0 : i64, input = 0 : i64}
// CHECK-NEXT:    %[[F0:.+]]:3 = sfq.fanout %[[X0]]
// CHECK-NEXT:    %[[X1:.+]] = sfq.dcsfq "x_1" {element = 1 : i64, input = 0 : i64}
// CHECK-NEXT:    %[[F1:.+]]:2 = sfq.fanout %[[X1]]
// CHECK-NEXT:    %[[H0:.+]] = sfq.neuron(%[[F0]]#0, %[[F1]]#0) clock %[[C]]#0 {index = 0 : i64, name = "h_0", population = "h", reset = "to_value", state_bits = 8 : i64, threshold = 0 : i64, v_init = 0 : i64, v_reset = 0 : i64, weights = array<i64: 1, 1>}
// CHECK-NEXT:    %[[H1:.+]] = sfq.neuron(%[[F0]]#1, %[[F0]]#2, %[[F1]]#1, %[[FH1:.+]]#0) clock %[[C]]#1 {delays = array<i64: 0, 0, 0, 1>, index = 1 : i64, name = "h_1", population = "h", reset = "to_value", state_bits = 8 : i64, threshold = 1 : i64, v_init = 0 : i64, v_reset = 0 : i64, weights = array<i64: 1, 1, -1, 1>}
// CHECK-NEXT:    %[[FH1]]:2 = sfq.fanout %[[H1]]
// CHECK-NEXT:    %[[O:.+]] = sfq.neuron(%[[H0]], %[[FH1]]#1) clock %[[C]]#2 {index = 0 : i64, name = "o_0", population = "o", reset = "subtract", state_bits = 8 : i64, threshold = 0 : i64, v_init = 1 : i64, v_reset = 0 : i64, weights = array<i64: 1, -1>}
// CHECK-NEXT:    sfq.sfqdc %[[O]] "spikes_0" {element = 0 : i64, output = 0 : i64}
// CHECK-NEXT:  }
snn.network @net(%x: tensor<3xi1>) -> (spikes: tensor<1xi1>) attributes {dt = 1.0 : f64, snn.target = "sfq-rsfq"} {
  %0 = snn.linear %x {name = "fc1", weight = dense<[[1, 1, 0], [2, -1, 0], [0, 0, 1]]> : tensor<3x3xi32>} : tensor<3xi1> -> tensor<3xi32>
  %1 = snn.linear %h {name = "rec", weight = dense<[[0, 0, 0], [0, 1, 0], [0, 0, 0]]> : tensor<3x3xi32>} : tensor<3xi1> -> tensor<3xi32>
  %2 = snn.add %0, %1 : tensor<3xi32>
  %h = snn.discrete_lif %2 {bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, name = "h", state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<[0, 1, 0]> : tensor<3xi64>} : tensor<3xi32> -> tensor<3xi1>
  %3 = snn.linear %h {name = "fc2", weight = dense<[[1, -1, 0]]> : tensor<1x3xi32>} : tensor<3xi1> -> tensor<1xi32>
  %4 = snn.discrete_lif %3 {bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, name = "o", reset = #snn<reset subtract>, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<0> : tensor<i64>, v_init = dense<1> : tensor<1xi64>} : tensor<1xi32> -> tensor<1xi1>
  snn.output %4 : tensor<1xi1>
}
