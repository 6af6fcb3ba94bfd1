//===- ManycoreSimSupport.h - many-core test support ------------*- C++ -*-===//
//
// Shared by the many-core image and simulator tests: small hand-made
// manycore::Network objects, the mapping pipeline on a small machine
// (partition, place, keys, routes, compression), deterministic spike
// inputs, and a reference that evaluates ManycoreNetwork.h's semantics
// directly from spike histories (no ring buffers, no slices, no routing).
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TEST_UNIT_MANYCORESIMSUPPORT_H
#define SNC_TEST_UNIT_MANYCORESIMSUPPORT_H

#include "RandomManycoreNetwork.h"
#include "backends/spinnaker2/ImageWriter.h"
#include "backends/spinnaker2/Images.h"
#include "passes/SplitMix64.h"
#include "passes/mapping/KeyAllocation.h"
#include "passes/mapping/ManycoreNetwork.h"
#include "passes/mapping/MappedNetwork.h"
#include "passes/mapping/Partition.h"
#include "passes/mapping/Place.h"
#include "passes/mapping/Route.h"
#include "passes/mapping/SliceTraffic.h"
#include "passes/mapping/TableCompression.h"
#include "runtime/Npy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace snc::testing {

/// The test network: 8 spike sources; a LIF population with a synaptic
/// current, refractoriness and recurrent synapses (delays 1..7) fed by the
/// sources with delays 0..7; a second, adaptive LIF fed by the first with
/// delay 0; an LI readout. `scale` multiplies the population sizes.
inline manycore::Network testNetwork(uint64_t seed, int64_t scale = 1) {
  SplitMix64 rng(seed);
  manycore::Network n;
  n.name = "sim_test";
  n.populations.push_back(inputPopulation("in", 8, 0));

  runtime::IntegerNeuronFormat lif;
  lif.stateBits = 24;
  lif.fracBits = 8;
  lif.rounding = runtime::Rounding::NearestEven;
  lif.hasSynapse = true;
  lif.spiking = true;
  lif.reset = runtime::ResetMode::ToValue;
  lif.refractory = 2;
  n.populations.push_back(neuronPopulation("lif", 20 * scale, lif, 16, rng));

  runtime::IntegerNeuronFormat alif;
  alif.stateBits = 20;
  alif.fracBits = 4;
  alif.rounding = runtime::Rounding::Floor;
  alif.spiking = true;
  alif.adaptive = true;
  alif.reset = runtime::ResetMode::Subtract;
  n.populations.push_back(neuronPopulation("alif", 12 * scale, alif, 12, rng));

  runtime::IntegerNeuronFormat li;
  li.stateBits = 32;
  li.fracBits = 6;
  li.rounding = runtime::Rounding::TowardZero;
  // A current-based readout whose membrane integrates last step's current.
  li.hasSynapse = true;
  li.previousCurrent = true;
  n.populations.push_back(neuronPopulation("readout", 6 * scale, li, 32, rng));

  n.projections.push_back(randomProjection(n, 0, 1, 40, -40, 120, 0, 7, rng));
  n.projections.push_back(randomProjection(n, 1, 1, 15, -60, 60, 1, 7, rng));
  n.projections.push_back(randomProjection(n, 1, 2, 30, -20, 90, 0, 0, rng));
  n.projections.push_back(randomProjection(n, 0, 2, 20, -10, 60, 0, 3, rng));
  n.projections.push_back(randomProjection(n, 2, 3, 50, -30, 30, 0, 1, rng));
  n.projections.push_back(randomProjection(n, 1, 3, 30, -15, 25, 2, 2, rng));
  n.updateOrder = {0, 1, 2, 3};
  n.outputs = {1, 3, 2};
  n.latencyShift = 1;
  return n;
}

