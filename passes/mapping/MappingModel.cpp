//===- MappingModel.cpp - PE locations and hop distances
//-------------------===//

#include "passes/mapping/MappingModel.h"

#include <algorithm>
#include <cstdlib>

namespace snc::mapping {

PeLocation locate(const Machine &machine, int64_t pe) {
  PeLocation location;
  int64_t chip = pe / machine.pesPerChip();
  int64_t onChip = pe % machine.pesPerChip();
  location.chipX = int(chip % machine.chipsX);
  location.chipY = int(chip / machine.chipsX);
  location.qpe = int(onChip / machine.pesPerQpe);
  location.peInQpe = int(onChip % machine.pesPerQpe);
  return location;
}

int64_t peIndex(const Machine &machine, const PeLocation &location) {
  int64_t chip = int64_t(location.chipY) * machine.chipsX + location.chipX;
  return chip * machine.pesPerChip() +
         int64_t(location.qpe) * machine.pesPerQpe + location.peInQpe;
}

int64_t hops(const Machine &machine, int64_t peA, int64_t peB) {
  PeLocation a = locate(machine, peA), b = locate(machine, peB);
  int64_t dx = b.chipX - a.chipX, dy = b.chipY - a.chipY;
  // NE/SW links move both coordinates at once, so same-sign offsets share
  // their diagonal part.
  if ((dx >= 0) == (dy >= 0))
    return std::max(std::abs(dx), std::abs(dy));
  return std::abs(dx) + std::abs(dy);
}

} // namespace snc::mapping
