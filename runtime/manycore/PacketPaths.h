//===- PacketPaths.h - where a PE's packets go ------------------*- C++ -*-===//
//
// A neuron's packets always take the same way, so the simulator follows each
// (source PE, key) through the router tables once, with mapping::deliver
// (the router model of Route.h, with its errors), whose trace gives the
// links it crosses and the routers that handle it, for the traffic
// statistics.
//
// The neurons of one slice nearly always share their path, and a CNN's
// neuron reaches hundreds of PEs: paths are therefore stored once per
// distinct content (interned), and a key costs only the caller's pointer.
// Keeping a path per key held about 9 KB per sending neuron of a CNN.
//
// Where a packet goes depends only on the router entries it matches, chip
// by chip in the order it reaches them (DeliveryTrace). So each source PE
// remembers the entries its last packet matched and that packet's path: a
// key that matches the same entries takes that path without mapping PEs,
// sorting or hashing.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_MANYCORE_PACKETPATHS_H
#define SNC_RUNTIME_MANYCORE_PACKETPATHS_H

#include "runtime/manycore/Machine.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace snc::manycore {

struct PacketPath {
  std::vector<size_t> destinations; // indices into LoadedMachine::pes
  std::vector<int64_t> links;       // chip * kLinks + link, one per crossing
  std::vector<int64_t> routers;     // chips whose router handled the packet

  friend bool operator==(const PacketPath &a, const PacketPath &b) {
    return a.destinations == b.destinations && a.links == b.links &&
           a.routers == b.routers;
  }
};

struct PacketPathHash {
  size_t operator()(const PacketPath &path) const;
};

class PacketPaths {
public:
  explicit PacketPaths(const LoadedMachine &machine) : machine(machine) {}

  /// The path of `key` injected by PE `sourcePe`; null with `error` set if
  /// the routers cannot deliver it or it reaches a PE without an image.
  /// Follows the tables on every call: callers keep the pointer, which
  /// stays valid while this object lives.
  const PacketPath *find(int64_t sourcePe, uint32_t key, std::string &error);

  /// Distinct paths stored.
  size_t size() const { return paths.size(); }

private:
  struct LastPacket {
    std::vector<const mapping::RouterEntry *> matched;
    const PacketPath *path = nullptr;
  };

  const LoadedMachine &machine;
  std::unordered_set<PacketPath, PacketPathHash> paths;
  std::unordered_map<int64_t, LastPacket> lastOfSource;
  /// Scratch of find(), kept to avoid allocations per call.
  mapping::DeliveryTrace trace;
};

} // namespace snc::manycore

#endif // SNC_RUNTIME_MANYCORE_PACKETPATHS_H