/// The partitioner's view of a manycore network: one Sparse projection per
/// projection, fan-ins and envelopes from its synapses.
inline mapping::Network mappingNetwork(const manycore::Network &network) {
  mapping::Network out;
  for (const manycore::Population &p : network.populations) {
    mapping::Population population;
    population.name = p.name;
    population.size = p.size;
    out.populations.push_back(population);
  }
  for (const manycore::Projection &projection : network.projections) {
    mapping::Projection m;
    m.kind = mapping::Projection::Kind::Sparse;
    m.pre = projection.source;
    m.post = projection.target;
    int64_t pre = network.populations[size_t(projection.source)].size;
    int64_t post = network.populations[size_t(projection.target)].size;
    m.postFanIn.assign(size_t(post), 0);
    m.postLo.assign(size_t(pre), 0);
    m.postHi.assign(size_t(pre), 0);
    for (const manycore::Synapse &s : projection.synapses) {
      ++m.postFanIn[size_t(s.post)];
      if (m.postLo[size_t(s.pre)] == m.postHi[size_t(s.pre)]) {
        ++m.preRows;
        m.postLo[size_t(s.pre)] = s.post;
      }
      m.postLo[size_t(s.pre)] =
          std::min<int64_t>(m.postLo[size_t(s.pre)], s.post);
      m.postHi[size_t(s.pre)] =
          std::max<int64_t>(m.postHi[size_t(s.pre)], s.post + 1);
    }
    mapping::Population &target = out.populations[size_t(projection.target)];
    target.delaySlots = std::max(target.delaySlots, projection.maxDelay + 1);
    out.projections.push_back(m);
  }
  return out;
}

/// A chipsX x chipsY mesh of chips of `qpes` QPEs of 2 PEs, few neurons per
/// PE so populations spread over PEs and chips.
inline mapping::Machine smallMachine(int chipsX, int chipsY, int qpes,
                                     int64_t neuronsPerPe) {
  mapping::Machine m;
  m.chipsX = chipsX;
  m.chipsY = chipsY;
  m.qpesX = qpes;
  m.qpesY = 1;
  m.qpesPerChip = qpes;
  m.pesPerQpe = 2;
  m.neuronsPerPe = neuronsPerPe;
  m.memoryBytesPerPe = 98304;
  m.routerEntries = 1024;
  return m;
}

struct Mapped {
  mapping::Machine machine;
  mapping::Partition partition;
  mapping::Placement placement;
  mapping::KeyAllocation keys;
  mapping::RoutingTables tables;
  std::vector<std::vector<int64_t>> destinations;
};

/// `mapped` as the one value writeImages takes.
inline mapping::MappedNetwork mappedOf(const manycore::Network &network,
                                       const Mapped &mapped) {
  mapping::MappedNetwork out;
  out.network = &network;
  out.machine = mapped.machine;
  out.partition = mapped.partition;
  out.placement = mapped.placement;
  out.keys = mapped.keys;
  out.tables = mapped.tables;
  return out;
}

/// The mapping pipeline: partition, place (sequentially or optimised),
/// keys, routing trees, compressed tables.
inline Mapped mapNetwork(const manycore::Network &network,
                         const mapping::Machine &machine, bool optimise) {
  Mapped m;
  m.machine = machine;
  mapping::Network model = mappingNetwork(network);
  std::string error;
  EXPECT_TRUE(mapping::partitionNetwork(machine, model, m.partition, error))
      << error;
  m.destinations = mapping::sliceDestinations(model, m.partition);
  if (optimise)
    EXPECT_TRUE(mapping::placeNetwork(machine, m.partition, m.destinations, 7,
                                      m.placement, error))
        << error;
  else
    m.placement = mapping::placeSequential(machine, m.partition);
  EXPECT_TRUE(mapping::allocateKeys(m.partition, m.keys, error)) << error;
  EXPECT_TRUE(mapping::buildRoutingTables(machine, m.partition, m.placement,
                                          m.destinations, m.keys, m.tables,
                                          error))
      << error;
  std::vector<mapping::CompressionReport> reports;
  EXPECT_TRUE(
      mapping::compressTables(m.tables, machine.routerEntries, reports, error))
      << error;
  return m;
}

