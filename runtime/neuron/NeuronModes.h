//===- NeuronModes.h - rounding and reset of integer neurons ----*- C++ -*-===//
//
// The choices docs/semantics.md ("Integer populations") leaves to a
// population: how a fixed-point product drops its fraction bits and what a
// spike does to the membrane. They mirror the snn dialect's Rounding and
// ResetMode enums value for value (the SpiNNaker2 images store these values;
// runtime/NeuronModeConversion.h converts from the dialect) but need no
// MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_NEURON_NEURONMODES_H
#define SNC_RUNTIME_NEURON_NEURONMODES_H

#include <cstdint>

namespace snc::runtime {

/// How a fixed-point product drops its fraction bits.
enum class Rounding : uint32_t {
  Floor = 0,
  Ceil = 1,
  TowardZero = 2,
  NearestEven = 3,
};

/// What a spike does to the membrane.
enum class ResetMode : uint32_t {
  ToValue = 0,
  Subtract = 1,
  None = 2,
};

} // namespace snc::runtime

#endif // SNC_RUNTIME_NEURON_NEURONMODES_H
