//===- Verify.h - a backend's simulator against the interpreter -*- C++ -*-===//
//
// `snc verify`'s check, as a library: the reference interpreter runs the IR
// exactly as it was compiled, the backend's simulator runs what its emitter
// wrote, and the outputs are compared as the backend declares
// (Capabilities::equivalence): bit for bit after a latency shift, or spike
// for spike within a timing tolerance.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_VERIFY_H
#define SNC_BACKENDS_VERIFY_H

#include "backends/Compile.h"

namespace snc::backends {

struct VerifyResult {
  bool equivalent = false;
  /// Output values (BitExact) or spikes (SpikeTiming) compared.
  int64_t compared = 0;
  int64_t steps = 0;
  /// The first difference, naming the output, element, step and core; or,
  /// when equivalent, one line saying what was checked.
  std::string message;
  /// The simulator's report.
  std::string report;
};

/// Runs both sides for `steps` steps (-1: as long as the inputs) and
/// compares them; the simulator gets the backend's `options`. Returns false
/// (with `error`) only when a side cannot run; a difference is a successful
/// check with `result.equivalent` false. With `progress`, the two runs are
/// its stages "interpret" and "simulate", each printing its steps; with
/// `stageTimes`, the interpreter, the simulator and the comparison are
/// timed as stages (passes/StageTimes.h).
bool verifyCompiled(snn::NetworkOp network, const Backend &backend,
                    const std::string &dir,
                    const std::vector<runtime::NpyArray> &inputs, int64_t steps,
                    llvm::StringRef options, VerifyResult &result,
                    std::string &error, StageProgress *progress = nullptr,
                    llvm::raw_ostream *stageTimes = nullptr);

/// `snc verify`: compiles `network` into `dir` (a temporary directory,
/// removed afterwards, if empty), then verifyCompiled with the settings'
/// backend options. The compile's
/// summary is appended to `summary`. Returns false with `error` (empty when
/// the compile emitted diagnostics) if either step cannot run.
bool compileAndVerify(mlir::ModuleOp module, snn::NetworkOp network,
                      const targets::TargetDescription &target,
                      const Backend &backend, const CompileSettings &settings,
                      const std::vector<runtime::NpyArray> &inputs,
                      int64_t steps, std::string dir, VerifyResult &result,
                      std::string &summary, std::string &error);

/// The spike-timing comparison on its own: every element of every output
/// must spike (be non-zero) as often in `simulated` as in `reference`, the
/// i-th spike at most `tolerance` steps from the i-th reference spike's
/// step + `shift`. Returns the first offending (output, element) as
/// `mismatch`, or nothing.
struct SpikeMismatch {
  size_t output = 0;
  int64_t element = 0;
  /// The reference spike's step, or -1 when the simulator spiked more.
  int64_t step = -1;
  int64_t referenceSpikes = 0, simulatedSpikes = 0;
};
std::optional<SpikeMismatch>
firstSpikeTimingMismatch(const std::vector<runtime::NpyArray> &reference,
                         const std::vector<runtime::NpyArray> &simulated,
                         int64_t shift, int64_t tolerance, int64_t &compared);

} // namespace snc::backends

#endif // SNC_BACKENDS_VERIFY_H
