//===- MappingStarDeltasTest.cpp - Tests of StarDeltas --------------------===//
//
// The cached star cost changes of StarDeltas against the star cost summed
// afresh, over random networks (self-loops, shared predecessors) and long
// runs of random moves and tried moves, so a sum left stale shows up.
//
//===----------------------------------------------------------------------===//

#include "passes/SplitMix64.h"
#include "passes/mapping/ChipDistances.h"
#include "passes/mapping/SliceTraffic.h"
#include "passes/mapping/StarDeltas.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

using namespace snc;
using namespace snc::mapping;

namespace {

/// The star cost of Place.h, summed from scratch over chip positions.
int64_t starCost(const ChipDistances &distances, const Partition &partition,
                 const std::vector<std::vector<int64_t>> &destinations,
                 const std::vector<int64_t> &chipOf) {
  int64_t cost = 0;
  for (size_t s = 0; s < destinations.size(); ++s) {
    std::set<int64_t> chips;
    for (int64_t d : destinations[s])
      chips.insert(chipOf[d]);
    for (int64_t chip : chips)
      cost += slicePackets(partition.slices[s]) * distances(chipOf[s], chip);
  }
  return cost;
}

TEST(MappingStarDeltasTest, DeltasMatchCostsSummedAfresh) {
  Machine machine;
  machine.chipsX = 4;
  machine.chipsY = 3;
  ChipDistances distances(machine, centralChips(machine, 5));
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    SplitMix64 rng(seed);
    int64_t slices = 20 + int64_t(rng.next() % 20);
    Partition partition;
    std::vector<std::vector<int64_t>> destinations(static_cast<size_t>(slices));
    std::vector<int64_t> chipOf;
    for (int64_t s = 0, lo = 0; s < slices; ++s) {
      int64_t size = 1 + int64_t(rng.next() % 50);
      partition.slices.push_back({0, lo, lo + size, 0});
      lo += size;
      // Few chips and many destinations, so sources often have one, two
      // or no destinations on a chip: every case of the sums' updates.
      for (int d = 0, n = int(rng.next() % 12); d < n; ++d)
        destinations[s].push_back(int64_t(rng.next() % uint64_t(slices)));
      std::sort(destinations[s].begin(), destinations[s].end());
      destinations[s].erase(
          std::unique(destinations[s].begin(), destinations[s].end()),
          destinations[s].end());
      chipOf.push_back(int64_t(rng.next() % 5));
    }
    StarDeltas placement(distances, partition, destinations, chipOf);
    for (int step = 0; step < 200; ++step) {
      int64_t cost = starCost(distances, partition, destinations, chipOf);
      for (int64_t s = 0; s < slices; ++s)
        for (int64_t to = 0; to < 5; ++to) {
          std::vector<int64_t> moved = chipOf;
          moved[s] = to;
          ASSERT_EQ(placement.moveDelta(s, to),
                    starCost(distances, partition, destinations, moved) - cost)
              << "seed " << seed << " step " << step << " slice " << s << " to "
              << to;
        }
      int64_t s = int64_t(rng.next() % uint64_t(slices));
      int64_t to = int64_t(rng.next() % 5);
      if (to == chipOf[s])
        continue;
      // A tried move: exact for the slices on `to` moving to s's chip (a
      // swap), then all sums as before (checked at the next step).
      int64_t from = chipOf[s];
      placement.tryMove(s, to);
      int64_t tried = starCost(distances, partition, destinations, chipOf);
      for (int64_t t : placement.membersOf(to)) {
        if (t == s)
          continue;
        std::vector<int64_t> swapped = chipOf;
        swapped[t] = from;
        ASSERT_EQ(placement.moveDelta(t, from),
                  starCost(distances, partition, destinations, swapped) - tried)
            << "seed " << seed << " step " << step << " swap " << s << " " << t;
      }
      placement.untry(s, from);
      ASSERT_EQ(chipOf[s], from);
      placement.move(s, to);
      ASSERT_EQ(chipOf[s], to);
      ASSERT_EQ(placement.chipOf(s), to);
    }
  }
}

} // namespace
