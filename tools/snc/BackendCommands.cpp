//===- BackendCommands.cpp - `snc compile`, `snc simulate`, `snc verify` --===//
//
// The commands that go through a hardware backend: compile a model for a
// target (backends/Compile.h), run compiled output in the backend's
// simulator, and check that simulator against the reference interpreter
// (backends/Verify.h). What is left here is reading the command line.
//
//===----------------------------------------------------------------------===//

#include "tools/snc/Commands.h"
#include "tools/snc/Driver.h"

#include "backends/Backend.h"
#include "backends/Verify.h"
#include "passes/ExtractManycore.h"
#include "passes/Pipelines.h"
#include "passes/Progress.h"
#include "passes/StageTimes.h"
#include "runtime/FileIO.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace snc::driver {

namespace {

bool writeOutputs(const std::vector<std::string> &files,
                  const std::vector<runtime::NpyArray> &outputs) {
  if (files.size() != outputs.size()) {
    reportError("the network has " + std::to_string(outputs.size()) +
                " output(s), but " + std::to_string(files.size()) +
                " --output file(s) were given");
    return false;
  }
  return writeArrays(files, outputs);
}

/// Sets a many-core target's mesh to `chips` ("WIDTHxHEIGHT"), at most 256
/// a side as the schema's meshDimension allows. The description changes as
/// the file would (so does what snn.target records).
bool setChips(const std::string &chips, targets::TargetDescription &target) {
  if (!target.manycore) {
    reportError("--chips " + chips + ": target '" + target.name + "' (" +
                targets::getFamilyName(target.family).str() +
                ") has no chip mesh; --chips applies to many-core targets");
    return false;
  }
  auto [x, y] = llvm::StringRef(chips).split('x');
  unsigned width = 0, height = 0;
  if (x.getAsInteger(10, width) || y.getAsInteger(10, height) || width < 1 ||
      height < 1 || width > 256 || height > 256) {
    reportError("--chips '" + chips +
                "': expected WIDTHxHEIGHT, two whole numbers 1..256 "
                "(e.g. 8x6)");
    return false;
  }
  std::string error;
  if (!targets::overrideTarget(target, "/capacity/chips_x",
                               std::to_string(width), "--chips " + chips,
                               error) ||
      !targets::overrideTarget(target, "/capacity/chips_y",
                               std::to_string(height), "--chips " + chips,
                               error)) {
    reportError(error);
    return false;
  }
  return true;
}

/// Loads the target, parsed once for the whole compile (with its mesh set
/// to `chips`, if given), and the backend it names, with the external tools
/// compiling needs, and those simulating needs if `simulates` (verify
/// checks them before it compiles).
const backends::Backend *resolveBackend(const std::string &name,
                                        const std::string &chips,
                                        targets::TargetDescription &target,
                                        bool simulates) {
  std::string error;
  if (!targets::loadTarget(name, targets::getDefaultRegistryOptions(), target,
                           error)) {
    reportError(error);
    return nullptr;
  }
  if (!chips.empty() && !setChips(chips, target))
    return nullptr;
  backends::registerAllBackends();
  const backends::Backend *backend = backends::findBackend(target, error);
  if (!backend ||
      !backends::checkTools(*backend, error, /*onlyToCompile=*/!simulates)) {
    reportError(error);
    return nullptr;
  }
  return backend;
}

/// The backend named in a compiled directory's manifest.
const backends::Backend *backendOfDirectory(const std::string &dir) {
  llvm::SmallString<256> path(dir);
  llvm::sys::path::append(path, "manifest.json");
  std::ifstream in(path.str().str());
  if (!in) {
    reportError("'" + dir +
                "' holds no manifest.json (is it `snc compile` "
                "output?)");
    return nullptr;
  }
  std::string name;
  try {
    nlohmann::json manifest = nlohmann::json::parse(in);
    name = manifest.at("backend").get<std::string>();
  } catch (const std::exception &e) {
    reportError(path.str().str() +
                ": cannot read the backend name: " + e.what());
    return nullptr;
  }
  backends::registerAllBackends();
  if (const backends::Backend *backend = backends::findBackend(name))
    return backend;
  reportError(path.str().str() + ": no registered backend '" + name + "'");
  return nullptr;
}

/// The backend's option text: --backend-options, after what the shorthand
/// flags say.
template <typename Options>
std::string backendOptionText(const Options &options) {
  std::string text = "seed=" + std::to_string(options.seed);
  if (options.sequentialPlacement)
    text += " sequential-placement=true";
  if (!options.backendOptions.empty())
    text += " " + options.backendOptions;
  return text;
}

/// The settings of a compile from the command line.
template <typename Options>
backends::CompileSettings settingsOf(const Options &options, double dt) {
  backends::CompileSettings settings;
  settings.dt = dt;
  settings.scheme = options.scheme;
  settings.calibration = options.calibration;
  settings.backendOptions = backendOptionText(options);
  if (options.stageTimes)
    settings.stageTimes = &llvm::errs();
  settings.mappingBytecode = options.mappingFormat == "bytecode";
  return settings;
}

template <typename Options> void printExtractions(const Options &options) {
  if (options.printExtractions)
    llvm::errs() << "snc: many-core extractions: "
                 << getManycoreExtractionCount() << "\n";
}

/// The target, its backend and the network to compile (with its dt), or
/// null after an error was reported.
template <typename Options>
snn::NetworkOp loadForTarget(const Options &options, Model &model, double &dt,
                             targets::TargetDescription &target,
                             const backends::Backend *&backend, bool simulates,
                             StageProgress *progress) {
  backend = resolveBackend(options.target, options.chips, target, simulates);
  if (!backend)
    return nullptr;
  dt = options.dt;
  StageTimer timer(options.stageTimes ? &llvm::errs() : nullptr, "load");
  ScopedStage stage(progress, "load", /*counted=*/false);
  snn::NetworkOp network =
      loadNetwork(model, options.model, options.nir, options.network, dt);
  if (network)
    stage.finish();
  return network;
}

/// `--progress`: the stages of the command, on stderr.
std::unique_ptr<StageProgress> progressOf(bool enabled) {
  return enabled ? std::make_unique<StageProgress>(llvm::errs(), 0) : nullptr;
}

/// `snc compile --synth`: the backend's synthesis report, printed and
/// written to <output>/synth.json.
bool synthesize(const backends::Backend &backend,
                const targets::TargetDescription &target,
                const CompileCommandOptions &options) {
  backends::SynthesisReport report;
  std::string error;
  llvm::SmallString<256> path(options.output);
  llvm::sys::path::append(path, "synth.json");
  if (!backend.synthesize(options.output, target, report, error) ||
      !runtime::writeFileAtomically(std::string(path), report.json, error)) {
    reportError(error);
    return false;
  }
  if (!options.quiet)
    llvm::outs() << report.text;
  return true;
}

} // namespace

