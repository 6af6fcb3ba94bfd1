//===- PlaceRefine.cpp - improve a placement slice by slice ---------------===//

#include "passes/mapping/PlaceRefine.h"

#include "passes/mapping/SliceTraffic.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace snc::mapping {

namespace {

/// How many of a source's destinations sit on each chip, ascending chip:
/// the star cost counts a chip once however many destinations it holds.
using ChipCounts = std::vector<std::pair<int64_t, int64_t>>;

int64_t countOn(const ChipCounts &counts, int64_t chip) {
  auto it = std::lower_bound(counts.begin(), counts.end(),
                             std::make_pair(chip, INT64_MIN));
  return it != counts.end() && it->first == chip ? it->second : 0;
}

void adjust(ChipCounts &counts, int64_t chip, int64_t by) {
  auto it = std::lower_bound(counts.begin(), counts.end(),
                             std::make_pair(chip, INT64_MIN));
  if (it == counts.end() || it->first != chip)
    it = counts.insert(it, {chip, 0});
  it->second += by;
  if (it->second == 0)
    counts.erase(it);
}

class Refiner {
public:
  Refiner(const ChipDistances &distances, int64_t capacity,
          const Partition &partition,
          const std::vector<std::vector<int64_t>> &destinations,
          std::vector<int64_t> &chipOf)
      : distances(distances), capacity(capacity), destinations(destinations),
        chipOf(chipOf), packets(chipOf.size()), predecessors(chipOf.size()),
        selfLoop(chipOf.size(), false), destinationChips(chipOf.size()),
        members(size_t(distances.size())) {
    for (size_t s = 0; s < chipOf.size(); ++s) {
      packets[s] = slicePackets(partition.slices[s]);
      members[chipOf[s]].push_back(int64_t(s));
      for (int64_t d : destinations[s]) {
        if (d == int64_t(s))
          selfLoop[s] = true;
        else
          predecessors[d].push_back(int64_t(s));
        adjust(destinationChips[s], chipOf[d], 1);
      }
    }
  }

  void run(int maxPasses, int64_t workBudget) {
    for (int pass = 0; pass < maxPasses; ++pass) {
      bool changed = false;
      for (int64_t s = 0; s < int64_t(chipOf.size()); ++s) {
        changed |= improve(s);
        if (work > workBudget)
          return;
      }
      if (!changed)
        return;
    }
  }

private:
  /// Change of the star cost if slice s moved to chip `to`.
  int64_t moveDelta(int64_t s, int64_t to) {
    int64_t from = chipOf[s];
    if (from == to)
      return 0;
    work += int64_t(destinationChips[s].size() + predecessors[s].size()) + 1;
    // s as a source: its own destinations stay, except itself.
    int64_t before = 0, after = 0;
    for (auto [chip, count] : destinationChips[s]) {
      before += distances(from, chip);
      if (selfLoop[s])
        count += (chip == to) - (chip == from);
      if (count > 0)
        after += distances(to, chip);
    }
    int64_t delta = packets[s] * (after - before);
    // s as a destination: a source pays for `from` only if s was its last
    // destination there, and for `to` only if it had none there.
    for (int64_t r : predecessors[s]) {
      int64_t at = chipOf[r];
      if (countOn(destinationChips[r], from) == 1)
        delta -= packets[r] * distances(at, from);
      if (countOn(destinationChips[r], to) == 0)
        delta += packets[r] * distances(at, to);
    }
    return delta;
  }

  void move(int64_t s, int64_t to) {
    int64_t from = chipOf[s];
    for (int64_t r : predecessors[s]) {
      adjust(destinationChips[r], from, -1);
      adjust(destinationChips[r], to, 1);
    }
    if (selfLoop[s]) {
      adjust(destinationChips[s], from, -1);
      adjust(destinationChips[s], to, 1);
    }
    chipOf[s] = to;
    std::vector<int64_t> &old = members[from];
    old.erase(std::find(old.begin(), old.end(), s));
    members[to].push_back(s);
  }

  /// The chips of the slices s exchanges packets with, but its own.
  std::vector<int64_t> candidateChips(int64_t s) const {
    std::vector<int64_t> chips;
    for (int64_t d : destinations[s])
      chips.push_back(chipOf[d]);
    for (int64_t r : predecessors[s])
      chips.push_back(chipOf[r]);
    std::sort(chips.begin(), chips.end());
    chips.erase(std::unique(chips.begin(), chips.end()), chips.end());
    chips.erase(std::remove(chips.begin(), chips.end(), chipOf[s]),
                chips.end());
    return chips;
  }

  /// Makes the best improving move or swap of slice s; whether it did.
  bool improve(int64_t s) {
    int64_t from = chipOf[s];
    int64_t bestDelta = 0, bestTo = -1, bestPartner = -1;
    for (int64_t to : candidateChips(s)) {
      int64_t delta = moveDelta(s, to);
      if (int64_t(members[to].size()) < capacity) {
        if (delta < bestDelta)
          bestDelta = delta, bestTo = to, bestPartner = -1;
        continue;
      }
      // A swap that s does not gain from is found from its partner's side.
      if (delta >= 0)
        continue;
      move(s, to);
      for (int64_t t : members[to]) {
        if (t == s)
          continue;
        int64_t total = delta + moveDelta(t, from);
        if (total < bestDelta ||
            (total == bestDelta && bestTo == to && t < bestPartner))
          bestDelta = total, bestTo = to, bestPartner = t;
      }
      move(s, from);
    }
    if (bestTo < 0)
      return false;
    move(s, bestTo);
    if (bestPartner >= 0)
      move(bestPartner, from);
    return true;
  }

  const ChipDistances &distances;
  int64_t capacity;
  const std::vector<std::vector<int64_t>> &destinations;
  std::vector<int64_t> &chipOf;
  std::vector<int64_t> packets;
  std::vector<std::vector<int64_t>> predecessors; // excluding the slice
  std::vector<bool> selfLoop;
  std::vector<ChipCounts> destinationChips;
  std::vector<std::vector<int64_t>> members;
  // Chips and predecessors looked at by moveDelta so far.
  int64_t work = 0;
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
