//===- Partition.cpp - cut populations into PE-sized slices ---------------===//

#include "passes/mapping/Partition.h"

#include <algorithm>

namespace snc::mapping {

namespace {

std::string quoted(const Network &network, int population) {
  return "'" + network.populations[population].name + "'";
}

std::string describe(const Network &network, size_t index) {
  const Projection &projection = network.projections[index];
  return "projection " + std::to_string(index) + " (" +
         quoted(network, projection.pre) + " -> " +
         quoted(network, projection.post) + ")";
}

bool validateProjection(const Network &network, size_t index,
                        std::string &error) {
  const Projection &projection = network.projections[index];
  int64_t preSize = network.populations[projection.pre].size;
  int64_t postSize = network.populations[projection.post].size;
  bool needsFanIn = projection.kind == Projection::Kind::Sparse;
  bool mayHaveFanIn = projection.kind == Projection::Kind::Shared;
  int64_t fanIns = int64_t(projection.postFanIn.size());
  if ((needsFanIn || (mayHaveFanIn && fanIns != 0)) && fanIns != postSize) {
    error = describe(network, index) + ": postFanIn has " +
            std::to_string(fanIns) + " entries, the post population has " +
            std::to_string(postSize) + " neurons";
    return false;
  }
  for (size_t k = 0; k < projection.postFanIn.size(); ++k)
    if (projection.postFanIn[k] < 0) {
      error = describe(network, index) + ": postFanIn[" + std::to_string(k) +
              "] is negative";
      return false;
    }
  if (projection.preRows < 0 || projection.preRows > preSize ||
      projection.sharedBytes < 0) {
    error = describe(network, index) + ": preRows " +
            std::to_string(projection.preRows) + " (pre size " +
            std::to_string(preSize) + "), sharedBytes " +
            std::to_string(projection.sharedBytes);
    return false;
  }
  size_t los = projection.postLo.size(), his = projection.postHi.size();
  if (los != his || (los != 0 && int64_t(los) != preSize)) {
    error = describe(network, index) + ": envelopes have " +
            std::to_string(los) + " lows and " + std::to_string(his) +
            " highs, expected none or " + std::to_string(preSize);
    return false;
  }
  for (size_t i = 0; i < los; ++i) {
    int64_t lo = projection.postLo[i], hi = projection.postHi[i];
    if (lo < 0 || lo > hi || hi > postSize) {
      error = describe(network, index) + ": envelope of pre neuron " +
              std::to_string(i) + " is [" + std::to_string(lo) + ", " +
              std::to_string(hi) + "), outside [0, " +
              std::to_string(postSize) + ")";
      return false;
    }
  }
  return true;
}

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

/// Cuts one population; appends its slices to `slices`.
class PopulationCutter {
public:
  PopulationCutter(const Machine &machine, const SliceMemoryModel &model,
                   int population, int64_t size)
      : model(model), population(population), size(size),
        capacity(machine.memoryBytesPerPe), maxNeurons(machine.neuronsPerPe) {}

  bool cut(const std::string &name, std::vector<Slice> &slices,
           std::string &error) {
    int64_t count = 0;
    for (int64_t lo = 0; lo < size; lo = maxHi(lo), ++count) {
      int64_t single = model.bytes(population, lo, lo + 1);
      if (single > capacity) {
        error = "population '" + name + "' neuron " + std::to_string(lo) +
                " needs " + std::to_string(single) +
                " bytes of synaptic rows and state, a PE has " +
                std::to_string(capacity);
        return false;
      }
    }
    // latestStart[m]: the smallest start from which m slices cover the
    // rest of the population, found by maximal slices from the right.
    std::vector<int64_t> latestStart(size_t(std::max<int64_t>(count, 1)));
    latestStart[0] = size;
    for (int64_t m = 1; m < count; ++m)
      latestStart[m] = minLo(latestStart[m - 1]);
    // Aim each slice at an even share of what is left, within what memory
    // allows and what keeps the rest coverable by the remaining slices.
    int64_t lo = 0;
    for (int64_t rest = count; rest > 0; --rest) {
      int64_t target = lo + ceilDiv(size - lo, rest);
      int64_t hi = std::min(std::max(target, latestStart[rest - 1]), maxHi(lo));
      slices.push_back({population, lo, hi, model.bytes(population, lo, hi)});
      lo = hi;
    }
    return true;
  }

private:
  bool fits(int64_t lo, int64_t hi) const {
    return model.bytes(population, lo, hi) <= capacity;
  }

