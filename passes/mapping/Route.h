//===- Route.h - multicast routing trees and router tables ------*- C++ -*-===//
//
// The router model (SpiNNaker's multicast router). Each chip has one router
// with a table of entries (key, mask, route). A packet with key K matches an
// entry when (K & mask) == key; the FIRST matching entry in table order wins
// and the packet is copied to every link and every local PE of its route.
// Without a matching entry:
//  * at the chip where a PE injected the packet it is an error (the router
//    would drop it);
//  * at any other chip the packet is "default routed": it leaves by the link
//    opposite the one it arrived on, i.e. it keeps travelling in the
//    direction it came in. A chip a packet only passes straight through
//    therefore needs no entry.
// A packet sent off the edge of the mesh (which does not wrap around) is an
// error, and so is a packet that reaches a chip twice (duplicate delivery or
// a loop).
//
// Routing trees. The packets of a source slice (one key range, see
// KeyAllocation.h) follow one multicast tree from the chip of the slice's PE
// to the chips of the PEs of all its destination slices. The path to each
// destination chip is dimension-ordered and shortest: when dx and dy have
// the same sign it takes min(|dx|, |dy|) diagonal hops (NE or SW) and then
// straight hops along the remaining axis; otherwise it goes along x (E/W)
// first, then along y (N/S). Every prefix of such a path is the path to the
// chip it ends at, so the union of the paths is a tree and shared prefixes
// are shared links. A chip on the tree gets an entry (base, mask) of the
// slice when the packet is injected there, delivered to a local PE there,
// turns or forks there; a chip it passes straight through gets none.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_ROUTE_H
#define SNC_PASSES_MAPPING_ROUTE_H

#include "passes/mapping/KeyAllocation.h"
#include "passes/mapping/MappingModel.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace snc::mapping {

/// The chip-mesh offset a link leads to.
inline int linkDx(Link link) {
  static constexpr int dx[kLinks] = {1, 1, 0, -1, -1, 0};
  return dx[int(link)];
}
inline int linkDy(Link link) {
  static constexpr int dy[kLinks] = {0, 1, 1, 0, -1, -1};
  return dy[int(link)];
}
/// The link pointing the other way (E <-> W, NE <-> SW, N <-> S).
inline Link opposite(Link link) { return Link((int(link) + 3) % kLinks); }
const char *linkName(Link link); // "E", "NE", "N", "W", "SW", "S"
/// "(2, 3)": how diagnostics name a chip.
std::string chipName(int x, int y);

/// Where a route sends a packet: a set of links and a set of the chip's
/// local PEs (by index on the chip, 0 .. pesPerChip-1), one bit each.
/// `peWords` never ends in a zero word, so equal sets compare equal.
struct Route {
  uint8_t links = 0;
  std::vector<uint64_t> peWords;

  void addLink(Link link) { links |= uint8_t(1u << int(link)); }
  bool hasLink(Link link) const { return links & (1u << int(link)); }
  void addPe(int pe);
  bool hasPe(int pe) const;
  bool empty() const { return links == 0 && peWords.empty(); }
  /// Local PEs in ascending order.
  std::vector<int> pes() const;
  /// "E+N pe 3,7": for diagnostics and tests.
  std::string str() const;

  friend bool operator==(const Route &a, const Route &b) {
    return a.links == b.links && a.peWords == b.peWords;
  }
  friend bool operator!=(const Route &a, const Route &b) { return !(a == b); }
  friend bool operator<(const Route &a, const Route &b) {
    if (a.links != b.links)
      return a.links < b.links;
    return a.peWords < b.peWords;
  }
};

struct RouteHash {
  size_t operator()(const Route &route) const;
};

struct RouterEntry {
  uint32_t key = 0;
  uint32_t mask = 0xFFFFFFFFu;
  Route route;
  /// The direction the matching packets travel in when they reach this
  /// router (the link the previous router sent them on), or -1 if they are
  /// injected here or come from several directions. Default routing would
  /// send them on in this direction, which makes an entry whose route is
  /// exactly that link redundant.
  int8_t arrival = -1;

  bool matches(uint32_t packetKey) const { return (packetKey & mask) == key; }
};

