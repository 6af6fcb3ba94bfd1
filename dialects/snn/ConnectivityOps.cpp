//===- ConnectivityOps.cpp - verifiers of projections and reshapes --------===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SNNOps.h"
#include "dialects/snn/SynapseArrays.h"

#include "llvm/Support/MathExtras.h"

#include <cmath>

using namespace mlir;
using namespace snc::snn;

static RankedTensorType staticTensor(Value v) {
  auto type = dyn_cast<RankedTensorType>(v.getType());
  return type && type.hasStaticShape() ? type : RankedTensorType();
}

/// Input and output must be static tensors; the input of the given rank.
static LogicalResult verifyStaticIO(Operation *op, int64_t inputRank = -1) {
  RankedTensorType in = staticTensor(op->getOperand(0));
  RankedTensorType out = staticTensor(op->getResult(0));
  if (!in || !out)
    return op->emitOpError("input and output must be statically shaped");
  if (inputRank >= 0 && in.getRank() != inputRank)
    return op->emitOpError()
           << "expects a rank-" << inputRank << " input, but got " << in;
  return success();
}

static LogicalResult expectShape(Operation *op, ArrayRef<int64_t> expected) {
  auto out = cast<RankedTensorType>(op->getResult(0).getType());
  if (out.getShape() == expected)
    return success();
  InFlightDiagnostic diag = op->emitOpError() << "output shape must be [";
  llvm::interleaveComma(expected, diag);
  return diag << "], but is " << out;
}

/// A dense weight [out, in] applied to a rank-1 input.
static LogicalResult verifyDense(Operation *op, ElementsAttr weight,
                                 std::optional<ElementsAttr> bias) {
  if (failed(verifyStaticIO(op, 1)))
    return failure();
  auto wType = cast<ShapedType>(weight.getType());
  int64_t in = staticTensor(op->getOperand(0)).getDimSize(0);
  if (wType.getRank() != 2 || wType.getDimSize(1) != in)
    return op->emitOpError() << "weight must be [out, " << in
                             << "] for this input, but is " << wType;
  int64_t out = wType.getDimSize(0);
  if (failed(verifyParam(op, "weight", weight, wType.getNumElements())))
    return failure();
  if (bias && failed(verifyParam(op, "bias", *bias, out)))
    return failure();
  return expectShape(op, {out});
}

LogicalResult AffineOp::verify() {
  return verifyDense(*this, getWeight(), getBias());
}
LogicalResult LinearOp::verify() {
  return verifyDense(*this, getWeight(), std::nullopt);
}

static LogicalResult verifyElementwise(Operation *op, StringRef name,
                                       ElementsAttr param) {
  if (failed(verifyStaticIO(op)))
    return failure();
  RankedTensorType in = staticTensor(op->getOperand(0));
  if (failed(verifyParam(op, name, param, in.getNumElements())))
    return failure();
  return expectShape(op, in.getShape());
}

LogicalResult ScaleOp::verify() {
  return verifyElementwise(*this, "scale", getScale());
}
/// A threshold compares its input; it keeps no membrane.
bool ThresholdOp::hasMembrane() { return false; }

LogicalResult ThresholdOp::verify() {
  return verifyElementwise(*this, "threshold", getThreshold());
}

LogicalResult FlattenOp::verify() {
  if (failed(verifyStaticIO(*this)))
    return failure();
  RankedTensorType in = staticTensor(getInput());
  int64_t rank = in.getRank();
  int64_t start = getStartDimAttr().getInt(), end = getEndDimAttr().getInt();
  if (start < 0)
    start += rank;
  if (end < 0)
    end += rank;
  if (rank == 0 || start < 0 || end >= rank || start > end)
    return emitOpError() << "dimensions " << getStartDimAttr().getInt() << ".."
                         << getEndDimAttr().getInt() << " are out of range for "
                         << in;
  SmallVector<int64_t> shape(in.getShape().take_front(start));
  int64_t merged = 1;
  for (int64_t d = start; d <= end; ++d)
    merged *= in.getDimSize(d);
  shape.push_back(merged);
  llvm::append_range(shape, in.getShape().drop_front(end + 1));
  if (in.getElementType() != getType().getElementType())
    return emitOpError("must not change the element type");
  return expectShape(*this, shape);
}

/// A delay in seconds needs dt; one in steps does not.
bool DelayOp::needsTimeStep() { return getDelay().has_value(); }

