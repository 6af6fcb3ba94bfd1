//===- ManycoreReference.h - the many-core form, evaluated directly -*- C++
//-*-===//
//
// Runs a manycore::Network exactly as ManycoreNetwork.h defines it, with no
// partitioning, images or routing: the bridge between the reference
// interpreter (on the IR) and the many-core simulator (on images).
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_MANYCOREREFERENCE_H
#define SNC_PASSES_MAPPING_MANYCOREREFERENCE_H

#include "passes/mapping/ManycoreNetwork.h"

namespace snc::manycore {

/// `inputs[i][t * n + k]` is nonzero when neuron k of network input i
/// spikes at step t. Returns, per network output, `steps * size` values:
/// spikes (0/1) or membrane voltages.
std::vector<std::vector<int64_t>>
evaluate(const Network &network,
         const std::vector<std::vector<uint8_t>> &inputs, int64_t steps);

} // namespace snc::manycore

#endif // SNC_PASSES_MAPPING_MANYCOREREFERENCE_H
