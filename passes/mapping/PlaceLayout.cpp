//===- PlaceLayout.cpp - put groups of slices on chips --------------------===//

#include "passes/mapping/PlaceLayout.h"

#include "passes/mapping/PlaceGroups.h"
#include "passes/mapping/SliceTraffic.h"

#include <algorithm>
#include <tuple>

namespace snc::mapping {

namespace {

constexpr int kMaxSwapPasses = 10;

WeightedGraph
buildGroupGraph(const Partition &partition,
                const std::vector<std::vector<int64_t>> &destinations,
                const std::vector<int64_t> &groupOfSlice, int64_t groups) {
  std::vector<WeightedEdge> edges;
  std::vector<int64_t> reached;
  for (size_t s = 0; s < destinations.size(); ++s) {
    // A multicast packet crosses to each other group once.
    reached.clear();
    for (int64_t d : destinations[s])
      reached.push_back(groupOfSlice[d]);
    std::sort(reached.begin(), reached.end());
    reached.erase(std::unique(reached.begin(), reached.end()), reached.end());
    int64_t from = groupOfSlice[s], packets = slicePackets(partition.slices[s]);
    for (int64_t to : reached)
      if (to != from) {
        edges.push_back({from, to, packets});
        edges.push_back({to, from, packets});
      }
  }
  return buildGraph(groups, std::move(edges));
}

class Layout {
public:
  Layout(const ChipDistances &distances, const WeightedGraph &graph)
      : distances(distances), graph(graph),
        position(size_t(graph.vertices()), -1) {}

  std::vector<int64_t> run() {
    placeGreedily();
    for (int pass = 0; pass < kMaxSwapPasses && swapPass(); ++pass)
      ;
    return position;
  }

private:
  int64_t groups() const { return graph.vertices(); }

  /// Hops-weighted cost of group g at `at` against its placed neighbours,
  /// ignoring `except`.
  int64_t costAt(int64_t g, int64_t at, int64_t except = -1) const {
    int64_t cost = 0;
    for (int64_t e = graph.offsets[g]; e < graph.offsets[g + 1]; ++e) {
      int64_t n = graph.neighbours[e];
      if (n != except && position[n] >= 0)
        cost += graph.weights[e] * distances(at, position[n]);
    }
    return cost;
  }

  void placeGreedily() {
    std::vector<int64_t> total(size_t(groups()), 0), attached(total);
    for (int64_t g = 0; g < groups(); ++g)
      for (int64_t e = graph.offsets[g]; e < graph.offsets[g + 1]; ++e)
        total[g] += graph.weights[e];
    std::vector<bool> taken(size_t(groups()), false);
    for (int64_t step = 0; step < groups(); ++step) {
      // Most attached to the placed groups, then most connected overall.
      int64_t next = -1;
      for (int64_t g = 0; g < groups(); ++g)
        if (position[g] < 0 &&
            (next < 0 || std::tie(attached[g], total[g]) >
                             std::tie(attached[next], total[next])))
          next = g;
      int64_t best = -1, bestCost = 0;
      for (int64_t at = 0; at < groups(); ++at) {
        if (taken[at])
          continue;
        int64_t cost = costAt(next, at);
        if (best < 0 || cost < bestCost)
          best = at, bestCost = cost;
      }
      position[next] = best;
      taken[best] = true;
      for (int64_t e = graph.offsets[next]; e < graph.offsets[next + 1]; ++e)
        attached[graph.neighbours[e]] += graph.weights[e];
    }
  }

  /// One pass of improving position swaps; whether any was made.
  bool swapPass() {
    bool improved = false;
    for (int64_t g = 0; g < groups(); ++g)
      for (int64_t h = g + 1; h < groups(); ++h) {
        int64_t pg = position[g], ph = position[h];
        int64_t delta = costAt(g, ph, h) - costAt(g, pg, h) + costAt(h, pg, g) -
                        costAt(h, ph, g);
        if (delta < 0) {
          std::swap(position[g], position[h]);
          improved = true;
        }
      }
    return improved;
  }

  const ChipDistances &distances;
  const WeightedGraph &graph;
  std::vector<int64_t> position;
};

} // namespace

std::vector<int64_t>
layoutGroups(const ChipDistances &distances, const Partition &partition,
             const std::vector<std::vector<int64_t>> &destinations,
             const std::vector<int64_t> &groupOfSlice, int64_t groups) {
  WeightedGraph graph =
      buildGroupGraph(partition, destinations, groupOfSlice, groups);
  return Layout(distances, graph).run();
}

} // namespace snc::mapping
