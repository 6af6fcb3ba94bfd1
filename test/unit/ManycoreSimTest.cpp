//===- ManycoreSimTest.cpp - the many-core simulator on its images --------===//
//
// Hand-made networks are mapped onto small machines, written as PE images,
// read back and simulated; the outputs must equal, bit for bit, a direct
// evaluation of ManycoreNetwork.h's semantics. Also: delay-0 chains through
// the update order, the traffic and load statistics against counts taken
// from the reference's spikes, and the simulator's input checks.
//
//===----------------------------------------------------------------------===//

#include "ManycoreSimSupport.h"

#include "backends/spinnaker2/Images.h"
#include "runtime/manycore/PacketPaths.h"
#include "runtime/manycore/Simulator.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace snc;
using namespace snc::testing;

namespace {

/// Writes the images and reads them back; fails the test on any error.
bool loadImages(const manycore::Network &network, const Mapped &mapped,
                const TempDir &dir, spinnaker2::LoadedMachine &loaded,
                const spinnaker2::ImageOptions &options = {}) {
  spinnaker2::ImageSummary summary;
  std::string error;
  if (!spinnaker2::writeImages(mappedOf(network, mapped), options, dir.path,
                               summary, error)) {
    ADD_FAILURE() << "writeImages: " << error;
    return false;
  }
  if (!spinnaker2::readImages(dir.path, loaded, error)) {
    ADD_FAILURE() << "readImages: " << error;
    return false;
  }
  return true;
}

/// Writes, reads and simulates; fails the test on any error.
bool runImages(const manycore::Network &network, const Mapped &mapped,
               const TempDir &dir, const std::vector<runtime::NpyArray> &inputs,
               int64_t steps, spinnaker2::LoadedMachine &loaded,
               manycore::SimulationResult &result,
               const spinnaker2::ImageOptions &options = {}) {
  if (!loadImages(network, mapped, dir, loaded, options))
    return false;
  std::string error;
  if (!manycore::simulate(loaded, inputs, steps, result, error)) {
    ADD_FAILURE() << "simulate: " << error;
    return false;
  }
  return true;
}

/// Output o of the simulator equals the reference's, element by element.
void expectOutputsEqual(const manycore::Network &network,
                        const manycore::SimulationResult &result,
                        const Reference &ref, int64_t steps) {
  ASSERT_EQ(result.outputs.size(), network.outputs.size());
  for (size_t o = 0; o < network.outputs.size(); ++o) {
    const manycore::Population &population =
        network.populations[size_t(network.outputs[o])];
    const runtime::NpyArray &out = result.outputs[o];
    ASSERT_EQ(out.shape, (std::vector<int64_t>{steps, population.size}));
    bool spikes = population.isInput || population.format.spiking;
    EXPECT_EQ(out.dtype,
              spikes ? runtime::NpyDType::Bool : runtime::NpyDType::Int64);
    size_t mismatches = 0;
    for (size_t i = 0; i < out.numElements(); ++i)
      if (out.getInt(i) != ref.outputs[o][i] && ++mismatches <= 5)
        ADD_FAILURE() << "output " << o << " ('" << population.name
                      << "') element " << i << " (step "
                      << int64_t(i) / population.size << "): simulator "
                      << out.getInt(i) << ", reference " << ref.outputs[o][i];
    EXPECT_EQ(mismatches, 0u) << "output " << o;
  }
}

/// Synapses leaving each neuron of each population.
std::vector<std::vector<int64_t>> outDegrees(const manycore::Network &n) {
  std::vector<std::vector<int64_t>> degree;
  for (const manycore::Population &p : n.populations)
    degree.emplace_back(size_t(p.size), 0);
  for (const manycore::Projection &projection : n.projections)
    for (const manycore::Synapse &s : projection.synapses)
      ++degree[size_t(projection.source)][size_t(s.pre)];
  return degree;
}

/// The statistics agree with counts taken from the reference's spikes: one
/// packet per spike of a sending neuron, one synaptic event per synapse of
/// a spiking source, and the per-PE, per-link and per-router totals add up.
void expectStatsConsistent(const manycore::Network &network,
                           const Mapped &mapped,
                           const spinnaker2::LoadedMachine &loaded,
                           const manycore::SimulationStats &stats,
                           const Reference &ref, int64_t steps) {
  std::vector<std::vector<int64_t>> degree = outDegrees(network);
  std::map<int64_t, const spinnaker2::LoadedPe *> peAt;
  for (const spinnaker2::LoadedPe &pe : loaded.pes)
    peAt[pe.index] = &pe;
  int64_t events = 0, packets = 0, deliveries = 0, unmatched = 0;
  for (const spinnaker2::LoadedPe &pe : loaded.pes) {
    // The routes follow the projections' envelopes, so a packet may reach
    // a PE holding no synapse of its slice: it is dropped there.
    std::set<int64_t> reached;
    for (int64_t d : mapped.destinations[size_t(pe.slice)])
      reached.insert(mapped.placement.peOfSlice[size_t(d)]);
    int64_t withoutRows = 0;
    for (int64_t d : reached)
      withoutRows += peAt.at(d)->findEntry(pe.keyBase) == nullptr;
    int64_t size = network.populations[size_t(pe.population)].size;
    for (int64_t t = 0; t < steps; ++t)
      for (int64_t k = pe.lo; k < pe.hi; ++k)
        if (ref.spikes[size_t(pe.population)][size_t(t * size + k)]) {
          events += degree[size_t(pe.population)][size_t(k)];
          if (!pe.sends)
            continue;
          ++packets;
          deliveries += int64_t(reached.size());
          unmatched += withoutRows;
        }
  }
  EXPECT_GT(events, 0);
  EXPECT_EQ(stats.synapticEvents, events);
  EXPECT_EQ(stats.packetsSent, packets);
  EXPECT_EQ(stats.packetsDelivered, deliveries);
  EXPECT_EQ(stats.packetsUnmatched, unmatched);
  EXPECT_EQ(stats.steps, steps);

  int64_t peEvents = 0, peReceived = 0, peSent = 0, peMax = 0;
  ASSERT_EQ(stats.pes.size(), loaded.pes.size());
  for (const manycore::PeActivity &activity : stats.pes) {
    peEvents += activity.synapticEvents;
    peReceived += activity.packetsReceived;
    peSent += activity.packetsSent;
    peMax = std::max(peMax, activity.maxSynapticEventsPerStep);
    EXPECT_LE(activity.maxSynapticEventsPerStep, activity.synapticEvents);
  }
  EXPECT_EQ(peEvents, stats.synapticEvents);
  EXPECT_EQ(peReceived, stats.packetsDelivered);
  EXPECT_EQ(peSent, stats.packetsSent);
  EXPECT_EQ(peMax, stats.maxSynapticEventsPerPeStep);
  EXPECT_GE(stats.packetsDelivered, stats.packetsSent);

  int64_t linkTotal = 0, routerTotal = 0;
  for (const auto &links : stats.linkPackets)
    for (int64_t packets : links) {
      linkTotal += packets;
      EXPECT_LE(packets, stats.busiestLinkPackets);
    }
  for (int64_t handled : stats.routerPackets) {
    routerTotal += handled;
    EXPECT_LE(handled, stats.busiestRouterPackets);
  }
  EXPECT_EQ(linkTotal, stats.totalLinkPackets);
  // Each packet is handled by its source's router and by one more router
  // per link it crosses.
  EXPECT_EQ(routerTotal, stats.packetsSent + stats.totalLinkPackets);

  int64_t neuronPes = 0, largest = 0;
  for (const spinnaker2::LoadedPe &pe : loaded.pes) {
    neuronPes += !pe.input;
    largest = std::max(largest, pe.input ? 0 : pe.neurons());
  }
  EXPECT_DOUBLE_EQ(stats.meanSynapticEventsPerPeStep,
                   double(stats.synapticEvents) / double(neuronPes * steps));
  EXPECT_GE(stats.maxCyclesPerStep, largest * loaded.cost.cyclesPerNeuron);
  EXPECT_DOUBLE_EQ(stats.budgetCyclesPerStep,
                   loaded.cost.clockHz * loaded.cost.dtSeconds);
  EXPECT_EQ(stats.meetsRealTime,
            double(stats.maxCyclesPerStep) <= stats.budgetCyclesPerStep);
}

struct Case {
  const char *name;
  int chipsX, chipsY, qpes;
  int64_t neuronsPerPe, scale;
  bool optimise;
  runtime::NpyDType dtype;
};

class ManycoreSimCase : public ::testing::TestWithParam<Case> {};

TEST_P(ManycoreSimCase, MatchesReferenceBitForBit) {
  const Case &c = GetParam();
  manycore::Network network = testNetwork(0x5eed + uint64_t(c.scale), c.scale);
  mapping::Machine machine =
      smallMachine(c.chipsX, c.chipsY, c.qpes, c.neuronsPerPe);
  Mapped mapped = mapNetwork(network, machine, c.optimise);
  ASSERT_FALSE(::testing::Test::HasFailure());

  // Populations really are split over several PEs and chips.
  std::set<int64_t> chips;
  for (int64_t pe : mapped.placement.peOfSlice)
    chips.insert(pe / machine.pesPerChip());
  EXPECT_GT(mapped.partition.slices.size(), network.populations.size());
  EXPECT_GT(chips.size(), 1u);

  const int64_t steps = 120;
  SplitMix64 rng(42);
  std::vector<runtime::NpyArray> inputs = {
      randomSpikes(steps, 8, 30, c.dtype, rng)};
  TempDir dir(c.name);
  spinnaker2::LoadedMachine loaded;
  manycore::SimulationResult result;
  ASSERT_TRUE(runImages(network, mapped, dir, inputs, steps, loaded, result));
  Reference ref = evaluateReference(network, inputs, steps);

  // The networks must exercise what they test: spikes everywhere.
  for (size_t p = 0; p < 3; ++p)
    EXPECT_GT(std::count(ref.spikes[p].begin(), ref.spikes[p].end(), 1), 0)
        << network.populations[p].name << " never spikes";
  expectOutputsEqual(network, result, ref, steps);
  expectStatsConsistent(network, mapped, loaded, result.stats, ref, steps);
  EXPECT_GT(result.stats.totalLinkPackets, 0) << "no packet left its chip";
}

INSTANTIATE_TEST_SUITE_P(
    Machines, ManycoreSimCase,
    ::testing::Values(
        Case{"sequential_2x2", 2, 2, 2, 5, 1, false, runtime::NpyDType::Bool},
        Case{"placed_2x2", 2, 2, 2, 5, 1, true, runtime::NpyDType::Float32},
        Case{"placed_3x3", 3, 3, 2, 4, 2, true, runtime::NpyDType::Int32},
        Case{"sequential_4x1", 4, 1, 3, 7, 3, false, runtime::NpyDType::UInt8}),
    [](const ::testing::TestParamInfo<Case> &info) {
      return std::string(info.param.name);
    });

// Paths are stored once per distinct content: every key of a slice routes
// alike (Route.h), so the keys of one sending PE share one path, which
// equals what the routers deliver for each of them.
TEST(ManycoreSimTest, PacketPathsAreSharedWithinASlice) {
  manycore::Network network = testNetwork(0x5eed + 2, 2);
  mapping::Machine machine = smallMachine(3, 3, 2, 4);
  Mapped mapped = mapNetwork(network, machine, true);
  ASSERT_FALSE(::testing::Test::HasFailure());
  TempDir dir("packet_paths");
  spinnaker2::LoadedMachine loaded;
  ASSERT_TRUE(loadImages(network, mapped, dir, loaded));
  std::string error;

  manycore::PacketPaths paths(loaded);
  size_t senders = 0, keys = 0;
  for (const spinnaker2::LoadedPe &pe : loaded.pes) {
    if (!pe.sends)
      continue;
    ++senders;
    const manycore::PacketPath *first = nullptr;
    for (int64_t k = 0; k < pe.neurons(); ++k, ++keys) {
      uint32_t key = pe.keyBase | uint32_t(k);
      const manycore::PacketPath *path = paths.find(pe.index, key, error);
      ASSERT_NE(path, nullptr) << error;
      if (!first)
        first = path;
      EXPECT_EQ(path, first) << "PE " << pe.index << " neuron " << k;
      std::vector<int64_t> reached;
      for (size_t d : path->destinations)
        reached.push_back(loaded.pes[d].index);
      EXPECT_EQ(reached,
                mapping::deliver(loaded.machine, loaded.routes, pe.index, key));
    }
  }
  EXPECT_GT(keys, senders) << "no PE sends more than one key";
  EXPECT_LE(paths.size(), senders);
  EXPECT_GT(paths.size(), 0u);
}

// Tables that cannot deliver a packet, or deliver it to a PE without an
// image, give an error naming the sending PE, not a path.
TEST(ManycoreSimTest, PacketPathsRejectBadTables) {
  manycore::Network network = testNetwork(0x5eed + 2, 2);
  mapping::Machine machine = smallMachine(3, 3, 2, 4);
  Mapped mapped = mapNetwork(network, machine, true);
  ASSERT_FALSE(::testing::Test::HasFailure());
  TempDir dir("packet_paths_bad");
  spinnaker2::LoadedMachine loaded;
  ASSERT_TRUE(loadImages(network, mapped, dir, loaded));
  std::string error;
  auto sender =
      std::find_if(loaded.pes.begin(), loaded.pes.end(),
                   [](const spinnaker2::LoadedPe &pe) { return pe.sends; });
  ASSERT_NE(sender, loaded.pes.end());
  // A PE the packet reaches loses its image.
  int64_t from = sender->index;
  uint32_t key = sender->keyBase;
  std::vector<int64_t> reached =
      mapping::deliver(loaded.machine, loaded.routes, from, key);
  ASSERT_FALSE(reached.empty());
  std::vector<spinnaker2::LoadedPe> pes = loaded.pes;
  loaded.pes.erase(std::find_if(
      loaded.pes.begin(), loaded.pes.end(),
      [&](const spinnaker2::LoadedPe &pe) { return pe.index == reached[0]; }));
  {
    manycore::PacketPaths paths(loaded);
    EXPECT_EQ(paths.find(from, key, error), nullptr);
    EXPECT_EQ(error, "packet of PE " + std::to_string(from) + " reaches PE " +
                         std::to_string(reached[0]) + ", which has no image");
  }
  loaded.pes = pes;

  // No entry at the chip that injects the packet.
  loaded.routes.byChip[size_t(from / loaded.machine.pesPerChip())].clear();
  manycore::PacketPaths paths(loaded);
  EXPECT_EQ(paths.find(from, key, error), nullptr);
  EXPECT_NE(
      error.find("packet of PE " + std::to_string(from) + ": router of chip "),
      std::string::npos)
      << error;
  EXPECT_NE(error.find("has no entry for packet"), std::string::npos) << error;
}

/// Identity neurons: v = x, spike iff x > 0, reset to 0, no leak.
manycore::Population relay(const std::string &name, int64_t size) {
  manycore::Population p;
  p.name = name;
  p.size = size;
  p.format.spiking = true;
  p.format.stateBits = 16;
  p.driveBits = 16;
  p.params.decay.assign(size_t(size), 0);
  p.params.gain.assign(size_t(size), 1);
  p.params.bias.assign(size_t(size), 0);
  p.params.threshold.assign(size_t(size), 0);
  p.params.vReset.assign(size_t(size), 0);
  p.driveOffset.assign(size_t(size), 0);
  return p;
}

manycore::Projection oneToOne(int source, int target, int64_t size,
                              int64_t delay) {
  manycore::Projection projection;
  projection.source = source;
  projection.target = target;
  projection.maxDelay = delay;
  for (int64_t k = 0; k < size; ++k)
    projection.synapses.push_back(manycore::makeSynapse(k, k, 1, delay));
  return projection;
}

// A spike crosses a chain of delay-0 synapses within the step it enters,
// across PEs and chips, because PEs update in population order; the last
// hop's delay then shifts it exactly.
TEST(ManycoreSimTest, DelayZeroChainFollowsUpdateOrder) {
  for (int64_t lastDelay : {0, 3}) {
    manycore::Network n;
    n.populations = {inputPopulation("in", 6, 0), relay("a", 6), relay("b", 6),
                     relay("c", 6)};
    n.projections = {oneToOne(0, 1, 6, 0), oneToOne(1, 2, 6, 0),
                     oneToOne(2, 3, 6, lastDelay)};
    n.updateOrder = {0, 1, 2, 3};
    n.outputs = {3};
    Mapped mapped = mapNetwork(n, smallMachine(2, 2, 2, 2), false);
    ASSERT_FALSE(HasFailure());

    const int64_t steps = 30;
    SplitMix64 rng(9);
    std::vector<runtime::NpyArray> inputs = {
        randomSpikes(steps, 6, 40, runtime::NpyDType::Bool, rng)};
    TempDir dir("chain_" + std::to_string(lastDelay));
    spinnaker2::LoadedMachine loaded;
    manycore::SimulationResult result;
    ASSERT_TRUE(runImages(n, mapped, dir, inputs, steps, loaded, result));
    const runtime::NpyArray &out = result.outputs[0];
    for (int64_t t = 0; t < steps; ++t)
      for (int64_t k = 0; k < 6; ++k) {
        int64_t expected =
            t >= lastDelay ? inputs[0].getInt(size_t((t - lastDelay) * 6 + k))
                           : 0;
        EXPECT_EQ(out.getInt(size_t(t * 6 + k)), expected)
            << "delay " << lastDelay << " step " << t << " neuron " << k;
      }
    // Every spike crosses three hops of one synapse each.
    int64_t spikes = 0;
    for (size_t i = 0; i < inputs[0].numElements(); ++i)
      spikes += inputs[0].getInt(i) != 0;
    // c sends nothing: no synapse leaves it.
    EXPECT_EQ(result.stats.synapticEvents, 3 * spikes);
    EXPECT_EQ(result.stats.packetsSent, 3 * spikes);
  }
}

// The input populations need not be in the update order: they go first.
TEST(ManycoreSimTest, InputsOutsideTheUpdateOrderGoFirst) {
  manycore::Network n;
  n.populations = {relay("a", 4), inputPopulation("in", 4, 0)};
  n.projections = {oneToOne(1, 0, 4, 0)};
  n.updateOrder = {0};
  n.outputs = {0, 1};
  Mapped mapped = mapNetwork(n, smallMachine(1, 1, 2, 4), false);
  ASSERT_FALSE(HasFailure());
  SplitMix64 rng(3);
  std::vector<runtime::NpyArray> inputs = {
      randomSpikes(10, 4, 50, runtime::NpyDType::Int64, rng)};
  TempDir dir("inputs_first");
  spinnaker2::LoadedMachine loaded;
  manycore::SimulationResult result;
  ASSERT_TRUE(runImages(n, mapped, dir, inputs, 10, loaded, result));
  EXPECT_EQ(loaded.updateOrder, (std::vector<int>{1, 0}));
  for (size_t i = 0; i < 40; ++i) {
    EXPECT_EQ(result.outputs[0].getInt(i), inputs[0].getInt(i) != 0);
    EXPECT_EQ(result.outputs[1].getInt(i), inputs[0].getInt(i) != 0);
  }
}

TEST(ManycoreSimTest, RealTimeEstimate) {
  manycore::Network network = testNetwork(11);
  Mapped mapped = mapNetwork(network, smallMachine(2, 2, 2, 5), false);
  ASSERT_FALSE(HasFailure());
  SplitMix64 rng(5);
  std::vector<runtime::NpyArray> inputs = {
      randomSpikes(40, 8, 30, runtime::NpyDType::Bool, rng)};
  spinnaker2::ImageOptions options;
  options.cost.clockHz = 1e5; // 100 cycles per 1 ms step: too slow
  options.cost.dtSeconds = 1e-3;
  options.cost.cyclesPerNeuron = 7;
  options.cost.cyclesPerSynapticEvent = 3;
  options.cost.cyclesPerPacket = 11;
  TempDir dir("realtime");
  spinnaker2::LoadedMachine loaded;
  manycore::SimulationResult result;
  ASSERT_TRUE(
      runImages(network, mapped, dir, inputs, 40, loaded, result, options));
  EXPECT_EQ(loaded.cost.cyclesPerNeuron, 7);
  EXPECT_DOUBLE_EQ(result.stats.budgetCyclesPerStep, 100);
  EXPECT_FALSE(result.stats.meetsRealTime);

  // The busiest PE's busiest step, recomputed from its counts.
  const manycore::SimulationStats &s = result.stats;
  ASSERT_GE(s.maxCyclesPe, 0);
  int64_t bound = 0;
  for (size_t i = 0; i < loaded.pes.size(); ++i) {
    const spinnaker2::LoadedPe &pe = loaded.pes[i];
    int64_t neurons = pe.input ? 0 : pe.neurons();
    EXPECT_GE(s.pes[i].maxCyclesPerStep, neurons * 7);
    EXPECT_LE(s.pes[i].maxCyclesPerStep,
              neurons * 7 + s.pes[i].maxSynapticEventsPerStep * 3 +
                  s.pes[i].packetsReceived * 11);
    bound = std::max(bound, s.pes[i].maxCyclesPerStep);
  }
  EXPECT_EQ(bound, s.maxCyclesPerStep);
  std::string report = manycore::formatReport(loaded, s);
  EXPECT_NE(report.find("SLOWER than real time"), std::string::npos) << report;
  EXPECT_NE(report.find("busiest router: chip ("), std::string::npos) << report;

  // With the default model (300 MHz, snc's default step of 0.1 ms) the same
  // run fits easily.
  TempDir fast("realtime_default");
  ASSERT_TRUE(runImages(network, mapped, fast, inputs, 40, loaded, result));
  EXPECT_TRUE(result.stats.meetsRealTime);
  EXPECT_DOUBLE_EQ(result.stats.budgetCyclesPerStep, 30e3);
}

TEST(ManycoreSimTest, RejectsBadInputs) {
  manycore::Network network = testNetwork(12);
  Mapped mapped = mapNetwork(network, smallMachine(2, 2, 2, 5), false);
  ASSERT_FALSE(HasFailure());
  TempDir dir("bad_inputs");
  spinnaker2::ImageSummary summary;
  std::string error;
  ASSERT_TRUE(spinnaker2::writeImages(mappedOf(network, mapped), {}, dir.path,
                                      summary, error))
      << error;
  spinnaker2::LoadedMachine loaded;
  ASSERT_TRUE(spinnaker2::readImages(dir.path, loaded, error)) << error;
  manycore::SimulationResult result;
  EXPECT_FALSE(manycore::simulate(loaded, {}, 5, result, error));
  EXPECT_NE(error.find("the network has 1 inputs, got 0"), std::string::npos)
      << error;
  runtime::NpyArray shortInput =
      runtime::NpyArray::zeros(runtime::NpyDType::Bool, {4, 8});
  EXPECT_FALSE(manycore::simulate(loaded, {shortInput}, 5, result, error));
  EXPECT_NE(error.find("input 0 has shape (4, 8)"), std::string::npos) << error;
  runtime::NpyArray wide =
      runtime::NpyArray::zeros(runtime::NpyDType::Bool, {5, 9});
  EXPECT_FALSE(manycore::simulate(loaded, {wide}, 5, result, error));
  // A (steps, 2, 4) array holds the 8 neurons too, and longer inputs are
  // fine.
  runtime::NpyArray shaped =
      runtime::NpyArray::zeros(runtime::NpyDType::Float64, {7, 2, 4});
  EXPECT_TRUE(manycore::simulate(loaded, {shaped}, 5, result, error)) << error;
  EXPECT_EQ(result.outputs[0].shape, (std::vector<int64_t>{5, 20}));
  EXPECT_TRUE(manycore::simulate(loaded, {shaped}, 0, result, error)) << error;
  EXPECT_EQ(result.outputs[0].shape, (std::vector<int64_t>{0, 20}));
}

} // namespace
