//===- SyntheticNetwork.h - networks for the mapping bench ------*- C++ -*-===//
//
// Networks shaped like a deep spiking model: a chain of equal populations,
// each fed by the previous one through spatially local (banded) sparse
// connectivity, some also recurrent. Only what the mapping algorithms read
// is generated (per post neuron fan-in counts, per pre neuron envelopes),
// never the synapses themselves, so 100M synapses cost a few tens of MB.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BENCH_MAPPING_SYNTHETICNETWORK_H
#define SNC_BENCH_MAPPING_SYNTHETICNETWORK_H

#include "passes/mapping/MappingModel.h"

#include <cstdint>

namespace snc::bench {

struct SyntheticShape {
  int64_t neurons = 1000000;
  int64_t populations = 10;
  /// Synapses ending at each neuron, on average.
  int64_t fanIn = 100;
  /// Ring-buffer depth of every population.
  int64_t delaySlots = 8;
  uint64_t seed = 1;
};

/// Population 0 is recurrent; population i > 0 is fed by i - 1 and, for
/// every third i, by itself too (a fifth of its fan-in). Pre neuron i of a
/// projection reaches the post neurons within `fanIn` of its image
/// i * post / pre; each post neuron's fan-in is `fanIn` +-10 %, at most the
/// pre neurons whose band covers it.
mapping::Network buildSyntheticNetwork(const SyntheticShape &shape);

/// Sum of the fan-ins of every Sparse projection.
int64_t countSynapses(const mapping::Network &network);

} // namespace snc::bench

#endif // SNC_BENCH_MAPPING_SYNTHETICNETWORK_H
