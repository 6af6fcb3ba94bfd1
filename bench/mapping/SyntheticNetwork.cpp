//===- SyntheticNetwork.cpp - layered networks for the mapping bench ------===//

#include "bench/mapping/SyntheticNetwork.h"

#include "passes/SplitMix64.h"

#include <algorithm>
#include <string>

using namespace snc::mapping;

namespace snc::bench {

namespace {

/// A banded projection pre -> post with `fanIn` synapses per post neuron.
Projection bandedProjection(const Network &network, int pre, int post,
                            int64_t fanIn, SplitMix64 &rng) {
  int64_t preSize = network.populations[pre].size;
  int64_t postSize = network.populations[post].size;
  Projection projection;
  projection.kind = Projection::Kind::Sparse;
  projection.pre = pre;
  projection.post = post;
  projection.postLo.resize(size_t(preSize));
  projection.postHi.resize(size_t(preSize));
  // How many pre neurons' bands cover each post neuron (difference array).
  std::vector<int64_t> cover(size_t(postSize) + 1, 0);
  for (int64_t i = 0; i < preSize; ++i) {
    int64_t image = (2 * i + 1) * postSize / (2 * preSize);
    int64_t lo = std::max<int64_t>(0, image - fanIn);
    int64_t hi = std::min(postSize, image + fanIn + 1);
    projection.postLo[i] = lo;
    projection.postHi[i] = hi;
    ++cover[lo];
    --cover[hi];
    projection.preRows += lo < hi;
  }
  projection.postFanIn.resize(size_t(postSize));
  int64_t covering = 0, jitter = fanIn / 10;
  for (int64_t k = 0; k < postSize; ++k) {
    covering += cover[k];
    int64_t wanted =
        fanIn - jitter + int64_t(rng.next() % uint64_t(2 * jitter + 1));
    projection.postFanIn[k] = std::min(wanted, covering);
  }
  return projection;
}

} // namespace

Network buildSyntheticNetwork(const SyntheticShape &shape) {
  Network network;
  int64_t count =
      std::max<int64_t>(1, std::min(shape.populations, shape.neurons));
  for (int64_t p = 0; p < count; ++p) {
    Population population;
    population.name = "layer" + std::to_string(p);
    population.size = shape.neurons / count + (p < shape.neurons % count);
    population.delaySlots = shape.delaySlots;
    network.populations.push_back(population);
  }
  SplitMix64 rng(shape.seed);
  int64_t recurrentFanIn = shape.fanIn / 5;
  for (int p = 0; p < int(count); ++p) {
    if (p == 0) {
      network.projections.push_back(
          bandedProjection(network, 0, 0, shape.fanIn, rng));
      continue;
    }
    bool recurrent = p % 3 == 0;
    int64_t feedForward = shape.fanIn - (recurrent ? recurrentFanIn : 0);
    network.projections.push_back(
        bandedProjection(network, p - 1, p, feedForward, rng));
    if (recurrent)
      network.projections.push_back(
          bandedProjection(network, p, p, recurrentFanIn, rng));
  }
  return network;
}

int64_t countSynapses(const Network &network) {
  int64_t synapses = 0;
  for (const Projection &projection : network.projections)
    for (int64_t fanIn : projection.postFanIn)
      synapses += fanIn;
  return synapses;
}

} // namespace snc::bench
