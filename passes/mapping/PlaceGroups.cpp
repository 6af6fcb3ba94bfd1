//===- PlaceGroups.cpp - group slices into chips with METIS ---------------===//

#include "passes/mapping/PlaceGroups.h"

#include "passes/mapping/SliceTraffic.h"

#include <metis.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>
#include <utility>

namespace snc::mapping {

namespace {

/// Edge weights as METIS's 32-bit idx_t, scaled down (never to zero) when
/// their sum could overflow METIS's cut arithmetic.
std::vector<idx_t> metisWeights(const WeightedGraph &graph) {
  int64_t total = 0;
  for (int64_t weight : graph.weights)
    total += weight;
  int64_t divisor = total / (int64_t(1) << 28) + 1;
  std::vector<idx_t> weights;
  weights.reserve(graph.weights.size());
  for (int64_t weight : graph.weights)
    weights.push_back(idx_t(std::max<int64_t>(1, weight / divisor)));
  return weights;
}

/// Weight from vertex v to each group, ascending group.
std::map<int64_t, int64_t> groupConnections(const WeightedGraph &graph,
                                            const std::vector<int64_t> &group,
                                            int64_t v) {
  std::map<int64_t, int64_t> connections;
  for (int64_t e = graph.offsets[v]; e < graph.offsets[v + 1]; ++e)
    connections[group[graph.neighbours[e]]] += graph.weights[e];
  return connections;
}

/// METIS balances only approximately: move vertices out of groups above
/// capacity, each time the vertex and target group that lose the least
/// internal weight (ties: lowest vertex, then lowest group).
void trimOverfullGroups(const WeightedGraph &graph, int64_t parts,
                        int64_t capacity, std::vector<int64_t> &group) {
  std::vector<int64_t> sizes(size_t(parts), 0);
  for (int64_t g : group)
    ++sizes[g];
  for (int64_t p = 0; p < parts; ++p) {
    while (sizes[p] > capacity) {
      int64_t firstWithRoom = 0;
      while (sizes[firstWithRoom] >= capacity)
        ++firstWithRoom;
      // (gain, -vertex, -group): larger is better.
      std::tuple<int64_t, int64_t, int64_t> best{INT64_MIN, 0, 0};
      for (int64_t v = 0; v < graph.vertices(); ++v) {
        if (group[v] != p)
          continue;
        std::map<int64_t, int64_t> connections =
            groupConnections(graph, group, v);
        int64_t internal = connections[p];
        auto consider = [&](int64_t q, int64_t weight) {
          std::tuple<int64_t, int64_t, int64_t> candidate{weight - internal, -v,
                                                          -q};
          best = std::max(best, candidate);
        };
        consider(firstWithRoom, connections[firstWithRoom]);
        for (auto [q, weight] : connections)
          if (q != p && sizes[q] < capacity)
            consider(q, weight);
      }
      int64_t v = -std::get<1>(best), q = -std::get<2>(best);
      group[v] = q;
      --sizes[p];
      ++sizes[q];
    }
  }
}

} // namespace

WeightedGraph buildGraph(int64_t vertices, std::vector<WeightedEdge> edges) {
  std::sort(edges.begin(), edges.end(),
            [](const WeightedEdge &x, const WeightedEdge &y) {
              return std::tie(x.from, x.to) < std::tie(y.from, y.to);
            });
  WeightedGraph graph;
  graph.offsets.assign(size_t(vertices + 1), 0);
  for (size_t i = 0; i < edges.size(); ++i) {
    if (i > 0 && edges[i].from == edges[i - 1].from &&
        edges[i].to == edges[i - 1].to) {
      graph.weights.back() += edges[i].weight;
      continue;
    }
    graph.neighbours.push_back(edges[i].to);
    graph.weights.push_back(edges[i].weight);
    ++graph.offsets[edges[i].from + 1];
  }
  for (int64_t v = 0; v < vertices; ++v)
    graph.offsets[v + 1] += graph.offsets[v];
  return graph;
}

WeightedGraph
buildSliceGraph(const Partition &partition,
                const std::vector<std::vector<int64_t>> &destinations) {
  std::vector<WeightedEdge> edges;
  for (size_t s = 0; s < destinations.size(); ++s) {
    int64_t packets = slicePackets(partition.slices[s]);
    for (int64_t d : destinations[s])
      if (d != int64_t(s)) {
        edges.push_back({int64_t(s), d, packets});
        edges.push_back({d, int64_t(s), packets});
      }
  }
  return buildGraph(int64_t(partition.slices.size()), std::move(edges));
}

bool groupSlices(const WeightedGraph &graph, int64_t parts, int64_t capacity,
                 uint64_t seed, std::vector<int64_t> &groupOfSlice,
                 std::string &error) {
  int64_t n = graph.vertices();
  groupOfSlice.assign(size_t(n), 0);
  if (parts * capacity < n) {
    error = std::to_string(n) + " slices do not fit " + std::to_string(parts) +
            " chips of " + std::to_string(capacity) + " PEs";
    return false;
  }
  if (parts <= 1 || n == 0)
    return true;

  std::vector<idx_t> offsets(graph.offsets.begin(), graph.offsets.end());
  std::vector<idx_t> neighbours(graph.neighbours.begin(),
                                graph.neighbours.end());
  std::vector<idx_t> weights = metisWeights(graph);
  idx_t options[METIS_NOPTIONS];
  METIS_SetDefaultOptions(options);
  options[METIS_OPTION_SEED] = idx_t((seed ^ (seed >> 31)) & 0x7fffffff);
  // Allow parts up to the chip's capacity (in thousandths above the mean),
  // so METIS cuts well without overfilling many chips.
  int64_t slack = capacity * parts * 1000 / n - 1000;
  options[METIS_OPTION_UFACTOR] = idx_t(std::clamp<int64_t>(slack, 1, 30));
  idx_t vertices = idx_t(n), constraints = 1, nparts = idx_t(parts), cut = 0;
  std::vector<idx_t> part(size_t(n), 0);
  int status = METIS_PartGraphKway(&vertices, &constraints, offsets.data(),
                                   neighbours.data(), nullptr, nullptr,
                                   weights.data(), &nparts, nullptr, nullptr,
                                   options, &cut, part.data());
  if (status != METIS_OK) {
    error = "METIS could not split " + std::to_string(n) + " slices into " +
            std::to_string(parts) + " chips (status " + std::to_string(status) +
            ")";
    return false;
  }
  groupOfSlice.assign(part.begin(), part.end());
  trimOverfullGroups(graph, parts, capacity, groupOfSlice);
  return true;
}

} // namespace snc::mapping
