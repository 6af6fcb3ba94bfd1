//===- Place.cpp - put slices on PEs --------------------------------------===//

#include "passes/mapping/Place.h"

#include "passes/mapping/ChipDistances.h"
#include "passes/mapping/PlaceGroups.h"
#include "passes/mapping/PlaceLayout.h"
#include "passes/mapping/PlaceRefine.h"
#include "passes/mapping/SliceTraffic.h"

#include <algorithm>
#include <utility>

namespace snc::mapping {

namespace {

constexpr int kRefinePasses = 8;

bool checkInputs(const Machine &machine, const Partition &partition,
                 const std::vector<std::vector<int64_t>> &destinations,
                 std::string &error) {
  int64_t slices = int64_t(partition.slices.size());
  if (int64_t(destinations.size()) != slices) {
    error = "destinations list " + std::to_string(destinations.size()) +
            " slices, the partition has " + std::to_string(slices);
    return false;
  }
  for (int64_t s = 0; s < slices; ++s)
    for (int64_t d : destinations[s])
      if (d < 0 || d >= slices) {
        error = "slice " + std::to_string(s) + " sends to slice " +
                std::to_string(d) + ", the partition has " +
                std::to_string(slices);
        return false;
      }
  if (machine.pesPerChip() <= 0 || slices > machine.pes()) {
    error = std::to_string(slices) + " slices, the machine has " +
            std::to_string(machine.pes()) + " PEs";
    return false;
  }
  return true;
}

/// PEs from chip positions: each chip's slices, ascending, on its PEs in
/// order.
Placement assignPes(const Machine &machine, const ChipDistances &chips,
                    const std::vector<int64_t> &chipOfSlice) {
  Placement placement;
  placement.peOfSlice.resize(chipOfSlice.size());
  std::vector<int64_t> used(size_t(chips.size()), 0);
  for (size_t s = 0; s < chipOfSlice.size(); ++s) {
    int64_t position = chipOfSlice[s];
    placement.peOfSlice[s] =
        chips.chip(position) * machine.pesPerChip() + used[position]++;
  }
  return placement;
}

/// METIS groups laid out on the chips nearest the middle, then refined.
bool placeByGroups(const Machine &machine, const Partition &partition,
                   const std::vector<std::vector<int64_t>> &destinations,
                   uint64_t seed, int64_t chips, Placement &placement,
                   std::string &error) {
  int64_t perChip = machine.pesPerChip();
  std::vector<int64_t> groupOfSlice;
  if (!groupSlices(buildSliceGraph(partition, destinations), chips, perChip,
                   seed, groupOfSlice, error))
    return false;
  ChipDistances central(machine, centralChips(machine, chips));
  std::vector<int64_t> positionOfGroup =
      layoutGroups(central, partition, destinations, groupOfSlice, chips);
  std::vector<int64_t> chipOfSlice;
  for (int64_t group : groupOfSlice)
    chipOfSlice.push_back(positionOfGroup[group]);
  refinePlacement(central, perChip, partition, destinations, chipOfSlice,
                  kRefinePasses);
  placement = assignPes(machine, central, chipOfSlice);
  return true;
}

/// The sequential placement's chips, where populations already sit
/// together, refined: this helps where METIS's cut weight misjudges
/// multicast.
Placement
refineSequential(const Machine &machine, const Partition &partition,
                 const std::vector<std::vector<int64_t>> &destinations,
                 int64_t chips) {
  int64_t perChip = machine.pesPerChip();
  std::vector<int64_t> firstChips, chipOfSlice;
  for (int64_t chip = 0; chip < chips; ++chip)
    firstChips.push_back(chip);
  ChipDistances first(machine, firstChips);
  for (size_t s = 0; s < partition.slices.size(); ++s)
    chipOfSlice.push_back(int64_t(s) / perChip);
  refinePlacement(first, perChip, partition, destinations, chipOfSlice,
                  kRefinePasses);
  return assignPes(machine, first, chipOfSlice);
}

} // namespace

Placement placeSequential(const Machine &machine, const Partition &partition) {
  (void)machine;
  Placement placement;
  for (size_t s = 0; s < partition.slices.size(); ++s)
    placement.peOfSlice.push_back(int64_t(s));
  return placement;
}

int64_t costOf(const Machine &machine, const Partition &partition,
               const std::vector<std::vector<int64_t>> &destinations,
               const Placement &placement) {
  int64_t perChip = machine.pesPerChip(), cost = 0;
  std::vector<int64_t> chips;
  for (size_t s = 0; s < destinations.size(); ++s) {
    chips.clear();
    for (int64_t d : destinations[s])
      chips.push_back(placement.peOfSlice[d] / perChip);
    std::sort(chips.begin(), chips.end());
    chips.erase(std::unique(chips.begin(), chips.end()), chips.end());
    int64_t source = placement.peOfSlice[s] / perChip, hopsToAll = 0;
    for (int64_t chip : chips)
      hopsToAll += chipHops(machine, source, chip);
    cost += slicePackets(partition.slices[s]) * hopsToAll;
  }
  return cost;
}

bool placeNetwork(const Machine &machine, const Partition &partition,
                  const std::vector<std::vector<int64_t>> &destinations,
                  uint64_t seed, Placement &placement, std::string &error) {
  if (!checkInputs(machine, partition, destinations, error))
    return false;
  Placement sequential = placeSequential(machine, partition);
  int64_t slices = int64_t(partition.slices.size());
  int64_t perChip = machine.pesPerChip();
  int64_t chips = (slices + perChip - 1) / perChip;
  if (chips <= 1) {
    placement = sequential;
    return true;
  }

  Placement grouped;
  if (!placeByGroups(machine, partition, destinations, seed, chips, grouped,
                     error))
    return false;
  Placement reordered =
      refineSequential(machine, partition, destinations, chips);

  placement = sequential;
  int64_t best = costOf(machine, partition, destinations, sequential);
  for (Placement *candidate : {&grouped, &reordered}) {
    int64_t cost = costOf(machine, partition, destinations, *candidate);
    if (cost < best) {
      best = cost;
      placement = std::move(*candidate);
    }
  }
  return true;
}

} // namespace snc::mapping
