// neuron_core: a time-multiplexed core for a slice of one integer
// population (docs/fpga.md), in the style of ODIN/tinyODIN: neuron state
// and parameters in memories, one neuron_update shared by all neurons.
//
// Events: an event {source, neuron} arrives from the spike bus (ev_push,
// only events the core subscribes to; ev_full is the backpressure) into an
// aer_fifo. The synapse engine pops it, looks up the source's base in the
// source table, the row {count, start} at base + neuron in the row index,
// and streams the row's synapse words {delay, target, weight} one per clock
// through a read-modify-write of the accumulator ring:
//   ring[(slot + delay) mod RING_SLOTS][target] += weight
// (read, add, write: three stages; a write to the word the next synapse
// reads is forwarded, so consecutive synapses may hit the same word). The
// next event's row is fetched while a row streams, so rows of 3 or more
// synapses follow each other without a gap. DENSE_ROWS = 1: every row's
// targets are consecutive, so a row word is {first, count, start}, a
// synapse word {delay, weight}, and the engine counts the target from
// `first` (same pipeline, same rate).
//
// Update: `go` requests this step's update; it starts once the engine is
// idle (events arriving meanwhile wait in the FIFO). Neuron k per clock:
//   drive = sat(INPUT_BITS, drive_offset[k] + ring[slot][k]); ring[slot][k] = 0
//   {v, i, a, ref} = neuron_update(state[k], params[k], drive)
// a spike pushes k into the output FIFO (EMIT), and rec_* reports the
// neuron's recorded value (the spike bit, or v for a discrete_li). `busy`
// stays high until the last neuron is written. `advance` moves to the next
// step's slot. ACC_BITS must hold every sum (planDesign bounds it), so the
// accumulator never wraps.
//
// Memory images ($readmemh, one word per line, fields from bit 0 up):
//   SOURCE_FILE  SOURCES words: row-index base of each source
//   ROW_FILE     ROW_WORDS words {count, start}; DENSE_ROWS: {first, count,
//                start}
//   SYN_FILE     SYN_WORDS words {delay, target, weight} (synapse_memory);
//                DENSE_ROWS: {delay, weight}
//   PARAM_FILE   N words {drive_offset, v_reset, adapt_gain, threshold,
//                bias, adapt_decay, syn_gain, syn_decay, gain, decay}
//                without the fields PARAM_CONST marks (bit 0 decay ... bit
//                9 drive_offset): those are the same for every neuron and
//                come from C_<FIELD> instead
//   STATE_FILE   N words {ref, a, i, v} (the initial state), i only with
//                HAS_SYNAPSE, a only with ADAPTIVE, ref only with a
//                refractory period (the others stay 0 in neuron_update)
//   RING_FILE    RING_SLOTS * N words of ACC_BITS (zeros), slot-major
// The neuron format parameters are those of neuron_update.
//
// Where each memory lives (*_STYLE, the plan's decision): 0 block RAM, 1
// LUTs (LUT RAM; the read-only row index and parameters a ROM in logic),
// 3 registers (flip-flops; a ROM in logic), for the synapses 2 loaded
// (the event queues, *_FIFO_STYLE: 0, 1 or 3): a memory without an
// image (SPRAM cannot be initialised by the bitstream) of LOAD_WORDS words
// of LOAD_BITS bits, each packing 2^LANE_BITS synapse words (lane 0 in the
// low bits), written through cfg_we/cfg_addr/cfg_data before the first
// step; the engine reads it through the same single port (SB_SPRAM256KA's
// shape: one address, no read while writing).
`ifndef SNC_RTL_NEURON_CORE_V
`define SNC_RTL_NEURON_CORE_V
`default_nettype none

/* verilator lint_off MULTITOP */
module neuron_core #(
    parameter integer N                = 4,
    parameter integer STATE_BITS       = 16,
    parameter integer INPUT_BITS       = 16,
    parameter integer MULT_BITS        = 16,
    parameter integer FRAC_BITS        = 0,
    parameter integer PARAM_BITS       = 16,
    parameter integer REFRACT_BITS     = 1,
    parameter integer REFRACTORY       = 0,
    parameter integer ROUNDING         = 0,
    parameter integer RESET_MODE       = 0,
    parameter integer SPIKING          = 1,
    parameter integer HAS_SYNAPSE      = 0,
    parameter integer PREVIOUS_CURRENT = 0,
    parameter integer ADAPTIVE         = 0,
    parameter integer ACC_BITS         = 16,
    parameter integer RING_SLOTS       = 1,
    parameter integer SOURCES          = 1,
    parameter integer SRC_BITS         = 1,
    parameter integer EVN_BITS         = 2,
    parameter integer OUT_SOURCE       = 0,
    parameter integer EMIT             = 1,
    parameter integer ROW_WORDS        = 1,
    parameter integer SYN_WORDS        = 1,
    parameter integer COUNT_BITS       = 1,
    parameter integer DENSE_ROWS       = 0,
    parameter integer WEIGHT_BITS      = 8,
    parameter integer FIFO_DEPTH       = 4,
    parameter integer ROW_STYLE        = 0,
    parameter integer PARAM_STYLE      = 0,
    parameter integer STATE_STYLE      = 0,
    parameter integer RING_STYLE       = 0,
    parameter integer SYN_STYLE        = 0,
    parameter integer IN_FIFO_STYLE    = 0,
    parameter integer OUT_FIFO_STYLE   = 0,
    parameter integer LOAD_BITS        = 16,
    parameter integer LOAD_WORDS       = 1,
    parameter integer LANE_BITS        = 0,
    parameter [9:0]   PARAM_CONST      = 10'd0,
    parameter [63:0]  C_DECAY          = 64'd0,
    parameter [63:0]  C_GAIN           = 64'd0,
    parameter [63:0]  C_SYN_DECAY      = 64'd0,
    parameter [63:0]  C_SYN_GAIN       = 64'd0,
    parameter [63:0]  C_ADAPT_DECAY    = 64'd0,
    parameter [63:0]  C_BIAS           = 64'd0,
    parameter [63:0]  C_THRESHOLD      = 64'd0,
    parameter [63:0]  C_ADAPT_GAIN     = 64'd0,
    parameter [63:0]  C_V_RESET        = 64'd0,
    parameter [63:0]  C_OFFSET         = 64'd0,
    parameter         SOURCE_FILE      = "",
    parameter         ROW_FILE         = "",
    parameter         SYN_FILE         = "",
    parameter         PARAM_FILE       = "",
    parameter         STATE_FILE       = "",
    parameter         RING_FILE        = "",
    // Derived; not meant to be overridden.
    parameter integer NB               = (N > 1) ? $clog2(N) : 1,
    parameter integer EV_BITS          = SRC_BITS + EVN_BITS,
    parameter integer CFG_BITS         = (LOAD_WORDS > 1) ? $clog2(LOAD_WORDS) : 1
) (
    input wire clk,
    input wire rst,

    // Loading a SYN_STYLE 2 synapse memory (ignored otherwise).
    input wire                 cfg_we,
    input wire [ CFG_BITS-1:0] cfg_addr,
    input wire [LOAD_BITS-1:0] cfg_data,

    input  wire go,
    input  wire advance,
    output wire busy,
    output wire idle,

    input  wire               ev_push,
    input  wire [EV_BITS-1:0] ev_data,
    output wire               ev_full,

    input  wire               out_pop,
    output wire [EV_BITS-1:0] out_data,
    output wire               out_empty,

    output wire                  rec_valid,
    output wire [        NB-1:0] rec_neuron,
    output wire [STATE_BITS-1:0] rec_value,
    output wire                  syn_op,
    output wire                  overflow
);
  localparam integer W = STATE_BITS;
  localparam integer M = MULT_BITS;
  localparam integer P = PARAM_BITS;
  localparam integer SLOT_BITS = (RING_SLOTS > 1) ? $clog2(RING_SLOTS) : 1;
  localparam integer DELAY_BITS = (RING_SLOTS > 1) ? $clog2(RING_SLOTS) : 0;
  localparam integer DELAY_OUT = (DELAY_BITS > 0) ? DELAY_BITS : 1;
  localparam integer RING_WORDS = RING_SLOTS * N;
  localparam integer RA_BITS = (RING_WORDS > 1) ? $clog2(RING_WORDS) : 1;
  localparam integer ROW_BITS = (ROW_WORDS > 1) ? $clog2(ROW_WORDS) : 1;
  localparam integer SYN_BITS = (SYN_WORDS > 1) ? $clog2(SYN_WORDS) : 1;
  localparam integer START_BITS = $clog2(SYN_WORDS + 1);
  localparam integer SRCA_BITS = (SOURCES > 1) ? $clog2(SOURCES) : 1;
  // Parameter word: the fields PARAM_CONST does not mark, from bit 0 up.
  localparam integer PW0 = PARAM_CONST[0] ? 0 : M;  // decay
  localparam integer PW1 = PARAM_CONST[1] ? 0 : M;  // gain
  localparam integer PW2 = PARAM_CONST[2] ? 0 : M;  // syn_decay
  localparam integer PW3 = PARAM_CONST[3] ? 0 : M;  // syn_gain
  localparam integer PW4 = PARAM_CONST[4] ? 0 : M;  // adapt_decay
  localparam integer PW5 = PARAM_CONST[5] ? 0 : P;  // bias
  localparam integer PW6 = PARAM_CONST[6] ? 0 : P;  // threshold
  localparam integer PW7 = PARAM_CONST[7] ? 0 : P;  // adapt_gain
  localparam integer PW8 = PARAM_CONST[8] ? 0 : W;  // v_reset
  localparam integer PW9 = PARAM_CONST[9] ? 0 : ACC_BITS;  // drive_offset
  localparam integer PO1 = PW0, PO2 = PO1 + PW1, PO3 = PO2 + PW2, PO4 = PO3 + PW3;
  localparam integer PO5 = PO4 + PW4, PO6 = PO5 + PW5, PO7 = PO6 + PW6, PO8 = PO7 + PW7;
  localparam integer PO9 = PO8 + PW8;
  localparam integer PARAM_WORD = PO9 + PW9;
  localparam integer PARAM_MEM = (PARAM_WORD > 0) ? PARAM_WORD : 1;
  // State word: v, then i, a and ref where the format changes them.
  localparam integer SW_I = (HAS_SYNAPSE != 0) ? W : 0;
  localparam integer SW_A = (ADAPTIVE != 0) ? W : 0;
  localparam integer SW_R = (SPIKING != 0 && REFRACTORY > 0) ? REFRACT_BITS : 0;
  localparam integer STATE_WORD = W + SW_I + SW_A + SW_R;
  localparam integer FIRST_BITS = (DENSE_ROWS != 0) ? NB : 0;
  localparam integer ROW_WORD = COUNT_BITS + START_BITS + FIRST_BITS;
  // Row index addresses: base + neuron, one bit wider than either.
  localparam integer RSUM_BITS = ((ROW_BITS > EVN_BITS) ? ROW_BITS : EVN_BITS) + 1;

  localparam integer LAST_SLOT_I = RING_SLOTS - 1;
  localparam integer LAST_NEURON_I = N - 1;
  localparam integer ONE = 1;
  localparam [SLOT_BITS-1:0] LAST_SLOT = LAST_SLOT_I[SLOT_BITS-1:0];
  localparam [SLOT_BITS-1:0] SLOT_ONE = ONE[SLOT_BITS-1:0];
  localparam [SLOT_BITS:0] SLOTS_WIDE = RING_SLOTS[SLOT_BITS:0];
  localparam [RA_BITS-1:0] N_RA = N[RA_BITS-1:0];
  localparam [NB-1:0] LAST_NEURON = LAST_NEURON_I[NB-1:0];
  localparam [NB-1:0] NEURON_ONE = ONE[NB-1:0];
  localparam [SRC_BITS-1:0] OUT_SRC = OUT_SOURCE[SRC_BITS-1:0];
  localparam [REFRACT_BITS-1:0] REFRACT_CONST = REFRACTORY[REFRACT_BITS-1:0];
  localparam [COUNT_BITS-1:0] COUNT_ONE = ONE[COUNT_BITS-1:0];
  localparam [START_BITS-1:0] START_ONE = ONE[START_BITS-1:0];

  // ---- Memories ----------------------------------------------------------
  // The source table is read combinationally (logic); the others are
  // read one clock after the address, each in its *_STYLE (further down).
  reg [ROW_BITS-1:0] source_base[0:SOURCES-1];
  initial begin
    if (SOURCE_FILE != "") $readmemh(SOURCE_FILE, source_base);
  end

  // ---- Step slot ---------------------------------------------------------
  reg [SLOT_BITS-1:0] slot;
  always @(posedge clk) begin
    if (rst) slot <= {SLOT_BITS{1'b0}};
    else if (advance) slot <= (slot == LAST_SLOT) ? {SLOT_BITS{1'b0}} : slot + SLOT_ONE;
  end
  wire [RA_BITS-1:0] slot_base = {{(RA_BITS - SLOT_BITS) {1'b0}}, slot} * N_RA;

  // ---- Event input -------------------------------------------------------
  wire in_empty, in_pop_valid, in_overflow;
  wire [EV_BITS-1:0] in_event;
  wire in_pop;
  /* verilator lint_off PINCONNECTEMPTY */
  aer_fifo #(
      .WIDTH(EV_BITS),
      .DEPTH(FIFO_DEPTH),
      .STYLE(IN_FIFO_STYLE)
  ) u_in (
      .clk(clk),
      .rst(rst),
      .push(ev_push),
      .push_data(ev_data),
      .full(ev_full),
      .pop(in_pop),
      .pop_data(in_event),
      .pop_valid(in_pop_valid),
      .empty(in_empty),
      .count(),
      .overflow(in_overflow)
  );
  /* verilator lint_on PINCONNECTEMPTY */

  // ---- Synapse engine: front end -----------------------------------------
  // Fetch: pop an event, read its row word, park it in `next`. Stream: one
  // synapse read per clock; the last read of a row takes `next` directly,
  // so rows of 3 or more synapses follow each other without a gap.
  localparam [1:0] FE_IDLE = 2'd0, FE_POPPED = 2'd1, FE_ROW = 2'd2;
  reg [1:0] fe;
  reg upd_req, issuing, u1_valid;
  wire u2_valid;
  reg next_valid, streaming;
  reg [START_BITS-1:0] next_start, syn_ptr;
  reg [COUNT_BITS-1:0] next_count, syn_left;
  // Dense rows: the target of the synapse read now, and of the word out.
  reg [NB-1:0] next_first, syn_tgt, rd_tgt;
  reg [ROW_WORD-1:0] row_q;
  wire updating = issuing | u1_valid | u2_valid;

  wire [SRC_BITS-1:0] ev_source = in_event[EV_BITS-1:EVN_BITS];
  wire [EVN_BITS-1:0] ev_neuron = in_event[EVN_BITS-1:0];
  wire [SRCA_BITS-1:0] ev_source_addr = ev_source[SRCA_BITS-1:0];
  wire [RSUM_BITS-1:0] row_sum = {{(RSUM_BITS - ROW_BITS) {1'b0}}, source_base[ev_source_addr]}
                               + {{(RSUM_BITS - EVN_BITS) {1'b0}}, ev_neuron};
  wire [ROW_BITS-1:0] row_addr = row_sum[ROW_BITS-1:0];
  wire [COUNT_BITS-1:0] row_count = row_q[COUNT_BITS+START_BITS-1:START_BITS];
  wire [NB-1:0] row_first;
  generate
    if (DENSE_ROWS != 0) begin : g_row_first
      assign row_first = row_q[ROW_WORD-1:COUNT_BITS+START_BITS];
    end else begin : g_row_no_first
      assign row_first = {NB{1'b0}};
    end
  endgenerate
  wire [START_BITS-1:0] row_start = row_q[START_BITS-1:0];
  wire row_ready = (fe == FE_ROW) && (row_count != {COUNT_BITS{1'b0}});
  wire stream_end = ~streaming | (syn_left == COUNT_ONE);
  wire take_next = next_valid & stream_end;
  wire syn_rd = streaming;
  // Pop when `next` is empty or being taken: its row is parked 3 clocks later.
  assign in_pop = ~upd_req & ~updating & ~in_empty & (fe == FE_IDLE) & (~next_valid | take_next);
  wire unused_front = &{1'b0, in_pop_valid, row_sum, ev_source, syn_ptr};

  // Row index (read-only).
  generate
    if (ROW_STYLE == 1 || ROW_STYLE == 3) begin : g_row_lut
      // Read-only: a ROM in LUTs (yosys maps no ROM to LUT RAM).
      (* ram_style = "logic" *) reg [ROW_WORD-1:0] row_index[0:ROW_WORDS-1];
      initial begin
        if (ROW_FILE != "") $readmemh(ROW_FILE, row_index);
      end
      always @(posedge clk) if (fe == FE_POPPED) row_q <= row_index[row_addr];
    end else begin : g_row_block
      (* ram_style = "block" *) reg [ROW_WORD-1:0] row_index[0:ROW_WORDS-1];
      initial begin
        if (ROW_FILE != "") $readmemh(ROW_FILE, row_index);
      end
      always @(posedge clk) if (fe == FE_POPPED) row_q <= row_index[row_addr];
    end
  endgenerate

  always @(posedge clk) begin
    if (row_ready) begin
      next_start <= row_start;
      next_count <= row_count;
      next_first <= row_first;
    end
    if (take_next) begin
      syn_ptr <= next_start;
      syn_left <= next_count;
      syn_tgt <= next_first;
    end else if (streaming) begin
      syn_ptr <= syn_ptr + START_ONE;
      syn_left <= syn_left - COUNT_ONE;
      syn_tgt <= syn_tgt + NEURON_ONE;
    end
    if (syn_rd) rd_tgt <= syn_tgt;
    if (rst) begin
      fe <= FE_IDLE;
      next_valid <= 1'b0;
      streaming <= 1'b0;
    end else begin
      case (fe)
        FE_IDLE: if (in_pop) fe <= FE_POPPED;
        FE_POPPED: fe <= FE_ROW;
        default: fe <= FE_IDLE;  // FE_ROW
      endcase
      // A row is parked only when `next` is empty (taken since the pop).
      next_valid <= row_ready | (next_valid & ~take_next);
      streaming <= take_next | (streaming & ~stream_end);
    end
  end

  // ---- Synapse engine: ring read-modify-write ----------------------------
  wire syn_valid;
  wire signed [WEIGHT_BITS-1:0] syn_weight;
  wire [NB-1:0] syn_target;
  wire [DELAY_OUT-1:0] syn_delay;
  generate
    if (SYN_STYLE == 2) begin : g_loaded
      // Loaded before the first step; lane syn_ptr mod 2^LANE_BITS of word
      // syn_ptr >> LANE_BITS is the synapse word {delay, [target,] weight}.
      localparam integer SYN_WORD = WEIGHT_BITS + ((DENSE_ROWS != 0) ? 0 : NB) + DELAY_BITS;
      localparam integer LANE_W = (LANE_BITS > 0) ? LANE_BITS : 1;
      reg [LOAD_BITS-1:0] loaded[0:LOAD_WORDS-1];
      reg [LOAD_BITS-1:0] load_q;
      reg [LANE_W-1:0] lane;
      reg load_valid;
      wire [63:0] ptr_wide = {{(64 - START_BITS) {1'b0}}, syn_ptr};
      wire [CFG_BITS-1:0] load_addr = cfg_we ? cfg_addr : ptr_wide[LANE_BITS+:CFG_BITS];
      always @(posedge clk) begin
        if (cfg_we) loaded[load_addr] <= cfg_data;
        else if (syn_rd) load_q <= loaded[load_addr];
        if (syn_rd) lane <= (LANE_BITS > 0) ? ptr_wide[LANE_W-1:0] : {LANE_W{1'b0}};
        load_valid <= syn_rd & ~rst;
      end
      wire [LOAD_BITS-1:0] lane_shifted = load_q >> ({{(32 - LANE_W) {1'b0}}, lane} * SYN_WORD);
      wire [SYN_WORD-1:0] word = lane_shifted[SYN_WORD-1:0];
      wire unused_load = &{1'b0, lane_shifted, ptr_wide};
      assign syn_valid = load_valid;
      assign syn_weight = word[WEIGHT_BITS-1:0];
      if (DENSE_ROWS != 0) begin : g_dense_target
        assign syn_target = rd_tgt;
      end else begin : g_word_target
        assign syn_target = word[WEIGHT_BITS+NB-1:WEIGHT_BITS];
        wire unused_dense = &{1'b0, rd_tgt};
      end
      if (DELAY_BITS > 0) begin : g_delay
        assign syn_delay = word[SYN_WORD-1:SYN_WORD-DELAY_BITS];
      end else begin : g_no_delay
        assign syn_delay = 1'b0;
      end
    end else if (DENSE_ROWS != 0) begin : g_dense
      // {delay, weight} words, read like synapse_memory; the target counts.
      localparam integer DENSE_WORD = WEIGHT_BITS + DELAY_BITS;
      reg [DENSE_WORD-1:0] dense_syn[0:SYN_WORDS-1];
      reg [DENSE_WORD-1:0] dense_q;
      reg dense_valid;
      initial begin
        if (SYN_FILE != "") $readmemh(SYN_FILE, dense_syn);
      end
      always @(posedge clk) begin
        if (syn_rd) dense_q <= dense_syn[syn_ptr[SYN_BITS-1:0]];
        dense_valid <= syn_rd & ~rst;
      end
      assign syn_valid = dense_valid;
      assign syn_weight = dense_q[WEIGHT_BITS-1:0];
      assign syn_target = rd_tgt;
      if (DELAY_BITS > 0) begin : g_delay
        assign syn_delay = dense_q[DENSE_WORD-1:WEIGHT_BITS];
      end else begin : g_no_delay
        assign syn_delay = 1'b0;
      end
    end else begin : g_sparse
      synapse_memory #(
          .WORDS(SYN_WORDS),
          .TARGET_BITS(NB),
          .WEIGHT_BITS(WEIGHT_BITS),
          .DELAY_BITS(DELAY_BITS),
          .INIT_FILE(SYN_FILE)
      ) u_syn (
          .clk(clk),
          .rst(rst),
          .rd_en(syn_rd),
          .rd_addr(syn_ptr[SYN_BITS-1:0]),
          .rd_valid(syn_valid),
          .weight(syn_weight),
          .target(syn_target),
          .delay(syn_delay),
          .wr_en(1'b0),
          .wr_addr({SYN_BITS{1'b0}}),
          .wr_weight({WEIGHT_BITS{1'b0}}),
          .wr_target({NB{1'b0}}),
          .wr_delay({DELAY_OUT{1'b0}})
      );
      wire unused_dense = &{1'b0, rd_tgt};
    end
    if (SYN_STYLE != 2) begin : g_no_load
      wire unused_cfg = &{1'b0, cfg_we, cfg_addr, cfg_data};
    end
  endgenerate

  // Stage 1: the synapse word is here; read its ring word.
  wire [SLOT_BITS:0] slot_sum = {1'b0, slot} + {{(SLOT_BITS + 1 - DELAY_OUT) {1'b0}}, syn_delay};
  wire [SLOT_BITS:0] slot_wrapped = (slot_sum >= SLOTS_WIDE) ? slot_sum - SLOTS_WIDE : slot_sum;
  wire [RA_BITS-1:0] syn_ring_addr =
      {{(RA_BITS - SLOT_BITS) {1'b0}}, slot_wrapped[SLOT_BITS-1:0]} * N_RA
      + {{(RA_BITS - NB) {1'b0}}, syn_target};
  wire unused_slot = &{1'b0, slot_wrapped[SLOT_BITS]};

  reg s2_valid, wb_valid;
  reg [RA_BITS-1:0] s2_addr, wb_addr;
  reg signed [WEIGHT_BITS-1:0] s2_weight;
  reg signed [ACC_BITS-1:0] wb_value, ring_q;

  // Stage 2: add (forwarding the previous write), write back.
  wire signed [ACC_BITS-1:0] acc_old = (wb_valid && wb_addr == s2_addr) ? wb_value : ring_q;
  wire signed [ACC_BITS-1:0] acc_new =
      acc_old + {{(ACC_BITS - WEIGHT_BITS) {s2_weight[WEIGHT_BITS-1]}}, s2_weight};

  // ---- Update ------------------------------------------------------------
  reg [NB-1:0] uk, u1_k, u2_k;
  reg [PARAM_MEM-1:0] param_q;
  reg [STATE_WORD-1:0] state_q;
  wire [RA_BITS-1:0] upd_ring_addr = slot_base + {{(RA_BITS - NB) {1'b0}}, uk};
  wire [RA_BITS-1:0] clear_addr = slot_base + {{(RA_BITS - NB) {1'b0}}, u1_k};
  wire engine_idle = (fe == FE_IDLE) & ~next_valid & ~streaming & ~syn_valid & ~s2_valid;

  // The ring's one read and one write port, shared by engine and update
  // (never active together).
  wire [RA_BITS-1:0] ring_raddr = issuing ? upd_ring_addr : syn_ring_addr;
  // Writes wait for rst: before it, the valid flags are unknown.
  wire ring_we = (s2_valid | u1_valid) & ~rst;
  wire [RA_BITS-1:0] ring_waddr = u1_valid ? clear_addr : s2_addr;
  wire signed [ACC_BITS-1:0] ring_wdata = u1_valid ? {ACC_BITS{1'b0}} : acc_new;

  generate
    if (RING_STYLE == 3) begin : g_ring_ff
      (* ram_style = "logic" *) reg signed [ACC_BITS-1:0] ring[0:RING_WORDS-1];
      initial begin
        if (RING_FILE != "") $readmemh(RING_FILE, ring);
      end
      always @(posedge clk) begin
        ring_q <= ring[ring_raddr];
        if (ring_we) ring[ring_waddr] <= ring_wdata;
      end
    end else if (RING_STYLE == 1) begin : g_ring_lut
      (* ram_style = "distributed" *) reg signed [ACC_BITS-1:0] ring[0:RING_WORDS-1];
      initial begin
        if (RING_FILE != "") $readmemh(RING_FILE, ring);
      end
      always @(posedge clk) begin
        ring_q <= ring[ring_raddr];
        if (ring_we) ring[ring_waddr] <= ring_wdata;
      end
    end else begin : g_ring_block
      (* ram_style = "block" *) reg signed [ACC_BITS-1:0] ring[0:RING_WORDS-1];
      initial begin
        if (RING_FILE != "") $readmemh(RING_FILE, ring);
      end
      always @(posedge clk) begin
        ring_q <= ring[ring_raddr];
        if (ring_we) ring[ring_waddr] <= ring_wdata;
      end
    end
  endgenerate

  always @(posedge clk) begin
    s2_addr <= syn_ring_addr;
    s2_weight <= syn_weight;
    wb_addr <= s2_addr;
    wb_value <= acc_new;
    if (rst) begin
      s2_valid <= 1'b0;
      wb_valid <= 1'b0;
    end else begin
      s2_valid <= syn_valid;
      wb_valid <= s2_valid;
    end
  end

  // Stage 2 writes the new state of neuron u2_k.
  wire state_we = u2_valid & ~rst;
  wire [STATE_WORD-1:0] state_new;
  generate
    if (PARAM_WORD == 0) begin : g_no_params
      always @(posedge clk) param_q <= 1'b0;
    end else if (PARAM_STYLE == 1 || PARAM_STYLE == 3) begin : g_param_lut
      (* ram_style = "logic" *) reg [PARAM_WORD-1:0] params[0:N-1];
      initial begin
        if (PARAM_FILE != "") $readmemh(PARAM_FILE, params);
      end
      always @(posedge clk) if (issuing) param_q <= params[uk];
    end else begin : g_param_block
      (* ram_style = "block" *) reg [PARAM_WORD-1:0] params[0:N-1];
      initial begin
        if (PARAM_FILE != "") $readmemh(PARAM_FILE, params);
      end
      always @(posedge clk) if (issuing) param_q <= params[uk];
    end
    if (STATE_STYLE == 3) begin : g_state_ff
      (* ram_style = "logic" *) reg [STATE_WORD-1:0] state[0:N-1];
      initial begin
        if (STATE_FILE != "") $readmemh(STATE_FILE, state);
      end
      always @(posedge clk) begin
        if (issuing) state_q <= state[uk];
        if (state_we) state[u2_k] <= state_new;
      end
    end else if (STATE_STYLE == 1) begin : g_state_lut
      (* ram_style = "distributed" *) reg [STATE_WORD-1:0] state[0:N-1];
      initial begin
        if (STATE_FILE != "") $readmemh(STATE_FILE, state);
      end
      always @(posedge clk) begin
        if (issuing) state_q <= state[uk];
        if (state_we) state[u2_k] <= state_new;
      end
    end else begin : g_state_block
      (* ram_style = "block" *) reg [STATE_WORD-1:0] state[0:N-1];
      initial begin
        if (STATE_FILE != "") $readmemh(STATE_FILE, state);
      end
      always @(posedge clk) begin
        if (issuing) state_q <= state[uk];
        if (state_we) state[u2_k] <= state_new;
      end
    end
  endgenerate

  always @(posedge clk) begin
    u1_k <= uk;
    u2_k <= u1_k;
    if (rst) begin
      upd_req <= 1'b0;
      issuing <= 1'b0;
      u1_valid <= 1'b0;
      uk <= {NB{1'b0}};
    end else begin
      u1_valid <= issuing;
      if (go) upd_req <= 1'b1;
      if (upd_req & engine_idle & ~updating) begin
        upd_req <= 1'b0;
        issuing <= 1'b1;
        uk <= {NB{1'b0}};
      end else if (issuing) begin
        uk <= uk + NEURON_ONE;
        if (uk == LAST_NEURON) issuing <= 1'b0;
      end
    end
  end

  // Parameters and state of the neuron in stage 1: a field is either in
  // the word or the core's constant.
  wire signed [M-1:0] p_decay, p_gain, p_syn_decay, p_syn_gain, p_adapt_decay;
  wire signed [P-1:0] p_bias, p_threshold, p_adapt_gain;
  wire signed [W-1:0] p_v_reset;
  wire signed [ACC_BITS-1:0] p_offset;
  wire signed [W-1:0] s_v = state_q[W-1:0];
  wire signed [W-1:0] s_i, s_a;
  wire [REFRACT_BITS-1:0] s_ref;
  generate
    if (PW0 > 0) begin : g_p0
      assign p_decay = param_q[0+:M];
    end else begin : g_c0
      assign p_decay = C_DECAY[M-1:0];
    end
    if (PW1 > 0) begin : g_p1
      assign p_gain = param_q[PO1+:M];
    end else begin : g_c1
      assign p_gain = C_GAIN[M-1:0];
    end
    if (PW2 > 0) begin : g_p2
      assign p_syn_decay = param_q[PO2+:M];
    end else begin : g_c2
      assign p_syn_decay = C_SYN_DECAY[M-1:0];
    end
    if (PW3 > 0) begin : g_p3
      assign p_syn_gain = param_q[PO3+:M];
    end else begin : g_c3
      assign p_syn_gain = C_SYN_GAIN[M-1:0];
    end
    if (PW4 > 0) begin : g_p4
      assign p_adapt_decay = param_q[PO4+:M];
    end else begin : g_c4
      assign p_adapt_decay = C_ADAPT_DECAY[M-1:0];
    end
    if (PW5 > 0) begin : g_p5
      assign p_bias = param_q[PO5+:P];
    end else begin : g_c5
      assign p_bias = C_BIAS[P-1:0];
    end
    if (PW6 > 0) begin : g_p6
      assign p_threshold = param_q[PO6+:P];
    end else begin : g_c6
      assign p_threshold = C_THRESHOLD[P-1:0];
    end
    if (PW7 > 0) begin : g_p7
      assign p_adapt_gain = param_q[PO7+:P];
    end else begin : g_c7
      assign p_adapt_gain = C_ADAPT_GAIN[P-1:0];
    end
    if (PW8 > 0) begin : g_p8
      assign p_v_reset = param_q[PO8+:W];
    end else begin : g_c8
      assign p_v_reset = C_V_RESET[W-1:0];
    end
    if (PW9 > 0) begin : g_p9
      assign p_offset = param_q[PO9+:ACC_BITS];
    end else begin : g_c9
      assign p_offset = C_OFFSET[ACC_BITS-1:0];
    end
    if (SW_I > 0) begin : g_s_i
      assign s_i = state_q[W+:W];
    end else begin : g_zero_i
      assign s_i = {W{1'b0}};
    end
    if (SW_A > 0) begin : g_s_a
      assign s_a = state_q[W+SW_I+:W];
    end else begin : g_zero_a
      assign s_a = {W{1'b0}};
    end
    if (SW_R > 0) begin : g_s_ref
      assign s_ref = state_q[W+SW_I+SW_A+:REFRACT_BITS];
    end else begin : g_zero_ref
      assign s_ref = {REFRACT_BITS{1'b0}};
    end
  endgenerate
  wire unused_consts = &{1'b0, C_DECAY, C_GAIN, C_SYN_DECAY, C_SYN_GAIN, C_ADAPT_DECAY,
                         C_BIAS, C_THRESHOLD, C_ADAPT_GAIN, C_V_RESET, C_OFFSET, param_q};

  wire signed [ACC_BITS-1:0] drive_sum = p_offset + ring_q;
  wire signed [INPUT_BITS-1:0] drive;
  generate
    if (ACC_BITS > INPUT_BITS) begin : g_sat_drive
      saturate #(ACC_BITS, INPUT_BITS) u_sat_drive (
          .x(drive_sum),
          .y(drive)
      );
    end else begin : g_ext_drive
      assign drive = {{(INPUT_BITS - ACC_BITS) {drive_sum[ACC_BITS-1]}}, drive_sum};
    end
  endgenerate

  wire signed [W-1:0] n_v, n_i, n_a;
  wire [REFRACT_BITS-1:0] n_ref;
  wire n_spike;
  neuron_update #(
      .STATE_BITS(W),
      .INPUT_BITS(INPUT_BITS),
      .MULT_BITS(M),
      .FRAC_BITS(FRAC_BITS),
      .PARAM_BITS(P),
      .REFRACT_BITS(REFRACT_BITS),
      .ROUNDING(ROUNDING),
      .RESET_MODE(RESET_MODE),
      .SPIKING(SPIKING),
      .HAS_SYNAPSE(HAS_SYNAPSE),
      .PREVIOUS_CURRENT(PREVIOUS_CURRENT),
      .ADAPTIVE(ADAPTIVE)
  ) u_neuron (
      .clk(clk),
      .rst(rst),
      .in_valid(u1_valid),
      .x(drive),
      .v_in(s_v),
      .i_in(s_i),
      .a_in(s_a),
      .ref_in(s_ref),
      .decay(p_decay),
      .gain(p_gain),
      .syn_decay(p_syn_decay),
      .syn_gain(p_syn_gain),
      .adapt_decay(p_adapt_decay),
      .bias(p_bias),
      .threshold(p_threshold),
      .adapt_gain(p_adapt_gain),
      .v_reset(p_v_reset),
      .refractory(REFRACT_CONST),
      .out_valid(u2_valid),
      .v_out(n_v),
      .i_out(n_i),
      .a_out(n_a),
      .ref_out(n_ref),
      .spike(n_spike)
  );

  // Stage 2: write the state back (the fields the word holds), emit and
  // record.
  generate
    if (SW_R > 0 && SW_A > 0 && SW_I > 0) begin : g_new_iar
      assign state_new = {n_ref, n_a, n_i, n_v};
    end else if (SW_R > 0 && SW_A > 0) begin : g_new_ar
      assign state_new = {n_ref, n_a, n_v};
    end else if (SW_R > 0 && SW_I > 0) begin : g_new_ir
      assign state_new = {n_ref, n_i, n_v};
    end else if (SW_A > 0 && SW_I > 0) begin : g_new_ia
      assign state_new = {n_a, n_i, n_v};
    end else if (SW_R > 0) begin : g_new_r
      assign state_new = {n_ref, n_v};
    end else if (SW_A > 0) begin : g_new_a
      assign state_new = {n_a, n_v};
    end else if (SW_I > 0) begin : g_new_i
      assign state_new = {n_i, n_v};
    end else begin : g_new_v
      assign state_new = n_v;
    end
  endgenerate
  wire unused_new = &{1'b0, n_i, n_a, n_ref};

  wire out_empty_w, out_overflow, out_pop_valid;
  wire [NB-1:0] out_neuron;
  /* verilator lint_off PINCONNECTEMPTY */
  aer_fifo #(
      .WIDTH(NB),
      .DEPTH(N),
      .STYLE(OUT_FIFO_STYLE)
  ) u_out (
      .clk(clk),
      .rst(rst),
      .push(u2_valid & n_spike & (EMIT != 0)),
      .push_data(u2_k),
      .full(),
      .pop(out_pop),
      .pop_data(out_neuron),
      .pop_valid(out_pop_valid),
      .empty(out_empty_w),
      .count(),
      .overflow(out_overflow)
  );
  /* verilator lint_on PINCONNECTEMPTY */
  wire unused_out = &{1'b0, out_pop_valid};

  assign out_data = {OUT_SRC, {(EVN_BITS - NB) {1'b0}}, out_neuron};
  assign out_empty = out_empty_w;
  assign rec_valid = u2_valid;
  assign rec_neuron = u2_k;
  assign rec_value = (SPIKING != 0) ? {{(W - 1) {1'b0}}, n_spike} : n_v;
  assign syn_op = s2_valid;
  assign overflow = in_overflow | out_overflow;
  assign busy = upd_req | updating;
  assign idle = in_empty & engine_idle & out_empty_w;
endmodule

`default_nettype wire

`endif // SNC_RTL_NEURON_CORE_V
