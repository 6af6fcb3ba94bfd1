//===- StageTimes.cpp - wall time and peak memory of each stage -----------===//

#include "passes/StageTimes.h"

#include "mlir/Pass/Pass.h"
#include "llvm/Support/Format.h"

#include <sys/resource.h>

namespace snc {

uint64_t getPeakResidentBytes() {
  struct rusage usage {};
  if (getrusage(RUSAGE_SELF, &usage) != 0)
    return 0;
  return uint64_t(usage.ru_maxrss) * 1024; // Linux reports KiB
}

StageTimer::StageTimer(llvm::raw_ostream *os, llvm::StringRef stage)
    : os(os), stage(stage.str()), start(std::chrono::steady_clock::now()) {}

void StageTimer::finish() {
  if (done || !os)
    return;
  done = true;
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  *os << "snc: stage " << stage << (note.empty() ? "" : " (" + note + ")")
      << ": " << llvm::format("%.3f", seconds) << " s, peak RSS "
      << llvm::format("%.1f", double(getPeakResidentBytes()) / (1 << 20))
      << " MiB\n";
  os->flush();
}

/// Pass adaptors (which run nested pass managers) have no argument: their
/// time is that of the passes inside, reported on their own.
static bool isStage(mlir::Pass *pass) { return !pass->getArgument().empty(); }

void StageTimesInstrumentation::runBeforePass(mlir::Pass *pass,
                                              mlir::Operation *) {
  if (!isStage(pass))
    return;
  if (!nests.empty())
    nests.back() = true;
  running.push_back(std::make_unique<StageTimer>(&os, pass->getArgument()));
  nests.push_back(false);
}

void StageTimesInstrumentation::runAfterPass(mlir::Pass *pass,
                                             mlir::Operation *) {
  if (!isStage(pass) || running.empty())
    return;
  if (nests.back())
    running.back()->setNote("with the stages it ran");
  running.pop_back();
  nests.pop_back();
}

} // namespace snc
