//===- ManycoreSimMemoryTest.cpp - partition model vs PE image bytes ------===//
//
// The partitioner sizes slices with SliceMemoryModel; the images must take
// no more than it counted plus the header and key table
// (passes/mapping/PeImageSize.h), PE by PE, on random networks, and
// exactly that when the model's row count is the true one.
//
//===----------------------------------------------------------------------===//

#include "ManycoreSimSupport.h"

#include "backends/spinnaker2/Images.h"
#include "passes/mapping/PeImageSize.h"

#include <gtest/gtest.h>

using namespace snc;
using namespace snc::testing;

namespace {

/// The machine of the tests, with the images' sizes as its memory model and
/// `memory` bytes per PE.
mapping::Machine imageMachine(int64_t neuronsPerPe, int64_t memory) {
  mapping::Machine machine = smallMachine(3, 3, 4, neuronsPerPe);
  mapping::image::useImageSizes(machine);
  machine.memoryBytesPerPe = memory;
  return machine;
}

/// Loads the images of `network` as mapped on `machine`.
bool loadImages(const manycore::Network &network, const Mapped &mapped,
                const std::string &name, spinnaker2::LoadedMachine &loaded) {
  TempDir dir(name);
  spinnaker2::ImageSummary summary;
  std::string error;
  spinnaker2::ImageOptions options;
  options.overBudgetIsError = true;
  EXPECT_TRUE(spinnaker2::writeImages(mappedOf(network, mapped), options,
                                      dir.path, summary, error))
      << error;
  EXPECT_TRUE(spinnaker2::readImages(dir.path, loaded, error)) << error;
  return !loaded.pes.empty();
}

/// The index padding of a PE's blocks: 4 bytes per odd row count.
int64_t indexPadding(const spinnaker2::LoadedPe &pe) {
  int64_t padding = 0;
  for (const spinnaker2::KeyTableEntry &entry : pe.keyTable)
    padding += int64_t(entry.rowIndexBytes) - 4 * int64_t(entry.rowCount);
  return padding;
}

TEST(ManycoreMemoryModel, ImagesTakeAtMostWhatThePartitionCounted) {
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    manycore::Network network = testNetwork(seed, 1 + int64_t(seed % 4));
    // 3 KB per PE: memory, not the 40-neuron limit, cuts the populations.
    mapping::Machine machine = imageMachine(40, 3072);
    Mapped mapped = mapNetwork(network, machine, seed % 2 == 0);
    spinnaker2::LoadedMachine loaded;
    ASSERT_TRUE(
        loadImages(network, mapped, "memory_" + std::to_string(seed), loaded));
    int64_t cut = 0;
    for (const spinnaker2::LoadedPe &pe : loaded.pes) {
      const mapping::Slice &slice = mapped.partition.slices[size_t(pe.slice)];
      int64_t entries = int64_t(pe.keyTable.size());
      int64_t counted = pe.memory.total() - pe.memory.header -
                        pe.memory.keyTable - indexPadding(pe);
      EXPECT_EQ(pe.memory.header, mapping::image::kHeaderBytes);
      EXPECT_EQ(pe.memory.keyTable, entries * mapping::image::kKeyEntryBytes);
      EXPECT_LE(counted, slice.memoryBytes)
          << "seed " << seed << " PE " << pe.index;
      EXPECT_LE(slice.memoryBytes, machine.memoryBytesPerPe);
      EXPECT_LE(pe.memory.total(),
                machine.memoryBytesPerPe +
                    mapping::image::imageOverheadBytes(entries));
      cut += pe.neurons() < machine.neuronsPerPe && !pe.input;
    }
    // Memory, not the neuron limit, decided some slices.
    EXPECT_GT(cut, 0) << "seed " << seed;
  }
}

TEST(ManycoreMemoryModel, ExactWhenEveryRowIsUsed) {
  // 10 sources into 30 LIF neurons, all to all with delay 2: every slice of
  // the LIF population holds 10 rows, 3 ring slots per neuron. A slice of n
  // neurons takes n * (112 + 3 * 8) + 10 * (8 + 4) + 10 * n * 8 bytes as the
  // model counts them, plus 192 (header) + 24 (one key table entry) in the
  // image (the 10 index words take 40 bytes, a multiple of 8: no padding).
  SplitMix64 rng(3);
  manycore::Network network;
  network.name = "exact";
  network.populations.push_back(inputPopulation("in", 10, 0));
  runtime::IntegerNeuronFormat lif;
  lif.stateBits = 24;
  lif.fracBits = 8;
  lif.spiking = true;
  network.populations.push_back(neuronPopulation("lif", 30, lif, 16, rng));
  manycore::Projection all;
  all.source = 0;
  all.target = 1;
  all.maxDelay = 2;
  for (int64_t i = 0; i < 10; ++i)
    for (int64_t j = 0; j < 30; ++j)
      all.synapses.push_back(manycore::makeSynapse(i, j, 1 + (i + j) % 5, 2));
  network.projections.push_back(all);
  network.updateOrder = {0, 1};
  network.outputs = {1};
  // 2000 bytes: 8 neurons (1088 + 120 + 640 = 1848) fit, 9 do not.
  Mapped mapped = mapNetwork(network, imageMachine(250, 2000), false);
  spinnaker2::LoadedMachine loaded;
  ASSERT_TRUE(loadImages(network, mapped, "memory_exact", loaded));
  int64_t checked = 0;
  for (const spinnaker2::LoadedPe &pe : loaded.pes) {
    if (pe.input)
      continue;
    const mapping::Slice &slice = mapped.partition.slices[size_t(pe.slice)];
    int64_t n = pe.neurons();
    EXPECT_LE(n, 8);
    EXPECT_EQ(slice.memoryBytes, n * (112 + 3 * 8) + 10 * 12 + 10 * n * 8);
    EXPECT_EQ(pe.memory.total(), slice.memoryBytes + 192 + 24);
    ++checked;
  }
  EXPECT_EQ(checked, 4); // 30 neurons in slices of at most 8
}

} // namespace
