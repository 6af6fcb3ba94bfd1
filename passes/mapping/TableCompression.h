//===- TableCompression.h - router table minimisation -----------*- C++ -*-===//
//
// Shrinks router tables by merging entries of equal routes into entries
// with don't-care bits, exploiting that the first matching entry wins:
// Ordered Covering (Mundy, Heathcote and Garside, "On-chip order-exploiting
// routing table minimization for a multicast supercomputer network", 2016).
// Per chip:
//  1. Entries that default routing makes redundant go (route = exactly the
//     link the packets travel on, no local PE, and no later entry would catch
//     their keys instead); their key ranges become default-routed ones.
//  2. Exact merges: two entries of equal route and mask whose keys differ in
//     the mask's lowest bit become one entry covering exactly both (repeated
//     to a fixed point). Cheap, and slices of one population going the same
//     way collapse here (see KeyAllocation.h).
//  3. Ordered covering. The table is kept in order of increasing generality
//     (number of don't-care bits). Repeatedly, for each route, all entries
//     of that route form a candidate merge; its covering key and mask keep
//     the bits the members agree on. The merged entry goes before the first
//     entry at least as general. The candidate is refined by
//      - the down-check: the merged entry must not cover any original key
//        range ("alias") of an entry of another route below it, nor any
//        default-routed range; members are dropped (fewest first, preferring
//        high bits) to turn a don't-care bit into the bit that excludes it;
//      - the up-check: a member must not move down past an entry of another
//        route that intersects it.
//     The candidate merging the most entries is applied; stop when none
//     merges two or more.
//
// Correctness assumption: the routers only ever see keys of allocated slice
// ranges, and at each chip only those the original table routes there
// (entries' ranges) or passes by default (RoutingTables::defaultRouted).
// Every such key is routed exactly as before; keys nobody sends may now
// match a merged entry. Input tables must be orthogonal (no key matches two
// entries), as buildRoutingTables makes them.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_TABLECOMPRESSION_H
#define SNC_PASSES_MAPPING_TABLECOMPRESSION_H

#include "passes/mapping/Route.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::mapping {

struct CompressionReport {
  int64_t chip = 0;
  int x = 0, y = 0;
  int64_t before = 0;          // entries on input
  int64_t defaultRoutable = 0; // removed in step 1
  int64_t after = 0;           // entries on output
};

/// Minimises one router's table in place (steps 1-3 above), adding the key
/// ranges of removed default-routable entries to `defaultRouted`. Fails if
/// the input entries overlap.
bool compressTable(std::vector<RouterEntry> &table,
                   std::vector<KeyRange> &defaultRouted,
                   CompressionReport &report, std::string &error);

/// Minimises every chip's table and reports each chip. Fails when a table
/// still holds more than `maxEntries` entries (no limit if <= 0), naming the
/// fullest router: "router of chip (2, 3) needs 17012 entries after
/// compression, the table holds 16384"; the tables are compressed anyway.
bool compressTables(RoutingTables &tables, int64_t maxEntries,
                    std::vector<CompressionReport> &reports,
                    std::string &error);

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_TABLECOMPRESSION_H
