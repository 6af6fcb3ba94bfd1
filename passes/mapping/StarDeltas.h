//===- StarDeltas.h - star cost change of moving one slice ------*- C++ -*-===//
//
// Refinement asks, many times per slice, how the star cost (see Place.h)
// would change if a slice moved to another chip. Summing over the slice's
// predecessors each time costs hundreds of steps on a CNN's pooled layer;
// keeping per-slice sums of what its predecessors would gain or lose, and
// updating them on each move, answers in a step per chip its predecessors
// and destinations sit on.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_STARDELTAS_H
#define SNC_PASSES_MAPPING_STARDELTAS_H

#include "passes/mapping/ChipDistances.h"
#include "passes/mapping/MappingModel.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace snc::mapping {

/// A placement of slices on the chips of `distances` (positions), with the
/// exact star cost change of moving any slice at hand. `destinations` must
/// list each destination of a slice once (as sliceDestinations does).
class StarDeltas {
public:
  StarDeltas(const ChipDistances &distances, const Partition &partition,
             const std::vector<std::vector<int64_t>> &destinations,
             std::vector<int64_t> &chipOf);

  /// Change of the star cost if slice s moved to chip `to`.
  int64_t moveDelta(int64_t s, int64_t to);
  /// Moves slice s to chip `to`, updating the sums of its neighbours.
  void move(int64_t s, int64_t to) { moveUpdating(s, to, -1); }
  /// Moves slice s to chip `to` for a look at the slices there: until
  /// untry(s, from) puts it back, moveDelta is exact for them only. Saves
  /// updating the sums of s's destinations elsewhere, twice.
  void tryMove(int64_t s, int64_t to) { moveUpdating(s, to, to); }
  void untry(int64_t s, int64_t from) { moveUpdating(s, from, chipOfSlice[s]); }

  int64_t chipOf(int64_t s) const { return chipOfSlice[s]; }
  const std::vector<int64_t> &membersOf(int64_t chip) const {
    return members[chip];
  }
  const std::vector<int64_t> &predecessorsOf(int64_t s) const {
    return predecessors[s];
  }
  /// Steps taken so far: chips, predecessors and sums looked at or updated.
  int64_t work() const { return steps; }

private:
  /// A source's destinations on one chip: how many, and the sum of their
  /// indices, which is the destination itself when there is one.
  struct OnChip {
    int64_t chip, count, indexSum;
  };
  const OnChip *find(int64_t r, int64_t chip) const;
  void add(int64_t r, int64_t chip, int64_t slice, int64_t by);
  int64_t countOn(int64_t r, int64_t chip) const {
    const OnChip *at = find(r, chip);
    return at ? at->count : 0;
  }
  int64_t &paid(int64_t t, int64_t chip) {
    return paidOn[size_t(t * distances.size() + chip)];
  }
  int64_t gain(int64_t t, int64_t chip);
  void addWeight(int64_t t, int64_t chip, int64_t by);
  /// Adds `sign` times source x's terms to the sums of its destinations
  /// (only of those on chip `onlyOn` unless it is -1).
  void addSourceTerms(int64_t x, int64_t sign, int64_t onlyOn);
  void moveUpdating(int64_t s, int64_t to, int64_t onlyOn);
  /// x's destinations on `chip` change by one (x's predecessor r).
  void leave(int64_t r, int64_t chip, int64_t x);
  void arrive(int64_t r, int64_t chip, int64_t x);
  int64_t loseOf(int64_t t);

  const ChipDistances &distances;
  const std::vector<std::vector<int64_t>> &destinations;
  std::vector<int64_t> &chipOfSlice;
  std::vector<int64_t> packets;
  std::vector<std::vector<int64_t>> predecessors; // excluding the slice
  std::vector<bool> selfLoop;
  std::vector<std::vector<OnChip>> destinationChips; // ascending chip
  std::vector<std::vector<int64_t>> members;
  // What t's predecessors with no destination on chip c would pay for c if
  // t moved there (gain(t, c)) is what all of them would pay less what
  // those with a destination there pay already. The first comes from
  // sourceWeights[t]: packets of t's predecessors per chip they sit on,
  // ascending chip; the second is paidOn[t * chips + c].
  std::vector<std::vector<std::pair<int64_t, int64_t>>> sourceWeights;
  std::vector<int64_t> paidOn;
  std::vector<std::pair<int64_t, int64_t>> scratch; // for addSourceTerms
  // loses[t]: what t's predecessors whose only destination on t's chip is
  // t pay for that chip, saved if t moved away.
  std::vector<int64_t> loses;
  int64_t steps = 0;
};

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_STARDELTAS_H
