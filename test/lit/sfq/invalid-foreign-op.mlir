// RUN: snc-opt %s -allow-unregistered-dialect -verify-diagnostics

// A circuit holds sfq cells only (CircuitOp::verifyRegions).

sfq.circuit @foreign target "sfq-rsfq" {
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  // expected-error @+1 {{'test.buffer' op is not an sfq cell; a circuit holds sfq cells only}}
  %y = "test.buffer"(%x) : (!sfq.pulse) -> !sfq.pulse
  sfq.sfqdc %y "out_0" {output = 0 : i64, element = 0 : i64}
}
