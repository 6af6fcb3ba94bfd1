//===- ManycoreNetwork.h - a quantized network as cores see it --*- C++ -*-===//
//
// The form a many-core backend maps: integer neuron populations (and the
// spike sources that stand for network inputs), joined by explicit synapses
// (source neuron, target neuron, integer weight, delay in steps). Every
// linear op between two populations of the snn IR (affine, linear, conv,
// sparse projections, sum pools, flatten, add) is composed into these
// synapses exactly, since integer products and sums are exact; a back-edge
// of the interpreter's schedule adds one step of delay.
//
// Semantics, per step t, in `updateOrder`: a population's drive is
//   sat(driveBits, driveOffset[k] + sum of w over synapses (s -> k, w, d)
//       whose source s spiked at step t - d),
// then its neurons update as runtime/neuron/IntegerNeuron.h says. A synapse of
// delay 0 reads a source updated earlier in the same step. This equals the
// reference interpreter on the IR it came from (passes/ExtractManycore.h
// states when).
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_MANYCORENETWORK_H
#define SNC_PASSES_MAPPING_MANYCORENETWORK_H

#include "runtime/neuron/IntegerNeuron.h"

#include <cassert>
#include <climits>
#include <cstdint>
#include <string>
#include <vector>

namespace snc::manycore {

struct Population {
  std::string name;
  int64_t size = 0;
  /// A network input: its neurons spike as the input array says.
  bool isInput = false;
  int inputIndex = -1;
  /// The neuron model and its per-neuron parameters (size entries each;
  /// empty for inputs).
  runtime::IntegerNeuronFormat format;
  runtime::IntegerNeuronParams params;
  /// Added to every neuron's drive each step (biases of affine and conv ops):
  /// size entries, or none for no offset.
  std::vector<int64_t> driveOffset;
  /// The drive saturates to this width (the width of the IR's input tensor).
  unsigned driveBits = 32;
};

/// One synapse in 16 bytes: a compile holds one per synapse of the
/// network, so the fields are 32-bit (populations of up to 2^31 - 1
/// neurons; the extraction rejects weights and delays that do not fit).
struct Synapse {
  int32_t pre = 0;  // neuron of the source population
  int32_t post = 0; // neuron of the target population
  int32_t weight = 0;
  int32_t delay = 0; // steps, >= 0
};
static_assert(sizeof(Synapse) == 16, "a synapse record is 16 bytes");

/// A synapse from numbers that fit its fields (generated networks, tests).
inline Synapse makeSynapse(int64_t pre, int64_t post, int64_t weight,
                           int64_t delay) {
  auto fits = [](int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; };
  assert(fits(pre) && fits(post) && fits(weight) && fits(delay) &&
         "synapse field beyond 32 bits");
  (void)fits;
  return {int32_t(pre), int32_t(post), int32_t(weight), int32_t(delay)};
}

/// All synapses from one population to another, sorted by (pre, post,
/// delay).
struct Projection {
  int source = 0, target = 0;
  std::vector<Synapse> synapses;
  int64_t maxDelay = 0;
};

struct Network {
  std::string name;
  std::vector<Population> populations;
  std::vector<Projection> projections;
  /// Population indices in the order they update within a step: every
  /// delay-0 synapse goes from an earlier to a later population.
  std::vector<int> updateOrder;
  /// The population each network output reports (spikes for spiking
  /// populations, v otherwise), in output order.
  std::vector<int> outputs;
  /// snn.latency_shift of the IR (steps), 0 if none.
  int64_t latencyShift = 0;
};

} // namespace snc::manycore

#endif // SNC_PASSES_MAPPING_MANYCORENETWORK_H
