//===- CellOps.cpp - sfq cells with parameters ----------------------------===//

#include "dialects/sfq/SFQOps.h"

using namespace mlir;
using namespace snc::sfq;

static bool fits(int64_t value, int64_t bits) {
  int64_t max = (int64_t(1) << (bits - 1)) - 1;
  return value >= -max - 1 && value <= max;
}

LogicalResult NeuronOp::verify() {
  size_t ports = getInputs().size();
  if (getWeights().size() != ports)
    return emitOpError() << "has " << ports << " input ports but "
                         << getWeights().size()
                         << " weights; each port takes one weight";
  for (auto [port, weight] : llvm::enumerate(getWeights()))
    if (weight == 0)
      return emitOpError() << "port " << port
                           << " has weight 0; a synapse of weight 0 is no port";
  if (auto delays = getDelays()) {
    if (delays->size() != ports)
      return emitOpError() << "has " << ports << " input ports but "
                           << delays->size() << " delays";
    for (auto [port, delay] : llvm::enumerate(*delays))
      if (delay < 0)
        return emitOpError()
               << "port " << port << " has a negative delay (" << delay << ")";
  }
  int64_t bits = getStateBitsValue();
  if (bits < 2 || bits > 32)
    return emitOpError() << "state_bits is " << bits
                         << "; a neuron counter has 2 to 32 bits";
  if (!isResetMode(getReset()))
    return emitOpError() << "reset is \"" << getReset()
                         << "\"; expected to_value, subtract or none";
  if (!fits(getVResetValue(), bits))
    return emitOpError() << "v_reset " << getVResetValue()
                         << " does not fit the " << bits << "-bit state";
  if (!fits(getThresholdValue(), bits))
    return emitOpError() << "threshold " << getThresholdValue()
                         << " does not fit the " << bits << "-bit state";
  return success();
}
