//===- NIRFuzzer.cpp - libFuzzer target for the NIR reader ----------------===//
//
// Any bytes as a NIR file, read as snc reads it: through the child process
// of nir/ReadIsolated.cpp, whose crashes and hangs (inside libhdf5) become
// errors. The reader must fail with a message or give a File whose root is
// a NIRGraph. libFuzzer sees the coverage of the parent's side only (the
// child's counters stay in the child); seed it with real NIR files.
//
//===----------------------------------------------------------------------===//

#include "nir/NIRModel.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

using namespace snc::nir;

namespace {

/// One scratch file per fuzzing process (readNIRFile takes a path).
const std::string &scratchPath() {
  static std::string path = [] {
    const char *dir = std::getenv("TMPDIR");
    std::string p = std::string(dir && *dir ? dir : "/tmp") + "/snc-fuzz-nir-" +
                    std::to_string(::getpid()) + ".nir";
    return p;
  }();
  return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string &path = scratchPath();
  FILE *f = std::fopen(path.c_str(), "wb");
  if (!f)
    std::abort();
  if (size && std::fwrite(data, 1, size, f) != size)
    std::abort();
  std::fclose(f);
  File file;
  std::string error;
  bool ok = readNIRFile(path, file, error);
  if (ok ? file.root.type != "NIRGraph" || !file.root.graph : error.empty())
    std::abort();
  return 0;
}
