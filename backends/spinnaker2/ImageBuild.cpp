//===- ImageBuild.cpp - PE images from a mapped network -------------------===//
//
// Synapses are grouped the way a PE looks them up: by the PE of their
// target (the slice holding the post neuron), then by source slice (one key
// table entry), then by source neuron (one row, only for source neurons
// with synapses here). A source slice's rows are packed behind an index of
// their offsets, so a PE stores exactly its synapses, as the partitioner
// budgets them (mapping::peImageBytes: row header + index word per row, one
// word per synapse, plus the header and key table).
//
//===----------------------------------------------------------------------===//

#include "backends/spinnaker2/ImageBuild.h"
#include "backends/spinnaker2/ImageFormat.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <tuple>

namespace snc::spinnaker2 {

using namespace format;

namespace {

/// The slices of every population in ascending lo, and neuron -> slice.
class SliceIndex {
public:
  bool build(const manycore::Network &network,
             const mapping::Partition &partition, std::string &error) {
    size_t populations = network.populations.size();
    slicesOf.assign(populations, {});
    for (size_t s = 0; s < partition.slices.size(); ++s) {
      const mapping::Slice &slice = partition.slices[s];
      if (slice.population < 0 || size_t(slice.population) >= populations) {
        error = "slice " + std::to_string(s) + " names population " +
                std::to_string(slice.population) + ", the network has " +
                std::to_string(populations);
        return false;
      }
      slicesOf[size_t(slice.population)].push_back(int64_t(s));
    }
    los.assign(populations, {});
    for (size_t p = 0; p < populations; ++p) {
      int64_t next = 0;
      for (int64_t s : slicesOf[p]) {
        const mapping::Slice &slice = partition.slices[size_t(s)];
        if (slice.lo != next || slice.hi < slice.lo) {
          error = "slice " + std::to_string(s) + " of population '" +
                  network.populations[p].name + "' covers [" +
                  std::to_string(slice.lo) + ", " + std::to_string(slice.hi) +
                  "), expected it to start at " + std::to_string(next);
          return false;
        }
        los[p].push_back(slice.lo);
        next = slice.hi;
      }
      if (next != network.populations[p].size) {
        error = "the slices of population '" + network.populations[p].name +
                "' cover " + std::to_string(next) + " of its " +
                std::to_string(network.populations[p].size) + " neurons";
        return false;
      }
    }
    return true;
  }

  /// The slice holding neuron `k` of population `p`.
  int64_t sliceOf(int p, int64_t k) const {
    const std::vector<int64_t> &lo = los[size_t(p)];
    size_t i = size_t(std::upper_bound(lo.begin(), lo.end(), k) - lo.begin());
    return slicesOf[size_t(p)][i - 1];
  }

