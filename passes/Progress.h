//===- Progress.h - numbered stages for --progress --------------*- C++ -*-===//
//
// `snc compile/verify/quantize --progress`: each stage of a command prints
// "snc: [k/n] NAME ..." to stderr when it starts and "snc: [k/n] NAME done
// in S s" when it ends; the passes of a pass manager are stages through
// PassProgressInstrumentation. Long loops inside a stage report their
// steps apart (runtime/Progress.h). Nothing here changes what is computed.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_PROGRESS_H
#define SNC_PASSES_PROGRESS_H

#include "mlir/Pass/PassInstrumentation.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace snc {

/// Numbers and times the stages of one command.
class StageProgress {
public:
  /// `total` stages are expected; more may be added (addStages).
  StageProgress(llvm::raw_ostream &os, unsigned total) : os(os), total(total) {}

  void addStages(unsigned count) { total += count; }
  /// Starts the next stage and returns its key for end(). Thread-safe:
  /// passes on several ops may run at once. A stage that is not `counted`
  /// (loading, before the pipeline and so the total are known) has no
  /// number: "snc: NAME ...".
  unsigned begin(llvm::StringRef name, bool counted = true);
  /// Ends the stage begun as `key`; `failed` says so instead of "done".
  void end(unsigned key, bool failed = false);
  llvm::raw_ostream &getStream() { return os; }

private:
  struct Running {
    std::string label; // "[k/n] NAME" or "NAME"

    std::chrono::steady_clock::time_point start;
  };
  llvm::raw_ostream &os;
  unsigned total, numbered = 0, keys = 0;
  std::map<unsigned, Running> running;
  std::mutex mutex;
};

/// A stage of `progress` (none if null) from construction to finish(); one
/// left without finish() (an error returned early) ends as failed.
class ScopedStage {
public:
  ScopedStage(StageProgress *progress, llvm::StringRef name,
              bool counted = true)
      : progress(progress), key(progress ? progress->begin(name, counted) : 0) {
  }
  ~ScopedStage() { end(/*failed=*/true); }
  ScopedStage(const ScopedStage &) = delete;
  ScopedStage &operator=(const ScopedStage &) = delete;
  void finish() { end(/*failed=*/false); }

private:
  void end(bool failed) {
    if (progress)
      progress->end(key, failed);
    progress = nullptr;
  }
  StageProgress *progress;
  unsigned key;
};

/// Reports every pass that is a stage of its own as a StageProgress stage
/// (pass adaptors and snc-on-network, which only run others, are not).
class PassProgressInstrumentation : public mlir::PassInstrumentation {
public:
  explicit PassProgressInstrumentation(StageProgress &progress)
      : progress(progress) {}
  void runBeforePass(mlir::Pass *pass, mlir::Operation *op) override;
  void runAfterPass(mlir::Pass *pass, mlir::Operation *op) override;
  void runAfterPassFailed(mlir::Pass *pass, mlir::Operation *op) override;

private:
  void end(mlir::Pass *pass, mlir::Operation *op, bool failed);

  StageProgress &progress;
  /// The stage key of each pass running on an op.
  std::map<std::pair<mlir::Pass *, mlir::Operation *>, unsigned> keys;
  std::mutex mutex;
};

} // namespace snc

#endif // SNC_PASSES_PROGRESS_H
