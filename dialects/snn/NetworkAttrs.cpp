//===- NetworkAttrs.cpp - the snn.* attributes of a network ---------------===//
//
// Decisions one stage records on a network for later ones (latency shift,
// quantization scales, target): their typed accessors and verifier.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/SNNOps.h"

#include "mlir/IR/Builders.h"

#include <cmath>

using namespace mlir;
using namespace snc::snn;

static SNNDialect *dialectOf(Operation *op) {
  return op->getContext()->getLoadedDialect<SNNDialect>();
}

int64_t NetworkOp::getLatencyShift() {
  IntegerAttr shift =
      dialectOf(*this)->getLatencyShiftAttrHelper().getAttr(*this);
  return shift ? shift.getInt() : 0;
}

void NetworkOp::setLatencyShift(int64_t steps) {
  dialectOf(*this)->getLatencyShiftAttrHelper().setAttr(
      *this, IntegerAttr::get(IntegerType::get(getContext(), 64), steps));
}

static std::vector<double> doublesOf(ArrayAttr array) {
  std::vector<double> out;
  if (array)
    for (Attribute element : array)
      out.push_back(cast<FloatAttr>(element).getValueAsDouble());
  return out;
}

std::vector<double> NetworkOp::getInputScales() {
  return doublesOf(dialectOf(*this)->getInputScalesAttrHelper().getAttr(*this));
}

std::vector<double> NetworkOp::getOutputScales() {
  return doublesOf(
      dialectOf(*this)->getOutputScalesAttrHelper().getAttr(*this));
}

void NetworkOp::setScales(ArrayRef<double> inputs, ArrayRef<double> outputs) {
  Builder b(getContext());
  auto array = [&](ArrayRef<double> values) {
    SmallVector<Attribute> elements;
    for (double v : values)
      elements.push_back(b.getF64FloatAttr(v));
    return b.getArrayAttr(elements);
  };
  SNNDialect *dialect = dialectOf(*this);
  dialect->getInputScalesAttrHelper().setAttr(*this, array(inputs));
  dialect->getOutputScalesAttrHelper().setAttr(*this, array(outputs));
}

/// `n` non-negative finite f64 scales, one per network input or output.
static LogicalResult verifyScales(NetworkOp network, NamedAttribute attr,
                                  size_t n, StringRef what) {
  auto array = dyn_cast<ArrayAttr>(attr.getValue());
  if (!array)
    return network.emitOpError()
           << "'" << attr.getName().getValue() << "' must be an array";
  if (array.size() != n)
    return network.emitOpError()
           << "'" << attr.getName().getValue() << "' has " << array.size()
           << " scales for " << n << " network " << what;
  for (Attribute element : array) {
    auto scale = dyn_cast<FloatAttr>(element);
    if (!scale || !scale.getType().isF64() ||
        !(scale.getValueAsDouble() >= 0) ||
        !std::isfinite(scale.getValueAsDouble()))
      return network.emitOpError()
             << "'" << attr.getName().getValue()
             << "' must hold non-negative finite f64 scales, not " << element;
  }
  return success();
}

LogicalResult SNNDialect::verifyOperationAttribute(Operation *op,
                                                   NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  auto network = dyn_cast<NetworkOp>(op);
  if (!network)
    return op->emitError() << "'" << name << "' belongs on an snn.network";
  FunctionType type = network.getFunctionType();
  if (name == getLatencyShiftAttrHelper().getNameStr()) {
    auto shift = dyn_cast<IntegerAttr>(attr.getValue());
    if (!shift || shift.getInt() < 0)
      return network.emitOpError()
             << "'" << name << "' must be a non-negative integer (steps)";
    return success();
  }
  if (name == getInputScalesAttrHelper().getNameStr())
    return verifyScales(network, attr, type.getNumInputs(), "inputs");
  if (name == getOutputScalesAttrHelper().getNameStr())
    return verifyScales(network, attr, type.getNumResults(), "outputs");
  if (name == "snn.target") {
    // The target the network is compiled for (passes/TargetAttr.h): a name
    // or .json path to look up, or the whole description.
    Attribute value = attr.getValue();
    auto dict = dyn_cast<DictionaryAttr>(value);
    if (isa<StringAttr>(value) ||
        (dict && dict.size() == 2 && dict.getAs<StringAttr>("name") &&
         dict.getAs<StringAttr>("json")))
      return success();
    return network.emitOpError()
           << "'snn.target' must be a target name or {json = \"...\", name "
              "= \"...\"}, not "
           << value;
  }
  return network.emitOpError() << "has an unknown attribute '" << name << "'";
}
