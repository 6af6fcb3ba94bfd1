//===- PlaceRefine.h - improve a placement slice by slice -------*- C++ -*-===//
//
// The last step of placement: grouping and layout optimise approximations
// (cut weight, then whole groups); moving single slices between chips, or
// swapping two, optimises the placement cost itself.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_PLACEREFINE_H
#define SNC_PASSES_MAPPING_PLACEREFINE_H

#include "passes/mapping/ChipDistances.h"
#include "passes/mapping/MappingModel.h"

#include <cstdint>
#include <vector>

namespace snc::mapping {

/// Lowers the star cost (see Place.h) of `chipOfSlice`, positions in
/// `distances` holding at most `capacity` slices each. Visits slices in
/// index order; for each, tries the chips of the slices it exchanges
/// packets with: a move when the chip has a free PE, else a swap with the
/// slice on that chip that completes the best exchange. Takes a change only
/// when it lowers the cost, so the cost never rises. Cost changes come from
/// per-slice sums kept up to date on each move (StarDeltas.h). Stops after
/// a pass without change, `maxPasses` passes, or `workBudget` steps
/// (StarDeltas::work: chips, predecessors and sums looked at or updated;
/// some 10^8 a second), a safety bound on its time; the moves made so far
/// are kept. Deterministic.
constexpr int64_t kRefineWorkBudget = int64_t(2'000'000'000);
void refinePlacement(const ChipDistances &distances, int64_t capacity,
                     const Partition &partition,
                     const std::vector<std::vector<int64_t>> &destinations,
                     std::vector<int64_t> &chipOfSlice, int maxPasses,
                     int64_t workBudget = kRefineWorkBudget);

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_PLACEREFINE_H
