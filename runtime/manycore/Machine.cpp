//===- Machine.cpp - lookups in a loaded many-core machine ----------------===//

#include "runtime/manycore/Machine.h"

#include <algorithm>

namespace snc::manycore {

const KeyTableEntry *LoadedPe::findEntry(KeyTableSpan span, uint32_t key) {
  // Ranges are disjoint aligned blocks sorted by base: only the last one
  // starting at or below `key` can hold it.
  const KeyTableEntry *after = std::upper_bound(
      span.begin, span.end, key,
      [](uint32_t k, const KeyTableEntry &entry) { return k < entry.key; });
  if (after == span.begin)
    return nullptr;
  const KeyTableEntry &entry = *(after - 1);
  return (key & entry.mask) == entry.key ? &entry : nullptr;
}

KeyTableSpan LoadedPe::entriesFor(uint32_t first, uint32_t last) const {
  auto startsAfter = [](uint32_t k, const KeyTableEntry &entry) {
    return k < entry.key;
  };
  const KeyTableEntry *begin = keyTable.data();
  const KeyTableEntry *end = begin + keyTable.size();
  // From the last entry starting at or below `first` (it may reach into
  // the range) to the last starting at or below `last`.
  const KeyTableEntry *from = std::upper_bound(begin, end, first, startsAfter);
  if (from != begin)
    --from;
  return {from, std::upper_bound(from, end, last, startsAfter)};
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
