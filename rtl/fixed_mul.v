// fixed_mul: the fixed-point product R(a, b) = a * b / 2^FRAC_BITS of
// docs/semantics.md ("Integer populations"), rounded as ROUNDING says, exactly
// as FixedPoint.h's fixedMul. Purely combinational; the result is exact (no
// saturation): A_BITS + B_BITS - FRAC_BITS bits always hold it.
//
// ROUNDING takes NeuronModes.h's values: 0 floor, 1 ceil, 2 toward_zero,
// 3 nearest_even. Requires FRAC_BITS <= A_BITS + B_BITS - 2.
`ifndef SNC_RTL_FIXED_MUL_V
`define SNC_RTL_FIXED_MUL_V
`default_nettype none

module fixed_mul #(
    parameter integer A_BITS    = 16,
    parameter integer B_BITS    = 16,
    parameter integer FRAC_BITS = 0,
    parameter integer ROUNDING  = 0
) (
    input  wire signed [               A_BITS-1:0] a,
    input  wire signed [               B_BITS-1:0] b,
    output wire signed [A_BITS+B_BITS-FRAC_BITS-1:0] y
);
  localparam integer P_BITS = A_BITS + B_BITS;
  localparam integer Y_BITS = P_BITS - FRAC_BITS;

  // Explicit sign extension: the full product of the extended operands is
  // the exact signed product (it fits P_BITS bits).
  wire signed [P_BITS-1:0] a_ext = {{B_BITS{a[A_BITS-1]}}, a};
  wire signed [P_BITS-1:0] b_ext = {{A_BITS{b[B_BITS-1]}}, b};
  wire signed [P_BITS-1:0] p = a_ext * b_ext;

  generate
    if (FRAC_BITS == 0) begin : g_exact
      assign y = p;
    end else begin : g_round
      // Two's complement: the high bits are floor(p / 2^F), the low bits the
      // non-negative remainder, as dropFraction computes them.
      wire signed [Y_BITS-1:0] fl = p[P_BITS-1:FRAC_BITS];
      wire [FRAC_BITS-1:0] rest = p[FRAC_BITS-1:0];
      wire up;
      if (ROUNDING == 1) begin : g_ceil
        assign up = |rest;
      end else if (ROUNDING == 2) begin : g_toward_zero
        assign up = p[P_BITS-1] & (|rest);
      end else if (ROUNDING == 3) begin : g_nearest_even
        // Above half: up. Exactly half: up iff floor is odd.
        if (FRAC_BITS == 1) begin : g_f1
          assign up = rest[0] & fl[0];
        end else begin : g_fn
          assign up = rest[FRAC_BITS-1] & ((|rest[FRAC_BITS-2:0]) | fl[0]);
        end
      end else begin : g_floor
        assign up = 1'b0;
        wire unused_rest = &{1'b0, rest};
      end
      // Cannot overflow: only a product below the largest one rounds up.
      assign y = fl + {{(Y_BITS - 1) {1'b0}}, up};
    end
  endgenerate
endmodule

`default_nettype wire

`endif // SNC_RTL_FIXED_MUL_V
