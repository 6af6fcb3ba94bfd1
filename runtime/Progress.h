//===- Progress.h - step progress of long loops -----------------*- C++ -*-===//
//
// `--progress`: the interpreter's and the simulators' step loops report
// (steps done, steps total) through a ProgressFn after every step; a
// printer turns that into lines on stderr, rate-limited so a fast loop
// prints few of them. Nothing here touches what the loops compute.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_PROGRESS_H
#define SNC_RUNTIME_PROGRESS_H

#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <functional>
#include <string>

namespace snc::runtime {

/// Called with (steps done, steps total) as a loop advances.
using ProgressFn = std::function<void(int64_t, int64_t)>;

/// Seconds between two lines of a step printer (the last step is always
/// printed).
inline constexpr double kProgressInterval = 0.5;

/// A ProgressFn printing "snc: LABEL: step DONE/TOTAL (P%, S s)" to `os`
/// at most every kProgressInterval seconds, and always for the last step.
ProgressFn makeStepPrinter(llvm::raw_ostream &os, std::string label);

} // namespace snc::runtime

#endif // SNC_RUNTIME_PROGRESS_H