LogicalResult DelayOp::verify() {
  if (failed(verifyStaticIO(*this)))
    return failure();
  if (getInput().getType() != getType())
    return emitOpError("output type must equal input type");
  int64_t n = staticTensor(getInput()).getNumElements();
  if (getDelay().has_value() == getSteps().has_value())
    return emitOpError("needs exactly one of 'delay' (seconds) and 'steps'");
  if (getDelay())
    return verifyParam(*this, "delay", *getDelay(), n, ParamRange::NonNegative);
  ArrayRef<int64_t> steps = *getSteps();
  if (int64_t(steps.size()) != 1 && int64_t(steps.size()) != n)
    return emitOpError() << "'steps' has " << steps.size()
                         << " values, expected 1 or " << n;
  int64_t longest = 0;
  for (auto [i, s] : llvm::enumerate(steps)) {
    if (s < 0)
      return emitOpError() << "'steps' element " << i << " is negative (" << s
                           << ")";
    if (s > kMaxSteps)
      return emitOpError() << "'steps' element " << i << " is " << s
                           << " steps, more than snc's limit of " << kMaxSteps;
    longest = std::max(longest, s);
  }
  if ((longest + 1) * n > kMaxDelayBufferValues)
    return emitOpError() << "delays " << n << " values by up to " << longest
                         << " steps: a buffer of " << (longest + 1) * n
                         << " values, more than snc's limit of "
                         << kMaxDelayBufferValues;
  return success();
}

LogicalResult AddOp::verify() {
  if (getInputs().empty())
    return emitOpError("needs at least one input");
  if (!staticTensor(getOutput()))
    return emitOpError("output must be statically shaped");
  return success();
}

//===----------------------------------------------------------------------===//
// Convolution and pooling
//===----------------------------------------------------------------------===//

/// Output extent of a strided, padded, dilated window (PyTorch's formula).
/// Zero when the (dilated) window is larger than the padded input.
static int64_t windowOutput(int64_t in, int64_t kernel, int64_t stride,
                            int64_t pad, int64_t dilation) {
  int64_t room = in + 2 * pad - dilation * (kernel - 1) - 1;
  return room < 0 ? 0 : room / stride + 1;
}

static LogicalResult verifyWindowArray(Operation *op, StringRef name,
                                       ArrayRef<int64_t> values, size_t dims,
                                       int64_t minimum) {
  if (values.size() != dims)
    return op->emitOpError() << "'" << name << "' must have " << dims
                             << " values, but has " << values.size();
  for (int64_t v : values)
    if (v < minimum)
      return op->emitOpError() << "'" << name << "' values must be at least "
                               << minimum << ", but one is " << v;
  return success();
}

template <typename ConvOp>
static LogicalResult verifyConv(ConvOp op, size_t spatialDims) {
  Operation *raw = op.getOperation();
  if (failed(verifyStaticIO(raw, spatialDims + 1)))
    return failure();
  if (failed(
          verifyWindowArray(raw, "stride", op.getStride(), spatialDims, 1)) ||
      failed(
          verifyWindowArray(raw, "padding", op.getPadding(), spatialDims, 0)) ||
      failed(
          verifyWindowArray(raw, "dilation", op.getDilation(), spatialDims, 1)))
    return failure();
  RankedTensorType in = staticTensor(op.getInput());
  auto wType = cast<ShapedType>(op.getWeight().getType());
  if (wType.getRank() != int64_t(spatialDims) + 2)
    return op.emitOpError() << "weight must have rank " << spatialDims + 2
                            << ", but is " << wType;
  for (int64_t d = 2; d < wType.getRank(); ++d)
    if (wType.getDimSize(d) < 1)
      return op.emitOpError() << "kernel extents must be at least 1, but "
                                 "the weight is "
                              << wType;
  int64_t groups = op.getGroups();
  int64_t inChannels = in.getDimSize(0), outChannels = wType.getDimSize(0);
  if (groups < 1 || inChannels % groups || outChannels % groups)
    return op.emitOpError()
           << "groups (" << groups << ") must divide the input channels ("
           << inChannels << ") and output channels (" << outChannels << ")";
  if (wType.getDimSize(1) != inChannels / groups)
    return op.emitOpError() << "weight dimension 1 must be " << inChannels
                            << "/" << groups << " = " << inChannels / groups
                            << ", but is " << wType.getDimSize(1);
  if (failed(
          verifyParam(raw, "weight", op.getWeight(), wType.getNumElements())))
    return failure();
  if (op.getBias() &&
      failed(verifyParam(raw, "bias", *op.getBias(), outChannels)))
    return failure();
  SmallVector<int64_t> shape{outChannels};
  for (size_t d = 0; d < spatialDims; ++d) {
    int64_t extent = windowOutput(in.getDimSize(d + 1), wType.getDimSize(d + 2),
                                  op.getStride()[d], op.getPadding()[d],
                                  op.getDilation()[d]);
    if (extent < 1)
      return op.emitOpError() << "kernel does not fit the input along "
                              << "spatial dimension " << d;
    shape.push_back(extent);
  }
  return expectShape(raw, shape);
}

