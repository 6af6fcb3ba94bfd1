// neuron_update_pnr: an iCE40-sized neuron_update (12-bit state, 8-bit
// multipliers, synapse, adaptation) between a shift-register LFSR that
// drives every input and a registered XOR of every output, so a small
// package (2 pins) can place and route the whole unit. For the synthesis
// flow's place-and-route test (test/fpga); not part of the backend.
`default_nettype none
`include "rtl/fixed_mul.v"
`include "rtl/saturate.v"
`include "rtl/neuron_update.v"

module neuron_update_pnr (
    input  wire clk,
    output reg  out
);
  localparam integer IN_BITS = 144;  // every input of the unit, below
  reg [IN_BITS-1:0] s = {{(IN_BITS - 1) {1'b0}}, 1'b1};
  always @(posedge clk) s <= {s[IN_BITS-2:0], s[IN_BITS-1] ^ s[IN_BITS-3]};

  wire valid, spike;
  wire [11:0] v, i, a;
  wire [3:0] r;
  neuron_update #(
      .STATE_BITS(12), .INPUT_BITS(12), .MULT_BITS(8), .FRAC_BITS(4),
      .PARAM_BITS(12), .REFRACT_BITS(4), .ROUNDING(0), .RESET_MODE(0),
      .SPIKING(1), .HAS_SYNAPSE(1), .PREVIOUS_CURRENT(0), .ADAPTIVE(1)
  ) unit (
      .clk(clk), .rst(1'b0), .in_valid(1'b1),
      .x(s[11:0]), .v_in(s[23:12]), .i_in(s[35:24]), .a_in(s[47:36]),
      .ref_in(s[51:48]), .decay(s[59:52]), .gain(s[67:60]),
      .syn_decay(s[75:68]), .syn_gain(s[83:76]), .adapt_decay(s[91:84]),
      .bias(s[103:92]), .threshold(s[115:104]), .adapt_gain(s[127:116]),
      .v_reset(s[139:128]), .refractory(s[143:140]),
      .out_valid(valid), .v_out(v), .i_out(i), .a_out(a), .ref_out(r),
      .spike(spike)
  );
  always @(posedge clk) out <= ^{valid, spike, v, i, a, r};
endmodule
