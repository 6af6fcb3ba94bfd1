//===- MappingRouteTest.cpp - keys, routing trees, router tables ----------===//
//
// Key allocation (disjoint, aligned, per-population blocks, the fallback
// and the overflow message), routing trees on hand-made meshes with known
// entries, default routing, delivery of every key of every slice on random
// placements before and after table compression, and the compressor's
// merges, refusals and diagnostics.
//
//===----------------------------------------------------------------------===//

#include "passes/mapping/KeyAllocation.h"
#include "passes/mapping/Route.h"
#include "passes/mapping/TableCompression.h"

#include "passes/SplitMix64.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <set>

using namespace snc::mapping;

namespace {

/// A chipsX x chipsY mesh of chips with 8 PEs each (2 QPEs of 4).
Machine mesh(int chipsX, int chipsY) {
  Machine machine;
  machine.chipsX = chipsX;
  machine.chipsY = chipsY;
  machine.qpesX = 2;
  machine.qpesPerChip = 2;
  machine.pesPerQpe = 4;
  machine.routerEntries = 1024;
  return machine;
}

/// Routing tables of `machine`'s mesh with no entries, to fill by hand.
RoutingTables emptyTables(const Machine &machine) {
  RoutingTables tables;
  tables.chipsX = machine.chipsX;
  tables.chipsY = machine.chipsY;
  tables.byChip.resize(size_t(machine.chips()));
  return tables;
}

int64_t peAt(const Machine &machine, int x, int y, int onChip) {
  return (int64_t(y) * machine.chipsX + x) * machine.pesPerChip() + onChip;
}

/// Slices from (population, neurons) in order.
Partition slicesOf(const std::vector<std::pair<int, int64_t>> &shape) {
  Partition partition;
  std::vector<int64_t> next;
  for (auto [population, neurons] : shape) {
    if (next.size() <= size_t(population))
      next.resize(size_t(population) + 1, 0);
    Slice slice;
    slice.population = population;
    slice.lo = next[size_t(population)];
    slice.hi = slice.lo + neurons;
    next[size_t(population)] = slice.hi;
    partition.slices.push_back(slice);
  }
  return partition;
}

std::vector<int64_t> expectedPes(const Placement &placement,
                                 const std::vector<int64_t> &destinations) {
  std::set<int64_t> pes;
  for (int64_t d : destinations)
    pes.insert(placement.peOfSlice[size_t(d)]);
  return {pes.begin(), pes.end()};
}

/// Every key of every slice with destinations reaches exactly its
/// destinations' PEs; a message names the first that does not.
std::string checkEveryKey(const Machine &machine, const Partition &partition,
                          const Placement &placement,
                          const std::vector<std::vector<int64_t>> &dests,
                          const KeyAllocation &keys,
                          const RoutingTables &tables) {
  for (size_t s = 0; s < partition.slices.size(); ++s) {
    if (dests[s].empty())
      continue;
    std::vector<int64_t> expected = expectedPes(placement, dests[s]);
    int64_t n = partition.slices[s].hi - partition.slices[s].lo;
    for (int64_t k = 0; k < n; ++k) {
      std::string error;
      std::vector<int64_t> got =
          deliver(machine, tables, placement.peOfSlice[s],
                  keys.key(int64_t(s), k), &error);
      if (!error.empty())
        return "slice " + std::to_string(s) + " neuron " + std::to_string(k) +
               ": " + error;
      if (got != expected)
        return "slice " + std::to_string(s) + " neuron " + std::to_string(k) +
               " reaches the wrong PEs";
    }
  }
  return "";
}

std::string entryText(const RouterEntry &e) {
  char text[32];
  snprintf(text, sizeof(text), "%08x/%08x ", e.key, e.mask);
  return text + e.route.str();
}

std::vector<std::string> tableText(const std::vector<RouterEntry> &table) {
  std::vector<std::string> lines;
  for (const RouterEntry &e : table)
    lines.push_back(entryText(e));
  return lines;
}

//===----------------------------------------------------------------------===//
// Keys
//===----------------------------------------------------------------------===//

TEST(KeyAllocation, BlockSizes) {
  EXPECT_EQ(keyBlockSize(0), 1u);
  EXPECT_EQ(keyBlockSize(1), 1u);
  EXPECT_EQ(keyBlockSize(2), 2u);
  EXPECT_EQ(keyBlockSize(3), 4u);
  EXPECT_EQ(keyBlockSize(128), 128u);
  EXPECT_EQ(keyBlockSize(129), 256u);
}

TEST(KeyAllocation, DisjointAlignedPerPopulation) {
  Partition partition = slicesOf({{0, 100},
                                  {0, 100},
                                  {0, 37},
                                  {1, 1},
                                  {1, 1},
                                  {2, 1000},
                                  {3, 3},
                                  {3, 129},
                                  {3, 64},
                                  {4, 0}});
  KeyAllocation keys;
  std::string error;
  ASSERT_TRUE(allocateKeys(partition, keys, error)) << error;
  ASSERT_EQ(keys.layout, KeyAllocation::Layout::PopulationBlocks);
  ASSERT_EQ(keys.ofSlice.size(), partition.slices.size());

  for (size_t s = 0; s < partition.slices.size(); ++s) {
    const KeyRange &range = keys.ofSlice[s];
    int64_t n = partition.slices[s].hi - partition.slices[s].lo;
    EXPECT_EQ(range.size(), keyBlockSize(n)) << "slice " << s;
    EXPECT_EQ(range.base & ~range.mask, 0u) << "slice " << s << " unaligned";
    EXPECT_GE(int64_t(range.size()), n);
    // Every neuron's key lies in the range and maps back to the neuron.
    for (int64_t k = 0; k < n; ++k)
      ASSERT_TRUE(range.contains(keys.key(int64_t(s), k)));
    const KeyRange &block =
        keys.ofPopulation[size_t(partition.slices[s].population)];
    EXPECT_TRUE(block.contains(range.base) && block.contains(range.last()))
        << "slice " << s << " outside its population block";
    for (size_t t = 0; t < s; ++t) {
      const KeyRange &other = keys.ofSlice[t];
      bool overlap = range.base <= other.last() && other.base <= range.last();
      EXPECT_FALSE(overlap) << "slices " << t << " and " << s;
    }
  }
  EXPECT_EQ(keys.ofSlice[3].mask, 0xFFFFFFFFu); // one neuron: all ones
  EXPECT_EQ(keys.ofSlice[9].mask, 0xFFFFFFFFu); // no neurons
  EXPECT_EQ(keys.ofSlice[0].mask, 0xFFFFFF80u);
  // Slices of a population are consecutive at a common stride.
  EXPECT_EQ(keys.ofSlice[1].base, keys.ofSlice[0].base + 128);
  EXPECT_EQ(keys.ofSlice[2].base, keys.ofSlice[0].base + 256);
  EXPECT_EQ(keys.ofSlice[7].base, keys.ofSlice[6].base + 256);
  EXPECT_EQ(keys.ofSlice[8].base, keys.ofSlice[6].base + 512);
  // Population blocks are disjoint and aligned.
  for (size_t p = 0; p < keys.ofPopulation.size(); ++p) {
    const KeyRange &a = keys.ofPopulation[p];
    EXPECT_EQ(a.base & ~a.mask, 0u);
    for (size_t q = 0; q < p; ++q) {
      const KeyRange &b = keys.ofPopulation[q];
      EXPECT_FALSE(a.base <= b.last() && b.base <= a.last());
    }
  }
  // Largest block first, ties by index: population 2 (1024 keys) at 0.
  EXPECT_EQ(keys.ofPopulation[2].base, 0u);
  EXPECT_EQ(keys.ofPopulation[2].size(), 1024u);
}

TEST(KeyAllocation, FallsBackToSliceBlocks) {
  // Per population blocks would need 2^32 + 2^30 keys; tight packing fits.
  Partition partition =
      slicesOf({{0, int64_t(1) << 31}, {0, 1}, {1, int64_t(1) << 30}});
  KeyAllocation keys;
  std::string error;
  ASSERT_TRUE(allocateKeys(partition, keys, error)) << error;
  EXPECT_EQ(keys.layout, KeyAllocation::Layout::SliceBlocks);
  EXPECT_EQ(keys.ofSlice[0].base, 0u);
  EXPECT_EQ(keys.ofSlice[2].base, 0x80000000u);
  EXPECT_EQ(keys.ofSlice[1].base, 0xC0000000u);
  EXPECT_EQ(keys.ofSlice[1].mask, 0xFFFFFFFFu);
}

TEST(KeyAllocation, KeySpaceExhausted) {
  Partition partition =
      slicesOf({{0, int64_t(1) << 31}, {1, int64_t(1) << 31}, {2, 5}});
  KeyAllocation keys;
  std::string error;
  EXPECT_FALSE(allocateKeys(partition, keys, error));
  EXPECT_EQ(error, "key space exhausted: the 3 slices need 4294967304 keys, "
                   "a 32-bit key has 4294967296");
}

//===----------------------------------------------------------------------===//
// Routes and trees
//===----------------------------------------------------------------------===//

TEST(RouteSet, BitsEqualityAndText) {
  Route a, b;
  a.addLink(Link::North);
  a.addPe(3);
  a.addPe(130);
  b.addPe(130);
  b.addLink(Link::North);
  EXPECT_NE(a, b);
  b.addPe(3);
  EXPECT_EQ(a, b);
  EXPECT_EQ(RouteHash()(a), RouteHash()(b));
  EXPECT_TRUE(a.hasPe(130));
  EXPECT_FALSE(a.hasPe(131));
  EXPECT_FALSE(a.hasPe(1000));
  EXPECT_EQ(a.pes(), (std::vector<int>{3, 130}));
  EXPECT_EQ(a.str(), "N pe 3,130");
  Route c;
  c.addLink(Link::East);
  c.addLink(Link::SouthWest);
  EXPECT_EQ(c.str(), "E+SW");
  EXPECT_TRUE(c < a || a < c);
  EXPECT_EQ(Route().str(), "drop");
  EXPECT_EQ(opposite(Link::NorthEast), Link::SouthWest);
  EXPECT_EQ(opposite(Link::South), Link::North);
}

// 3x3 mesh; slice 0 on chip (0,0) sends to chips (2,2), (2,0) and (1,2):
//
//   y=2  .    D3   D1        paths: (2,2) NE NE; (2,0) E E; (1,2) NE N
//   y=1  .    F    .         F = (1,1) forks NE + N
//   y=0  S    -    D2        - = (1,0): straight through, no entry
TEST(RouteTree, HandMadeThreeByThree) {
  Machine machine = mesh(3, 3);
  Partition partition = slicesOf({{0, 10}, {1, 4}, {1, 4}, {1, 4}});
  Placement placement;
  placement.peOfSlice = {peAt(machine, 0, 0, 0), peAt(machine, 2, 2, 3),
                         peAt(machine, 2, 0, 1), peAt(machine, 1, 2, 6)};
  std::vector<std::vector<int64_t>> dests = {{1, 2, 3}, {}, {}, {}};
  KeyAllocation keys;
  RoutingTables tables;
  std::string error;
  ASSERT_TRUE(allocateKeys(partition, keys, error)) << error;
  ASSERT_TRUE(buildRoutingTables(machine, partition, placement, dests, keys,
                                 tables, error))
      << error;
  // Population 0 (16 keys) is packed first, at key 0.
  EXPECT_EQ(keys.ofSlice[0].base, 0u);
  EXPECT_EQ(keys.ofSlice[0].mask, 0xFFFFFFF0u);

  auto chip = [&](int x, int y) {
    return tableText(tables.byChip[size_t(y * 3 + x)]);
  };
  using Lines = std::vector<std::string>;
  EXPECT_EQ(chip(0, 0), Lines{"00000000/fffffff0 E+NE"});
  EXPECT_EQ(chip(1, 0), Lines{});
  EXPECT_EQ(chip(2, 0), Lines{"00000000/fffffff0 pe 1"});
  EXPECT_EQ(chip(1, 1), Lines{"00000000/fffffff0 NE+N"});
  EXPECT_EQ(chip(2, 2), Lines{"00000000/fffffff0 pe 3"});
  EXPECT_EQ(chip(1, 2), Lines{"00000000/fffffff0 pe 6"});
  EXPECT_EQ(chip(0, 1), Lines{});
  EXPECT_EQ(chip(0, 2), Lines{});
  EXPECT_EQ(chip(2, 1), Lines{});
  EXPECT_EQ(tables.entries(), 5);
  EXPECT_EQ(tables.byChip[1 * 3 + 1][0].arrival, int8_t(Link::NorthEast));
  EXPECT_EQ(tables.byChip[0][0].arrival, -1);
  ASSERT_EQ(tables.defaultRouted[1].size(), 1u);
  EXPECT_EQ(tables.defaultRouted[1][0], keys.ofSlice[0]);
  // Traffic: one tree of 10 neurons on each used link.
  EXPECT_EQ(tables.treesOnLink[0][int(Link::East)], 1);
  EXPECT_EQ(tables.treesOnLink[0][int(Link::NorthEast)], 1);
  EXPECT_EQ(tables.neuronsOnLink[4][int(Link::North)], 10);
  EXPECT_EQ(tables.treesOnLink[4][int(Link::East)], 0);

  EXPECT_EQ(checkEveryKey(machine, partition, placement, dests, keys, tables),
            "");
  EXPECT_TRUE(
      verifyRouting(machine, partition, placement, dests, keys, tables, error))
      << error;
  // Slice 1 has no destinations, hence no entries: sending is an error.
  deliver(machine, tables, placement.peOfSlice[1], keys.key(1, 0), &error);
  EXPECT_EQ(error, "router of chip (2, 2) has no entry for packet 0x00000010 "
                   "injected there");
}

TEST(RouteTree, LocalAndOppositeSignDestinations) {
  // Source at (1,2) on a 4x4 mesh; (3,0) is dx=+2, dy=-2: x first, then y.
  Machine machine = mesh(4, 4);
  Partition partition = slicesOf({{0, 5}, {1, 5}, {1, 5}, {1, 5}});
  Placement placement;
  placement.peOfSlice = {peAt(machine, 1, 2, 2), peAt(machine, 1, 2, 7),
                         peAt(machine, 3, 0, 0), peAt(machine, 0, 3, 4)};
  std::vector<std::vector<int64_t>> dests = {{0, 1, 2, 3}, {}, {}, {}};
  KeyAllocation keys;
  RoutingTables tables;
  std::string error;
  ASSERT_TRUE(allocateKeys(partition, keys, error));
  ASSERT_TRUE(buildRoutingTables(machine, partition, placement, dests, keys,
                                 tables, error));
  auto routeAt = [&](int x, int y) {
    const auto &table = tables.byChip[size_t(y * 4 + x)];
    return table.empty() ? std::string("-") : table[0].route.str();
  };
  EXPECT_EQ(routeAt(1, 2), "E+W pe 2,7"); // (0,3) is dx=-1, dy=+1: W then N
  EXPECT_EQ(routeAt(2, 2), "-");          // straight through to (3,2)
  EXPECT_EQ(routeAt(3, 2), "S");
  EXPECT_EQ(routeAt(3, 1), "-");
  EXPECT_EQ(routeAt(3, 0), "pe 0");
  EXPECT_EQ(routeAt(0, 2), "N");
  EXPECT_EQ(routeAt(0, 3), "pe 4");
  EXPECT_EQ(tables.entries(), 5);
  EXPECT_EQ(checkEveryKey(machine, partition, placement, dests, keys, tables),
            "");
  // Hops taken equal the model's shortest distance.
  EXPECT_EQ(hops(machine, placement.peOfSlice[0], placement.peOfSlice[2]), 4);
}

//===----------------------------------------------------------------------===//
// Default routing and delivery errors
//===----------------------------------------------------------------------===//

TEST(RouteDefault, StraightThroughChipsNeedNoEntry) {
  Machine machine = mesh(5, 2);
  Partition partition = slicesOf({{0, 8}, {1, 8}});
  Placement placement;
  placement.peOfSlice = {peAt(machine, 0, 0, 5), peAt(machine, 4, 0, 2)};
  std::vector<std::vector<int64_t>> dests = {{1}, {}};
  KeyAllocation keys;
  RoutingTables tables;
  std::string error;
  ASSERT_TRUE(allocateKeys(partition, keys, error));
  ASSERT_TRUE(buildRoutingTables(machine, partition, placement, dests, keys,
                                 tables, error));
  EXPECT_EQ(tables.byChip[0].size(), 1u);
  EXPECT_EQ(tables.byChip[0][0].route.str(), "E");
  for (int x = 1; x <= 3; ++x) {
    EXPECT_TRUE(tables.byChip[size_t(x)].empty()) << "chip " << x;
    EXPECT_EQ(tables.defaultRouted[size_t(x)].size(), 1u);
  }
  EXPECT_EQ(tables.byChip[4][0].route.str(), "pe 2");
  for (int64_t k = 0; k < 8; ++k) {
    std::vector<int64_t> got = deliver(machine, tables, placement.peOfSlice[0],
                                       keys.key(0, k), &error);
    EXPECT_EQ(got, std::vector<int64_t>{placement.peOfSlice[1]}) << error;
  }
  RouteCache cache(machine, tables);
  const std::vector<int64_t> *first =
      cache.deliver(placement.peOfSlice[0], keys.key(0, 3));
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(*first, std::vector<int64_t>{placement.peOfSlice[1]});
  EXPECT_EQ(cache.deliver(placement.peOfSlice[0], keys.key(0, 3)), first);
  EXPECT_EQ(cache.deliver(placement.peOfSlice[1], keys.key(1, 0), &error),
            nullptr);
}

// The trace names each router in the order reached, the entry it matched
// (null where the packet went straight on by default) and each link
// crossed: key 5 from chip (0, 0) goes east by its entry, through (1, 0)
// by default routing, and ends at PE 4 of (2, 0).
TEST(RouteDefault, DeliveryTrace) {
  Machine machine = mesh(3, 1);
  RoutingTables tables = emptyTables(machine);
  RouterEntry east{5, 0xFFFFFFFFu, Route(), -1};
  east.route.addLink(Link::East);
  tables.byChip[0].push_back(east);
  RouterEntry local{5, 0xFFFFFFFFu, Route(), -1};
  local.route.addPe(4);
  tables.byChip[2].push_back(local);
  DeliveryTrace trace;
  trace.links = {99}; // cleared by deliver
  std::string error;
  EXPECT_EQ(deliver(machine, tables, 0, 5, &error, &trace),
            std::vector<int64_t>{2 * 8 + 4})
      << error;
  EXPECT_EQ(trace.routers, (std::vector<int64_t>{0, 1, 2}));
  EXPECT_EQ(trace.matched,
            (std::vector<const RouterEntry *>{&tables.byChip[0][0], nullptr,
                                              &tables.byChip[2][0]}));
  int64_t e = int64_t(Link::East);
  EXPECT_EQ(trace.links,
            (std::vector<int64_t>{0 * kLinks + e, 1 * kLinks + e}));
}

TEST(RouteDefault, DeliveryErrors) {
  Machine machine = mesh(3, 1);
  RoutingTables tables = emptyTables(machine);
  auto add = [&](int chip, uint32_t key, Link link) {
    RouterEntry entry;
    entry.key = key;
    entry.route.addLink(link);
    tables.byChip[size_t(chip)].push_back(entry);
  };
  std::string error;
  // Default routed off the east edge.
  add(0, 1, Link::East);
  EXPECT_TRUE(deliver(machine, tables, 0, 1, &error).empty());
  EXPECT_EQ(error, "router of chip (2, 0) sends packet 0x00000001 off the "
                   "mesh by link E");
  // A loop: (0,0) E -> (1,0) W -> (0,0).
  add(0, 2, Link::East);
  add(1, 2, Link::West);
  EXPECT_TRUE(deliver(machine, tables, 0, 2, &error).empty());
  EXPECT_EQ(error, "packet 0x00000002 reaches chip (0, 0) twice");
  // First match wins: an earlier catch-all shadows a later entry.
  RouterEntry all;
  all.mask = 0;
  all.route.addPe(1);
  tables.byChip[2].push_back(all);
  add(0, 3, Link::East);
  tables.byChip[2].push_back(RouterEntry{3, 0xFFFFFFFFu, Route(), -1});
  tables.byChip[2].back().route.addPe(7);
  error.clear();
  EXPECT_EQ(deliver(machine, tables, 0, 3, &error),
            std::vector<int64_t>{2 * 8 + 1})
      << error;
  EXPECT_TRUE(deliver(machine, tables, 0, 9, &error).empty());
  EXPECT_EQ(error, "router of chip (0, 0) has no entry for packet 0x00000009 "
                   "injected there");
}

//===----------------------------------------------------------------------===//
// Random placements: every key before and after compression
//===----------------------------------------------------------------------===//

struct RandomCase {
  Machine machine;
  Partition partition;
  Placement placement;
  std::vector<std::vector<int64_t>> dests;
};

/// Populations of random sizes split into slices on distinct random PEs of
/// a 4x4 mesh; population-to-population projections (all slices of one to
/// all of another) plus random extra slice-to-slice destinations.
RandomCase randomCase(uint64_t seed) {
  snc::SplitMix64 rng(seed);
  RandomCase c;
  c.machine = mesh(4, 4);
  std::vector<std::pair<int, int64_t>> shape;
  int populations = 2 + int(rng.next() % 4);
  std::vector<std::vector<int64_t>> slicesOfPopulation(
      static_cast<size_t>(populations));
  for (int p = 0; p < populations; ++p) {
    int count = 1 + int(rng.next() % 6);
    for (int i = 0; i < count; ++i) {
      slicesOfPopulation[size_t(p)].push_back(int64_t(shape.size()));
      shape.push_back({p, 1 + int64_t(rng.next() % 40)});
    }
  }
  c.partition = slicesOf(shape);
  std::vector<int64_t> pes(size_t(c.machine.pes()));
  std::iota(pes.begin(), pes.end(), int64_t(0));
  for (size_t i = pes.size() - 1; i > 0; --i)
    std::swap(pes[i], pes[size_t(rng.next() % (i + 1))]);
  for (size_t s = 0; s < shape.size(); ++s)
    c.placement.peOfSlice.push_back(pes[s]);
  c.dests.resize(shape.size());
  for (int a = 0; a < populations; ++a)
    for (int b = 0; b < populations; ++b)
      if (rng.next() % 3 == 0)
        for (int64_t s : slicesOfPopulation[size_t(a)])
          for (int64_t t : slicesOfPopulation[size_t(b)])
            c.dests[size_t(s)].push_back(t);
  for (size_t s = 0; s < shape.size(); ++s)
    for (int extra = int(rng.next() % 4); extra > 0; --extra)
      c.dests[s].push_back(int64_t(rng.next() % shape.size()));
  return c;
}

TEST(RouteRandom, EveryKeyReachesItsDestinationsBeforeAndAfterCompression) {
  int64_t before = 0, after = 0;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    RandomCase c = randomCase(seed);
    KeyAllocation keys;
    RoutingTables tables;
    std::string error;
    ASSERT_TRUE(allocateKeys(c.partition, keys, error)) << error;
    ASSERT_TRUE(buildRoutingTables(c.machine, c.partition, c.placement, c.dests,
                                   keys, tables, error))
        << error;
    ASSERT_EQ(checkEveryKey(c.machine, c.partition, c.placement, c.dests, keys,
                            tables),
              "");
    // Tree entries never exceed one per chip per slice.
    for (const auto &table : tables.byChip)
      EXPECT_LE(table.size(), c.partition.slices.size());

    std::vector<CompressionReport> reports;
    int64_t entries = tables.entries();
    ASSERT_TRUE(compressTables(tables, c.machine.routerEntries, reports, error))
        << error;
    ASSERT_EQ(reports.size(), size_t(c.machine.chips()));
    int64_t reportedBefore = 0, reportedAfter = 0;
    for (const CompressionReport &r : reports) {
      EXPECT_LE(r.after, r.before);
      reportedBefore += r.before;
      reportedAfter += r.after;
    }
    EXPECT_EQ(reportedBefore, entries);
    EXPECT_EQ(reportedAfter, tables.entries());
    before += reportedBefore;
    after += reportedAfter;
    ASSERT_EQ(checkEveryKey(c.machine, c.partition, c.placement, c.dests, keys,
                            tables),
              "");
    EXPECT_TRUE(verifyRouting(c.machine, c.partition, c.placement, c.dests,
                              keys, tables, error))
        << error;
  }
  // Population-wide projections make compression pay off overall.
  EXPECT_LT(after, before);
}

