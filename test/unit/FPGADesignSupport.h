//===- FPGADesignSupport.h - networks for the FPGA design tests -*- C++ -*-===//
//
// Small hand-made manycore::Networks and their slices for the FPGA design
// tests (planning, and Verilator against manycore::evaluate).
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TEST_UNIT_FPGADESIGNSUPPORT_H
#define SNC_TEST_UNIT_FPGADESIGNSUPPORT_H

#include "passes/SplitMix64.h"
#include "passes/mapping/ManycoreNetwork.h"
#include "passes/mapping/MappingModel.h"
#include "targets/TargetDescription.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace snc::testing {

inline int64_t draw(SplitMix64 &rng, int64_t lo, int64_t hi) {
  return lo + int64_t(rng.next() % uint64_t(hi - lo + 1));
}

inline manycore::Population fpgaInput(const std::string &name, int64_t size,
                                      int index) {
  manycore::Population p;
  p.name = name;
  p.size = size;
  p.isInput = true;
  p.inputIndex = index;
  return p;
}

/// Neurons whose parameters make them spike now and then.
inline manycore::Population
fpgaPopulation(const std::string &name, int64_t size,
               const runtime::IntegerNeuronFormat &format, unsigned driveBits,
               SplitMix64 &rng) {
  manycore::Population p;
  p.name = name;
  p.size = size;
  p.format = format;
  p.driveBits = driveBits;
  int64_t one = int64_t(1) << format.fracBits;
  auto &q = p.params;
  for (int64_t k = 0; k < size; ++k) {
    q.decay.push_back(one - draw(rng, 1, one / 4 + 1));
    q.gain.push_back(draw(rng, one / 2, 2 * one));
    q.bias.push_back(draw(rng, -3, 5));
    if (format.hasSynapse) {
      q.synDecay.push_back(one - draw(rng, 1, one / 2));
      q.synGain.push_back(draw(rng, one / 2, one));
    }
    if (format.spiking) {
      q.threshold.push_back(draw(rng, 40, 120));
      q.vReset.push_back(draw(rng, -10, 10));
    }
    if (format.adaptive) {
      q.adaptDecay.push_back(one - draw(rng, 1, one / 8 + 1));
      q.adaptGain.push_back(draw(rng, 0, 30));
    }
    q.vInit.push_back(draw(rng, -20, 40));
    p.driveOffset.push_back(draw(rng, -5, 15));
  }
  return p;
}

/// Each pair with probability percent%, sorted by (pre, post, delay).
inline manycore::Projection fpgaProjection(const manycore::Network &network,
                                           int source, int target, int percent,
                                           int64_t wlo, int64_t whi,
                                           int64_t dlo, int64_t dhi,
                                           SplitMix64 &rng) {
  manycore::Projection projection;
  projection.source = source;
  projection.target = target;
  for (int64_t i = 0; i < network.populations[size_t(source)].size; ++i)
    for (int64_t j = 0; j < network.populations[size_t(target)].size; ++j)
      if (draw(rng, 0, 99) < percent) {
        manycore::Synapse s{i, j, draw(rng, wlo, whi), draw(rng, dlo, dhi)};
        projection.synapses.push_back(s);
        projection.maxDelay = std::max(projection.maxDelay, s.delay);
      }
  std::sort(projection.synapses.begin(), projection.synapses.end(),
            [](const manycore::Synapse &a, const manycore::Synapse &b) {
              return std::tie(a.pre, a.post, a.delay) <
                     std::tie(b.pre, b.post, b.delay);
            });
  return projection;
}

/// Slices of at most `perCore` neurons of every population, in order.
inline std::vector<mapping::Slice> fpgaSlices(const manycore::Network &network,
                                              int64_t perCore) {
  std::vector<mapping::Slice> slices;
  for (size_t p = 0; p < network.populations.size(); ++p)
    for (int64_t lo = 0; lo < network.populations[p].size; lo += perCore)
      slices.push_back(
          {int(p), lo, std::min(lo + perCore, network.populations[p].size), 0});
  return slices;
}

/// A target with an FPGA capacity section (the tests don't need JSON).
inline targets::TargetDescription
fpgaTarget(int64_t maxDelay, int64_t bramBlocks, int64_t bitsPerBlock) {
  targets::TargetDescription t;
  t.name = "test-fpga";
  t.delay.min = 0;
  t.delay.max = maxDelay;
  targets::FPGACapacity c;
  c.bramBlocks = bramBlocks;
  c.bramBitsPerBlock = bitsPerBlock;
  c.neuronsPerCore = 256;
  t.fpga = c;
  return t;
}

} // namespace snc::testing

#endif // SNC_TEST_UNIT_FPGADESIGNSUPPORT_H
