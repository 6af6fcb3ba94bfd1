//===- SynapticRow.h - the synaptic rows a PE walks -------------*- C++ -*-===//
//
// A PE keeps its synapses as rows in memory, one row per source neuron with
// synapses on the PE, and on a packet walks the row of its source. The
// simulator walks the same bytes, so their layout is part of the simulated
// machine; a backend that writes images for it lays its rows out this way
// (backends/spinnaker2/ ImageFormat.h). Everything is little-endian.
//
//   block   the rows of one source slice: one u32 offset per row (from the
//           block's start), padded to 8 bytes, then the rows, packed, in
//           ascending source neuron; source neurons without synapses here
//           have no row, so a PE stores only what it uses;
//   row     u32 synapse count, u32 source neuron (within its slice), then
//           that many synapse words;
//   synapse i32 weight, u16 target (local neuron), u8 delay, u8 zero.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_MANYCORE_SYNAPTICROW_H
#define SNC_RUNTIME_MANYCORE_SYNAPTICROW_H

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace snc::manycore {

constexpr size_t kRowHeaderSize = 8;
constexpr size_t kSynapseWordSize = 8;
constexpr int64_t kMaxTarget = 0xFFFF;
constexpr int64_t kMaxDelay = 0xFF;

/// The little-endian unsigned integer of `bytes` bytes at `data`.
inline uint64_t loadLittleEndian(const uint8_t *data, int bytes) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  // One load instead of a byte loop: the simulator reads every synapse
  // word through here.
  if (bytes == 4) {
    uint32_t word;
    std::memcpy(&word, data, 4);
    return word;
  }
  if (bytes == 2) {
    uint16_t half;
    std::memcpy(&half, data, 2);
    return half;
  }
#endif
  uint64_t value = 0;
  for (int b = 0; b < bytes; ++b)
    value |= uint64_t(data[b]) << (8 * b);
  return value;
}

/// One synapse word, decoded.
struct SynapseWord {
  int32_t weight = 0;
  uint16_t target = 0;
  uint8_t delay = 0;
};
inline void putSynapse(std::vector<uint8_t> &out, size_t at,
                       const SynapseWord &word) {
  uint32_t weight = uint32_t(word.weight);
  for (int b = 0; b < 4; ++b)
    out[at + size_t(b)] = uint8_t(weight >> (8 * b));
  out[at + 4] = uint8_t(word.target);
  out[at + 5] = uint8_t(word.target >> 8);
  out[at + 6] = word.delay;
  out[at + 7] = 0;
}
inline SynapseWord getSynapse(const uint8_t *data) {
  SynapseWord word;
  word.weight = int32_t(uint32_t(loadLittleEndian(data, 4)));
  word.target = uint16_t(loadLittleEndian(data + 4, 2));
  word.delay = uint8_t(data[6]);
  return word;
}

/// A synaptic row as stored: the count, then the words.
class RowView {
public:
  explicit RowView(const uint8_t *row) : row(row) {}
  uint32_t size() const { return uint32_t(loadLittleEndian(row, 4)); }
  SynapseWord operator[](uint32_t w) const {
    return getSynapse(row + kRowHeaderSize + size_t(w) * kSynapseWordSize);
  }

private:
  const uint8_t *row;
};

/// The source neuron of a stored row.
inline uint32_t rowSource(const uint8_t *row) {
  return uint32_t(loadLittleEndian(row + 4, 4));
}

/// The row of source neuron `j` in the block at `block` of `rows` rows
/// (binary search over the ascending sources), or an empty row when `j` has
/// no synapses here.
inline RowView rowOfBlock(const uint8_t *block, uint32_t rows, uint32_t j) {
  static const uint8_t kEmptyRow[kRowHeaderSize] = {};
  uint32_t lo = 0, hi = rows;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    const uint8_t *row = block + loadLittleEndian(block + 4 * size_t(mid), 4);
    uint32_t source = rowSource(row);
    if (source == j)
      return RowView(row);
    if (source < j)
      lo = mid + 1;
    else
      hi = mid;
  }
  return RowView(kEmptyRow);
}

} // namespace snc::manycore

#endif // SNC_RUNTIME_MANYCORE_SYNAPTICROW_H
