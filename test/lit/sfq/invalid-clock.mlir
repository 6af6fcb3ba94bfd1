// RUN: snc-opt %s -split-input-file -verify-diagnostics

// Every clocked cell has a clock operand, and it comes from the clock input.

sfq.circuit @no_clock_operand target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  // expected-error @+1 {{'sfq.dff' op expected 2 operands, but found 1}}
  %d = "sfq.dff"(%x) : (!sfq.pulse) -> !sfq.pulse
  sfq.sfqdc %d "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @no_clock_input target "sfq-rsfq" {
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %y = sfq.dcsfq "x_1" {input = 0 : i64, element = 1 : i64}
  // expected-error @+1 {{'sfq.dff' op is clocked but the circuit has no clock input (an sfq.dcsfq with 'clock')}}
  %d = sfq.dff %x clock %y
  sfq.sfqdc %d "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @data_as_clock target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %y = sfq.dcsfq "x_1" {input = 0 : i64, element = 1 : i64}
  // expected-error @+1 {{'sfq.and2' op has a clock operand that does not come from the clock input "clk" (only splitters, fan-outs and JTLs may carry the clock)}}
  %a = sfq.and2 %x, %clk clock %y {name = "a0"}
  sfq.sfqdc %a "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @two_clocks target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  // expected-error @+1 {{'sfq.dcsfq' op is a second clock input (the first is "clk")}}
  %clk2 = sfq.dcsfq "clk2" {clock}
  %m = sfq.merge %clk, %clk2
  sfq.sfqdc %m "out_0" {output = 0 : i64, element = 0 : i64}
}
