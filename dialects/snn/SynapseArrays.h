//===- SynapseArrays.h - views of a sparse projection's arrays -*- C++ -*-===//
//
// snn.sparse_projection keeps its row pointers, targets and delays inline
// (array<i64>, readable in small tests) or in dense_resource blobs of
// narrow integers (large networks: not uniqued, not hashed, read in place
// from a bytecode file), and its weights inline (dense elements) or in a
// blob of f32, f64 or integers. Every reader goes through these views, so
// none cares which form or width a file used; the writers pick the form
// with makeIndexArray / makeWeightArray.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_DIALECTS_SNN_SYNAPSEARRAYS_H
#define SNC_DIALECTS_SNN_SYNAPSEARRAYS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/iterator.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace snc::snn {

/// Arrays of at least this many elements are written as dense_resource
/// blobs; shorter ones stay inline, so small tests read as they are.
constexpr int64_t kBlobThreshold = 4096;

/// A read-only view of integers: an inline DenseI64ArrayAttr or a blob of
/// i8, i16, i32 or i64 (sign-extended). An attribute that is neither, or a
/// blob that is missing or of the wrong size, gives an invalid (empty) view:
/// the op's verifier says why (verifyIndexArray).
class IndexArray {
public:
  IndexArray() = default;
  static IndexArray get(mlir::Attribute attr);

  explicit operator bool() const { return valid; }
  int64_t size() const { return count; }
  bool empty() const { return count == 0; }
  /// Bytes per stored element (8 inline).
  unsigned getElementBytes() const { return width; }

  int64_t operator[](int64_t i) const {
    const char *p = data + i * width;
    switch (width) {
    case 1:
      return int8_t(*p);
    case 2:
      return load<int16_t>(p);
    case 4:
      return load<int32_t>(p);
    default:
      return load<int64_t>(p);
    }
  }

  class iterator : public llvm::iterator_facade_base<
                       iterator, std::random_access_iterator_tag, int64_t,
                       std::ptrdiff_t, const int64_t *, int64_t> {
  public:
    iterator(const IndexArray *array, int64_t index)
        : array(array), index(index) {}
    int64_t operator*() const { return (*array)[index]; }
    bool operator==(const iterator &other) const {
      return index == other.index;
    }
    bool operator<(const iterator &other) const { return index < other.index; }
    std::ptrdiff_t operator-(const iterator &other) const {
      return index - other.index;
    }
    iterator &operator+=(std::ptrdiff_t n) {
      index += n;
      return *this;
    }
    iterator &operator-=(std::ptrdiff_t n) {
      index -= n;
      return *this;
    }

  private:
    const IndexArray *array;
    int64_t index;
  };
  iterator begin() const { return iterator(this, 0); }
  iterator end() const { return iterator(this, count); }

  /// The elements in place when they are 4-byte-aligned i32 (a blob), so
  /// a reader may use them without a copy for as long as the context
  /// lives; null otherwise.
  const int32_t *getInt32Data() const {
    return width == 4 &&
                   reinterpret_cast<uintptr_t>(data) % alignof(int32_t) == 0
               ? reinterpret_cast<const int32_t *>(data)
               : nullptr;
  }

  std::vector<int64_t> toVector() const;
  /// The largest element (0 when empty).
  int64_t max() const;

private:
  template <typename T> static T load(const char *p) {
    T v; // blobs need not be aligned for T
    std::memcpy(&v, p, sizeof(T));
    return v;
  }

  const char *data = nullptr;
  int64_t count = 0;
  unsigned width = 8;
  bool valid = false;
};

/// A read-only view of weights or parameters: an inline dense elements
/// attribute (any element type a parameter may have, splats included) or a
/// statically shaped blob of f32, f64 or i8/i16/i32/i64, of any rank. Values
/// read as snn::paramValues reads them (integers converted to double), so
/// results do not depend on the form.
class WeightArray {
public:
  WeightArray() = default;
  static WeightArray get(mlir::Attribute attr);

  explicit operator bool() const { return bool(elementType); }
  /// Stored elements: 1 (one weight for every synapse) or one per synapse.
  int64_t size() const { return count; }
  mlir::Type getElementType() const { return elementType; }
  /// True when every element is the same stored value (a splat or a
  /// single value).
  bool isSplat() const { return splat || count == 1; }

  /// Element `i`, as a double.
  double operator[](int64_t i) const;
  /// Element `i` of integer weights, exactly (as a double rounded toward
  /// zero for floats).
  int64_t integer(int64_t i) const;
  /// Element `i` of the weights broadcast to any length.
  double at(int64_t i) const { return (*this)[isSplat() ? 0 : i]; }

