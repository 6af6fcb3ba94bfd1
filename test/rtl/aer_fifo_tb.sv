// The simulation-only wrapper of aer_fifo_test.cpp: N aer_fifo instances
// of different WIDTH and DEPTH, each with its own 64-bit data slot; cfg
// tells the C++ side each instance's {DEPTH, WIDTH}.
module aer_fifo_tb #(
    parameter integer N = 5
) (
    input wire clk,
    input wire rst,
    input wire [N-1:0] push,
    input wire [N-1:0] pop,
    input wire [N*64-1:0] push_data,
    output wire [7:0] configs,
    output wire [N*64-1:0] cfg,
    output wire [N*64-1:0] pop_data,
    output wire [N-1:0] pop_valid,
    output wire [N-1:0] full,
    output wire [N-1:0] empty,
    output wire [N-1:0] overflow,
    output wire [N*64-1:0] count
);
  // Columns: width, depth. DEPTH 1, powers of two and others.
  function automatic integer shape(input integer c, input bit column);
    integer row[0:1];
    case (c)
      0: row = '{8, 1};
      1: row = '{13, 3};
      2: row = '{16, 16};
      3: row = '{37, 5};
      default: row = '{64, 2};
    endcase
    shape = row[column];
  endfunction

  assign configs = 8'(N);

  genvar c;
  generate
    for (c = 0; c < N; c = c + 1) begin : g_cfg
      localparam integer WIDTH = shape(c, 0);
      localparam integer DEPTH = shape(c, 1);
      localparam integer COUNT_BITS = $clog2(DEPTH + 1);
      wire [WIDTH-1:0] data_o;
      wire [COUNT_BITS-1:0] count_o;
      aer_fifo #(
          .WIDTH(WIDTH),
          .DEPTH(DEPTH)
      ) u (
          .clk(clk),
          .rst(rst),
          .push(push[c]),
          .push_data(push_data[c*64+:WIDTH]),
          .full(full[c]),
          .pop(pop[c]),
          .pop_data(data_o),
          .pop_valid(pop_valid[c]),
          .empty(empty[c]),
          .count(count_o),
          .overflow(overflow[c])
      );
      if (WIDTH < 64) begin : g_narrow
        wire unused_high = &{1'b0, push_data[c*64+WIDTH+:64-WIDTH]};
        assign pop_data[c*64+:64] = {{(64 - WIDTH) {1'b0}}, data_o};
      end else begin : g_full
        assign pop_data[c*64+:64] = data_o;
      end
      assign count[c*64+:64] = {{(64 - COUNT_BITS) {1'b0}}, count_o};
      assign cfg[c*64+:64] = {32'(DEPTH), 32'(WIDTH)};
    end
  endgenerate
endmodule
