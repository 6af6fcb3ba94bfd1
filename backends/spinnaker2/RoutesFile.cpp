//===- RoutesFile.cpp - routes.bin, every chip's router table -------------===//

#include "backends/spinnaker2/RoutesFile.h"
#include "backends/spinnaker2/ImageFormat.h"

#include <cstring>

namespace snc::spinnaker2 {

using namespace format;

namespace {

size_t peWordsOf(const mapping::Machine &machine) {
  return (size_t(machine.pesPerChip()) + 63) / 64;
}

} // namespace

bool encodeRoutes(const mapping::Machine &machine,
                  const mapping::RoutingTables &tables,
                  std::vector<uint8_t> &bytes, std::string &error) {
  size_t chips = size_t(machine.chips());
  if (tables.byChip.size() != chips || tables.chipsX != machine.chipsX ||
      tables.chipsY != machine.chipsY) {
    error = "routing tables are for " + std::to_string(tables.byChip.size()) +
            " chips (" + std::to_string(tables.chipsX) + "x" +
            std::to_string(tables.chipsY) + "), the machine has " +
            std::to_string(chips) + " (" + std::to_string(machine.chipsX) +
            "x" + std::to_string(machine.chipsY) + ")";
    return false;
  }
  size_t words = peWordsOf(machine);
  size_t size = kRoutesCounts + 4 * chips;
  for (const auto &table : tables.byChip) {
    if (table.size() > 0xFFFFFFFFu) {
      error = "a router table has more than 2^32 entries";
      return false;
    }
    size += table.size() * routeEntrySize(words);
  }
  bytes.assign(size, 0);
  std::memcpy(bytes.data(), kRoutesMagic, 8);
  put(bytes, kRoutesChipsX, uint32_t(machine.chipsX), 4);
  put(bytes, kRoutesChipsY, uint32_t(machine.chipsY), 4);
  put(bytes, kRoutesPesPerChip, uint32_t(machine.pesPerChip()), 4);
  put(bytes, kRoutesPeWords, uint32_t(words), 4);
  put(bytes, kRoutesFileBytes, size, 8);
  size_t at = kRoutesCounts + 4 * chips;
  for (size_t chip = 0; chip < chips; ++chip) {
    const auto &table = tables.byChip[chip];
    put(bytes, kRoutesCounts + 4 * chip, uint32_t(table.size()), 4);
    for (const mapping::RouterEntry &entry : table) {
      put(bytes, at, entry.key, 4);
      put(bytes, at + 4, entry.mask, 4);
      put(bytes, at + 8, entry.route.links, 4);
      std::vector<int> pes = entry.route.pes();
      if (!pes.empty() && pes.back() >= machine.pesPerChip()) {
        error = "router of chip " +
                mapping::chipName(int(chip % size_t(machine.chipsX)),
                                  int(chip / size_t(machine.chipsX))) +
                " routes to PE " + std::to_string(pes.back()) +
                ", the chip has " + std::to_string(machine.pesPerChip());
        return false;
      }
      for (size_t w = 0; w < entry.route.peWords.size(); ++w)
        put(bytes, at + 16 + 8 * w, entry.route.peWords[w], 8);
      at += routeEntrySize(words);
    }
  }
  put(bytes, kRoutesChecksum, checksum(bytes, kRoutesChecksum), 8);
  return true;
}

bool decodeRoutes(const std::vector<uint8_t> &bytes,
                  const mapping::Machine &machine,
                  mapping::RoutingTables &tables, std::string &error) {
  if (bytes.size() < kRoutesCounts ||
      std::memcmp(bytes.data(), kRoutesPrefix, 7) != 0) {
    error = "bad magic (not an snc SpiNNaker2 routes file)";
    return false;
  }
  if (bytes[7] != uint8_t(kVersion)) {
    error = std::string("routes format version '") + char(bytes[7]) +
            "', this reader reads '" + kVersion + "'";
    return false;
  }
  const uint8_t *data = bytes.data();
  uint64_t fileBytes = get(data + kRoutesFileBytes, 8);
  if (fileBytes != bytes.size()) {
    error = "truncated or padded: the header says " +
            std::to_string(fileBytes) + " bytes, the file has " +
            std::to_string(bytes.size());
    return false;
  }
  if (get(data + kRoutesChecksum, 8) != checksum(bytes, kRoutesChecksum)) {
    error = "checksum mismatch (the file is corrupt)";
    return false;
  }
  size_t chips = size_t(machine.chips());
  size_t words = peWordsOf(machine);
  if (get(data + kRoutesChipsX, 4) != uint64_t(machine.chipsX) ||
      get(data + kRoutesChipsY, 4) != uint64_t(machine.chipsY) ||
      get(data + kRoutesPesPerChip, 4) != uint64_t(machine.pesPerChip()) ||
      get(data + kRoutesPeWords, 4) != words) {
    error = "tables for a " + std::to_string(get(data + kRoutesChipsX, 4)) +
            "x" + std::to_string(get(data + kRoutesChipsY, 4)) + " mesh of " +
            std::to_string(get(data + kRoutesPesPerChip, 4)) +
            " PEs per chip, the manifest's machine is " +
            std::to_string(machine.chipsX) + "x" +
            std::to_string(machine.chipsY) + " of " +
            std::to_string(machine.pesPerChip());
    return false;
  }
  if (bytes.size() < kRoutesCounts + 4 * chips) {
    error = "truncated entry counts";
    return false;
  }
  size_t entryBytes = routeEntrySize(words);
  uint64_t size = kRoutesCounts + 4 * chips;
  for (size_t chip = 0; chip < chips; ++chip)
    size += get(data + kRoutesCounts + 4 * chip, 4) * entryBytes;
  if (size != bytes.size()) {
    error = "the entry counts need " + std::to_string(size) +
            " bytes, the file has " + std::to_string(bytes.size());
    return false;
  }
  tables = mapping::RoutingTables();
  tables.chipsX = machine.chipsX;
  tables.chipsY = machine.chipsY;
  tables.byChip.resize(chips);
  size_t at = kRoutesCounts + 4 * chips;
  for (size_t chip = 0; chip < chips; ++chip) {
    uint64_t count = get(data + kRoutesCounts + 4 * chip, 4);
    for (uint64_t e = 0; e < count; ++e, at += entryBytes) {
      mapping::RouterEntry entry;
      entry.key = uint32_t(get(data + at, 4));
      entry.mask = uint32_t(get(data + at + 4, 4));
      uint64_t links = get(data + at + 8, 4);
      if (links >> mapping::kLinks || get(data + at + 12, 4) != 0) {
        error = "chip " + std::to_string(chip) + " entry " + std::to_string(e) +
                ": unknown link bits";
        return false;
      }
      entry.route.links = uint8_t(links);
      for (size_t w = 0; w < words; ++w) {
        uint64_t bits = get(data + at + 16 + 8 * w, 8);
        for (int b = 0; b < 64; ++b) {
          if (!(bits >> b & 1))
            continue;
          int pe = int(w * 64) + b;
          if (pe >= machine.pesPerChip()) {
            error = "chip " + std::to_string(chip) + " entry " +
                    std::to_string(e) + ": routes to PE " + std::to_string(pe) +
                    ", the chip has " + std::to_string(machine.pesPerChip());
            return false;
          }
          entry.route.addPe(pe);
        }
      }
      tables.byChip[chip].push_back(std::move(entry));
    }
  }
  return true;
}

} // namespace snc::spinnaker2
