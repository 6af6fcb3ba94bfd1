//===- Backend.h - the interface every hardware backend implements -*- C++
//-*-===//
//
// A backend turns a discretized snn network into what one family of chips
// loads (per-core memory images, Verilog, pulse netlists) and, to be
// checked, runs that output in a simulator that reads only the output. It
// contributes four things:
//
//   passes     appended to the one compile pipeline (passes/Pipelines.h)
//              after the shared discretize / lower-delays / quantize stages;
//   an emitter a read-only walk of the compiled IR that writes the files
//              (or prints them as text: `snc-translate --emit-<name>`);
//   simulate   runs the files alone;
//   capabilities  what `snc verify` may expect of the simulator, the
//              external programs the backend runs and its lit feature.
//
// Backends register themselves (backends/CMakeLists.txt); target files name
// theirs ("backend": "spinnaker2"). See docs/backends.md.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_BACKEND_H
#define SNC_BACKENDS_BACKEND_H

#include "dialects/snn/SNNOps.h"
#include "runtime/Npy.h"
#include "runtime/Progress.h"
#include "targets/TargetDescription.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/AnalysisManager.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace snc::backends {

/// What a backend's simulator promises about its outputs; `snc verify`
/// (backends/Verify.h) checks exactly this.
struct Equivalence {
  enum class Kind {
    /// Every output value equals the interpreter's, latencyShift steps
    /// later (the simulator reports the shift).
    BitExact,
    /// The same spikes (non-zero values), each at most `toleranceSteps`
    /// from its step in the interpreter after the shift: for circuits whose
    /// pulses are timed, not clocked in steps.
    SpikeTiming,
  };
  Kind kind = Kind::BitExact;
  int64_t toleranceSteps = 0;
  /// The simulator checks the circuit's timing (SFQ: setup, hold, merger
  /// hazards) and fails on any violation, so a passing verify also means
  /// none occurred.
  bool noTimingViolation = false;
};

/// A program the backend runs, found on PATH.
struct ExternalTool {
  std::string program; // "verilator"
  std::string purpose; // "to simulate the generated Verilog"
  /// Whether `snc compile` runs it too; otherwise only simulate (and
  /// verify) need it, and a machine without it can still compile.
  bool neededToCompile = false;
};

struct Capabilities {
  Equivalence equivalence;
  std::vector<ExternalTool> tools;
  /// The lit feature of tests that need this backend and its tools
  /// (`REQUIRES: spinnaker2`); lit.cfg.py sets it when `snc targets
  /// --lit-features` lists it.
  std::string litFeature;
};

/// Where an emitter puts its output.
struct EmitOutput {
  /// The directory to write the files into (created if missing).
  std::string directory;
  /// If set, print a textual form of every file here instead (for
  /// FileCheck); `directory` is then ignored.
  llvm::raw_ostream *text = nullptr;
};

/// What a simulator of compiled output produced.
struct SimulationOutput {
  /// One (steps, *shape) array per network output.
  std::vector<runtime::NpyArray> outputs;
  /// Outputs at step t + latencyShift stand for the IR's outputs at t.
  int64_t latencyShift = 0;
  /// The core that computes element `element` of output `output`.
  std::function<std::string(size_t output, int64_t element)> locate;
  /// A human-readable report (traffic, load, timing).
  std::string report;
};

/// What `snc compile --synth` prints and writes into the output directory
/// as synth.json: the vendor tools' resource (and timing) report.
struct SynthesisReport {
  std::string text; // for people
  std::string json; // synth.json
};

class Backend {
public:
  virtual ~Backend();

  /// The name target files give in "backend" and `snc targets` lists.
  virtual llvm::StringRef getName() const = 0;
  virtual llvm::StringRef getDescription() const = 0;
  virtual Capabilities getCapabilities() const = 0;

  /// Appends the backend's own passes for `network` to the compile
  /// pipeline `pm` (anchored on the module; the network is discretized,
  /// delay-lowered and quantized by then). `options` is the backend's
  /// option text ("seed=3 sequential-placement=true"); `module` is the IR
  /// as it will enter the pipeline, so stages it already went through can
  /// be left out. Emits an error and fails on bad options.
  virtual mlir::LogicalResult addPasses(mlir::OpPassManager &pm,
                                        mlir::ModuleOp module,
                                        snn::NetworkOp network,
                                        llvm::StringRef options) const = 0;

