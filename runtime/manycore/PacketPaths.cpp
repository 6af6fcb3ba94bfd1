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
  scratch.links.clear();
  scratch.routers.clear();
  bool walked = walk(sourcePe, key, matched, scratch);
  LastPacket &last = lastOfSource[sourcePe];
  if (walked && last.path && last.matched == matched)
    return last.path;

  std::string message;
  std::vector<int64_t> reached = mapping::deliver(
      machine.machine, machine.routes, sourcePe, key, &message);
  if (!message.empty() || !walked) {
    error = "packet of PE " + std::to_string(sourcePe) + ": " +
            (message.empty() ? "cannot be followed" : message);
    return nullptr;
  }
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
  path.links = scratch.links;
  path.routers = scratch.routers;
  std::sort(path.routers.begin(), path.routers.end());
  last.path = &*paths.insert(std::move(path)).first;
  last.matched = matched;
  return last.path;
}

bool PacketPaths::walk(int64_t sourcePe, uint32_t key,
                       std::vector<const mapping::RouterEntry *> &matched,
                       PacketPath &path) const {
  // The traversal of mapping::deliver (first match, default routing
  // straight on, the same work-list order), recording entries, links and
  // routers instead of PEs.
  const mapping::Machine &m = machine.machine;
  matched.clear();
  if (sourcePe < 0 || sourcePe >= m.pes() ||
      machine.routes.byChip.size() != size_t(m.chips()))
    return false;
  mapping::PeLocation source = mapping::locate(m, sourcePe);
  std::vector<std::pair<int64_t, int>> pending = {
      {int64_t(source.chipY) * m.chipsX + source.chipX, -1}};
  while (!pending.empty()) {
    auto [chip, arrival] = pending.back();
    pending.pop_back();
    if (path.routers.size() >= size_t(m.chips()))
      return false;
    path.routers.push_back(chip);
    const mapping::RouterEntry *entry =
        mapping::lookup(machine.routes.byChip[size_t(chip)], key);
    matched.push_back(entry);
    uint8_t links = entry          ? entry->route.links
                    : arrival >= 0 ? uint8_t(1u << arrival)
                                   : 0;
    int x = int(chip % m.chipsX), y = int(chip / m.chipsX);
    for (int l = 0; l < mapping::kLinks; ++l) {
      if (!(links >> l & 1))
        continue;
      int nx = x + mapping::linkDx(mapping::Link(l));
      int ny = y + mapping::linkDy(mapping::Link(l));
      if (nx < 0 || ny < 0 || nx >= m.chipsX || ny >= m.chipsY)
        return false;
      path.links.push_back(chip * mapping::kLinks + l);
      pending.push_back({int64_t(ny) * m.chipsX + nx, l});
    }
  }
  return true;
}

} // namespace snc::manycore
