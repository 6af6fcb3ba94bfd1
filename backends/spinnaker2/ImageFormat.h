//===- ImageFormat.h - byte layout of SpiNNaker2 PE images ------*- C++ -*-===//
//
// The one place that knows the bytes of the per-PE images (pe_<index>.bin)
// and of the router tables (routes.bin): offsets and record sizes; the
// synaptic rows and their synapse words are laid out as the simulated PE
// walks them (runtime/manycore/SynapticRow.h). docs/spinnaker2-images.md
// documents the same layout as tables; the writer and the reader go through
// this header. Everything is little-endian.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_SPINNAKER2_IMAGEFORMAT_H
#define SNC_BACKENDS_SPINNAKER2_IMAGEFORMAT_H

#include "passes/mapping/PeImageSize.h"
#include "runtime/manycore/SynapticRow.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace snc::spinnaker2::format {

/// Magics carry the format version in their last character.
/// Image version 2: rows only for source neurons with synapses on the PE.
constexpr char kImageMagic[9] = "SNC2IMG2";
constexpr char kRoutesMagic[9] = "SNC2RTE1";
constexpr char kImagePrefix[8] = "SNC2IMG";
constexpr char kRoutesPrefix[8] = "SNC2RTE";
constexpr char kImageVersion = '2';
constexpr char kVersion = '1'; // routes.bin

/// PE image header fields (byte offsets).
enum HeaderOffset : size_t {
  kMagic = 0,              // char[8]
  kHeaderBytes = 8,        // u32, = kHeaderSize
  kFlags = 12,             // u32, Flag bits
  kFileBytes = 16,         // u64, the whole image
  kChecksum = 24,          // u64, FNV-1a of the image with this field zero
  kPe = 32,                // u32 global PE index
  kChipX = 36,             // u16
  kChipY = 38,             // u16
  kQpe = 40,               // u16
  kPeInQpe = 42,           // u16
  kPopulation = 44,        // u32
  kSlice = 48,             // u32
  kInputIndex = 52,        // i32, -1 unless an input population
  kLo = 56,                // i64
  kHi = 64,                // i64
  kKeyBase = 72,           // u32
  kKeyMask = 76,           // u32
  kStateBits = 80,         // u8
  kFracBits = 81,          // u8
  kRounding = 82,          // u8, runtime::Rounding
  kReset = 83,             // u8, runtime::ResetMode
  kDriveBits = 84,         // u32
  kRefractory = 88,        // i64
  kRingDepth = 96,         // u32
  kKeyEntries = 100,       // u32
  kSynapseWordBytes = 104, // u32, = kSynapseWordSize
  kReserved = 108,         // u32, 0
  kSections = 112,         // kSectionCount x (u64 offset, u64 bytes)
};
enum Section { kParams = 0, kState, kKeyTable, kRows, kRing, kSectionCount };
constexpr size_t kHeaderSize = kSections + kSectionCount * 16; // 192

enum Flag : uint32_t {
  kFlagInput = 1u << 0,
  kFlagSpiking = 1u << 1,
  kFlagSynapse = 1u << 2,
  kFlagAdaptive = 1u << 3,
  /// The slice's spikes have synapses somewhere: it emits packets.
  kFlagSends = 1u << 4,
  /// The membrane integrates the previous step's synaptic current.
  kFlagPreviousCurrent = 1u << 5,
  kKnownFlags = (1u << 6) - 1,
};

/// Per-neuron records (all fields i64).
constexpr size_t kParamFields = 10; // decay gain bias syn_decay syn_gain
                                    // threshold v_reset adapt_decay
                                    // adapt_gain drive_offset
constexpr size_t kParamRecordSize = kParamFields * 8;
constexpr size_t kStateFields = 4; // v i a refractory_left
constexpr size_t kStateRecordSize = kStateFields * 8;

/// Key table entry: u32 key, u32 mask, u32 source slice, u32 block offset
/// (bytes into the rows section), u32 row count, u32 row index bytes. A
/// block is an index of one u32 offset per row (from the block's start),
/// padded to 8 bytes, then the rows, packed, one per source neuron with
/// synapses on the PE, in ascending source neuron.
constexpr size_t kKeyEntrySize = 24;

/// A row: u32 synapse count, u32 source neuron, then that many synapse words
/// (i32 weight, u16 target (local neuron), u8 delay, u8 zero).
using manycore::getSynapse;
using manycore::kMaxDelay;
using manycore::kMaxTarget;
using manycore::kRowHeaderSize;
using manycore::kSynapseWordSize;
using manycore::putSynapse;
using manycore::RowView;
using manycore::SynapseWord;

/// routes.bin: header, then u32 entry count per chip, then the entries
/// chip-major in table order.
enum RoutesOffset : size_t {
  kRoutesMagic8 = 0,      // char[8]
  kRoutesChipsX = 8,      // u32
  kRoutesChipsY = 12,     // u32
  kRoutesPesPerChip = 16, // u32
  kRoutesPeWords = 20,    // u32, W = ceil(pes per chip / 64)
  kRoutesFileBytes = 24,  // u64
  kRoutesChecksum = 32,   // u64, FNV-1a with this field zero
  kRoutesCounts = 40,     // u32 per chip
};
/// Entry: u32 key, u32 mask, u32 links (bit l = mapping::Link l), u32 zero,
/// W x u64 PE bits (bit p % 64 of word p / 64 = PE p of the chip).
inline size_t routeEntrySize(size_t peWords) { return 16 + 8 * peWords; }

inline size_t alignTo8(size_t bytes) { return (bytes + 7) & ~size_t(7); }

// The partitioner budgets PEs with these sizes (passes/mapping/PeImageSize.h).
static_assert(kHeaderSize == size_t(mapping::image::kHeaderBytes));
static_assert(kKeyEntrySize == size_t(mapping::image::kKeyEntryBytes));
static_assert(kRowHeaderSize == size_t(mapping::image::kRowHeaderBytes));
static_assert(kSynapseWordSize == size_t(mapping::image::kSynapseWordBytes));
static_assert(kParamRecordSize == size_t(mapping::image::kNeuronParamBytes));
static_assert(kStateRecordSize == size_t(mapping::image::kNeuronStateBytes));

/// Little-endian access.
inline void put(std::vector<uint8_t> &out, size_t at, uint64_t value,
                int bytes) {
  for (int b = 0; b < bytes; ++b)
    out[at + size_t(b)] = uint8_t(value >> (8 * b));
}
inline uint64_t get(const uint8_t *data, int bytes) {
  uint64_t value = 0;
  for (int b = 0; b < bytes; ++b)
    value |= uint64_t(data[b]) << (8 * b);
  return value;
}
inline int64_t getI64(const uint8_t *data) { return int64_t(get(data, 8)); }
inline void putI64(std::vector<uint8_t> &out, size_t at, int64_t value) {
  put(out, at, uint64_t(value), 8);
}

/// FNV-1a (64-bit) of `bytes`, reading the 8 bytes at `skip` as zeros.
uint64_t checksum(const std::vector<uint8_t> &bytes, size_t skip);

/// The section names the manifest and diagnostics use.
const char *sectionName(Section section);

} // namespace snc::spinnaker2::format

#endif // SNC_BACKENDS_SPINNAKER2_IMAGEFORMAT_H
