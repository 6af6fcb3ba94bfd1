// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// Every sfq cell in its custom syntax: a clock tree of a splitter and a
// fan-out, an input through a JTL and a splitter into a DFF and a neuron,
// every clocked gate, and two probes. Each pulse value has one use.

// CHECK-LABEL: sfq.circuit @all_cells target "sfq-rsfq" attributes {network = "net"} {
// CHECK-NEXT:    %[[CLK:.+]] = sfq.dcsfq "clk" {clock}
// CHECK-NEXT:    %[[C0:.+]], %[[C1:.+]] = sfq.split %[[CLK]] {name = "cs0"}
// CHECK-NEXT:    %[[F:.+]]:6 = sfq.fanout %[[C1]] {name = "cf"}
// CHECK-NEXT:    %[[X:.+]] = sfq.dcsfq "x_0" {element = 0 : i64, input = 0 : i64}
// CHECK-NEXT:    %[[Y:.+]] = sfq.dcsfq "x_1" {element = 1 : i64, input = 0 : i64}
// CHECK-NEXT:    %[[J:.+]] = sfq.jtl %[[X]] {name = "j0"}
// CHECK-NEXT:    %[[S0:.+]], %[[S1:.+]] = sfq.split %[[J]]
// CHECK-NEXT:    %[[D:.+]] = sfq.dff %[[S0]] clock %[[C0]] {name = "d0"}
// CHECK-NEXT:    %[[M:.+]] = sfq.merge %[[D]], %[[S1]]
// CHECK-NEXT:    %[[Y2:.+]]:4 = sfq.fanout %[[Y]]
// CHECK-NEXT:    %[[A:.+]] = sfq.and2 %[[Y2]]#0, %[[Y2]]#1 clock %[[F]]#0
// CHECK-NEXT:    %[[O:.+]] = sfq.or2 %[[A]], %[[Y2]]#2 clock %[[F]]#1
// CHECK-NEXT:    %[[N:.+]] = sfq.not %[[O]] clock %[[F]]#2
// CHECK-NEXT:    %[[R:.+]] = sfq.ndro %[[N]], %[[Y2]]#3 clock %[[F]]#3
// CHECK-NEXT:    %[[Z:.+]] = sfq.neuron(%[[M]], %[[R]]) clock %[[F]]#4 {delays = array<i64: 0, 1>, index = 3 : i64, name = "h_3", population = "h", reset = "subtract", state_bits = 8 : i64, threshold = 2 : i64, v_init = -1 : i64, v_reset = 0 : i64, weights = array<i64: 1, -1>}
// CHECK-NEXT:    %[[Q0:.+]], %[[Q1:.+]] = sfq.split %[[Z]]
// CHECK-NEXT:    %[[XR:.+]] = sfq.xor %[[Q0]], %[[Q1]] clock %[[F]]#5
// CHECK-NEXT:    sfq.sfqdc %[[XR]] "out_0" {element = 0 : i64, latency = 2 : i64, output = 0 : i64}
// CHECK-NEXT:  }
sfq.circuit @all_cells target "sfq-rsfq" attributes {network = "net"} {
  %clk = sfq.dcsfq "clk" {clock}
  %c:2 = sfq.split %clk {name = "cs0"}
  %f:6 = sfq.fanout %c#1 {name = "cf"}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %y = sfq.dcsfq "x_1" {input = 0 : i64, element = 1 : i64}
  %j = sfq.jtl %x {name = "j0"}
  %s:2 = sfq.split %j
  %d = sfq.dff %s#0 clock %c#0 {name = "d0"}
  %m = sfq.merge %d, %s#1
  %y2:4 = sfq.fanout %y
  %a = sfq.and2 %y2#0, %y2#1 clock %f#0
  %o = sfq.or2 %a, %y2#2 clock %f#1
  %n = sfq.not %o clock %f#2
  %r = sfq.ndro %n, %y2#3 clock %f#3
  %z = sfq.neuron (%m, %r) clock %f#4 {name = "h_3", population = "h", index = 3 : i64, weights = array<i64: 1, -1>, delays = array<i64: 0, 1>, state_bits = 8 : i64, threshold = 2 : i64, reset = "subtract", v_reset = 0 : i64, v_init = -1 : i64}
  %q:2 = sfq.split %z
  %xr = sfq.xor %q#0, %q#1 clock %f#5
  sfq.sfqdc %xr "out_0" {output = 0 : i64, element = 0 : i64, latency = 2 : i64}
}

// A neuron may feed itself: the body is a graph region.
// CHECK-LABEL: sfq.circuit @loop target "sfq-rsfq" {
// CHECK:         %[[N:.+]] = sfq.neuron(%[[X:.+]], %[[FB:.+]]#1) clock
// CHECK-NEXT:    %[[FB]]:2 = sfq.fanout %[[N]]
sfq.circuit @loop target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %n = sfq.neuron (%x, %fb#1) clock %clk {weights = array<i64: 1, 1>, delays = array<i64: 0, 1>, state_bits = 8 : i64, threshold = 1 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  %fb:2 = sfq.fanout %n
  sfq.sfqdc %fb#0 "out_0" {output = 0 : i64, element = 0 : i64}
}
