//===- CompareOutputs.cpp - the first difference between two runs ---------===//

#include "runtime/CompareOutputs.h"

#include <cmath>

namespace snc::runtime {

std::optional<OutputMismatch>
firstMismatch(const std::vector<NpyArray> &reference,
              const std::vector<NpyArray> &simulated, int64_t latencyShift,
              int64_t &compared) {
  compared = 0;
  for (size_t o = 0; o < reference.size(); ++o) {
    const NpyArray &ref = reference[o];
    int64_t steps = ref.shape.empty() ? 0 : ref.shape[0];
    int64_t perStep = steps ? int64_t(ref.numElements()) / steps : 0;
    const NpyArray *sim = o < simulated.size() ? &simulated[o] : nullptr;
    int64_t simSteps = sim && !sim->shape.empty() ? sim->shape[0] : 0;
    int64_t simPerStep = simSteps ? int64_t(sim->numElements()) / simSteps : 0;
    for (int64_t t = 0; t < steps; ++t)
      for (int64_t k = 0; k < perStep; ++k) {
        double expected = ref.getDouble(size_t(t * perStep + k));
        int64_t simStep = t + latencyShift;
        double actual = std::nan("");
        if (sim && simPerStep == perStep && simStep >= 0 && simStep < simSteps)
          actual = sim->getDouble(size_t(simStep * perStep + k));
        ++compared;
        if (!(actual == expected))
          return OutputMismatch{o, t, k, actual, expected};
      }
  }
  return std::nullopt;
}

} // namespace snc::runtime