//===----------------------------------------------------------------------===//
// Table compression
//===----------------------------------------------------------------------===//

TEST(TableCompression, MergesSlicesOfOnePopulationGoingOneWay) {
  // Population 0: 8 slices of 20 neurons on chip (0,0), all sending to
  // the slice of population 1 on chip (2,1).
  Machine machine = mesh(3, 2);
  std::vector<std::pair<int, int64_t>> shape(8, {0, 20});
  shape.push_back({1, 5});
  Partition partition = slicesOf(shape);
  Placement placement;
  for (int i = 0; i < 8; ++i)
    placement.peOfSlice.push_back(peAt(machine, 0, 0, i));
  placement.peOfSlice.push_back(peAt(machine, 2, 1, 4));
  std::vector<std::vector<int64_t>> dests(9);
  for (int i = 0; i < 8; ++i)
    dests[size_t(i)] = {8};
  KeyAllocation keys;
  RoutingTables tables;
  std::string error;
  ASSERT_TRUE(allocateKeys(partition, keys, error));
  ASSERT_TRUE(buildRoutingTables(machine, partition, placement, dests, keys,
                                 tables, error));
  // Path (0,0) -NE-> (1,1) -E-> (2,1): entries at the source, the turn and
  // the target.
  EXPECT_EQ(tables.byChip[0].size(), 8u);
  EXPECT_EQ(tables.byChip[4].size(), 8u);
  EXPECT_EQ(tables.byChip[5].size(), 8u);
  std::vector<CompressionReport> reports;
  ASSERT_TRUE(compressTables(tables, 0, reports, error)) << error;
  EXPECT_EQ(reports[0].before, 8);
  EXPECT_EQ(reports[0].after, 1);
  EXPECT_EQ(tableText(tables.byChip[0]),
            std::vector<std::string>{"00000000/ffffff00 NE"});
  EXPECT_EQ(tableText(tables.byChip[4]),
            std::vector<std::string>{"00000000/ffffff00 E"});
  EXPECT_EQ(tableText(tables.byChip[5]),
            std::vector<std::string>{"00000000/ffffff00 pe 4"});
  EXPECT_EQ(checkEveryKey(machine, partition, placement, dests, keys, tables),
            "");
}

