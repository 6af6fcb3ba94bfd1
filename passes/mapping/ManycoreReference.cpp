//===- ManycoreReference.cpp - the many-core form, evaluated directly -----===//

#include "passes/mapping/ManycoreReference.h"

#include <algorithm>

namespace snc::manycore {

std::vector<std::vector<int64_t>>
evaluate(const Network &network,
         const std::vector<std::vector<uint8_t>> &inputs, int64_t steps) {
  size_t populations = network.populations.size();
  // Ring buffers per population: depth = largest incoming delay + 1.
  std::vector<int64_t> depth(populations, 1);
  for (const Projection &projection : network.projections)
    depth[size_t(projection.target)] =
        std::max(depth[size_t(projection.target)], projection.maxDelay + 1);
  std::vector<std::vector<const Projection *>> outgoing(populations);
  for (const Projection &projection : network.projections)
    outgoing[size_t(projection.source)].push_back(&projection);

  std::vector<std::vector<int64_t>> ring(populations), value(populations);
  std::vector<std::vector<runtime::IntegerNeuronState>> state(populations);
  for (size_t p = 0; p < populations; ++p) {
    const Population &population = network.populations[p];
    ring[p].assign(size_t(depth[p] * population.size), 0);
    value[p].assign(size_t(population.size), 0);
    if (!population.isInput)
      for (int64_t k = 0; k < population.size; ++k)
        state[p].push_back(runtime::initialIntegerNeuron(
            population.format, population.params, size_t(k)));
  }

  std::vector<std::vector<int64_t>> outputs(network.outputs.size());
  for (int64_t t = 0; t < steps; ++t) {
    for (int p : network.updateOrder) {
      const Population &population = network.populations[size_t(p)];
      int64_t n = population.size;
      std::vector<int64_t> &out = value[size_t(p)];
      if (population.isInput) {
        const std::vector<uint8_t> &in = inputs[size_t(population.inputIndex)];
        for (int64_t k = 0; k < n; ++k)
          out[size_t(k)] = in[size_t(t * n + k)] != 0;
      } else {
        int64_t *slot = &ring[size_t(p)][size_t((t % depth[size_t(p)]) * n)];
        for (int64_t k = 0; k < n; ++k) {
          int64_t offset = population.driveOffset.empty()
                               ? 0
                               : population.driveOffset[size_t(k)];
          runtime::Wide drive = runtime::Wide(offset) + slot[k];
          slot[k] = 0;
          int64_t x = runtime::saturate(drive, population.driveBits);
          runtime::IntegerNeuronState &s = state[size_t(p)][size_t(k)];
          bool spike = runtime::stepIntegerNeuron(
              population.format, population.params, size_t(k), s, x);
          out[size_t(k)] = population.format.spiking ? int64_t(spike) : s.v;
        }
      }
      if (!population.isInput && !population.format.spiking)
        continue;
      // Spikes travel along every outgoing synapse.
      for (const Projection *projection : outgoing[size_t(p)]) {
        int64_t targetSize =
            network.populations[size_t(projection->target)].size;
        int64_t targetDepth = depth[size_t(projection->target)];
        std::vector<int64_t> &targetRing = ring[size_t(projection->target)];
        for (const Synapse &synapse : projection->synapses)
          if (out[size_t(synapse.pre)])
            targetRing[size_t(((t + synapse.delay) % targetDepth) * targetSize +
                              synapse.post)] += synapse.weight;
      }
    }
    for (size_t o = 0; o < network.outputs.size(); ++o) {
      const std::vector<int64_t> &out = value[size_t(network.outputs[o])];
      outputs[o].insert(outputs[o].end(), out.begin(), out.end());
    }
  }
  return outputs;
}

} // namespace snc::manycore
