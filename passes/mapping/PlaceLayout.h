//===- PlaceLayout.h - put groups of slices on chips ------------*- C++ -*-===//
//
// The second step of placement: each group of slices (one chip's worth)
// gets a chip of the mesh so that groups exchanging many packets sit few
// hops apart.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_PLACELAYOUT_H
#define SNC_PASSES_MAPPING_PLACELAYOUT_H

#include "passes/mapping/ChipDistances.h"
#include "passes/mapping/MappingModel.h"

#include <cstdint>
#include <vector>

namespace snc::mapping {

/// The cost of a layout is the star cost of placement (see Place.h) with
/// groups for chips: per slice s, packets(s) times the hops from s's group
/// to each other group s sends to. That is a weighted sum over pairs of
/// groups, minimised here by greedy construction (the most connected group
/// first, at the first chip; then the group most connected to those placed,
/// at the chip closest to its placed neighbours) and bounded passes of
/// pairwise position swaps. Returns, per group, a position in `distances`,
/// which must list exactly `groups` chips.
std::vector<int64_t>
layoutGroups(const ChipDistances &distances, const Partition &partition,
             const std::vector<std::vector<int64_t>> &destinations,
             const std::vector<int64_t> &groupOfSlice, int64_t groups);

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_PLACELAYOUT_H