/// Four 16-key ranges at 0, 16, 32, 48 (one population's slices); `routes`
/// gives each one's link.
std::vector<RouterEntry> fourSlices(const std::vector<Link> &routes) {
  std::vector<RouterEntry> table;
  for (size_t i = 0; i < routes.size(); ++i) {
    RouterEntry entry;
    entry.key = uint32_t(16 * i);
    entry.mask = 0xFFFFFFF0u;
    entry.route.addLink(routes[i]);
    table.push_back(entry);
  }
  return table;
}

TEST(TableCompression, OrderedCoveringUsesOrder) {
  // Slices 0, 1, 3 go east, slice 2 north: the exact merges give 0+1; the
  // ordered covering puts slice 2 first and covers the rest with one entry.
  std::vector<RouterEntry> table =
      fourSlices({Link::East, Link::East, Link::North, Link::East});
  std::vector<KeyRange> passing;
  CompressionReport report;
  std::string error;
  ASSERT_TRUE(compressTable(table, passing, report, error)) << error;
  EXPECT_EQ(
      tableText(table),
      (std::vector<std::string>{"00000020/fffffff0 N", "00000000/ffffffc0 E"}));
  EXPECT_EQ(report.before, 4);
  EXPECT_EQ(report.after, 2);
}

TEST(TableCompression, KeepsDefaultRoutedKeysUnmatched) {
  // Slice 2 crosses the chip by default routing: covering it would send it
  // east, so only the exact merge 0+1 is allowed.
  std::vector<RouterEntry> table = fourSlices({Link::East, Link::East});
  table.push_back(
      fourSlices({Link::East, Link::East, Link::East, Link::East})[3]);
  std::vector<KeyRange> passing = {KeyRange{0x20, 0xFFFFFFF0u}};
  CompressionReport report;
  std::string error;
  ASSERT_TRUE(compressTable(table, passing, report, error)) << error;
  EXPECT_EQ(
      tableText(table),
      (std::vector<std::string>{"00000030/fffffff0 E", "00000000/ffffffe0 E"}));
  for (uint32_t key = 0x20; key < 0x30; ++key)
    EXPECT_EQ(lookup(table, key), nullptr);

  // Without the default-routed range the three merge into one.
  table = fourSlices({Link::East, Link::East});
  table.push_back(
      fourSlices({Link::East, Link::East, Link::East, Link::East})[3]);
  passing.clear();
  ASSERT_TRUE(compressTable(table, passing, report, error)) << error;
  EXPECT_EQ(tableText(table), std::vector<std::string>{"00000000/ffffffc0 E"});
}