LogicalResult Conv1dOp::verify() { return verifyConv(*this, 1); }
LogicalResult Conv2dOp::verify() { return verifyConv(*this, 2); }

template <typename PoolOp> static LogicalResult verifyPool(PoolOp op) {
  Operation *raw = op.getOperation();
  if (failed(verifyStaticIO(raw, 3)) ||
      failed(verifyWindowArray(raw, "kernel_size", op.getKernelSize(), 2, 1)) ||
      failed(verifyWindowArray(raw, "stride", op.getStride(), 2, 1)) ||
      failed(verifyWindowArray(raw, "padding", op.getPadding(), 2, 0)))
    return failure();
  RankedTensorType in = staticTensor(op.getInput());
  SmallVector<int64_t> shape{in.getDimSize(0)};
  for (size_t d = 0; d < 2; ++d) {
    int64_t extent =
        windowOutput(in.getDimSize(d + 1), op.getKernelSize()[d],
                     op.getStride()[d], op.getPadding()[d], /*dilation=*/1);
    if (extent < 1)
      return op.emitOpError() << "window does not fit the input along "
                              << "spatial dimension " << d;
    shape.push_back(extent);
  }
  return expectShape(raw, shape);
}

LogicalResult SumPool2dOp::verify() { return verifyPool(*this); }
LogicalResult AvgPool2dOp::verify() { return verifyPool(*this); }

//===----------------------------------------------------------------------===//
// Sparse projection, attention, reservoir
//===----------------------------------------------------------------------===//

Attribute SparseProjectionOp::getWeightParam() { return getWeights(); }

int64_t SparseProjectionOp::getNumSynapses() {
  return IndexArray::get(getTargets()).size();
}

int64_t SparseProjectionOp::getMaxDelay() {
  if (std::optional<Attribute> delays = getDelays())
    return IndexArray::get(*delays).max();
  return 0;
}

LogicalResult SparseProjectionOp::verify() {
  if (failed(verifyStaticIO(*this)))
    return failure();
  // Blobs first: the views below read them.
  if (failed(verifyIndexArray(*this, "row_ptr", getRowPtr(), {32, 64})) ||
      failed(verifyIndexArray(*this, "targets", getTargets(), {32, 64})) ||
      failed(verifyWeightArray(*this, "weights", getWeights())))
    return failure();
  std::optional<Attribute> delaysAttr = getDelays();
  if (delaysAttr &&
      failed(verifyIndexArray(*this, "delays", *delaysAttr, {8, 16, 32, 64})))
    return failure();
  // Sources and targets are elements in row-major order.
  int64_t sources = staticTensor(getInput()).getNumElements();
  int64_t targets = staticTensor(getOutput()).getNumElements();
  IndexArray rowPtr = IndexArray::get(getRowPtr());
  IndexArray targetArray = IndexArray::get(getTargets());
  int64_t nnz = targetArray.size();
  if (rowPtr.size() != sources + 1)
    return emitOpError() << "'row_ptr' must have " << sources + 1
                         << " entries (sources + 1), but has " << rowPtr.size();
  if (rowPtr[0] != 0 || rowPtr[rowPtr.size() - 1] != nnz)
    return emitOpError() << "'row_ptr' must run from 0 to the synapse count ("
                         << nnz << ")";
  for (int64_t s = 0; s + 1 < rowPtr.size(); ++s)
    if (rowPtr[s] > rowPtr[s + 1])
      return emitOpError() << "'row_ptr' decreases at source " << s;
  for (int64_t i = 0; i < nnz; ++i) {
    int64_t t = targetArray[i];
    if (t < 0 || t >= targets)
      return emitOpError() << "synapse " << i << " targets neuron " << t
                           << ", outside [0, " << targets << ")";
  }
  WeightArray weights = WeightArray::get(getWeights());
  if (weights.size() != 1 && weights.size() != nnz)
    return emitOpError() << "parameter 'weights' has " << weights.size()
                         << " values, expected 1 or " << nnz
                         << " (one per element)";
  for (int64_t i = 0; i < weights.size(); ++i)
    if (!std::isfinite(weights[i]))
      return emitOpError() << "parameter 'weights' element " << i
                           << " is not finite";
  if (delaysAttr) {
    IndexArray delays = IndexArray::get(*delaysAttr);
    if (delays.size() != nnz)
      return emitOpError() << "'delays' has " << delays.size()
                           << " entries for " << nnz << " synapses";
    int64_t longest = 0;
    for (int64_t i = 0; i < nnz; ++i) {
      int64_t d = delays[i];
      if (d < 0)
        return emitOpError() << "synapse " << i << " has negative delay " << d;
      if (d > kMaxSteps)
        return emitOpError()
               << "synapse " << i << " has a delay of " << d
               << " steps, more than snc's limit of " << kMaxSteps;
      longest = std::max(longest, d);
    }
    // What runs it keeps a ring of (longest + 1) steps of every target
    // (saturating: a corrupt shape must not overflow the check).
    uint64_t buffer =
        llvm::SaturatingMultiply(uint64_t(longest + 1), uint64_t(targets));
    if (buffer > uint64_t(kMaxDelayBufferValues))
      return emitOpError() << "delays " << targets << " targets by up to "
                           << longest << " steps: a buffer of " << buffer
                           << " values, more than snc's limit of "
                           << kMaxDelayBufferValues;
  }
  return success();
}

