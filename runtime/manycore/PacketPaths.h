//===- PacketPaths.h - where a PE's packets go ------------------*- C++ -*-===//
//
// A neuron's packets always take the same way, so the simulator follows each
// (source PE, key) through the router tables once: mapping::RouteCache gives
// the PEs it reaches (the router model of Route.h, with its errors), and a
// walk of the same tables gives the links it crosses and the routers that
// handle it, for the traffic statistics.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_MANYCORE_PACKETPATHS_H
#define SNC_RUNTIME_MANYCORE_PACKETPATHS_H

#include "runtime/manycore/Machine.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace snc::manycore {

struct PacketPath {
  std::vector<size_t> destinations; // indices into LoadedMachine::pes
  std::vector<int64_t> links;       // chip * kLinks + link, one per crossing
  std::vector<int64_t> routers;     // chips whose router handled the packet
};

class PacketPaths {
public:
  explicit PacketPaths(const LoadedMachine &machine);

  /// The path of `key` injected by PE `sourcePe`; null with `error` set if
  /// the routers cannot deliver it or it reaches a PE without an image.
  const PacketPath *find(int64_t sourcePe, uint32_t key, std::string &error);

private:
  bool walk(int64_t sourcePe, uint32_t key, PacketPath &path,
            std::string &error) const;

  const LoadedMachine &machine;
  mapping::RouteCache cache;
  std::unordered_map<uint64_t, PacketPath> paths;
};

} // namespace snc::manycore

#endif // SNC_RUNTIME_MANYCORE_PACKETPATHS_H
