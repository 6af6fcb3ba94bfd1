//===- ManycoreSimImagesTest.cpp - SpiNNaker2 PE images -------------------===//
//
// The image directory: its files and memory accounting, determinism and
// stale-file removal, the writer's refusals, and the reader's diagnostics
// on corrupted files (bad magic, version, truncation, checksums, contents
// that pass the checksum but break the format), each naming the file.
//
//===----------------------------------------------------------------------===//

#include "ManycoreSimSupport.h"

#include "backends/spinnaker2/ImageFormat.h"
#include "backends/spinnaker2/Images.h"
#include "runtime/manycore/Simulator.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>

using namespace snc;
using namespace snc::testing;
namespace fs = std::filesystem;

namespace {

std::vector<uint8_t> readBytes(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string &path, const std::vector<uint8_t> &bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char *>(bytes.data()),
            std::streamsize(bytes.size()));
}

std::set<std::string> filesIn(const std::string &dir) {
  std::set<std::string> names;
  for (const auto &entry : fs::directory_iterator(dir))
    names.insert(entry.path().filename().string());
  return names;
}

class ImagesTest : public ::testing::Test {
protected:
  void SetUp() override {
    network = testNetwork(77);
    mapped = mapNetwork(network, smallMachine(2, 2, 2, 5), false);
  }

  bool write(const std::string &dir, std::string &error,
             const spinnaker2::ImageOptions &options = {}) {
    return spinnaker2::writeImages(mappedOf(network, mapped), options, dir,
                                   summary, error);
  }

  /// readImages' error after `corrupt` changed the freshly written file
  /// `name`.
  template <typename F>
  std::string readAfter(const TempDir &dir, const std::string &name,
                        F corrupt) {
    std::string error;
    EXPECT_TRUE(write(dir.path, error)) << error;
    std::vector<uint8_t> bytes = readBytes(dir.file(name));
    corrupt(bytes);
    writeBytes(dir.file(name), bytes);
    spinnaker2::LoadedMachine loaded;
    EXPECT_FALSE(spinnaker2::readImages(dir.path, loaded, error))
        << "corrupt " << name << " was accepted";
    return error;
  }

  /// The first neuron PE with synapses, by file name.
  std::string neuronPeFile() {
    std::string error;
    TempDir dir("probe");
    EXPECT_TRUE(write(dir.path, error)) << error;
    spinnaker2::LoadedMachine loaded;
    EXPECT_TRUE(spinnaker2::readImages(dir.path, loaded, error)) << error;
    for (const spinnaker2::LoadedPe &pe : loaded.pes)
      if (!pe.input && !pe.keyTable.empty())
        return "pe_" + std::to_string(pe.index) + ".bin";
    ADD_FAILURE() << "no neuron PE with synapses";
    return "";
  }

  manycore::Network network;
  Mapped mapped;
  spinnaker2::ImageSummary summary;
};

