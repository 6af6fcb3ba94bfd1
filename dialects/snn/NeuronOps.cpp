//===- NeuronOps.cpp - verifiers of neuron population ops -----------------===//
//
// Every dense elements attribute on a neuron op is a per-neuron parameter,
// so one verifier serves every population kind.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SNNOps.h"
#include "dialects/snn/SynapseArrays.h"

using namespace mlir;
using namespace snc::snn;

static ParamRange rangeOf(StringRef name) {
  if (name.starts_with("tau"))
    return ParamRange::Positive;
  if (name == "refractory" || name == "beta_adapt")
    return ParamRange::NonNegative;
  return ParamRange::Any;
}

static LogicalResult verifyPopulation(Operation *op) {
  auto inType = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
  auto outType = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!inType || !outType || !inType.hasStaticShape() ||
      !outType.hasStaticShape())
    return op->emitOpError("input and output must be statically shaped");
  if (inType.getShape() != outType.getShape())
    return op->emitOpError() << "output shape must equal input shape, but "
                             << inType << " -> " << outType;
  int64_t n = inType.getNumElements();
  for (NamedAttribute attr : op->getAttrs()) {
    if (isParam(attr.getValue()))
      if (failed(verifyParam(op, attr.getName().getValue(), attr.getValue(), n,
                             rangeOf(attr.getName().getValue()))))
        return failure();
  }
  if (auto refractory = op->getAttrOfType<IntegerAttr>("refractory"))
    if (refractory.getInt() < 0 || refractory.getInt() > kMaxSteps)
      return op->emitOpError() << "'refractory' must lie in [0, " << kMaxSteps
                               << "] steps, but is " << refractory.getInt();
  return success();
}

LogicalResult IOp::verify() { return verifyPopulation(*this); }
LogicalResult IFOp::verify() { return verifyPopulation(*this); }
LogicalResult LIOp::verify() { return verifyPopulation(*this); }
LogicalResult LIFOp::verify() { return verifyPopulation(*this); }
LogicalResult CubaLIOp::verify() { return verifyPopulation(*this); }
LogicalResult CubaLIFOp::verify() { return verifyPopulation(*this); }
LogicalResult ALIFOp::verify() { return verifyPopulation(*this); }
/// Integer populations compute in fixed point; their parameters must be
/// integers and their format attributes sensible. Float populations must
/// not carry the format attributes.
static LogicalResult verifyArithmetic(Operation *op, bool integer) {
  auto fracBits = op->getAttrOfType<IntegerAttr>("frac_bits");
  auto stateBits = op->getAttrOfType<IntegerAttr>("state_bits");
  if (!integer) {
    for (StringRef name : {"frac_bits", "rounding", "state_bits"})
      if (op->hasAttr(name))
        return op->emitOpError()
               << "'" << name << "' applies to integer populations only";
    return success();
  }
  for (NamedAttribute attr : op->getAttrs())
    if (isParam(attr.getValue()))
      if (Type elt = cast<ElementsAttr>(attr.getValue()).getElementType();
          !isa<IntegerType>(elt))
        return op->emitOpError() << "is an integer population, so parameter '"
                                 << attr.getName().getValue()
                                 << "' must hold integers, not " << elt;
  if (fracBits && (fracBits.getInt() < 0 || fracBits.getInt() > 62))
    return op->emitOpError()
           << "'frac_bits' must lie in [0, 62], but is " << fracBits.getInt();
  if (stateBits && (stateBits.getInt() < 2 || stateBits.getInt() > 64))
    return op->emitOpError()
           << "'state_bits' must lie in [2, 64], but is " << stateBits.getInt();
  return success();
}

static bool isIntegerTensor(Type type) {
  Type elt = cast<ShapedType>(type).getElementType();
  return isa<IntegerType>(elt) && !elt.isInteger(1);
}

/// `current_timing` chooses between two synaptic currents, so it needs the
/// synapse stage.
template <typename Op> static LogicalResult verifySynapseStage(Op op) {
  if (op.getSynDecay().has_value() != op.getSynGain().has_value())
    return op.emitOpError("'syn_decay' and 'syn_gain' must be given together");
  if (!op.getSynDecay() && op.getCurrentTiming() != CurrentTiming::SameStep)
    return op.emitOpError("'current_timing' needs a synapse stage "
                          "('syn_decay' and 'syn_gain')");
  return success();
}

LogicalResult DiscreteLIOp::verify() {
  if (failed(verifySynapseStage(*this)))
    return failure();
  if (failed(verifyArithmetic(*this, isIntegerTensor(getType()))))
    return failure();
  return verifyPopulation(*this);
}

bool DiscreteLIFOp::isInteger() {
  Type in = getInput().getType();
  return isIntegerTensor(in) ||
         (cast<ShapedType>(in).getElementType().isInteger(1) &&
          getStateBits().has_value());
}

/// A reset sets v to v_reset without saturating it (docs/semantics.md), so
/// it must be a value the state can hold.
static LogicalResult verifyResetFitsState(DiscreteLIFOp op) {
  Type elt = cast<ShapedType>(op.getInput().getType()).getElementType();
  unsigned bits = op.getStateBits() ? unsigned(*op.getStateBits())
                                    : elt.getIntOrFloatBitWidth();
  if (bits < 2 || bits > 64)
    return success(); // verifyArithmetic reports the width
  WeightArray reset = WeightArray::get(op.getVReset());
  for (int64_t i = 0; i < reset.size(); ++i)
    if (int64_t value = reset.integer(i);
        APInt(64, value, /*isSigned=*/true).getSignificantBits() > bits)
      return op.emitOpError() << "'v_reset' " << value << " does not fit the "
                              << bits << "-bit state";
  return success();
}

LogicalResult DiscreteLIFOp::verify() {
  if (failed(verifySynapseStage(*this)))
    return failure();
  if (failed(verifyArithmetic(*this, isInteger())))
    return failure();
  if (isInteger() && failed(verifyResetFitsState(*this)))
    return failure();
  if (getAdaptDecay().has_value() != getAdaptGain().has_value())
    return emitOpError("'adapt_decay' and 'adapt_gain' must be given together");
  return verifyPopulation(*this);
}
