// RUN: snc-opt %s -pass-pipeline='builtin.module(sfq.circuit(sfq-insert-splitters))' | FileCheck %s
// RUN: snc-opt %s -pass-pipeline='builtin.module(sfq.circuit(sfq-insert-splitters{equalize-clock=false}))' | FileCheck %s --check-prefix=PLAIN

// A fan-out of 5 becomes 4 splitters, halves of 3 and 2: leaves 0 and 1
// are 3 splitters deep, 2, 3 and 4 two. The clock's fan-out of 3 becomes 2
// splitters, and its one leaf a splitter shallower gets a JTL.

// CHECK-LABEL: sfq.circuit @trees
// CHECK-NEXT:    %[[CLK:.+]] = sfq.dcsfq "clk" {clock}
// CHECK-NEXT:    %[[C0:.+]], %[[C1:.+]] = sfq.split %[[CLK]] {name = "split0"}
// CHECK-NEXT:    %[[C00:.+]], %[[C01:.+]] = sfq.split %[[C0]] {name = "split1"}
// CHECK-NEXT:    %[[CJ:.+]] = sfq.jtl %[[C1]] {name = "cjtl0"}
// CHECK-NEXT:    %[[X:.+]] = sfq.dcsfq "x_0"
// CHECK-NEXT:    %[[A:.+]], %[[B:.+]] = sfq.split %[[X]] {name = "split2"}
// CHECK-NEXT:    %[[A0:.+]], %[[A1:.+]] = sfq.split %[[A]] {name = "split3"}
// CHECK-NEXT:    %[[A00:.+]], %[[A01:.+]] = sfq.split %[[A0]] {name = "split4"}
// CHECK-NEXT:    %[[B0:.+]], %[[B1:.+]] = sfq.split %[[B]] {name = "split5"}
// CHECK-NEXT:    %[[N:.+]] = sfq.neuron(%[[A00]], %[[A01]], %[[A1]], %[[B0]], %[[B1]]) clock %[[C00]]
// CHECK-NEXT:    %[[D0:.+]] = sfq.dff %[[N]] clock %[[C01]]
// CHECK-NEXT:    %[[D1:.+]] = sfq.dff %[[D0]] clock %[[CJ]]
// CHECK-NOT:     sfq.fanout

// PLAIN-NOT:     sfq.jtl
// PLAIN:         sfq.dff %{{.+}} clock %q1 {name = "d1"}
sfq.circuit @trees target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %c:3 = sfq.fanout %clk
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %xf:5 = sfq.fanout %x
  %n = sfq.neuron (%xf#0, %xf#1, %xf#2, %xf#3, %xf#4) clock %c#0 {name = "n", weights = array<i64: 1, 1, 1, 1, 1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  %d0 = sfq.dff %n clock %c#1 {name = "d0"}
  %d1 = sfq.dff %d0 clock %c#2 {name = "d1"}
  sfq.sfqdc %d1 "out_0" {output = 0 : i64, element = 0 : i64}
}
