//===- CompareOutputs.h - the first difference between two runs -*- C++ -*-===//
//
// `snc verify` holds a backend's simulated outputs to the interpreter's:
// every value must be equal, the simulated ones `latencyShift` steps later.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_COMPAREOUTPUTS_H
#define SNC_RUNTIME_COMPAREOUTPUTS_H

#include "runtime/Npy.h"

#include <optional>
#include <vector>

namespace snc::runtime {

struct OutputMismatch {
  size_t output = 0;
  int64_t step = 0, element = 0;
  /// NaN when the simulated run is missing the step or the output.
  double simulated = 0, reference = 0;
};

/// The first (output, step, element) in that order where `simulated`
/// differs from `reference`, each array (steps, *shape); null if none.
/// `compared` receives the number of values compared.
std::optional<OutputMismatch>
firstMismatch(const std::vector<NpyArray> &reference,
              const std::vector<NpyArray> &simulated, int64_t latencyShift,
              int64_t &compared);

} // namespace snc::runtime

#endif // SNC_RUNTIME_COMPAREOUTPUTS_H
