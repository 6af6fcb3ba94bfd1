// RUN: snc-opt %s -pass-pipeline='builtin.module(sfq.circuit(sfq-insert-mergers{max-ports=2 hazards=error}))' -verify-diagnostics

// hazards=error: x_0 and x_1 reach the new merger at the same time (the error names the neuron whose ports it merges).
sfq.circuit @ports target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x0 = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %x1 = sfq.dcsfq "x_1" {input = 0 : i64, element = 1 : i64}
  %x3 = sfq.dcsfq "x_3" {input = 0 : i64, element = 3 : i64}
  // expected-error @+1 {{sfq-insert-mergers: merger hazard at merger 'merge0' (into neuron 'n'): pulses on its two inputs can come 0.000 ps apart; it needs 8.200 ps (hazards=stagger delays one input with JTLs)}}
  %n = sfq.neuron (%x0, %x1, %x3) clock %clk {name = "n", weights = array<i64: 1, 1, -1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
}