  /// All values broadcast to `n` when a single value is stored, as
  /// paramValues(attr, n).
  std::vector<double> values(int64_t n) const;
  /// The elements as attributes of their element type, broadcast to `n`
  /// when a single value is stored.
  llvm::SmallVector<mlir::Attribute> toAttributes(int64_t n) const;

private:
  enum class Kind { F32, F64, Signed, Unsigned, Decoded };

  const char *data = nullptr;
  int64_t count = 0;
  unsigned width = 0;
  bool splat = false;
  Kind kind = Kind::Decoded;
  mlir::Type elementType;
  mlir::Attribute attr;
  /// Element types without a raw layout snc reads (f16, bf16, i1, odd
  /// widths): decoded once by paramValues.
  std::shared_ptr<const std::vector<double>> decoded;
};

/// Checks that `attr` (the op's attribute `name`) is a readable index array
/// whose blob, if any, holds signed integers of one of `widths` bits;
/// emits an error on `op` naming it and the attribute otherwise.
mlir::LogicalResult verifyIndexArray(mlir::Operation *op, llvm::StringRef name,
                                     mlir::Attribute attr,
                                     llvm::ArrayRef<unsigned> widths);

/// Checks that `attr` is a readable weight array; for a blob, that its data
/// is present, of f32, f64 or i8..i64, and as long as its type says, and of
/// rank 0 or 1 unless `anyRank` (the parameters of dense projections and
/// convolutions, read through snn::verifyParam).
mlir::LogicalResult verifyWeightArray(mlir::Operation *op, llvm::StringRef name,
                                      mlir::Attribute attr,
                                      bool anyRank = false);

/// A blob key for `field` of `op`: its `name` attribute (or its op name)
/// and the field, in the characters a resource key may hold. The blob
/// manager appends a counter when the key is taken.
std::string blobNameFor(mlir::Operation *op, llvm::StringRef field);
/// The same for an op to be named `opName` (an importer's node path).
std::string blobNameFor(llvm::StringRef opName, llvm::StringRef field);

/// A dense_resource blob of `type`, whose element type is Stored's, named
/// after `blobName`: `values` converted to Stored straight into the blob's
/// bytes, with no intermediate copy. Every writer of a large array (the
/// makers below, Params.h's makeParamOfType) makes its blob here.
template <typename Stored, typename T>
mlir::DenseResourceElementsAttr makeBlob(mlir::ShapedType type,
                                         llvm::StringRef blobName,
                                         llvm::ArrayRef<T> values) {
  mlir::AsmResourceBlob blob = mlir::HeapAsmResourceBlob::allocate(
      values.size() * sizeof(Stored), alignof(Stored));
  llvm::MutableArrayRef<char> bytes = blob.getMutableData();
  for (size_t i = 0; i < values.size(); ++i) {
    Stored v = Stored(values[i]);
    std::memcpy(bytes.data() + i * sizeof(Stored), &v, sizeof(Stored));
  }
  return mlir::detail::DenseResourceElementsAttrBase<Stored>::get(
      type, blobName, std::move(blob));
}

/// An index array for a writer: inline below `threshold` elements (all
/// inline with INT64_MAX, for comparisons), else a blob (named after
/// `blobName`) of i32 when every value fits, else i64.
mlir::Attribute makeIndexArray(mlir::MLIRContext *ctx, llvm::StringRef blobName,
                               llvm::ArrayRef<int64_t> values,
                               int64_t threshold = kBlobThreshold);
/// The same with the delays' narrowest width of i8, i16, i32, i64.
mlir::Attribute makeDelayArray(mlir::MLIRContext *ctx, llvm::StringRef blobName,
                               llvm::ArrayRef<int64_t> values,
                               int64_t threshold = kBlobThreshold);
/// Per-synapse weights, a 1-D tensor of f32, f64 or i32: inline below
/// kBlobThreshold elements, else a blob.
mlir::Attribute makeWeightArray(mlir::MLIRContext *ctx,
                                llvm::StringRef blobName,
                                llvm::ArrayRef<float> values,
                                int64_t threshold = kBlobThreshold);
mlir::Attribute makeWeightArray(mlir::MLIRContext *ctx,
                                llvm::StringRef blobName,
                                llvm::ArrayRef<double> values,
                                int64_t threshold = kBlobThreshold);
mlir::Attribute makeWeightArray(mlir::MLIRContext *ctx,
                                llvm::StringRef blobName,
                                llvm::ArrayRef<int32_t> values,
                                int64_t threshold = kBlobThreshold);

} // namespace snc::snn

#endif // SNC_DIALECTS_SNN_SYNAPSEARRAYS_H
