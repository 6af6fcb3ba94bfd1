//===- PacketPaths.cpp - where a PE's packets go --------------------------===//

#include "runtime/manycore/PacketPaths.h"

#include <algorithm>

namespace snc::manycore {

size_t PacketPathHash::operator()(const PacketPath &path) const {
  // FNV-1a over the three lists, each preceded by its length.
  uint64_t hash = 1469598103934665603ull;
  auto mix = [&](uint64_t value) {
    hash ^= value;
    hash *= 1099511628211ull;
  };
  mix(path.destinations.size());
  for (size_t d : path.destinations)
    mix(d);
  mix(path.links.size());
  for (int64_t l : path.links)
    mix(uint64_t(l));
  mix(path.routers.size());
  for (int64_t r : path.routers)
    mix(uint64_t(r));
  return size_t(hash);
}

const PacketPath *PacketPaths::find(int64_t sourcePe, uint32_t key,
                                    std::string &error) {
  std::string message;
  std::vector<int64_t> reached = mapping::deliver(
      machine.machine, machine.routes, sourcePe, key, &message, &trace);
  if (!message.empty()) {
    error = "packet of PE " + std::to_string(sourcePe) + ": " + message;
    return nullptr;
  }
  LastPacket &last = lastOfSource[sourcePe];
  if (last.path && last.matched == trace.matched)
    return last.path;

  PacketPath path;
  path.destinations.reserve(reached.size());
  for (int64_t pe : reached) {
    auto at = std::lower_bound(
        machine.pes.begin(), machine.pes.end(), pe,
        [](const LoadedPe &a, int64_t b) { return a.index < b; });
    if (at == machine.pes.end() || at->index != pe) {
      error = "packet of PE " + std::to_string(sourcePe) + " reaches PE " +
              std::to_string(pe) + ", which has no image";
      return nullptr;
    }
    path.destinations.push_back(size_t(at - machine.pes.begin()));
  }
  path.links = trace.links;
  path.routers = trace.routers;
  std::sort(path.routers.begin(), path.routers.end());
  last.path = &*paths.insert(std::move(path)).first;
  last.matched = trace.matched;
  return last.path;
}

} // namespace snc::manycore
