//===- SplitMix64.h - a portable pseudo-random sequence ---------*- C++ -*-===//
//
// std:: distributions differ between standard libraries; snc needs the same
// network from the same seed everywhere, so it fixes its own generator.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_SPLITMIX64_H
#define SNC_PASSES_SPLITMIX64_H

#include <cstdint>

namespace snc {

/// Steele, Lea and Flood's SplitMix64.
class SplitMix64 {
public:
  explicit SplitMix64(uint64_t seed) : state(seed) {}

  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  /// Uniform in [0, 1) with 53 random bits.
  double uniform() { return double(next() >> 11) * 0x1.0p-53; }

private:
  uint64_t state;
};

} // namespace snc

#endif // SNC_PASSES_SPLITMIX64_H
