//===- StarDeltas.cpp - star cost change of moving one slice --------------===//

#include "passes/mapping/StarDeltas.h"

#include "passes/mapping/SliceTraffic.h"

#include <algorithm>
#include <climits>

namespace snc::mapping {

StarDeltas::StarDeltas(const ChipDistances &distances,
                       const Partition &partition,
                       const std::vector<std::vector<int64_t>> &destinations,
                       std::vector<int64_t> &chipOf)
    : distances(distances), destinations(destinations), chipOfSlice(chipOf),
      packets(chipOf.size()), predecessors(chipOf.size()),
      selfLoop(chipOf.size(), false), destinationChips(chipOf.size()),
      members(size_t(distances.size())), sourceWeights(chipOf.size()),
      paidOn(chipOf.size() * size_t(distances.size()), 0),
      loses(chipOf.size(), 0) {
  for (size_t s = 0; s < chipOf.size(); ++s) {
    packets[s] = slicePackets(partition.slices[s]);
    members[chipOf[s]].push_back(int64_t(s));
    for (int64_t d : destinations[s]) {
      if (d == int64_t(s))
        selfLoop[s] = true;
      else
        predecessors[d].push_back(int64_t(s));
      add(int64_t(s), chipOf[d], d, 1);
    }
  }
  for (int64_t s = 0; s < int64_t(chipOf.size()); ++s)
    addSourceTerms(s, 1, -1);
}

const StarDeltas::OnChip *StarDeltas::find(int64_t r, int64_t chip) const {
  const std::vector<OnChip> &chips = destinationChips[r];
  auto it = std::lower_bound(
      chips.begin(), chips.end(), chip,
      [](const OnChip &entry, int64_t c) { return entry.chip < c; });
  return it != chips.end() && it->chip == chip ? &*it : nullptr;
}

void StarDeltas::add(int64_t r, int64_t chip, int64_t slice, int64_t by) {
  std::vector<OnChip> &chips = destinationChips[r];
  auto it = std::lower_bound(
      chips.begin(), chips.end(), chip,
      [](const OnChip &entry, int64_t c) { return entry.chip < c; });
  if (it == chips.end() || it->chip != chip)
    it = chips.insert(it, {chip, 0, 0});
  it->count += by;
  it->indexSum += by * slice;
  if (it->count == 0)
    chips.erase(it);
}

void StarDeltas::addWeight(int64_t t, int64_t chip, int64_t by) {
  std::vector<std::pair<int64_t, int64_t>> &weights = sourceWeights[t];
  auto it = std::lower_bound(weights.begin(), weights.end(),
                             std::make_pair(chip, INT64_MIN));
  if (it == weights.end() || it->first != chip)
    it = weights.insert(it, {chip, 0});
  // A chip left at zero stays: moves to and fro would insert it again.
  it->second += by;
}

int64_t StarDeltas::gain(int64_t t, int64_t chip) {
  int64_t all = 0;
  for (auto [at, weight] : sourceWeights[t])
    all += weight * distances(at, chip);
  steps += int64_t(sourceWeights[t].size());
  return all - paid(t, chip);
}

int64_t StarDeltas::moveDelta(int64_t s, int64_t to) {
  int64_t from = chipOfSlice[s];
  if (from == to)
    return 0;
  steps += int64_t(destinationChips[s].size()) + 1;
  // s as a source: its own destinations stay, except itself.
  int64_t before = 0, after = 0;
  for (const OnChip &entry : destinationChips[s]) {
    int64_t count = entry.count;
    before += distances(from, entry.chip);
    if (selfLoop[s])
      count += (entry.chip == to) - (entry.chip == from);
    if (count > 0)
      after += distances(to, entry.chip);
  }
  // s as a destination: a source pays for `from` only if s was its last
  // destination there, and for `to` only if it had none there.
  return packets[s] * (after - before) - loses[s] + gain(s, to);
}

void StarDeltas::addSourceTerms(int64_t x, int64_t sign, int64_t onlyOn) {
  int64_t at = chipOfSlice[x], weight = sign * packets[x];
  // What x pays for each chip it has destinations on.
  std::vector<std::pair<int64_t, int64_t>> &costs = scratch;
  costs.clear();
  for (const OnChip &entry : destinationChips[x])
    costs.push_back({entry.chip, weight * distances(at, entry.chip)});
  for (int64_t t : destinations[x]) {
    if (t == x || (onlyOn >= 0 && chipOfSlice[t] != onlyOn))
      continue;
    steps += int64_t(costs.size()) + 1;
    addWeight(t, at, weight);
    int64_t *row = &paid(t, 0);
    for (auto [chip, cost] : costs)
      row[chip] += cost;
    int64_t chip = chipOfSlice[t];
    if (countOn(x, chip) == 1)
      loses[t] += weight * distances(at, chip);
  }
  steps += int64_t(destinations[x].size());
}

void StarDeltas::leave(int64_t r, int64_t chip, int64_t x) {
  add(r, chip, x, -1);
  int64_t cost = packets[r] * distances(chipOfSlice[r], chip);
  const OnChip *left = find(r, chip);
  if (!left) {
    for (int64_t t : destinations[r])
      if (t != r)
        paid(t, chip) -= cost;
    steps += int64_t(destinations[r].size());
  } else if (left->count == 1 && left->indexSum != r) {
    loses[left->indexSum] += cost;
  }
  ++steps;
}

void StarDeltas::arrive(int64_t r, int64_t chip, int64_t x) {
  int64_t cost = packets[r] * distances(chipOfSlice[r], chip);
  const OnChip *there = find(r, chip);
  if (!there) {
    for (int64_t t : destinations[r])
      if (t != r)
        paid(t, chip) += cost;
    steps += int64_t(destinations[r].size());
  } else if (there->count == 1 && there->indexSum != r) {
    loses[there->indexSum] -= cost;
  }
  add(r, chip, x, 1);
  ++steps;
}

int64_t StarDeltas::loseOf(int64_t t) {
  int64_t chip = chipOfSlice[t], lose = 0;
  for (int64_t r : predecessors[t])
    if (countOn(r, chip) == 1)
      lose += packets[r] * distances(chipOfSlice[r], chip);
  steps += int64_t(predecessors[t].size());
  return lose;
}

void StarDeltas::moveUpdating(int64_t s, int64_t to, int64_t onlyOn) {
  int64_t from = chipOfSlice[s];
  // s's terms in its destinations' sums depend on its chip and its own
  // destination chips: take them out, move, put them back.
  addSourceTerms(s, -1, onlyOn);
  for (int64_t r : predecessors[s]) {
    leave(r, from, s);
    arrive(r, to, s);
  }
  if (selfLoop[s]) {
    add(s, from, s, -1);
    add(s, to, s, 1);
  }
  chipOfSlice[s] = to;
  std::vector<int64_t> &old = members[from];
  old.erase(std::find(old.begin(), old.end(), s));
  members[to].push_back(s);
  addSourceTerms(s, 1, onlyOn);
  loses[s] = loseOf(s);
}

} // namespace snc::mapping
