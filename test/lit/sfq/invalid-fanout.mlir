// RUN: snc-opt %s -split-input-file -verify-diagnostics

// Fan-out 1: every pulse value has exactly one use (CircuitOp::verifyRegions).

sfq.circuit @two_uses target "sfq-rsfq" {
  // expected-error @+1 {{'sfq.dcsfq' op output #0 drives 2 inputs; an SFQ output drives exactly one input (fan out through splitters: sfq.fanout, then sfq-insert-splitters)}}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %m = sfq.merge %x, %x
  sfq.sfqdc %m "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @unused target "sfq-rsfq" {
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  // expected-error @+1 {{'sfq.split' op output #1 drives 0 inputs; an SFQ output drives exactly one input (end it in an sfq.sfqdc probe)}}
  %s:2 = sfq.split %x {name = "s0"}
  sfq.sfqdc %s#0 "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @one_way_fanout target "sfq-rsfq" {
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  // expected-error @+1 {{'sfq.fanout' op has 1 outputs; a fan-out has at least 2}}
  %f = sfq.fanout %x
  sfq.sfqdc %f "out_0" {output = 0 : i64, element = 0 : i64}
}
