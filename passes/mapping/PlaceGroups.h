//===- PlaceGroups.h - group slices into chips with METIS -------*- C++ -*-===//
//
// The first step of placement: slices that exchange many packets should
// share a chip, where their packets cross no link. METIS cuts the slice
// graph into one part per chip; parts above a chip's PE count are then
// trimmed.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_PLACEGROUPS_H
#define SNC_PASSES_MAPPING_PLACEGROUPS_H

#include "passes/mapping/MappingModel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::mapping {

/// An undirected weighted graph in compressed rows, each edge stored from
/// both ends.
struct WeightedGraph {
  std::vector<int64_t> offsets{0}; // size vertices + 1
  std::vector<int64_t> neighbours, weights;

  int64_t vertices() const { return int64_t(offsets.size()) - 1; }
};
struct WeightedEdge {
  int64_t from = 0, to = 0, weight = 0;
};
/// The graph of `edges`, parallel edges merged by adding their weights.
/// Give each edge in both directions for an undirected graph.
WeightedGraph buildGraph(int64_t vertices, std::vector<WeightedEdge> edges);

/// The slice graph: the edge {s, d} weighs the packets s sends to d plus
/// those d sends to s; no self-loops.
WeightedGraph
buildSliceGraph(const Partition &partition,
                const std::vector<std::vector<int64_t>> &destinations);

/// Splits the graph into `parts` groups of at most `capacity` slices
/// (parts * capacity >= vertices), minimising the weight between groups;
/// deterministic for a given seed. groupOfSlice[s] is in [0, parts).
bool groupSlices(const WeightedGraph &graph, int64_t parts, int64_t capacity,
                 uint64_t seed, std::vector<int64_t> &groupOfSlice,
                 std::string &error);

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_PLACEGROUPS_H
