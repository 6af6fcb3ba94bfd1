//===- DesignPlan.cpp - cores, levels, widths and resources ---------------===//
//
// planDesign and what it records: CorePlan's fields, completeSources.
//
//===----------------------------------------------------------------------===//

#include "backends/fpga/CoreTables.h"
#include "backends/fpga/Design.h"

#include <algorithm>
#include <cstdlib>

namespace snc::fpga {

namespace {

struct FieldRef {
  const char *name;
  int64_t min, max;
};

// The order and ranges of CorePlan's fields.
const FieldRef kFields[] = {
    {"population", 0, INT32_MAX},
    {"lo", 0, INT64_MAX},
    {"hi", 1, INT64_MAX},
    {"level", 0, INT32_MAX},
    {"ring_slots", 1, 1 << 16},
    {"acc_bits", 2, 64},
    {"synapse_words", 0, INT64_MAX},
    {"row_index_words", 0, INT64_MAX},
    {"bram_halves", 0, INT64_MAX},
    {"sprams", 0, INT64_MAX},
    {"weight_bits", 2, 64},
    {"mult_bits", 2, 64},
    {"param_bits", 2, 64},
    {"count_bits", 1, 64},
    {"dense_rows", 0, 1},
    {"param_constants", 0, (1 << kParamFields) - 1},
    {"row_memory", 0, 3},
    {"param_memory", 0, 3},
    {"state_memory", 0, 3},
    {"ring_memory", 0, 3},
    {"synapse_memory", 0, 2},
    {"in_queue_memory", 0, 3},
    {"out_queue_memory", 0, 3},
};

std::string coreName(const manycore::Network &network, const CorePlan &core,
                     size_t index) {
  return "core " + std::to_string(index) + " (population '" +
         network.populations[core.population].name + "' neurons [" +
         std::to_string(core.lo) + ", " + std::to_string(core.hi) + "))";
}

int64_t blocksFor(int64_t bits, int64_t bitsPerBlock) {
  if (bits <= 0 || bitsPerBlock <= 0)
    return 0;
  return (bits + bitsPerBlock - 1) / bitsPerBlock;
}

// The parameters a format needs, each with one entry per neuron.
bool checkPopulation(const manycore::Population &p, std::string &error) {
  const auto &f = p.format;
  std::string where = "population '" + p.name + "': ";
  if (f.stateBits < 2 || f.stateBits > 62) {
    error = where + "state_bits " + std::to_string(f.stateBits) +
            " is outside the 2..62 a neuron core supports";
    return false;
  }
  if (p.driveBits < 2 || p.driveBits > 62) {
    error = where + "drive width " + std::to_string(p.driveBits) +
            " is outside the 2..62 a neuron core supports";
    return false;
  }
  if (f.fracBits > 62) {
    error = where + "frac_bits " + std::to_string(f.fracBits) +
            " is more than the 62 a neuron core supports";
    return false;
  }
  if (f.refractory < 0 || f.refractory > (int64_t(1) << 30)) {
    error = where + "refractory period " + std::to_string(f.refractory) +
            " is outside 0..2^30";
    return false;
  }
  auto sized = [&](const std::vector<int64_t> &v, const char *name,
                   bool needed) {
    if (!needed || v.size() == size_t(p.size))
      return true;
    error = where + name + " has " + std::to_string(v.size()) +
            " entries, expected " + std::to_string(p.size);
    return false;
  };
  const auto &q = p.params;
  if (!sized(q.decay, "decay", true) || !sized(q.gain, "gain", true) ||
      !sized(q.bias, "bias", true) ||
      !sized(q.threshold, "threshold", f.spiking) ||
      !sized(q.vReset, "v_reset", f.spiking) ||
      !sized(q.synDecay, "syn_decay", f.hasSynapse) ||
      !sized(q.synGain, "syn_gain", f.hasSynapse) ||
      !sized(q.adaptDecay, "adapt_decay", f.adaptive) ||
      !sized(q.adaptGain, "adapt_gain", f.adaptive) ||
      !sized(q.vInit, "v_init", !q.vInit.empty()) ||
      !sized(p.driveOffset, "drive offset", !p.driveOffset.empty()))
    return false;
  // v = v_reset is stored unsaturated by the reference: it must fit.
  int64_t limit = (int64_t(1) << (f.stateBits - 1)) - 1;
  if (f.spiking)
    for (int64_t r : q.vReset)
      if (r > limit || r < -limit - 1) {
        error = where + "v_reset " + std::to_string(r) +
                " does not fit state_bits " + std::to_string(f.stateBits);
        return false;
      }
  return true;
}

int64_t maxMagnitude(const std::vector<int64_t> &v, int64_t lo, int64_t hi) {
  int64_t m = 0;
  if (v.empty())
    return 0;
  for (int64_t k = lo; k < hi; ++k)
    m = std::max(m, v[size_t(k)] < 0 ? -(v[size_t(k)] + 1) + 1 : v[size_t(k)]);
  return m;
}

// A memory this small costs fewer logic cells in flip-flops and their read
// multiplexer than a block RAM is worth, and stays off the block RAM's slow
// clock-to-output path (a 16-deep event queue of 9 bits does not).
constexpr int64_t kRegisterMemoryBits = 64;

MemoryKind smallMemoryKind(const targets::FPGACapacity &part, int64_t bits) {
  if (hasLutRam(part) && bits * 4 <= part.bramBitsPerBlock)
    return MemoryKind::Distributed;
  if (!hasLutRam(part) && bits <= kRegisterMemoryBits)
    return MemoryKind::Registers;
  return MemoryKind::Block;
}

// Where each memory of `core` lives, and the blocks they take as yosys
// maps them. A memory of at most a quarter block goes to LUTs where the
// part has LUT RAM (a block would be mostly empty), one of at most
// kRegisterMemoryBits to flip-flops where it has none; the synapses go to
// SPRAM, loaded at reset, when they do not fit the block RAMs and the part
// has SPRAM. The event queues (rtl/aer_fifo.v) follow the same rule as the
// small memories. Read-only memories count the bit columns that are not the
// same in every word (yosys drops the others).
void placeMemories(const manycore::Network &network,
                   const targets::FPGACapacity &part, const CoreTables &t,
                   const EventFields &events, CorePlan &core) {
  const auto &population = network.populations[core.population];
  int64_t neurons = core.hi - core.lo;
  CoreWidths w = coreWidths(network, core);
  RomColumns rows, params, synapses;
  for (const auto &row : t.rows) {
    std::vector<std::pair<int64_t, unsigned>> fields = {
        {row.start, w.startBits}, {row.count, core.countBits}};
    if (core.denseRows)
      fields.push_back({row.first, w.neuronBits});
    rows.add(fields);
  }
  for (int64_t k = core.lo; k < core.hi; ++k) {
    std::vector<std::pair<int64_t, unsigned>> fields;
    for (int i = 0; i < kParamFields; ++i)
      fields.push_back(
          {paramFieldValue(population, i, k), w.paramFieldBits[i]});
    params.add(fields);
  }
  for (const auto &s : t.synapses)
    synapses.add({{s.weight, core.weightBits},
                  {s.target, core.denseRows ? 0u : w.neuronBits},
                  {s.delay, w.delayBits}});
  struct Memory {
    MemoryKind *kind;
    int64_t words, width;
  };
  Memory small[] = {
      {&core.rowMemory, core.rowIndexWords, int64_t(rows.varying())},
      {&core.paramMemory, neurons, int64_t(params.varying())},
      {&core.stateMemory, neurons, w.stateWord},
      {&core.ringMemory, core.ringSlots * neurons, int64_t(core.accBits)},
      {&core.inQueueMemory, kEventFifoDepth,
       int64_t(events.srcBits + events.evnBits)},
      {&core.outQueueMemory, neurons, int64_t(w.neuronBits)}};
  int64_t halves = 0;
  for (Memory &m : small) {
    *m.kind = smallMemoryKind(part, m.words * m.width);
    if (*m.kind == MemoryKind::Block)
      halves += blockRamHalves(part, m.words, m.width);
  }
  int64_t synapseHalves =
      blockRamHalves(part, core.synapseWords, synapses.varying());
  core.synapseMemory = MemoryKind::Block;
  core.sprams = 0;
  if (part.spramBlocks && part.spramBitsPerBlock && w.synapseWord <= 64 &&
      synapseHalves + halves > 2 * part.bramBlocks) {
    core.synapseMemory = MemoryKind::Loaded;
    CoreWidths loaded = coreWidths(network, core);
    core.sprams = ((loaded.loadWords + kSpramDepth - 1) / kSpramDepth) *
                  ((loaded.loadBits + kSpramWidth - 1) / kSpramWidth);
    synapseHalves = 0;
  }
  core.bramHalves = halves + synapseHalves;
}

} // namespace

std::vector<std::pair<std::string, int64_t>> CorePlan::fields() const {
  int64_t dense = denseRows;
  int64_t values[] = {population,
                      lo,
                      hi,
                      level,
                      ringSlots,
                      accBits,
                      synapseWords,
                      rowIndexWords,
                      bramHalves,
                      sprams,
                      weightBits,
                      multBits,
                      paramBits,
                      countBits,
                      dense,
                      paramConstants,
                      int64_t(rowMemory),
                      int64_t(paramMemory),
                      int64_t(stateMemory),
                      int64_t(ringMemory),
                      int64_t(synapseMemory),
                      int64_t(inQueueMemory),
                      int64_t(outQueueMemory)};
  static_assert(std::size(values) == std::size(kFields));
  std::vector<std::pair<std::string, int64_t>> out;
  for (size_t i = 0; i < std::size(kFields); ++i)
    out.emplace_back(kFields[i].name, values[i]);
  return out;
}

bool CorePlan::fromFields(
    const std::vector<std::pair<std::string, int64_t>> &fields, CorePlan &plan,
    std::string &error) {
  int64_t values[std::size(kFields)];
  for (size_t i = 0; i < std::size(kFields); ++i) {
    auto it = std::find_if(fields.begin(), fields.end(), [&](const auto &f) {
      return f.first == kFields[i].name;
    });
    if (it == fields.end()) {
      error = std::string("missing core field '") + kFields[i].name + "'";
      return false;
    }
    if (it->second < kFields[i].min || it->second > kFields[i].max) {
      error = std::string("core field '") + kFields[i].name +
              "' = " + std::to_string(it->second) + " is out of range [" +
              std::to_string(kFields[i].min) + ", " +
              std::to_string(kFields[i].max) + "]";
      return false;
    }
    values[i] = it->second;
  }
  CorePlan p;
  p.population = int(values[0]);
  p.lo = values[1];
  p.hi = values[2];
  p.level = int(values[3]);
  p.ringSlots = values[4];
  p.accBits = unsigned(values[5]);
  p.synapseWords = values[6];
  p.rowIndexWords = values[7];
  p.bramHalves = values[8];
  p.sprams = values[9];
  p.weightBits = unsigned(values[10]);
  p.multBits = unsigned(values[11]);
  p.paramBits = unsigned(values[12]);
  p.countBits = unsigned(values[13]);
  p.denseRows = values[14] != 0;
  p.paramConstants = values[15];
  p.rowMemory = MemoryKind(values[16]);
  p.paramMemory = MemoryKind(values[17]);
  p.stateMemory = MemoryKind(values[18]);
  p.ringMemory = MemoryKind(values[19]);
  p.synapseMemory = MemoryKind(values[20]);
  p.inQueueMemory = MemoryKind(values[21]);
  p.outQueueMemory = MemoryKind(values[22]);
  if (p.lo >= p.hi) {
    error = "core field 'lo' = " + std::to_string(p.lo) +
            " is not below 'hi' = " + std::to_string(p.hi);
    return false;
  }
  plan = p;
  return true;
}

std::string blockRamText(int64_t halves) {
  return std::to_string(halves / 2) + (halves % 2 ? ".5" : "");
}

int sourceOfCore(const DesignPlan &plan, int core) {
  for (size_t s = 0; s < plan.sources.size(); ++s)
    if (plan.sources[s].core == core)
      return int(s);
  return -1;
}

bool completeSources(const manycore::Network &network, DesignPlan &plan,
                     std::string &error) {
  plan.sources.clear();
  size_t numPopulations = network.populations.size();
  for (size_t p = 0; p < numPopulations; ++p)
    if (network.populations[p].isInput)
      plan.sources.push_back({int(p), 0, network.populations[p].size, -1});
  // Every neuron of every non-input population in exactly one core.
  std::vector<std::vector<std::pair<int64_t, int64_t>>> covered(numPopulations);
  int maxLevel = 0;
  for (size_t c = 0; c < plan.cores.size(); ++c) {
    const CorePlan &core = plan.cores[c];
    if (core.population < 0 || size_t(core.population) >= numPopulations) {
      error = "core " + std::to_string(c) + " names population " +
              std::to_string(core.population) + ", but the network has " +
              std::to_string(numPopulations);
      return false;
    }
    const auto &population = network.populations[core.population];
    if (population.isInput || core.lo < 0 || core.hi > population.size ||
        core.lo >= core.hi) {
      error = coreName(network, core, c) +
              (population.isInput
                   ? ": an input population has no core"
                   : ": not a neuron range of the population (" +
                         std::to_string(population.size) + " neurons)");
      return false;
    }
    covered[core.population].push_back({core.lo, core.hi});
    plan.sources.push_back({core.population, core.lo, core.hi, int(c)});
    maxLevel = std::max(maxLevel, core.level);
  }
  for (size_t p = 0; p < numPopulations; ++p) {
    if (network.populations[p].isInput)
      continue;
    auto ranges = covered[p];
    std::sort(ranges.begin(), ranges.end());
    int64_t next = 0;
    for (const auto &[lo, hi] : ranges) {
      if (lo != next)
        break;
      next = hi;
    }
    if (next != network.populations[p].size) {
      error = "the cores do not cover population '" +
              network.populations[p].name + "' exactly once (neuron " +
              std::to_string(next) + ")";
      return false;
    }
  }
  plan.levels = maxLevel + 1;
  return true;
}

bool planDesign(const manycore::Network &network,
                const std::vector<mapping::Slice> &slices,
                const targets::TargetDescription &target, DesignPlan &plan,
                std::string &error) {
  if (!target.fpga) {
    error = "target '" + target.name + "' has no FPGA capacity section";
    return false;
  }
  const targets::FPGACapacity &part = *target.fpga;
  DesignPlan result;
  for (const auto &slice : slices) {
    if (slice.population < 0 ||
        size_t(slice.population) >= network.populations.size()) {
      error = "slice of population " + std::to_string(slice.population) +
              " outside the network";
      return false;
    }
    const auto &population = network.populations[slice.population];
    if (population.isInput)
      continue;
    if (!checkPopulation(population, error))
      return false;
    CorePlan core;
    core.population = slice.population;
    core.lo = slice.lo;
    core.hi = slice.hi;
    if (part.neuronsPerCore > 0 && core.hi - core.lo > part.neuronsPerCore) {
      error = coreName(network, core, result.cores.size()) + " has " +
              std::to_string(core.hi - core.lo) + " neurons, more than the " +
              std::to_string(part.neuronsPerCore) + " a core of '" +
              target.name + "' runs";
      return false;
    }
    result.cores.push_back(core);
  }
  if (result.cores.empty()) {
    error = "network '" + network.name +
            "' has no neuron population to put on a neuron core";
    return false;
  }
  if (!completeSources(network, result, error))
    return false;

  // Update positions: a delay-0 synapse must come from an earlier population.
  std::vector<int> position(network.populations.size(), -1);
  for (size_t i = 0; i < network.updateOrder.size(); ++i)
    position[size_t(network.updateOrder[i])] = int(i);
  std::vector<size_t> order(result.cores.size());
  for (size_t c = 0; c < order.size(); ++c)
    order[c] = c;
  for (size_t c = 0; c < order.size(); ++c)
    if (position[result.cores[c].population] < 0) {
      error = "population '" +
              network.populations[result.cores[c].population].name +
              "' is not in the network's update order";
      return false;
    }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return position[result.cores[a].population] <
           position[result.cores[b].population];
  });

  std::vector<CoreTables> tables(result.cores.size());
  for (size_t c = 0; c < result.cores.size(); ++c)
    if (!buildCoreTables(network, result, int(c), tables[c], error))
      return false;

  std::vector<bool> levelled(result.cores.size(), false);
  for (size_t c : order) {
    CorePlan &core = result.cores[c];
    int level = 0;
    for (int from : tables[c].delayZeroFromCores) {
      if (!levelled[size_t(from)] || position[result.cores[from].population] >=
                                         position[core.population]) {
        error = "a delay-0 synapse from " +
                coreName(network, result.cores[from], size_t(from)) + " to " +
                coreName(network, core, c) +
                ": its source must update earlier in the step (a delay-0 "
                "cycle cannot be levelled)";
        return false;
      }
      level = std::max(level, result.cores[from].level + 1);
    }
    core.level = level;
    levelled[c] = true;
    result.levels = std::max(result.levels, level + 1);
  }

  const int64_t maxDelay = target.maxDelay();
  const EventFields events = eventFields(result);
  for (size_t c = 0; c < result.cores.size(); ++c) {
    CorePlan &core = result.cores[c];
    const CoreTables &t = tables[c];
    const auto &population = network.populations[core.population];
    const auto &f = population.format;
    if (t.maxDelay > maxDelay) {
      error = coreName(network, core, c) + " has a synapse of delay " +
              std::to_string(t.maxDelay) + "; '" + target.name +
              "' supports delays up to " + std::to_string(maxDelay);
      return false;
    }
    core.ringSlots = t.maxDelay + 1;
    core.accBits = std::max(signedBitsFor(t.accBound), 2u);
    core.synapseWords = int64_t(t.synapses.size());
    core.rowIndexWords = int64_t(t.rows.size());
    core.weightBits = signedBitsFor(t.maxAbsWeight);
    core.countBits = unsignedBitsFor(uint64_t(t.maxRow));
    // Dense rows move the target from every synapse word into the row
    // word, at the price of a zero word per target a row skips: taken
    // when that stores fewer bits.
    if (t.denseFits && t.denseWords > 0) {
      CorePlan sparse = core;
      core.denseRows = true;
      core.synapseWords = t.denseWords;
      CoreTables dense;
      if (!buildCoreTables(network, result, int(c), dense, error))
        return false;
      core.countBits = unsignedBitsFor(uint64_t(dense.maxRow));
      CoreWidths sw = coreWidths(network, sparse);
      CoreWidths dw = coreWidths(network, core);
      int64_t rows = core.rowIndexWords;
      if (core.synapseWords * dw.synapseWord + rows * dw.rowWord >=
          sparse.synapseWords * sw.synapseWord + rows * sw.rowWord)
        core = sparse;
    }
    const auto &q = population.params;
    int64_t mult = 0, param = 0;
    for (const auto *v :
         {&q.decay, &q.gain, &q.synDecay, &q.synGain, &q.adaptDecay})
      mult = std::max(mult, maxMagnitude(*v, core.lo, core.hi));
    for (const auto *v : {&q.bias, &q.threshold, &q.adaptGain})
      param = std::max(param, maxMagnitude(*v, core.lo, core.hi));
    // neuron_update needs FRAC_BITS <= MULT_BITS + min(state, drive) - 2.
    int64_t narrowest = std::min<int64_t>(f.stateBits, population.driveBits);
    core.multBits = unsigned(std::max<int64_t>(
        signedBitsFor(mult), int64_t(f.fracBits) + 2 - narrowest));
    core.paramBits = signedBitsFor(param);

    // Parameter fields the same for every neuron become the core's
    // constants.
    for (int i = 0; i < kParamFields; ++i) {
      bool same = true;
      for (int64_t k = core.lo + 1; k < core.hi && same; ++k)
        same = paramFieldValue(population, i, k) ==
               paramFieldValue(population, i, core.lo);
      if (same)
        core.paramConstants |= int64_t(1) << i;
    }
    CoreTables contents;
    if (!buildCoreTables(network, result, int(c), contents, error))
      return false;
    placeMemories(network, part, contents, events, core);
    result.bramHalves += core.bramHalves;
    result.sprams += core.sprams;
  }
  // The top's input event queue.
  int64_t eventBits = events.srcBits + events.evnBits;
  result.inputQueueMemory = smallMemoryKind(part, kEventFifoDepth * eventBits);
  if (result.inputQueueMemory == MemoryKind::Block)
    result.bramHalves += blockRamHalves(part, kEventFifoDepth, eventBits);
  result.partBlockRams = part.bramBlocks;
  result.partSprams = part.spramBlocks.value_or(0);

  auto largest = [&](auto member) {
    size_t best = 0;
    for (size_t c = 1; c < result.cores.size(); ++c)
      if (result.cores[c].*member > result.cores[best].*member)
        best = c;
    return best;
  };
  auto over = [&](const char *what, int64_t need, int64_t have, size_t core,
                  int64_t coreNeed) {
    error = "the design does not fit '" + target.name + "': it needs " +
            std::to_string(need) + " " + what + ", " +
            std::to_string(need - have) + " more than the part's " +
            std::to_string(have);
    if (!result.cores.empty())
      error += "; the largest core is " +
               coreName(network, result.cores[core], core) + " with " +
               std::to_string(coreNeed);
    return false;
  };
  if (part.cores && int64_t(result.cores.size()) > *part.cores)
    return over("cores", int64_t(result.cores.size()), *part.cores, 0, 1);
  if (result.bramHalves > 2 * part.bramBlocks) {
    size_t c = largest(&CorePlan::bramHalves);
    error = "the design does not fit '" + target.name + "': it needs " +
            blockRamText(result.bramHalves) + " block RAMs of " +
            std::to_string(part.bramBitsPerBlock) + " bits, " +
            blockRamText(result.bramHalves - 2 * part.bramBlocks) +
            " more than the part's " + std::to_string(part.bramBlocks) +
            "; the largest core is " + coreName(network, result.cores[c], c) +
            " with " + blockRamText(result.cores[c].bramHalves);
    return false;
  }
  if (result.sprams > result.partSprams) {
    size_t c = largest(&CorePlan::sprams);
    return over("SPRAM blocks", result.sprams, result.partSprams, c,
                result.cores[c].sprams);
  }
  plan = std::move(result);
  return true;
}

} // namespace snc::fpga
