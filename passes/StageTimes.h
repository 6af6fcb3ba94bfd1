//===- StageTimes.h - wall time and peak memory of each stage ---*- C++ -*-===//
//
// For measuring how time and memory grow with a network (bench/scale):
// after each stage, a line "snc: stage NAME: S s, peak RSS M MiB (now N
// MiB), CPU C s" on a stream. The peak is the process's so far, so the
// stage where it jumps is the one that needed the memory; "now" is the
// resident set at the stage's end (what is still held, less what the
// allocator kept); CPU is the process's user + system time in the stage,
// which other jobs on a shared machine change less than the wall time.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_STAGETIMES_H
#define SNC_PASSES_STAGETIMES_H

#include "mlir/Pass/PassInstrumentation.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace snc {

/// The process's peak resident set size so far, in bytes.
uint64_t getPeakResidentBytes();
/// The process's resident set size now, in bytes (0 where unknown).
uint64_t getResidentBytes();
/// The process's user + system CPU time so far, in seconds.
double getCpuSeconds();

/// Times one stage from construction to finish() (or destruction).
class StageTimer {
public:
  /// Prints nothing when `os` is null.
  StageTimer(llvm::raw_ostream *os, llvm::StringRef stage);
  ~StageTimer() { finish(); }
  StageTimer(const StageTimer &) = delete;
  StageTimer &operator=(const StageTimer &) = delete;
  void finish();
  /// Said after the stage's name ("snc: stage NAME (NOTE): ...").
  void setNote(llvm::StringRef text) { note = text.str(); }

private:
  llvm::raw_ostream *os;
  std::string stage, note;
  std::chrono::steady_clock::time_point start;
  double startCpu;
  bool done = false;
};

/// Reports every pass of a pass manager as a stage, by its argument. A pass
/// that runs others (a dynamic pipeline) is reported after them, with its
/// time including theirs.
class StageTimesInstrumentation : public mlir::PassInstrumentation {
public:
  explicit StageTimesInstrumentation(llvm::raw_ostream &os) : os(os) {}
  void runBeforePass(mlir::Pass *pass, mlir::Operation *op) override;
  void runAfterPass(mlir::Pass *pass, mlir::Operation *op) override;
  void runAfterPassFailed(mlir::Pass *pass, mlir::Operation *op) override {
    runAfterPass(pass, op);
  }

private:
  llvm::raw_ostream &os;
  /// Started stages, innermost last, and whether each has run others.
  std::vector<std::unique_ptr<StageTimer>> running;
  std::vector<bool> nests;
};

} // namespace snc

#endif // SNC_PASSES_STAGETIMES_H
