//===- Machine.cpp - lookups in a loaded many-core machine ----------------===//

#include "runtime/manycore/Machine.h"

#include <algorithm>

namespace snc::manycore {

const KeyTableEntry *LoadedPe::findEntry(uint32_t key) const {
  // Ranges are disjoint aligned blocks sorted by base: only the last one
  // starting at or below `key` can hold it.
  auto after = std::upper_bound(
      keyTable.begin(), keyTable.end(), key,
      [](uint32_t k, const KeyTableEntry &entry) { return k < entry.key; });
  if (after == keyTable.begin())
    return nullptr;
  const KeyTableEntry &entry = *(after - 1);
  return (key & entry.mask) == entry.key ? &entry : nullptr;
}

const LoadedPe *findPe(const LoadedMachine &machine, int population,
                       int64_t neuron) {
  if (population < 0 || size_t(population) >= machine.populations.size())
    return nullptr;
  const std::vector<size_t> &pes = machine.populations[size_t(population)].pes;
  // The PEs cover the population in slice order: the last starting at or
  // below `neuron` holds it.
  auto after = std::upper_bound(
      pes.begin(), pes.end(), neuron,
      [&](int64_t k, size_t i) { return k < machine.pes[i].lo; });
  if (after == pes.begin())
    return nullptr;
  const LoadedPe &pe = machine.pes[*(after - 1)];
  return neuron < pe.hi ? &pe : nullptr;
}

} // namespace snc::manycore
