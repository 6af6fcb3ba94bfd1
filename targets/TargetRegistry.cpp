//===- TargetRegistry.cpp - where bundled targets are found ---------------===//

#include "targets/TargetDescription.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace snc::targets {

TargetRegistryOptions getDefaultRegistryOptions() {
  TargetRegistryOptions options;
  // A checkout needs no install: the source tree comes first.
  options.searchDirs.push_back(SNC_TARGETS_SOURCE_DIR);
  static int anchor;
  std::string exe = llvm::sys::fs::getMainExecutable(nullptr, &anchor);
  llvm::SmallString<256> installed(llvm::sys::path::parent_path(exe));
  llvm::sys::path::append(installed, "..", "share", "snc", "targets");
  if (llvm::sys::fs::is_directory(installed))
    options.searchDirs.push_back(std::string(installed));
  return options;
}

} // namespace snc::targets