TEST(TableCompression, DownCheckRefusesCoveringALowerEntry) {
  // 0000 -> N, 0011 -> N, XX10 -> S: merging the first two gives 00XX,
  // as general as XX10 and so above it, where it would catch 0010.
  std::vector<RouterEntry> table(3);
  table[0].key = 0x0;
  table[1].key = 0x3;
  table[2].key = 0x2;
  table[2].mask = 0xFFFFFFF3u;
  table[0].route.addLink(Link::North);
  table[1].route.addLink(Link::North);
  table[2].route.addLink(Link::South);
  std::vector<KeyRange> passing;
  CompressionReport report;
  std::string error;
  ASSERT_TRUE(compressTable(table, passing, report, error)) << error;
  EXPECT_EQ(report.after, 3);
  EXPECT_EQ(lookup(table, 0x2)->route.str(), "S");
  EXPECT_EQ(lookup(table, 0x0)->route.str(), "N");
  EXPECT_EQ(lookup(table, 0x3)->route.str(), "N");
}

TEST(TableCompression, DownCheckDropsTheFewestMembers) {
  // 0000, 0011, 1000 -> N would merge into X0XX, which covers the
  // default-routed key 1001. Fixing bit 3 to 0 (drop 1000) or bit 0 to 0
  // (drop 0011) costs one member each; the higher bit wins.
  std::vector<RouterEntry> table(3);
  uint32_t keys[] = {0x0, 0x3, 0x8};
  for (int i = 0; i < 3; ++i) {
    table[size_t(i)].key = keys[i];
    table[size_t(i)].route.addLink(Link::North);
  }
  std::vector<KeyRange> passing = {KeyRange{0x9, 0xFFFFFFFFu}};
  CompressionReport report;
  std::string error;
  ASSERT_TRUE(compressTable(table, passing, report, error)) << error;
  EXPECT_EQ(
      tableText(table),
      (std::vector<std::string>{"00000008/ffffffff N", "00000000/fffffffc N"}));
  EXPECT_EQ(lookup(table, 0x9), nullptr);
}

