// synapse_memory: synapse words, each a weight, a target neuron and a delay
// slot, read synchronously (block RAM / SPRAM style) and optionally
// initialised from a $readmemh file.
//
// A word is {delay, target, weight}, weight in the low bits (the field order
// of runtime/manycore/SynapticRow.h's synapse word): one hex number per
// line of INIT_FILE, TARGET_BITS + WEIGHT_BITS + DELAY_BITS bits wide.
// Which words belong to a source neuron (its row) is the caller's business.
//
// A read (rd_en) returns word rd_addr one clock later with rd_valid. A write
// (wr_en) stores wr_* at wr_addr; reading the address being written returns
// the old word (read-first); an address >= WORDS reads an undefined word.
// rst (synchronous) clears rd_valid only: the contents are the image.
//
// Parameters: WORDS (entries), TARGET_BITS (unsigned), WEIGHT_BITS
// (signed), DELAY_BITS (unsigned; 0 for cores without delay slots: delay
// then reads 0), INIT_FILE ("" leaves the memory uninitialised).
`ifndef SNC_RTL_SYNAPSE_MEMORY_V
`define SNC_RTL_SYNAPSE_MEMORY_V
`default_nettype none

// Each primitive is a top module of its own when rtl/*.v is linted
// together; that is a library, not a design with duplicate tops.
/* verilator lint_off MULTITOP */
module synapse_memory #(
    parameter integer WORDS       = 256,
    parameter integer TARGET_BITS = 8,
    parameter integer WEIGHT_BITS = 8,
    parameter integer DELAY_BITS  = 3,
    parameter         INIT_FILE   = "",
    // Derived; not meant to be overridden.
    parameter integer ADDR_BITS   = (WORDS > 1) ? $clog2(WORDS) : 1,
    parameter integer DELAY_OUT   = (DELAY_BITS > 0) ? DELAY_BITS : 1
) (
    input wire clk,
    input wire rst,

    input  wire                          rd_en,
    input  wire        [  ADDR_BITS-1:0] rd_addr,
    output reg                           rd_valid,
    output wire signed [WEIGHT_BITS-1:0] weight,
    output wire        [TARGET_BITS-1:0] target,
    output wire        [  DELAY_OUT-1:0] delay,

    input wire                          wr_en,
    input wire        [  ADDR_BITS-1:0] wr_addr,
    input wire signed [WEIGHT_BITS-1:0] wr_weight,
    input wire        [TARGET_BITS-1:0] wr_target,
    input wire        [  DELAY_OUT-1:0] wr_delay
);
  localparam integer DATA_BITS = WEIGHT_BITS + TARGET_BITS + DELAY_BITS;

  reg [DATA_BITS-1:0] storage[0:WORDS-1];
  reg [DATA_BITS-1:0] word;

  initial begin
    if (INIT_FILE != "") $readmemh(INIT_FILE, storage);
  end

  wire [DATA_BITS-1:0] wr_word;
  generate
    if (DELAY_BITS > 0) begin : g_delay
      assign wr_word = {wr_delay, wr_target, wr_weight};
      assign delay = word[DATA_BITS-1:WEIGHT_BITS+TARGET_BITS];
    end else begin : g_no_delay
      assign wr_word = {wr_target, wr_weight};
      assign delay = 1'b0;
      wire unused_delay = &{1'b0, wr_delay};
    end
  endgenerate

  always @(posedge clk) begin
    if (wr_en) storage[wr_addr] <= wr_word;
    if (rd_en) word <= storage[rd_addr];
    rd_valid <= rd_en & ~rst;
  end

  assign weight = word[WEIGHT_BITS-1:0];
  assign target = word[WEIGHT_BITS+TARGET_BITS-1:WEIGHT_BITS];
endmodule

`default_nettype wire

`endif // SNC_RTL_SYNAPSE_MEMORY_V
