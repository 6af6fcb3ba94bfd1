//===- Verify.cpp - a backend's simulator against the interpreter ---------===//

#include "backends/Verify.h"
#include "passes/StageTimes.h"
#include "runtime/CompareOutputs.h"
#include "runtime/Progress.h"
#include "runtime/Run.h"

#include "llvm/Support/FileSystem.h"

#include <cmath>

namespace snc::backends {

namespace {

/// Steps at which element `k` of a (steps, *shape) array is non-zero.
std::vector<int64_t> spikeSteps(const runtime::NpyArray &array, int64_t k) {
  std::vector<int64_t> steps;
  int64_t total = array.shape.empty() ? 0 : array.shape[0];
  int64_t perStep = total ? int64_t(array.numElements()) / total : 0;
  if (k >= perStep)
    return steps;
  for (int64_t t = 0; t < total; ++t)
    if (array.getDouble(size_t(t * perStep + k)) != 0)
      steps.push_back(t);
  return steps;
}

std::string outputName(snn::NetworkOp network, size_t output) {
  return mlir::cast<mlir::StringAttr>(network.getOutputNames()[output])
      .getValue()
      .str();
}

} // namespace

std::optional<SpikeMismatch>
firstSpikeTimingMismatch(const std::vector<runtime::NpyArray> &reference,
                         const std::vector<runtime::NpyArray> &simulated,
                         int64_t shift, int64_t tolerance, int64_t &compared) {
  compared = 0;
  for (size_t o = 0; o < reference.size(); ++o) {
    const runtime::NpyArray &ref = reference[o];
    int64_t steps = ref.shape.empty() ? 0 : ref.shape[0];
    int64_t perStep = steps ? int64_t(ref.numElements()) / steps : 0;
    for (int64_t k = 0; k < perStep; ++k) {
      std::vector<int64_t> expected = spikeSteps(ref, k);
      std::vector<int64_t> got;
      if (o < simulated.size())
        got = spikeSteps(simulated[o], k);
      SpikeMismatch mismatch{o, k, -1, int64_t(expected.size()),
                             int64_t(got.size())};
      for (size_t i = 0; i < expected.size(); ++i) {
        if (i >= got.size() ||
            std::abs(got[i] - (expected[i] + shift)) > tolerance) {
          mismatch.step = expected[i];
          return mismatch;
        }
        ++compared;
      }
      if (got.size() > expected.size())
        return mismatch;
    }
  }
  return std::nullopt;
}

bool verifyCompiled(snn::NetworkOp network, const Backend &backend,
                    const std::string &dir,
                    const std::vector<runtime::NpyArray> &inputs, int64_t steps,
                    llvm::StringRef options, VerifyResult &result,
                    std::string &error, StageProgress *progress,
                    llvm::raw_ostream *stageTimes) {
  result = VerifyResult();
  auto stepsOf = [&](const char *label) {
    return progress ? runtime::makeStepPrinter(progress->getStream(), label)
                    : runtime::ProgressFn();
  };
  runtime::RunResult reference;
  StageTimer interpretTime(stageTimes, "interpret");
  ScopedStage interpreting(progress, "interpret");
  if (!runtime::runNetwork(network, inputs, steps, {}, reference, error,
                           stepsOf("interpret")))
    return false;
  interpreting.finish();
  interpretTime.finish();
  result.steps = reference.outputs.empty() || reference.outputs[0].shape.empty()
                     ? 0
                     : reference.outputs[0].shape[0];
  SimulationOutput simulated;
  StageTimer simulateTime(stageTimes, "simulate");
  ScopedStage simulating(progress, "simulate");
  if (!backend.simulate(dir, inputs, result.steps, options, simulated, error,
                        stepsOf("simulate")))
    return false;
  simulating.finish();
  simulateTime.finish();
  StageTimer comparing(stageTimes, "compare");
  result.report = simulated.report;
  auto core = [&](size_t output, int64_t element) {
    return simulated.locate ? simulated.locate(output, element)
                            : std::string("?");
  };

  Equivalence equivalence = backend.getCapabilities().equivalence;
  if (equivalence.kind == Equivalence::Kind::SpikeTiming) {
    std::optional<SpikeMismatch> mismatch = firstSpikeTimingMismatch(
        reference.outputs, simulated.outputs, simulated.latencyShift,
        equivalence.toleranceSteps, result.compared);
    if (mismatch) {
      result.message =
          "verify failed: output '" + outputName(network, mismatch->output) +
          "' element " + std::to_string(mismatch->element) + " (" +
          core(mismatch->output, mismatch->element) + "): the interpreter " +
          "spikes " + std::to_string(mismatch->referenceSpikes) +
          " times, the simulator " + std::to_string(mismatch->simulatedSpikes) +
          (mismatch->step >= 0
               ? "; no simulated spike within " +
                     std::to_string(equivalence.toleranceSteps) +
                     " steps of the one at step " +
                     std::to_string(mismatch->step)
               : std::string());
      return true;
    }
    result.equivalent = true;
    result.message = "verify: " + std::to_string(result.compared) +
                     " spikes over " + std::to_string(result.steps) +
                     " steps within " +
                     std::to_string(equivalence.toleranceSteps) +
                     " steps of the interpreter's";
    return true;
  }

  if (std::optional<runtime::OutputMismatch> mismatch =
          runtime::firstMismatch(reference.outputs, simulated.outputs,
                                 simulated.latencyShift, result.compared)) {
    auto show = [](double x) {
      return std::isnan(x) ? std::string("missing")
                           : std::to_string(int64_t(x));
    };
    result.message = "verify failed: output '" +
                     outputName(network, mismatch->output) + "' element " +
                     std::to_string(mismatch->element) + " at step " +
                     std::to_string(mismatch->step) + " (" +
                     core(mismatch->output, mismatch->element) +
                     "): simulator " + show(mismatch->simulated) +
                     ", interpreter " + show(mismatch->reference);
    return true;
  }
  result.equivalent = true;
  result.message =
      "verify: " + std::to_string(result.compared) + " output values over " +
      std::to_string(result.steps) + " steps identical to the interpreter" +
      (equivalence.noTimingViolation ? ", no timing violation" : "");
  return true;
}

bool compileAndVerify(mlir::ModuleOp module, snn::NetworkOp network,
                      const targets::TargetDescription &target,
                      const Backend &backend, const CompileSettings &settings,
                      const std::vector<runtime::NpyArray> &inputs,
                      int64_t steps, std::string dir, VerifyResult &result,
                      std::string &summary, std::string &error) {
  bool temporary = dir.empty();
  if (temporary) {
    llvm::SmallString<128> path;
    if (llvm::sys::fs::createUniqueDirectory("snc-verify", path)) {
      error = "cannot create a temporary directory";
      return false;
    }
    dir = path.str().str();
  }
  llvm::raw_string_ostream os(summary);
  if (settings.progress)
    settings.progress->addStages(2); // interpret, simulate
  bool ran = succeeded(compileNetwork(module, network, target, backend,
                                      settings, dir, os)) &&
             verifyCompiled(network, backend, dir, inputs, steps,
                            settings.backendOptions, result, error,
                            settings.progress, settings.stageTimes);
  if (temporary)
    llvm::sys::fs::remove_directories(dir);
  return ran;
}

} // namespace snc::backends
