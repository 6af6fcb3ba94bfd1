//===- RouteLookup.cpp - following packets through router tables ----------===//

#include "passes/mapping/Route.h"

#include <algorithm>
#include <cstdio>

namespace snc::mapping {

namespace {

std::string keyName(uint32_t key) {
  char text[16];
  snprintf(text, sizeof(text), "0x%08x", key);
  return text;
}

} // namespace

const RouterEntry *lookup(const std::vector<RouterEntry> &table, uint32_t key) {
  for (const RouterEntry &entry : table)
    if (entry.matches(key))
      return &entry;
  return nullptr;
}

std::vector<int64_t> deliver(const Machine &machine,
                             const RoutingTables &tables, int64_t sourcePe,
                             uint32_t key, std::string *error,
                             DeliveryTrace *trace) {
  if (trace) { // cleared, keeping the caller's capacity
    trace->routers.clear();
    trace->matched.clear();
    trace->links.clear();
  }
  auto fail = [&](std::string message) {
    if (error)
      *error = std::move(message);
    return std::vector<int64_t>();
  };
  if (sourcePe < 0 || sourcePe >= machine.pes())
    return fail("PE " + std::to_string(sourcePe) + " is not on the machine");
  if (tables.byChip.size() != size_t(machine.chips()))
    return fail("routing tables are for " +
                std::to_string(tables.byChip.size()) +
                " chips, the machine "
                "has " +
                std::to_string(machine.chips()));

  std::vector<int64_t> reached;
  std::vector<char> visited(size_t(machine.chips()), 0);
  // A work list of (chip, direction of travel on arrival or -1).
  std::vector<std::pair<int64_t, int>> pending;
  PeLocation source = locate(machine, sourcePe);
  pending.push_back(
      {int64_t(source.chipY) * machine.chipsX + source.chipX, -1});
  while (!pending.empty()) {
    auto [chip, arrival] = pending.back();
    pending.pop_back();
    int x = int(chip % machine.chipsX), y = int(chip / machine.chipsX);
    if (visited[size_t(chip)])
      return fail("packet " + keyName(key) + " reaches chip " + chipName(x, y) +
                  " twice");
    visited[size_t(chip)] = 1;

    const RouterEntry *entry = lookup(tables.byChip[size_t(chip)], key);
    if (trace) {
      trace->routers.push_back(chip);
      trace->matched.push_back(entry);
    }
    uint8_t links;
    if (entry) {
      links = entry->route.links;
      for (int pe : entry->route.pes()) {
        if (pe >= machine.pesPerChip())
          return fail("router of chip " + chipName(x, y) + " sends packet " +
                      keyName(key) + " to PE " + std::to_string(pe) +
                      ", the chip has " + std::to_string(machine.pesPerChip()));
        reached.push_back(chip * machine.pesPerChip() + pe);
      }
    } else if (arrival < 0) {
      return fail("router of chip " + chipName(x, y) +
                  " has no entry for packet " + keyName(key) +
                  " injected there");
    } else {
      links = uint8_t(1u << arrival); // default routing: straight on
    }
    for (int l = 0; l < kLinks; ++l) {
      if (!(links & (1u << l)))
        continue;
      int nx = x + linkDx(Link(l)), ny = y + linkDy(Link(l));
      if (nx < 0 || ny < 0 || nx >= machine.chipsX || ny >= machine.chipsY)
        return fail("router of chip " + chipName(x, y) + " sends packet " +
                    keyName(key) + " off the mesh by link " +
                    linkName(Link(l)));
      if (trace)
        trace->links.push_back(chip * kLinks + l);
      pending.push_back({int64_t(ny) * machine.chipsX + nx, l});
    }
  }
  std::sort(reached.begin(), reached.end());
  return reached;
}

const std::vector<int64_t> *RouteCache::deliver(int64_t sourcePe, uint32_t key,
                                                std::string *error) {
  uint64_t id = (uint64_t(sourcePe) << 32) | key;
  auto found = delivered.find(id);
  if (found != delivered.end())
    return &found->second;
  std::string message;
  std::vector<int64_t> pes =
      mapping::deliver(machine, tables, sourcePe, key, &message);
  if (!message.empty()) {
    if (error)
      *error = message;
    return nullptr;
  }
  return &delivered.emplace(id, std::move(pes)).first->second;
}

bool verifyRouting(const Machine &machine, const Partition &partition,
                   const Placement &placement,
                   const std::vector<std::vector<int64_t>> &destinations,
                   const KeyAllocation &keys, const RoutingTables &tables,
                   std::string &error) {
  if (!checkRoutingInput(machine, partition, placement, destinations, keys,
                         error))
    return false;
  for (size_t s = 0; s < partition.slices.size(); ++s) {
    if (destinations[s].empty())
      continue;
    std::vector<int64_t> expected;
    for (int64_t d : destinations[s])
      expected.push_back(placement.peOfSlice[size_t(d)]);
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()),
                   expected.end());
    int64_t n =
        std::max<int64_t>(1, partition.slices[s].hi - partition.slices[s].lo);
    for (int64_t k : {int64_t(0), n - 1}) {
      std::string message;
      std::vector<int64_t> got = deliver(
          machine, tables, placement.peOfSlice[s], keys.key(s, k), &message);
      if (!message.empty()) {
        error = "slice " + std::to_string(s) + ": " + message;
        return false;
      }
      if (got != expected) {
        auto list = [](const std::vector<int64_t> &pes) {
          std::string text;
          for (int64_t pe : pes)
            text += (text.empty() ? "" : ", ") + std::to_string(pe);
          return "[" + text + "]";
        };
        error = "slice " + std::to_string(s) + ": key " +
                keyName(keys.key(s, k)) + " reaches PEs " + list(got) +
                ", expected " + list(expected);
        return false;
      }
    }
  }
  return true;
}

} // namespace snc::mapping
