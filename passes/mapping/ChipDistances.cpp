//===- ChipDistances.cpp - hops between the chips in use ------------------===//

#include "passes/mapping/ChipDistances.h"

#include <algorithm>
#include <utility>

namespace snc::mapping {

int64_t chipHops(const Machine &machine, int64_t chipA, int64_t chipB) {
  return hops(machine, chipA * machine.pesPerChip(),
              chipB * machine.pesPerChip());
}

std::vector<int64_t> centralChips(const Machine &machine, int64_t count) {
  int64_t middle = int64_t((machine.chipsY - 1) / 2) * machine.chipsX +
                   (machine.chipsX - 1) / 2;
  std::vector<std::pair<int64_t, int64_t>> byDistance;
  for (int64_t chip = 0; chip < machine.chips(); ++chip)
    byDistance.push_back({chipHops(machine, middle, chip), chip});
  std::sort(byDistance.begin(), byDistance.end());
  std::vector<int64_t> chips;
  for (int64_t i = 0; i < count && i < int64_t(byDistance.size()); ++i)
    chips.push_back(byDistance[i].second);
  return chips;
}

ChipDistances::ChipDistances(const Machine &machine,
                             std::vector<int64_t> chipList)
    : machine(machine), chips(std::move(chipList)) {
  if (size() > kMaxTableChips)
    return;
  table.resize(size_t(size() * size()));
  for (int64_t a = 0; a < size(); ++a)
    for (int64_t b = 0; b < size(); ++b)
      table[size_t(a * size() + b)] =
          int32_t(chipHops(machine, chips[a], chips[b]));
}

} // namespace snc::mapping
