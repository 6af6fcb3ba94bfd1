//===- MappingPlaceTest.cpp - Tests of placement --------------------------===//
//
// Hops on the six-link mesh; the star cost on a hand-computed case; each
// placement step on a graph whose best answer is known; placeNetwork's
// validity, determinism and never-worse-than-sequential guarantee on random
// networks, and its gain on interleaved independent chains.
//
//===----------------------------------------------------------------------===//

#include "passes/SplitMix64.h"
#include "passes/mapping/ChipDistances.h"
#include "passes/mapping/Partition.h"
#include "passes/mapping/Place.h"
#include "passes/mapping/PlaceGroups.h"
#include "passes/mapping/PlaceLayout.h"
#include "passes/mapping/PlaceRefine.h"
#include "passes/mapping/SliceTraffic.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

using namespace snc;
using namespace snc::mapping;

namespace {

using Destinations = std::vector<std::vector<int64_t>>;

Machine mesh(int chipsX, int chipsY, int qpesPerChip, int pesPerQpe) {
  Machine machine;
  machine.chipsX = chipsX;
  machine.chipsY = chipsY;
  machine.qpesX = qpesPerChip;
  machine.qpesY = 1;
  machine.qpesPerChip = qpesPerChip;
  machine.pesPerQpe = pesPerQpe;
  machine.neuronsPerPe = 64;
  machine.memoryBytesPerPe = 32768;
  return machine;
}

/// Slices of the given neuron counts, all in population 0.
Partition slicesOfSizes(const std::vector<int64_t> &sizes) {
  Partition partition;
  int64_t lo = 0;
  for (int64_t size : sizes) {
    partition.slices.push_back({0, lo, lo + size, 0});
    lo += size;
  }
  return partition;
}

/// Every slice on its own PE of the machine.
void expectValid(const Machine &machine, const Partition &partition,
                 const Placement &placement) {
  ASSERT_EQ(placement.peOfSlice.size(), partition.slices.size());
  std::set<int64_t> used;
  for (int64_t pe : placement.peOfSlice) {
    EXPECT_GE(pe, 0);
    EXPECT_LT(pe, machine.pes());
    EXPECT_TRUE(used.insert(pe).second) << "PE " << pe << " used twice";
  }
}

Placement placeOrFail(const Machine &machine, const Partition &partition,
                      const Destinations &destinations, uint64_t seed) {
  Placement placement;
  std::string error;
  EXPECT_TRUE(
      placeNetwork(machine, partition, destinations, seed, placement, error))
      << error;
  return placement;
}

int64_t sequentialCost(const Machine &machine, const Partition &partition,
                       const Destinations &destinations) {
  return costOf(machine, partition, destinations,
                placeSequential(machine, partition));
}

TEST(MappingPlaceTest, HopsOnTheSixLinkMesh) {
  Machine machine = mesh(4, 4, 1, 2);
  auto pe = [&](int x, int y) { return int64_t(y * 4 + x) * 2; };
  EXPECT_EQ(hops(machine, pe(0, 0), pe(0, 0) + 1), 0);
  EXPECT_EQ(hops(machine, pe(0, 0), pe(2, 1)), 2); // NE, then E
  EXPECT_EQ(hops(machine, pe(2, 1), pe(0, 0)), 2); // SW, then W
  EXPECT_EQ(hops(machine, pe(2, 0), pe(0, 1)), 3); // no diagonal helps
  EXPECT_EQ(hops(machine, pe(3, 3), pe(0, 0)), 3);
  EXPECT_EQ(hops(machine, pe(0, 3), pe(3, 0)), 6);
  for (int64_t a = 0; a < machine.chips(); ++a)
    for (int64_t b = 0; b < machine.chips(); ++b)
      EXPECT_EQ(chipHops(machine, a, b), hops(machine, a * 2, b * 2 + 1));
}

TEST(MappingPlaceTest, CentralChipsAreTheMiddleAndItsNeighbours) {
  Machine machine = mesh(5, 5, 1, 4);
  // (2, 2) is chip 12; its six links reach 13 (E), 18 (NE), 17 (N),
  // 11 (W), 6 (SW) and 7 (S).
  EXPECT_EQ(centralChips(machine, 7),
            (std::vector<int64_t>{12, 6, 7, 11, 13, 17, 18}));
  ChipDistances distances(machine, centralChips(machine, 7));
  EXPECT_EQ(distances(0, 6), 1);
  EXPECT_EQ(distances(1, 6), 2); // (1, 1) to (3, 3): two NE hops
  EXPECT_EQ(distances(3, 4), 2);
}

TEST(MappingPlaceTest, CostCountsEachDestinationChipOnce) {
  // Three chips in a row, two PEs each; slices of 10, 20, 30, 40 neurons.
  Machine machine = mesh(3, 1, 1, 2);
  Partition partition = slicesOfSizes({10, 20, 30, 40});
  Destinations destinations = {{1, 2, 3}, {0}, {}, {3}};
  Placement placement;
  placement.peOfSlice = {0, 2, 3, 4}; // chips 0, 1, 1, 2
  // Slice 0 reaches chips 1 (once for slices 1 and 2) and 2: 10 * (1 + 2);
  // slice 1 reaches chip 0: 20 * 1; slice 3 stays on its chip.
  EXPECT_EQ(costOf(machine, partition, destinations, placement), 50);
  // Sequential: chips 0, 0, 1, 1; only slice 0 leaves its chip, for one.
  Placement sequential = placeSequential(machine, partition);
  EXPECT_EQ(sequential.peOfSlice, (std::vector<int64_t>{0, 1, 2, 3}));
  EXPECT_EQ(costOf(machine, partition, destinations, sequential), 10);
}

TEST(MappingPlaceTest, OneChipNeedsNoOptimisation) {
  Machine machine = mesh(2, 2, 2, 4);
  Partition partition = slicesOfSizes({5, 5, 5, 5, 5});
  Destinations destinations = {{1}, {2}, {3}, {4}, {0}};
  Placement placement = placeOrFail(machine, partition, destinations, 1);
  EXPECT_EQ(placement.peOfSlice, (std::vector<int64_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(costOf(machine, partition, destinations, placement), 0);
}

TEST(MappingPlaceTest, BadInputsAreRejected) {
  Machine machine = mesh(1, 1, 1, 4);
  Partition partition = slicesOfSizes({1, 1, 1, 1});
  Placement placement;
  std::string error;
  EXPECT_FALSE(
      placeNetwork(machine, partition, {{}, {}, {}}, 1, placement, error));
  EXPECT_EQ(error, "destinations list 3 slices, the partition has 4");
  EXPECT_FALSE(
      placeNetwork(machine, partition, {{}, {4}, {}, {}}, 1, placement, error));
  EXPECT_EQ(error, "slice 1 sends to slice 4, the partition has 4");
  Partition tooMany = slicesOfSizes({1, 1, 1, 1, 1});
  EXPECT_FALSE(
      placeNetwork(machine, tooMany, Destinations(5), 1, placement, error));
  EXPECT_EQ(error, "5 slices, the machine has 4 PEs");
}

/// 8 independent chains of 4 layers, each layer reaching the next through
/// a band of +-2 neurons; populations ordered layer by layer, so each chip
/// of the sequential placement mixes two chains.
Network interleavedChains() {
  Network network;
  const int chains = 8, layers = 4, size = 8;
  for (int layer = 0; layer < layers; ++layer)
    for (int chain = 0; chain < chains; ++chain) {
      Population population;
      population.name =
          "c" + std::to_string(chain) + "l" + std::to_string(layer);
      population.size = size;
      network.populations.push_back(population);
    }
  for (int layer = 0; layer + 1 < layers; ++layer)
    for (int chain = 0; chain < chains; ++chain) {
      Projection projection;
      projection.kind = Projection::Kind::Sparse;
      projection.pre = layer * chains + chain;
      projection.post = (layer + 1) * chains + chain;
      projection.postFanIn.assign(size, 1);
      projection.preRows = size;
      for (int64_t i = 0; i < size; ++i) {
        projection.postLo.push_back(std::max<int64_t>(0, i - 2));
        projection.postHi.push_back(std::min<int64_t>(size, i + 3));
      }
      network.projections.push_back(projection);
    }
  return network;
}

TEST(MappingPlaceTest, InterleavedChainsBeatSequential) {
  // 2 neurons per PE: 4 slices per population, 128 slices on 16 chips of
  // 8 PEs; each chain (16 slices) fits two neighbouring chips.
  Machine machine = mesh(4, 4, 2, 4);
  machine.neuronsPerPe = 2;
  Network network = interleavedChains();
  Partition partition;
  std::string error;
  ASSERT_TRUE(partitionNetwork(machine, network, partition, error)) << error;
  ASSERT_EQ(partition.slices.size(), 128u);
  Destinations destinations = sliceDestinations(network, partition);
  Placement placement = placeOrFail(machine, partition, destinations, 7);
  expectValid(machine, partition, placement);
  int64_t optimised = costOf(machine, partition, destinations, placement);
  int64_t sequential = sequentialCost(machine, partition, destinations);
  // Sequentially, a chip holds two populations of one layer, and every
  // slice of layers 0-2 sends its 2 packets one hop up to the next layer's
  // chip. At best a chain's 16 slices fill two neighbouring chips, split
  // between layers 1 and 2: 4 slices * 2 packets * 1 hop per chain.
  EXPECT_EQ(sequential, 8 * 3 * 4 * 2);
  EXPECT_LT(optimised, sequential);
  EXPECT_LE(optimised, 2 * 8 * 4 * 2);
}

TEST(MappingPlaceTest, SameSeedSamePlacement) {
  Machine machine = mesh(4, 4, 2, 4);
  machine.neuronsPerPe = 2;
  Network network = interleavedChains();
  Partition partition;
  std::string error;
  ASSERT_TRUE(partitionNetwork(machine, network, partition, error)) << error;
  Destinations destinations = sliceDestinations(network, partition);
  for (uint64_t seed : {1u, 2u, 99u}) {
    Placement first = placeOrFail(machine, partition, destinations, seed);
    Placement second = placeOrFail(machine, partition, destinations, seed);
    EXPECT_EQ(first.peOfSlice, second.peOfSlice) << "seed " << seed;
  }
}

/// Populations of random sizes and delays with random dense, sparse
/// (banded or not) and shared projections.
Network randomNetwork(uint64_t seed) {
  SplitMix64 rng(seed);
  auto below = [&](uint64_t n) { return int64_t(rng.next() % n); };
  Network network;
  int populations = 3 + int(below(5));
  for (int p = 0; p < populations; ++p) {
    Population population;
    population.name = "p" + std::to_string(p);
    population.size = 20 + below(300);
    population.delaySlots = 1 + below(8);
    network.populations.push_back(population);
  }
  for (int post = 0; post < populations; ++post)
    for (int edge = 0, edges = 1 + int(below(2)); edge < edges; ++edge) {
      Projection projection;
      projection.pre = int(below(uint64_t(populations)));
      projection.post = post;
      int64_t preSize = network.populations[projection.pre].size;
      int64_t postSize = network.populations[post].size;
      int64_t kind = below(3);
      if (kind == 0 && preSize < 100) {
        projection.kind = Projection::Kind::Dense;
      } else if (kind == 1) {
        projection.kind = Projection::Kind::Shared;
        projection.sharedBytes = 100 + below(1000);
      } else {
        projection.kind = Projection::Kind::Sparse;
        for (int64_t k = 0; k < postSize; ++k)
          projection.postFanIn.push_back(below(20));
        projection.preRows = preSize;
      }
      if (below(2) == 0)
        for (int64_t i = 0; i < preSize; ++i) {
          int64_t lo = below(uint64_t(postSize));
          projection.postLo.push_back(lo);
          projection.postHi.push_back(
              lo + below(uint64_t(std::min<int64_t>(postSize - lo, 40))) + 1);
        }
      network.projections.push_back(projection);
    }
  return network;
}

TEST(MappingPlaceTest, RandomNetworksPlaceValidlyAndNeverWorse) {
  Machine machine = mesh(4, 4, 2, 4);
  for (uint64_t seed = 1; seed <= 16; ++seed) {
    Network network = randomNetwork(seed);
    Partition partition;
    std::string error;
    ASSERT_TRUE(partitionNetwork(machine, network, partition, error))
        << "seed " << seed << ": " << error;
    Destinations destinations = sliceDestinations(network, partition);
    Placement placement = placeOrFail(machine, partition, destinations, seed);
    expectValid(machine, partition, placement);
    EXPECT_LE(costOf(machine, partition, destinations, placement),
              sequentialCost(machine, partition, destinations))
        << "seed " << seed;
  }
}

/// The cheapest placement of at most 16 slices on chips 0 and 1 (one hop
/// apart), by trying every split.
int64_t bestTwoChipCost(const Machine &machine, const Partition &partition,
                        const Destinations &destinations) {
  int slices = int(partition.slices.size());
  int64_t perChip = machine.pesPerChip(), best = INT64_MAX;
  for (uint32_t onSecond = 0; onSecond < (1u << slices); ++onSecond) {
    int64_t second = __builtin_popcount(onSecond);
    if (second > perChip || slices - second > perChip)
      continue;
    Placement placement;
    int64_t used[2] = {0, 0};
    for (int s = 0; s < slices; ++s) {
      int chip = (onSecond >> s) & 1;
      placement.peOfSlice.push_back(chip * perChip + used[chip]++);
    }
    best = std::min(best, costOf(machine, partition, destinations, placement));
  }
  return best;
}

TEST(MappingPlaceTest, TwoChipPlacementsNearTheOptimum) {
  Machine machine = mesh(4, 4, 2, 4);
  int cases = 0, optimal = 0;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    Network network = randomNetwork(seed);
    Partition partition;
    std::string error;
    ASSERT_TRUE(partitionNetwork(machine, network, partition, error));
    size_t slices = partition.slices.size();
    if (slices <= size_t(machine.pesPerChip()) || slices > 16)
      continue;
    Destinations destinations = sliceDestinations(network, partition);
    Placement placement = placeOrFail(machine, partition, destinations, seed);
    int64_t cost = costOf(machine, partition, destinations, placement);
    int64_t best = bestTwoChipCost(machine, partition, destinations);
    EXPECT_LE(cost * 4, best * 5) << "seed " << seed;
    ++cases;
    optimal += cost == best;
  }
  EXPECT_GE(cases, 8);
  EXPECT_GE(optimal * 4, cases * 3);
}

TEST(MappingPlaceTest, GroupingKeepsCliquesTogether) {
  // Four cliques of six, vertex v in clique v % 4, heavy inside and lightly
  // chained to the next clique.
  std::vector<WeightedEdge> edges;
  for (int64_t a = 0; a < 24; ++a)
    for (int64_t b = 0; b < 24; ++b) {
      if (a == b)
        continue;
      if (a % 4 == b % 4)
        edges.push_back({a, b, 10});
      else if (a / 4 == b / 4 && (a % 4 + 1 == b % 4 || b % 4 + 1 == a % 4))
        edges.push_back({a, b, 1});
    }
  WeightedGraph graph = buildGraph(24, edges);
  for (uint64_t seed : {1u, 5u, 42u}) {
    std::vector<int64_t> group;
    std::string error;
    ASSERT_TRUE(groupSlices(graph, 4, 6, seed, group, error)) << error;
    std::set<int64_t> groups;
    for (int64_t v = 0; v < 24; ++v) {
      EXPECT_EQ(group[v], group[v % 4]) << "vertex " << v << ", seed " << seed;
      groups.insert(group[v]);
    }
    EXPECT_EQ(groups.size(), 4u);
  }
}

TEST(MappingPlaceTest, GroupingRespectsCapacity) {
  // METIS often overfills parts of small random graphs (a third of these),
  // most of all when the parts must be exactly full; the trimming must not.
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    SplitMix64 rng(seed);
    int64_t parts = 2 + int64_t(rng.next() % 6);
    int64_t capacity = 2 + int64_t(rng.next() % 6);
    int64_t vertices = parts * capacity - int64_t(rng.next() % 2);
    std::vector<WeightedEdge> edges;
    for (int64_t e = 0, n = int64_t(rng.next() % uint64_t(3 * vertices)); e < n;
         ++e) {
      int64_t a = int64_t(rng.next() % uint64_t(vertices));
      int64_t b = int64_t(rng.next() % uint64_t(vertices));
      int64_t weight = 1 + int64_t(rng.next() % 100);
      if (a != b) {
        edges.push_back({a, b, weight});
        edges.push_back({b, a, weight});
      }
    }
    std::vector<int64_t> group;
    std::string error;
    ASSERT_TRUE(groupSlices(buildGraph(vertices, edges), parts, capacity, seed,
                            group, error))
        << error;
    std::vector<int64_t> sizes(size_t(parts), 0);
    for (int64_t g : group) {
      ASSERT_GE(g, 0);
      ASSERT_LT(g, parts);
      ++sizes[g];
    }
    for (int64_t size : sizes)
      EXPECT_LE(size, capacity) << "seed " << seed;
  }
  std::vector<int64_t> group;
  std::string error;
  EXPECT_FALSE(groupSlices(buildGraph(20, {}), 3, 6, 1, group, error));
  EXPECT_EQ(error, "20 slices do not fit 3 chips of 6 PEs");
}

TEST(MappingPlaceTest, LayoutLinesUpAChain) {
  // Groups 0 -> 1 -> 2 -> 3 on a row of four chips: each link one hop.
  Machine machine = mesh(4, 1, 1, 1);
  Partition partition = slicesOfSizes({10, 10, 10, 10});
  Destinations destinations = {{1}, {2}, {3}, {}};
  ChipDistances distances(machine, centralChips(machine, 4));
  std::vector<int64_t> position =
      layoutGroups(distances, partition, destinations, {0, 1, 2, 3}, 4);
  std::vector<int64_t> sorted = position;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<int64_t>{0, 1, 2, 3}));
  for (int64_t g = 0; g < 3; ++g)
    EXPECT_EQ(distances(position[g], position[g + 1]), 1) << "group " << g;
}

