//===- TargetFuzzer.cpp - libFuzzer target for target descriptions --------===//
//
// Any text as a target description file: parseTarget (JSON reader, schema
// validator and the checks a schema cannot say) either accepts it or fails
// with a message; it never crashes, throws or recurses without bound.
//
//===----------------------------------------------------------------------===//

#include "targets/TargetDescription.h"

#include <cstdlib>

using namespace snc::targets;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string error;
  static const SchemaValidator *validator = getBundledTargetValidator(error);
  if (!validator)
    std::abort();
  TargetDescription target;
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  if (!parseTarget(text, "fuzz.json", *validator, target, error) &&
      error.empty())
    std::abort(); // a failure must say why
  return 0;
}
