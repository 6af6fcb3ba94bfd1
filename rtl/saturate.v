// saturate: a signed IN_BITS value clamped to a signed OUT_BITS value
// (FixedPoint.h's saturate). Purely combinational. Requires IN_BITS > OUT_BITS.
`ifndef SNC_RTL_SATURATE_V
`define SNC_RTL_SATURATE_V
`default_nettype none

module saturate #(
    parameter integer IN_BITS  = 17,
    parameter integer OUT_BITS = 16
) (
    input  wire signed [ IN_BITS-1:0] x,
    output wire signed [OUT_BITS-1:0] y
);
  // The value fits iff every bit above the result's sign bit equals the sign.
  wire [IN_BITS-OUT_BITS-1:0] high = x[IN_BITS-2:OUT_BITS-1];
  wire sign = x[IN_BITS-1];
  wire over = ~sign & (|high);
  wire under = sign & ~(&high);
  assign y = over ? {1'b0, {(OUT_BITS - 1) {1'b1}}}
           : under ? {1'b1, {(OUT_BITS - 1) {1'b0}}}
           : x[OUT_BITS-1:0];
endmodule

`default_nettype wire

`endif // SNC_RTL_SATURATE_V