TEST(TableCompression, MergedEntriesProtectOnlyTheirAliases) {
  // 0000 and 1001 go east and merge first into X00X. Then 0001 and 0111
  // (north) merge into 0XX1, which goes above X00X: it shares key 0001 with
  // X00X but none of the keys X00X stands for (0000, 1001), so it may.
  std::vector<RouterEntry> table(4);
  uint32_t keys[] = {0x0, 0x9, 0x1, 0x7};
  for (int i = 0; i < 4; ++i) {
    table[size_t(i)].key = keys[i];
    table[size_t(i)].route.addLink(i < 2 ? Link::East : Link::North);
  }
  std::vector<KeyRange> passing;
  CompressionReport report;
  std::string error;
  ASSERT_TRUE(compressTable(table, passing, report, error)) << error;
  EXPECT_EQ(
      tableText(table),
      (std::vector<std::string>{"00000001/fffffff9 N", "00000000/fffffff6 E"}));
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(lookup(table, keys[i])->route.str(), i < 2 ? "E" : "N");
}

TEST(TableCompression, RemovesDefaultRoutableEntries) {
  // Chip (1,0) has an entry doing what default routing does anyway.
  Machine machine = mesh(3, 1);
  RoutingTables tables = emptyTables(machine);
  RouterEntry source, through, target;
  source.route.addLink(Link::East);
  through.route.addLink(Link::East);
  through.arrival = int8_t(Link::East);
  target.route.addPe(5);
  target.arrival = int8_t(Link::East);
  tables.byChip[0].push_back(source);
  tables.byChip[1].push_back(through);
  tables.byChip[2].push_back(target);
  std::vector<CompressionReport> reports;
  std::string error;
  ASSERT_TRUE(compressTables(tables, 16, reports, error)) << error;
  EXPECT_EQ(reports[1].defaultRoutable, 1);
  EXPECT_TRUE(tables.byChip[1].empty());
  ASSERT_EQ(tables.defaultRouted[1].size(), 1u);
  EXPECT_EQ(deliver(machine, tables, 3, 0, &error),
            std::vector<int64_t>{2 * 8 + 5})
      << error;
}

