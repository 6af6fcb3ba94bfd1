//===- KeyAllocation.h - multicast keys of slices ---------------*- C++ -*-===//
//
// Every spike travels as a multicast packet with a 32-bit key that names its
// source neuron. Slice s gets a base key and a mask; its neurons are numbered
// 0 .. n-1 (n = hi - lo) and neuron k sends `base | k`. The mask keeps the
// bits above the neuron number: mask = ~(2^ceil(log2 n) - 1), all ones for
// n <= 1. A router entry (base, mask) thus matches exactly the slice's keys.
//
// Layout. Key ranges are aligned power-of-two blocks, packed largest first
// (buddy style: sizes in descending order leave no gaps, so every block is
// aligned to its size). Preferred layout, `PopulationBlocks`: each
// population owns one aligned block, and its slices sit in it in slice order
// at a common stride (the largest slice block of the population):
//
//   key = | population block base | slice number in population | neuron |
//
// The high bits thus identify the population (a field of varying width) and
// consecutive slices of a population are consecutive aligned sub-blocks, so
// the table compressor can merge entries of slices of one population that go
// the same way into one entry. When that layout does not fit 32 bits (strides
// and power-of-two population blocks waste space), `SliceBlocks` packs every
// slice's own block tightly, largest first, ties by slice index. The
// allocation fails only if even that needs more than 2^32 keys.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_KEYALLOCATION_H
#define SNC_PASSES_MAPPING_KEYALLOCATION_H

#include "passes/mapping/MappingModel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::mapping {

/// The keys matching `(key & mask) == base`: an aligned block of
/// 2^(zero bits of mask) keys when `base & ~mask == 0`.
struct KeyRange {
  uint32_t base = 0;
  uint32_t mask = 0xFFFFFFFFu;

  uint64_t size() const { return uint64_t(uint32_t(~mask)) + 1; }
  uint32_t last() const { return base | ~mask; }
  bool contains(uint32_t key) const { return (key & mask) == base; }
  friend bool operator==(const KeyRange &a, const KeyRange &b) {
    return a.base == b.base && a.mask == b.mask;
  }
};

struct KeyAllocation {
  enum class Layout { PopulationBlocks, SliceBlocks };
  Layout layout = Layout::PopulationBlocks;
  /// Slice index -> its key range.
  std::vector<KeyRange> ofSlice;
  /// Population index -> the block holding all its slices; set only for the
  /// `PopulationBlocks` layout and populations that have slices.
  std::vector<KeyRange> ofPopulation;

  /// The key of neuron `k` (0 .. n-1) of slice `slice`.
  uint32_t key(int64_t slice, int64_t k) const {
    return ofSlice[size_t(slice)].base | uint32_t(k);
  }
};

/// Keys needed by a slice of `neurons` neurons: the next power of two
/// (1 for 0 or 1 neuron).
uint64_t keyBlockSize(int64_t neurons);

/// Allocates the keys of every slice of `partition` (see the file comment).
/// Fails, with a message in `error`, if the slices need more than 2^32 keys.
bool allocateKeys(const Partition &partition, KeyAllocation &out,
                  std::string &error);

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_KEYALLOCATION_H
