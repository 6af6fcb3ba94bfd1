//===- TargetSchema.cpp - targets/schema.json, compiled in ----------------===//
//
// The build turns schema.json into a list of byte values
// (targets/TargetSchema.inc in the build tree, written by EmbedFile.cmake),
// so the schema the validator uses is always the one in the source tree.
//
//===----------------------------------------------------------------------===//

#include "targets/TargetDescription.h"

namespace {
const char BundledSchema[] = {
#include "targets/TargetSchema.inc"
    , 0};
} // namespace

const char *snc::targets::getBundledTargetSchema() { return BundledSchema; }
