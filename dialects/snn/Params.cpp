//===- Params.cpp - per-neuron parameter helpers --------------------------===//

#include "dialects/snn/Params.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"

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
bool forEachValue(DenseIntOrFPElementsAttr attr, Visit visit) {
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

} // namespace

std::vector<double> paramValues(DenseIntOrFPElementsAttr attr) {
  std::vector<double> out;
  out.reserve(attr.getNumElements());
  forEachValue(attr, [&](size_t, double v) {
    out.push_back(v);
    return true;
  });
  return out;
}

std::vector<double> paramValues(DenseIntOrFPElementsAttr attr, int64_t n) {
  std::vector<double> values = paramValues(attr);
  if (values.size() == 1 && n != 1)
    values.assign(n, values.front());
  return values;
}

DenseIntOrFPElementsAttr makeParam(MLIRContext *ctx, ArrayRef<double> values) {
  Type f64 = Float64Type::get(ctx);
  bool uniform = llvm::all_equal(values);
  if (uniform && !values.empty())
    return cast<DenseIntOrFPElementsAttr>(
        DenseElementsAttr::get(RankedTensorType::get({}, f64), values.front()));
  auto type = RankedTensorType::get({int64_t(values.size())}, f64);
  return cast<DenseIntOrFPElementsAttr>(DenseElementsAttr::get(type, values));
}

LogicalResult verifyParam(Operation *op, StringRef name,
                          DenseIntOrFPElementsAttr attr, int64_t n,
                          ParamRange range) {
  int64_t count = attr.getNumElements();
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
