//===- Progress.cpp - numbered stages for --progress ----------------------===//

#include "passes/Progress.h"
#include "passes/Pipelines.h"

#include "mlir/Pass/Pass.h"
#include "llvm/Support/Format.h"

#include <algorithm>

namespace snc {

unsigned StageProgress::begin(llvm::StringRef name, bool counted) {
  std::lock_guard<std::mutex> lock(mutex);
  std::string label = name.str();
  if (counted) {
    ++numbered;
    total = std::max(total, numbered);
    label = "[" + std::to_string(numbered) + "/" + std::to_string(total) +
            "] " + label;
  }
  unsigned key = ++keys;
  running[key] = {label, std::chrono::steady_clock::now()};
  os << "snc: " << label << " ...\n";
  os.flush();
  return key;
}

void StageProgress::end(unsigned key, bool failed) {
  std::lock_guard<std::mutex> lock(mutex);
  auto it = running.find(key);
  if (it == running.end())
    return;
  double seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - it->second.start)
                       .count();
  os << "snc: " << it->second.label << (failed ? " failed after " : " done in ")
     << llvm::format("%.2f", seconds) << " s\n";
  os.flush();
  running.erase(it);
}

/// Pass adaptors have no argument; they and snc-on-network run the passes
/// that are the stages.
static bool isStage(mlir::Pass *pass) {
  return !pass->getArgument().empty() && !runsNestedStages(pass);
}

void PassProgressInstrumentation::runBeforePass(mlir::Pass *pass,
                                                mlir::Operation *op) {
  if (!isStage(pass))
    return;
  unsigned key = progress.begin(pass->getArgument());
  std::lock_guard<std::mutex> lock(mutex);
  keys[{pass, op}] = key;
}

void PassProgressInstrumentation::end(mlir::Pass *pass, mlir::Operation *op,
                                      bool failed) {
  if (!isStage(pass))
    return;
  unsigned key;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = keys.find({pass, op});
    if (it == keys.end())
      return;
    key = it->second;
    keys.erase(it);
  }
  progress.end(key, failed);
}

void PassProgressInstrumentation::runAfterPass(mlir::Pass *pass,
                                               mlir::Operation *op) {
  end(pass, op, /*failed=*/false);
}

void PassProgressInstrumentation::runAfterPassFailed(mlir::Pass *pass,
                                                     mlir::Operation *op) {
  end(pass, op, /*failed=*/true);
}

} // namespace snc
