//===- IntegerNeuron.h - one step of an integer neuron ----------*- C++ -*-===//
//
// The integer neuron of docs/semantics.md ("Integer populations"), one
// neuron at a time. The reference interpreter and the many-core simulator
// both call stepIntegerNeuron, so they cannot disagree.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_NEURON_INTEGERNEURON_H
#define SNC_RUNTIME_NEURON_INTEGERNEURON_H

#include "runtime/neuron/FixedPoint.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace snc::runtime {

/// What is shared by a population.
struct IntegerNeuronFormat {
  unsigned stateBits = 32;
  unsigned fracBits = 0;
  Rounding rounding = Rounding::Floor;
  bool hasSynapse = false;
  bool previousCurrent = false; // the membrane integrates last step's i
  bool spiking = false;         // discrete_lif; discrete_li outputs v
  bool adaptive = false;
  ResetMode reset = ResetMode::ToValue;
  int64_t refractory = 0;
};

/// Per-neuron parameters, one entry per neuron (absent stages: empty).
struct IntegerNeuronParams {
  std::vector<int64_t> decay, gain, bias, synDecay, synGain, threshold, vReset,
      adaptDecay, adaptGain, vInit;
};

struct IntegerNeuronState {
  int64_t v = 0, i = 0, a = 0, refractoryLeft = 0;
};

/// Advances neuron `k` by one step with drive `x`; returns its spike.
inline bool stepIntegerNeuron(const IntegerNeuronFormat &f,
                              const IntegerNeuronParams &p, size_t k,
                              IntegerNeuronState &s, int64_t x) {
  auto mul = [&](int64_t multiplier, int64_t value) {
    return fixedMul(multiplier, value, f.fracBits, f.rounding);
  };
  int64_t drive = x;
  if (f.hasSynapse) {
    int64_t previous = s.i;
    s.i = saturate(mul(p.synDecay[k], s.i) + mul(p.synGain[k], x), f.stateBits);
    drive = f.previousCurrent ? previous : s.i;
  }
  bool spike = false;
  if (f.spiking && s.refractoryLeft > 0) {
    --s.refractoryLeft;
    s.v = p.vReset[k];
  } else {
    s.v =
        saturate(mul(p.decay[k], s.v) + mul(p.gain[k], drive) + Wide(p.bias[k]),
                 f.stateBits);
    if (f.spiking) {
      Wide theta = Wide(p.threshold[k]) + (f.adaptive ? s.a : 0);
      spike = Wide(s.v) > theta;
      if (spike && f.reset == ResetMode::ToValue)
        s.v = p.vReset[k];
      else if (spike && f.reset == ResetMode::Subtract)
        s.v = saturate(Wide(s.v) - theta, f.stateBits);
      if (spike)
        s.refractoryLeft = f.refractory;
    }
  }
  if (f.adaptive)
    s.a =
        saturate(mul(p.adaptDecay[k], s.a) + Wide(p.adaptGain[k]) * Wide(spike),
                 f.stateBits);
  return spike;
}

/// The initial state of neuron `k`.
inline IntegerNeuronState initialIntegerNeuron(const IntegerNeuronFormat &f,
                                               const IntegerNeuronParams &p,
                                               size_t k) {
  IntegerNeuronState s;
  s.v = p.vInit.empty() ? 0 : saturate(p.vInit[k], f.stateBits);
  return s;
}

} // namespace snc::runtime

#endif // SNC_RUNTIME_NEURON_INTEGERNEURON_H
