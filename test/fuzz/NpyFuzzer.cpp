//===- NpyFuzzer.cpp - libFuzzer target for the .npy reader ---------------===//
//
// Any bytes: parseNpy either fails with a message or gives an array whose
// byte count matches its shape and dtype, and which writes and reads back
// unchanged.
//
//===----------------------------------------------------------------------===//

#include "runtime/Npy.h"

#include <cstdlib>

using namespace snc::runtime;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  NpyArray array;
  std::string error;
  if (!parseNpy(data, size, array, error)) {
    if (error.empty())
      std::abort(); // a failure must say why
    return 0;
  }
  if (array.bytes.size() != array.numElements() * npyDTypeSize(array.dtype))
    std::abort();
  std::vector<uint8_t> written;
  if (!serializeNpy(array, written, error))
    return 0; // e.g. a header too long to write back
  NpyArray again;
  if (!parseNpy(written.data(), written.size(), again, error) ||
      again.dtype != array.dtype || again.shape != array.shape ||
      again.bytes != array.bytes)
    std::abort();
  return 0;
}
