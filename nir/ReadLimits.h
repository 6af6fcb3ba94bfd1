//===- ReadLimits.h - what a NIR file may make snc allocate -----*- C++ -*-===//
//
// A dataset's declared size is only a claim: a 17 KB file can declare a
// chunked dataset of 2^30 elements whose chunks were never written. The
// reader refuses, before allocating, any dataset larger than the file could
// hold, and window/shape parameters longer than any tensor rank.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_NIR_READLIMITS_H
#define SNC_NIR_READLIMITS_H

#include <cstdint>
#include <string>

namespace snc::nir {

/// deflate (gzip), the only compression NIR files use, compresses at most
/// 1032:1, so no file holds more data than this many times its size.
constexpr int64_t kMaxCompressionRatio = 1032;

/// Room for tiny files (a few scalars stored as fill values).
constexpr int64_t kDataBudgetSlackBytes = int64_t(1) << 20;

/// The bytes of data, counted in the file's element types, that all the
/// datasets of a file of `fileBytes` bytes may declare together.
inline int64_t dataBudgetBytes(int64_t fileBytes) {
  return fileBytes * kMaxCompressionRatio + kDataBudgetSlackBytes;
}

/// Shapes, strides, paddings, dilations, kernel sizes, groups and flatten
/// dimensions hold at most one value per tensor dimension.
constexpr int64_t kMaxShapeElements = 32;

/// Whether a node's dataset (named as in Node::arrays, e.g. "stride" or
/// "input_type.input") holds one value per dimension at most.
bool isShapeLikeDataset(const std::string &name);

} // namespace snc::nir

#endif // SNC_NIR_READLIMITS_H