int compileCommand(const CompileCommandOptions &options) {
  targets::TargetDescription target;
  const backends::Backend *backend = nullptr;
  Model model;
  double dt = 0;
  std::unique_ptr<StageProgress> progress = progressOf(options.progress);
  snn::NetworkOp network = loadForTarget(options, model, dt, target, backend,
                                         /*simulates=*/false, progress.get());
  if (!network)
    return UserError;
  std::string summary;
  llvm::raw_string_ostream os(summary);
  backends::CompileSettings settings = settingsOf(options, dt);
  settings.progress = progress.get();
  if (failed(backends::compileNetwork(model.getModule(), network, target,
                                      *backend, settings, options.output, os)))
    return UserError;
  printExtractions(options);
  if (!options.quiet)
    llvm::outs() << summary;
  llvm::outs().flush(); // the summary before a synthesis of minutes
  if (options.synth && !synthesize(*backend, target, options))
    return UserError;
  return Success;
}

int simulateCommand(const SimulateCommandOptions &options) {
  const backends::Backend *backend = backendOfDirectory(options.directory);
  if (!backend)
    return UserError;
  std::vector<runtime::NpyArray> inputs;
  if (!readArrays(options.inputs, inputs))
    return UserError;
  backends::SimulationOutput output;
  std::string error;
  runtime::ProgressFn progress;
  if (options.progress)
    progress = runtime::makeStepPrinter(llvm::errs(), "simulate");
  if (!backend->simulate(options.directory, inputs, options.steps,
                         options.backendOptions, output, error, progress)) {
    reportError(error);
    return UserError;
  }
  if (!writeOutputs(options.outputs, output.outputs))
    return UserError;
  if (!options.quiet)
    llvm::outs() << output.report;
  return Success;
}

int verifyCommand(const VerifyCommandOptions &options) {
  targets::TargetDescription target;
  const backends::Backend *backend = nullptr;
  Model model;
  double dt = 0;
  std::unique_ptr<StageProgress> progress = progressOf(options.progress);
  snn::NetworkOp network = loadForTarget(options, model, dt, target, backend,
                                         /*simulates=*/true, progress.get());
  if (!network)
    return UserError;
  std::vector<runtime::NpyArray> inputs;
  if (!readArrays(options.inputs, inputs))
    return UserError;

  backends::CompileSettings settings = settingsOf(options, dt);
  settings.progress = progress.get();
  if (settings.calibration.empty() && needsQuantization(network)) {
    // The inputs the network is checked on are there: quantize for them.
    settings.calibration = options.inputs;
    if (!options.quiet)
      reportNote("calibrating the quantization on the --input arrays (no "
                 "--calibrate given)");
  }
  backends::VerifyResult result;
  std::string summary, error;
  if (!backends::compileAndVerify(model.getModule(), network, target, *backend,
                                  settings, inputs, options.steps,
                                  options.output, result, summary, error)) {
    if (!error.empty()) // else the compile's diagnostics said why
      reportError(error);
    return UserError;
  }
  printExtractions(options);
  if (!result.equivalent) {
    reportError(result.message);
    return UserError;
  }
  if (!options.quiet) {
    llvm::outs() << summary;
    llvm::outs() << result.report;
  }
  llvm::outs() << result.message << "\n";
  return Success;
}

} // namespace snc::driver
