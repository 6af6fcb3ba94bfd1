// The simulation-only wrapper of synapse_memory_test.cpp: N synapse_memory
// instances (N <= 10), each initialised from synapse_memory_<c>.hex in the working
// directory (the C++ side writes them first); cfg tells the C++ side each
// instance's {DELAY_BITS, WEIGHT_BITS, TARGET_BITS, WORDS}.
module synapse_memory_tb #(
    parameter integer N = 3
) (
    input wire clk,
    input wire rst,
    input wire [N-1:0] rd_en,
    input wire [N-1:0] wr_en,
    input wire [N*64-1:0] rd_addr,
    input wire [N*64-1:0] wr_addr,
    input wire [N*64-1:0] wr_weight,
    input wire [N*64-1:0] wr_target,
    input wire [N*64-1:0] wr_delay,
    output wire [7:0] configs,
    output wire [N*64-1:0] cfg,
    output wire [N-1:0] rd_valid,
    output wire [N*64-1:0] weight,
    output wire [N*64-1:0] target,
    output wire [N*64-1:0] delay
);
  // Columns: words, target, weight, delay bits. iCE40-like (4-bit weights,
  // no delay slots), Artix-7-like (8-bit weights, delays 0..7) with a word
  // count that is no power of two, and wide fields.
  function automatic integer shape(input integer c, input bit [1:0] column);
    integer row[0:3];
    case (c)
      0: row = '{256, 8, 4, 0};
      1: row = '{300, 8, 8, 3};
      default: row = '{7, 16, 32, 8};
    endcase
    shape = row[column];
  endfunction

  assign configs = 8'(N);

  genvar c;
  generate
    for (c = 0; c < N; c = c + 1) begin : g_cfg
      localparam integer WORDS = shape(c, 0);
      localparam integer TB = shape(c, 1);
      localparam integer WB = shape(c, 2);
      localparam integer DB = shape(c, 3);
      localparam integer AB = $clog2(WORDS);
      localparam integer DO = DB > 0 ? DB : 1;
      wire signed [WB-1:0] weight_o;
      wire [TB-1:0] target_o;
      wire [DO-1:0] delay_o;
      synapse_memory #(
          .WORDS(WORDS),
          .TARGET_BITS(TB),
          .WEIGHT_BITS(WB),
          .DELAY_BITS(DB),
          .INIT_FILE({"synapse_memory_", 8'(48 + c), ".hex"})
      ) u (
          .clk(clk),
          .rst(rst),
          .rd_en(rd_en[c]),
          .rd_addr(rd_addr[c*64+:AB]),
          .rd_valid(rd_valid[c]),
          .weight(weight_o),
          .target(target_o),
          .delay(delay_o),
          .wr_en(wr_en[c]),
          .wr_addr(wr_addr[c*64+:AB]),
          .wr_weight(wr_weight[c*64+:WB]),
          .wr_target(wr_target[c*64+:TB]),
          .wr_delay(wr_delay[c*64+:DO])
      );
      wire unused_high = &{1'b0, rd_addr[c*64+AB+:64-AB],
                           wr_addr[c*64+AB+:64-AB], wr_weight[c*64+WB+:64-WB],
                           wr_target[c*64+TB+:64-TB], wr_delay[c*64+DO+:64-DO]};
      assign weight[c*64+:64] = {{(64 - WB) {weight_o[WB-1]}}, weight_o};
      assign target[c*64+:64] = {{(64 - TB) {1'b0}}, target_o};
      assign delay[c*64+:64] = {{(64 - DO) {1'b0}}, delay_o};
      assign cfg[c*64+:64] = {16'(DB), 16'(WB), 16'(TB), 16'(WORDS)};
    end
  endgenerate
endmodule
