//===- SliceTraffic.h - which slices a slice's spikes reach -----*- C++ -*-===//
//
// Placement needs to know, for every slice, the slices its spikes travel to
// and how many packets they carry. Both come from the projections'
// envelopes, never from individual synapses, so a network of a million
// neurons costs one pass over its pre neurons.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_SLICETRAFFIC_H
#define SNC_PASSES_MAPPING_SLICETRAFFIC_H

#include "passes/mapping/ManycoreNetwork.h"
#include "passes/mapping/MappingModel.h"

#include <cstdint>
#include <vector>

namespace snc::mapping {

/// For every slice s, as a pre slice, the ascending indices of the post
/// slices its spikes may reach: per projection from s's population, the
/// post slices that meet [min postLo, max postHi) over s's neurons (an
/// envelope of the neurons' envelopes; empty postLo/postHi vectors mean all
/// post neurons, an empty per-neuron range means none). A slice appears in
/// its own list when its population projects to itself over it. The
/// partition's slices must be grouped by population in population order,
/// ascending lo within one (as partitionNetwork makes them).
std::vector<std::vector<int64_t>> sliceDestinations(const Network &network,
                                                    const Partition &partition);

/// The exact form of sliceDestinations, from the synapses themselves: for
/// every slice, the ascending post slices holding at least one synapse of
/// one of its neurons. The envelopes overestimate where a neuron reaches
/// several separate ranges: a convolution's pre neuron reaches a few rows
/// of every output channel, and its envelope spans the channels between
/// (on a 919k-neuron CNN, 84 % of the packets reached PEs without a row
/// for them). One pass over the synapses. `network` is the form `mapped`
/// was made from (toMappingNetwork), `partition` a partition of it.
std::vector<std::vector<int64_t>>
synapseDestinations(const manycore::Network &network, const Network &mapped,
                    const Partition &partition);

/// Packets per time step from a slice, assuming every neuron spikes at the
/// same rate: one multicast packet per spiking neuron, so the neuron count.
inline int64_t slicePackets(const Slice &slice) { return slice.hi - slice.lo; }

/// One (source slice, destination slice) pair and the packets the source
/// sends; a multicast packet to several destinations counts for each.
struct SliceTraffic {
  int64_t source = 0, destination = 0, packets = 0;
};
/// Every pair of `destinations`, sources ascending, then destinations.
std::vector<SliceTraffic>
sliceTraffic(const Partition &partition,
             const std::vector<std::vector<int64_t>> &destinations);

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_SLICETRAFFIC_H
