// RUN: snc-opt %s -pass-pipeline='builtin.module(sfq.circuit(sfq-insert-mergers{max-ports=2}))' | FileCheck %s

// Three +1 ports and one -1 port, at most 2 ports: the +1 ports share one
// through merge(merge(x_0, x_1), x_2). Input pins inject at half the clock
// period (331125 fs / 2 = 165562 fs), all at once, so x_0 and x_1 arrive
// 0 ps apart. The tree feeds a neuron port, whose window (8.2 ps) is wider
// than the merger's (2.3 ps): x_1 is staggered by ceil(8.2 / 5.7) = 2 JTLs
// (11.4 ps). The outer merger sees the inner one's pulses at 8.2 and
// 19.6 ps after x_2's: 8.2 ps apart already, no JTL.

// CHECK-LABEL: sfq.circuit @ports target "sfq-rsfq" attributes {input_offset_fs = 165562 : i64} {
// CHECK:         %[[X0:.+]] = sfq.dcsfq "x_0"
// CHECK-NEXT:    %[[X1:.+]] = sfq.dcsfq "x_1"
// CHECK-NEXT:    %[[X2:.+]] = sfq.dcsfq "x_2"
// CHECK-NEXT:    %[[X3:.+]] = sfq.dcsfq "x_3"
// CHECK-NEXT:    %[[J0:.+]] = sfq.jtl %[[X1]] {name = "sjtl0"}
// CHECK-NEXT:    %[[J1:.+]] = sfq.jtl %[[J0]] {name = "sjtl1"}
// CHECK-NEXT:    %[[M0:.+]] = sfq.merge %[[X0]], %[[J1]] {name = "merge0"}
// CHECK-NEXT:    %[[M1:.+]] = sfq.merge %[[M0]], %[[X2]] {name = "merge1"}
// CHECK-NEXT:    %[[N:.+]] = sfq.neuron(%[[X3]], %[[M1]]) clock %{{.+}} {name = "n", {{.*}} weights = array<i64: -1, 1>}
sfq.circuit @ports target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x0 = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %x1 = sfq.dcsfq "x_1" {input = 0 : i64, element = 1 : i64}
  %x2 = sfq.dcsfq "x_2" {input = 0 : i64, element = 2 : i64}
  %x3 = sfq.dcsfq "x_3" {input = 0 : i64, element = 3 : i64}
  %n = sfq.neuron (%x0, %x1, %x3, %x2) clock %clk {name = "n", weights = array<i64: 1, 1, -1, 1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
}