TEST(TableCompression, OverflowNamesTheFullestRouter) {
  RoutingTables tables;
  tables.chipsX = 3;
  tables.chipsY = 2;
  tables.byChip.resize(6);
  // Entries with different routes cannot merge.
  auto fill = [&](int chip, int count) {
    for (int i = 0; i < count; ++i) {
      RouterEntry entry;
      entry.key = uint32_t(i);
      entry.route.addPe(i);
      tables.byChip[size_t(chip)].push_back(entry);
    }
  };
  fill(1, 5);
  fill(5, 7);
  fill(3, 2);
  std::vector<CompressionReport> reports;
  std::string error;
  EXPECT_FALSE(compressTables(tables, 4, reports, error));
  EXPECT_EQ(error, "router of chip (2, 1) needs 7 entries after compression, "
                   "the table holds 4 (2 routers overflow)");
  EXPECT_TRUE(compressTables(tables, 7, reports, error));
  fill(0, 9);
  EXPECT_FALSE(compressTables(tables, 8, reports, error));
  EXPECT_EQ(error, "router of chip (0, 0) needs 9 entries after compression, "
                   "the table holds 8");
}

TEST(TableCompression, RejectsOverlappingTables) {
  std::vector<RouterEntry> table = fourSlices({Link::East, Link::North});
  table[1].mask = 0xFFFFFFC0u;
  table[1].key = 0;
  std::vector<KeyRange> passing;
  CompressionReport report;
  report.x = 1;
  report.y = 2;
  std::string error;
  EXPECT_FALSE(compressTable(table, passing, report, error));
  EXPECT_EQ(error, "router of chip (1, 2): entries overlap; table compression "
                   "needs a table in which no key matches two entries");
}

