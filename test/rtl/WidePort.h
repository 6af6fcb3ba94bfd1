//===- WidePort.h - 64-bit slots of a Verilated wide port -------*- C++ -*-===//
//
// The rtl testbenches pack one 64-bit slot per instance into a port wider
// than 64 bits, which Verilator exposes as an array of 32-bit words.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TEST_RTL_WIDEPORT_H
#define SNC_TEST_RTL_WIDEPORT_H

#include <cstddef>
#include <cstdint>

namespace snc::rtltest {

template <typename Wide> void put(Wide &port, size_t slot, uint64_t value) {
  port[2 * slot] = uint32_t(value);
  port[2 * slot + 1] = uint32_t(value >> 32);
}

template <typename Wide> uint64_t get(const Wide &port, size_t slot) {
  return uint64_t(port[2 * slot]) | (uint64_t(port[2 * slot + 1]) << 32);
}

/// Signed values travel as their two's-complement bits.
template <typename Wide>
void putSigned(Wide &port, size_t slot, int64_t value) {
  put(port, slot, uint64_t(value));
}

template <typename Wide> int64_t getSigned(const Wide &port, size_t slot) {
  return int64_t(get(port, slot));
}

} // namespace snc::rtltest

#endif // SNC_TEST_RTL_WIDEPORT_H
