//===- MappingPartitionTest.cpp - Tests of partition and slice traffic ----===//
//
// The slice memory formula on hand-computed cases; slice counts and exact
// ranges for dense, sparse, weight-shared and delay-heavy populations; the
// lower bound; the error messages; the destinations of slices on a
// hand-made banded network.
//
//===----------------------------------------------------------------------===//

#include "passes/mapping/Partition.h"
#include "passes/mapping/SliceTraffic.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

using namespace snc::mapping;

namespace {

Machine smallMachine(int64_t neuronsPerPe, int64_t memoryBytesPerPe) {
  Machine machine;
  machine.chipsX = 2;
  machine.chipsY = 2;
  machine.qpesX = 2;
  machine.qpesY = 2;
  machine.qpesPerChip = 4;
  machine.pesPerQpe = 4;
  machine.neuronsPerPe = neuronsPerPe;
  machine.memoryBytesPerPe = memoryBytesPerPe;
  machine.rowHeaderBytes = 8;
  machine.synapseBytes = 4;
  machine.neuronBytes = 32;
  machine.ringBufferSlotBytes = 4;
  return machine;
}

Population population(std::string name, int64_t size, int64_t delaySlots = 1) {
  Population result;
  result.name = std::move(name);
  result.size = size;
  result.delaySlots = delaySlots;
  return result;
}

Projection dense(int pre, int post) {
  Projection projection;
  projection.kind = Projection::Kind::Dense;
  projection.pre = pre;
  projection.post = post;
  return projection;
}

Projection sparse(int pre, int post, std::vector<int64_t> fanIn,
                  int64_t preRows) {
  Projection projection;
  projection.kind = Projection::Kind::Sparse;
  projection.pre = pre;
  projection.post = post;
  projection.postFanIn = std::move(fanIn);
  projection.preRows = preRows;
  return projection;
}

Projection shared(int pre, int post, int64_t bytes) {
  Projection projection;
  projection.kind = Projection::Kind::Shared;
  projection.pre = pre;
  projection.post = post;
  projection.sharedBytes = bytes;
  return projection;
}

using Range = std::pair<int64_t, int64_t>;

/// [lo, hi) of the slices of `population`, in order.
std::vector<Range> rangesOf(const Partition &partition, int population) {
  std::vector<Range> ranges;
  for (const Slice &slice : partition.slices)
    if (slice.population == population)
      ranges.push_back({slice.lo, slice.hi});
  return ranges;
}

Partition partitionOrFail(const Machine &machine, const Network &network) {
  Partition partition;
  std::string error;
  EXPECT_TRUE(partitionNetwork(machine, network, partition, error)) << error;
  return partition;
}

/// Every slice fits its PE and each population is covered in order.
void expectValid(const Machine &machine, const Network &network,
                 const Partition &partition) {
  SliceMemoryModel model(machine, network);
  std::vector<int64_t> next(network.populations.size(), 0);
  int previous = 0;
  for (const Slice &slice : partition.slices) {
    EXPECT_GE(slice.population, previous);
    previous = slice.population;
    EXPECT_EQ(slice.lo, next[slice.population]);
    EXPECT_LT(slice.lo, slice.hi);
    EXPECT_LE(slice.hi - slice.lo, machine.neuronsPerPe);
    EXPECT_EQ(slice.memoryBytes,
              model.bytes(slice.population, slice.lo, slice.hi));
    EXPECT_LE(slice.memoryBytes, machine.memoryBytesPerPe);
    next[slice.population] = slice.hi;
  }
  for (size_t p = 0; p < network.populations.size(); ++p)
    EXPECT_EQ(next[p], network.populations[p].size) << "population " << p;
  EXPECT_LE(partition.lowerBound, int64_t(partition.slices.size()));
}

/// a (10 neurons) -> b (6 neurons, 3 delay slots) densely, sparsely with
/// envelopes and through a 100-byte kernel.
Network formulaNetwork() {
  Network network;
  network.populations = {population("a", 10), population("b", 6, 3)};
  Projection banded = sparse(0, 1, {1, 2, 3, 4, 5, 6}, 4);
  banded.postLo = {0, 1, 3, 5, 0, 0, 0, 0, 0, 0};
  banded.postHi = {3, 4, 6, 6, 0, 0, 0, 0, 0, 0};
  network.projections = {dense(0, 1), banded, shared(0, 1, 100)};
  return network;
}

TEST(MappingPartitionTest, MemoryFormulaHandComputed) {
  Machine machine = smallMachine(250, 1 << 20);
  Network network = formulaNetwork();
  // [2, 5): state 3 * (32 + 3 * 4) = 132; dense 10 * (8 + 3 * 4) = 200;
  // sparse 12 synapses, rows min(4, 12, 3 envelopes meet) = 3: 24 + 48;
  // kernel 100.
  EXPECT_EQ(sliceMemoryBytes(machine, network, 1, 2, 5), 504);
  // [3, 5): a's neuron 0 reaches [0, 3), which ends where the slice
  // starts: 2 rows. 88 + 10 * (8 + 8) + (2 * 8 + 9 * 4) + 100.
  EXPECT_EQ(sliceMemoryBytes(machine, network, 1, 3, 5), 400);
  // [5, 6): 44 + 10 * 12 + (2 rows * 8 + 6 * 4) + 100.
  EXPECT_EQ(sliceMemoryBytes(machine, network, 1, 5, 6), 304);
  // The whole of b: 264 + 10 * (8 + 24) + (4 rows * 8 + 21 * 4) + 100.
  EXPECT_EQ(sliceMemoryBytes(machine, network, 1, 0, 6), 800);
  // a has no incoming projection: state only.
  EXPECT_EQ(sliceMemoryBytes(machine, network, 0, 3, 10), 7 * 36);

  SliceMemoryModel model(machine, network);
  EXPECT_EQ(model.bytes(1, 2, 5), 504);
  EXPECT_EQ(model.fixedBytes(1), 10 * 8 + 100);
  EXPECT_EQ(model.fixedBytes(0), 0);
}

TEST(MappingPartitionTest, SparseRowsAreTheSmallestBound) {
  Machine machine = smallMachine(250, 1 << 20);
  Network network;
  network.populations = {population("a", 5), population("b", 4)};
  // No envelopes: rows = min(preRows, synapses).
  network.projections = {sparse(0, 1, {1, 0, 2, 9}, 5)};
  EXPECT_EQ(sliceMemoryBytes(machine, network, 1, 0, 2),
            2 * 36 + 1 * 8 + 1 * 4);
  EXPECT_EQ(sliceMemoryBytes(machine, network, 1, 1, 2), 36);
  EXPECT_EQ(sliceMemoryBytes(machine, network, 1, 0, 4),
            4 * 36 + 5 * 8 + 12 * 4);
}

TEST(MappingPartitionTest, DenseSlicesAreFewestAndEven) {
  // b's slice of n neurons needs 36n + 50 * (8 + 4n) = 236n + 400 bytes:
  // at most 40 neurons in 10000 bytes, so 8 slices for 300 neurons, cut
  // 38, 38, 38, 38, 37, 37, 37, 37 rather than 7 * 40 + 20.
  Machine machine = smallMachine(100, 10000);
  Network network;
  network.populations = {population("a", 50), population("b", 300)};
  network.projections = {dense(0, 1)};
  Partition partition = partitionOrFail(machine, network);
  expectValid(machine, network, partition);
  EXPECT_EQ(rangesOf(partition, 0), (std::vector<Range>{{0, 50}}));
  EXPECT_EQ(rangesOf(partition, 1), (std::vector<Range>{{0, 38},
                                                        {38, 76},
                                                        {76, 114},
                                                        {114, 152},
                                                        {152, 189},
                                                        {189, 226},
                                                        {226, 263},
                                                        {263, 300}}));
  EXPECT_EQ(partition.slices[1].memoryBytes, 236 * 38 + 400);
  // a: 1; b: ceil(300 * 236 / (10000 - 400)) = 8.
  EXPECT_EQ(partition.lowerBound, 9);
}

TEST(MappingPartitionTest, SparseSlicesFollowTheFanIn) {
  // 100 neurons of fan-in 50 (636 bytes each: 10 per 6400-byte PE), then
  // 400 of fan-in 5 (96 bytes; 64 per PE by the neuron limit): 10 + 7
  // slices, the light ones evened to 58 + 6 * 57.
  Machine machine = smallMachine(64, 6400);
  Network network;
  std::vector<int64_t> fanIn(500, 5);
  for (int k = 0; k < 100; ++k)
    fanIn[k] = 50;
  network.populations = {population("a", 1000), population("b", 500)};
  network.projections = {sparse(0, 1, fanIn, 1000)};
  Partition partition = partitionOrFail(machine, network);
  expectValid(machine, network, partition);
  std::vector<Range> expected;
  for (int64_t lo = 0; lo < 100; lo += 10)
    expected.push_back({lo, lo + 10});
  for (int64_t lo : {100, 158, 215, 272, 329, 386, 443})
    expected.push_back({lo, lo == 100 ? 158 : lo + 57});
  EXPECT_EQ(rangesOf(partition, 1), expected);
  // a: 1000 / 64 -> 16. b: (500 * 36 + 7000 * 4 + min(1000, 7000) * 8) /
  // 6400 -> 9.
  EXPECT_EQ(rangesOf(partition, 0).size(), 16u);
  EXPECT_EQ(partition.lowerBound, 16 + 9);
}

TEST(MappingPartitionTest, SharedKernelTakesRoomFromEverySlice) {
  // 5000 of 6400 bytes hold the kernel; 1400 / 36 -> 38 neurons per slice,
  // 3 slices for 100 neurons, evened to 34 + 33 + 33.
  Machine machine = smallMachine(250, 6400);
  Network network;
  network.populations = {population("a", 10), population("b", 100)};
  network.projections = {shared(0, 1, 5000)};
  Partition partition = partitionOrFail(machine, network);
  expectValid(machine, network, partition);
  EXPECT_EQ(rangesOf(partition, 1),
            (std::vector<Range>{{0, 34}, {34, 67}, {67, 100}}));
  // a: 1; b: ceil(3600 / (6400 - 5000)) = 3.
  EXPECT_EQ(partition.lowerBound, 4);
}

TEST(MappingPartitionTest, RingBuffersOfLongDelaysCostNeurons) {
  Machine machine = smallMachine(250, 6400);
  Network network;
  network.populations = {population("short", 100, 1),
                         population("long", 100, 64)};
  Partition partition = partitionOrFail(machine, network);
  expectValid(machine, network, partition);
  // 36 bytes per neuron: one slice; 32 + 64 * 4 = 288: 22 per PE, 5 slices.
  EXPECT_EQ(rangesOf(partition, 0), (std::vector<Range>{{0, 100}}));
  EXPECT_EQ(
      rangesOf(partition, 1),
      (std::vector<Range>{{0, 20}, {20, 40}, {40, 60}, {60, 80}, {80, 100}}));
  EXPECT_EQ(partition.lowerBound, 6);
}

TEST(MappingPartitionTest, EmptyPopulationHasNoSlice) {
  Machine machine = smallMachine(4, 6400);
  Network network;
  network.populations = {population("a", 10), population("none", 0),
                         population("c", 3)};
  network.projections = {dense(0, 1), dense(1, 2)};
  Partition partition = partitionOrFail(machine, network);
  expectValid(machine, network, partition);
  EXPECT_EQ(partition.slices.size(), 4u);
  std::vector<SliceRange> ranges = populationSliceRanges(network, partition);
  EXPECT_EQ(ranges[1].first, 3);
  EXPECT_EQ(ranges[1].count, 0);
  EXPECT_EQ(ranges[2].first, 3);
  EXPECT_EQ(ranges[2].count, 1);
}

TEST(MappingPartitionTest, LowerBoundNeverAboveSlices) {
  Machine machine = smallMachine(50, 20000);
  machine.chipsX = machine.chipsY = 8;
  Network network;
  network.populations = {population("in", 700), population("hidden", 900, 4),
                         population("out", 333, 2)};
  std::vector<int64_t> fanIn(900);
  for (int k = 0; k < 900; ++k)
    fanIn[k] = (k * 37) % 90;
  Projection banded = sparse(0, 1, fanIn, 700);
  for (int64_t i = 0; i < 700; ++i) {
    banded.postLo.push_back(std::max<int64_t>(0, i * 9 / 7 - 60));
    banded.postHi.push_back(std::min<int64_t>(900, i * 9 / 7 + 60));
  }
  network.projections = {banded, dense(1, 2), shared(1, 2, 3000)};
  Partition partition = partitionOrFail(machine, network);
  expectValid(machine, network, partition);
  EXPECT_GT(partition.lowerBound, 0);
}

TEST(MappingPartitionTest, NeuronTooBigForAPe) {
  Machine machine = smallMachine(250, 131072);
  std::vector<int64_t> fanIn(40, 1);
  fanIn[17] = 20000;
  Network network;
  network.populations = {population("in", 30000), population("p", 40)};
  network.projections = {sparse(0, 1, fanIn, 30000)};
  Partition partition;
  std::string error;
  EXPECT_FALSE(partitionNetwork(machine, network, partition, error));
  // 36 bytes of state, 20000 synapses and as many rows.
  EXPECT_EQ(error, "population 'p' neuron 17 needs 240036 bytes of synaptic "
                   "rows and state, a PE has 131072");
}

TEST(MappingPartitionTest, MoreSlicesThanPes) {
  Machine machine = smallMachine(100, 1 << 20);
  machine.chipsX = 1;
  machine.chipsY = 1;
  machine.qpesPerChip = 1;
  Network network;
  network.populations = {population("big", 1000)};
  Partition partition;
  std::string error;
  EXPECT_FALSE(partitionNetwork(machine, network, partition, error));
  EXPECT_EQ(error,
            "network needs 10 PEs, the machine has 4 (1 x 1 chips x 4 PEs)");
}

// An FPGA's harness feeds inputs straight to the spike bus: with
// inputsTakePes false, input slices are cut (they are event sources) but
// neither count against the cores nor in the lower bound.
TEST(MappingPartitionTest, InputsTakeNoCoreOnAnFpga) {
  Machine machine = smallMachine(100, 1 << 20);
  machine.chipsX = 1;
  machine.chipsY = 1;
  machine.qpesPerChip = 1;
  machine.pesPerQpe = 3;
  machine.inputsTakePes = false;
  Network network;
  network.populations = {population("x", 250), population("h", 300)};
  network.populations[0].input = true;
  Partition partition;
  std::string error;
  ASSERT_TRUE(partitionNetwork(machine, network, partition, error)) << error;
  // ceil(250 / 100) = 3 input slices and 3 of 'h': 3 cores, all used.
  EXPECT_EQ(partition.slices.size(), 6u);
  EXPECT_EQ(partition.lowerBound, 3);

  network.populations[1].size = 301; // 4 slices of 'h'
  EXPECT_FALSE(partitionNetwork(machine, network, partition, error));
  EXPECT_EQ(error, "network needs 4 neuron cores, the part has room for 3");

  // On a many-core machine the same input slices take PEs.
  machine.inputsTakePes = true;
  network.populations[1].size = 300;
  EXPECT_FALSE(partitionNetwork(machine, network, partition, error));
  EXPECT_EQ(error,
            "network needs 6 PEs, the machine has 3 (1 x 1 chips x 3 PEs)");
}

TEST(MappingPartitionTest, InvalidNetworksAreRejected) {
  Machine machine = smallMachine(100, 1 << 20);
  Network network;
  network.populations = {population("a", 3), population("b", 4)};
  network.projections = {sparse(0, 1, {1, 1, 1}, 3)};
  Partition partition;
  std::string error;
  EXPECT_FALSE(partitionNetwork(machine, network, partition, error));
  EXPECT_EQ(error, "projection 0 ('a' -> 'b'): postFanIn has 3 entries, the "
                   "post population has 4 neurons");

  network.projections = {dense(0, 1)};
  network.projections[0].postLo = {0, 0, 2};
  network.projections[0].postHi = {1, 5, 3};
  EXPECT_FALSE(validateNetwork(network, error));
  EXPECT_EQ(error, "projection 0 ('a' -> 'b'): envelope of pre neuron 1 is "
                   "[0, 5), outside [0, 4)");

  network.projections = {dense(0, 2)};
  EXPECT_FALSE(validateNetwork(network, error));
  EXPECT_EQ(error, "projection 0 connects populations 0 -> 2, the network "
                   "has 2");
}

/// a (8) -> b (8) banded, b -> a to all, b -> b from neuron 7 only; two
/// neurons per slice: a is slices 0-3, b slices 4-7.
Network bandedNetwork() {
  Network network;
  network.populations = {population("a", 8), population("b", 8)};
  Projection forward = sparse(0, 1, std::vector<int64_t>(8, 1), 7);
  // Neuron 0 reaches nothing: its empty range must not widen slice 0.
  forward.postLo = {5, 2, 1, 2, 3, 4, 5, 6};
  forward.postHi = {5, 3, 4, 5, 6, 7, 8, 8};
  Projection back = sparse(1, 0, std::vector<int64_t>(8, 1), 8);
  Projection self = sparse(1, 1, std::vector<int64_t>(8, 0), 1);
  self.postLo = {0, 0, 0, 0, 0, 0, 0, 7};
  self.postHi = {0, 0, 0, 0, 0, 0, 0, 8};
  network.projections = {forward, back, self};
  return network;
}

TEST(MappingPartitionTest, DestinationsOfBandedNetwork) {
  Machine machine = smallMachine(2, 1 << 20);
  Network network = bandedNetwork();
  Partition partition = partitionOrFail(machine, network);
  ASSERT_EQ(partition.slices.size(), 8u);
  std::vector<std::vector<int64_t>> destinations =
      sliceDestinations(network, partition);
  std::vector<std::vector<int64_t>> expected = {
      {5},                                          // a[0, 2): [2, 3)
      {4, 5, 6},                                    // a[2, 4): [1, 5)
      {5, 6, 7},                                    // a[4, 6): [3, 7)
      {6, 7},                                       // a[6, 8): [5, 8)
      {0, 1, 2, 3},                                 // b -> a: every neuron
      {0, 1, 2, 3}, {0, 1, 2, 3}, {0, 1, 2, 3, 7}}; // and neuron 7 to itself
  EXPECT_EQ(destinations, expected);

  std::vector<SliceTraffic> traffic = sliceTraffic(partition, destinations);
  ASSERT_EQ(traffic.size(), 26u);
  EXPECT_EQ(traffic[0].source, 0);
  EXPECT_EQ(traffic[0].destination, 5);
  EXPECT_EQ(traffic[0].packets, 2);
  EXPECT_EQ(traffic.back().source, 7);
  EXPECT_EQ(traffic.back().destination, 7);
}

TEST(MappingPartitionTest, DestinationsWithUnevenPostSlices) {
  // Post slices [0, 3), [3, 6), [6, 8) of a 3-neuron limit; one pre neuron
  // reaching [2, 7) meets all three, one reaching [3, 6) only the middle.
  Machine machine = smallMachine(3, 1 << 20);
  Network network;
  network.populations = {population("a", 2), population("b", 8)};
  Projection forward = sparse(0, 1, std::vector<int64_t>(8, 1), 2);
  forward.postLo = {2, 3};
  forward.postHi = {7, 6};
  network.projections = {forward};
  Partition partition = partitionOrFail(machine, network);
  ASSERT_EQ(rangesOf(partition, 1),
            (std::vector<Range>{{0, 3}, {3, 6}, {6, 8}}));
  std::vector<std::vector<int64_t>> destinations =
      sliceDestinations(network, partition);
  EXPECT_EQ(destinations[0], (std::vector<int64_t>{1, 2, 3}));

  network.projections[0].postLo = {3, 3};
  network.projections[0].postHi = {6, 3};
  destinations = sliceDestinations(network, partition);
  EXPECT_EQ(destinations[0], (std::vector<int64_t>{2}));
}

} // namespace
