//===- TableCompression.cpp - router table minimisation -------------------===//

#include "passes/mapping/TableCompression.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace snc::mapping {

namespace {

/// Set bits; portable and inlined (the builtin may call into libgcc).
int popcount(uint32_t x) {
  x = x - ((x >> 1) & 0x55555555u);
  x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
  return int((((x + (x >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24);
}

int lowestBit(uint32_t x) { return popcount((x & (~x + 1)) - 1); }

int generality(uint32_t mask) { return popcount(~mask); }

bool intersect(uint32_t keyA, uint32_t maskA, uint32_t keyB, uint32_t maskB) {
  return ((keyA ^ keyB) & maskA & maskB) == 0;
}

/// ~mask is all ones below some bit: the keys form one aligned interval.
bool isPrefixMask(uint32_t mask) {
  uint32_t low = ~mask;
  return (low & (low + 1)) == 0;
}

/// A table entry while minimising: the route interned as an index.
struct Entry {
  uint32_t key = 0, mask = 0;
  int route = 0;
  int8_t arrival = -1;
  /// Index into the alias store: the original key ranges a merged entry
  /// stands for. -1: the entry's own range.
  int aliases = -1;
};

bool overlapFree(const std::vector<RouterEntry> &table) {
  bool prefix = std::all_of(table.begin(), table.end(),
                            [](const auto &e) { return isPrefixMask(e.mask); });
  if (prefix) {
    // Aligned intervals are nested or disjoint: sort and compare neighbours.
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    for (const RouterEntry &e : table)
      spans.push_back({e.key, e.key | ~e.mask});
    std::sort(spans.begin(), spans.end());
    for (size_t i = 1; i < spans.size(); ++i)
      if (spans[i].first <= spans[i - 1].second)
        return false;
    return true;
  }
  for (size_t i = 0; i < table.size(); ++i)
    for (size_t j = i + 1; j < table.size(); ++j)
      if (intersect(table[i].key, table[i].mask, table[j].key, table[j].mask))
        return false;
  return true;
}

/// Step 2: merges pairs of equal route and mask whose keys differ only in
/// the lowest bit of the mask; the merged entry covers exactly the pair, so
/// in an orthogonal table its position does not matter.
void mergeBuddies(std::vector<Entry> &table) {
  struct Id {
    uint32_t key, mask;
    int route;
    bool operator==(const Id &o) const {
      return key == o.key && mask == o.mask && route == o.route;
    }
  };
  struct IdHash {
    size_t operator()(const Id &id) const {
      uint64_t h = (uint64_t(id.key) << 32 | id.mask) * 0x9e3779b97f4a7c15ULL;
      return size_t(h ^ (h >> 32) ^ uint64_t(id.route) * 0xbf58476d1ce4e5b9ULL);
    }
  };
  bool changed = true;
  while (changed) {
    changed = false;
    std::unordered_map<Id, size_t, IdHash> seen;
    std::vector<char> gone(table.size(), 0);
    for (size_t i = 0; i < table.size(); ++i) {
      Entry &e = table[i];
      if (e.mask == 0)
        continue;
      uint32_t low = e.mask & (~e.mask + 1);
      auto partner = seen.find(Id{e.key ^ low, e.mask, e.route});
      if (partner == seen.end()) {
        seen.emplace(Id{e.key, e.mask, e.route}, i);
        continue;
      }
      Entry &kept = table[partner->second];
      kept.key &= ~low;
      kept.mask &= ~low;
      if (kept.arrival != e.arrival)
        kept.arrival = -1;
      gone[i] = 1;
      seen.erase(partner); // the kept entry has a new key and mask
      changed = true;
    }
    size_t out = 0;
    for (size_t i = 0; i < table.size(); ++i)
      if (!gone[i])
        table[out++] = table[i];
    table.resize(out);
  }
}

/// Step 3: ordered covering over a table sorted by increasing generality.
class OrderedCovering {
public:
  OrderedCovering(std::vector<Entry> &table,
                  const std::vector<KeyRange> &defaultRouted, int routes)
      : table(table), byRoute(size_t(routes)) {
    passing = defaultRouted;
    std::sort(
        passing.begin(), passing.end(),
        [](const KeyRange &a, const KeyRange &b) { return a.base < b.base; });
    uint32_t most = 0;
    for (const KeyRange &range : passing) {
      most = std::max(most, range.last());
      passingMaxLast.push_back(most);
    }
  }

  void run() {
    while (true) {
      noteMergedPositions();
      Merge best;
      int bestGoodness = 0;
      for (const std::vector<int> &members : candidates()) {
        if (int(members.size()) - 1 <= bestGoodness)
          break; // sorted by size: none of the rest can win
        Merge merge;
        merge.members = members;
        if (refine(merge, bestGoodness)) {
          bestGoodness = merge.goodness();
          best = std::move(merge);
        }
      }
      if (bestGoodness <= 0)
        return;
      apply(best);
    }
  }

private:
  struct Merge {
    std::vector<int> members; // table positions, ascending
    uint32_t key = 0, mask = 0;
    int insertion = 0;
    int goodness() const { return int(members.size()) - 1; }
  };

  std::vector<Entry> &table;
  std::vector<std::vector<KeyRange>> aliasStore;
  std::vector<KeyRange> passing; // default-routed ranges, by base
  std::vector<uint32_t> passingMaxLast;
  std::vector<std::vector<int>> byRoute;
  std::vector<int> mergedPositions; // entries made here, ascending
  std::vector<KeyRange> covered;

  void noteMergedPositions() {
    mergedPositions.clear();
    for (size_t i = 0; i < table.size(); ++i)
      if (table[i].aliases >= 0)
        mergedPositions.push_back(int(i));
  }

  /// All entries of each route with at least two entries, largest first,
  /// ties by the first entry's position.
  std::vector<std::vector<int>> candidates() {
    for (auto &positions : byRoute)
      positions.clear();
    for (size_t i = 0; i < table.size(); ++i)
      byRoute[size_t(table[i].route)].push_back(int(i));
    std::vector<std::vector<int>> result;
    for (auto &positions : byRoute)
      if (positions.size() >= 2)
        result.push_back(positions);
    std::sort(result.begin(), result.end(), [](const auto &a, const auto &b) {
      if (a.size() != b.size())
        return a.size() > b.size();
      return a.front() < b.front();
    });
    return result;
  }

  /// The covering key and mask of the members, and where the merged entry
  /// goes: before the first entry at least as general.
  void compute(Merge &merge) const {
    uint32_t allOnes = ~0u, anyOnes = 0, allCare = ~0u;
    for (int p : merge.members) {
      allOnes &= table[size_t(p)].key;
      anyOnes |= table[size_t(p)].key;
      allCare &= table[size_t(p)].mask;
    }
    merge.mask = allCare & ~(anyOnes & ~allOnes);
    merge.key = allOnes & merge.mask;
    int g = generality(merge.mask);
    auto first =
        std::partition_point(table.begin(), table.end(), [&](const Entry &e) {
          return generality(e.mask) < g;
        });
    merge.insertion = int(first - table.begin());
  }

  /// Collects into `covered` the protected ranges the merged entry would
  /// wrongly capture: aliases of entries of other routes below it, and
  /// default-routed ranges. Entries of the merge's own route may be
  /// captured: their packets go the same way.
  void collectCovered(const Merge &merge, int route) {
    covered.clear();
    for (size_t p = size_t(merge.insertion); p < table.size(); ++p) {
      const Entry &e = table[p];
      if (e.route == route || !intersect(e.key, e.mask, merge.key, merge.mask))
        continue;
      if (e.aliases < 0) {
        covered.push_back({e.key, e.mask});
        continue;
      }
      for (const KeyRange &alias : aliasStore[size_t(e.aliases)])
        if (intersect(alias.base, alias.mask, merge.key, merge.mask))
          covered.push_back(alias);
    }
    uint32_t lo = merge.key, hi = merge.key | ~merge.mask;
    size_t i = size_t(
        std::lower_bound(passingMaxLast.begin(), passingMaxLast.end(), lo) -
        passingMaxLast.begin());
    for (; i < passing.size() && passing[i].base <= hi; ++i)
      if (intersect(passing[i].base, passing[i].mask, merge.key, merge.mask))
        covered.push_back(passing[i]);
  }

  void removeMembers(Merge &merge, const std::vector<char> &drop) {
    std::vector<int> kept;
    for (size_t i = 0; i < merge.members.size(); ++i)
      if (!drop[i])
        kept.push_back(merge.members[i]);
    merge.members = std::move(kept);
  }

  /// The down-check: drops members until the merged entry covers no
  /// protected range. False (and no members) once the merge is no better
  /// than `minGoodness`.
  bool downCheck(Merge &merge, int minGoodness) {
    int route = table[size_t(merge.members.front())].route;
    while (merge.goodness() > minGoodness) {
      compute(merge);
      collectCovered(merge, route);
      if (covered.empty())
        return true;
      // The ranges with the fewest bits that are don't-care in the merge
      // but not in the range constrain most which members must go. For
      // each such bit the merged entry must take the value the range does
      // not have: collect the wanted values as two bit sets.
      int fewest = 33;
      uint32_t wantOne = 0, wantZero = 0;
      for (const KeyRange &range : covered) {
        uint32_t settable = range.mask & ~merge.mask;
        int n = popcount(settable);
        if (n > fewest)
          continue;
        if (n < fewest) {
          fewest = n;
          wantOne = wantZero = 0;
        }
        wantOne |= settable & ~range.base;
        wantZero |= settable & range.base;
        if (fewest == 0)
          break;
      }
      if (fewest == 0)
        break; // a range inside every possible merged entry: give up
      // Setting a bit to a value means dropping the members with a
      // don't-care or the other value there; take the fewest drops,
      // preferring high bits, then 1s. One pass counts them for every bit.
      uint32_t wanted = wantOne | wantZero;
      std::array<int, 32> dontCare{}, ones{};
      for (int p : merge.members) {
        const Entry &e = table[size_t(p)];
        for (uint32_t bits = wanted; bits; bits &= bits - 1) {
          int b = lowestBit(bits);
          if (!(e.mask >> b & 1))
            ++dontCare[size_t(b)];
          else if (e.key >> b & 1)
            ++ones[size_t(b)];
        }
      }
      int members = int(merge.members.size());
      int bestCount = members + 1, bestBit = 0;
      bool bestValue = false;
      for (int b = 31; b >= 0; --b)
        for (bool value : {true, false}) {
          if (!((value ? wantOne : wantZero) >> b & 1))
            continue;
          int zeros = members - dontCare[size_t(b)] - ones[size_t(b)];
          int count = dontCare[size_t(b)] + (value ? zeros : ones[size_t(b)]);
          if (count < bestCount) {
            bestCount = count;
            bestBit = b;
            bestValue = value;
          }
        }
      std::vector<char> bestDrop(merge.members.size(), 0);
      for (size_t i = 0; i < merge.members.size(); ++i) {
        const Entry &e = table[size_t(merge.members[i])];
        bestDrop[i] =
            !(e.mask >> bestBit & 1) || bool(e.key >> bestBit & 1) != bestValue;
      }
      removeMembers(merge, bestDrop);
    }
    merge.members.clear();
    return false;
  }

  /// The up-check: drops members that would move down past an entry of
  /// another route intersecting them. Sets `changed` if any went.
  bool upCheck(Merge &merge, int minGoodness, bool &changed) {
    int route = table[size_t(merge.members.front())].route;
    compute(merge);
    std::vector<int> order(merge.members.rbegin(), merge.members.rend());
    for (int p : order) {
      const Entry &member = table[size_t(p)];
      bool blocked = false;
      auto check = [&](int q) {
        const Entry &other = table[size_t(q)];
        if (other.route != route &&
            intersect(member.key, member.mask, other.key, other.mask))
          blocked = true;
      };
      if (member.aliases < 0) {
        // Entries from the input are disjoint: only merged ones can clash.
        auto from =
            std::upper_bound(mergedPositions.begin(), mergedPositions.end(), p);
        for (; !blocked && from != mergedPositions.end() &&
               *from < merge.insertion;
             ++from)
          check(*from);
      } else {
        for (int q = p + 1; !blocked && q < merge.insertion; ++q)
          check(q);
      }
      if (!blocked)
        continue;
      merge.members.erase(
          std::find(merge.members.begin(), merge.members.end(), p));
      changed = true;
      if (merge.goodness() <= minGoodness) {
        merge.members.clear();
        return false;
      }
      compute(merge);
    }
    return true;
  }

  /// A valid merge better than `minGoodness`, or false.
  bool refine(Merge &merge, int minGoodness) {
    if (!downCheck(merge, minGoodness))
      return false;
    bool changed = false;
    if (!upCheck(merge, minGoodness, changed))
      return false;
    // Dropping members makes the entry less general, so it moves up: the
    // up-check still holds, but it may now cover other entries.
    if (changed && !downCheck(merge, minGoodness))
      return false;
    return merge.goodness() > minGoodness;
  }

  void apply(const Merge &merge) {
    Entry merged;
    merged.key = merge.key;
    merged.mask = merge.mask;
    merged.route = table[size_t(merge.members.front())].route;
    merged.arrival = table[size_t(merge.members.front())].arrival;
    std::vector<KeyRange> aliases;
    std::vector<char> member(table.size(), 0);
    for (int p : merge.members) {
      Entry &e = table[size_t(p)];
      member[size_t(p)] = 1;
      if (e.arrival != merged.arrival)
        merged.arrival = -1;
      if (e.aliases < 0) {
        aliases.push_back({e.key, e.mask});
      } else {
        std::vector<KeyRange> &old = aliasStore[size_t(e.aliases)];
        aliases.insert(aliases.end(), old.begin(), old.end());
        std::vector<KeyRange>().swap(old);
      }
    }
    merged.aliases = int(aliasStore.size());
    aliasStore.push_back(std::move(aliases));

    std::vector<Entry> next;
    next.reserve(table.size() - merge.members.size() + 1);
    for (size_t i = 0; i <= table.size(); ++i) {
      if (int(i) == merge.insertion)
        next.push_back(merged);
      if (i < table.size() && !member[i])
        next.push_back(table[i]);
    }
    table = std::move(next);
  }
};

} // namespace

bool compressTable(std::vector<RouterEntry> &table,
                   std::vector<KeyRange> &defaultRouted,
                   CompressionReport &report, std::string &error) {
  report.before = int64_t(table.size());
  report.defaultRoutable = 0;
  report.after = report.before;

  // Entries with key bits outside their mask match nothing.
  table.erase(std::remove_if(
                  table.begin(), table.end(),
                  [](const RouterEntry &e) { return (e.key & ~e.mask) != 0; }),
              table.end());
  if (!overlapFree(table)) {
    error = "router of chip " + chipName(report.x, report.y) +
            ": entries overlap; table compression needs a table in which no "
            "key matches two entries";
    return false;
  }

  // Step 1. In an orthogonal table nothing below catches the keys instead.
  std::vector<RouterEntry> kept;
  for (RouterEntry &e : table) {
    if (e.arrival >= 0 && e.route.peWords.empty() &&
        e.route.links == uint8_t(1u << e.arrival)) {
      defaultRouted.push_back({e.key, e.mask});
      ++report.defaultRoutable;
      continue;
    }
    kept.push_back(std::move(e));
  }

  std::vector<Route> routes;
  std::unordered_map<Route, int, RouteHash> routeIds;
  std::vector<Entry> entries;
  for (RouterEntry &e : kept) {
    auto [it, added] = routeIds.emplace(e.route, int(routes.size()));
    if (added)
      routes.push_back(std::move(e.route));
    Entry entry;
    entry.key = e.key;
    entry.mask = e.mask;
    entry.route = it->second;
    entry.arrival = e.arrival;
    entries.push_back(entry);
  }

  mergeBuddies(entries);
  // Any order routes an orthogonal table alike; ordered covering needs
  // increasing generality. Ties by key keep the result deterministic.
  std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
    int ga = generality(a.mask), gb = generality(b.mask);
    return ga != gb ? ga < gb : a.key < b.key;
  });
  OrderedCovering(entries, defaultRouted, int(routes.size())).run();

  table.clear();
  for (const Entry &e : entries) {
    RouterEntry out;
    out.key = e.key;
    out.mask = e.mask;
    out.route = routes[size_t(e.route)];
    out.arrival = e.arrival;
    table.push_back(std::move(out));
  }
  report.after = int64_t(table.size());
  return true;
}

bool compressTables(RoutingTables &tables, int64_t maxEntries,
                    std::vector<CompressionReport> &reports,
                    std::string &error) {
  reports.clear();
  tables.defaultRouted.resize(tables.byChip.size());
  int chipsX = std::max(tables.chipsX, 1);
  const CompressionReport *worst = nullptr;
  int64_t overflowing = 0;
  for (size_t chip = 0; chip < tables.byChip.size(); ++chip) {
    CompressionReport report;
    report.chip = int64_t(chip);
    report.x = int(int64_t(chip) % chipsX);
    report.y = int(int64_t(chip) / chipsX);
    if (!compressTable(tables.byChip[chip], tables.defaultRouted[chip], report,
                       error))
      return false;
    reports.push_back(report);
  }
  for (const CompressionReport &report : reports)
    if (maxEntries > 0 && report.after > maxEntries) {
      ++overflowing;
      if (!worst || report.after > worst->after)
        worst = &report;
    }
  if (!worst)
    return true;
  error = "router of chip " + chipName(worst->x, worst->y) + " needs " +
          std::to_string(worst->after) +
          " entries after compression, the table holds " +
          std::to_string(maxEntries);
  if (overflowing > 1)
    error += " (" + std::to_string(overflowing) + " routers overflow)";
  return false;
}

} // namespace snc::mapping
