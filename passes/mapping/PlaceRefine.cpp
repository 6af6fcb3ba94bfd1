//===- PlaceRefine.cpp - improve a placement slice by slice ---------------===//

#include "passes/mapping/PlaceRefine.h"

#include "passes/mapping/StarDeltas.h"

#include <algorithm>
#include <cstdint>

namespace snc::mapping {

namespace {

class Refiner {
public:
  Refiner(const ChipDistances &distances, int64_t capacity,
          const Partition &partition,
          const std::vector<std::vector<int64_t>> &destinations,
          std::vector<int64_t> &chipOf)
      : capacity(capacity), destinations(destinations),
        placement(distances, partition, destinations, chipOf),
        slices(int64_t(chipOf.size())) {}

  void run(int maxPasses, int64_t workBudget) {
    for (int pass = 0; pass < maxPasses; ++pass) {
      bool changed = false;
      for (int64_t s = 0; s < slices; ++s) {
        changed |= improve(s);
        if (placement.work() > workBudget)
          return;
      }
      if (!changed)
        return;
    }
  }

private:
  /// The chips of the slices s exchanges packets with, but its own.
  std::vector<int64_t> candidateChips(int64_t s) const {
    std::vector<int64_t> chips;
    for (int64_t d : destinations[s])
      chips.push_back(placement.chipOf(d));
    for (int64_t r : placement.predecessorsOf(s))
      chips.push_back(placement.chipOf(r));
    std::sort(chips.begin(), chips.end());
    chips.erase(std::unique(chips.begin(), chips.end()), chips.end());
    chips.erase(std::remove(chips.begin(), chips.end(), placement.chipOf(s)),
                chips.end());
    return chips;
  }

  /// Makes the best improving move or swap of slice s; whether it did.
  bool improve(int64_t s) {
    int64_t from = placement.chipOf(s);
    int64_t bestDelta = 0, bestTo = -1, bestPartner = -1;
    for (int64_t to : candidateChips(s)) {
      int64_t delta = placement.moveDelta(s, to);
      if (int64_t(placement.membersOf(to).size()) < capacity) {
        if (delta < bestDelta)
          bestDelta = delta, bestTo = to, bestPartner = -1;
        continue;
      }
      // A swap that s does not gain from is found from its partner's side.
      if (delta >= 0)
        continue;
      placement.tryMove(s, to);
      for (int64_t t : placement.membersOf(to)) {
        if (t == s)
          continue;
        int64_t total = delta + placement.moveDelta(t, from);
        if (total < bestDelta ||
            (total == bestDelta && bestTo == to && t < bestPartner))
          bestDelta = total, bestTo = to, bestPartner = t;
      }
      placement.untry(s, from);
    }
    if (bestTo < 0)
      return false;
    placement.move(s, bestTo);
    if (bestPartner >= 0)
      placement.move(bestPartner, from);
    return true;
  }

  int64_t capacity;
  const std::vector<std::vector<int64_t>> &destinations;
  StarDeltas placement;
  int64_t slices;
};

} // namespace

void refinePlacement(const ChipDistances &distances, int64_t capacity,
                     const Partition &partition,
                     const std::vector<std::vector<int64_t>> &destinations,
                     std::vector<int64_t> &chipOfSlice, int maxPasses,
                     int64_t workBudget) {
  Refiner(distances, capacity, partition, destinations, chipOfSlice)
      .run(maxPasses, workBudget);
}

} // namespace snc::mapping