TEST_F(ImagesTest, DirectoryAndMemoryAccounting) {
  TempDir dir("layout");
  std::string error;
  ASSERT_TRUE(write(dir.path, error)) << error;
  size_t slices = mapped.partition.slices.size();
  EXPECT_EQ(summary.images, int64_t(slices));
  std::set<std::string> expected = {"manifest.json", "routes.bin"};
  for (int64_t pe : mapped.placement.peOfSlice)
    expected.insert("pe_" + std::to_string(pe) + ".bin");
  EXPECT_EQ(filesIn(dir.path), expected);

  spinnaker2::LoadedMachine loaded;
  ASSERT_TRUE(spinnaker2::readImages(dir.path, loaded, error)) << error;
  EXPECT_EQ(loaded.network, "sim_test");
  EXPECT_EQ(loaded.budgetBytes, 98304 + 32768);
  EXPECT_EQ(summary.budgetBytes, 98304 + 32768);
  EXPECT_EQ(loaded.latencyShift, 1);
  EXPECT_EQ(loaded.updateOrder, (std::vector<int>{0, 1, 2, 3}));
  ASSERT_EQ(loaded.outputs.size(), 3u);
  EXPECT_EQ(loaded.outputs[1].population, 3);
  ASSERT_EQ(loaded.pes.size(), slices);
  int64_t largest = 0, synapses = 0;
  for (const spinnaker2::LoadedPe &pe : loaded.pes) {
    int64_t bytes = int64_t(
        fs::file_size(dir.file("pe_" + std::to_string(pe.index) + ".bin")));
    EXPECT_EQ(pe.memory.total(), bytes) << "PE " << pe.index;
    largest = std::max(largest, bytes);
    if (pe.input) {
      EXPECT_EQ(pe.memory.paramsState, 0);
      EXPECT_EQ(pe.memory.ringBuffers, 0);
      EXPECT_TRUE(pe.keyTable.empty());
      continue;
    }
    // Ring depth: the longest delay into the slice, plus one.
    int64_t depth = 1;
    for (const manycore::Projection &projection : network.projections)
      if (projection.target == pe.population)
        for (const manycore::Synapse &s : projection.synapses)
          if (s.post >= pe.lo && s.post < pe.hi)
            depth = std::max<int64_t>(depth, s.delay + 1);
    EXPECT_EQ(pe.ringDepth, depth) << "PE " << pe.index;
    EXPECT_EQ(pe.memory.ringBuffers, depth * pe.neurons() * 8);
    EXPECT_EQ(pe.memory.paramsState, pe.neurons() * (80 + 32));
    for (const spinnaker2::KeyTableEntry &entry : pe.keyTable) {
      // The binary search finds every key of the entry's range.
      EXPECT_EQ(pe.findEntry(entry.key), &entry);
      uint32_t keys = uint32_t(mapping::KeyRange{entry.key, entry.mask}.size());
      EXPECT_EQ(pe.findEntry(entry.key | (keys - 1)), &entry);
      for (uint32_t j = 0; j < keys; ++j)
        synapses += pe.row(entry, j).size();
    }
    EXPECT_EQ(pe.findEntry(0xFFFFFFF0u), nullptr);
  }
  // Every neuron is found on the PE of its slice.
  for (size_t s = 0; s < mapped.partition.slices.size(); ++s) {
    const mapping::Slice &slice = mapped.partition.slices[s];
    for (int64_t k = slice.lo; k < slice.hi; ++k) {
      const spinnaker2::LoadedPe *pe =
          spinnaker2::findPe(loaded, slice.population, k);
      ASSERT_NE(pe, nullptr);
      EXPECT_EQ(pe->index, mapped.placement.peOfSlice[s]);
    }
  }
  EXPECT_EQ(spinnaker2::findPe(loaded, 1, 20), nullptr);
  EXPECT_EQ(spinnaker2::findPe(loaded, 4, 0), nullptr);

  int64_t networkSynapses = 0;
  for (const manycore::Projection &projection : network.projections)
    networkSynapses += int64_t(projection.synapses.size());
  EXPECT_EQ(synapses, networkSynapses);
  EXPECT_EQ(summary.synapses, networkSynapses);
  EXPECT_EQ(summary.largestPeBytes, largest);
  EXPECT_TRUE(summary.overBudgetPes.empty());

  // A small budget flags PEs, in the summary and the manifest.
  spinnaker2::ImageOptions tight;
  tight.peBudgetBytes = 1500;
  tight.outputShapes = {{}, {2, 3}};
  ASSERT_TRUE(write(dir.path, error, tight)) << error;
  EXPECT_FALSE(summary.overBudgetPes.empty());
  std::vector<uint8_t> text = readBytes(dir.file("manifest.json"));
  std::string manifest(text.begin(), text.end());
  EXPECT_NE(manifest.find("\"over_budget_pes\": [\n"), std::string::npos);
  EXPECT_NE(manifest.find("\"fits\": false"), std::string::npos);
  EXPECT_NE(manifest.find("\"dtype\": \"int64\""), std::string::npos);
  ASSERT_TRUE(spinnaker2::readImages(dir.path, loaded, error)) << error;
  EXPECT_EQ(loaded.outputs[1].shape, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(loaded.outputs[0].shape, (std::vector<int64_t>{20}));
  SplitMix64 rng(1);
  manycore::SimulationResult result;
  ASSERT_TRUE(manycore::simulate(
      loaded, {randomSpikes(4, 8, 50, runtime::NpyDType::Bool, rng)}, 4, result,
      error))
      << error;
  EXPECT_EQ(result.outputs[1].shape, (std::vector<int64_t>{4, 2, 3}));
}

TEST_F(ImagesTest, DeterministicAndRemovesStaleImages) {
  TempDir a("determinism_a"), b("determinism_b");
  std::string error;
  ASSERT_TRUE(write(a.path, error)) << error;
  ASSERT_TRUE(write(b.path, error)) << error;
  std::set<std::string> names = filesIn(a.path);
  ASSERT_EQ(names, filesIn(b.path));
  for (const std::string &name : names)
    EXPECT_EQ(readBytes(a.file(name)), readBytes(b.file(name))) << name;

  // A smaller network written over the directory leaves only its files.
  writeBytes(a.file("notes.txt"), {'x'});
  manycore::Network small;
  small.name = "small";
  small.populations = {inputPopulation("in", 3, 0)};
  small.updateOrder = {0};
  Mapped tiny = mapNetwork(small, smallMachine(2, 2, 2, 5), false);
  ASSERT_TRUE(spinnaker2::writeImages(mappedOf(small, tiny), {}, a.path,
                                      summary, error))
      << error;
  EXPECT_EQ(filesIn(a.path),
            (std::set<std::string>{"manifest.json", "routes.bin", "pe_0.bin",
                                   "notes.txt"}));
}

TEST_F(ImagesTest, WriterRefusesInconsistentInput) {
  TempDir dir("refusals");
  std::string error;
  auto refused = [&](const manycore::Network &n, const Mapped &m) {
    bool ok =
        spinnaker2::writeImages(mappedOf(n, m), {}, dir.path, summary, error);
    EXPECT_FALSE(fs::exists(dir.path)) << "a refused write left files";
    return !ok;
  };

  manycore::Network reordered = network;
  reordered.updateOrder = {0, 2, 1, 3};
  EXPECT_TRUE(refused(reordered, mapped));
  EXPECT_EQ(error, "a delay-0 synapse goes from population 1 ('lif') to "
                   "population 2 ('alif'), which does not update after it");

  manycore::Network slow = network;
  slow.projections[1].synapses[0].delay = 300;
  EXPECT_TRUE(refused(slow, mapped));
  EXPECT_NE(error.find("delay 300, images hold 0..255"), std::string::npos)
      << error;

  manycore::Network shortParams = network;
  shortParams.populations[1].params.decay.pop_back();
  EXPECT_TRUE(refused(shortParams, mapped));
  EXPECT_EQ(error, "population 1 ('lif'): decay has 19 values for 20 neurons");

  Mapped crowded = mapped;
  crowded.placement.peOfSlice[1] = crowded.placement.peOfSlice[0];
  EXPECT_TRUE(refused(network, crowded));
  EXPECT_NE(error.find("are both placed on PE"), std::string::npos) << error;

  // Tables built without slice 0's destinations cannot carry its packets.
  Mapped unrouted = mapped;
  std::vector<std::vector<int64_t>> destinations = mapped.destinations;
  destinations[0].clear();
  ASSERT_TRUE(mapping::buildRoutingTables(mapped.machine, mapped.partition,
                                          mapped.placement, destinations,
                                          mapped.keys, unrouted.tables, error))
      << error;
  EXPECT_TRUE(refused(network, unrouted));
  EXPECT_NE(error.find("routing tables: packets of slice 0"), std::string::npos)
      << error;
}

TEST_F(ImagesTest, CorruptFilesAreNamed) {
  TempDir dir("corrupt");
  std::string pe = neuronPeFile();
  ASSERT_FALSE(pe.empty());
  std::string path = dir.file(pe);
  auto expectError = [&](const std::string &error, const std::string &file,
                         const std::string &what) {
    EXPECT_EQ(error.rfind(dir.file(file) + ": ", 0), 0u) << error;
    EXPECT_NE(error.find(what), std::string::npos) << error;
  };

  expectError(readAfter(dir, pe, [](auto &b) { b[0] = 'X'; }), pe,
              "bad magic (not an snc SpiNNaker2 image)");
  expectError(readAfter(dir, pe, [](auto &b) { b[7] = '1'; }), pe,
              "image format version '1', this reader reads '2'");
  expectError(readAfter(dir, pe, [](auto &b) { b.resize(b.size() - 8); }), pe,
              "truncated: the header says");
  expectError(readAfter(dir, pe, [](auto &b) { b.resize(100); }), pe,
              "truncated: 100 bytes, shorter than the 192-byte header");
  expectError(readAfter(dir, pe, [](auto &b) { b.push_back(0); }), pe,
              "trailing bytes");
  expectError(readAfter(dir, pe, [](auto &b) { b[b.size() / 2] ^= 0x10; }), pe,
              "checksum mismatch");

  // Contents that pass the checksum but break the format: a synapse aimed
  // outside the slice.
  expectError(
      readAfter(dir, pe,
                [](std::vector<uint8_t> &b) {
                  namespace f = spinnaker2::format;
                  const uint8_t *d = b.data();
                  size_t table =
                      f::get(d + f::kSections + 16 * f::kKeyTable, 8);
                  size_t block = f::get(d + f::kSections + 16 * f::kRows, 8) +
                                 f::get(d + table + 12, 4);
                  // The first non-empty row of the first entry, found
                  // through the block's row index.
                  size_t row = 0, at = block + f::get(d + block, 4);
                  while (f::get(d + at, 4) == 0)
                    at = block + f::get(d + block + 4 * ++row, 4);
                  f::put(b, at + f::kRowHeaderSize + 4, 0xFFFF, 2);
                  f::put(b, f::kChecksum, f::checksum(b, f::kChecksum), 8);
                }),
      pe, "outside the slice");

  expectError(readAfter(dir, "routes.bin", [](auto &b) { b[1] = '?'; }),
              "routes.bin", "bad magic (not an snc SpiNNaker2 routes file)");
  expectError(
      readAfter(dir, "routes.bin", [](auto &b) { b.resize(b.size() - 1); }),
      "routes.bin", "truncated or padded");

  expectError(readAfter(dir, "manifest.json", [](auto &b) { b.resize(10); }),
              "manifest.json", "not valid JSON");
  expectError(readAfter(dir, "manifest.json",
                        [](std::vector<uint8_t> &b) {
                          std::string text(b.begin(), b.end());
                          size_t at = text.find("\"lo\": ");
                          text.replace(at, 6, "\"lo\": \"0\",\"x\": ");
                          b.assign(text.begin(), text.end());
                        }),
              "manifest.json", "pes[0].lo: expected an integer");

  std::string error;
  ASSERT_TRUE(write(dir.path, error)) << error;
  fs::remove(path);
  spinnaker2::LoadedMachine loaded;
  EXPECT_FALSE(spinnaker2::readImages(dir.path, loaded, error));
  expectError(error, pe, "cannot open");
}

// Any single corrupted byte with a valid checksum is either refused by the
// reader or yields a machine the simulator runs without fault: the reader's
// checks, not the checksum, protect the simulator.
TEST_F(ImagesTest, ReaderChecksGuardTheSimulator) {
  TempDir dir("flips");
  std::string pe = neuronPeFile();
  std::string error;
  ASSERT_TRUE(write(dir.path, error)) << error;
  std::vector<uint8_t> original = readBytes(dir.file(pe));
  SplitMix64 rng(3);
  std::vector<runtime::NpyArray> inputs = {
      randomSpikes(6, 8, 50, runtime::NpyDType::Bool, rng)};
  namespace f = spinnaker2::format;
  int refused = 0, accepted = 0;
  for (size_t at = 0; at < original.size(); at += at < f::kHeaderSize ? 1 : 7) {
    if (at >= f::kChecksum && at < f::kChecksum + 8)
      continue;
    std::vector<uint8_t> bytes = original;
    bytes[at] ^= uint8_t(1u << (at % 8));
    f::put(bytes, f::kChecksum, f::checksum(bytes, f::kChecksum), 8);
    writeBytes(dir.file(pe), bytes);
    spinnaker2::LoadedMachine loaded;
    if (!spinnaker2::readImages(dir.path, loaded, error)) {
      EXPECT_EQ(error.rfind(dir.path, 0), 0u) << error;
      ++refused;
      continue;
    }
    ++accepted;
    manycore::SimulationResult result;
    manycore::simulate(loaded, inputs, 6, result, error);
  }
  // Header flips are nearly all refused; parameter and weight flips are
  // legal values.
  EXPECT_GT(refused, 150);
  EXPECT_GT(accepted, 50);
}

} // namespace
