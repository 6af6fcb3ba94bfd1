//===- ChipDistances.h - hops between the chips in use ----------*- C++ -*-===//
//
// Placement asks for chip-to-chip hops millions of times, always between
// the few chips it uses; a table over those chips answers without the
// divisions of locate().
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_CHIPDISTANCES_H
#define SNC_PASSES_MAPPING_CHIPDISTANCES_H

#include "passes/mapping/MappingModel.h"

#include <cstdint>
#include <vector>

namespace snc::mapping {

/// Hops between two chips (chip = y * chipsX + x), as hops() between PEs.
int64_t chipHops(const Machine &machine, int64_t chipA, int64_t chipB);

/// The `count` chips nearest the middle of the mesh (by hops, then chip
/// index), nearest first: a compact region for a placement.
std::vector<int64_t> centralChips(const Machine &machine, int64_t count);

/// Hops between the chips of a list, addressed by position in the list.
class ChipDistances {
public:
  ChipDistances(const Machine &machine, std::vector<int64_t> chips);

  int64_t operator()(int64_t a, int64_t b) const {
    if (!table.empty())
      return table[size_t(a * size() + b)];
    return chipHops(machine, chips[a], chips[b]);
  }
  int64_t size() const { return int64_t(chips.size()); }
  int64_t chip(int64_t position) const { return chips[position]; }

private:
  /// Beyond this many chips the table would outgrow its use.
  static constexpr int64_t kMaxTableChips = 2048;

  Machine machine;
  std::vector<int64_t> chips;
  std::vector<int32_t> table;
};

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_CHIPDISTANCES_H
