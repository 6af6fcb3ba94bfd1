//===- Place.h - put slices on PEs ------------------------------*- C++ -*-===//
//
// Placement gives every slice a PE so that spikes cross few chip-to-chip
// links. Its cost is the star approximation of multicast traffic:
//
//   sum over source slices s of packets(s) * sum over the distinct chips c
//   holding a destination of s of hops(chip of s, c)
//
// where packets(s) is s's neuron count (see SliceTraffic.h). A multicast
// packet really travels a tree, whose links the star counts once per branch
// from the source; destinations on one chip share their last hops, so each
// chip counts once. PEs on one chip are equivalent here.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_PLACE_H
#define SNC_PASSES_MAPPING_PLACE_H

#include "passes/mapping/MappingModel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::mapping {

/// Slice i on PE i: the baseline.
Placement placeSequential(const Machine &machine, const Partition &partition);

/// The star cost above, in packets x hops per time step.
int64_t costOf(const Machine &machine, const Partition &partition,
               const std::vector<std::vector<int64_t>> &destinations,
               const Placement &placement);

/// Places the slices in the fewest chips, ceil(slices / pesPerChip):
///   1. METIS cuts the slice graph into one group per chip (seeded by
///      `seed`), trimming groups above a chip's PEs;
///   2. the groups get the chips nearest the middle of the mesh, greedily
///      then by swaps, so groups that talk sit close;
///   3. single slices move or swap between chips while that lowers the cost.
/// Step 3 also runs from the sequential placement, which keeps populations
/// together where METIS's cut weight misjudges multicast (a source pays once
/// per chip, however many destinations the chip holds); the cheaper result
/// wins. A partition that fits one chip skips all of this. The result is the
/// same for the same inputs and seed. The sequential placement is returned
/// unless the optimised one costs strictly less, so the cost never exceeds
/// the baseline's. Fails when `destinations` does not match the partition or
/// the slices outnumber the PEs.
bool placeNetwork(const Machine &machine, const Partition &partition,
                  const std::vector<std::vector<int64_t>> &destinations,
                  uint64_t seed, Placement &placement, std::string &error);

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_PLACE_H
