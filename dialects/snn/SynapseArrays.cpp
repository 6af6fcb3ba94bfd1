//===- SynapseArrays.cpp - read views of a sparse projection's arrays -----===//

#include "dialects/snn/SynapseArrays.h"
#include "dialects/snn/Params.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;

namespace snc::snn {

namespace {

/// The blob of `attr` when it has one and its data is present.
const AsmResourceBlob *blobOf(DenseResourceElementsAttr attr) {
  return attr.getRawHandle().getBlob();
}

/// True when the blob's bytes are exactly `type`'s elements of `bytes` each.
bool sizeMatches(DenseResourceElementsAttr attr, unsigned bytes) {
  const AsmResourceBlob *blob = blobOf(attr);
  return blob && int64_t(blob->getData().size()) ==
                     attr.getType().getNumElements() * int64_t(bytes);
}

/// Bytes per element of the integers a blob may hold (signless or signed,
/// 8 to 64 bits), or 0.
unsigned integerBytes(Type type, ArrayRef<unsigned> widths) {
  auto integer = dyn_cast<IntegerType>(type);
  if (!integer || integer.isUnsigned() ||
      !llvm::is_contained(widths, integer.getWidth()))
    return 0;
  return integer.getWidth() / 8;
}

constexpr unsigned kAllWidths[] = {8, 16, 32, 64};

} // namespace

//===----------------------------------------------------------------------===//
// IndexArray
//===----------------------------------------------------------------------===//

IndexArray IndexArray::get(Attribute attr) {
  IndexArray view;
  if (auto inline_ = dyn_cast_or_null<DenseI64ArrayAttr>(attr)) {
    ArrayRef<int64_t> values = inline_.asArrayRef();
    view.data = reinterpret_cast<const char *>(values.data());
    view.count = int64_t(values.size());
    view.valid = true;
    return view;
  }
  auto resource = dyn_cast_or_null<DenseResourceElementsAttr>(attr);
  if (!resource || resource.getType().getRank() != 1)
    return view;
  unsigned bytes = integerBytes(resource.getElementType(), kAllWidths);
  if (!bytes || !sizeMatches(resource, bytes))
    return view;
  view.data = blobOf(resource)->getData().data();
  view.count = resource.getType().getNumElements();
  view.width = bytes;
  view.valid = true;
  return view;
}

std::vector<int64_t> IndexArray::toVector() const {
  std::vector<int64_t> out(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i)
    out[size_t(i)] = (*this)[i];
  return out;
}

int64_t IndexArray::max() const {
  int64_t best = 0;
  for (int64_t i = 0; i < count; ++i)
    best = std::max(best, (*this)[i]);
  return best;
}

//===----------------------------------------------------------------------===//
// WeightArray
//===----------------------------------------------------------------------===//

/// The raw layout of element type `type`, when snc reads it directly.
static bool rawKind(Type type, unsigned &width, bool &isFloat,
                    bool &isUnsigned) {
  isFloat = type.isF32() || type.isF64();
  isUnsigned = false;
  if (isFloat) {
    width = type.isF32() ? 4 : 8;
    return true;
  }
  auto integer = dyn_cast<IntegerType>(type);
  if (!integer || !llvm::is_contained(kAllWidths, integer.getWidth()))
    return false;
  width = integer.getWidth() / 8;
  isUnsigned = integer.isUnsigned();
  return true;
}

WeightArray WeightArray::get(Attribute attr) {
  WeightArray view;
  unsigned width = 0;
  bool isFloat = false, isUnsigned = false;
  auto setKind = [&](Type type) {
    view.elementType = type;
    view.width = width;
    view.kind = type.isF32()   ? Kind::F32
                : type.isF64() ? Kind::F64
                : isUnsigned   ? Kind::Unsigned
                               : Kind::Signed;
  };
  if (auto dense = dyn_cast_or_null<DenseIntOrFPElementsAttr>(attr)) {
    view.attr = dense;
    view.count = dense.getNumElements();
    Type type = dense.getElementType();
    if (rawKind(type, width, isFloat, isUnsigned)) {
      // A splat stores its one element once.
      view.data = dense.getRawData().data();
      view.splat = dense.isSplat();
      setKind(type);
      return view;
    }
    view.elementType = type;
    view.kind = Kind::Decoded;
    view.decoded =
        std::make_shared<const std::vector<double>>(paramValues(dense));
    return view;
  }
  auto resource = dyn_cast_or_null<DenseResourceElementsAttr>(attr);
  if (!resource || !resource.getType().hasStaticShape())
    return view;
  Type type = resource.getElementType();
  if (!rawKind(type, width, isFloat, isUnsigned) || isUnsigned ||
      !sizeMatches(resource, width))
    return view;
  view.attr = resource;
  view.count = resource.getType().getNumElements();
  view.data = blobOf(resource)->getData().data();
  setKind(type);
  return view;
}

double WeightArray::operator[](int64_t i) const {
  if (splat)
    i = 0;
  const char *p = data + i * int64_t(width);
  auto load = [p](auto v) {
    std::memcpy(&v, p, sizeof(v));
    return v;
  };
  switch (kind) {
  case Kind::F32:
    return double(load(float()));
  case Kind::F64:
    return load(double());
  case Kind::Signed:
    switch (width) {
    case 1:
      return double(load(int8_t()));
    case 2:
      return double(load(int16_t()));
    case 4:
      return double(load(int32_t()));
    default:
      return double(load(int64_t()));
    }
  case Kind::Unsigned:
    switch (width) {
    case 1:
      return double(load(uint8_t()));
    case 2:
      return double(load(uint16_t()));
    case 4:
      return double(load(uint32_t()));
    default:
      return double(load(uint64_t()));
    }
  case Kind::Decoded:
    break;
  }
  return (*decoded)[size_t(i)];
}

int64_t WeightArray::integer(int64_t i) const {
  if (kind != Kind::Signed && kind != Kind::Unsigned)
    return int64_t((*this)[i]);
  const char *p = data + (splat ? 0 : i) * int64_t(width);
  int64_t v = 0;
  switch (width) {
  case 1:
    return kind == Kind::Signed ? int64_t(int8_t(*p)) : int64_t(uint8_t(*p));
  case 2: {
    int16_t s;
    std::memcpy(&s, p, 2);
    return kind == Kind::Signed ? int64_t(s) : int64_t(uint16_t(s));
  }
  case 4: {
    int32_t s;
    std::memcpy(&s, p, 4);
    return kind == Kind::Signed ? int64_t(s) : int64_t(uint32_t(s));
  }
  default:
    std::memcpy(&v, p, 8);
    return v;
  }
}

std::vector<double> WeightArray::values(int64_t n) const {
  int64_t length = count == 1 ? n : count;
  std::vector<double> out(static_cast<size_t>(length));
  for (int64_t i = 0; i < length; ++i)
    out[size_t(i)] = at(i);
  return out;
}

SmallVector<Attribute> WeightArray::toAttributes(int64_t n) const {
  SmallVector<Attribute> out;
  if (auto dense = dyn_cast<DenseIntOrFPElementsAttr>(attr)) {
    out.assign(dense.getValues<Attribute>().begin(),
               dense.getValues<Attribute>().end());
  } else {
    out.reserve(size_t(count));
    for (int64_t i = 0; i < count; ++i)
      out.push_back(
          isa<FloatType>(elementType)
              ? Attribute(FloatAttr::get(elementType, (*this)[i]))
              : Attribute(IntegerAttr::get(elementType, int64_t((*this)[i]))));
  }
  if (out.size() == 1 && n != 1)
    out.assign(size_t(n), out[0]);
  return out;
}

//===----------------------------------------------------------------------===//
// Verification
//===----------------------------------------------------------------------===//

/// Checks what every blob needs: data present, rank 1 (or 0 for weights),
/// an element type among those accepted, and as many bytes as its type
/// says.
static LogicalResult verifyBlob(Operation *op, StringRef name,
                                DenseResourceElementsAttr resource,
                                unsigned bytes, StringRef accepted,
                                bool allowScalar, bool anyRank = false) {
  StringRef key = resource.getRawHandle().getKey();
  ShapedType type = resource.getType();
  if (!type.hasStaticShape())
    return op->emitOpError() << "'" << name << "' blob '" << key
                             << "' must be statically shaped, but is " << type;
  if (!anyRank && (type.getRank() > 1 || (type.getRank() == 0 && !allowScalar)))
    return op->emitOpError() << "'" << name << "' blob '" << key
                             << "' must be a 1-D tensor, but is " << type;
  if (!bytes)
    return op->emitOpError()
           << "'" << name << "' blob '" << key << "' must hold " << accepted
           << ", but holds " << type.getElementType();
  const AsmResourceBlob *blob = blobOf(resource);
  if (!blob)
    return op->emitOpError() << "'" << name << "' refers to dense_resource '"
                             << key << "', which the file does not define";
  int64_t expected = type.getNumElements() * int64_t(bytes);
  if (int64_t(blob->getData().size()) != expected)
    return op->emitOpError() << "'" << name << "' blob '" << key << "' has "
                             << blob->getData().size() << " bytes, but " << type
                             << " needs " << expected;
  return success();
}

LogicalResult verifyIndexArray(Operation *op, StringRef name, Attribute attr,
                               ArrayRef<unsigned> widths) {
  if (isa<DenseI64ArrayAttr>(attr))
    return success();
  auto resource = dyn_cast<DenseResourceElementsAttr>(attr);
  if (!resource)
    return op->emitOpError()
           << "'" << name << "' must be array<i64> or a dense_resource blob";
  std::string accepted;
  for (auto [i, w] : llvm::enumerate(widths))
    accepted += (i ? (i + 1 == widths.size() ? " or i" : ", i") : "i") +
                std::to_string(w);
  return verifyBlob(op, name, resource,
                    integerBytes(resource.getElementType(), widths), accepted,
                    /*allowScalar=*/false);
}

LogicalResult verifyWeightArray(Operation *op, StringRef name, Attribute attr,
                                bool anyRank) {
  if (isa<DenseIntOrFPElementsAttr>(attr))
    return success();
  auto resource = dyn_cast<DenseResourceElementsAttr>(attr);
  if (!resource)
    return op->emitOpError()
           << "'" << name
           << "' must be dense elements or a dense_resource blob";
  unsigned width = 0;
  bool isFloat = false, isUnsigned = false;
  bool raw = rawKind(resource.getElementType(), width, isFloat, isUnsigned) &&
             !isUnsigned;
  return verifyBlob(op, name, resource, raw ? width : 0,
                    "f32, f64 or i8, i16, i32, i64", /*allowScalar=*/true,
                    anyRank);
}

//===----------------------------------------------------------------------===//
// Writers
//===----------------------------------------------------------------------===//

std::string blobNameFor(Operation *op, StringRef field) {
  auto name = op->getAttrOfType<StringAttr>("name");
  return blobNameFor(name ? name.getValue() : op->getName().stripDialect(),
                     field);
}

std::string blobNameFor(StringRef opName, StringRef field) {
  std::string key = opName.str();
  for (char &c : key)
    if (!llvm::isAlnum(c) && c != '_' && c != '.')
      c = '_';
  if (key.empty() || llvm::isDigit(key[0]) || key[0] == '.')
    key.insert(0, "p");
  return key + "." + field.str();
}

template <typename Stored, typename T>
static Attribute blobOf(MLIRContext *ctx, StringRef blobName, Type element,
                        ArrayRef<T> values) {
  return makeBlob<Stored>(
      RankedTensorType::get({int64_t(values.size())}, element), blobName,
      values);
}

/// Whether every value fits in a signed integer of `bits` bits.
static bool fits(ArrayRef<int64_t> values, unsigned bits) {
  int64_t hi = (int64_t(1) << (bits - 1)) - 1, lo = -hi - 1;
  return llvm::all_of(values, [&](int64_t v) { return v >= lo && v <= hi; });
}

static Attribute makeIntegers(MLIRContext *ctx, StringRef blobName,
                              ArrayRef<int64_t> values,
                              ArrayRef<unsigned> widths, int64_t threshold) {
  if (int64_t(values.size()) < threshold)
    return DenseI64ArrayAttr::get(ctx, values);
  unsigned bits = 64;
  for (unsigned w : widths)
    if (w < 64 && fits(values, w)) {
      bits = w;
      break;
    }
  Type element = IntegerType::get(ctx, bits);
  switch (bits) {
  case 8:
    return blobOf<int8_t>(ctx, blobName, element, values);
  case 16:
    return blobOf<int16_t>(ctx, blobName, element, values);
  case 32:
    return blobOf<int32_t>(ctx, blobName, element, values);
  default:
    return blobOf<int64_t>(ctx, blobName, element, values);
  }
}

Attribute makeIndexArray(MLIRContext *ctx, StringRef blobName,
                         ArrayRef<int64_t> values, int64_t threshold) {
  return makeIntegers(ctx, blobName, values, {32, 64}, threshold);
}

Attribute makeDelayArray(MLIRContext *ctx, StringRef blobName,
                         ArrayRef<int64_t> values, int64_t threshold) {
  return makeIntegers(ctx, blobName, values, kAllWidths, threshold);
}

template <typename T>
static Attribute makeWeights(MLIRContext *ctx, StringRef blobName, Type element,
                             ArrayRef<T> values, int64_t threshold) {
  if (int64_t(values.size()) < threshold)
    return DenseElementsAttr::get(
        RankedTensorType::get({int64_t(values.size())}, element), values);
  return blobOf<T>(ctx, blobName, element, values);
}

Attribute makeWeightArray(MLIRContext *ctx, StringRef blobName,
                          ArrayRef<float> values, int64_t threshold) {
  return makeWeights(ctx, blobName, Float32Type::get(ctx), values, threshold);
}

Attribute makeWeightArray(MLIRContext *ctx, StringRef blobName,
                          ArrayRef<double> values, int64_t threshold) {
  return makeWeights(ctx, blobName, Float64Type::get(ctx), values, threshold);
}

Attribute makeWeightArray(MLIRContext *ctx, StringRef blobName,
                          ArrayRef<int32_t> values, int64_t threshold) {
  return makeWeights(ctx, blobName, IntegerType::get(ctx, 32), values,
                     threshold);
}

} // namespace snc::snn
