//===- Run.h - run a network on spike trains held in arrays -----*- C++ -*-===//

#ifndef SNC_RUNTIME_RUN_H
#define SNC_RUNTIME_RUN_H

#include "dialects/snn/SNNOps.h"
#include "runtime/Npy.h"
#include "runtime/Progress.h"

#include <functional>
#include <string>
#include <vector>

namespace snc::runtime {

/// A variable to record at every step: `node.var`.
struct Probe {
  std::string node;
  std::string variable;
};

struct RunResult {
  std::vector<NpyArray> outputs;    // one per network output, (T, *shape)
  std::vector<NpyArray> recordings; // one per probe, (T, *shape)
};

/// Runs a discretized network for `steps` steps (-1: as many as the inputs
/// have). Input i is an array (T, *shape of input i), or (T, numel); bool,
/// integer or float. `progress`, if set, is called after every step. On a
/// user error (shapes, unknown probe) returns false
/// with a one-line `error`; diagnostics about the IR go to the context.
bool runNetwork(snn::NetworkOp network, const std::vector<NpyArray> &inputs,
                int64_t steps, const std::vector<Probe> &probes,
                RunResult &result, std::string &error,
                const ProgressFn &progress = nullptr);

} // namespace snc::runtime

#endif // SNC_RUNTIME_RUN_H