  std::vector<std::vector<int64_t>> slicesOf;

private:
  std::vector<std::vector<int64_t>> los;
};

bool checkMapping(const mapping::Machine &machine,
                  const mapping::Partition &partition,
                  const mapping::Placement &placement,
                  const mapping::KeyAllocation &keys,
                  const mapping::RoutingTables &tables, std::string &error) {
  size_t slices = partition.slices.size();
  if (placement.peOfSlice.size() != slices || keys.ofSlice.size() != slices) {
    error = "the partition has " + std::to_string(slices) +
            " slices, the placement " +
            std::to_string(placement.peOfSlice.size()) + ", the keys " +
            std::to_string(keys.ofSlice.size());
    return false;
  }
  if (machine.pesPerChip() <= 0 || machine.chipsX <= 0 || machine.chipsY <= 0) {
    error = "the machine has no PEs";
    return false;
  }
  if (machine.chipsX > 0xFFFF || machine.chipsY > 0xFFFF ||
      machine.pesPerQpe > 0xFFFF || machine.qpesPerChip > 0xFFFF ||
      machine.pes() > 0xFFFFFFFFLL) {
    error = "the machine is larger than the images can address";
    return false;
  }
  if (tables.byChip.size() != size_t(machine.chips())) {
    error = "routing tables are for " + std::to_string(tables.byChip.size()) +
            " chips, the machine has " + std::to_string(machine.chips());
    return false;
  }
  std::map<int64_t, size_t> sliceOnPe;
  for (size_t s = 0; s < slices; ++s) {
    int64_t pe = placement.peOfSlice[s];
    if (pe < 0 || pe >= machine.pes()) {
      error = "slice " + std::to_string(s) + " is placed on PE " +
              std::to_string(pe) + ", the machine has " +
              std::to_string(machine.pes());
      return false;
    }
    auto [at, fresh] = sliceOnPe.emplace(pe, s);
    if (!fresh) {
      error = "slices " + std::to_string(at->second) + " and " +
              std::to_string(s) + " are both placed on PE " +
              std::to_string(pe);
      return false;
    }
    const mapping::Slice &slice = partition.slices[s];
    const mapping::KeyRange &range = keys.ofSlice[s];
    int64_t n = slice.hi - slice.lo;
    if ((range.base & ~range.mask) != 0 ||
        (n > 0 && uint64_t(n) > range.size())) {
      error = "slice " + std::to_string(s) + " has " + std::to_string(n) +
              " neurons but its key range holds " +
              std::to_string(range.size()) + " keys";
      return false;
    }
    if (n - 1 > kMaxTarget) {
      error = "slice " + std::to_string(s) + " has " + std::to_string(n) +
              " neurons; images address at most " +
              std::to_string(kMaxTarget + 1) + " per PE";
      return false;
    }
  }
  return true;
}

/// Synapses into one slice: source slice -> one row per source neuron.
using Rows = std::vector<std::vector<SynapseWord>>;
using Incoming = std::map<int64_t, Rows>;

std::vector<Incoming> collectRows(const manycore::Network &network,
                                  const mapping::Partition &partition,
                                  const SliceIndex &index) {
  std::vector<Incoming> incoming(partition.slices.size());
  for (const manycore::Projection &projection : network.projections)
    for (const manycore::Synapse &s : projection.synapses) {
      int64_t source = index.sliceOf(projection.source, s.pre);
      int64_t target = index.sliceOf(projection.target, s.post);
      const mapping::Slice &from = partition.slices[size_t(source)];
      const mapping::Slice &to = partition.slices[size_t(target)];
      Rows &rows = incoming[size_t(target)][source];
      if (rows.empty())
        rows.resize(size_t(from.hi - from.lo));
      SynapseWord word;
      word.weight = int32_t(s.weight);
      word.target = uint16_t(s.post - to.lo);
      word.delay = uint8_t(s.delay);
      rows[size_t(s.pre - from.lo)].push_back(word);
    }
  // A canonical order: the bytes must not depend on how projections were
  // split or listed.
  for (Incoming &byTarget : incoming)
    for (auto &[source, rows] : byTarget)
      for (std::vector<SynapseWord> &row : rows)
        std::sort(row.begin(), row.end(),
                  [](const SynapseWord &a, const SynapseWord &b) {
                    return std::tie(a.target, a.delay, a.weight) <
                           std::tie(b.target, b.delay, b.weight);
                  });
  return incoming;
}

/// Every PE holding synapses of a sending slice must get its packets: the
/// first and last keys of the slice are followed through the tables (all
/// keys of a slice route alike, see Route.h).
bool checkDelivery(const mapping::Machine &machine,
                   const mapping::Partition &partition,
                   const mapping::Placement &placement,
                   const mapping::KeyAllocation &keys,
                   const mapping::RoutingTables &tables,
                   const std::vector<Incoming> &incoming,
                   const std::vector<char> &sends, std::string &error) {
  mapping::RouteCache cache(machine, tables);
  for (size_t target = 0; target < incoming.size(); ++target)
    for (const auto &[source, rows] : incoming[target]) {
      if (!sends[size_t(source)])
        continue;
      int64_t n = partition.slices[size_t(source)].hi -
                  partition.slices[size_t(source)].lo;
      int64_t pe = placement.peOfSlice[size_t(source)];
      int64_t want = placement.peOfSlice[target];
      for (int64_t k : {int64_t(0), n - 1}) {
        std::string message;
        const std::vector<int64_t> *reached =
            cache.deliver(pe, keys.key(source, k), &message);
        if (!reached) {
          error = "routing tables: packets of slice " + std::to_string(source) +
                  " (PE " + std::to_string(pe) + "): " + message;
          return false;
        }
        if (!std::binary_search(reached->begin(), reached->end(), want)) {
          error = "routing tables: packets of slice " + std::to_string(source) +
                  " (PE " + std::to_string(pe) + ") do not reach PE " +
                  std::to_string(want) + ", which holds their synapses";
          return false;
        }
      }
    }
  return true;
}

/// The bytes of one slice's image.
PeImage encode(const manycore::Network &network,
               const mapping::Machine &machine,
               const mapping::Partition &partition,
               const mapping::KeyAllocation &keys, size_t s, int64_t pe,
               const Incoming &incoming, bool sends) {
  const mapping::Slice &slice = partition.slices[s];
  const manycore::Population &population =
      network.populations[size_t(slice.population)];
  const runtime::IntegerNeuronFormat &f = population.format;
  size_t n = size_t(slice.hi - slice.lo);
  bool input = population.isInput;

  // Key table entries in key order, for the PE's binary search.
  struct Block {
    uint32_t key, mask;
    int64_t source;
    const Rows *rows;
    size_t storedRows, indexBytes, bytes;
  };
  std::vector<Block> blocks;
  int64_t ringDepth = 1, synapses = 0;
  for (const auto &[source, rows] : incoming) {
    size_t storedRows = 0;
    for (const std::vector<SynapseWord> &row : rows)
      storedRows += !row.empty();
    size_t indexBytes = alignTo8(storedRows * 4), blockSynapses = 0;
    for (const std::vector<SynapseWord> &row : rows) {
      blockSynapses += row.size();
      for (const SynapseWord &word : row)
        ringDepth = std::max<int64_t>(ringDepth, word.delay + 1);
    }
    synapses += int64_t(blockSynapses);
    size_t bytes = size_t(mapping::image::blockBytes(int64_t(storedRows),
                                                     int64_t(blockSynapses)));
    const mapping::KeyRange &range = keys.ofSlice[size_t(source)];
    blocks.push_back(
        {range.base, range.mask, source, &rows, storedRows, indexBytes, bytes});
  }
  std::sort(blocks.begin(), blocks.end(),
            [](const Block &a, const Block &b) { return a.key < b.key; });

  size_t sizes[kSectionCount] = {};
  sizes[kParams] = input ? 0 : n * kParamRecordSize;
  sizes[kState] = input ? 0 : n * kStateRecordSize;
  sizes[kKeyTable] = alignTo8(blocks.size() * kKeyEntrySize);
  for (const Block &block : blocks)
    sizes[kRows] += block.bytes;
  sizes[kRing] = input ? 0 : size_t(ringDepth) * n * 8;
  size_t offsets[kSectionCount];
  size_t at = kHeaderSize;
  for (int section = 0; section < kSectionCount; ++section) {
    offsets[section] = at;
    at += sizes[section];
  }

  PeImage image;
  std::vector<uint8_t> &bytes = image.bytes;
  bytes.assign(at, 0);
  mapping::PeLocation location = mapping::locate(machine, pe);
  uint32_t flags = 0;
  if (input)
    flags |= kFlagInput;
  if (sends)
    flags |= kFlagSends;
  if (!input && f.spiking)
    flags |= kFlagSpiking;
  if (!input && f.hasSynapse)
    flags |= kFlagSynapse;
  if (!input && f.adaptive)
    flags |= kFlagAdaptive;
  if (!input && f.previousCurrent)
    flags |= kFlagPreviousCurrent;
  std::memcpy(bytes.data(), kImageMagic, 8);
  put(bytes, kHeaderBytes, kHeaderSize, 4);
  put(bytes, kFlags, flags, 4);
  put(bytes, kFileBytes, at, 8);
  put(bytes, kPe, uint64_t(pe), 4);
  put(bytes, kChipX, uint64_t(location.chipX), 2);
  put(bytes, kChipY, uint64_t(location.chipY), 2);
  put(bytes, kQpe, uint64_t(location.qpe), 2);
  put(bytes, kPeInQpe, uint64_t(location.peInQpe), 2);
  put(bytes, kPopulation, uint64_t(slice.population), 4);
  put(bytes, kSlice, s, 4);
  put(bytes, kInputIndex, uint32_t(input ? population.inputIndex : -1), 4);
  putI64(bytes, kLo, slice.lo);
  putI64(bytes, kHi, slice.hi);
  put(bytes, kKeyBase, keys.ofSlice[s].base, 4);
  put(bytes, kKeyMask, keys.ofSlice[s].mask, 4);
  if (!input) {
    put(bytes, kStateBits, f.stateBits, 1);
    put(bytes, kFracBits, f.fracBits, 1);
    put(bytes, kRounding, uint64_t(f.rounding), 1);
    put(bytes, kReset, uint64_t(f.reset), 1);
    put(bytes, kDriveBits, population.driveBits, 4);
    putI64(bytes, kRefractory, f.refractory);
  }
  put(bytes, kRingDepth, uint64_t(input ? 1 : ringDepth), 4);
  put(bytes, kKeyEntries, blocks.size(), 4);
  put(bytes, kSynapseWordBytes, kSynapseWordSize, 4);
  for (int section = 0; section < kSectionCount; ++section) {
    put(bytes, kSections + 16 * size_t(section), offsets[section], 8);
    put(bytes, kSections + 16 * size_t(section) + 8, sizes[section], 8);
  }

  if (!input) {
    const runtime::IntegerNeuronParams &p = population.params;
    auto value = [](const std::vector<int64_t> &values, size_t k) {
      return values.empty() ? int64_t(0) : values[k];
    };
    for (size_t j = 0; j < n; ++j) {
      size_t k = size_t(slice.lo) + j;
      const int64_t fields[kParamFields] = {
          value(p.decay, k),     value(p.gain, k),
          value(p.bias, k),      value(p.synDecay, k),
          value(p.synGain, k),   value(p.threshold, k),
          value(p.vReset, k),    value(p.adaptDecay, k),
          value(p.adaptGain, k), value(population.driveOffset, k)};
      for (size_t field = 0; field < kParamFields; ++field)
        putI64(bytes, offsets[kParams] + j * kParamRecordSize + 8 * field,
               fields[field]);
      runtime::IntegerNeuronState initial =
          runtime::initialIntegerNeuron(f, p, k);
      const int64_t state[kStateFields] = {initial.v, initial.i, initial.a,
                                           initial.refractoryLeft};
      for (size_t field = 0; field < kStateFields; ++field)
        putI64(bytes, offsets[kState] + j * kStateRecordSize + 8 * field,
               state[field]);
    }
  }

  size_t rowsAt = 0;
  for (size_t e = 0; e < blocks.size(); ++e) {
    const Block &block = blocks[e];
    size_t entry = offsets[kKeyTable] + e * kKeyEntrySize;
    put(bytes, entry, block.key, 4);
    put(bytes, entry + 4, block.mask, 4);
    put(bytes, entry + 8, uint64_t(block.source), 4);
    put(bytes, entry + 12, rowsAt, 4);
    put(bytes, entry + 16, block.storedRows, 4);
    put(bytes, entry + 20, block.indexBytes, 4);
    size_t blockAt = offsets[kRows] + rowsAt, rowOffset = block.indexBytes;
    for (size_t j = 0, stored = 0; j < block.rows->size(); ++j) {
      const std::vector<SynapseWord> &row = (*block.rows)[j];
      if (row.empty())
        continue;
      put(bytes, blockAt + 4 * stored++, rowOffset, 4);
      size_t rowAt = blockAt + rowOffset;
      put(bytes, rowAt, row.size(), 4);
      put(bytes, rowAt + 4, j, 4);
      for (size_t w = 0; w < row.size(); ++w)
        putSynapse(bytes, rowAt + kRowHeaderSize + w * kSynapseWordSize,
                   row[w]);
      rowOffset += kRowHeaderSize + row.size() * kSynapseWordSize;
    }
    rowsAt += block.bytes;
  }
  put(bytes, kChecksum, checksum(bytes, kChecksum), 8);

  ManifestPe &info = image.info;
  info.index = pe;
  info.location = location;
  info.file = "pe_" + std::to_string(pe) + ".bin";
  info.population = slice.population;
  info.slice = int64_t(s);
  info.lo = slice.lo;
  info.hi = slice.hi;
  info.keyBase = keys.ofSlice[s].base;
  info.keyMask = keys.ofSlice[s].mask;
  info.input = input;
  info.sends = sends;
  info.ringDepth = input ? 1 : ringDepth;
  info.keyEntries = int64_t(blocks.size());
  info.synapses = synapses;
  info.memory.header = int64_t(kHeaderSize);
  info.memory.paramsState = int64_t(sizes[kParams] + sizes[kState]);
  info.memory.keyTable = int64_t(sizes[kKeyTable]);
  info.memory.synapticRows = int64_t(sizes[kRows]);
  info.memory.ringBuffers = int64_t(sizes[kRing]);
  return image;
}

} // namespace

bool buildPeImages(const manycore::Network &network,
                   const mapping::Machine &machine,
                   const mapping::Partition &partition,
                   const mapping::Placement &placement,
                   const mapping::KeyAllocation &keys,
                   const mapping::RoutingTables &tables,
                   std::vector<PeImage> &images, std::string &error) {
  SliceIndex index;
  if (!index.build(network, partition, error) ||
      !checkMapping(machine, partition, placement, keys, tables, error))
    return false;
  std::vector<Incoming> incoming = collectRows(network, partition, index);

  // A slice sends when its neurons spike (inputs, spiking populations) and
  // some PE holds synapses of it: other slices' packets would find no route.
  size_t slices = partition.slices.size();
  std::vector<char> sends(slices, 0);
  for (size_t target = 0; target < slices; ++target)
    for (const auto &[source, rows] : incoming[target]) {
      const manycore::Population &population =
          network
              .populations[size_t(partition.slices[size_t(source)].population)];
      sends[size_t(source)] = population.isInput || population.format.spiking;
    }
  if (!checkDelivery(machine, partition, placement, keys, tables, incoming,
                     sends, error))
    return false;

  images.clear();
  for (size_t s = 0; s < slices; ++s) {
    // Key table entries address rows with 32-bit offsets.
    int64_t rowBytes = 0;
    for (const auto &[source, rows] : incoming[s]) {
      size_t longest = 0;
      for (const std::vector<SynapseWord> &row : rows)
        longest = std::max(longest, row.size());
      rowBytes +=
          int64_t(rows.size() * (kRowHeaderSize + longest * kSynapseWordSize));
    }
    if (rowBytes > int64_t(UINT32_MAX)) {
      error = "slice " + std::to_string(s) + " needs " +
              std::to_string(rowBytes) +
              " bytes of synaptic rows; images address at most 4 GiB";
      return false;
    }
    images.push_back(encode(network, machine, partition, keys, s,
                            placement.peOfSlice[s], incoming[s], sends[s]));
    // The image holds the rows now: the images grow as the rows go.
    incoming[s] = {};
  }
  std::sort(images.begin(), images.end(),
            [](const PeImage &a, const PeImage &b) {
              return a.info.index < b.info.index;
            });
  return true;
}

} // namespace snc::spinnaker2
