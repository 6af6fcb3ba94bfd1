//===- ImageDecode.cpp - one PE image, bytes to LoadedPe ------------------===//
//
// Every check the simulator would otherwise need happens here, once: after
// decodeImage, row walks cannot leave the rows section, targets index the
// slice and delays index the ring buffer.
//
//===----------------------------------------------------------------------===//

#include "backends/spinnaker2/ImageDecode.h"
#include "backends/spinnaker2/ImageFormat.h"

#include <cstring>

namespace snc::spinnaker2 {

using namespace format;

namespace {

/// Header reads; decodeImage has checked that `data` holds a whole header.
struct Header {
  const uint8_t *data;
  uint64_t u(size_t at, int bytes) const { return get(data + at, bytes); }
  int64_t i64(size_t at) const { return getI64(data + at); }
};

bool decodeHeader(const std::vector<uint8_t> &bytes,
                  const mapping::Machine &machine, LoadedPe &pe,
                  std::string &error) {
  Header h{bytes.data()};
  uint32_t flags = uint32_t(h.u(kFlags, 4));
  if (flags & ~uint32_t(kKnownFlags)) {
    error = "unknown flags " + std::to_string(flags);
    return false;
  }
  if (h.u(kSynapseWordBytes, 4) != kSynapseWordSize || h.u(kReserved, 4)) {
    error = "synapse words of " + std::to_string(h.u(kSynapseWordBytes, 4)) +
            " bytes, this reader reads " + std::to_string(kSynapseWordSize);
    return false;
  }
  pe.index = int64_t(h.u(kPe, 4));
  if (pe.index >= machine.pes()) {
    error = "PE " + std::to_string(pe.index) + " is not on the machine (" +
            std::to_string(machine.pes()) + " PEs)";
    return false;
  }
  pe.location = mapping::locate(machine, pe.index);
  if (h.u(kChipX, 2) != uint64_t(pe.location.chipX) ||
      h.u(kChipY, 2) != uint64_t(pe.location.chipY) ||
      h.u(kQpe, 2) != uint64_t(pe.location.qpe) ||
      h.u(kPeInQpe, 2) != uint64_t(pe.location.peInQpe)) {
    error = "the chip, QPE and PE fields do not match PE " +
            std::to_string(pe.index);
    return false;
  }
  pe.population = int(h.u(kPopulation, 4));
  pe.slice = int64_t(h.u(kSlice, 4));
  pe.inputIndex = int32_t(uint32_t(h.u(kInputIndex, 4)));
  pe.lo = h.i64(kLo);
  pe.hi = h.i64(kHi);
  pe.input = flags & kFlagInput;
  pe.sends = flags & kFlagSends;
  pe.keyBase = uint32_t(h.u(kKeyBase, 4));
  pe.keyMask = uint32_t(h.u(kKeyMask, 4));
  if (pe.lo < 0 || pe.hi < pe.lo || pe.hi - pe.lo > kMaxTarget + 1) {
    error = "bad slice [" + std::to_string(pe.lo) + ", " +
            std::to_string(pe.hi) + ")";
    return false;
  }
  mapping::KeyRange range{pe.keyBase, pe.keyMask};
  if ((pe.keyBase & ~pe.keyMask) || uint64_t(pe.neurons()) > range.size()) {
    error = "key range does not hold the slice's neurons";
    return false;
  }
  if (pe.input != (pe.inputIndex >= 0)) {
    error = "input flag and input index disagree";
    return false;
  }
  pe.ringDepth = int64_t(h.u(kRingDepth, 4));
  if (pe.ringDepth < 1 || pe.ringDepth > kMaxDelay + 1) {
    error = "ring depth " + std::to_string(pe.ringDepth) + " outside 1.." +
            std::to_string(kMaxDelay + 1);
    return false;
  }
  if (pe.input)
    return true;
  runtime::IntegerNeuronFormat &f = pe.format;
  f.stateBits = unsigned(h.u(kStateBits, 1));
  f.fracBits = unsigned(h.u(kFracBits, 1));
  uint64_t rounding = h.u(kRounding, 1), reset = h.u(kReset, 1);
  f.spiking = flags & kFlagSpiking;
  f.hasSynapse = flags & kFlagSynapse;
  f.adaptive = flags & kFlagAdaptive;
  f.previousCurrent = flags & kFlagPreviousCurrent;
  f.refractory = h.i64(kRefractory);
  pe.driveBits = unsigned(h.u(kDriveBits, 4));
  if (f.stateBits < 2 || f.stateBits > 64 || f.fracBits > 64 || rounding > 3 ||
      reset > 2 || pe.driveBits < 2 || pe.driveBits > 64 || f.refractory < 0) {
    error = "neuron format out of range (state bits " +
            std::to_string(f.stateBits) + ", frac bits " +
            std::to_string(f.fracBits) + ", rounding " +
            std::to_string(rounding) + ", reset " + std::to_string(reset) +
            ", drive bits " + std::to_string(pe.driveBits) + ")";
    return false;
  }
  f.rounding = runtime::Rounding(rounding);
  f.reset = runtime::ResetMode(reset);
  return true;
}

bool decodeSections(const std::vector<uint8_t> &bytes, uint64_t offsets[],
                    uint64_t sizes[], const LoadedPe &pe, std::string &error) {
  uint64_t n = uint64_t(pe.neurons());
  uint64_t entries = get(bytes.data() + kKeyEntries, 4);
  uint64_t expected[kSectionCount] = {
      pe.input ? 0 : n * kParamRecordSize, pe.input ? 0 : n * kStateRecordSize,
      alignTo8(entries * kKeyEntrySize), 0,
      pe.input ? 0 : uint64_t(pe.ringDepth) * n * 8};
  uint64_t end = kHeaderSize;
  for (int s = 0; s < kSectionCount; ++s) {
    offsets[s] = get(bytes.data() + kSections + 16 * size_t(s), 8);
    sizes[s] = get(bytes.data() + kSections + 16 * size_t(s) + 8, 8);
    std::string name = sectionName(Section(s));
    if (offsets[s] < end || offsets[s] % 8 || offsets[s] > bytes.size() ||
        sizes[s] > bytes.size() - offsets[s]) {
      error = name + " section at " + std::to_string(offsets[s]) + " (" +
              std::to_string(sizes[s]) +
              " bytes) overlaps another or leaves the file";
      return false;
    }
    if (s != kRows && sizes[s] != expected[s]) {
      error = name + " section has " + std::to_string(sizes[s]) +
              " bytes, expected " + std::to_string(expected[s]);
      return false;
    }
    end = offsets[s] + sizes[s];
  }
  if (pe.input && (entries || sizes[kRows])) {
    error = "an input PE holds synapses";
    return false;
  }
  return true;
}

bool decodeKeyTable(const std::vector<uint8_t> &bytes, const uint64_t offsets[],
                    const uint64_t sizes[], LoadedPe &pe, std::string &error) {
  uint64_t entries = get(bytes.data() + kKeyEntries, 4);
  const uint8_t *rows = bytes.data() + offsets[kRows];
  for (uint64_t e = 0; e < entries; ++e) {
    const uint8_t *at = bytes.data() + offsets[kKeyTable] + e * kKeyEntrySize;
    KeyTableEntry entry;
    entry.key = uint32_t(get(at, 4));
    entry.mask = uint32_t(get(at + 4, 4));
    entry.sourceSlice = uint32_t(get(at + 8, 4));
    entry.rowsOffset = uint32_t(get(at + 12, 4));
    entry.rowCount = uint32_t(get(at + 16, 4));
    entry.rowIndexBytes = uint32_t(get(at + 20, 4));
    std::string name = "key table entry " + std::to_string(e);
    mapping::KeyRange range{entry.key, entry.mask};
    if ((entry.key & ~entry.mask) || entry.rowCount > range.size()) {
      error = name + ": key range does not hold its rows";
      return false;
    }
    if (!pe.keyTable.empty() &&
        entry.key <=
            mapping::KeyRange{pe.keyTable.back().key, pe.keyTable.back().mask}
                .last()) {
      error = name + ": keys not ascending or overlapping";
      return false;
    }
    if (entry.rowIndexBytes != alignTo8(uint64_t(entry.rowCount) * 4) ||
        entry.rowsOffset % 8 ||
        uint64_t(entry.rowsOffset) + entry.rowIndexBytes > sizes[kRows]) {
      error = name + ": rows leave the rows section";
      return false;
    }
    const uint8_t *block = rows + entry.rowsOffset;
    uint64_t nextSource = 0;
    for (uint32_t r = 0; r < entry.rowCount; ++r) {
      uint64_t rowOffset = get(block + 4 * uint64_t(r), 4);
      uint64_t rowAt = uint64_t(entry.rowsOffset) + rowOffset;
      if (rowOffset < entry.rowIndexBytes ||
          rowAt + kRowHeaderSize > sizes[kRows]) {
        error = name + ", row " + std::to_string(r) +
                ": offset outside the rows section";
        return false;
      }
      const uint8_t *row = rows + rowAt;
      uint64_t count = get(row, 4), source = get(row + 4, 4);
      if (count == 0 || source < nextSource || source >= range.size()) {
        error = name + ", row " + std::to_string(r) + ": source neuron " +
                std::to_string(source) +
                " empty, not ascending or outside the key range";
        return false;
      }
      nextSource = source + 1;
      if (rowAt + kRowHeaderSize + count * kSynapseWordSize > sizes[kRows]) {
        error = name + ", row " + std::to_string(r) + ": " +
                std::to_string(count) + " synapses overflow the rows section";
        return false;
      }
      for (uint64_t w = 0; w < count; ++w) {
        const uint8_t *word = row + kRowHeaderSize + w * kSynapseWordSize;
        SynapseWord synapse = getSynapse(word);
        if (synapse.target >= pe.neurons() || synapse.delay >= pe.ringDepth ||
            word[7]) {
          error = name + ", row " + std::to_string(r) + ", synapse " +
                  std::to_string(w) + ": target " +
                  std::to_string(synapse.target) + " or delay " +
                  std::to_string(synapse.delay) + " outside the slice of " +
                  std::to_string(pe.neurons()) + " neurons and " +
                  std::to_string(pe.ringDepth) + " ring slots";
          return false;
        }
      }
    }
    pe.keyTable.push_back(entry);
  }
  return true;
}

void decodeNeurons(const std::vector<uint8_t> &bytes, const uint64_t offsets[],
                   LoadedPe &pe) {
  size_t n = size_t(pe.neurons());
  runtime::IntegerNeuronParams &p = pe.params;
  std::vector<int64_t> *fields[kParamFields] = {
      &p.decay,     &p.gain,   &p.bias,       &p.synDecay,  &p.synGain,
      &p.threshold, &p.vReset, &p.adaptDecay, &p.adaptGain, &pe.driveOffset};
  for (size_t field = 0; field < kParamFields; ++field) {
    fields[field]->resize(n);
    for (size_t k = 0; k < n; ++k)
      (*fields[field])[k] = getI64(bytes.data() + offsets[kParams] +
                                   k * kParamRecordSize + 8 * field);
  }
  pe.state.resize(n);
  for (size_t k = 0; k < n; ++k) {
    const uint8_t *at = bytes.data() + offsets[kState] + k * kStateRecordSize;
    pe.state[k].v = getI64(at);
    pe.state[k].i = getI64(at + 8);
    pe.state[k].a = getI64(at + 16);
    pe.state[k].refractoryLeft = getI64(at + 24);
  }
  pe.ring.resize(size_t(pe.ringDepth) * n);
  for (size_t i = 0; i < pe.ring.size(); ++i)
    pe.ring[i] = getI64(bytes.data() + offsets[kRing] + 8 * i);
}

} // namespace

bool decodeImage(const std::vector<uint8_t> &bytes,
                 const mapping::Machine &machine, LoadedPe &pe,
                 std::string &error) {
  pe = LoadedPe();
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kImagePrefix, 7) != 0) {
    error = "bad magic (not an snc SpiNNaker2 image)";
    return false;
  }
  if (bytes[7] != uint8_t(kImageVersion)) {
    error = std::string("image format version '") + char(bytes[7]) +
            "', this reader reads '" + kImageVersion + "'";
    return false;
  }
  if (bytes.size() < kHeaderSize) {
    error = "truncated: " + std::to_string(bytes.size()) +
            " bytes, shorter than the " + std::to_string(kHeaderSize) +
            "-byte header";
    return false;
  }
  uint64_t fileBytes = get(bytes.data() + kFileBytes, 8);
  if (fileBytes != bytes.size()) {
    error = (fileBytes > bytes.size() ? "truncated: the header says "
                                      : "trailing bytes: the header says ") +
            std::to_string(fileBytes) + " bytes, the file has " +
            std::to_string(bytes.size());
    return false;
  }
  if (get(bytes.data() + kHeaderBytes, 4) != kHeaderSize) {
    error = "header of " + std::to_string(get(bytes.data() + kHeaderBytes, 4)) +
            " bytes, expected " + std::to_string(kHeaderSize);
    return false;
  }
  if (get(bytes.data() + kChecksum, 8) != checksum(bytes, kChecksum)) {
    error = "checksum mismatch (the image is corrupt)";
    return false;
  }
  uint64_t offsets[kSectionCount], sizes[kSectionCount];
  if (!decodeHeader(bytes, machine, pe, error) ||
      !decodeSections(bytes, offsets, sizes, pe, error) ||
      !decodeKeyTable(bytes, offsets, sizes, pe, error))
    return false;
  pe.rows.assign(bytes.begin() + std::ptrdiff_t(offsets[kRows]),
                 bytes.begin() + std::ptrdiff_t(offsets[kRows] + sizes[kRows]));
  if (!pe.input)
    decodeNeurons(bytes, offsets, pe);
  pe.memory.header = int64_t(kHeaderSize);
  pe.memory.paramsState = int64_t(sizes[kParams] + sizes[kState]);
  pe.memory.keyTable = int64_t(sizes[kKeyTable]);
  pe.memory.synapticRows = int64_t(sizes[kRows]);
  pe.memory.ringBuffers = int64_t(sizes[kRing]);
  return true;
}

} // namespace snc::spinnaker2
