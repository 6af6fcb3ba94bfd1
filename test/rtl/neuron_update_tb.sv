// The simulation-only wrapper of neuron_update_test.cpp: N instances of
// neuron_update, one per configuration, each with 64-bit slots of its own
// inputs and outputs. The cfg output describes every instance, so the C++
// side reads the configurations from here instead of repeating them.
//
// Instances 0..47: width sets 0..3 x ROUNDING 0..3 x RESET_MODE 0..2, with
// the feature combination (below) cycling so that each width set meets all
// nine. Instances 48..56: width set 4 (FRAC_BITS 0), one per combination.
// Combinations 0..5 spike: synapse none / new i / previous i, times
// ADAPTIVE 0 / 1. Combinations 6..8 are discrete_li with the three synapse
// choices.
module neuron_update_tb #(
    parameter integer N = 57
) (
    input wire clk,
    input wire rst,
    input wire in_valid,
    input wire [N*64-1:0] x,
    input wire [N*64-1:0] v_in,
    input wire [N*64-1:0] i_in,
    input wire [N*64-1:0] a_in,
    input wire [N*64-1:0] ref_in,
    input wire [N*64-1:0] decay,
    input wire [N*64-1:0] gain,
    input wire [N*64-1:0] syn_decay,
    input wire [N*64-1:0] syn_gain,
    input wire [N*64-1:0] adapt_decay,
    input wire [N*64-1:0] bias,
    input wire [N*64-1:0] threshold,
    input wire [N*64-1:0] adapt_gain,
    input wire [N*64-1:0] v_reset,
    input wire [N*64-1:0] refractory,
    output wire [7:0] configs,
    output wire [N*64-1:0] cfg,
    output wire [N*64-1:0] v_out,
    output wire [N*64-1:0] i_out,
    output wire [N*64-1:0] a_out,
    output wire [N*64-1:0] ref_out,
    output wire [N*64-1:0] flags
);
  function automatic integer width_set(input integer c);
    width_set = c < 48 ? c / 12 : 4;
  endfunction
  function automatic integer rounding_of(input integer c);
    rounding_of = c < 48 ? (c % 12) / 3 : (c - 48) % 4;
  endfunction
  function automatic integer reset_of(input integer c);
    reset_of = c < 48 ? c % 3 : (c - 48) % 3;
  endfunction
  function automatic integer combination(input integer c);
    combination = c < 48 ? (c % 12 + c / 12) % 9 : c - 48;
  endfunction

  // Width sets: iCE40-like, Artix-7-like (17-bit threshold), 32-bit,
  // odd widths with FRAC_BITS 1, and exact products (FRAC_BITS 0).
  // Columns: state, input, mult, frac, param, refract.
  function automatic integer widths(input integer ws, input bit [2:0] column);
    integer table_row[0:5];
    case (ws)
      0: table_row = '{12, 12, 8, 4, 12, 4};
      1: table_row = '{24, 24, 20, 12, 17, 8};
      2: table_row = '{32, 32, 32, 16, 32, 16};
      3: table_row = '{16, 20, 6, 1, 20, 3};
      default: table_row = '{8, 8, 8, 0, 8, 2};
    endcase
    widths = table_row[column];
  endfunction

  assign configs = 8'(N);

  genvar c;
  generate
    for (c = 0; c < N; c = c + 1) begin : g_cfg
      localparam integer WS = width_set(c);
      localparam integer W = widths(WS, 0);
      localparam integer XB = widths(WS, 1);
      localparam integer MB = widths(WS, 2);
      localparam integer FB = widths(WS, 3);
      localparam integer PB = widths(WS, 4);
      localparam integer RB = widths(WS, 5);
      localparam integer RND = rounding_of(c);
      localparam integer RST = reset_of(c);
      localparam integer COMBO = combination(c);
      localparam integer SPIKING = COMBO < 6 ? 1 : 0;
      localparam integer SYN = COMBO < 6 ? COMBO % 3 : COMBO - 6;
      localparam integer ADAPTIVE = (COMBO >= 3 && COMBO < 6) ? 1 : 0;
      localparam integer B = c * 64;

      wire signed [W-1:0] v_o, i_o, a_o;
      wire [RB-1:0] ref_o;
      wire spike_o, valid_o;

      neuron_update #(
          .STATE_BITS(W),
          .INPUT_BITS(XB),
          .MULT_BITS(MB),
          .FRAC_BITS(FB),
          .PARAM_BITS(PB),
          .REFRACT_BITS(RB),
          .ROUNDING(RND),
          .RESET_MODE(RST),
          .SPIKING(SPIKING),
          .HAS_SYNAPSE(SYN != 0 ? 1 : 0),
          .PREVIOUS_CURRENT(SYN == 2 ? 1 : 0),
          .ADAPTIVE(ADAPTIVE)
      ) u (
          .clk(clk),
          .rst(rst),
          .in_valid(in_valid),
          .x(x[B+:XB]),
          .v_in(v_in[B+:W]),
          .i_in(i_in[B+:W]),
          .a_in(a_in[B+:W]),
          .ref_in(ref_in[B+:RB]),
          .decay(decay[B+:MB]),
          .gain(gain[B+:MB]),
          .syn_decay(syn_decay[B+:MB]),
          .syn_gain(syn_gain[B+:MB]),
          .adapt_decay(adapt_decay[B+:MB]),
          .bias(bias[B+:PB]),
          .threshold(threshold[B+:PB]),
          .adapt_gain(adapt_gain[B+:PB]),
          .v_reset(v_reset[B+:W]),
          .refractory(refractory[B+:RB]),
          .out_valid(valid_o),
          .v_out(v_o),
          .i_out(i_o),
          .a_out(a_o),
          .ref_out(ref_o),
          .spike(spike_o)
      );

      // The C++ side writes only the low bits of each slot.
      wire unused_high = &{1'b0, x[B+XB+:64-XB], v_in[B+W+:64-W],
                           i_in[B+W+:64-W], a_in[B+W+:64-W],
                           ref_in[B+RB+:64-RB], decay[B+MB+:64-MB],
                           gain[B+MB+:64-MB], syn_decay[B+MB+:64-MB],
                           syn_gain[B+MB+:64-MB], adapt_decay[B+MB+:64-MB],
                           bias[B+PB+:64-PB], threshold[B+PB+:64-PB],
                           adapt_gain[B+PB+:64-PB], v_reset[B+W+:64-W],
                           refractory[B+RB+:64-RB]};

      assign cfg[B+:64] = {8'd0, 1'(ADAPTIVE), 2'(SYN), 1'(SPIKING), 2'(RST),
                           2'(RND), 8'(RB), 8'(PB), 8'(FB), 8'(MB), 8'(XB),
                           8'(W)};
      assign v_out[B+:64] = {{(64 - W) {v_o[W-1]}}, v_o};
      assign i_out[B+:64] = {{(64 - W) {i_o[W-1]}}, i_o};
      assign a_out[B+:64] = {{(64 - W) {a_o[W-1]}}, a_o};
      assign ref_out[B+:64] = {{(64 - RB) {1'b0}}, ref_o};
      assign flags[B+:64] = {62'd0, valid_o, spike_o};
    end
  endgenerate
endmodule