/// Slices on the PEs of their chips in `chips`, in slice order.
Placement onChips(const Machine &machine, const ChipDistances &chips,
                  const std::vector<int64_t> &chipOfSlice) {
  Placement placement;
  std::vector<int64_t> used(size_t(chips.size()), 0);
  for (int64_t position : chipOfSlice)
    placement.peOfSlice.push_back(chips.chip(position) * machine.pesPerChip() +
                                  used[position]++);
  return placement;
}

TEST(MappingPlaceTest, RefinementSwapsPairsTogether) {
  // Slices 0 <-> 1 and 2 <-> 3 talk, but start split across two full chips.
  Machine machine = mesh(2, 1, 1, 2);
  Partition partition = slicesOfSizes({4, 4, 4, 4});
  Destinations destinations = {{1}, {0}, {3}, {2}};
  ChipDistances distances(machine, {0, 1});
  std::vector<int64_t> chipOf = {0, 1, 0, 1};
  EXPECT_EQ(costOf(machine, partition, destinations,
                   onChips(machine, distances, chipOf)),
            16);
  refinePlacement(distances, 2, partition, destinations, chipOf, 4);
  EXPECT_EQ(chipOf[0], chipOf[1]);
  EXPECT_EQ(chipOf[2], chipOf[3]);
  EXPECT_NE(chipOf[0], chipOf[2]);
  EXPECT_EQ(costOf(machine, partition, destinations,
                   onChips(machine, distances, chipOf)),
            0);
}

