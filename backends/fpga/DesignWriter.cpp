//===- DesignWriter.cpp - a planned design as files -----------------------===//
//
// writeDesign: top.v (cores, spike bus, level sequencer), one $readmemh
// image per core memory, the rtl/ primitives and the harness (embedded),
// design_table.h for the harness, and manifest.json. Reads the plan; decides
// nothing (the memory contents follow from the network and the plan).
//
//===----------------------------------------------------------------------===//

#include "backends/fpga/CoreTables.h"
#include "backends/fpga/Design.h"
#include "backends/fpga/EmbeddedFiles.h"
#include "runtime/FileIO.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace snc::fpga {

namespace {

constexpr int kFifoDepth = kEventFifoDepth;

/// A memory word built from fields, least significant first.
class BitWord {
public:
  void append(int64_t value, unsigned bits) {
    for (unsigned b = 0; b < bits; ++b)
      this->bits.push_back(b < 64 ? ((uint64_t(value) >> b) & 1) != 0
                                  : value < 0);
  }
  std::string hex() const {
    size_t digits = std::max<size_t>((bits.size() + 3) / 4, 1);
    std::string out(digits, '0');
    for (size_t d = 0; d < digits; ++d) {
      unsigned nibble = 0;
      for (unsigned b = 0; b < 4; ++b)
        if (4 * d + b < bits.size() && bits[4 * d + b])
          nibble |= 1u << b;
      out[digits - 1 - d] = "0123456789abcdef"[nibble];
    }
    return out;
  }

private:
  std::vector<bool> bits;
};

std::string coreFile(size_t core, const char *memory) {
  return "mem/core" + std::to_string(core) + "_" + memory + ".hex";
}

int64_t at(const std::vector<int64_t> &v, int64_t k) {
  return v.empty() ? 0 : v[size_t(k)];
}

int64_t saturateTo(int64_t v, unsigned bits) {
  int64_t hi = (int64_t(1) << (bits - 1)) - 1;
  return std::clamp(v, -hi - 1, hi);
}

struct Globals {
  unsigned srcBits = 1, evnBits = 1;
  // The configuration port (only if some core has a Loaded memory).
  bool loads = false;
  unsigned cfgAddrBits = 1, cfgDataBits = 1;
};

Globals globalsOf(const manycore::Network &network, const DesignPlan &plan) {
  Globals g;
  EventFields e = eventFields(plan);
  g.srcBits = e.srcBits;
  g.evnBits = e.evnBits;
  for (const auto &core : plan.cores) {
    if (core.synapseMemory != MemoryKind::Loaded)
      continue;
    CoreWidths w = coreWidths(network, core);
    g.loads = true;
    g.cfgAddrBits = std::max(
        g.cfgAddrBits,
        unsignedBitsFor(uint64_t(std::max<int64_t>(w.loadWords - 1, 1))));
    g.cfgDataBits = std::max(g.cfgDataBits, w.loadBits);
  }
  return g;
}

/// The $readmemh images of one core: name -> text.
std::vector<std::pair<std::string, std::string>>
coreImages(const manycore::Network &network, const CorePlan &core,
           const CoreTables &t, const CoreWidths &w) {
  const auto &population = network.populations[core.population];
  const auto &f = population.format;
  const auto &q = population.params;
  unsigned rowBits = core.rowIndexWords > 1
                         ? unsignedBitsFor(uint64_t(core.rowIndexWords - 1))
                         : 1;
  std::ostringstream source, rows, synapses, params, state, ring;
  for (size_t s = 0; s < t.sourceBase.size(); ++s) {
    BitWord word;
    word.append(t.sourceBase[s], rowBits);
    source << word.hex() << "\n";
  }
  for (const auto &row : t.rows) {
    BitWord word;
    word.append(row.start, w.startBits);
    word.append(row.count, core.countBits);
    if (core.denseRows)
      word.append(row.first, w.neuronBits);
    rows << word.hex() << "\n";
  }
  if (t.rows.empty())
    rows << "0\n";
  // A Loaded memory packs 2^laneBits synapse words per word, lane 0 low.
  size_t lanes =
      core.synapseMemory == MemoryKind::Loaded ? size_t(1) << w.laneBits : 1;
  for (size_t i = 0; i < t.synapses.size(); i += lanes) {
    BitWord word;
    for (size_t lane = 0; lane < lanes; ++lane) {
      SynapseWord s;
      if (i + lane < t.synapses.size())
        s = t.synapses[i + lane];
      word.append(s.weight, core.weightBits);
      if (!core.denseRows)
        word.append(s.target, w.neuronBits);
      word.append(s.delay, w.delayBits);
    }
    synapses << word.hex() << "\n";
  }
  if (t.synapses.empty())
    synapses << "0\n";
  BitWord zero;
  zero.append(0, core.accBits);
  for (int64_t k = core.lo; k < core.hi; ++k) {
    BitWord p;
    for (int i = 0; i < kParamFields; ++i)
      p.append(paramFieldValue(population, i, k), w.paramFieldBits[i]);
    params << p.hex() << "\n";
    // i, a and ref start at 0: only their width matters.
    BitWord s;
    s.append(q.vInit.empty() ? 0 : saturateTo(q.vInit[size_t(k)], f.stateBits),
             f.stateBits);
    s.append(0, w.stateWord - f.stateBits);
    state << s.hex() << "\n";
  }
  for (int64_t i = 0; i < core.ringSlots * (core.hi - core.lo); ++i)
    ring << zero.hex() << "\n";
  return {{"source", source.str()},     {"rows", rows.str()},
          {"synapses", synapses.str()}, {"params", params.str()},
          {"state", state.str()},       {"ring", ring.str()}};
}

std::string topVerilog(const manycore::Network &network, const DesignPlan &plan,
                       const std::vector<CoreTables> &tables,
                       const std::vector<bool> &recorded) {
  Globals g = globalsOf(network, plan);
  size_t cores = plan.cores.size();
  unsigned ev = g.srcBits + g.evnBits;
  unsigned selBits = unsignedBitsFor(uint64_t(cores));
  unsigned levelBits = unsignedBitsFor(uint64_t(std::max(plan.levels - 1, 1)));
  std::ostringstream v;
  v << "// Generated by snc (backends/fpga/DesignWriter.cpp) for network '"
    << network.name << "': do not edit.\n"
    << "// Neuron cores: " << cores << ", levels: " << plan.levels
    << ". docs/fpga.md describes the spike bus and the sequencer.\n"
    << "`default_nettype none\n\n"
    << "// Every primitive the cores use (rtl/ defines one module per file).\n"
    << "`include \"rtl/fixed_mul.v\"\n`include \"rtl/saturate.v\"\n"
    << "`include \"rtl/neuron_update.v\"\n`include \"rtl/aer_fifo.v\"\n"
    << "`include \"rtl/synapse_memory.v\"\n`include \"rtl/neuron_core.v\"\n\n"
    << "module top (\n    input wire clk,\n    input wire rst,\n"
    << "    // Input events {source, neuron} from the harness.\n"
    << "    input wire in_push,\n    input wire [" << ev - 1
    << ":0] in_data,\n    output wire in_full,\n"
    << "    // run: one step's levels; step_done: idle, the step is over.\n"
    << "    input wire run,\n    output wire step_done,\n"
    << "    // Clocks since rst, and synaptic operations (ring updates).\n"
    << "    output reg [63:0] cycles,\n"
    << "    output reg [63:0] synaptic_events,\n    output wire overflow";
  if (g.loads)
    v << ",\n    // Loaded memories: word cfg_addr of core cfg_core's "
         "synapses, "
         "before the first step.\n"
      << "    input wire cfg_we,\n    input wire [" << selBits - 1
      << ":0] cfg_core,\n    input wire [" << g.cfgAddrBits - 1
      << ":0] cfg_addr,\n    input wire [" << g.cfgDataBits - 1
      << ":0] cfg_data";
  for (size_t c = 0; c < cores; ++c) {
    if (!recorded[c])
      continue;
    CoreWidths w = coreWidths(network, plan.cores[c]);
    unsigned s = network.populations[plan.cores[c].population].format.stateBits;
    v << ",\n    output wire rec_valid_" << c << ",\n    output wire ["
      << w.neuronBits - 1 << ":0] rec_neuron_" << c << ",\n    output wire ["
      << s - 1 << ":0] rec_value_" << c;
  }
  v << "\n);\n";
  v << "  localparam integer CORES = " << cores << ";\n";
  v << "  wire [" << ev - 1 << ":0] bus_word;\n"
    << "  wire [" << g.srcBits - 1 << ":0] bus_source = bus_word[" << ev - 1
    << ":" << g.evnBits << "];\n"
    << "  wire [CORES-1:0] core_busy, core_idle, core_full, core_go, "
       "core_overflow, core_empty, core_pop, core_syn_op, bus_sub;\n"
    << "  wire [" << ev - 1 << ":0] core_out[0:CORES-1];\n"
    << "  wire in_empty, in_overflow, in_pop;\n"
    << "  wire [" << ev - 1 << ":0] in_word;\n"
    << "  wire deliver, take;\n"
    << "  reg have;  // the selected queue's pop_data is the bus word\n"
    << "  reg [" << selBits - 1 << ":0] sel_q;  // 0 inputs, 1 + c core c\n"
    << "  reg [2:0] phase;\n  reg [" << levelBits - 1 << ":0] level;\n"
    << "  localparam [2:0] IDLE = 3'd0, DRAIN = 3'd1, GO = 3'd2, WAIT = 3'd3, "
       "ADVANCE = 3'd4;\n\n";

  // Input queue.
  v << "  /* verilator lint_off PINCONNECTEMPTY */\n"
    << "  aer_fifo #(\n      .WIDTH(" << ev << "),\n      .DEPTH(" << kFifoDepth
    << "),\n      .STYLE(" << int(plan.inputQueueMemory)
    << ")\n  ) u_inputs (\n      .clk(clk),\n      .rst(rst),\n"
    << "      .push(in_push),\n      .push_data(in_data),\n      "
       ".full(in_full),\n"
    << "      .pop(in_pop),\n      .pop_data(in_word),\n      .pop_valid(),\n"
    << "      .empty(in_empty),\n      .count(),\n      "
       ".overflow(in_overflow)\n"
    << "  );\n";

  // Cores.
  for (size_t c = 0; c < cores; ++c) {
    const CorePlan &core = plan.cores[c];
    const auto &population = network.populations[core.population];
    const auto &f = population.format;
    CoreWidths w = coreWidths(network, core);
    bool emit = false;
    for (const auto &t : tables)
      emit = emit || t.subscribed[size_t(sourceOfCore(plan, int(c)))];
    v << "\n  // core " << c << ": population '" << population.name
      << "' neurons [" << core.lo << ", " << core.hi << "), level "
      << core.level << "\n"
      << "  neuron_core #(\n"
      << "      .N(" << core.hi - core.lo << "),\n"
      << "      .STATE_BITS(" << f.stateBits << "),\n"
      << "      .INPUT_BITS(" << population.driveBits << "),\n"
      << "      .MULT_BITS(" << core.multBits << "),\n"
      << "      .FRAC_BITS(" << f.fracBits << "),\n"
      << "      .PARAM_BITS(" << core.paramBits << "),\n"
      << "      .REFRACT_BITS(" << coreWidths(network, core).refractBits
      << "),\n"
      << "      .REFRACTORY(" << f.refractory << "),\n"
      << "      .ROUNDING(" << unsigned(f.rounding) << "),\n"
      << "      .RESET_MODE(" << unsigned(f.reset) << "),\n"
      << "      .SPIKING(" << (f.spiking ? 1 : 0) << "),\n"
      << "      .HAS_SYNAPSE(" << (f.hasSynapse ? 1 : 0) << "),\n"
      << "      .PREVIOUS_CURRENT(" << (f.previousCurrent ? 1 : 0) << "),\n"
      << "      .ADAPTIVE(" << (f.adaptive ? 1 : 0) << "),\n"
      << "      .ACC_BITS(" << core.accBits << "),\n"
      << "      .RING_SLOTS(" << core.ringSlots << "),\n"
      << "      .SOURCES(" << plan.sources.size() << "),\n"
      << "      .SRC_BITS(" << g.srcBits << "),\n"
      << "      .EVN_BITS(" << g.evnBits << "),\n"
      << "      .OUT_SOURCE(" << sourceOfCore(plan, int(c)) << "),\n"
      << "      .EMIT(" << (emit ? 1 : 0) << "),\n"
      << "      .ROW_WORDS(" << std::max<int64_t>(core.rowIndexWords, 1)
      << "),\n"
      << "      .SYN_WORDS(" << std::max<int64_t>(core.synapseWords, 1)
      << "),\n"
      << "      .COUNT_BITS(" << core.countBits << "),\n"
      << "      .DENSE_ROWS(" << (core.denseRows ? 1 : 0) << "),\n"
      << "      .WEIGHT_BITS(" << core.weightBits << "),\n"
      << "      .FIFO_DEPTH(" << kFifoDepth << "),\n"
      << "      .ROW_STYLE(" << int(core.rowMemory) << "),\n"
      << "      .PARAM_STYLE(" << int(core.paramMemory) << "),\n"
      << "      .STATE_STYLE(" << int(core.stateMemory) << "),\n"
      << "      .RING_STYLE(" << int(core.ringMemory) << "),\n"
      << "      .SYN_STYLE(" << int(core.synapseMemory) << "),\n"
      << "      .IN_FIFO_STYLE(" << int(core.inQueueMemory) << "),\n"
      << "      .OUT_FIFO_STYLE(" << int(core.outQueueMemory) << "),\n";
    if (core.synapseMemory == MemoryKind::Loaded)
      v << "      .LOAD_BITS(" << w.loadBits << "),\n"
        << "      .LOAD_WORDS(" << w.loadWords << "),\n"
        << "      .LANE_BITS(" << w.laneBits << "),\n";
    v << "      .PARAM_CONST(10'b";
    for (int i = kParamFields - 1; i >= 0; --i)
      v << ((core.paramConstants >> i) & 1);
    v << "),\n";
    static const char *constNames[kParamFields] = {
        "DECAY", "GAIN",      "SYN_DECAY",  "SYN_GAIN", "ADAPT_DECAY",
        "BIAS",  "THRESHOLD", "ADAPT_GAIN", "V_RESET",  "OFFSET"};
    for (int i = 0; i < kParamFields; ++i) {
      if (!((core.paramConstants >> i) & 1))
        continue;
      int64_t value = paramFieldValue(population, i, core.lo);
      char hex[17];
      std::snprintf(hex, sizeof hex, "%016llx",
                    (unsigned long long)uint64_t(value));
      v << "      .C_" << constNames[i] << "(64'h" << hex << "),\n";
    }
    v << "      .SOURCE_FILE(\"" << coreFile(c, "source") << "\"),\n"
      << "      .ROW_FILE(\"" << coreFile(c, "rows") << "\"),\n"
      << "      .SYN_FILE(\"" << coreFile(c, "synapses") << "\"),\n"
      << "      .PARAM_FILE(\"" << coreFile(c, "params") << "\"),\n"
      << "      .STATE_FILE(\"" << coreFile(c, "state") << "\"),\n"
      << "      .RING_FILE(\"" << coreFile(c, "ring") << "\")\n"
      << "  ) u_core" << c << " (\n"
      << "      .clk(clk),\n      .rst(rst),\n";
    if (core.synapseMemory == MemoryKind::Loaded)
      v << "      .cfg_we(cfg_we && cfg_core == " << selBits << "'d" << c
        << "),\n      .cfg_addr(cfg_addr["
        << unsignedBitsFor(uint64_t(std::max<int64_t>(w.loadWords - 1, 1))) - 1
        << ":0]),\n      .cfg_data(cfg_data[" << w.loadBits - 1 << ":0]),\n";
    else
      v << "      .cfg_we(1'b0),\n      .cfg_addr(1'b0),\n"
        << "      .cfg_data(" << kSpramWidth << "'d0),\n";
    v << "      .go(core_go[" << c << "]),\n"
      << "      .advance(phase == ADVANCE),\n"
      << "      .busy(core_busy[" << c << "]),\n"
      << "      .idle(core_idle[" << c << "]),\n"
      << "      .ev_push(have & deliver & bus_sub[" << c << "]),\n"
      << "      .ev_data(bus_word),\n"
      << "      .ev_full(core_full[" << c << "]),\n"
      << "      .out_pop(core_pop[" << c << "]),\n"
      << "      .out_data(core_out[" << c << "]),\n"
      << "      .out_empty(core_empty[" << c << "]),\n";
    if (recorded[c])
      v << "      .rec_valid(rec_valid_" << c << "),\n"
        << "      .rec_neuron(rec_neuron_" << c << "),\n"
        << "      .rec_value(rec_value_" << c << "),\n";
    else
      v << "      .rec_valid(),\n      .rec_neuron(),\n      .rec_value(),\n";
    v << "      .syn_op(core_syn_op[" << c << "]),\n"
      << "      .overflow(core_overflow[" << c << "])\n  );\n";
  }
  v << "  /* verilator lint_on PINCONNECTEMPTY */\n\n";

  // Level of each core.
  for (size_t c = 0; c < cores; ++c)
    v << "  assign core_go[" << c
      << "] = (phase == GO) && (level == " << levelBits << "'d"
      << plan.cores[c].level << ");\n";

  // Subscriptions: which cores take an event of a source.
  v << "\n  // Subscriptions: the cores whose synapses an event of the bus "
       "word's source reaches.\n";
  for (size_t c = 0; c < cores; ++c) {
    std::vector<size_t> sources;
    for (size_t s = 0; s < plan.sources.size(); ++s)
      if (tables[c].subscribed[s])
        sources.push_back(s);
    v << "  assign bus_sub[" << c << "] = ";
    if (sources.empty())
      v << "1'b0";
    for (size_t i = 0; i < sources.size(); ++i)
      v << (i ? " || " : "") << "(bus_source == " << g.srcBits << "'d"
        << sources[i] << ")";
    v << ";\n";
  }

  // The bus: fixed priority (inputs, then cores in order); a word goes out
  // when every subscribed core can take it.
  v << "\n  // Spike bus: fixed priority over the input queue and the cores' "
       "output queues.\n"
    << "  assign deliver = ~|(bus_sub & core_full);\n"
    << "  assign take = ~have | deliver;\n"
    << "  reg [" << selBits - 1 << ":0] pick;\n  reg any;\n"
    << "  always @* begin\n    any = 1'b1;\n"
    << "    pick = " << selBits << "'d0;\n"
    << "    if (!in_empty) pick = " << selBits << "'d0;\n";
  for (size_t c = 0; c < cores; ++c)
    v << "    else if (!core_empty[" << c << "]) pick = " << selBits << "'d"
      << c + 1 << ";\n";
  v << "    else any = 1'b0;\n  end\n"
    << "  assign in_pop = take & any & (pick == " << selBits << "'d0);\n";
  for (size_t c = 0; c < cores; ++c)
    v << "  assign core_pop[" << c << "] = take & any & (pick == " << selBits
      << "'d" << c + 1 << ");\n";
  v << "  reg [" << ev - 1 << ":0] word_mux;\n"
    << "  always @* begin\n    case (sel_q)\n";
  for (size_t c = 0; c < cores; ++c)
    v << "      " << selBits << "'d" << c + 1 << ": word_mux = core_out[" << c
      << "];\n";
  v << "      default: word_mux = in_word;\n    endcase\n  end\n"
    << "  assign bus_word = word_mux;\n"
    << "  always @(posedge clk) begin\n"
    << "    if (take & any) sel_q <= pick;\n"
    << "    if (rst) have <= 1'b0;\n"
    << "    else have <= (take & any) | (have & ~deliver);\n  end\n\n";

  // Sequencer.
  v << "  // Level sequencer: wait until quiet, start a level, wait until its "
       "cores are done and every event is delivered; then the next level.\n"
    << "  wire quiet = in_empty & ~have & (&core_idle) & ~(|core_busy);\n"
    << "  always @(posedge clk) begin\n"
    << "    if (rst) begin\n      phase <= IDLE;\n      level <= " << levelBits
    << "'d0;\n    end else begin\n"
    << "      case (phase)\n"
    << "        IDLE: if (run) begin\n          phase <= DRAIN;\n"
    << "          level <= " << levelBits << "'d0;\n        end\n"
    << "        DRAIN: if (quiet) phase <= GO;\n"
    << "        GO: phase <= WAIT;\n"
    << "        WAIT: if (quiet) begin\n"
    << "          if (level == " << levelBits << "'d" << plan.levels - 1
    << ") phase <= ADVANCE;\n"
    << "          else begin\n            level <= level + " << levelBits
    << "'d1;\n            phase <= GO;\n          end\n        end\n"
    << "        default: phase <= IDLE;  // ADVANCE\n"
    << "      endcase\n    end\n  end\n"
    << "  assign step_done = phase == IDLE;\n\n";

  // Counters and errors.
  v << "  always @(posedge clk) begin\n"
    << "    if (rst) cycles <= 64'd0;\n    else cycles <= cycles + 64'd1;\n"
    << "  end\n";
  v << "  always @(posedge clk) begin\n    if (rst) synaptic_events <= 64'd0;\n"
    << "    else synaptic_events <= synaptic_events";
  for (size_t c = 0; c < cores; ++c)
    v << "\n        + {63'd0, core_syn_op[" << c << "]}";
  v << ";\n  end\n"
    << "  assign overflow = in_overflow | (|core_overflow);\n"
    << "endmodule\n\n`default_nettype wire\n";
  return v.str();
}

std::string designTable(const manycore::Network &network,
                        const DesignPlan &plan,
                        const std::vector<CoreTables> &tables,
                        const std::vector<bool> &recorded) {
  Globals g = globalsOf(network, plan);
  std::vector<int> inputPopulation;
  for (size_t p = 0; p < network.populations.size(); ++p)
    if (network.populations[p].isInput) {
      int index = network.populations[p].inputIndex;
      if (index >= int(inputPopulation.size()))
        inputPopulation.resize(size_t(index) + 1, -1);
      inputPopulation[size_t(index)] = int(p);
    }
  auto sourceOfInput = [&](int population) {
    for (size_t s = 0; s < plan.sources.size(); ++s)
      if (plan.sources[s].population == population && plan.sources[s].core < 0)
        return int(s);
    return -1;
  };
  std::ostringstream h;
  h << "// Generated by snc (backends/fpga/DesignWriter.cpp): do not edit.\n"
    << "// What harness_main.cpp needs to know about this design.\n"
    << "#pragma once\n#include <cstdint>\n#include <vector>\n\n"
    << "namespace design {\n"
    << "constexpr int kInputs = " << inputPopulation.size() << ";\n"
    << "constexpr int kOutputs = " << network.outputs.size() << ";\n"
    << "constexpr unsigned kEvnBits = " << g.evnBits << ";\n"
    << "constexpr int64_t kStepCycleLimit = 100000000;\n";
  auto list = [&](const char *type, const char *name, size_t n, auto value) {
    h << "constexpr " << type << " " << name << "[" << std::max<size_t>(n, 1)
      << "] = {";
    for (size_t i = 0; i < n; ++i)
      h << (i ? ", " : "") << value(i);
    if (n == 0)
      h << "0";
    h << "};\n";
  };
  list("int64_t", "kInputSize", inputPopulation.size(), [&](size_t i) {
    return network.populations[size_t(inputPopulation[i])].size;
  });
  list("int", "kInputSource", inputPopulation.size(),
       [&](size_t i) { return sourceOfInput(inputPopulation[i]); });
  list("bool", "kInputUsed", inputPopulation.size(), [&](size_t i) {
    int s = sourceOfInput(inputPopulation[i]);
    bool used = false;
    for (const auto &t : tables)
      used = used || t.subscribed[size_t(s)];
    return used ? "true" : "false";
  });
  list("int64_t", "kOutputSize", network.outputs.size(), [&](size_t o) {
    return network.populations[size_t(network.outputs[o])].size;
  });
  list("bool", "kOutputSpikes", network.outputs.size(), [&](size_t o) {
    const auto &p = network.populations[size_t(network.outputs[o])];
    return p.isInput || p.format.spiking ? "true" : "false";
  });

  h << "\n// Outputs that are network inputs report the input spikes.\n"
    << "inline void recordInput(int input, int64_t t, int64_t k, "
       "std::vector<std::vector<int64_t>> &out) {\n"
    << "  (void)input; (void)t; (void)k; (void)out;\n";
  for (size_t o = 0; o < network.outputs.size(); ++o) {
    const auto &p = network.populations[size_t(network.outputs[o])];
    if (p.isInput)
      h << "  if (input == " << p.inputIndex << ") out[" << o << "][size_t(t * "
        << p.size << " + k)] = 1;\n";
  }
  h << "}\n\n"
    << "inline int64_t signExtend(uint64_t v, unsigned bits) {\n"
    << "  uint64_t sign = uint64_t(1) << (bits - 1);\n"
    << "  v &= (sign << 1) - 1;\n  return int64_t(v ^ sign) - int64_t(sign);\n"
    << "}\n\n"
    << "// Each recorded core's value of the neuron it just updated.\n"
    << "template <class Top>\n"
    << "void sampleRecords(Top &top, int64_t t, "
       "std::vector<std::vector<int64_t>> &out) {\n"
    << "  (void)top; (void)t; (void)out;\n";
  for (size_t c = 0; c < plan.cores.size(); ++c) {
    if (!recorded[c])
      continue;
    const CorePlan &core = plan.cores[c];
    const auto &p = network.populations[size_t(core.population)];
    h << "  if (top.rec_valid_" << c << ") {\n"
      << "    int64_t k = " << core.lo << " + int64_t(top.rec_neuron_" << c
      << ");\n"
      << "    int64_t value = signExtend(uint64_t(top.rec_value_" << c << "), "
      << p.format.stateBits << ");\n";
    for (size_t o = 0; o < network.outputs.size(); ++o)
      if (network.outputs[o] == core.population)
        h << "    out[" << o << "][size_t(t * " << p.size
          << " + k)] = value;\n";
    h << "  }\n";
  }
  h << "}\n\n"
    << "// Loaded memories: (core, image, words); setConfig drives the "
       "configuration port.\n"
    << "struct Load {\n  int core;\n  const char *image;\n  int64_t words;\n"
    << "};\n";
  std::vector<size_t> loaded;
  for (size_t c = 0; c < plan.cores.size(); ++c)
    if (plan.cores[c].synapseMemory == MemoryKind::Loaded)
      loaded.push_back(c);
  list("Load", "kLoads", loaded.size(), [&](size_t i) {
    size_t c = loaded[i];
    return "{" + std::to_string(c) + ", \"" + coreFile(c, "synapses") + "\", " +
           std::to_string(coreWidths(network, plan.cores[c]).loadWords) + "}";
  });
  h << "constexpr int kLoadCount = " << loaded.size() << ";\n"
    << "template <class Top>\n"
    << "void setConfig(Top &top, bool we, int core, uint64_t address, "
       "uint64_t data) {\n";
  if (g.loads)
    h << "  top.cfg_we = we;\n  top.cfg_core = core;\n"
      << "  top.cfg_addr = address;\n  top.cfg_data = data;\n";
  else
    h << "  (void)top; (void)we; (void)core; (void)address; (void)data;\n";
  h << "}\n} // namespace design\n";
  return h.str();
}

std::string verilatorVersion() {
  FILE *pipe = popen("verilator --version 2>/dev/null", "r");
  if (!pipe)
    return "not found";
  char buffer[256] = {0};
  std::string line;
  if (fgets(buffer, sizeof buffer, pipe))
    line = buffer;
  pclose(pipe);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
    line.pop_back();
  return line.empty() ? "not found" : line;
}

} // namespace