struct RoutingTables {
  int chipsX = 0, chipsY = 0;
  /// Chip (y * chipsX + x) -> its table, in priority order.
  std::vector<std::vector<RouterEntry>> byChip;
  /// Chip -> the key ranges of packets that cross the chip by default
  /// routing (no entry). Table compression must leave them unmatched.
  std::vector<std::vector<KeyRange>> defaultRouted;
  /// Chip -> per outgoing link: multicast trees using the link, and the
  /// neurons (keys) of those trees — how many spikes per step could cross
  /// the link at most.
  std::vector<std::array<int64_t, kLinks>> treesOnLink;
  std::vector<std::array<int64_t, kLinks>> neuronsOnLink;

  int64_t entries() const;
  int64_t maxEntries() const;
};

/// Builds the multicast tree of every slice to the PEs of
/// `destinations[slice]` (slice indices; duplicates allowed) and the router
/// tables that realise them (see the file comment); entries of a chip are
/// ordered by key. A slice with no destinations gets no entries: its
/// packets must not be sent. Fails on inconsistent input (sizes, indices,
/// PEs outside the machine).
bool buildRoutingTables(const Machine &machine, const Partition &partition,
                        const Placement &placement,
                        const std::vector<std::vector<int64_t>> &destinations,
                        const KeyAllocation &keys, RoutingTables &out,
                        std::string &error);

/// Checks that the routing inputs agree in size and name only existing
/// slices and PEs.
bool checkRoutingInput(const Machine &machine, const Partition &partition,
                       const Placement &placement,
                       const std::vector<std::vector<int64_t>> &destinations,
                       const KeyAllocation &keys, std::string &error);

/// The first entry of `table` matching `key`, or null: the hardware's
/// lookup (a TCAM searches all entries at once; this is a linear scan —
/// see RouteCache for repeated lookups).
const RouterEntry *lookup(const std::vector<RouterEntry> &table, uint32_t key);

/// The way a packet took through the routers: each chip whose router
/// handled it, in the order reached, with the entry it matched there (null:
/// default routing), and each link it crossed (chip * kLinks + link). The
/// entries alone fix the way: a packet matching the same ones from the
/// same PE goes the same way.
struct DeliveryTrace {
  std::vector<int64_t> routers;
  std::vector<const RouterEntry *> matched;
  std::vector<int64_t> links;
};

/// Delivers a packet with `key` injected by PE `sourcePe` exactly as the
/// routers would (first match, default routing) and returns the PEs it
/// reaches, sorted. On a dead end (no entry at the source chip, a link off
/// the mesh, a chip reached twice) returns an empty list and sets `*error`
/// (if given) to a message naming the chip. `trace`, if given, is cleared
/// and receives the way taken (the simulator's traffic statistics).
std::vector<int64_t> deliver(const Machine &machine,
                             const RoutingTables &tables, int64_t sourcePe,
                             uint32_t key, std::string *error = nullptr,
                             DeliveryTrace *trace = nullptr);

/// For a simulator delivering millions of packets: memoises deliver() per
/// (source PE, key) — a neuron's packets always take the same way. The
/// tables must outlive the cache and not change.
class RouteCache {
public:
  RouteCache(const Machine &machine, const RoutingTables &tables)
      : machine(machine), tables(tables) {}

  /// As deliver(); null on error. The pointer stays valid while the cache
  /// lives.
  const std::vector<int64_t> *deliver(int64_t sourcePe, uint32_t key,
                                      std::string *error = nullptr);

private:
  const Machine &machine;
  const RoutingTables &tables;
  std::unordered_map<uint64_t, std::vector<int64_t>> delivered;
};

/// Checks that the first and the last key of every slice with
/// destinations reach exactly the PEs of its destination slices. (Every
/// key of a slice routes alike: entries cover whole slice ranges.)
bool verifyRouting(const Machine &machine, const Partition &partition,
                   const Placement &placement,
                   const std::vector<std::vector<int64_t>> &destinations,
                   const KeyAllocation &keys, const RoutingTables &tables,
                   std::string &error);

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_ROUTE_H
