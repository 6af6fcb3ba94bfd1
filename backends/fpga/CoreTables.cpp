//===- CoreTables.cpp - the memory contents of one neuron core ------------===//

#include "backends/fpga/CoreTables.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <tuple>

namespace snc::fpga {

unsigned unsignedBitsFor(uint64_t value) {
  unsigned bits = 1;
  while (bits < 64 && (value >> bits) != 0)
    ++bits;
  return bits;
}

unsigned signedBitsFor(int64_t bound) {
  uint64_t magnitude = bound < 0 ? uint64_t(-(bound + 1)) + 1 : uint64_t(bound);
  // [-m, m] needs m <= 2^(b-1) - 1.
  unsigned bits = 2;
  while (bits < 64 && (uint64_t(1) << (bits - 1)) - 1 < magnitude)
    ++bits;
  return bits;
}

bool paramFieldUsed(const manycore::Population &population, int field) {
  const auto &f = population.format;
  switch (field) {
  case 2: // syn_decay
  case 3: // syn_gain
    return f.hasSynapse;
  case 4: // adapt_decay
  case 7: // adapt_gain
    return f.adaptive;
  case 6: // threshold
  case 8: // v_reset
    return f.spiking;
  default:
    return true;
  }
}

int64_t paramFieldValue(const manycore::Population &population, int field,
                        int64_t k) {
  if (!paramFieldUsed(population, field))
    return 0;
  const auto &q = population.params;
  const std::vector<int64_t> *fields[kParamFields] = {
      &q.decay,      &q.gain,
      &q.synDecay,   &q.synGain,
      &q.adaptDecay, &q.bias,
      &q.threshold,  &q.adaptGain,
      &q.vReset,     &population.driveOffset};
  const auto &v = *fields[field];
  return v.empty() ? 0 : v[size_t(k)];
}

EventFields eventFields(const DesignPlan &plan) {
  EventFields e;
  int64_t largest = 1;
  for (const auto &s : plan.sources)
    largest = std::max(largest, s.hi - s.lo);
  e.evnBits = unsignedBitsFor(uint64_t(largest - 1));
  e.srcBits = unsignedBitsFor(uint64_t(plan.sources.size() - 1));
  return e;
}

void RomColumns::add(const std::vector<std::pair<int64_t, unsigned>> &fields) {
  size_t bit = 0;
  for (const auto &[value, bits] : fields)
    for (unsigned b = 0; b < bits; ++b, ++bit) {
      if (bit >= ones.size()) {
        ones.resize(bit + 1, false);
        zeros.resize(bit + 1, false);
      }
      bool one = b < 64 ? ((uint64_t(value) >> b) & 1) != 0 : value < 0;
      (one ? ones : zeros)[bit] = true;
    }
}

unsigned RomColumns::varying() const {
  unsigned n = 0;
  for (size_t i = 0; i < ones.size(); ++i)
    n += ones[i] && zeros[i];
  return n;
}

bool hasLutRam(const targets::FPGACapacity &part) {
  return part.lutInputs == 6;
}

int64_t blockRamHalves(const targets::FPGACapacity &part, int64_t words,
                       int64_t width) {
  if (words <= 0 || width <= 0)
    return 0;
  struct Shape {
    int64_t depth, width, halves;
  };
  static const Shape xc7[] = {
      {16384, 1, 1}, {8192, 2, 1},  {4096, 4, 1},  {2048, 9, 1}, {1024, 18, 1},
      {512, 36, 1},  {32768, 1, 2}, {16384, 2, 2}, {8192, 4, 2}, {4096, 9, 2},
      {2048, 18, 2}, {1024, 36, 2}, {512, 72, 2}};
  static const Shape ice40[] = {
      {2048, 2, 2}, {1024, 4, 2}, {512, 8, 2}, {256, 16, 2}};
  auto tile = [&](const auto &shapes) {
    int64_t best = INT64_MAX;
    for (const Shape &s : shapes)
      best = std::min(best, ((words + s.depth - 1) / s.depth) *
                                ((width + s.width - 1) / s.width) * s.halves);
    return best;
  };
  if (part.lutInputs == 6 && part.bramBitsPerBlock == 36864) {
    // yosys packs a deep, narrow memory into the blocks' data and parity
    // bits (65,494 x 4 bits: 15 RAMB18, 65,523 x 8: 29), so it takes its
    // bits in 18 Kbit halves.
    if (words >= 1024 && width <= 9)
      return (words * width + 18431) / 18432;
    return tile(xc7);
  }
  if (part.lutInputs == 4 && part.bramBitsPerBlock == 4096)
    return tile(ice40);
  if (part.bramBitsPerBlock <= 0)
    return 0;
  int64_t bits = words * width;
  return 2 * ((bits + part.bramBitsPerBlock - 1) / part.bramBitsPerBlock);
}

CoreWidths coreWidths(const manycore::Network &network, const CorePlan &core) {
  const auto &population = network.populations[core.population];
  const auto &format = population.format;
  CoreWidths w;
  int64_t neurons = core.hi - core.lo;
  w.neuronBits = neurons > 1 ? unsignedBitsFor(uint64_t(neurons - 1)) : 1;
  w.delayBits =
      core.ringSlots > 1 ? unsignedBitsFor(uint64_t(core.ringSlots - 1)) : 0;
  w.startBits = unsignedBitsFor(uint64_t(core.synapseWords));
  w.refractBits =
      unsignedBitsFor(uint64_t(std::max<int64_t>(format.refractory, 0)));
  unsigned s = format.stateBits;
  unsigned targetBits = core.denseRows ? 0 : w.neuronBits;
  unsigned firstBits = core.denseRows ? w.neuronBits : 0;
  w.synapseWord = core.weightBits + targetBits + w.delayBits;
  w.rowWord = core.countBits + w.startBits + firstBits;
  for (int i = 0; i < kParamFields; ++i) {
    unsigned bits = i < 5   ? core.multBits
                    : i < 8 ? core.paramBits
                    : i < 9 ? s
                            : core.accBits;
    w.paramFieldBits[i] = (core.paramConstants >> i) & 1 ? 0 : bits;
    w.paramWord += w.paramFieldBits[i];
  }
  bool refractory = format.spiking && format.refractory > 0;
  w.stateWord = s + (format.hasSynapse ? s : 0) + (format.adaptive ? s : 0) +
                (refractory ? w.refractBits : 0);
  if (core.synapseMemory == MemoryKind::Loaded) {
    w.loadBits = std::max(kSpramWidth, w.synapseWord);
    while ((w.synapseWord << (w.laneBits + 1)) <= w.loadBits)
      ++w.laneBits;
    int64_t lanes = int64_t(1) << w.laneBits;
    w.loadWords = std::max<int64_t>((core.synapseWords + lanes - 1) / lanes, 1);
  }
  return w;
}

bool buildCoreTables(const manycore::Network &network, const DesignPlan &plan,
                     int coreIndex, CoreTables &tables, std::string &error) {
  const CorePlan &core = plan.cores[coreIndex];
  const auto &population = network.populations[core.population];
  int64_t neurons = core.hi - core.lo;
  tables = CoreTables();
  size_t numSources = plan.sources.size();
  tables.subscribed.assign(numSources, false);
  tables.sourceBase.assign(numSources, 0);

  // Source slices of each population, to find a presynaptic neuron's source.
  std::vector<std::vector<int>> sourcesOf(network.populations.size());
  for (size_t s = 0; s < numSources; ++s)
    sourcesOf[plan.sources[s].population].push_back(int(s));

  // rowsOf[source][pre - lo] = the synapse words of that row.
  std::map<int, std::vector<std::vector<SynapseWord>>> rowsOf;
  std::vector<int64_t> absSum(size_t(neurons), 0);
  std::vector<bool> delayZeroFrom(plan.cores.size(), false);
  for (const auto &projection : network.projections) {
    if (projection.target != core.population)
      continue;
    const auto &candidates = sourcesOf[projection.source];
    for (const auto &synapse : projection.synapses) {
      if (synapse.post < core.lo || synapse.post >= core.hi)
        continue;
      int source = -1;
      for (int s : candidates)
        if (synapse.pre >= plan.sources[s].lo &&
            synapse.pre < plan.sources[s].hi)
          source = s;
      if (source < 0) {
        error = "population '" + network.populations[projection.source].name +
                "' neuron " + std::to_string(synapse.pre) +
                " is in no core or input source";
        return false;
      }
      if (synapse.delay < 0) {
        error = "synapse into population '" + population.name +
                "' has a negative delay";
        return false;
      }
      const SourcePlan &sp = plan.sources[source];
      auto &rows = rowsOf[source];
      if (rows.empty())
        rows.resize(size_t(sp.hi - sp.lo));
      rows[size_t(synapse.pre - sp.lo)].push_back(
          {synapse.delay, synapse.post - core.lo, synapse.weight});
      int64_t magnitude = int64_t(std::llabs(synapse.weight));
      absSum[size_t(synapse.post - core.lo)] += magnitude;
      tables.maxAbsWeight = std::max(tables.maxAbsWeight, magnitude);
      tables.maxDelay = std::max<int64_t>(tables.maxDelay, synapse.delay);
      if (synapse.delay == 0 && sp.core >= 0)
        delayZeroFrom[size_t(sp.core)] = true;
    }
  }
  for (auto &[source, rows] : rowsOf) {
    tables.subscribed[size_t(source)] = true;
    tables.sourceBase[size_t(source)] = int64_t(tables.rows.size());
    for (auto &row : rows) {
      // Sums commute, so the order within a row is free: by target.
      std::sort(row.begin(), row.end(),
                [](const SynapseWord &a, const SynapseWord &b) {
                  return std::tie(a.target, a.delay, a.weight) <
                         std::tie(b.target, b.delay, b.weight);
                });
      int64_t first = row.empty() ? 0 : row.front().target;
      int64_t span = row.empty() ? 0 : row.back().target - first + 1;
      for (size_t i = 1; i < row.size(); ++i)
        tables.denseFits =
            tables.denseFits && row[i].target != row[i - 1].target;
      tables.denseWords += span;
      int64_t start = int64_t(tables.synapses.size());
      if (core.denseRows) {
        // Word i targets first + i; a target the row skips gets weight 0.
        std::vector<SynapseWord> words(static_cast<size_t>(span));
        for (int64_t i = 0; i < span; ++i)
          words[size_t(i)] = {0, first + i, 0};
        for (const auto &s : row)
          words[size_t(s.target - first)] = s;
        tables.synapses.insert(tables.synapses.end(), words.begin(),
                               words.end());
      } else {
        tables.synapses.insert(tables.synapses.end(), row.begin(), row.end());
      }
      int64_t count = int64_t(tables.synapses.size()) - start;
      tables.rows.push_back({start, count, first});
      tables.maxRow = std::max(tables.maxRow, count);
    }
  }
  for (int64_t k = 0; k < neurons; ++k) {
    int64_t offset = population.driveOffset.empty()
                         ? 0
                         : population.driveOffset[size_t(core.lo + k)];
    tables.accBound = std::max<int64_t>(tables.accBound,
                                        absSum[size_t(k)] + std::llabs(offset));
  }
  for (size_t c = 0; c < delayZeroFrom.size(); ++c)
    if (delayZeroFrom[c])
      tables.delayZeroFromCores.push_back(int(c));
  return true;
}

} // namespace snc::fpga