bool writeDesign(const manycore::Network &network, const DesignPlan &plan,
                 const targets::TargetDescription &target,
                 const std::string &directory, std::string &summary,
                 std::string &error) {
  DesignPlan checked = plan;
  if (!completeSources(network, checked, error))
    return false;
  std::vector<CoreTables> tables(checked.cores.size());
  for (size_t c = 0; c < checked.cores.size(); ++c) {
    if (!buildCoreTables(network, checked, int(c), tables[c], error))
      return false;
    const CorePlan &core = checked.cores[c];
    if (core.synapseWords != int64_t(tables[c].synapses.size()) ||
        core.rowIndexWords != int64_t(tables[c].rows.size()) ||
        core.ringSlots < tables[c].maxDelay + 1 ||
        core.accBits < signedBitsFor(tables[c].accBound) ||
        core.weightBits < signedBitsFor(tables[c].maxAbsWeight) ||
        core.countBits < unsignedBitsFor(uint64_t(tables[c].maxRow)) ||
        (core.denseRows && !tables[c].denseFits)) {
      error = "core " + std::to_string(c) +
              " does not match the network (its plan was made for another "
              "network)";
      return false;
    }
    const auto &population = network.populations[size_t(core.population)];
    for (int i = 0; i < kParamFields; ++i)
      for (int64_t k = core.lo; (core.paramConstants >> i) & 1 && k < core.hi;
           ++k)
        if (paramFieldValue(population, i, k) !=
            paramFieldValue(population, i, core.lo)) {
          error = "core " + std::to_string(c) + " keeps parameter field " +
                  std::to_string(i) +
                  " as a constant, but its neurons differ in it (its plan "
                  "was made for another network)";
          return false;
        }
    // A delay-0 spike must reach its core in the same step: the source
    // updates in an earlier level (a plan read back from edited IR may not).
    for (int from : tables[c].delayZeroFromCores)
      if (checked.cores[size_t(from)].level >= core.level) {
        error = "core " + std::to_string(c) + " (level " +
                std::to_string(core.level) +
                ") takes delay-0 synapses from core " + std::to_string(from) +
                " (level " + std::to_string(checked.cores[size_t(from)].level) +
                "), so it must update in a later level";
        return false;
      }
  }
  std::vector<bool> recorded(checked.cores.size(), false);
  for (size_t c = 0; c < checked.cores.size(); ++c)
    for (int o : network.outputs)
      recorded[c] = recorded[c] || o == checked.cores[c].population;

  std::error_code ec;
  std::filesystem::create_directories(directory + "/mem", ec);
  if (!ec)
    std::filesystem::create_directories(directory + "/rtl", ec);
  if (ec) {
    error = directory + ": cannot create the design directory: " + ec.message();
    return false;
  }
  auto write = [&](const std::string &name, const std::string &text) {
    return runtime::writeFileAtomically(directory + "/" + name, text, error);
  };
  for (const auto &file : embeddedDesignFiles())
    if (!write(file.path, file.text))
      return false;

  nlohmann::json manifest;
  // `snc simulate` finds the backend by this name.
  manifest["backend"] = "fpga";
  manifest["format"] = "snc-fpga-design-1";
  manifest["network"] = network.name;
  manifest["target"] = target.name;
  manifest["levels"] = checked.levels;
  manifest["block_rams"] = double(checked.bramHalves) / 2;
  manifest["part_block_rams"] = checked.partBlockRams;
  manifest["sprams"] = checked.sprams;
  manifest["part_sprams"] = checked.partSprams;
  manifest["tools"] = {{"verilator", verilatorVersion()}};
  manifest["cores"] = nlohmann::json::array();
  std::ostringstream lines;
  for (size_t c = 0; c < checked.cores.size(); ++c) {
    const CorePlan &core = checked.cores[c];
    const auto &population = network.populations[size_t(core.population)];
    CoreWidths w = coreWidths(network, core);
    nlohmann::json memories = nlohmann::json::array();
    for (const auto &[name, text] : coreImages(network, core, tables[c], w)) {
      std::string file = coreFile(c, name.c_str());
      if (!write(file, text))
        return false;
      memories.push_back(file);
    }
    nlohmann::json entry;
    for (const auto &[name, value] : core.fields())
      entry[name] = value;
    entry["name"] = population.name;
    entry["source"] = sourceOfCore(checked, int(c));
    entry["memories"] = memories;
    manifest["cores"].push_back(entry);
    lines << "core " << c << ": population '" << population.name
          << "' neurons [" << core.lo << ", " << core.hi << "), level "
          << core.level << ", " << core.synapseWords << " synapses, ring "
          << core.ringSlots << " x " << core.accBits << " bits, "
          << blockRamText(core.bramHalves) << " block RAMs";
    if (core.sprams)
      lines << " + " << core.sprams << " SPRAM (loaded at reset)";
    lines << "\n";
  }
  manifest["inputs"] = nlohmann::json::array();
  for (size_t s = 0; s < checked.sources.size(); ++s) {
    const SourcePlan &source = checked.sources[s];
    if (source.core >= 0)
      continue;
    const auto &population = network.populations[size_t(source.population)];
    manifest["inputs"].push_back({{"index", population.inputIndex},
                                  {"name", population.name},
                                  {"size", population.size},
                                  {"source", s}});
  }
  manifest["outputs"] = nlohmann::json::array();
  for (size_t o = 0; o < network.outputs.size(); ++o) {
    const auto &population = network.populations[size_t(network.outputs[o])];
    nlohmann::json cores = nlohmann::json::array();
    for (size_t c = 0; c < checked.cores.size(); ++c)
      if (checked.cores[c].population == network.outputs[o])
        cores.push_back(c);
    manifest["outputs"].push_back(
        {{"index", o},
         {"name", population.name},
         {"size", population.size},
         {"kind", population.isInput          ? "input_spikes"
                  : population.format.spiking ? "spikes"
                                              : "v"},
         {"cores", cores}});
  }
  if (!write("top.v", topVerilog(network, checked, tables, recorded)) ||
      !write("design_table.h",
             designTable(network, checked, tables, recorded)) ||
      !write("manifest.json", manifest.dump(2) + "\n"))
    return false;
  summary = lines.str();
  return true;
}

} // namespace snc::fpga