LogicalResult AttentionOp::verify() {
  RankedTensorType q = staticTensor(getQuery());
  RankedTensorType out = staticTensor(getOutput());
  if (!q || q.getRank() != 2)
    return emitOpError("query, key and value must be static [tokens, "
                       "features] tensors");
  if (!out || out.getShape() != q.getShape())
    return emitOpError() << "output shape must equal the value's shape " << q;
  bool spiking = out.getElementType().isInteger(1);
  if (getForm() == AttentionForm::SpikeDriven && !spiking)
    return emitOpError("spike_driven attention yields a spike tensor (i1)");
  bool fixedPoint = getFracBits() || getRounding();
  if (getForm() == AttentionForm::SpikeDriven) {
    if (fixedPoint)
      return emitOpError("'frac_bits' and 'rounding' belong to integer "
                         "spikformer attention");
    if (!std::isfinite(getThreshold().convertToDouble()))
      return emitOpError("'threshold' must be finite");
    return success();
  }
  Type elt = out.getElementType();
  if (isa<FloatType>(elt)) {
    if (fixedPoint)
      return emitOpError("'frac_bits' and 'rounding' need an integer result");
    return success();
  }
  if (!isa<IntegerType>(elt) || elt.isInteger(1))
    return emitOpError("spikformer attention yields a floating-point or "
                       "integer (iN, N >= 2) tensor");
  // Integer: scale is the fixed-point multiplier.
  double scale = getScale().convertToDouble();
  if (!(std::fabs(scale) < 0x1p62) || scale != std::nearbyint(scale))
    return emitOpError() << "integer spikformer attention needs an integer "
                            "multiplier as 'scale', not "
                         << scale;
  if (getFracBits() && (*getFracBits() < 0 || *getFracBits() > 62))
    return emitOpError("'frac_bits' must lie in [0, 62]");
  return success();
}

LogicalResult ReservoirOp::verify() {
  if (failed(verifyStaticIO(*this, 1)))
    return failure();
  RankedTensorType out = staticTensor(getOutput());
  if (out.getRank() != 1)
    return emitOpError() << "output must be rank 1, but is " << out;
  int64_t size = out.getDimSize(0);
  if (staticTensor(getInput()).getDimSize(0) > size)
    return emitOpError() << "has more inputs than reservoir neurons (" << size
                         << ")";
  for (NamedAttribute attr : (*this)->getAttrs())
    if (auto value = dyn_cast<FloatAttr>(attr.getValue()))
      if (!std::isfinite(value.getValueAsDouble()))
        return emitOpError()
               << "'" << attr.getName().getValue() << "' must be finite";
  auto inUnit = [](double v) { return v >= 0 && v <= 1; };
  if (!inUnit(getExcFraction().convertToDouble()))
    return emitOpError("'exc_fraction' must lie in [0, 1]");
  if (!inUnit(getPConnect().convertToDouble()))
    return emitOpError("'p_connect' must lie in [0, 1]");
  if (!(getTau().convertToDouble() > 0))
    return emitOpError("'tau' must be positive");
  if (!(getLambda().convertToDouble() > 0))
    return emitOpError("'lambda' must be positive");
  if (std::optional<ArrayRef<int64_t>> grid = getGrid()) {
    if (grid->size() != 3 ||
        llvm::any_of(*grid, [](int64_t d) { return d < 1; }) ||
        (*grid)[0] * (*grid)[1] * (*grid)[2] != size)
      return emitOpError() << "'grid' must have 3 positive dimensions whose "
                              "product is the reservoir size ("
                           << size << ")";
  }
  return success();
}
