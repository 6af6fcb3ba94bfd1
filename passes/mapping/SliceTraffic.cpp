//===- SliceTraffic.cpp - which slices a slice's spikes reach -------------===//

#include "passes/mapping/SliceTraffic.h"

#include "passes/mapping/Partition.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace snc::mapping {

namespace {

/// [lo, hi) of post neurons reached by some neuron of `slice`; lo >= hi
/// when none is.
std::pair<int64_t, int64_t> sliceEnvelope(const Projection &projection,
                                          const Slice &slice,
                                          int64_t postSize) {
  if (projection.postLo.empty())
    return {0, postSize};
  int64_t lo = std::numeric_limits<int64_t>::max(), hi = 0;
  for (int64_t i = slice.lo; i < slice.hi; ++i) {
    if (projection.postLo[i] >= projection.postHi[i])
      continue;
    lo = std::min(lo, projection.postLo[i]);
    hi = std::max(hi, projection.postHi[i]);
  }
  return {lo, hi};
}

} // namespace

std::vector<std::vector<int64_t>>
sliceDestinations(const Network &network, const Partition &partition) {
  const std::vector<Slice> &slices = partition.slices;
  std::vector<SliceRange> ranges = populationSliceRanges(network, partition);
  std::vector<std::vector<int64_t>> destinations(slices.size());
  for (const Projection &projection : network.projections) {
    SliceRange pre = ranges[projection.pre], post = ranges[projection.post];
    if (post.count == 0)
      continue;
    auto postBegin = slices.begin() + post.first;
    auto postEnd = postBegin + post.count;
    int64_t postSize = network.populations[projection.post].size;
    for (int64_t s = pre.first; s < pre.first + pre.count; ++s) {
      auto [lo, hi] = sliceEnvelope(projection, slices[s], postSize);
      if (lo >= hi)
        continue;
      // Post slices are contiguous and ascending: those meeting [lo, hi)
      // run from the first ending after lo to the last starting before hi.
      auto first = std::partition_point(
          postBegin, postEnd, [&](const Slice &t) { return t.hi <= lo; });
      auto last = std::partition_point(
          first, postEnd, [&](const Slice &t) { return t.lo < hi; });
      for (auto it = first; it != last; ++it)
        destinations[s].push_back(int64_t(it - slices.begin()));
    }
  }
  for (std::vector<int64_t> &list : destinations) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return destinations;
}

std::vector<std::vector<int64_t>>
synapseDestinations(const manycore::Network &network, const Network &mapped,
                    const Partition &partition) {
  const std::vector<Slice> &slices = partition.slices;
  std::vector<SliceRange> ranges = populationSliceRanges(mapped, partition);
  std::vector<std::vector<int64_t>> destinations(slices.size());
  // Slice of each neuron, per population (int32: slices fit a machine).
  std::vector<std::vector<int32_t>> sliceOf(mapped.populations.size());
  for (size_t p = 0; p < mapped.populations.size(); ++p) {
    sliceOf[p].assign(size_t(mapped.populations[p].size), -1);
    for (int64_t s = ranges[p].first; s < ranges[p].first + ranges[p].count;
         ++s)
      std::fill(sliceOf[p].begin() + slices[size_t(s)].lo,
                sliceOf[p].begin() + slices[size_t(s)].hi, int32_t(s));
  }
  // Synapses come sorted by pre neuron, so one pre slice's synapses are
  // consecutive: a mark per post slice (the pre slice that last added it)
  // keeps each list short; the sort below makes it exact in any order.
  std::vector<int64_t> addedFor(slices.size(), -1);
  for (const manycore::Projection &projection : network.projections) {
    const std::vector<int32_t> &preSlice = sliceOf[size_t(projection.source)];
    const std::vector<int32_t> &postSlice = sliceOf[size_t(projection.target)];
    std::fill(addedFor.begin(), addedFor.end(), -1);
    for (const manycore::Synapse &synapse : projection.synapses) {
      int32_t from = preSlice[size_t(synapse.pre)];
      int32_t to = postSlice[size_t(synapse.post)];
      if (from < 0 || to < 0 || addedFor[size_t(to)] == from)
        continue;
      addedFor[size_t(to)] = from;
      destinations[size_t(from)].push_back(to);
    }
  }
  for (std::vector<int64_t> &list : destinations) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    list.shrink_to_fit();
  }
  return destinations;
}

std::vector<SliceTraffic>
sliceTraffic(const Partition &partition,
             const std::vector<std::vector<int64_t>> &destinations) {
  std::vector<SliceTraffic> traffic;
  for (size_t s = 0; s < destinations.size(); ++s)
    for (int64_t destination : destinations[s])
      traffic.push_back(
          {int64_t(s), destination, slicePackets(partition.slices[s])});
  return traffic;
}

} // namespace snc::mapping