  /// The largest hi with [lo, hi) fitting a PE; [lo, lo + 1) must fit.
  /// Memory grows with hi, so binary search applies.
  int64_t maxHi(int64_t lo) const {
    int64_t good = lo + 1, bad = lo + std::min(size - lo, maxNeurons) + 1;
    while (bad - good > 1) {
      int64_t mid = good + (bad - good) / 2;
      (fits(lo, mid) ? good : bad) = mid;
    }
    return good;
  }

  /// The smallest lo with [lo, hi) fitting a PE; [hi - 1, hi) must fit.
  int64_t minLo(int64_t hi) const {
    int64_t good = hi - 1, bad = hi - std::min(hi, maxNeurons) - 1;
    while (good - bad > 1) {
      int64_t mid = bad + (good - bad) / 2;
      (fits(mid, hi) ? good : bad) = mid;
    }
    return good;
  }

  const SliceMemoryModel &model;
  int population;
  int64_t size, capacity, maxNeurons;
};

int64_t populationLowerBound(const Machine &machine,
                             const SliceMemoryModel &model, int population,
                             int64_t size) {
  if (size == 0)
    return 0;
  int64_t neuronBound = ceilDiv(size, machine.neuronsPerPe);
  int64_t fixed = model.fixedBytes(population);
  int64_t variable = model.bytes(population, 0, size) - fixed;
  int64_t room = machine.memoryBytesPerPe - fixed;
  int64_t memoryBound = variable > 0 && room > 0 ? ceilDiv(variable, room) : 0;
  return std::max(neuronBound, memoryBound);
}

} // namespace

bool validateNetwork(const Network &network, std::string &error) {
  int populations = int(network.populations.size());
  for (const Population &population : network.populations)
    if (population.size < 0 || population.delaySlots < 0) {
      error = "population '" + population.name + "' has size " +
              std::to_string(population.size) + " and " +
              std::to_string(population.delaySlots) + " delay slots";
      return false;
    }
  for (size_t index = 0; index < network.projections.size(); ++index) {
    const Projection &projection = network.projections[index];
    if (projection.pre < 0 || projection.pre >= populations ||
        projection.post < 0 || projection.post >= populations) {
      error = "projection " + std::to_string(index) + " connects populations " +
              std::to_string(projection.pre) + " -> " +
              std::to_string(projection.post) + ", the network has " +
              std::to_string(populations);
      return false;
    }
    if (!validateProjection(network, index, error))
      return false;
  }
  return true;
}

SliceMemoryModel::SliceMemoryModel(const Machine &machine,
                                   const Network &network)
    : machine(machine), populations(network.populations.size()) {
  for (size_t p = 0; p < network.populations.size(); ++p)
    build(network, int(p));
}

SliceMemoryModel::SliceMemoryModel(const Machine &machine,
                                   const Network &network, int population)
    : machine(machine), populations(network.populations.size()) {
  build(network, population);
}

void SliceMemoryModel::build(const Network &network, int population) {
  PopulationModel &model = populations[population];
  model.perNeuronBytes =
      machine.neuronBytes +
      network.populations[population].delaySlots * machine.ringBufferSlotBytes;
  for (const Projection &projection : network.projections) {
    if (projection.post != population)
      continue;
    Incoming incoming;
    incoming.kind = projection.kind;
    incoming.preSize = network.populations[projection.pre].size;
    incoming.preRows = projection.preRows;
    incoming.sharedBytes = projection.sharedBytes;
    if (projection.kind == Projection::Kind::Sparse) {
      incoming.fanInPrefix.reserve(projection.postFanIn.size() + 1);
      incoming.fanInPrefix.push_back(0);
      for (int64_t fanIn : projection.postFanIn)
        incoming.fanInPrefix.push_back(incoming.fanInPrefix.back() + fanIn);
      incoming.hasEnvelopes = !projection.postLo.empty();
      for (size_t i = 0; i < projection.postLo.size(); ++i)
        if (projection.postLo[i] < projection.postHi[i]) {
          incoming.sortedLo.push_back(projection.postLo[i]);
          incoming.sortedHi.push_back(projection.postHi[i]);
        }
      std::sort(incoming.sortedLo.begin(), incoming.sortedLo.end());
      std::sort(incoming.sortedHi.begin(), incoming.sortedHi.end());
    }
    model.incoming.push_back(std::move(incoming));
  }
}

int64_t SliceMemoryModel::bytes(int population, int64_t lo, int64_t hi) const {
  const PopulationModel &model = populations[population];
  int64_t neurons = hi - lo;
  int64_t total = neurons * model.perNeuronBytes;
  for (const Incoming &incoming : model.incoming) {
    switch (incoming.kind) {
    case Projection::Kind::Dense:
      total += incoming.preSize *
               (machine.rowHeaderBytes + neurons * machine.synapseBytes);
      break;
    case Projection::Kind::Sparse: {
      int64_t synapses = incoming.fanInPrefix[hi] - incoming.fanInPrefix[lo];
      int64_t rows = std::min(incoming.preRows, synapses);
      if (incoming.hasEnvelopes) {
        // A non-empty envelope meets [lo, hi) unless it starts at or after
        // hi or ends at or before lo; the two cases exclude each other.
        int64_t startBefore = std::lower_bound(incoming.sortedLo.begin(),
                                               incoming.sortedLo.end(), hi) -
                              incoming.sortedLo.begin();
        int64_t endBefore = std::upper_bound(incoming.sortedHi.begin(),
                                             incoming.sortedHi.end(), lo) -
                            incoming.sortedHi.begin();
        rows = std::min(rows, startBefore - endBefore);
      }
      total += rows * machine.rowHeaderBytes + synapses * machine.synapseBytes;
      break;
    }
    case Projection::Kind::Shared:
      total += incoming.sharedBytes;
      break;
    }
  }
  return total;
}

int64_t SliceMemoryModel::fixedBytes(int population) const {
  int64_t fixed = 0;
  for (const Incoming &incoming : populations[population].incoming) {
    if (incoming.kind == Projection::Kind::Dense)
      fixed += incoming.preSize * machine.rowHeaderBytes;
    else if (incoming.kind == Projection::Kind::Shared)
      fixed += incoming.sharedBytes;
  }
  return fixed;
}

int64_t sliceMemoryBytes(const Machine &machine, const Network &network,
                         int population, int64_t lo, int64_t hi) {
  return SliceMemoryModel(machine, network, population)
      .bytes(population, lo, hi);
}

bool partitionNetwork(const Machine &machine, const Network &network,
                      Partition &out, std::string &error) {
  out = Partition();
  if (machine.neuronsPerPe <= 0 || machine.memoryBytesPerPe <= 0) {
    error = "the machine's PEs hold " + std::to_string(machine.neuronsPerPe) +
            " neurons and " + std::to_string(machine.memoryBytesPerPe) +
            " bytes";
    return false;
  }
  if (!validateNetwork(network, error))
    return false;
  SliceMemoryModel model(machine, network);
  int64_t needed = 0;
  for (size_t p = 0; p < network.populations.size(); ++p) {
    const Population &population = network.populations[p];
    size_t before = out.slices.size();
    PopulationCutter cutter(machine, model, int(p), population.size);
    if (!cutter.cut(population.name, out.slices, error))
      return false;
    if (population.input && !machine.inputsTakePes)
      continue;
    needed += int64_t(out.slices.size() - before);
    out.lowerBound +=
        populationLowerBound(machine, model, int(p), population.size);
  }
  if (needed > machine.pes()) {
    if (!machine.inputsTakePes)
      error = "network needs " + std::to_string(needed) +
              " neuron cores, the part has room for " +
              std::to_string(machine.pes());
    else
      error = "network needs " + std::to_string(needed) +
              " PEs, the machine has " + std::to_string(machine.pes()) + " (" +
              std::to_string(machine.chipsX) + " x " +
              std::to_string(machine.chipsY) + " chips x " +
              std::to_string(machine.pesPerChip()) + " PEs)";
    return false;
  }
  return true;
}

std::vector<SliceRange> populationSliceRanges(const Network &network,
                                              const Partition &partition) {
  std::vector<SliceRange> ranges(network.populations.size());
  for (const Slice &slice : partition.slices)
    ++ranges[slice.population].count;
  int64_t first = 0;
  for (SliceRange &range : ranges) {
    range.first = first;
    first += range.count;
  }
  return ranges;
}

} // namespace snc::mapping
