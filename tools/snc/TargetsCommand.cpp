//===- TargetsCommand.cpp - `snc targets` ---------------------------------===//

#include "tools/snc/Commands.h"
#include "tools/snc/Driver.h"

#include "targets/TargetDescription.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace snc::driver {

/// The source tree's targets/ first (a checkout needs no install), then the
/// installed share/snc/targets beside the executable.
static targets::TargetRegistryOptions registryOptions() {
  targets::TargetRegistryOptions options;
  options.searchDirs.push_back(SNC_TARGETS_SOURCE_DIR);
  std::string exe = llvm::sys::fs::getMainExecutable(
      nullptr, reinterpret_cast<void *>(&registryOptions));
  llvm::SmallString<256> installed(llvm::sys::path::parent_path(exe));
  llvm::sys::path::append(installed, "..", "share", "snc", "targets");
  if (llvm::sys::fs::is_directory(installed))
    options.searchDirs.push_back(std::string(installed));
  return options;
}

int targetsCommand(const TargetsCommandOptions &options) {
  targets::TargetRegistryOptions registry = registryOptions();
  if (options.targets.empty()) {
    std::vector<std::string> errors;
    for (const targets::TargetSummary &target :
         targets::listTargets(registry, &errors))
      llvm::outs() << llvm::format(
                          "%-20s %-9s ", target.name.c_str(),
                          targets::getFamilyName(target.family).str().c_str())
                   << target.description << "\n";
    for (const std::string &error : errors)
      reportError(error);
    return errors.empty() ? Success : UserError;
  }
  int status = Success;
  for (const std::string &nameOrPath : options.targets) {
    targets::TargetDescription target;
    std::string error;
    if (!targets::loadTarget(nameOrPath, registry, target, error)) {
      reportError(error);
      status = UserError;
      continue;
    }
    llvm::outs() << target.name << " (" << targets::getFamilyName(target.family)
                 << "): " << target.description << "\n"
                 << "  weights "
                 << (target.ternary()
                         ? "ternary"
                         : std::to_string(target.weightBits()) + " bits")
                 << ", state " << target.stateBits() << " bits, threshold "
                 << target.thresholdBits() << " bits, decay "
                 << targets::getDecayKindName(target.decayKind()) << ", "
                 << targets::getRoundingModeName(target.rounding())
                 << " rounding\n"
                 << "  delay slots " << target.minDelay() << ".."
                 << target.maxDelay() << "\n";
  }
  return status;
}

} // namespace snc::driver