TEST(MappingPlaceTest, RefinementStopsAtItsWorkBudget) {
  // Four talking pairs, each split across two full chips: 8 per pair (4
  // packets each way, one hop), 32. Slice 0's best exchange (a swap with
  // slice 3) joins two pairs; with a budget of 1 step refinement stops
  // after slice 0 (16), with the default one it joins all four (0).
  Machine machine = mesh(2, 1, 1, 4);
  Partition partition = slicesOfSizes({4, 4, 4, 4, 4, 4, 4, 4});
  Destinations destinations = {{1}, {0}, {3}, {2}, {5}, {4}, {7}, {6}};
  ChipDistances distances(machine, {0, 1});
  auto cost = [&](const std::vector<int64_t> &chipOf) {
    return costOf(machine, partition, destinations,
                  onChips(machine, distances, chipOf));
  };
  std::vector<int64_t> chipOf = {0, 1, 0, 1, 0, 1, 0, 1};
  EXPECT_EQ(cost(chipOf), 32);
  refinePlacement(distances, 4, partition, destinations, chipOf, 4,
                  /*workBudget=*/1);
  EXPECT_EQ(cost(chipOf), 16);
  std::vector<int64_t> full = {0, 1, 0, 1, 0, 1, 0, 1};
  refinePlacement(distances, 4, partition, destinations, full, 4);
  EXPECT_EQ(cost(full), 0);
}

