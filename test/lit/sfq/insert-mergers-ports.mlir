// RUN: snc-opt %s -pass-pipeline='builtin.module(sfq.circuit(sfq-insert-mergers{max-ports=1}))' -verify-diagnostics

// One port cannot carry both weights.
sfq.circuit @ports target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x0 = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %x1 = sfq.dcsfq "x_1" {input = 0 : i64, element = 1 : i64}
  %x3 = sfq.dcsfq "x_3" {input = 0 : i64, element = 3 : i64}
  // expected-error @+1 {{sfq-insert-mergers: the neuron has 2 distinct port weights but max-ports is 1; each weight needs a port}}
  %n = sfq.neuron (%x0, %x1, %x3) clock %clk {name = "n", weights = array<i64: 1, 1, -1>, state_bits = 8 : i64, threshold = 0 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
}
