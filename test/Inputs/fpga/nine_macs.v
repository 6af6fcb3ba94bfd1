// nine_macs: nine 16 x 16 products of a shift-register LFSR, XORed into one
// pin: one SB_MAC16 more than an iCE40 UP5K has (8). For the synthesis
// flow's test of a design over the part (test/unit/FPGASynthToolTest.cpp).
`default_nettype none
module nine_macs (
    input  wire clk,
    output reg  out
);
  reg [143:0] s = 144'd1;
  always @(posedge clk) s <= {s[142:0], s[143] ^ s[141]};
  reg [31:0] p[0:8];
  integer k;
  always @(posedge clk)
    for (k = 0; k < 9; k = k + 1)
      p[k] <= s[16*k+:16] * s[16*((k+1)%9)+:16];
  always @(posedge clk)
    out <= ^{p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]};
endmodule
