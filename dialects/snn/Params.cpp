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

std::vector<double> paramValues(DenseIntOrFPElementsAttr attr) {
  std::vector<double> out;
  out.reserve(attr.getNumElements());
  Type elt = attr.getElementType();
  if (elt.isF64()) {
    for (double v : attr.getValues<double>())
      out.push_back(v);
  } else if (elt.isF32()) {
    for (float v : attr.getValues<float>())
      out.push_back(v);
  } else if (isa<FloatType>(elt)) {
    for (const APFloat &v : attr.getValues<APFloat>())
      out.push_back(v.convertToDouble());
  } else {
    bool isUnsigned = elt.isUnsignedInteger() || elt.isInteger(1);
    for (const APInt &v : attr.getValues<APInt>())
      out.push_back(isUnsigned ? double(v.getZExtValue())
                               : double(v.getSExtValue()));
  }
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
  std::vector<double> values = paramValues(attr);
  for (auto [i, v] : llvm::enumerate(values)) {
    if (!std::isfinite(v))
      return op->emitOpError()
             << "parameter '" << name << "' element " << i << " is not finite";
    if (range == ParamRange::Positive && !(v > 0))
      return op->emitOpError()
             << "parameter '" << name << "' must be positive, but element " << i
             << " is " << v;
    if (range == ParamRange::NonNegative && v < 0)
      return op->emitOpError()
             << "parameter '" << name << "' must be non-negative, but element "
             << i << " is " << v;
  }
  return success();
}

} // namespace snc::snn