  /// Writes what the chips load for `network`, reading the compiled IR
  /// and changing nothing in it. `analyses` are the compile pipeline's
  /// (when it runs as its last pass, see createEmitPass), so results its
  /// passes computed are reused; null when run on its own. Writes a
  /// summary for people.
  virtual mlir::LogicalResult emit(mlir::ModuleOp module,
                                   snn::NetworkOp network,
                                   mlir::AnalysisManager *analyses,
                                   const EmitOutput &output,
                                   llvm::raw_ostream &summary) const = 0;

  /// Runs emitted output for `steps` steps (-1: as long as the inputs) on
  /// `inputs`. Reads only what emit() wrote. `options` is the backend's
  /// option text as addPasses gets it (`--backend-options`): the simulator
  /// uses those meant for it (the FPGA backend's x-initial=unique) and
  /// fails, setting `error`, on options the backend does not know.
  /// `progress`, if set, hears of the steps done where the simulator can
  /// tell (not from inside an external program); it changes no output.
  virtual bool simulate(const std::string &dir,
                        const std::vector<runtime::NpyArray> &inputs,
                        int64_t steps, llvm::StringRef options,
                        SimulationOutput &output, std::string &error,
                        const runtime::ProgressFn &progress) const = 0;

  /// Runs the vendor synthesis flow on what emit() wrote into `dir` for
  /// `target`'s part (`snc compile --synth`), reading only those files.
  /// Backends without one keep this default, which fails saying so.
  virtual bool synthesize(const std::string &dir,
                          const targets::TargetDescription &target,
                          SynthesisReport &report, std::string &error) const;
};

/// Adds a backend; names must be unique.
void registerBackend(std::unique_ptr<Backend> backend);
/// Registers every backend built into this binary, once (generated from
/// the snc_backend lines of backends/CMakeLists.txt into the library
/// SNCBuiltinBackends, which tools link).
void registerAllBackends();
/// All registered backends, by name.
std::vector<const Backend *> getBackends();
/// The backend registered as `name`, or null.
const Backend *findBackend(llvm::StringRef name);
/// The backend `target` names; sets `error` (naming the target and the
/// registered backends) and returns null if there is none.
const Backend *findBackend(const targets::TargetDescription &target,
                           std::string &error);
/// Checks that every external tool of `backend` is on PATH (with
/// `onlyToCompile`, those neededToCompile); otherwise sets `error` to a line
/// per missing tool, with its purpose.
bool checkTools(const Backend &backend, std::string &error,
                bool onlyToCompile = false);

/// A pass (on the module) running `backend`'s emitter on the network named
/// `network` with the pipeline's analyses; it changes no IR. The summary
/// is appended to `*summary`.
std::unique_ptr<mlir::Pass> createEmitPass(const Backend &backend,
                                           std::string network,
                                           EmitOutput output,
                                           std::string *summary);

/// A SimulationOutput::locate reading `owner->locations` (per output, per
/// element); "?" outside the table. `owner` stays alive with the function.
template <typename Owner>
std::function<std::string(size_t, int64_t)>
locateIn(std::shared_ptr<Owner> owner) {
  return [owner](size_t o, int64_t element) -> std::string {
    if (o >= owner->locations.size() || element < 0 ||
        size_t(element) >= owner->locations[o].size())
      return "?";
    return owner->locations[o][size_t(element)];
  };
}

/// Parses `text`, a backend's --backend-options, into its options struct
/// (pass-style options with createFromString); `valid` rejects values the
/// option parser accepts and the backend does not. The error names the
/// backend, the text and the options it knows.
template <typename Options>
std::unique_ptr<Options>
parseBackendOptions(llvm::StringRef backend, llvm::StringRef text,
                    llvm::StringRef known, std::string &error,
                    llvm::function_ref<bool(const Options &)> valid = {}) {
  std::unique_ptr<Options> options = Options::createFromString(text);
  if (options && valid && !valid(*options))
    options.reset();
  if (!options)
    error = (backend + ": bad backend options '" + text + "' (known: " + known +
             ")")
                .str();
  return options;
}

} // namespace snc::backends

#endif // SNC_BACKENDS_BACKEND_H
