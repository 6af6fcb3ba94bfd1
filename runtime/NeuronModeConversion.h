//===- NeuronModeConversion.h - snn enums to the neuron library -*- C++ -*-===//
//
// The snn dialect's Rounding and ResetMode as the MLIR-free neuron library
// (runtime/neuron/NeuronModes.h) spells them, for code that reads the IR
// and then runs or maps integer neurons (the interpreter, ExtractManycore).
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_NEURONMODECONVERSION_H
#define SNC_RUNTIME_NEURONMODECONVERSION_H

#include "dialects/snn/SNNDialect.h"
#include "runtime/neuron/NeuronModes.h"

namespace snc::runtime {

inline Rounding fromDialect(snn::Rounding rounding) {
  switch (rounding) {
  case snn::Rounding::Floor:
    return Rounding::Floor;
  case snn::Rounding::Ceil:
    return Rounding::Ceil;
  case snn::Rounding::TowardZero:
    return Rounding::TowardZero;
  case snn::Rounding::NearestEven:
    return Rounding::NearestEven;
  }
  return Rounding::Floor;
}

inline ResetMode fromDialect(snn::ResetMode reset) {
  switch (reset) {
  case snn::ResetMode::ToValue:
    return ResetMode::ToValue;
  case snn::ResetMode::Subtract:
    return ResetMode::Subtract;
  case snn::ResetMode::None:
    return ResetMode::None;
  }
  return ResetMode::ToValue;
}

} // namespace snc::runtime

#endif // SNC_RUNTIME_NEURONMODECONVERSION_H
