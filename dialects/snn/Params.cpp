//===- Params.cpp - per-neuron parameter helpers --------------------------===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SynapseArrays.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include <cmath>

using namespace mlir;

namespace snc::snn {

int64_t numElements(Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped || !shaped.hasStaticShape())
    return -1;
  return shaped.getNumElements();
}

namespace {

/// Calls `visit(i, v)` for every value of `attr` as a double, in order,
/// reading the attribute in place. Stops at the first `visit` returning
/// false; returns whether none did.
template <typename Visit>
bool forEachDenseValue(DenseIntOrFPElementsAttr attr, Visit visit) {
  Type elt = attr.getElementType();
  size_t i = 0;
  auto each = [&](auto values) {
    for (auto v : values)
      if (!visit(i++, double(v)))
        return false;
    return true;
  };
  if (elt.isF64())
    return each(attr.getValues<double>());
  if (elt.isF32())
    return each(attr.getValues<float>());
  if (isa<FloatType>(elt)) {
    for (const APFloat &v : attr.getValues<APFloat>())
      if (!visit(i++, v.convertToDouble()))
        return false;
    return true;
  }
  bool isUnsigned = elt.isUnsignedInteger() || elt.isInteger(1);
  if (!isUnsigned && isa<IntegerType>(elt)) {
    // The common widths without an APInt per value.
    switch (elt.getIntOrFloatBitWidth()) {
    case 8:
      return each(attr.getValues<int8_t>());
    case 16:
      return each(attr.getValues<int16_t>());
    case 32:
      return each(attr.getValues<int32_t>());
    case 64:
      return each(attr.getValues<int64_t>());
    default:
      break;
    }
  }
  for (const APInt &v : attr.getValues<APInt>())
    if (!visit(i++, isUnsigned ? double(v.getZExtValue())
                               : double(v.getSExtValue())))
      return false;
  return true;
}

/// The same for either form of parameter: a blob is read in place through
/// WeightArray (an unreadable one visits nothing; verifyParam says why).
template <typename Visit> bool forEachValue(Attribute attr, Visit visit) {
  if (auto dense = dyn_cast_or_null<DenseIntOrFPElementsAttr>(attr))
    return forEachDenseValue(dense, visit);
  WeightArray blob = WeightArray::get(attr);
  for (int64_t i = 0; i < blob.size(); ++i)
    if (!visit(size_t(i), blob[i]))
      return false;
  return true;
}

} // namespace

bool isParam(Attribute attr) {
  return isa_and_nonnull<DenseIntOrFPElementsAttr, DenseResourceElementsAttr>(
      attr);
}

std::vector<double> paramValues(Attribute attr) {
  std::vector<double> out;
  if (auto elements = dyn_cast_or_null<ElementsAttr>(attr))
    out.reserve(size_t(elements.getNumElements()));
  forEachValue(attr, [&](size_t, double v) {
    out.push_back(v);
    return true;
  });
  return out;
}

std::vector<double> paramValues(Attribute attr, int64_t n) {
  std::vector<double> values = paramValues(attr);
  if (values.size() == 1 && n != 1)
    values.assign(n, values.front());
  return values;
}

ElementsAttr makeParam(MLIRContext *ctx, ArrayRef<double> values,
                       StringRef blobName) {
  Type f64 = Float64Type::get(ctx);
  bool uniform = llvm::all_equal(values);
  if (uniform && !values.empty())
    return cast<DenseIntOrFPElementsAttr>(
        DenseElementsAttr::get(RankedTensorType::get({}, f64), values.front()));
  return makeParamOfType(RankedTensorType::get({int64_t(values.size())}, f64),
                         values, blobName);
}

template <typename Stored, typename T>
static ElementsAttr makeTyped(ShapedType type, ArrayRef<T> values,
                              StringRef blobName, int64_t threshold) {
  // Equal values stay inline: a splat stores one element.
  if (int64_t(values.size()) < threshold || llvm::all_equal(values)) {
    std::vector<Stored> stored(values.begin(), values.end());
    return cast<DenseIntOrFPElementsAttr>(
        DenseElementsAttr::get(type, ArrayRef<Stored>(stored)));
  }
  return cast<ElementsAttr>(
      Attribute(makeBlob<Stored>(type, blobName, values)));
}

template <typename T>
ElementsAttr makeParamOfType(ShapedType type, ArrayRef<T> values,
                             StringRef blobName, int64_t threshold) {
  Type elt = type.getElementType();
  if (elt.isF32())
    return makeTyped<float>(type, values, blobName, threshold);
  if (elt.isF64())
    return makeTyped<double>(type, values, blobName, threshold);
  switch (elt.getIntOrFloatBitWidth()) {
  case 8:
    return makeTyped<int8_t>(type, values, blobName, threshold);
  case 16:
    return makeTyped<int16_t>(type, values, blobName, threshold);
  case 32:
    return makeTyped<int32_t>(type, values, blobName, threshold);
  case 64:
    return makeTyped<int64_t>(type, values, blobName, threshold);
  default: // odd widths have no raw layout for a blob: inline
    break;
  }
  SmallVector<APInt> ints;
  for (T v : values)
    ints.push_back(APInt(elt.getIntOrFloatBitWidth(), int64_t(v), true));
  return cast<DenseIntOrFPElementsAttr>(DenseElementsAttr::get(type, ints));
}

template ElementsAttr makeParamOfType(ShapedType, ArrayRef<double>, StringRef,
                                      int64_t);
template ElementsAttr makeParamOfType(ShapedType, ArrayRef<float>, StringRef,
                                      int64_t);
template ElementsAttr makeParamOfType(ShapedType, ArrayRef<int32_t>, StringRef,
                                      int64_t);
template ElementsAttr makeParamOfType(ShapedType, ArrayRef<int64_t>, StringRef,
                                      int64_t);

LogicalResult verifyParam(Operation *op, StringRef name, Attribute attr,
                          int64_t n, ParamRange range) {
  if (!isParam(attr))
    return op->emitOpError()
           << "parameter '" << name
           << "' must be dense elements or a dense_resource blob";
  if (isa<DenseResourceElementsAttr>(attr) &&
      failed(verifyWeightArray(op, name, attr, /*anyRank=*/true)))
    return failure();
  int64_t count = cast<ElementsAttr>(attr).getNumElements();
  if (count != 1 && count != n)
    return op->emitOpError()
           << "parameter '" << name << "' has " << count
           << " values, expected 1 or " << n << " (one per element)";
  // In place: the verifier runs after every pass, on every weight array.
  LogicalResult result = success();
  forEachValue(attr, [&](size_t i, double v) {
    if (!std::isfinite(v)) {
      result = op->emitOpError() << "parameter '" << name << "' element " << i
                                 << " is not finite";
      return false;
    }
    if (range == ParamRange::Positive && !(v > 0)) {
      result = op->emitOpError()
               << "parameter '" << name << "' must be positive, but element "
               << i << " is " << v;
      return false;
    }
    if (range == ParamRange::NonNegative && v < 0) {
      result = op->emitOpError()
               << "parameter '" << name
               << "' must be non-negative, but element " << i << " is " << v;
      return false;
    }
    return true;
  });
  return result;
}

} // namespace snc::snn