/// Random spikes: (steps, size) with probability `percent`%, in `dtype`.
inline runtime::NpyArray randomSpikes(int64_t steps, int64_t size, int percent,
                                      runtime::NpyDType dtype,
                                      SplitMix64 &rng) {
  runtime::NpyArray array = runtime::NpyArray::zeros(dtype, {steps, size});
  for (size_t i = 0; i < array.numElements(); ++i)
    if (uniform(rng, 0, 99) < percent)
      array.setDouble(i, double(uniform(rng, 1, 3)));
  return array;
}

/// ManycoreNetwork.h's semantics, evaluated from spike histories: the drive
/// of neuron k at step t sums w over synapses (s -> k, w, d) whose source
/// spiked at t - d. Returns the spikes of every population (steps x size,
/// 0/1) and, per network output, steps x size values (spikes or v).
struct Reference {
  std::vector<std::vector<uint8_t>> spikes;
  std::vector<std::vector<int64_t>> outputs;
};

inline Reference evaluateReference(const manycore::Network &network,
                                   const std::vector<runtime::NpyArray> &inputs,
                                   int64_t steps) {
  size_t populations = network.populations.size();
  Reference ref;
  ref.spikes.resize(populations);
  std::vector<std::vector<int64_t>> value(populations);
  std::vector<std::vector<runtime::IntegerNeuronState>> state(populations);
  for (size_t p = 0; p < populations; ++p) {
    const manycore::Population &population = network.populations[p];
    ref.spikes[p].assign(size_t(steps * population.size), 0);
    value[p].assign(size_t(steps * population.size), 0);
    if (!population.isInput)
      for (int64_t k = 0; k < population.size; ++k)
        state[p].push_back(runtime::initialIntegerNeuron(
            population.format, population.params, size_t(k)));
  }
  for (int64_t t = 0; t < steps; ++t)
    for (int p : network.updateOrder) {
      const manycore::Population &population = network.populations[size_t(p)];
      int64_t n = population.size;
      if (population.isInput) {
        for (int64_t k = 0; k < n; ++k) {
          bool spike = inputs[size_t(population.inputIndex)].getDouble(
                           size_t(t * n + k)) != 0;
          ref.spikes[size_t(p)][size_t(t * n + k)] = spike;
          value[size_t(p)][size_t(t * n + k)] = spike;
        }
        continue;
      }
      std::vector<runtime::Wide> drive(static_cast<size_t>(n));
      for (int64_t k = 0; k < n; ++k)
        drive[size_t(k)] = population.driveOffset[size_t(k)];
      for (const manycore::Projection &projection : network.projections) {
        if (projection.target != p)
          continue;
        int64_t m = network.populations[size_t(projection.source)].size;
        for (const manycore::Synapse &s : projection.synapses)
          if (s.delay <= t && ref.spikes[size_t(projection.source)]
                                        [size_t((t - s.delay) * m + s.pre)])
            drive[size_t(s.post)] += s.weight;
      }
      for (int64_t k = 0; k < n; ++k) {
        int64_t x = runtime::saturate(drive[size_t(k)], population.driveBits);
        runtime::IntegerNeuronState &s = state[size_t(p)][size_t(k)];
        bool spike = runtime::stepIntegerNeuron(
            population.format, population.params, size_t(k), s, x);
        ref.spikes[size_t(p)][size_t(t * n + k)] = spike;
        value[size_t(p)][size_t(t * n + k)] =
            population.format.spiking ? int64_t(spike) : s.v;
      }
    }
  for (int o : network.outputs)
    ref.outputs.push_back(value[size_t(o)]);
  return ref;
}

/// A fresh directory under the test temp dir, removed by the destructor.
class TempDir {
public:
  explicit TempDir(const std::string &name)
      : path((std::filesystem::path(::testing::TempDir()) /
              ("snc_manycore_" + name))
                 .string()) {
    std::filesystem::remove_all(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string &name) const { return path + "/" + name; }

  std::string path;
};

} // namespace snc::testing

#endif // SNC_TEST_UNIT_MANYCORESIMSUPPORT_H
