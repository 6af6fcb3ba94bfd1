// RUN: snc-opt %s -split-input-file -pass-pipeline='builtin.module(sfq.circuit(sfq-balance-paths))' -mlir-print-op-on-diagnostic=false -verify-diagnostics | FileCheck %s

// Port delays become DFFs: m (stage 1) reads n (stage 2) 3 steps late:
// 1 - 2 - 1 + 3 = 1 DFF; n reads m in the same step (2 - 1 - 1 = 0).
// The delays are realized, so the attribute goes.

// CHECK-LABEL: sfq.circuit @loop
// CHECK:         sfq.neuron(%{{.+}}, %[[D:.+]]) clock %{{.+}} {name = "m", reset
// CHECK:         %[[D]] = sfq.dff %{{.+}}#0 clock
// CHECK:         sfq.sfqdc %{{.+}} "out_0" {element = 0 : i64, latency = 2 : i64, output = 0 : i64}
// expected-remark @+1 {{sfq-balance-paths: 1 DFFs inserted (full); full path balancing needs 1, retimed with shared chains 1}}
sfq.circuit @loop target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %c:2 = sfq.fanout %clk
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %m = sfq.neuron (%x, %nf#0) clock %c#0 {name = "m", weights = array<i64: 1, 1>, delays = array<i64: 0, 3>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  %n = sfq.neuron (%m) clock %c#1 {name = "n", weights = array<i64: 1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  %nf:2 = sfq.fanout %n
  sfq.sfqdc %nf#1 "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

// A loop of two clocked neurons with one step of delay: each takes a
// cycle, so the second cannot answer within the step.
sfq.circuit @too_tight target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %c:2 = sfq.fanout %clk
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %m = sfq.neuron (%x, %nf#0) clock %c#0 {name = "m", weights = array<i64: 1, 1>, delays = array<i64: 0, 1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  // expected-error @+1 {{sfq-balance-paths: this cell is on a loop with fewer steps of delay than clocked cells; every clocked cell takes a cycle, so the loop cannot meet its step}}
  %n = sfq.neuron (%m) clock %c#1 {name = "n", weights = array<i64: 1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  %nf:2 = sfq.fanout %n
  sfq.sfqdc %nf#1 "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

// Balancing needs the ideal fan-outs, not splitter trees.
sfq.circuit @after_splitters target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %s:2 = sfq.split %x {name = "s0"}
  // expected-error @+1 {{sfq-balance-paths: operand #0 does not come from an input pin or a clocked cell through at most one sfq.fanout (balance paths before sfq-insert-splitters and sfq-insert-mergers)}}
  %m = sfq.neuron (%s#0) clock %clk {name = "m", weights = array<i64: 1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  sfq.sfqdc %m "out_0" {output = 0 : i64, element = 0 : i64}
  sfq.sfqdc %s#1 "out_1" {output = 0 : i64, element = 1 : i64}
}

// -----

// n is stage 2: the first clock finds no pulse for it, and starting at 1
// above its threshold 0 it would fire then, before step 0.
sfq.circuit @early target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %c:2 = sfq.fanout %clk
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %m = sfq.neuron (%x) clock %c#0 {name = "m", weights = array<i64: 1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 1 : i64}
  // expected-error @+1 {{sfq-balance-paths: the neuron starts above its threshold (1 > 0) but is clocked 1 times before step 0's pulses reach it (stage 2): it would fire before its first step}}
  %n = sfq.neuron (%m) clock %c#1 {name = "n", weights = array<i64: 1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 1 : i64}
  sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
}
