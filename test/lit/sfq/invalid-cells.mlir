// RUN: snc-opt %s -split-input-file -verify-diagnostics

// The neuron's parameters (NeuronOp::verify), pins and names.

sfq.circuit @weight_count target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %y = sfq.dcsfq "x_1" {input = 0 : i64, element = 1 : i64}
  // expected-error @+1 {{'sfq.neuron' op has 2 input ports but 1 weights; each port takes one weight}}
  %n = sfq.neuron (%x, %y) clock %clk {weights = array<i64: 1>, state_bits = 8 : i64, threshold = 1 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @zero_weight target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  // expected-error @+1 {{'sfq.neuron' op port 0 has weight 0; a synapse of weight 0 is no port}}
  %n = sfq.neuron (%x) clock %clk {weights = array<i64: 0>, state_bits = 8 : i64, threshold = 1 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @delay_count target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  // expected-error @+1 {{'sfq.neuron' op has 1 input ports but 2 delays}}
  %n = sfq.neuron (%x) clock %clk {weights = array<i64: 1>, delays = array<i64: 0, 1>, state_bits = 8 : i64, threshold = 1 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @reset_mode target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  // expected-error @+1 {{'sfq.neuron' op reset is "zero"; expected to_value, subtract or none}}
  %n = sfq.neuron (%x) clock %clk {weights = array<i64: 1>, state_bits = 8 : i64, threshold = 1 : i64, reset = "zero", v_reset = 0 : i64, v_init = 0 : i64}
  sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @threshold_width target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  // expected-error @+1 {{'sfq.neuron' op threshold 200 does not fit the 8-bit state}}
  %n = sfq.neuron (%x) clock %clk {weights = array<i64: 1>, state_bits = 8 : i64, threshold = 200 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @pin_without_role target "sfq-rsfq" {
  // expected-error @+1 {{'sfq.dcsfq' op needs either 'clock' or a network 'input' and 'element'}}
  %x = sfq.dcsfq "x_0"
  sfq.sfqdc %x "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @same_name target "sfq-rsfq" {
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  // expected-error @+1 {{'sfq.jtl' op has the instance name "x_0" of another cell; names are unique in a circuit}}
  %j = sfq.jtl %x {name = "x_0"}
  sfq.sfqdc %j "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @negative_delay target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  // expected-error @+1 {{'sfq.neuron' op port 0 has a negative delay (-1)}}
  %n = sfq.neuron (%x) clock %clk {weights = array<i64: 1>, delays = array<i64: -1>, state_bits = 8 : i64, threshold = 1 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @state_bits target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  // expected-error @+1 {{'sfq.neuron' op state_bits is 40; a neuron counter has 2 to 32 bits}}
  %n = sfq.neuron (%x) clock %clk {weights = array<i64: 1>, state_bits = 40 : i64, threshold = 1 : i64, reset = "to_value", v_reset = 0 : i64, v_init = 0 : i64}
  sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @v_reset_width target "sfq-rsfq" {
  %clk = sfq.dcsfq "clk" {clock}
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  // expected-error @+1 {{'sfq.neuron' op v_reset -129 does not fit the 8-bit state}}
  %n = sfq.neuron (%x) clock %clk {weights = array<i64: 1>, state_bits = 8 : i64, threshold = 1 : i64, reset = "to_value", v_reset = -129 : i64, v_init = 0 : i64}
  sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @clock_with_input target "sfq-rsfq" {
  // expected-error @+1 {{'sfq.dcsfq' op is the clock input; it takes no 'input' or 'element'}}
  %clk = sfq.dcsfq "clk" {clock, input = 0 : i64}
  sfq.sfqdc %clk "out_0" {output = 0 : i64, element = 0 : i64}
}

// -----

sfq.circuit @unnamed_pin target "sfq-rsfq" {
  // expected-error @+1 {{'sfq.dcsfq' op needs a pin name}}
  %x = sfq.dcsfq "" {input = 0 : i64, element = 0 : i64}
  sfq.sfqdc %x "out_0" {output = 0 : i64, element = 0 : i64}
}
