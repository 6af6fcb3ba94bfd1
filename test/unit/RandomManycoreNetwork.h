//===- RandomManycoreNetwork.h - random many-core networks -----*- C++ -*-===//
//
// Populations and projections with parameters drawn from a seeded
// SplitMix64, for tests that run a manycore::Network on a simulator of
// compiled output (many-core images, FPGA designs) against
// manycore::evaluate.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TEST_UNIT_RANDOMMANYCORENETWORK_H
#define SNC_TEST_UNIT_RANDOMMANYCORENETWORK_H

#include "passes/SplitMix64.h"
#include "passes/mapping/ManycoreNetwork.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace snc::testing {

inline int64_t uniform(SplitMix64 &rng, int64_t lo, int64_t hi) {
  return lo + int64_t(rng.next() % uint64_t(hi - lo + 1));
}

inline manycore::Population inputPopulation(const std::string &name,
                                            int64_t size, int index) {
  manycore::Population p;
  p.name = name;
  p.size = size;
  p.isInput = true;
  p.inputIndex = index;
  return p;
}

/// A population of `size` neurons with per-neuron parameters drawn from
/// `rng` around values that make neurons spike now and then.
inline manycore::Population
neuronPopulation(const std::string &name, int64_t size,
                 const runtime::IntegerNeuronFormat &format, unsigned driveBits,
                 SplitMix64 &rng, int64_t thresholdLo = 60,
                 int64_t thresholdHi = 160) {
  manycore::Population p;
  p.name = name;
  p.size = size;
  p.format = format;
  p.driveBits = driveBits;
  int64_t one = int64_t(1) << format.fracBits;
  runtime::IntegerNeuronParams &q = p.params;
  for (int64_t k = 0; k < size; ++k) {
    q.decay.push_back(one - uniform(rng, 1, one / 4 + 1));
    q.gain.push_back(uniform(rng, one / 2, 2 * one));
    q.bias.push_back(uniform(rng, -3, 5));
    if (format.hasSynapse) {
      q.synDecay.push_back(one - uniform(rng, 1, one / 2));
      q.synGain.push_back(uniform(rng, one / 2, one));
    }
    if (format.spiking) {
      q.threshold.push_back(uniform(rng, thresholdLo, thresholdHi));
      q.vReset.push_back(uniform(rng, -10, 10));
    }
    if (format.adaptive) {
      q.adaptDecay.push_back(one - uniform(rng, 1, one / 8 + 1));
      q.adaptGain.push_back(uniform(rng, 0, 30));
    }
    q.vInit.push_back(uniform(rng, -20, 40));
    p.driveOffset.push_back(uniform(rng, -5, 15));
  }
  return p;
}

/// Random synapses source -> target: each pair with probability
/// `percent`%, weights in [wlo, whi], delays in [dlo, dhi]; sorted by
/// (pre, post, delay) as ManycoreNetwork.h promises.
inline manycore::Projection randomProjection(const manycore::Network &network,
                                             int source, int target,
                                             int percent, int64_t wlo,
                                             int64_t whi, int64_t dlo,
                                             int64_t dhi, SplitMix64 &rng) {
  manycore::Projection projection;
  projection.source = source;
  projection.target = target;
  int64_t pre = network.populations[size_t(source)].size;
  int64_t post = network.populations[size_t(target)].size;
  for (int64_t i = 0; i < pre; ++i)
    for (int64_t j = 0; j < post; ++j)
      if (uniform(rng, 0, 99) < percent) {
        manycore::Synapse s = manycore::makeSynapse(
            i, j, uniform(rng, wlo, whi), uniform(rng, dlo, dhi));
        projection.synapses.push_back(s);
        projection.maxDelay = std::max<int64_t>(projection.maxDelay, s.delay);
      }
  std::sort(projection.synapses.begin(), projection.synapses.end(),
            [](const manycore::Synapse &a, const manycore::Synapse &b) {
              return std::tie(a.pre, a.post, a.delay) <
                     std::tie(b.pre, b.post, b.delay);
            });
  return projection;
}

} // namespace snc::testing

#endif // SNC_TEST_UNIT_RANDOMMANYCORENETWORK_H
