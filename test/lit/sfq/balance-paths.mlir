// RUN: snc-opt %s -pass-pipeline='builtin.module(sfq.circuit(sfq-balance-paths))' -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=FULL
// RUN: snc-opt %s -pass-pipeline='builtin.module(sfq.circuit(sfq-balance-paths{scheme=retime}))' -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=RETIME

// x feeds a -> b -> v (v is stage 3), u -> v and v directly.
// Full (ASAP: a, u 1, b 2, v 3): x -> v needs 3 - 0 - 1 = 2 DFFs, u -> v
// 3 - 1 - 1 = 1: 3 DFFs, a chain per connection.
// Retimed: x's chain of 2 is shared; moving u to stage 2 puts its input on
// x's chain after the first DFF (free) and u -> v needs none: 2 DFFs.

// FULL: remark: sfq-balance-paths: 3 DFFs inserted (full); full path balancing needs 3, retimed with shared chains 2
// FULL-LABEL: sfq.circuit @skip target "sfq-rsfq" attributes {balance = "full", dffs = 3 : i64, dffs_full = 3 : i64, dffs_retimed = 2 : i64} {
// FULL-NEXT:    %[[CLK:.+]] = sfq.dcsfq "clk" {clock}
// FULL-NEXT:    %[[C:.+]]:7 = sfq.fanout %[[CLK]]
// FULL-NEXT:    %[[X:.+]] = sfq.dcsfq "x_0"
// FULL-NEXT:    %[[XF:.+]]:3 = sfq.fanout %[[X]]
// FULL-NEXT:    %[[D0:.+]] = sfq.dff %[[XF]]#2 clock %[[C]]#0 {name = "dff0"}
// FULL-NEXT:    %[[D1:.+]] = sfq.dff %[[D0]] clock %[[C]]#1 {name = "dff1"}
// FULL-NEXT:    %[[A:.+]] = sfq.neuron(%[[XF]]#0) clock %[[C]]#2 {name = "a"
// FULL-NEXT:    %[[B:.+]] = sfq.neuron(%[[A]]) clock %[[C]]#3 {name = "b"
// FULL-NEXT:    %[[U:.+]] = sfq.neuron(%[[XF]]#1) clock %[[C]]#4 {name = "u"
// FULL-NEXT:    %[[D2:.+]] = sfq.dff %[[U]] clock %[[C]]#5 {name = "dff2"}
// FULL-NEXT:    %[[V:.+]] = sfq.neuron(%[[B]], %[[D2]], %[[D1]]) clock %[[C]]#6 {name = "v"
// FULL-NEXT:    sfq.sfqdc %[[V]] "out_0" {element = 0 : i64, latency = 3 : i64, output = 0 : i64}

// RETIME: remark: sfq-balance-paths: 2 DFFs inserted (retime); full path balancing needs 3, retimed with shared chains 2
// RETIME-LABEL: sfq.circuit @skip target "sfq-rsfq" attributes {balance = "retime", dffs = 2 : i64, dffs_full = 3 : i64, dffs_retimed = 2 : i64} {
// RETIME-NEXT:    %[[CLK:.+]] = sfq.dcsfq "clk" {clock}
// RETIME-NEXT:    %[[C:.+]]:6 = sfq.fanout %[[CLK]]
// RETIME-NEXT:    %[[X:.+]] = sfq.dcsfq "x_0"
// RETIME-NEXT:    %[[X0:.+]]:2 = sfq.fanout %[[X]]
// RETIME-NEXT:    %[[D0:.+]] = sfq.dff %[[X0]]#1 clock %[[C]]#0 {name = "dff0"}
// RETIME-NEXT:    %[[X1:.+]]:2 = sfq.fanout %[[D0]]
// RETIME-NEXT:    %[[D1:.+]] = sfq.dff %[[X1]]#1 clock %[[C]]#1 {name = "dff1"}
// RETIME-NEXT:    %[[A:.+]] = sfq.neuron(%[[X0]]#0) clock %[[C]]#2 {name = "a"
// RETIME-NEXT:    %[[B:.+]] = sfq.neuron(%[[A]]) clock %[[C]]#3 {name = "b"
// RETIME-NEXT:    %[[U:.+]] = sfq.neuron(%[[X1]]#0) clock %[[C]]#4 {name = "u"
// RETIME-NEXT:    %[[V:.+]] = sfq.neuron(%[[B]], %[[U]], %[[D1]]) clock %[[C]]#5 {name = "v"
// RETIME-NEXT:    sfq.sfqdc %[[V]] "out_0" {element = 0 : i64, latency = 3 : i64, output = 0 : i64}
sfq.circuit @skip target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %c:4 = sfq.fanout %clk
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %xf:3 = sfq.fanout %x
  %a = sfq.neuron (%xf#0) clock %c#0 {name = "a", weights = array<i64: 1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  %b = sfq.neuron (%a) clock %c#1 {name = "b", weights = array<i64: 1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  %u = sfq.neuron (%xf#1) clock %c#2 {name = "u", weights = array<i64: 1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  %v = sfq.neuron (%b, %u, %xf#2) clock %c#3 {name = "v", weights = array<i64: 1, 1, 1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  sfq.sfqdc %v "out_0" {output = 0 : i64, element = 0 : i64}
}