TEST(MappingPlaceTest, RefinementMovesSelfLoopingSlices) {
  // Slice 0 sends only to itself; slice 1 sends to slices 0 and 2. Only
  // moving slice 0 beside slice 1 saves anything (slice 1's hop to chip 0);
  // slice 0's own packets stay on whichever chip it is on.
  Machine machine = mesh(2, 1, 1, 3);
  Partition partition = slicesOfSizes({100, 1, 5});
  Destinations destinations = {{0}, {0, 2}, {}};
  ChipDistances distances(machine, {0, 1});
  std::vector<int64_t> chipOf = {0, 1, 1};
  refinePlacement(distances, 3, partition, destinations, chipOf, 4);
  EXPECT_EQ(chipOf, (std::vector<int64_t>{1, 1, 1}));
}

TEST(MappingPlaceTest, RefinementNeverRaisesCost) {
  Machine machine = mesh(4, 3, 1, 4);
  ChipDistances distances(machine, centralChips(machine, 12));
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    SplitMix64 rng(seed);
    int64_t slices = 30 + int64_t(rng.next() % 18);
    std::vector<int64_t> sizes;
    Destinations destinations(static_cast<size_t>(slices));
    for (int64_t s = 0; s < slices; ++s) {
      sizes.push_back(1 + int64_t(rng.next() % 50));
      for (int d = 0, n = int(rng.next() % 6); d < n; ++d)
        destinations[s].push_back(int64_t(rng.next() % uint64_t(slices)));
      std::sort(destinations[s].begin(), destinations[s].end());
      destinations[s].erase(
          std::unique(destinations[s].begin(), destinations[s].end()),
          destinations[s].end());
    }
    Partition partition = slicesOfSizes(sizes);
    std::vector<int64_t> chipOf;
    for (int64_t s = 0; s < slices; ++s)
      chipOf.push_back(s % 12);
    int64_t before = costOf(machine, partition, destinations,
                            onChips(machine, distances, chipOf));
    refinePlacement(distances, 4, partition, destinations, chipOf, 8);
    std::vector<int64_t> load(12, 0);
    for (int64_t chip : chipOf)
      EXPECT_LE(++load[chip], 4) << "seed " << seed;
    int64_t after = costOf(machine, partition, destinations,
                           onChips(machine, distances, chipOf));
    EXPECT_LT(after, before) << "seed " << seed;
  }
}

} // namespace
