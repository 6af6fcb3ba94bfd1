//===- BackendCommands.cpp - `snc compile`, `snc simulate`, `snc verify` --===//
//
// The commands that go through a hardware backend: compile a model for a
// target, run compiled output in the backend's simulator, and check that
// simulator against the reference interpreter on the IR that was compiled.
//
//===----------------------------------------------------------------------===//

#include "tools/snc/Commands.h"
#include "tools/snc/Driver.h"

#include "backends/Backend.h"
#include "runtime/CompareOutputs.h"
#include "runtime/Run.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <cmath>
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

/// Sets a many-core target's mesh to `chips` ("WIDTHxHEIGHT"); the
/// manifest and the images hold each side in 16 bits.
bool setChips(const std::string &chips, targets::TargetDescription &target) {
  if (target.family != targets::TargetFamily::Manycore) {
    reportError("--chips " + chips + ": target '" + target.name + "' (" +
                targets::getFamilyName(target.family).str() +
                ") has no chip mesh; --chips applies to many-core targets");
    return false;
  }
  auto [x, y] = llvm::StringRef(chips).split('x');
  unsigned width = 0, height = 0;
  if (x.getAsInteger(10, width) || y.getAsInteger(10, height) || width < 1 ||
      height < 1 || width > 65535 || height > 65535) {
    reportError("--chips '" + chips +
                "': expected WIDTHxHEIGHT, two whole numbers 1..65535 "
                "(e.g. 8x6)");
    return false;
  }
  target.capacity["chips_x"] = width;
  target.capacity["chips_y"] = height;
  return true;
}

/// Loads the target (with its mesh set to `chips`, if given) and the
/// backend that compiles for it.
const backends::Backend *resolveBackend(const std::string &name,
                                        const std::string &chips,
                                        targets::TargetDescription &target) {
  std::string error;
  if (!targets::loadTarget(name, targets::getDefaultRegistryOptions(), target,
                           error)) {
    reportError(error);
    return nullptr;
  }
  if (!chips.empty() && !setChips(chips, target))
    return nullptr;
  backends::registerAllBackends();
  const backends::Backend *backend = backends::findBackend(target);
  if (!backend) {
    std::string known;
    for (const backends::Backend *b : backends::getBackends())
      known += (known.empty() ? "" : ", ") + b->getName().str();
    reportError("no backend compiles for target '" + target.name + "' (" +
                targets::getFamilyName(target.family).str() +
                "); registered backends: " + known);
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
  for (const backends::Backend *backend : backends::getBackends())
    if (backend->getName() == name)
      return backend;
  reportError(path.str().str() + ": no registered backend '" + name + "'");
  return nullptr;
}

/// Compiles into `dir`; the network's IR is left as compiled.
bool compileInto(Model &model, snn::NetworkOp network,
                 const targets::TargetDescription &target,
                 const backends::Backend &backend,
                 const CompileCommandOptions &options, const std::string &dir,
                 llvm::raw_ostream &summary) {
  backends::CompileOptions compile;
  compile.outputDir = dir;
  compile.seed = options.seed;
  compile.sequentialPlacement = options.sequentialPlacement;
  compile.calibration = options.calibration;
  return succeeded(
      backend.compile(model.getModule(), network, target, compile, summary));
}

/// The target, its backend and the network to compile, or null after an
/// error was reported.
template <typename Options>
snn::NetworkOp loadForTarget(const Options &options, Model &model,
                             targets::TargetDescription &target,
                             const backends::Backend *&backend) {
  backend = resolveBackend(options.target, options.chips, target);
  if (!backend)
    return nullptr;
  return loadRunnableNetwork(model, options.model, options.nir, options.network,
                             options.dt, options.scheme);
}

} // namespace

int compileCommand(const CompileCommandOptions &options) {
  targets::TargetDescription target;
  const backends::Backend *backend = nullptr;
  Model model;
  snn::NetworkOp network = loadForTarget(options, model, target, backend);
  if (!network)
    return UserError;
  std::string summary;
  llvm::raw_string_ostream os(summary);
  if (!compileInto(model, network, target, *backend, options, options.output,
                   os))
    return UserError;
  if (!options.quiet)
    llvm::outs() << summary;
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
  if (!backend->simulate(options.directory, inputs, options.steps, output,
                         error)) {
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
  snn::NetworkOp network = loadForTarget(options, model, target, backend);
  if (!network)
    return UserError;
  std::vector<runtime::NpyArray> inputs;
  if (!readArrays(options.inputs, inputs))
    return UserError;

  // Compile into the given directory, or a temporary one.
  std::string dir = options.output;
  bool temporary = dir.empty();
  if (temporary) {
    llvm::SmallString<128> path;
    if (llvm::sys::fs::createUniqueDirectory("snc-verify", path)) {
      reportError("cannot create a temporary directory");
      return InternalError;
    }
    dir = path.str().str();
  }
  auto cleanUp = [&] {
    if (temporary)
      llvm::sys::fs::remove_directories(dir);
  };
  std::string summary;
  llvm::raw_string_ostream os(summary);
  CompileCommandOptions compile;
  compile.seed = options.seed;
  compile.calibration = options.calibration;
  if (compile.calibration.empty()) {
    // The inputs the network is checked on are there: quantize for them.
    compile.calibration = options.inputs;
    if (!options.quiet)
      reportNote("calibrating the quantization on the --input arrays (no "
                 "--calibrate given)");
  }
  if (!compileInto(model, network, target, *backend, compile, dir, os)) {
    cleanUp();
    return UserError;
  }

  // The interpreter on the compiled IR, the simulator on the images.
  runtime::RunResult reference;
  std::string error;
  if (!runtime::runNetwork(network, inputs, options.steps, {}, reference,
                           error)) {
    reportError(error);
    cleanUp();
    return UserError;
  }
  int64_t steps =
      reference.outputs.empty() || reference.outputs[0].shape.empty()
          ? 0
          : reference.outputs[0].shape[0];
  backends::SimulationOutput simulated;
  if (!backend->simulate(dir, inputs, steps, simulated, error)) {
    reportError(error);
    cleanUp();
    return UserError;
  }
  cleanUp();

  int64_t compared = 0;
  if (std::optional<runtime::OutputMismatch> mismatch =
          runtime::firstMismatch(reference.outputs, simulated.outputs,
                                 simulated.latencyShift, compared)) {
    std::string name =
        mlir::cast<mlir::StringAttr>(network.getOutputNames()[mismatch->output])
            .getValue()
            .str();
    std::string core =
        simulated.locate ? simulated.locate(mismatch->output, mismatch->element)
                         : "?";
    auto show = [](double x) {
      return std::isnan(x) ? std::string("missing")
                           : std::to_string(int64_t(x));
    };
    reportError("verify failed: output '" + name + "' element " +
                std::to_string(mismatch->element) + " at step " +
                std::to_string(mismatch->step) + " (" + core + "): simulator " +
                show(mismatch->simulated) + ", interpreter " +
                show(mismatch->reference));
    return UserError;
  }
  if (!options.quiet) {
    llvm::outs() << summary;
    llvm::outs() << simulated.report;
  }
  llvm::outs() << "verify: " << compared << " output values over " << steps
               << " steps identical to the interpreter\n";
  return Success;
}

} // namespace snc::driver
