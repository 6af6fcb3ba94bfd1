//===- KeyAllocation.cpp - multicast keys of slices -----------------------===//

#include "passes/mapping/KeyAllocation.h"

#include <algorithm>
#include <numeric>

namespace snc::mapping {

namespace {

constexpr uint64_t kKeySpace = uint64_t(1) << 32;

uint64_t nextPowerOfTwo(uint64_t n) {
  uint64_t p = 1;
  while (p < n)
    p <<= 1;
  return p;
}

KeyRange rangeOf(uint64_t base, uint64_t size) {
  KeyRange range;
  range.base = uint32_t(base);
  range.mask = uint32_t(~(size - 1));
  return range;
}

/// Gives each block of `sizes` (powers of two) a base, largest first, ties
/// by index: descending sizes keep every base aligned to its size with no
/// gaps. Returns the keys used.
uint64_t packBlocks(const std::vector<uint64_t> &sizes,
                    std::vector<uint64_t> &bases) {
  std::vector<size_t> order(sizes.size());
  std::iota(order.begin(), order.end(), size_t(0));
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return sizes[a] > sizes[b]; });
  bases.assign(sizes.size(), 0);
  uint64_t next = 0;
  for (size_t i : order) {
    bases[i] = next;
    next += sizes[i];
    if (next > 2 * kKeySpace)
      next = 2 * kKeySpace; // saturate; the caller only compares to 2^32
  }
  return next;
}

} // namespace

uint64_t keyBlockSize(int64_t neurons) {
  if (neurons <= 1)
    return 1;
  // Saturate far above 2^32 so huge slices report as not fitting.
  if (uint64_t(neurons) > kKeySpace)
    return 2 * kKeySpace;
  return nextPowerOfTwo(uint64_t(neurons));
}

bool allocateKeys(const Partition &partition, KeyAllocation &out,
                  std::string &error) {
  const std::vector<Slice> &slices = partition.slices;
  out = KeyAllocation();
  out.ofSlice.resize(slices.size());

  int populations = 0;
  for (const Slice &slice : slices) {
    if (slice.population < 0) {
      error = "slice of population " + std::to_string(slice.population) +
              ": population index is negative";
      return false;
    }
    populations = std::max(populations, slice.population + 1);
  }

  std::vector<uint64_t> sliceSize(slices.size());
  for (size_t s = 0; s < slices.size(); ++s)
    sliceSize[s] = keyBlockSize(slices[s].hi - slices[s].lo);

  // Preferred layout: per population a common stride, slices in order.
  std::vector<uint64_t> stride(size_t(populations), 0);
  std::vector<uint64_t> count(size_t(populations), 0);
  for (size_t s = 0; s < slices.size(); ++s) {
    size_t p = size_t(slices[s].population);
    stride[p] = std::max(stride[p], sliceSize[s]);
    ++count[p];
  }
  std::vector<uint64_t> populationSize(size_t(populations), 0);
  for (size_t p = 0; p < size_t(populations); ++p) {
    if (count[p] == 0)
      continue;
    // Both factors are at most 2^33 (saturated), so cap before multiplying.
    bool huge = stride[p] > kKeySpace || count[p] > kKeySpace ||
                stride[p] * count[p] > kKeySpace;
    populationSize[p] =
        huge ? 2 * kKeySpace : nextPowerOfTwo(stride[p] * count[p]);
  }
  std::vector<uint64_t> populationBase;
  if (packBlocks(populationSize, populationBase) <= kKeySpace) {
    out.layout = KeyAllocation::Layout::PopulationBlocks;
    out.ofPopulation.resize(size_t(populations));
    std::vector<uint64_t> placed(size_t(populations), 0);
    for (size_t p = 0; p < size_t(populations); ++p)
      if (count[p] != 0)
        out.ofPopulation[p] = rangeOf(populationBase[p], populationSize[p]);
    for (size_t s = 0; s < slices.size(); ++s) {
      size_t p = size_t(slices[s].population);
      uint64_t base = populationBase[p] + placed[p]++ * stride[p];
      out.ofSlice[s] = rangeOf(base, sliceSize[s]);
    }
    return true;
  }

  // Fallback: every slice's own block, packed tightly.
  std::vector<uint64_t> sliceBase;
  uint64_t used = packBlocks(sliceSize, sliceBase);
  if (used > kKeySpace) {
    uint64_t total = 0;
    for (uint64_t size : sliceSize)
      total = std::min(total + size, 2 * kKeySpace);
    error = "key space exhausted: the " + std::to_string(slices.size()) +
            " slices need " +
            (total >= 2 * kKeySpace ? std::string("more than 2^33")
                                    : std::to_string(total)) +
            " keys, a 32-bit key has 4294967296";
    out = KeyAllocation();
    return false;
  }
  out.layout = KeyAllocation::Layout::SliceBlocks;
  for (size_t s = 0; s < slices.size(); ++s)
    out.ofSlice[s] = rangeOf(sliceBase[s], sliceSize[s]);
  return true;
}

} // namespace snc::mapping
