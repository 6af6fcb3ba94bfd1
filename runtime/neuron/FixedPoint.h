//===- FixedPoint.h - integer arithmetic of quantized networks --*- C++ -*-===//
//
// The exact integer operations docs/semantics.md specifies for integer
// populations: fixed-point products that drop their fraction bits with a
// stated rounding, and saturation to a bit width.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_NEURON_FIXEDPOINT_H
#define SNC_RUNTIME_NEURON_FIXEDPOINT_H

#include "runtime/neuron/NeuronModes.h"

#include <cstdint>

namespace snc::runtime {

using Wide = __int128;

/// `value` clamped to a signed `bits`-bit integer (2 <= bits <= 64).
inline int64_t saturate(Wide value, unsigned bits) {
  Wide max = (Wide(1) << (bits - 1)) - 1;
  Wide min = -max - 1;
  return int64_t(value > max ? max : value < min ? min : value);
}

/// value / 2^fracBits, rounded as `mode` says. Exact for any product of two
/// 64-bit integers.
inline Wide dropFraction(Wide value, unsigned fracBits, Rounding mode) {
  if (fracBits == 0)
    return value;
  // Floor division by 2^F without shifting negative values (undefined in
  // C++17 for <<, implementation-defined for >>).
  Wide scale = Wide(1) << fracBits;
  Wide floor = value / scale; // truncates toward zero
  Wide rest = value - floor * scale;
  if (rest < 0) {
    floor -= 1;
    rest += scale;
  }
  if (rest == 0)
    return floor;
  switch (mode) {
  case Rounding::Floor:
    return floor;
  case Rounding::Ceil:
    return floor + 1;
  case Rounding::TowardZero:
    return value < 0 ? floor + 1 : floor;
  case Rounding::NearestEven: {
    Wide half = Wide(1) << (fracBits - 1);
    if (rest != half)
      return rest > half ? floor + 1 : floor;
    return (floor & 1) ? floor + 1 : floor;
  }
  }
  return floor;
}

/// The fixed-point product a * b with `fracBits` fraction bits in `a`.
inline Wide fixedMul(int64_t a, int64_t b, unsigned fracBits, Rounding mode) {
  return dropFraction(Wide(a) * Wide(b), fracBits, mode);
}

} // namespace snc::runtime

#endif // SNC_RUNTIME_NEURON_FIXEDPOINT_H
