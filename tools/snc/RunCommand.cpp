//===- RunCommand.cpp - `snc run` -----------------------------------------===//

#include "tools/snc/Commands.h"
#include "tools/snc/Driver.h"

#include "passes/Pipelines.h"
#include "passes/Progress.h"
#include "passes/StageTimes.h"
#include "runtime/Run.h"

#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace snc::driver {

/// Splits NODE.VAR=FILE; node names may contain dots, so the variable is
/// what follows the last dot before '='.
static bool parseRecord(llvm::StringRef spec, runtime::Probe &probe,
                        std::string &file) {
  auto [target, path] = spec.split('=');
  size_t dot = target.rfind('.');
  if (path.empty() || dot == llvm::StringRef::npos || dot == 0 ||
      dot + 1 == target.size())
    return false;
  probe.node = target.take_front(dot).str();
  probe.variable = target.drop_front(dot + 1).str();
  file = path.str();
  return true;
}

int runCommand(const RunOptions &options) {
  std::vector<runtime::Probe> probes;
  std::vector<std::string> recordFiles;
  for (const std::string &spec : options.records) {
    runtime::Probe probe;
    std::string file;
    if (!parseRecord(spec, probe, file)) {
      reportError("--record '" + spec + "' is not of the form NODE.VAR=FILE");
      return UserError;
    }
    probes.push_back(probe);
    recordFiles.push_back(file);
  }

  llvm::raw_ostream *stageTimes = options.stageTimes ? &llvm::errs() : nullptr;
  // Stages: the passes preparing the network, interpret, write.
  std::unique_ptr<StageProgress> stages;
  if (options.progress)
    stages = std::make_unique<StageProgress>(llvm::errs(), 2);
  StageTimer loading(stageTimes, "load");
  Model model;
  snn::NetworkOp network =
      loadRunnableNetwork(model, options.model, options.nir, options.network,
                          options.dt, options.scheme, stages.get());
  if (!network)
    return UserError;
  loading.finish();

  unsigned numOutputs = network.getFunctionType().getNumResults();
  if (options.outputs.size() != numOutputs) {
    reportError("network '" + network.getSymName().str() + "' has " +
                std::to_string(numOutputs) + " output(s), but " +
                std::to_string(options.outputs.size()) +
                " --output file(s) were given");
    return UserError;
  }

  std::vector<runtime::NpyArray> inputs;
  if (!readArrays(options.inputs, inputs))
    return UserError;

  runtime::ProgressFn progress;
  if (options.progress)
    progress = runtime::makeStepPrinter(llvm::errs(), "interpret");
  runtime::RunResult result;
  std::string error;
  StageTimer running(stageTimes, "interpret");
  ScopedStage interpreting(stages.get(), "interpret");
  if (!runtime::runNetwork(network, inputs, options.steps, probes, result,
                           error, progress)) {
    reportError(error);
    return UserError;
  }
  interpreting.finish();
  running.finish();
  StageTimer writing(stageTimes, "write-outputs");
  ScopedStage writingStage(stages.get(), "write-outputs");
  if (!writeArrays(options.outputs, result.outputs) ||
      !writeArrays(recordFiles, result.recordings))
    return UserError;
  writingStage.finish();
  return Success;
}

} // namespace snc::driver
