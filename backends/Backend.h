//===- Backend.h - the interface every hardware backend implements -*- C++
//-*-===//
//
// A backend turns a discretized snn network into what one family of chips
// loads (per-core memory images, Verilog, pulse netlists) and, to be
// checked, runs that output in a simulator that reads only the output.
// Backends register themselves (backends/CMakeLists.txt); `snc targets`,
// `snc compile`, `snc simulate` and `snc verify` find them here. See
// docs/backends.md for how to add one.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_BACKEND_H
#define SNC_BACKENDS_BACKEND_H

#include "dialects/snn/SNNOps.h"
#include "runtime/Npy.h"
#include "targets/TargetDescription.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace snc::backends {

struct CompileOptions {
  std::string outputDir;
  /// Seed of every randomised decision (placement), for determinism.
  uint64_t seed = 1;
  /// Place slices in order instead of optimising (the baseline).
  bool sequentialPlacement = false;
  /// Calibration inputs for quantization, one .npy per network input.
  std::vector<std::string> calibration;
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

class Backend {
public:
  virtual ~Backend();

  /// The name `--target` families resolve to and `snc targets` lists.
  virtual llvm::StringRef getName() const = 0;
  virtual llvm::StringRef getDescription() const = 0;
  /// Whether this backend compiles for `target`.
  virtual bool accepts(const targets::TargetDescription &target) const = 0;

  /// Compiles `network` (discretized) for `target` into
  /// `options.outputDir`, transforming the IR in place (delay lowering,
  /// quantization, mapping) so the caller can run the interpreter on what
  /// was compiled. Emits diagnostics on failure. Writes a summary.
  virtual mlir::LogicalResult compile(mlir::ModuleOp module,
                                      snn::NetworkOp network,
                                      const targets::TargetDescription &target,
                                      const CompileOptions &options,
                                      llvm::raw_ostream &summary) const = 0;

  /// Runs compiled output for `steps` steps on `inputs`. Reads only what
  /// compile() wrote.
  virtual bool simulate(const std::string &dir,
                        const std::vector<runtime::NpyArray> &inputs,
                        int64_t steps, SimulationOutput &output,
                        std::string &error) const = 0;
};

/// Adds a backend; names must be unique.
void registerBackend(std::unique_ptr<Backend> backend);
/// Registers every backend built into this binary, once (generated from
/// the snc_backend lines of backends/CMakeLists.txt into the library
/// SNCBuiltinBackends, which tools link).
void registerAllBackends();
/// All registered backends, by name.
std::vector<const Backend *> getBackends();
/// The backend that accepts `target`, or null.
const Backend *findBackend(const targets::TargetDescription &target);

} // namespace snc::backends

#endif // SNC_BACKENDS_BACKEND_H
