// aer_fifo: a synchronous first-in first-out queue of address events.
//
// A push is accepted iff the queue is not full and a pop iff it is not empty
// (both may happen in one cycle; a push into a full queue is not accepted
// even if a pop frees a place in the same cycle). An accepted pop returns the
// oldest event one clock later on pop_data with pop_valid (a registered
// read, so the storage can map to block RAM). A push into a full queue is
// dropped and sets the sticky `overflow` until rst: lost events would break
// bit-exactness, so the design must be able to report them.
//
// Parameters: WIDTH bits per event, DEPTH events (any DEPTH >= 1);
// count says how many are queued.
// rst (synchronous) empties the queue and clears overflow and pop_valid.
`ifndef SNC_RTL_AER_FIFO_V
`define SNC_RTL_AER_FIFO_V
`default_nettype none

// Each primitive is a top module of its own when rtl/*.v is linted
// together; that is a library, not a design with duplicate tops.
/* verilator lint_off MULTITOP */
module aer_fifo #(
    parameter integer WIDTH = 16,
    parameter integer DEPTH = 16,
    // Where the storage lives (a ram_style attribute): 0 block RAM, 1 LUT
    // RAM, 3 flip-flops.
    parameter integer STYLE = 0,
    // Derived (the width of count); not meant to be overridden.
    parameter integer COUNT_BITS = $clog2(DEPTH + 1)
) (
    input wire clk,
    input wire rst,

    input  wire             push,
    input  wire [WIDTH-1:0] push_data,
    output wire             full,

    input  wire             pop,
    output reg  [WIDTH-1:0] pop_data,
    output reg              pop_valid,
    output wire             empty,

    output reg [COUNT_BITS-1:0] count,
    output reg                  overflow
);
  localparam integer PTR_BITS = (DEPTH > 1) ? $clog2(DEPTH) : 1;
  localparam integer LAST_INDEX = DEPTH - 1;
  localparam [PTR_BITS-1:0] LAST = LAST_INDEX[PTR_BITS-1:0];
  localparam [PTR_BITS-1:0] PTR_ONE = 1;
  localparam [COUNT_BITS-1:0] FULL_COUNT = DEPTH[COUNT_BITS-1:0];
  localparam [COUNT_BITS-1:0] COUNT_ONE = 1;

  reg [PTR_BITS-1:0] head, tail;  // next to pop, next to push

  assign full = count == FULL_COUNT;
  assign empty = count == {COUNT_BITS{1'b0}};
  wire do_push = push & ~full;
  wire do_pop = pop & ~empty;

  // Storage without reset, so that it can map to RAM.
  generate
    if (STYLE == 3) begin : g_ff
      (* ram_style = "logic" *) reg [WIDTH-1:0] storage[0:DEPTH-1];
      always @(posedge clk) begin
        if (do_push) storage[tail] <= push_data;
        if (do_pop) pop_data <= storage[head];
      end
    end else if (STYLE == 1) begin : g_lut
      (* ram_style = "distributed" *) reg [WIDTH-1:0] storage[0:DEPTH-1];
      always @(posedge clk) begin
        if (do_push) storage[tail] <= push_data;
        if (do_pop) pop_data <= storage[head];
      end
    end else begin : g_block
      (* ram_style = "block" *) reg [WIDTH-1:0] storage[0:DEPTH-1];
      always @(posedge clk) begin
        if (do_push) storage[tail] <= push_data;
        if (do_pop) pop_data <= storage[head];
      end
    end
  endgenerate

  always @(posedge clk) begin
    if (rst) begin
      head <= {PTR_BITS{1'b0}};
      tail <= {PTR_BITS{1'b0}};
      count <= {COUNT_BITS{1'b0}};
      pop_valid <= 1'b0;
      overflow <= 1'b0;
    end else begin
      if (do_push) tail <= (tail == LAST) ? {PTR_BITS{1'b0}} : tail + PTR_ONE;
      if (do_pop) head <= (head == LAST) ? {PTR_BITS{1'b0}} : head + PTR_ONE;
      count <= count + (do_push ? COUNT_ONE : {COUNT_BITS{1'b0}})
               - (do_pop ? COUNT_ONE : {COUNT_BITS{1'b0}});
      pop_valid <= do_pop;
      if (push & full) overflow <= 1'b1;
    end
  end
endmodule

`default_nettype wire

`endif // SNC_RTL_AER_FIFO_V
