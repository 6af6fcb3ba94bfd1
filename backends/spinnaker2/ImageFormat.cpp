//===- ImageFormat.cpp - checksums and names of the image layout ----------===//

#include "backends/spinnaker2/ImageFormat.h"

namespace snc::spinnaker2::format {

uint64_t checksum(const std::vector<uint8_t> &bytes, size_t skip) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < bytes.size(); ++i) {
    // The checksum field itself counts as zeros, so it can live in the
    // bytes it covers.
    uint8_t byte = i >= skip && i < skip + 8 ? 0 : bytes[i];
    hash = (hash ^ byte) * 0x100000001b3ULL;
  }
  return hash;
}

const char *sectionName(Section section) {
  switch (section) {
  case kParams:
    return "params";
  case kState:
    return "state";
  case kKeyTable:
    return "key table";
  case kRows:
    return "synaptic rows";
  case kRing:
    return "ring buffers";
  case kSectionCount:
    break;
  }
  return "?";
}

} // namespace snc::spinnaker2::format
