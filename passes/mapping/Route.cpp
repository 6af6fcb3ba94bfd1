//===- Route.cpp - multicast routing trees and router tables --------------===//

#include "passes/mapping/Route.h"

#include <algorithm>
#include <map>

namespace snc::mapping {

const char *linkName(Link link) {
  static const char *names[kLinks] = {"E", "NE", "N", "W", "SW", "S"};
  return names[int(link)];
}

void Route::addPe(int pe) {
  size_t word = size_t(pe) / 64;
  if (peWords.size() <= word)
    peWords.resize(word + 1, 0);
  peWords[word] |= uint64_t(1) << (pe % 64);
}

bool Route::hasPe(int pe) const {
  size_t word = size_t(pe) / 64;
  return word < peWords.size() && (peWords[word] >> (pe % 64)) & 1;
}

std::vector<int> Route::pes() const {
  std::vector<int> result;
  for (size_t w = 0; w < peWords.size(); ++w)
    for (int b = 0; b < 64; ++b)
      if ((peWords[w] >> b) & 1)
        result.push_back(int(w * 64) + b);
  return result;
}

std::string Route::str() const {
  std::string text;
  for (int l = 0; l < kLinks; ++l)
    if (hasLink(Link(l)))
      text += std::string(text.empty() ? "" : "+") + linkName(Link(l));
  std::vector<int> local = pes();
  if (!local.empty()) {
    text += text.empty() ? "pe " : " pe ";
    for (size_t i = 0; i < local.size(); ++i)
      text += (i ? "," : "") + std::to_string(local[i]);
  }
  return text.empty() ? "drop" : text;
}

size_t RouteHash::operator()(const Route &route) const {
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ route.links;
  for (uint64_t word : route.peWords)
    h = (h ^ word) * 0x100000001b3ULL + (h >> 29);
  return size_t(h);
}

int64_t RoutingTables::entries() const {
  int64_t total = 0;
  for (const auto &table : byChip)
    total += int64_t(table.size());
  return total;
}

int64_t RoutingTables::maxEntries() const {
  int64_t most = 0;
  for (const auto &table : byChip)
    most = std::max(most, int64_t(table.size()));
  return most;
}

namespace {

/// The first hop of the dimension-ordered shortest path by (dx, dy) != 0
/// (see the file comment of Route.h).
Link firstHop(int dx, int dy) {
  if ((dx >= 0) == (dy >= 0)) {
    if (dx > 0 && dy > 0)
      return Link::NorthEast;
    if (dx < 0 && dy < 0)
      return Link::SouthWest;
  }
  if (dx != 0)
    return dx > 0 ? Link::East : Link::West;
  return dy > 0 ? Link::North : Link::South;
}

/// A chip on one multicast tree.
struct TreeNode {
  int8_t arrival = -1; // direction of travel on arrival; -1 at the root
  Route route;
};

} // namespace

std::string chipName(int x, int y) {
  return "(" + std::to_string(x) + ", " + std::to_string(y) + ")";
}

bool checkRoutingInput(const Machine &machine, const Partition &partition,
                       const Placement &placement,
                       const std::vector<std::vector<int64_t>> &destinations,
                       const KeyAllocation &keys, std::string &error) {
  size_t slices = partition.slices.size();
  if (machine.chipsX < 1 || machine.chipsY < 1 || machine.pesPerChip() < 1) {
    error = "machine has no chips or no PEs";
    return false;
  }
  if (placement.peOfSlice.size() != slices || destinations.size() != slices ||
      keys.ofSlice.size() != slices) {
    error = "routing needs a PE, a destination list and keys for each of "
            "the " +
            std::to_string(slices) + " slices";
    return false;
  }
  for (size_t s = 0; s < slices; ++s) {
    int64_t pe = placement.peOfSlice[s];
    if (pe < 0 || pe >= machine.pes()) {
      error = "slice " + std::to_string(s) + " is placed on PE " +
              std::to_string(pe) + ", outside the machine's " +
              std::to_string(machine.pes()) + " PEs";
      return false;
    }
    for (int64_t d : destinations[s])
      if (d < 0 || size_t(d) >= slices) {
        error = "slice " + std::to_string(s) + " sends to slice " +
                std::to_string(d) + ", which does not exist";
        return false;
      }
  }
  return true;
}

bool buildRoutingTables(const Machine &machine, const Partition &partition,
                        const Placement &placement,
                        const std::vector<std::vector<int64_t>> &destinations,
                        const KeyAllocation &keys, RoutingTables &out,
                        std::string &error) {
  if (!checkRoutingInput(machine, partition, placement, destinations, keys,
                         error))
    return false;
  int64_t chips = machine.chips();
  int pesPerChip = machine.pesPerChip();
  out = RoutingTables();
  out.chipsX = machine.chipsX;
  out.chipsY = machine.chipsY;
  out.byChip.resize(size_t(chips));
  out.defaultRouted.resize(size_t(chips));
  out.treesOnLink.assign(size_t(chips), {});
  out.neuronsOnLink.assign(size_t(chips), {});

  // Ordered by chip index so tables and statistics come out deterministic.
  std::map<int64_t, TreeNode> tree;
  std::vector<int64_t> targets;
  for (size_t s = 0; s < partition.slices.size(); ++s) {
    if (destinations[s].empty())
      continue;
    tree.clear();
    PeLocation source = locate(machine, placement.peOfSlice[s]);
    int64_t root = int64_t(source.chipY) * machine.chipsX + source.chipX;
    tree[root] = TreeNode();

    targets.clear();
    for (int64_t d : destinations[s])
      targets.push_back(placement.peOfSlice[size_t(d)]);
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());

    for (int64_t pe : targets) {
      PeLocation target = locate(machine, pe);
      int x = source.chipX, y = source.chipY;
      int64_t chip = root;
      // Re-walking a prefix shared with an earlier path only re-adds the
      // same links: dimension-ordered paths never diverge and re-join.
      while (x != target.chipX || y != target.chipY) {
        Link hop = firstHop(target.chipX - x, target.chipY - y);
        tree[chip].route.addLink(hop);
        x += linkDx(hop);
        y += linkDy(hop);
        chip = int64_t(y) * machine.chipsX + x;
        tree[chip].arrival = int8_t(hop);
      }
      tree[chip].route.addPe(int(pe % pesPerChip));
    }

    const KeyRange &range = keys.ofSlice[s];
    const Slice &slice = partition.slices[s];
    for (auto &[chip, node] : tree) {
      for (int l = 0; l < kLinks; ++l)
        if (node.route.hasLink(Link(l))) {
          ++out.treesOnLink[size_t(chip)][size_t(l)];
          out.neuronsOnLink[size_t(chip)][size_t(l)] += slice.hi - slice.lo;
        }
      bool straightThrough = node.arrival >= 0 && node.route.peWords.empty() &&
                             node.route.links == uint8_t(1u << node.arrival);
      if (straightThrough) {
        out.defaultRouted[size_t(chip)].push_back(range);
        continue;
      }
      RouterEntry entry;
      entry.key = range.base;
      entry.mask = range.mask;
      entry.route = std::move(node.route);
      entry.arrival = node.arrival;
      out.byChip[size_t(chip)].push_back(std::move(entry));
    }
  }

  for (auto &table : out.byChip)
    std::sort(table.begin(), table.end(),
              [](const RouterEntry &a, const RouterEntry &b) {
                return a.key != b.key ? a.key < b.key : a.mask > b.mask;
              });
  for (auto &ranges : out.defaultRouted)
    std::sort(ranges.begin(), ranges.end(),
              [](const KeyRange &a, const KeyRange &b) {
                return a.base != b.base ? a.base < b.base : a.mask > b.mask;
              });
  return true;
}

} // namespace snc::mapping