TEST(TableCompression, RandomTablesKeepEveryProtectedKey) {
  // Random orthogonal tables over an 8-bit key space: aligned ranges with
  // one of three routes, or default routed, or unused. Every key of an
  // entry or default-routed range must route as before.
  for (uint64_t seed = 1; seed <= 300; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    snc::SplitMix64 rng(seed);
    std::vector<RouterEntry> table;
    std::vector<KeyRange> passing;
    std::vector<int> expected(256, -2); // -2 unused, -1 default, else route
    uint32_t key = 0;
    while (key < 256) {
      uint32_t size = 1u << (rng.next() % 4);
      while (key % size)
        size >>= 1;
      size = std::min(size, 256 - key);
      int kind = int(rng.next() % 6); // 0-2 routes, 3 default, 4-5 unused
      if (kind <= 3) {
        KeyRange range{key, ~(size - 1)};
        if (kind == 3) {
          passing.push_back(range);
        } else {
          RouterEntry entry;
          entry.key = range.base;
          entry.mask = range.mask;
          entry.route.addLink(Link(kind));
          table.push_back(entry);
        }
        for (uint32_t k = key; k < key + size; ++k)
          expected[k] = kind == 3 ? -1 : kind;
      }
      key += size;
    }
    std::vector<RouterEntry> original = table;
    CompressionReport report;
    std::string error;
    ASSERT_TRUE(compressTable(table, passing, report, error)) << error;
    EXPECT_LE(table.size(), original.size());
    for (uint32_t k = 0; k < 256; ++k) {
      if (expected[k] == -2)
        continue;
      const RouterEntry *entry = lookup(table, k);
      if (expected[k] == -1) {
        EXPECT_EQ(entry, nullptr) << "key " << k;
      } else {
        ASSERT_NE(entry, nullptr) << "key " << k;
        EXPECT_TRUE(entry->route.hasLink(Link(expected[k])) &&
                    entry->route.links == (1u << expected[k]))
            << "key " << k;
      }
    }
  }
}

} // namespace
