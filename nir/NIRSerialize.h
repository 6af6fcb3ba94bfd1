//===- NIRSerialize.h - a NIR file in memory as bytes -----------*- C++ -*-===//
//
// The child process that reads a NIR file (ReadIsolated.cpp) hands the
// parsed File back to its parent as these bytes. The decoder checks every
// length against the bytes it has, so a garbled message is an error, never
// an out-of-bounds read or a huge allocation.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_NIR_NIRSERIALIZE_H
#define SNC_NIR_NIRSERIALIZE_H

#include "nir/NIRModel.h"

#include <string>
#include <string_view>

namespace snc::nir {

std::string serializeFile(const File &file);

/// False if `bytes` is not a whole serialized File.
bool deserializeFile(std::string_view bytes, File &file);

} // namespace snc::nir

#endif // SNC_NIR_NIRSERIALIZE_H
