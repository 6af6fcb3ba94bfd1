//===- ImageDecode.h - one PE image, bytes to LoadedPe ----------*- C++ -*-===//

#ifndef SNC_BACKENDS_SPINNAKER2_IMAGEDECODE_H
#define SNC_BACKENDS_SPINNAKER2_IMAGEDECODE_H

#include "backends/spinnaker2/Images.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::spinnaker2 {

/// Decodes a PE image and checks it on its own: magic and version, sizes
/// (a truncated file says so), checksum, header fields in range, sections
/// where the header says and as large as the neuron count needs, key table
/// sorted with disjoint key ranges, every row inside its
/// section, every synapse's target inside the slice and delay inside the
/// ring buffer. Errors carry no file name.
bool decodeImage(const std::vector<uint8_t> &bytes,
                 const mapping::Machine &machine, LoadedPe &pe,
                 std::string &error);

} // namespace snc::spinnaker2

#endif // SNC_BACKENDS_SPINNAKER2_IMAGEDECODE_H
