// neuron_update: one step of an integer neuron, bit for bit the
// stepIntegerNeuron of runtime/neuron/IntegerNeuron.h (docs/semantics.md,
// "Integer populations"):
//
//   1. i = sat(R(syn_decay, i) + R(syn_gain, x))        (HAS_SYNAPSE)
//      drive = the new i (PREVIOUS_CURRENT: the old i), else drive = x
//   2. refractory (SPIKING): while ref > 0, ref -= 1, v = v_reset, no spike
//   3. v = sat(R(decay, v) + R(gain, drive) + bias), exact before sat
//   4. spike iff v > threshold + a (a: ADAPTIVE only); reset to v_reset
//      (RESET_MODE 0), v = sat(v - (threshold + a)) (1) or none (2);
//      ref = refractory on a spike
//   5. a = sat(R(adapt_decay, a) + adapt_gain * spike)   (ADAPTIVE)
//
// R is fixed_mul (FRAC_BITS fraction bits, ROUNDING), sat saturates to
// STATE_BITS. A Xylo shift decay v -= v >>> s is decay = 2^s - 1,
// FRAC_BITS = s, ROUNDING = 1 (ceil).
//
// Timing: a combinational core with registered outputs. One update per
// cycle; outputs (and out_valid) appear one clock after the inputs
// (latency 1). rst clears out_valid only.
//
// Parameters mirror IntegerNeuronFormat: ROUNDING as NeuronModes.h
// (0 floor, 1 ceil, 2 toward_zero, 3 nearest_even), RESET_MODE as
// NeuronModes.h (0 to_value, 1 subtract, 2 none), SPIKING 0 is a
// discrete_li (no threshold, refractory or reset). Widths: v, i, a and
// v_reset have STATE_BITS; x has INPUT_BITS; the multipliers decay, gain,
// syn_decay, syn_gain, adapt_decay have MULT_BITS; bias, threshold and
// adapt_gain have PARAM_BITS; the refractory counter and period are unsigned
// REFRACT_BITS (a population constant in snc: tie `refractory` off).
// Requires FRAC_BITS <= MULT_BITS + min(STATE_BITS, INPUT_BITS) - 2.
`ifndef SNC_RTL_NEURON_UPDATE_V
`define SNC_RTL_NEURON_UPDATE_V
`default_nettype none

// Each primitive is a top module of its own when rtl/*.v is linted
// together; that is a library, not a design with duplicate tops.
/* verilator lint_off MULTITOP */
module neuron_update #(
    parameter integer STATE_BITS       = 16,
    parameter integer INPUT_BITS       = 16,
    parameter integer MULT_BITS        = 16,
    parameter integer FRAC_BITS        = 0,
    parameter integer PARAM_BITS       = 16,
    parameter integer REFRACT_BITS     = 4,
    parameter integer ROUNDING         = 0,
    parameter integer RESET_MODE       = 0,
    parameter integer SPIKING          = 1,
    parameter integer HAS_SYNAPSE      = 0,
    parameter integer PREVIOUS_CURRENT = 0,
    parameter integer ADAPTIVE         = 0
) (
    input wire clk,
    input wire rst,
    input wire in_valid,

    // Drive and state before the step.
    input wire signed [  INPUT_BITS-1:0] x,
    input wire signed [  STATE_BITS-1:0] v_in,
    input wire signed [  STATE_BITS-1:0] i_in,
    input wire signed [  STATE_BITS-1:0] a_in,
    input wire        [REFRACT_BITS-1:0] ref_in,

    // Per-neuron parameters.
    input wire signed [   MULT_BITS-1:0] decay,
    input wire signed [   MULT_BITS-1:0] gain,
    input wire signed [   MULT_BITS-1:0] syn_decay,
    input wire signed [   MULT_BITS-1:0] syn_gain,
    input wire signed [   MULT_BITS-1:0] adapt_decay,
    input wire signed [  PARAM_BITS-1:0] bias,
    input wire signed [  PARAM_BITS-1:0] threshold,
    input wire signed [  PARAM_BITS-1:0] adapt_gain,
    input wire signed [  STATE_BITS-1:0] v_reset,
    input wire        [REFRACT_BITS-1:0] refractory,

    // State after the step, one clock later.
    output reg                           out_valid,
    output reg signed [  STATE_BITS-1:0] v_out,
    output reg signed [  STATE_BITS-1:0] i_out,
    output reg signed [  STATE_BITS-1:0] a_out,
    output reg        [REFRACT_BITS-1:0] ref_out,
    output reg                           spike
);
  localparam integer W = STATE_BITS;
  localparam integer MAXW = (INPUT_BITS > W) ? INPUT_BITS : W;
  localparam integer MAXP = (PARAM_BITS > W) ? PARAM_BITS : W;
  // Every rounded product has at most MULT_BITS + MAXW - FRAC_BITS bits;
  // two more hold a sum of three terms exactly.
  localparam integer TERM_MAX = (MULT_BITS + MAXW - FRAC_BITS > MAXP)
                              ? MULT_BITS + MAXW - FRAC_BITS : MAXP;
  localparam integer SUM_BITS = TERM_MAX + 2;
  localparam integer SW_W = MULT_BITS + W - FRAC_BITS;  // R(m, state)
  localparam integer SW_X = MULT_BITS + INPUT_BITS - FRAC_BITS;  // R(m, x)
  localparam integer TH_BITS = MAXP + 1;  // threshold + a, exact

  // Optional inputs a configuration ignores (optimised away).
  wire unused_inputs = &{1'b0, syn_decay, syn_gain, adapt_decay, adapt_gain,
                         threshold, v_reset, refractory, i_in, a_in, ref_in};

  // 1. Synaptic current and drive; 3. the membrane sum.
  wire signed [W-1:0] i_next;
  wire signed [SW_W-1:0] r_decay;
  wire signed [SUM_BITS-1:0] r_gain;  // R(gain, drive), extended

  fixed_mul #(MULT_BITS, W, FRAC_BITS, ROUNDING) u_decay (
      .a(decay),
      .b(v_in),
      .y(r_decay)
  );

  generate
    if (HAS_SYNAPSE != 0) begin : g_syn
      wire signed [SW_W-1:0] r_syn_decay;
      wire signed [SW_X-1:0] r_syn_gain;
      fixed_mul #(MULT_BITS, W, FRAC_BITS, ROUNDING) u_syn_decay (
          .a(syn_decay),
          .b(i_in),
          .y(r_syn_decay)
      );
      fixed_mul #(MULT_BITS, INPUT_BITS, FRAC_BITS, ROUNDING) u_syn_gain (
          .a(syn_gain),
          .b(x),
          .y(r_syn_gain)
      );
      wire signed [SUM_BITS-1:0] i_sum =
          {{(SUM_BITS - SW_W) {r_syn_decay[SW_W-1]}}, r_syn_decay}
          + {{(SUM_BITS - SW_X) {r_syn_gain[SW_X-1]}}, r_syn_gain};
      saturate #(SUM_BITS, W) u_sat_i (
          .x(i_sum),
          .y(i_next)
      );
      wire signed [W-1:0] drive = (PREVIOUS_CURRENT != 0) ? i_in : i_next;
      wire signed [SW_W-1:0] r_drive;
      fixed_mul #(MULT_BITS, W, FRAC_BITS, ROUNDING) u_gain (
          .a(gain),
          .b(drive),
          .y(r_drive)
      );
      assign r_gain = {{(SUM_BITS - SW_W) {r_drive[SW_W-1]}}, r_drive};
    end else begin : g_no_syn
      wire signed [SW_X-1:0] r_drive;
      fixed_mul #(MULT_BITS, INPUT_BITS, FRAC_BITS, ROUNDING) u_gain (
          .a(gain),
          .b(x),
          .y(r_drive)
      );
      assign r_gain = {{(SUM_BITS - SW_X) {r_drive[SW_X-1]}}, r_drive};
      assign i_next = i_in;
    end
  endgenerate

  wire signed [SUM_BITS-1:0] v_sum =
      {{(SUM_BITS - SW_W) {r_decay[SW_W-1]}}, r_decay} + r_gain
      + {{(SUM_BITS - PARAM_BITS) {bias[PARAM_BITS-1]}}, bias};
  wire signed [W-1:0] v_int;
  saturate #(SUM_BITS, W) u_sat_v (
      .x(v_sum),
      .y(v_int)
  );

  // 2. and 4. Refractory, threshold, reset.
  wire signed [W-1:0] v_next;
  wire [REFRACT_BITS-1:0] ref_next;
  wire spike_next;
  generate
    if (SPIKING != 0) begin : g_spiking
      wire refractory_now = |ref_in;
      wire signed [TH_BITS-1:0] a_term =
          (ADAPTIVE != 0) ? {{(TH_BITS - W) {a_in[W-1]}}, a_in} : {TH_BITS{1'b0}};
      wire signed [TH_BITS-1:0] theta =
          {{(TH_BITS - PARAM_BITS) {threshold[PARAM_BITS-1]}}, threshold} + a_term;
      wire signed [TH_BITS-1:0] v_ext = {{(TH_BITS - W) {v_int[W-1]}}, v_int};
      wire fires = v_ext > theta;
      wire signed [W-1:0] v_fired;
      if (RESET_MODE == 0) begin : g_to_value
        assign v_fired = v_reset;
      end else if (RESET_MODE == 1) begin : g_subtract
        wire signed [TH_BITS:0] v_minus = {v_ext[TH_BITS-1], v_ext}
                                        - {theta[TH_BITS-1], theta};
        saturate #(TH_BITS + 1, W) u_sat_sub (
            .x(v_minus),
            .y(v_fired)
        );
      end else begin : g_no_reset
        assign v_fired = v_int;
      end
      assign spike_next = ~refractory_now & fires;
      assign v_next = refractory_now ? v_reset : fires ? v_fired : v_int;
      assign ref_next = refractory_now ? ref_in - 1'b1
                      : fires ? refractory : ref_in;
    end else begin : g_li
      assign spike_next = 1'b0;
      assign v_next = v_int;
      assign ref_next = ref_in;
    end
  endgenerate

  // 5. Adaptation (reads the old a, like the threshold).
  wire signed [W-1:0] a_next;
  generate
    if (ADAPTIVE != 0) begin : g_adaptive
      wire signed [SW_W-1:0] r_adapt;
      fixed_mul #(MULT_BITS, W, FRAC_BITS, ROUNDING) u_adapt (
          .a(adapt_decay),
          .b(a_in),
          .y(r_adapt)
      );
      wire signed [SUM_BITS-1:0] a_sum =
          {{(SUM_BITS - SW_W) {r_adapt[SW_W-1]}}, r_adapt}
          + (spike_next ? {{(SUM_BITS - PARAM_BITS) {adapt_gain[PARAM_BITS-1]}}, adapt_gain}
                        : {SUM_BITS{1'b0}});
      saturate #(SUM_BITS, W) u_sat_a (
          .x(a_sum),
          .y(a_next)
      );
    end else begin : g_fixed_a
      assign a_next = a_in;
    end
  endgenerate

  always @(posedge clk) begin
    out_valid <= rst ? 1'b0 : in_valid;
    v_out <= v_next;
    i_out <= i_next;
    a_out <= a_next;
    ref_out <= ref_next;
    spike <= spike_next;
  end
endmodule

`default_nettype wire

`endif // SNC_RTL_NEURON_UPDATE_V
