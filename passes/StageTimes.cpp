//===- StageTimes.cpp - wall time and peak memory of each stage -----------===//

#include "passes/StageTimes.h"

#include "mlir/Pass/Pass.h"
#include "llvm/Support/Format.h"

#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace snc {

uint64_t getPeakResidentBytes() {
  struct rusage usage {};
  if (getrusage(RUSAGE_SELF, &usage) != 0)
    return 0;
  return uint64_t(usage.ru_maxrss) * 1024; // Linux reports KiB
}

uint64_t getResidentBytes() {
  // Linux: the second field of /proc/self/statm, in pages.
  FILE *file = std::fopen("/proc/self/statm", "r");
  if (!file)
    return 0;
  unsigned long long size = 0, resident = 0;
  int read = std::fscanf(file, "%llu %llu", &size, &resident);
  std::fclose(file);
  long page = sysconf(_SC_PAGESIZE);
  return read == 2 && page > 0 ? uint64_t(resident) * uint64_t(page) : 0;
}

double getCpuSeconds() {
  struct rusage usage {};
  if (getrusage(RUSAGE_SELF, &usage) != 0)
    return 0;
  auto seconds = [](const timeval &t) {
    return double(t.tv_sec) + double(t.tv_usec) * 1e-6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

StageTimer::StageTimer(llvm::raw_ostream *os, llvm::StringRef stage)
    : os(os), stage(stage.str()), start(std::chrono::steady_clock::now()),
      startCpu(getCpuSeconds()) {}

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
      << " MiB (now "
      << llvm::format("%.1f", double(getResidentBytes()) / (1 << 20))
      << " MiB), CPU " << llvm::format("%.3f", getCpuSeconds() - startCpu)
      << " s\n";
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
