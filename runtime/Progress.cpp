//===- Progress.cpp - step progress of long loops -------------------------===//

#include "runtime/Progress.h"

#include "llvm/Support/Format.h"

#include <chrono>
#include <memory>

namespace snc::runtime {

ProgressFn makeStepPrinter(llvm::raw_ostream &os, std::string label) {
  using Clock = std::chrono::steady_clock;
  struct State {
    Clock::time_point start = Clock::now(), last = start;
  };
  auto state = std::make_shared<State>();
  return [&os, label = std::move(label), state](int64_t done, int64_t total) {
    Clock::time_point now = Clock::now();
    if (done < total &&
        std::chrono::duration<double>(now - state->last).count() <
            kProgressInterval)
      return;
    state->last = now;
    double percent = total > 0 ? 100.0 * double(done) / double(total) : 100;
    double seconds = std::chrono::duration<double>(now - state->start).count();
    os << "snc: " << label << ": step " << done << "/" << total << " ("
       << llvm::format("%.0f", percent) << "%, "
       << llvm::format("%.1f", seconds) << " s)\n";
    os.flush();
  };
}

} // namespace snc::runtime
