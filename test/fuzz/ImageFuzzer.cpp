//===- ImageFuzzer.cpp - libFuzzer target for SpiNNaker2 images -----------===//
//
// The files `snc simulate` reads from a compiled directory, each decoded on
// its own: the first byte picks the reader (0: a PE image, 1: routes.bin,
// 2: manifest.json), the rest is the file. The checksum of an image or
// routes file is made right first, so that mutations reach the checks
// behind it. Every reader must fail with a message or succeed; none may
// crash or allocate what the file does not hold.
//
//===----------------------------------------------------------------------===//

#include "backends/spinnaker2/ImageDecode.h"
#include "backends/spinnaker2/ImageFormat.h"
#include "backends/spinnaker2/Manifest.h"
#include "backends/spinnaker2/RoutesFile.h"

#include <cstdlib>

using namespace snc;
using namespace snc::spinnaker2;
using namespace snc::spinnaker2::format;

namespace {

/// One SpiNNaker2 chip, as the bundled target `spinnaker2` describes it.
const mapping::Machine &chip() {
  static const mapping::Machine machine = [] {
    mapping::Machine m;
    m.qpesX = 38;
    m.qpesPerChip = 38;
    m.pesPerQpe = 4;
    m.neuronsPerPe = 250;
    m.memoryBytesPerPe = 98304;
    m.routerEntries = 16384;
    return m;
  }();
  return machine;
}

void fixChecksum(std::vector<uint8_t> &bytes, size_t at) {
  if (bytes.size() >= at + 8)
    put(bytes, at, checksum(bytes, at), 8);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  std::vector<uint8_t> bytes(data + 1, data + size);
  std::string error;
  bool ok = false;
  switch (data[0] % 3) {
  case 0: {
    fixChecksum(bytes, kChecksum);
    LoadedPe pe;
    ok = decodeImage(bytes, chip(), pe, error);
    break;
  }
  case 1: {
    fixChecksum(bytes, kRoutesChecksum);
    mapping::RoutingTables tables;
    ok = decodeRoutes(bytes, chip(), tables, error);
    break;
  }
  default: {
    Manifest manifest;
    ok = manifestFromJson(std::string(bytes.begin(), bytes.end()), manifest,
                          error);
    break;
  }
  }
  if (!ok && error.empty())
    std::abort(); // a failure must say why
  return 0;
}
