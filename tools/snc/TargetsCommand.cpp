//===- TargetsCommand.cpp - `snc targets` ---------------------------------===//

#include "tools/snc/Commands.h"
#include "tools/snc/Driver.h"

#include "backends/Backend.h"
#include "targets/TargetDescription.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace snc::driver {

int targetsCommand(const TargetsCommandOptions &options) {
  targets::TargetRegistryOptions registry =
      targets::getDefaultRegistryOptions();
  if (options.litFeatures) {
    // The lit features of the backends that can run here (lit.cfg.py).
    backends::registerAllBackends();
    for (const backends::Backend *backend : backends::getBackends()) {
      std::string missing;
      std::string feature = backend->getCapabilities().litFeature;
      if (!feature.empty() && backends::checkTools(*backend, missing))
        llvm::outs() << feature << "\n";
    }
    return Success;
  }
  if (options.targets.empty()) {
    std::vector<std::string> errors;
    for (const targets::TargetSummary &target :
         targets::listTargets(registry, &errors))
      llvm::outs() << llvm::format(
                          "%-20s %-9s ", target.name.c_str(),
                          targets::getFamilyName(target.family).str().c_str())
                   << target.description << "\n";
    // What can compile for them.
    backends::registerAllBackends();
    llvm::outs() << "\nbackends:\n";
    for (const backends::Backend *backend : backends::getBackends())
      llvm::outs() << llvm::format("%-20s ", backend->getName().str().c_str())
                   << backend->getDescription() << "\n";
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
                 << target.maxDelay() << "\n"
                 << "  backend "
                 << (target.backend.empty()
                         ? "none (no backend compiles for it)"
                         : target.backend)
                 << "\n";
  }
  return status;
}

} // namespace snc::driver
