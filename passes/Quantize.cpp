//===- Quantize.cpp - float networks to the target's integers -------------===//
//
// Every numeric value of the float network gets a scale sigma per element:
// its integer stands for sigma times the float value. Spikes are 1. A
// population's scale S (per channel) is chosen from the weights folded into
// it, its threshold and its membrane range, jointly; the projections that
// feed only it produce its input at S times the population's input gain, so
// the gain folds into their weights. docs/quantization.md states the rules.
//
// The pass first plans every change (and fails before touching the IR),
// then applies the plan.
//
//===----------------------------------------------------------------------===//

#include "passes/Quantize.h"

#include "dialects/snn/Params.h"
#include "dialects/snn/SynapseArrays.h"
#include "passes/TargetAttr.h"
#include "runtime/Run.h"
#include "runtime/Schedule.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <unordered_map>

using namespace mlir;
using namespace snc;
using namespace snc::snn;
using quant::ErrorStats;
using quant::roundHalfEven;

namespace {

using Values = std::vector<double>;

/// A scale per element; one entry stands for all elements.
struct Scale {
  Values values;
  double at(int64_t i) const {
    return values.size() == 1 ? values[0] : values[size_t(i)];
  }
  bool isUniform() const {
    for (double v : values)
      if (v != values[0])
        return false;
    return true;
  }
};

const Scale kUnitScale{{1.0}};

bool isSpikeType(Type type) {
  return cast<ShapedType>(type).getElementType().isInteger(1);
}

StringRef nameOf(Operation *op) {
  if (auto name = op->getAttrOfType<StringAttr>("name"))
    return name.getValue();
  return op->getName().stripDialect();
}

/// A number as a diagnostic shows it: 0.9, not 9.000000e-01.
std::string show(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", x);
  return buffer;
}

int64_t maxSigned(unsigned bits) {
  return bits >= 64 ? std::numeric_limits<int64_t>::max()
                    : (int64_t(1) << (bits - 1)) - 1;
}

/// An integer parameter: a scalar when all values agree, else one per
/// element in `shape` (a blob named `blobName` when large).
ElementsAttr intParam(StringRef blobName, MLIRContext *ctx,
                      ArrayRef<int64_t> values, ArrayRef<int64_t> shape,
                      unsigned width = 64) {
  auto elt = IntegerType::get(ctx, width);
  bool uniform = llvm::all_equal(values);
  if (uniform)
    return DenseIntElementsAttr::get(RankedTensorType::get({}, elt),
                                     ArrayRef<int64_t>(values.front()));
  return makeParamOfType(RankedTensorType::get(shape, elt), values, blobName);
}

/// The projection kinds whose weights fold a population's gain.
bool isProjection(Operation *op) { return isa<ProjectionOpInterface>(op); }

class Quantizer {
public:
  Quantizer(NetworkOp network, const targets::TargetDescription &target,
            const QuantizationOptions &options, const ScaleChoices &choices,
            const CalibrationStats &calibration, QuantizeReport &report)
      : network(network), ctx(network.getContext()), target(target),
        options(options), choices(choices), calibration(calibration),
        report(report) {}

  LogicalResult plan();
  void apply();

private:
  /// A population and the ops feeding only it, whose outputs it scales.
  struct FoldGroup {
    std::vector<Operation *> projections;
    std::vector<Operation *> glue; // add and delay ops between them
  };

  LogicalResult checkSupported();
  LogicalResult chooseFormat();
  LogicalResult scaleInputs();
  bool collectFoldGroup(Value value, FoldGroup &group);

  FailureOr<const Scale *> getScale(Value value);
  LogicalResult computeScale(Operation *op);
  LogicalResult planPopulation(Operation *op);
  LogicalResult planFreeProjection(Operation *op);
  LogicalResult planThreshold(ThresholdOp op);
  void planSpikeDriven(AttentionOp op);
  void reportAttention(AttentionOp op, double scale, std::string note);
  LogicalResult planSpikformer(AttentionOp op);

  /// Effective weights of a projection per output element, divided by
  /// their source's scale and multiplied by `fold` (the population's gain
  /// per element); calls `visit(outputElement, input, value)`, where
  /// `input` is the input element (the input channel for convolutions).
  LogicalResult
  forEachWeight(Operation *op, const Scale &sourceScale,
                const std::function<double(int64_t)> &fold,
                const std::function<void(int64_t, int64_t, double)> &visit);
  /// Plans the integer weights and bias of a projection at output scale
  /// `outScale` (already including the fold factor).
  /// With `drift` (per output element), adds the drive per step the
  /// rounding loses on average on the calibration input, in integer units.
  /// With `objective` and adaptive rounding, affine and linear weights
  /// round for the population's membrane error (roundForMembrane).
  struct MembraneObjective;
  LogicalResult planProjectionWeights(Operation *op, const Scale &outScale,
                                      ErrorStats &stats,
                                      Values *drift = nullptr,
                                      MembraneObjective *objective = nullptr);
  /// The calibration run's mean of a projection's input in integer units,
  /// per input element (per input channel for convolutions); empty when
  /// unknown.
  Values meanInput(Operation *op, const Scale &source);
  /// The calibration run's output per step of a projection's input (float
  /// units); null when unknown.
  const runtime::NpyArray *inputTrace(Operation *op);
  /// The node a projection reads (a network input by its name); "" when
  /// it has none.
  std::string inputName(Operation *op);
  struct WeightLevel {
    int64_t out, input;
    double weight, scale;
    int64_t level;
  };
  static llvm::DenseMap<int64_t, std::vector<size_t>>
  levelsByOutput(const std::vector<WeightLevel> &levels,
                 std::vector<int64_t> &outputs);
  void balanceRounding(std::vector<WeightLevel> &levels,
                       const Values &mean) const;
  /// Adaptive rounding's objective for one population's folded
  /// projections: per neuron, the float run's spikes (they reset the error
  /// with reset to a value), its filter and the membrane error per step
  /// that the weights rounded so far cause, in integer units.
  struct MembraneObjective {
    int64_t steps = 0;
    Values synDecay, decay; // per neuron; synDecay empty: no synapse
    bool previousStep = false, resetClears = false;
    const runtime::NpyArray *spikes = nullptr; // (steps, n) or null
    std::vector<Values> error;                 // per neuron, per step
    /// Per projection: how many steps late its output reaches the
    /// population (back-edges and delays); absent: unknown.
    llvm::DenseMap<Operation *, int64_t> lag;
  };
  std::optional<MembraneObjective> membraneObjective(Operation *population,
                                                     const FoldGroup &group,
                                                     const Values &decay,
                                                     const Values &synDecay);
  /// Adaptive rounding, AdaRound's objective on the membrane: rounds each
  /// weight down or up so that the squared membrane error per step summed
  /// over the calibration run is smallest (greedy coordinate descent).
  /// `input` is the projection's input in the float run, `lag` how many
  /// steps late its output reaches the population.
  void roundForMembrane(std::vector<WeightLevel> &levels,
                        const runtime::NpyArray &input, const Scale &source,
                        int64_t lag, MembraneObjective &objective) const;

  int64_t channelsOf(ArrayRef<int64_t> shape) const;
  int64_t channelOf(ArrayRef<int64_t> shape, int64_t element) const;
  IntegerType intType() const { return IntegerType::get(ctx, valueBits); }
  Type retype(Type type, Type elt) const {
    return cast<RankedTensorType>(type).clone(elt);
  }
  void setResultType(Operation *op, Type elt) {
    mutations.push_back([op, elt, this] {
      op->getResult(0).setType(retype(op->getResult(0).getType(), elt));
    });
  }
  void setAttr(Operation *op, StringRef name, Attribute value) {
    std::string key = name.str();
    mutations.push_back([op, key, value] { op->setAttr(key, value); });
  }
  int64_t fixedPoint(double x) const {
    return roundHalfEven(std::ldexp(x, int(fracBits)));
  }

  NetworkOp network;
  MLIRContext *ctx;
  const targets::TargetDescription &target;
  const QuantizationOptions &options;
  const ScaleChoices &choices;
  const CalibrationStats &calibration;
  QuantizeReport &report;

  // The target's format, as the IR spells it.
  unsigned stateBits = 32, valueBits = 32, fracBits = 0;
  int64_t weightMax = 0;
  Rounding rounding = Rounding::Floor;
  bool shiftDecay = false;

  llvm::DenseMap<Value, Scale> scales;
  llvm::DenseSet<Value> inProgress;
  llvm::DenseMap<Operation *, Operation *> ownerOf; // folded op -> population
  llvm::DenseMap<Operation *, FoldGroup> groups;
  llvm::DenseSet<Operation *> planned, populationsInProgress;
  std::vector<std::function<void()>> mutations;
  std::vector<Operation *> erased;
  runtime::Schedule schedule; // adaptive rounding's back-edges, when needed
};

//===----------------------------------------------------------------------===//
// Format and inputs
//===----------------------------------------------------------------------===//

LogicalResult Quantizer::checkSupported() {
  if (!network.isDiscretized())
    return network.emitError("snn-quantize needs a discretized network; run "
                             "snn-discretize (or snn-prepare-run) first");
  for (Operation &op : network.getBodyBlock()->without_terminator()) {
    if (isa<ReservoirOp>(op))
      return op.emitError() << "cannot quantize '" << nameOf(&op)
                            << "': run snn-materialize-reservoirs first";
    if (!op.hasTrait<snn::Quantizable>())
      return op.emitError() << "cannot quantize '" << nameOf(&op) << "' ("
                            << op.getName() << ")";
    for (Type type : op.getResultTypes()) {
      Type elt = cast<ShapedType>(type).getElementType();
      if (isa<IntegerType>(elt) && !elt.isInteger(1))
        return op.emitError() << "'" << nameOf(&op)
                              << "' is already integer; the network is "
                                 "quantized";
    }
    if (auto lif = dyn_cast<DiscreteLIFOp>(op); lif && lif.isInteger())
      return op.emitError() << "'" << nameOf(&op)
                            << "' is already integer; the network is "
                               "quantized";
  }
  return success();
}

LogicalResult Quantizer::chooseFormat() {
  const targets::NumericFormat &format = target.numeric;
  stateBits = target.stateBits();
  valueBits = stateBits <= 32 ? 32 : 64;
  weightMax = target.ternary() ? 1 : maxSigned(target.weightBits());
  if (!target.weightSigned() && !target.ternary())
    return network.emitError()
           << "target '" << target.name
           << "' has unsigned weights; snn-quantize needs signed ones";
  switch (format.rounding) {
  case targets::RoundingMode::NearestEven:
    rounding = Rounding::NearestEven;
    break;
  case targets::RoundingMode::Floor:
    rounding = Rounding::Floor;
    break;
  case targets::RoundingMode::TowardZero:
    rounding = Rounding::TowardZero;
    break;
  case targets::RoundingMode::Stochastic:
    return network.emitError()
           << "target '" << target.name
           << "' rounds stochastically, which the reference interpreter "
              "does not implement";
  }
  switch (format.decay) {
  case targets::DecayKind::Multiplier:
    fracBits = format.decayFractionBits;
    break;
  case targets::DecayKind::Shift:
    // x -= x >> s is ceil(x * (2^s - 1) / 2^s): a multiplier with ceil
    // rounding. 12 fraction bits leave room for the largest shifts.
    shiftDecay = true;
    rounding = Rounding::Ceil;
    fracBits = 12;
    break;
  case targets::DecayKind::None:
    fracBits = 12;
    break;
  }
  return success();
}

LogicalResult Quantizer::scaleInputs() {
  Block *body = network.getBodyBlock();
  const unsigned inputBits = options.inputBits;
  for (BlockArgument arg : body->getArguments()) {
    unsigned i = arg.getArgNumber();
    StringRef name = cast<StringAttr>(network.getInputNames()[i]).getValue();
    if (isSpikeType(arg.getType())) {
      report.inputScales.push_back(1.0);
      continue;
    }
    if (options.calibration.size() <= i)
      return network.emitError()
             << "network input '" << name << "' is "
             << cast<ShapedType>(arg.getType()).getElementType()
             << ": snn-quantize needs a calibration input to choose its "
                "scale (--calibrate), or the input as spikes (i1)";
    const runtime::NpyArray &array = options.calibration[i];
    Values values(array.numElements());
    bool binary = true, integral = true;
    for (size_t k = 0; k < values.size(); ++k) {
      values[k] = array.getDouble(k);
      binary &= values[k] == 0 || values[k] == 1;
      integral &= values[k] == std::nearbyint(values[k]) &&
                  std::fabs(values[k]) <= double(maxSigned(inputBits));
    }
    double scale = 1;
    if (binary) {
      // Spikes in a float array: the chip sees spike events.
      Type spikes = retype(arg.getType(), IntegerType::get(ctx, 1));
      mutations.push_back([arg, spikes]() mutable { arg.setType(spikes); });
    } else {
      if (!integral) {
        int64_t qmax = maxSigned(inputBits);
        double clip =
            quant::clipRange(values, options.method, options.percentile, qmax);
        scale = clip > 0 ? double(qmax) / clip : 1;
        double pow2 = quant::floorPowerOfTwo(scale);
        if (quant::representsExactly(values, pow2, qmax))
          scale = pow2;
      }
      Type ints = retype(arg.getType(), intType());
      mutations.push_back([arg, ints]() mutable { arg.setType(ints); });
    }
    scales[arg] = Scale{{scale}};
    report.inputScales.push_back(scale);
  }
  return success();
}

/// Whether `value` is produced by projections (through add and delay ops)
/// that feed nothing else, so their weights can carry a population's gain.
bool Quantizer::collectFoldGroup(Value value, FoldGroup &group) {
  Operation *op = value.getDefiningOp();
  if (!op || !value.hasOneUse())
    return false;
  if (isProjection(op)) {
    group.projections.push_back(op);
    return true;
  }
  if (isa<AddOp>(op)) {
    for (Value operand : op->getOperands())
      if (!collectFoldGroup(operand, group))
        return false;
    group.glue.push_back(op);
    return true;
  }
  if (isa<DelayOp>(op) && collectFoldGroup(op->getOperand(0), group)) {
    group.glue.push_back(op);
    return true;
  }
  return false;
}

//===----------------------------------------------------------------------===//
// Channels
//===----------------------------------------------------------------------===//

/// Channels of a population of this shape: the leading dimension of
/// feature maps, every neuron of a vector; one with per-layer scales.
int64_t Quantizer::channelsOf(ArrayRef<int64_t> shape) const {
  if (!options.perChannel)
    return 1;
  if (shape.empty())
    return 1;
  return shape[0];
}

int64_t Quantizer::channelOf(ArrayRef<int64_t> shape, int64_t element) const {
  if (!options.perChannel || shape.empty())
    return 0;
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return element / (n / shape[0]);
}

//===----------------------------------------------------------------------===//
// Scales of values
//===----------------------------------------------------------------------===//

FailureOr<const Scale *> Quantizer::getScale(Value value) {
  if (isSpikeType(value.getType()))
    return &kUnitScale;
  auto it = scales.find(value);
  if (it != scales.end())
    return &it->second;
  Operation *op = value.getDefiningOp();
  if (!op)
    return failure(); // inputs are scaled up front
  if (!inProgress.insert(value).second)
    return op->emitError() << "cannot quantize '" << nameOf(op)
                           << "': a numeric (non-spike) cycle runs through "
                              "it, so its scale would depend on itself";
  LogicalResult computed = computeScale(op);
  inProgress.erase(value);
  if (failed(computed))
    return failure();
  it = scales.find(value);
  if (it == scales.end())
    return op->emitError() << "cannot quantize '" << nameOf(op)
                           << "': its scale depends on itself";
  return &it->second;
}

LogicalResult Quantizer::computeScale(Operation *op) {
  Value result = op->getResult(0);
  if (Operation *owner = ownerOf.lookup(op)) {
    if (auto threshold = dyn_cast<ThresholdOp>(owner))
      return planThreshold(threshold);
    return planPopulation(owner);
  }
  if (isa<DiscreteLIOp>(op))
    return planPopulation(op);
  if (isProjection(op))
    return planFreeProjection(op);
  if (auto attention = dyn_cast<AttentionOp>(op))
    return planSpikformer(attention);

  FailureOr<const Scale *> in = getScale(op->getOperand(0));
  if (failed(in))
    return failure();
  Scale inScale = **in; // copy: the map may grow below

  if (isa<DelayOp, FlattenOp>(op)) {
    setResultType(op, intType());
    scales[result] = inScale;
    return success();
  }
  if (auto add = dyn_cast<AddOp>(op)) {
    for (Value operand : add.getInputs()) {
      FailureOr<const Scale *> other = getScale(operand);
      if (failed(other))
        return failure();
      for (int64_t k = 0, n = numElements(result.getType()); k < n; ++k)
        if (std::fabs((*other)->at(k) - inScale.at(k)) > 1e-12 * inScale.at(k))
          return op->emitError()
                 << "cannot quantize '" << nameOf(op)
                 << "': its operands have different scales (element " << k
                 << ": " << show(inScale.at(k)) << " and "
                 << show((*other)->at(k))
                 << "); only operands feeding one population can be rescaled";
    }
    setResultType(op, intType());
    scales[result] = inScale;
    return success();
  }
  if (isa<SumPool2dOp, AvgPool2dOp>(op)) {
    // Pooling mixes elements of one channel: their scale must agree.
    auto inShape = cast<ShapedType>(op->getOperand(0).getType()).getShape();
    auto outShape = cast<ShapedType>(result.getType()).getShape();
    int64_t inPlane = inShape[1] * inShape[2];
    int64_t outPlane = outShape[1] * outShape[2];
    double area = 1;
    if (auto avg = dyn_cast<AvgPool2dOp>(op))
      area = double(avg.getKernelSize()[0] * avg.getKernelSize()[1]);
    Values out(static_cast<size_t>(outShape[0] * outPlane));
    for (int64_t c = 0; c < inShape[0]; ++c) {
      double s = inScale.at(c * inPlane);
      for (int64_t k = 0; k < inPlane; ++k)
        if (inScale.at(c * inPlane + k) != s)
          return op->emitError()
                 << "cannot quantize '" << nameOf(op) << "': channel " << c
                 << " of its input has mixed scales";
      // An average is a sum at `area` times the scale: exact in integers.
      for (int64_t k = 0; k < outPlane; ++k)
        out[size_t(c * outPlane + k)] = s * area;
    }
    scales[result] = Scale{std::move(out)};
    if (auto avg = dyn_cast<AvgPool2dOp>(op)) {
      Type type = retype(result.getType(), intType());
      mutations.push_back([avg, type]() mutable {
        OpBuilder builder(avg);
        auto sum = builder.create<SumPool2dOp>(
            avg.getLoc(), type, avg.getInput(), avg.getKernelSizeAttr(),
            avg.getStrideAttr(), avg.getPaddingAttr(), avg.getNameAttr());
        avg.getResult().replaceAllUsesWith(sum.getResult());
      });
      erased.push_back(op);
    } else {
      setResultType(op, intType());
    }
    return success();
  }
  if (auto scaleOp = dyn_cast<ScaleOp>(op)) {
    // y = k x is x at scale sigma / k: the op disappears.
    int64_t n = numElements(result.getType());
    Values k = paramValues(scaleOp.getScale(), n), out(static_cast<size_t>(n));
    for (int64_t e = 0; e < n; ++e) {
      if (!(k[size_t(e)] > 0))
        return op->emitError()
               << "cannot quantize '" << nameOf(op)
               << "': only positive scale factors fold into the scale, but "
                  "element "
               << e << " is " << show(k[size_t(e)]);
      out[size_t(e)] = inScale.at(e) / k[size_t(e)];
    }
    scales[result] = Scale{std::move(out)};
    Value input = scaleOp.getInput();
    mutations.push_back([scaleOp, input]() mutable {
      scaleOp.getResult().replaceAllUsesWith(input);
    });
    erased.push_back(op);
    return success();
  }
  return op->emitError() << "cannot quantize '" << nameOf(op) << "'";
}

/// Spike-driven attention compares spike counts, which are exact: only
/// the threshold becomes an integer (c > t <=> c > floor(t)).
void Quantizer::planSpikeDriven(AttentionOp op) {
  double threshold = op.getThreshold().convertToDouble();
  double t = std::floor(threshold);
  setAttr(op, "threshold", FloatAttr::get(Float64Type::get(ctx), t));
  reportAttention(op, 1,
                  "threshold " + show(threshold) + " -> " + show(t) +
                      " (exact on spike counts)");
}

/// A report row for an attention op: per feature, its result's scale.
void Quantizer::reportAttention(AttentionOp op, double scale,
                                std::string note) {
  auto type = cast<ShapedType>(op.getType());
  LayerReport layer;
  layer.name = nameOf(op).str();
  layer.kind = stringifyAttentionForm(op.getForm()).str();
  layer.channels = type.getDimSize(1);
  layer.scales.assign(size_t(layer.channels), scale);
  layer.powerOfTwo = quant::floorPowerOfTwo(scale) == scale;
  layer.limits.assign(size_t(layer.channels), "exact representation");
  layer.notes.push_back(std::move(note));
  report.layers.push_back(std::move(layer));
}

/// Spikformer attention: the counts Q (K^T V) are exact integers, so the
/// result is the count itself (multiplier +-1, no fraction bits) at scale
/// 1 / |scale|; the population it feeds absorbs that scale like any other
/// input's.
LogicalResult Quantizer::planSpikformer(AttentionOp op) {
  double scale = op.getScale().convertToDouble();
  if (!(std::fabs(scale) > 0) || !std::isfinite(scale))
    return op->emitError() << "cannot quantize '" << nameOf(op)
                           << "': its scale is " << show(scale)
                           << "; only a finite nonzero scale has an integer "
                              "form";
  scales[op.getOutput()] = Scale{{1 / std::fabs(scale)}};
  reportAttention(op, 1 / std::fabs(scale),
                  "result: the exact count Q (K^T V), multiplier " +
                      std::string(scale > 0 ? "1" : "-1") +
                      ", no fraction bits");
  setResultType(op, intType());
  Type f64 = Float64Type::get(ctx);
  setAttr(op, "scale", FloatAttr::get(f64, scale > 0 ? 1.0 : -1.0));
  setAttr(op, "frac_bits", IntegerAttr::get(IntegerType::get(ctx, 64), 0));
  setAttr(op, "rounding", RoundingAttr::get(ctx, rounding));
  return success();
}

LogicalResult Quantizer::planThreshold(ThresholdOp op) {
  if (!planned.insert(op).second)
    return success();
  int64_t n = numElements(op.getType());
  Values t = paramValues(op.getThreshold(), n);
  auto shape = cast<ShapedType>(op.getType()).getShape();
  if (auto it = groups.find(op); it != groups.end()) {
    // The projections feeding only this threshold share its scale, chosen
    // from their weights as a population's would be (without a gain).
    std::vector<Values> effective(size_t(channelsOf(shape)));
    for (Operation *projection : it->second.projections) {
      FailureOr<const Scale *> in = getScale(projection->getOperand(0));
      if (failed(in))
        return failure();
      Scale source = **in;
      if (failed(forEachWeight(
              projection, source, [](int64_t) { return 1.0; },
              [&](int64_t out, int64_t, double w) {
                effective[size_t(channelOf(shape, out))].push_back(w);
              })))
        return failure();
    }
    Values element(static_cast<size_t>(n));
    std::vector<std::string> limits;
    for (int64_t c = 0; c < int64_t(effective.size()); ++c) {
      double clip = quant::clipRange(effective[size_t(c)], options.method,
                                     options.percentile, weightMax);
      double s = clip > 0 ? double(weightMax) / clip : 1;
      double pow2 = quant::floorPowerOfTwo(s);
      std::string limit = clip > 0 ? "weight range" : "none";
      if (quant::representsExactly(effective[size_t(c)], pow2, weightMax)) {
        s = pow2;
        limit = "exact representation";
      }
      limits.push_back(limit);
      for (int64_t e = 0; e < n; ++e)
        if (channelOf(shape, e) == c)
          element[size_t(e)] = s;
    }
    Scale drive{std::move(element)};
    LayerReport layer;
    layer.name = nameOf(op).str();
    layer.kind = "threshold";
    layer.limits = limits;
    for (Operation *projection : it->second.projections) {
      layer.projections.push_back(nameOf(projection).str());
      if (failed(planProjectionWeights(projection, drive, layer.weights)))
        return failure();
      scales[projection->getResult(0)] = drive;
    }
    for (Operation *glue : it->second.glue) {
      setResultType(glue, intType());
      scales[glue->getResult(0)] = drive;
    }
    layer.channels = int64_t(effective.size());
    for (int64_t c = 0; c < layer.channels; ++c)
      for (int64_t e = 0; e < n; ++e)
        if (channelOf(shape, e) == c) {
          layer.scales.push_back(drive.at(e));
          break;
        }
    report.layers.push_back(std::move(layer));
  }
  FailureOr<const Scale *> in = getScale(op.getInput());
  if (failed(in))
    return failure();
  // x > t  <=>  x_int > t * sigma  <=>  x_int > floor(t * sigma).
  std::vector<int64_t> q(static_cast<size_t>(n));
  for (int64_t e = 0; e < n; ++e)
    q[size_t(e)] = int64_t(std::floor(t[size_t(e)] * (*in)->at(e)));
  setAttr(op, "threshold",
          intParam(blobNameFor(op, "threshold"), ctx, q,
                   cast<ShapedType>(op.getType()).getShape()));
  return success();
}

//===----------------------------------------------------------------------===//
// Weights
//===----------------------------------------------------------------------===//

LogicalResult Quantizer::forEachWeight(
    Operation *op, const Scale &source,
    const std::function<double(int64_t)> &fold,
    const std::function<void(int64_t, int64_t, double)> &visit) {
  auto outType = cast<ShapedType>(op->getResult(0).getType());
  auto inType = cast<ShapedType>(op->getOperand(0).getType());
  int64_t nOut = outType.getNumElements(), nIn = inType.getNumElements();
  auto emit = [&](int64_t out, int64_t in, double w) {
    visit(out, in, w * fold(out) / source.at(in));
  };
  if (isa<AffineOp, LinearOp>(op)) {
    // Inline or a blob, read in place.
    WeightArray w = WeightArray::get(op->getAttr("weight"));
    for (int64_t o = 0; o < nOut; ++o)
      for (int64_t i = 0; i < nIn; ++i)
        emit(o, i, w.at(o * nIn + i));
    return success();
  }
  if (auto sparse = dyn_cast<SparseProjectionOp>(op)) {
    IndexArray rowPtr = IndexArray::get(sparse.getRowPtr());
    IndexArray targets = IndexArray::get(sparse.getTargets());
    WeightArray w = WeightArray::get(sparse.getWeights());
    for (int64_t s = 0; s + 1 < rowPtr.size(); ++s)
      for (int64_t k = rowPtr[s]; k < rowPtr[s + 1]; ++k)
        emit(targets[k], s, w.at(k));
    return success();
  }
  // Convolutions share a kernel across positions: the fold factor and the
  // source scale must be uniform per output and input channel.
  auto weight = cast<ElementsAttr>(op->getAttr("weight"));
  auto wShape = cast<ShapedType>(weight.getType()).getShape();
  int64_t groups = op->getAttrOfType<IntegerAttr>("groups").getInt();
  int64_t cOut = wShape[0], cInPerGroup = wShape[1];
  int64_t kernel = weight.getNumElements() / (cOut * cInPerGroup);
  int64_t outPlane = nOut / cOut, inPlane = nIn / inType.getShape()[0];
  WeightArray w = WeightArray::get(weight);
  for (int64_t co = 0; co < cOut; ++co) {
    double f = fold(co * outPlane);
    for (int64_t k = 1; k < outPlane; ++k)
      if (fold(co * outPlane + k) != f)
        return op->emitError() << "cannot quantize '" << nameOf(op)
                               << "': the population it feeds has different "
                                  "gains or scales within output channel "
                               << co << ", which a shared kernel cannot carry";
    int64_t group = co / (cOut / groups);
    for (int64_t ci = 0; ci < cInPerGroup; ++ci) {
      int64_t inChannel = group * cInPerGroup + ci;
      double s = source.at(inChannel * inPlane);
      for (int64_t k = 1; k < inPlane; ++k)
        if (source.at(inChannel * inPlane + k) != s)
          return op->emitError()
                 << "cannot quantize '" << nameOf(op) << "': input channel "
                 << inChannel << " has mixed scales";
      for (int64_t k = 0; k < kernel; ++k)
        visit(co * outPlane, inChannel,
              w.at((co * cInPerGroup + ci) * kernel + k) * f / s);
    }
  }
  return success();
}

Values Quantizer::meanInput(Operation *op, const Scale &source) {
  Value input = op->getOperand(0);
  std::string name;
  if (auto arg = dyn_cast<BlockArgument>(input))
    name = cast<StringAttr>(network.getInputNames()[arg.getArgNumber()]).str();
  else if (auto attr = input.getDefiningOp()->getAttrOfType<StringAttr>("name"))
    name = attr.str();
  auto it = calibration.meanOut.find(name);
  if (name.empty() || it == calibration.meanOut.end())
    return {};
  const Values &floatMean = it->second;
  Values mean(floatMean.size());
  for (size_t e = 0; e < mean.size(); ++e)
    mean[e] = floatMean[e] * source.at(int64_t(e));
  if (isa<AffineOp, LinearOp, SparseProjectionOp>(op))
    return mean;
  // Convolutions: per input channel, the mean over its plane.
  auto shape = cast<ShapedType>(input.getType()).getShape();
  int64_t channels = shape[0], plane = int64_t(mean.size()) / channels;
  Values perChannel(static_cast<size_t>(channels));
  for (int64_t c = 0; c < channels; ++c) {
    for (int64_t k = 0; k < plane; ++k)
      perChannel[size_t(c)] += mean[size_t(c * plane + k)];
    perChannel[size_t(c)] /= double(plane);
  }
  return perChannel;
}

/// The indices of `levels` per output neuron; `outputs` lists the outputs
/// in first-seen order, so that every walk over them is deterministic.
llvm::DenseMap<int64_t, std::vector<size_t>>
Quantizer::levelsByOutput(const std::vector<WeightLevel> &levels,
                          std::vector<int64_t> &outputs) {
  llvm::DenseMap<int64_t, std::vector<size_t>> byOutput;
  for (size_t k = 0; k < levels.size(); ++k) {
    auto [it, inserted] = byOutput.try_emplace(levels[k].out);
    if (inserted)
      outputs.push_back(levels[k].out);
    it->second.push_back(k);
  }
  return byOutput;
}

/// Adaptive rounding, first moment: per output, weights rounded to nearest
/// lose sum (w S - level) * mean input of drive per step on average, which
/// an integrate-and-fire neuron accumulates. Moving single levels to their
/// other neighbour, cheapest squared error per unit of drift first, while
/// that shrinks the loss, brings it near zero. Deterministic.
void Quantizer::balanceRounding(std::vector<WeightLevel> &levels,
                                const Values &mean) const {
  std::vector<int64_t> outputs;
  llvm::DenseMap<int64_t, std::vector<size_t>> byOutput =
      levelsByOutput(levels, outputs);
  for (int64_t out : outputs) {
    const std::vector<size_t> &members = byOutput[out];
    double lost = 0;
    for (size_t k : members)
      lost += (levels[k].weight * levels[k].scale - double(levels[k].level)) *
              mean[size_t(levels[k].input)];
    // Candidates move toward the loss's sign: up when it is positive.
    std::vector<std::pair<double, size_t>> moves;
    for (size_t k : members) {
      const WeightLevel &l = levels[k];
      double m = mean[size_t(l.input)];
      double residual = l.weight * l.scale - double(l.level);
      bool up = lost > 0;
      int64_t target = l.level + (up ? 1 : -1);
      if (m <= 0 || target > weightMax || target < -weightMax ||
          (up ? residual <= 0 : residual >= 0))
        continue;
      // Squared error grows from r^2 to (1 - |r|)^2.
      double cost = 1 - 2 * std::fabs(residual);
      moves.push_back({cost / m, k});
    }
    std::stable_sort(moves.begin(), moves.end(),
                     [](auto &a, auto &b) { return a.first < b.first; });
    for (auto [cost, k] : moves) {
      double m = mean[size_t(levels[k].input)];
      if (!(m < 2 * std::fabs(lost)))
        continue;
      int64_t step = lost > 0 ? 1 : -1;
      levels[k].level += step;
      lost -= double(step) * m;
    }
  }
}

std::string Quantizer::inputName(Operation *op) {
  Value input = op->getOperand(0);
  if (auto arg = dyn_cast<BlockArgument>(input))
    return cast<StringAttr>(network.getInputNames()[arg.getArgNumber()]).str();
  if (auto attr = input.getDefiningOp()->getAttrOfType<StringAttr>("name"))
    return attr.str();
  return "";
}

const runtime::NpyArray *Quantizer::inputTrace(Operation *op) {
  std::string name = inputName(op);
  auto it = calibration.traces.find(name);
  return name.empty() || it == calibration.traces.end() ? nullptr : &it->second;
}

std::optional<Quantizer::MembraneObjective>
Quantizer::membraneObjective(Operation *population, const FoldGroup &group,
                             const Values &decay, const Values &synDecay) {
  auto membrane = calibration.membranes.find(nameOf(population));
  if (membrane == calibration.membranes.end() || membrane->second.shape.empty())
    return std::nullopt;
  MembraneObjective objective;
  objective.steps = membrane->second.shape[0];
  objective.decay = decay;
  objective.synDecay = synDecay;
  if (auto timing =
          population->getAttrOfType<CurrentTimingAttr>("current_timing"))
    objective.previousStep = timing.getValue() == CurrentTiming::PreviousStep;
  if (auto lif = dyn_cast<DiscreteLIFOp>(population)) {
    // A reset to a value wipes the membrane error (where the spikes agree).
    objective.resetClears = lif.getReset() != ResetMode::Subtract &&
                            lif.getReset() != ResetMode::None;
    auto spikes = calibration.traces.find(nameOf(population));
    if (objective.resetClears && spikes == calibration.traces.end())
      return std::nullopt;
    if (objective.resetClears)
      objective.spikes = &spikes->second;
  }
  objective.error.assign(decay.size(),
                         Values(static_cast<size_t>(objective.steps)));
  // How late each projection's output reaches the population: one step per
  // back-edge on the way (docs/semantics.md), plus uniform delays.
  if (schedule.order.empty())
    schedule = runtime::scheduleNetwork(network);
  std::function<void(Operation *, unsigned, int64_t)> walk =
      [&](Operation *consumer, unsigned index, int64_t lag) {
        lag += schedule.backEdges.count({consumer, index});
        Operation *producer = consumer->getOperand(index).getDefiningOp();
        if (!producer)
          return;
        if (llvm::is_contained(group.projections, producer)) {
          objective.lag[producer] =
              lag + int64_t(schedule.backEdges.count({producer, 0u}));
          return;
        }
        if (isa<AddOp>(producer)) {
          for (unsigned i = 0; i < producer->getNumOperands(); ++i)
            walk(producer, i, lag);
          return;
        }
        if (auto delay = dyn_cast<DelayOp>(producer)) {
          std::optional<ArrayRef<int64_t>> steps = delay.getSteps();
          if (!steps || steps->empty() || !llvm::all_equal(*steps))
            return; // per-element delays: no lag for the whole projection
          walk(producer, 0, lag + steps->front());
        }
      };
  walk(population, 0, 0);
  return objective;
}

void Quantizer::roundForMembrane(std::vector<WeightLevel> &levels,
                                 const runtime::NpyArray &input,
                                 const Scale &source, int64_t lag,
                                 MembraneObjective &objective) const {
  const int64_t steps = objective.steps;
  if (input.shape.empty() || input.shape[0] != steps)
    return;
  const int64_t nIn =
      int64_t(input.numElements()) / std::max<int64_t>(steps, 1);
  const int64_t nOut = int64_t(objective.error.size());
  // The membrane error a unit weight error on input i causes, per step.
  auto filter = [&](int64_t out, int64_t i, Values &into) {
    double synDecay =
        objective.synDecay.empty() ? 0 : objective.synDecay[size_t(out)];
    double decay = objective.decay[size_t(out)];
    double current = 0, v = 0;
    for (int64_t t = 0; t < steps; ++t) {
      double x =
          t >= lag ? input.getDouble(size_t((t - lag) * nIn + i)) * source.at(i)
                   : 0;
      double drive = x;
      if (!objective.synDecay.empty()) {
        double before = current;
        current = synDecay * current + x;
        drive = objective.previousStep ? before : current;
      }
      v = decay * v + drive;
      into[size_t(t)] = v;
      if (objective.resetClears &&
          objective.spikes->getDouble(size_t(t * nOut + out)) != 0)
        v = 0;
    }
  };
  // Without resets that clear it, the filter depends on the neuron only
  // through its decays: neurons that share them share the filtered inputs.
  auto shared = [&](int64_t out) {
    return !objective.resetClears &&
           objective.decay[size_t(out)] == objective.decay[0] &&
           (objective.synDecay.empty() ||
            objective.synDecay[size_t(out)] == objective.synDecay[0]);
  };
  // Node-based: `unit` keeps pointers into it while it grows.
  std::unordered_map<int64_t, Values> sharedTraces;
  Values own;
  auto filtered = [&](int64_t out, int64_t i) -> const Values & {
    if (!shared(out)) {
      own.assign(size_t(steps), 0);
      filter(out, i, own);
      return own;
    }
    auto [it, inserted] = sharedTraces.try_emplace(i);
    if (inserted) {
      it->second.assign(size_t(steps), 0);
      filter(out, i, it->second);
    }
    return it->second;
  };
  std::vector<int64_t> outputs;
  llvm::DenseMap<int64_t, std::vector<size_t>> byOutput =
      levelsByOutput(levels, outputs);
  for (int64_t out : outputs) {
    // This neuron's filtered inputs where not shared (reserved: `unit`
    // points into it).
    std::vector<Values> owned;
    owned.reserve(byOutput[out].size());
    Values &error = objective.error[size_t(out)];
    // Weights that can round either way: their filtered inputs.
    std::vector<size_t> free;
    std::vector<const Values *> unit;
    for (size_t k : byOutput[out]) {
      const WeightLevel &l = levels[k];
      double x = l.weight * l.scale;
      const Values *trace = &filtered(out, l.input);
      if (trace == &own) {
        owned.push_back(own);
        trace = &owned.back();
      }
      for (int64_t t = 0; t < steps; ++t)
        error[size_t(t)] += (double(l.level) - x) * (*trace)[size_t(t)];
      if (std::fabs(x) < double(weightMax) && x != std::floor(x)) {
        free.push_back(k);
        unit.push_back(trace);
      }
    }
    // Greedy coordinate descent: move a weight to its other neighbour
    // when that lowers sum_t error_t^2; sweep until nothing moves.
    for (int sweep = 0; sweep < 16; ++sweep) {
      bool moved = false;
      for (size_t f = 0; f < free.size(); ++f) {
        WeightLevel &l = levels[free[f]];
        double x = l.weight * l.scale;
        double d = double(l.level) > x ? -1 : 1;
        const Values &u = *unit[f];
        double cross = 0, square = 0;
        for (int64_t t = 0; t < steps; ++t) {
          cross += error[size_t(t)] * u[size_t(t)];
          square += u[size_t(t)] * u[size_t(t)];
        }
        if (2 * d * cross + square >= -1e-9 * (square + 1))
          continue;
        l.level += int64_t(d);
        for (int64_t t = 0; t < steps; ++t)
          error[size_t(t)] += d * u[size_t(t)];
        moved = true;
      }
      if (!moved)
        break;
    }
  }
}

LogicalResult Quantizer::planProjectionWeights(Operation *op,
                                               const Scale &outScale,
                                               ErrorStats &stats, Values *drift,
                                               MembraneObjective *objective) {
  FailureOr<const Scale *> in = getScale(op->getOperand(0));
  if (failed(in))
    return failure();
  const Scale &source = **in;
  bool sparse = isa<SparseProjectionOp>(op);
  StringRef weightName = sparse ? "weights" : "weight";
  // Inline, or (sparse projections) maybe a blob: read through WeightArray.
  auto weight = cast<ElementsAttr>(op->getAttr(weightName));
  // Visits weights in storage order, so the levels line up with the
  // attribute.
  std::vector<WeightLevel> levels;
  levels.reserve(static_cast<size_t>(weight.getNumElements()));
  auto visit = [&](int64_t out, int64_t input, double w) {
    double s = outScale.at(out);
    levels.push_back({out, input, w, s, quant::quantize(w, s, weightMax)});
  };
  if (failed(forEachWeight(
          op, source, [](int64_t) { return 1.0; }, visit)))
    return failure();
  Values mean = meanInput(op, source);
  const runtime::NpyArray *trace = nullptr;
  if (objective && isa<AffineOp, LinearOp>(op) && objective->lag.count(op))
    trace = inputTrace(op);
  if (options.adaptiveRounding && trace)
    roundForMembrane(levels, *trace, source, objective->lag.lookup(op),
                     *objective);
  else if (options.adaptiveRounding && !mean.empty())
    balanceRounding(levels, mean);
  std::vector<int32_t> narrow; // the attribute's values
  narrow.reserve(levels.size());
  for (const WeightLevel &l : levels) {
    narrow.push_back(int32_t(l.level));
    stats.add(l.weight, double(l.level) / l.scale,
              std::fabs(l.weight * l.scale) > double(weightMax) + 0.5);
  }
  if (drift && !mean.empty()) {
    // The expected drive the rounding lost per step, in integer units:
    // (w S - level) times the mean integer input.
    bool conv = !isa<AffineOp, LinearOp, SparseProjectionOp>(op);
    int64_t nOut = numElements(op->getResult(0).getType());
    Values lost(static_cast<size_t>(nOut));
    for (const WeightLevel &l : levels)
      lost[size_t(l.out)] +=
          (l.weight * l.scale - double(l.level)) * mean[size_t(l.input)];
    if (conv) {
      // A kernel's loss is the same at every position of its channel.
      int64_t cOut = cast<ShapedType>(weight.getType()).getShape()[0];
      int64_t plane = nOut / cOut;
      for (int64_t co = 0; co < cOut; ++co)
        for (int64_t k = 1; k < plane; ++k)
          lost[size_t(co * plane + k)] = lost[size_t(co * plane)];
    }
    for (int64_t e = 0; e < nOut; ++e)
      (*drift)[size_t(e)] += lost[size_t(e)];
  }
  // Not held while the context copies the integer weights.
  levels = {};
  if (sparse && cast<ShapedType>(weight.getType()).getRank() == 0 &&
      llvm::all_equal(narrow)) {
    // One weight for every synapse stays one.
    setAttr(op, weightName,
            DenseIntElementsAttr::get(
                RankedTensorType::get({}, IntegerType::get(ctx, 32)),
                ArrayRef<int32_t>(narrow.empty() ? 0 : narrow.front())));
  } else if (sparse) {
    // One level per synapse (a single float weight may quantize to
    // different levels at different output scales).
    setAttr(op, weightName,
            makeWeightArray(ctx, blobNameFor(op, weightName), narrow));
  } else {
    // Large weights become a blob, as makeWeightArray does for sparse ones.
    auto type =
        cast<ShapedType>(weight.getType()).clone(IntegerType::get(ctx, 32));
    setAttr(op, weightName,
            makeParamOfType(type, ArrayRef<int32_t>(narrow),
                            blobNameFor(op, weightName)));
  }

  // The bias enters the accumulator at the output scale.
  if (auto bias = dyn_cast_or_null<ElementsAttr>(op->getAttr("bias"))) {
    auto outShape = cast<ShapedType>(op->getResult(0).getType()).getShape();
    int64_t nOut = numElements(op->getResult(0).getType());
    Values b = paramValues(bias);
    int64_t perChannel = nOut / int64_t(b.size());
    std::vector<int64_t> qb(b.size());
    for (size_t c = 0; c < b.size(); ++c)
      qb[c] = roundHalfEven(b[c] * outScale.at(int64_t(c) * perChannel));
    (void)outShape;
    auto biasType =
        cast<ShapedType>(bias.getType()).clone(IntegerType::get(ctx, 64));
    setAttr(op, "bias",
            makeParamOfType(biasType, ArrayRef(qb), blobNameFor(op, "bias")));
  }
  setResultType(op, intType());
  return success();
}

/// A projection whose output no single population owns: its output scale
/// comes from its own weights alone.
LogicalResult Quantizer::planFreeProjection(Operation *op) {
  FailureOr<const Scale *> in = getScale(op->getOperand(0));
  if (failed(in))
    return failure();
  Scale source = **in;
  auto shape = cast<ShapedType>(op->getResult(0).getType()).getShape();
  int64_t n = numElements(op->getResult(0).getType());
  std::vector<Values> perChannel(static_cast<size_t>(channelsOf(shape)));
  if (failed(forEachWeight(
          op, source, [](int64_t) { return 1.0; },
          [&](int64_t out, int64_t, double w) {
            perChannel[size_t(channelOf(shape, out))].push_back(w);
          })))
    return failure();
  Values channelScale(perChannel.size());
  std::vector<std::string> limits;
  for (size_t c = 0; c < perChannel.size(); ++c) {
    double clip = quant::clipRange(perChannel[c], options.method,
                                   options.percentile, weightMax);
    double s = clip > 0 ? double(weightMax) / clip : 1;
    double pow2 = quant::floorPowerOfTwo(s);
    bool exact = quant::representsExactly(perChannel[c], pow2, weightMax);
    channelScale[c] = exact ? pow2 : s;
    limits.push_back(exact      ? "exact representation"
                     : clip > 0 ? "weight range"
                                : "none");
  }
  Values out(static_cast<size_t>(n));
  for (int64_t e = 0; e < n; ++e)
    out[size_t(e)] = channelScale[size_t(channelOf(shape, e))];
  Scale outScale{std::move(out)};
  ErrorStats stats;
  if (failed(planProjectionWeights(op, outScale, stats)))
    return failure();
  scales[op->getResult(0)] = std::move(outScale);
  LayerReport layer;
  layer.name = nameOf(op).str();
  layer.kind = op->getName().stripDialect().str();
  layer.projections.push_back(layer.name);
  layer.channels = int64_t(channelScale.size());
  layer.scales = channelScale;
  layer.limits = std::move(limits);
  layer.weights = stats;
  report.layers.push_back(std::move(layer));
  return success();
}

//===----------------------------------------------------------------------===//
// Populations
//===----------------------------------------------------------------------===//

LogicalResult Quantizer::planPopulation(Operation *op) {
  if (planned.contains(op))
    return success();
  if (!populationsInProgress.insert(op).second)
    return op->emitError() << "cannot quantize '" << nameOf(op)
                           << "': a numeric (non-spike) cycle runs through "
                              "it, so its scale would depend on itself";
  auto lif = dyn_cast<DiscreteLIFOp>(op);
  auto shape = cast<ShapedType>(op->getResult(0).getType()).getShape();
  int64_t n = numElements(op->getResult(0).getType());
  auto param = [&](StringRef name, double fallback) {
    Attribute attr = op->getAttr(name);
    return attr ? paramValues(attr, n) : Values(size_t(n), fallback);
  };
  bool synapse = op->hasAttr("syn_decay");
  bool adaptive = op->hasAttr("adapt_decay");
  Values decay = param("decay", 1), gain = param("gain", 1),
         bias = param("bias", 0), synDecay = param("syn_decay", 0),
         synGain = param("syn_gain", 1), threshold = param("v_threshold", 0),
         reset = param("v_reset", 0), adaptDecay = param("adapt_decay", 0),
         adaptGain = param("adapt_gain", 0);
  // The input enters the membrane multiplied by gain (and syn_gain): the
  // factor the fed projections' weights absorb.
  Values fold(static_cast<size_t>(n));
  for (int64_t e = 0; e < n; ++e)
    fold[size_t(e)] = gain[size_t(e)] * (synapse ? synGain[size_t(e)] : 1);

  const FoldGroup *group = nullptr;
  if (auto it = groups.find(op); it != groups.end())
    group = &it->second;

  LayerReport layer;
  layer.name = nameOf(op).str();
  layer.kind = op->getName().stripDialect().str();
  int64_t channels = channelsOf(shape);
  layer.channels = channels;

  // Bounds on S per channel.
  const double inf = std::numeric_limits<double>::infinity();
  Values bound(size_t(channels), inf);
  std::vector<Values> effective(static_cast<size_t>(channels));
  Scale inputScale = kUnitScale;
  if (group) {
    for (Operation *projection : group->projections) {
      layer.projections.push_back(nameOf(projection).str());
      FailureOr<const Scale *> in = getScale(projection->getOperand(0));
      if (failed(in))
        return failure();
      Scale source = **in;
      if (failed(forEachWeight(
              projection, source, [&](int64_t e) { return fold[size_t(e)]; },
              [&](int64_t out, int64_t, double w) {
                effective[size_t(channelOf(shape, out))].push_back(w);
              })))
        return failure();
    }
    for (int64_t c = 0; c < channels; ++c) {
      double clip = quant::clipRange(effective[size_t(c)], options.method,
                                     options.percentile, weightMax);
      if (clip > 0)
        bound[size_t(c)] = double(weightMax) / clip;
    }
  } else {
    FailureOr<const Scale *> in = getScale(op->getOperand(0));
    if (failed(in))
      return failure();
    inputScale = **in;
  }

  // The membrane holds values up to the threshold, the reset value and what
  // the calibration run saw; one bit of headroom covers the step that
  // crosses the threshold.
  double calibrated = 0;
  if (auto it = calibration.maxAbsV.find(layer.name);
      it != calibration.maxAbsV.end())
    calibrated = it->second;
  const double stateLimit = std::ldexp(1.0, int(stateBits) - 2);
  const double thresholdLimit = double(
      maxSigned(target.thresholdBits() ? target.thresholdBits() : stateBits));
  const double paramLimit = double(maxSigned(stateBits));
  // With reset to a value (or none), the threshold is only compared with:
  // v > theta <=> v_int > floor(theta S) for an integer v_int, so it needs
  // no exact representation. Subtraction also takes it from v.
  const bool subtractReset = lif && lif.getReset() == ResetMode::Subtract;
  Values range(size_t(channels), calibrated),
      maxThreshold(static_cast<size_t>(channels)),
      maxParam(static_cast<size_t>(channels));
  for (int64_t e = 0; e < n; ++e) {
    size_t c = size_t(channelOf(shape, e));
    maxParam[c] = std::max({maxParam[c], std::fabs(bias[size_t(e)]),
                            std::fabs(adaptGain[size_t(e)])});
    if (lif) {
      range[c] = std::max({range[c], std::fabs(threshold[size_t(e)]),
                           std::fabs(reset[size_t(e)])});
      maxThreshold[c] =
          std::max(maxThreshold[c], std::fabs(threshold[size_t(e)]));
      maxParam[c] = std::max({maxParam[c], std::fabs(threshold[size_t(e)]),
                              std::fabs(reset[size_t(e)])});
    }
  }
  const ScaleChoice *choice = nullptr;
  if (auto it = choices.find(layer.name); it != choices.end())
    choice = &it->second;
  if (choice && choice->scales.size() != size_t(channels))
    return op->emitError() << "cannot quantize '" << layer.name
                           << "': " << choice->scales.size()
                           << " scales chosen for " << channels << " channels";
  // Per channel, the values its scale must represent exactly to be a power
  // of two: gathered in one pass (a pass per channel would be quadratic in
  // a population's size).
  std::vector<Values> exactOf(static_cast<size_t>(channels));
  for (int64_t e = 0; e < n; ++e) {
    Values &exact = exactOf[size_t(channelOf(shape, e))];
    for (const Values *v : {&reset, &bias, &adaptGain})
      exact.push_back((*v)[size_t(e)]);
    if (subtractReset)
      exact.push_back(threshold[size_t(e)]);
  }
  Values channelScale(static_cast<size_t>(channels));
  bool allPowerOfTwo = true;
  for (int64_t c = 0; c < channels; ++c) {
    double weightBound = bound[size_t(c)];
    double stateBound =
        range[size_t(c)] > 0 ? stateLimit / range[size_t(c)] : inf;
    double thresholdBound = maxThreshold[size_t(c)] > 0
                                ? thresholdLimit / maxThreshold[size_t(c)]
                                : inf;
    double hardBound = std::min(
        thresholdBound,
        maxParam[size_t(c)] > 0 ? paramLimit / maxParam[size_t(c)] : inf);
    double s = std::min({weightBound, stateBound, thresholdBound});
    std::string limit = s == inf              ? "none"
                        : s == weightBound    ? "weight range"
                        : s == thresholdBound ? "threshold range"
                                              : "state width";
    if (s == inf) {
      // Nothing bounds it (no weights, threshold or calibration): half the
      // state's bits for the fraction.
      s = std::ldexp(1.0, int(stateBits) / 2);
      layer.notes.push_back("no weights, threshold or calibration bound "
                            "the scale; chose 2^" +
                            std::to_string(stateBits / 2));
    }
    layer.weightBound.push_back(weightBound);
    layer.stateBound.push_back(stateBound);
    layer.thresholdBound.push_back(thresholdBound);
    layer.hardBound.push_back(hardBound);
    layer.ruleScale.push_back(s);
    std::optional<double> subtracted;
    bool uniform = subtractReset;
    for (int64_t e = 0; uniform && e < n; ++e)
      if (channelOf(shape, e) == c) {
        double t = std::fabs(threshold[size_t(e)]);
        uniform = !subtracted || *subtracted == t;
        subtracted = t;
      }
    layer.subtractedThreshold.push_back(uniform && subtracted ? *subtracted
                                                              : 0);
    if (choice) {
      s = choice->scales[size_t(c)];
      limit = choice->limits[size_t(c)];
    }
    // A power of two that represents everything exactly makes the integer
    // network compute exactly what the float one does.
    double pow2 = quant::floorPowerOfTwo(s);
    if (quant::representsExactly(effective[size_t(c)], pow2, weightMax) &&
        quant::representsExactly(exactOf[size_t(c)], pow2,
                                 maxSigned(stateBits))) {
      limit = "exact representation";
      s = pow2;
    } else if (quant::floorPowerOfTwo(s) != s) {
      allPowerOfTwo = false;
    }
    channelScale[size_t(c)] = s;
    layer.limits.push_back(limit);
  }
  Values elementScale(static_cast<size_t>(n));
  for (int64_t e = 0; e < n; ++e)
    elementScale[size_t(e)] = channelScale[size_t(channelOf(shape, e))];
  layer.scales = channelScale;
  layer.powerOfTwo = allPowerOfTwo;

  // Fine state: the weights stay at S, the membrane, current, threshold,
  // reset and bias go to S * 2^k, and the drive enters through gain 2^k,
  // so that the state's rounding (each decay rounds to an integer) and the
  // threshold's are 2^k times finer than the weights'. k is as large as
  // two bits below the state bound (the current, and the step that
  // crosses), the threshold and parameter widths, and the gain's own
  // width (2^(frac_bits + k) fits the state) allow.
  std::vector<int> stateShift(size_t(channels), 0);
  if (options.fineState && lif && group) {
    int maxShift = int(stateBits) - 2 - int(fracBits);
    int lowest = maxShift, highest = 0;
    for (int64_t c = 0; c < channels; ++c) {
      double limit =
          std::min(layer.stateBound[size_t(c)] / 4, layer.hardBound[size_t(c)]);
      int k = 0;
      while (k < maxShift &&
             std::ldexp(channelScale[size_t(c)], k + 1) <= limit)
        ++k;
      stateShift[size_t(c)] = k;
      lowest = std::min(lowest, k);
      highest = std::max(highest, k);
    }
    if (highest > 0)
      layer.notes.push_back(
          "fine state: membrane at 2^" + std::to_string(lowest) +
          (lowest == highest ? "" : "..2^" + std::to_string(highest)) +
          " times the weights' scale");
  }
  Values membraneScale(static_cast<size_t>(n));
  for (int64_t e = 0; e < n; ++e)
    membraneScale[size_t(e)] = std::ldexp(
        elementScale[size_t(e)], stateShift[size_t(channelOf(shape, e))]);

  // Decays: fixed-point multipliers, or shifts written as multipliers.
  auto quantizeDecay = [&](double alpha, StringRef name) -> FailureOr<int64_t> {
    if (target.decayKind() == targets::DecayKind::None) {
      if (std::fabs(alpha - 1) > 1e-12)
        return op->emitError()
               << "cannot quantize '" << layer.name << "': target '"
               << target.name << "' has no leak, but '" << name << "' is "
               << show(alpha) << " (not 1)";
      return fixedPoint(1);
    }
    if (!shiftDecay || alpha == 1 || alpha == 0)
      return fixedPoint(alpha);
    if (alpha < 0 || alpha > 1)
      return op->emitError()
             << "cannot quantize '" << layer.name << "': '" << name << "' is "
             << show(alpha) << ", which no shift decay represents";
    int64_t shift = std::clamp<int64_t>(std::llround(-std::log2(1 - alpha)), 1,
                                        int64_t(fracBits));
    return ((int64_t(1) << shift) - 1) << (fracBits - shift);
  };
  std::vector<int64_t> qDecay, qSynDecay, qAdaptDecay;
  for (int64_t e = 0; e < n; ++e) {
    FailureOr<int64_t> d = quantizeDecay(decay[size_t(e)], "decay");
    if (failed(d))
      return failure();
    qDecay.push_back(*d);
    if (synapse) {
      FailureOr<int64_t> sd = quantizeDecay(synDecay[size_t(e)], "syn_decay");
      if (failed(sd))
        return failure();
      qSynDecay.push_back(*sd);
    }
    if (adaptive) {
      FailureOr<int64_t> ad =
          quantizeDecay(adaptDecay[size_t(e)], "adapt_decay");
      if (failed(ad))
        return failure();
      qAdaptDecay.push_back(*ad);
    }
  }
  layer.decay = qDecay.front();
  layer.fracBits = fracBits;

  // The input multiplier: exactly 1 when the weights absorbed the gain,
  // else gain * S / sigma_input in fixed point.
  std::vector<int64_t> qInput(static_cast<size_t>(n));
  for (int64_t e = 0; e < n; ++e)
    qInput[size_t(e)] =
        group ? fixedPoint(
                    std::ldexp(1.0, stateShift[size_t(channelOf(shape, e))]))
              : fixedPoint(fold[size_t(e)] * elementScale[size_t(e)] /
                           inputScale.at(e));
  std::vector<int64_t> qBias(static_cast<size_t>(n)),
      qThreshold(static_cast<size_t>(n)), qReset(static_cast<size_t>(n)),
      qAdaptGain(static_cast<size_t>(n)), unit(size_t(n), fixedPoint(1));
  double thresholdError = 0;
  for (int64_t e = 0; e < n; ++e) {
    double s = membraneScale[size_t(e)];
    qBias[size_t(e)] = roundHalfEven(bias[size_t(e)] * s);
    double t = threshold[size_t(e)] * s;
    bool integral =
        std::fabs(t - std::nearbyint(t)) <= 1e-9 * std::max(1.0, std::fabs(t));
    qThreshold[size_t(e)] =
        subtractReset || integral ? roundHalfEven(t) : int64_t(std::floor(t));
    qReset[size_t(e)] = roundHalfEven(reset[size_t(e)] * s);
    qAdaptGain[size_t(e)] = roundHalfEven(adaptGain[size_t(e)] * s);
    if (threshold[size_t(e)] != 0 && subtractReset)
      thresholdError = std::max(
          thresholdError,
          std::fabs(threshold[size_t(e)] - double(qThreshold[size_t(e)]) / s) /
              std::fabs(threshold[size_t(e)]));
  }
  layer.thresholdRelativeError = thresholdError;

  setAttr(op, "decay", intParam(blobNameFor(op, "decay"), ctx, qDecay, shape));
  setAttr(
      op, "gain",
      intParam(blobNameFor(op, "gain"), ctx, synapse ? unit : qInput, shape));
  if (synapse) {
    setAttr(op, "syn_decay",
            intParam(blobNameFor(op, "syn_decay"), ctx, qSynDecay, shape));
    setAttr(op, "syn_gain",
            intParam(blobNameFor(op, "syn_gain"), ctx, qInput, shape));
  }
  if (lif) {
    setAttr(op, "v_threshold",
            intParam(blobNameFor(op, "v_threshold"), ctx, qThreshold, shape));
    setAttr(op, "v_reset",
            intParam(blobNameFor(op, "v_reset"), ctx, qReset, shape));
    if (adaptive) {
      setAttr(
          op, "adapt_decay",
          intParam(blobNameFor(op, "adapt_decay"), ctx, qAdaptDecay, shape));
      setAttr(op, "adapt_gain",
              intParam(blobNameFor(op, "adapt_gain"), ctx, qAdaptGain, shape));
    }
  } else {
    setResultType(op, intType());
    scales[op->getResult(0)] = Scale{elementScale};
  }
  setAttr(op, "frac_bits",
          IntegerAttr::get(IntegerType::get(ctx, 64), int64_t(fracBits)));
  setAttr(op, "rounding", RoundingAttr::get(ctx, rounding));
  setAttr(op, "state_bits",
          IntegerAttr::get(IntegerType::get(ctx, 64), int64_t(stateBits)));

  // The ops folded into this population produce its drive at S * fold.
  if (group) {
    Values driveScale(static_cast<size_t>(n));
    for (int64_t e = 0; e < n; ++e)
      driveScale[size_t(e)] = elementScale[size_t(e)] * fold[size_t(e)];
    Scale drive{std::move(driveScale)};
    Values drift(static_cast<size_t>(n));
    std::optional<MembraneObjective> objective;
    if (options.adaptiveRounding)
      objective =
          membraneObjective(op, *group, decay, synapse ? synDecay : Values());
    for (Operation *projection : group->projections) {
      if (failed(planProjectionWeights(projection, drive, layer.weights, &drift,
                                       objective ? &*objective : nullptr)))
        return failure();
      scales[projection->getResult(0)] = drive;
    }
    for (Operation *glue : group->glue) {
      setResultType(glue, intType());
      scales[glue->getResult(0)] = drive;
    }
    if (options.biasCorrection) {
      // Bias correction: the drive the weights' rounding loses per step on
      // average enters the bias, through the synaptic current's steady
      // state (drift / (1 - syn_decay)) where there is one.
      int64_t moved = 0;
      for (int64_t e = 0; e < n; ++e) {
        double perStep = drift[size_t(e)];
        if (synapse) {
          double keep = synDecay[size_t(e)];
          perStep = keep < 1 ? perStep / (1 - keep) : 0;
        }
        int64_t correction = roundHalfEven(
            std::ldexp(perStep, stateShift[size_t(channelOf(shape, e))]));
        qBias[size_t(e)] += correction;
        moved += correction != 0;
      }
      layer.notes.push_back("bias correction changed " + std::to_string(moved) +
                            " of " + std::to_string(n) + " biases");
    }
  }
  setAttr(op, "bias", intParam(blobNameFor(op, "bias"), ctx, qBias, shape));
  report.layers.push_back(std::move(layer));
  populationsInProgress.erase(op);
  planned.insert(op);
  return success();
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

LogicalResult Quantizer::plan() {
  report.target = target.name;
  report.method = quant::getMethodName(options.method).str();
  report.perChannel = options.perChannel;
  if (failed(checkSupported()) || failed(chooseFormat()) ||
      failed(scaleInputs()))
    return failure();
  Block *body = network.getBodyBlock();
  for (Operation &op : body->without_terminator())
    if (isa<PopulationOpInterface>(op)) {
      FoldGroup group;
      if (collectFoldGroup(op.getOperand(0), group)) {
        for (Operation *folded : group.projections)
          ownerOf[folded] = &op;
        for (Operation *folded : group.glue)
          ownerOf[folded] = &op;
        groups[&op] = std::move(group);
      }
    }
  for (Operation &op : body->without_terminator()) {
    if (isa<DiscreteLIFOp>(op)) {
      if (failed(planPopulation(&op)))
        return failure();
    } else if (auto threshold = dyn_cast<ThresholdOp>(op)) {
      if (failed(planThreshold(threshold)))
        return failure();
    } else if (auto attention = dyn_cast<AttentionOp>(op);
               attention && attention.getForm() == AttentionForm::SpikeDriven) {
      planSpikeDriven(attention);
    } else if (failed(getScale(op.getResult(0)))) {
      return failure();
    }
  }
  for (Value output : network.getOutputOp().getOperands()) {
    FailureOr<const Scale *> scale = getScale(output);
    if (failed(scale))
      return failure();
    report.outputScales.push_back((*scale)->at(0));
  }
  return success();
}

void Quantizer::apply() {
  for (const std::function<void()> &mutation : mutations)
    mutation();
  for (Operation *op : erased)
    op->erase();
  Block *body = network.getBodyBlock();
  SmallVector<Type> inputs, outputs;
  for (BlockArgument arg : body->getArguments())
    inputs.push_back(arg.getType());
  for (Value output : network.getOutputOp().getOperands())
    outputs.push_back(output.getType());
  network.setFunctionType(FunctionType::get(ctx, inputs, outputs));
  network.setScales(report.inputScales, report.outputScales);
  setNetworkTarget(network, target);
}

} // namespace

LogicalResult snc::quantizeWithChoices(NetworkOp network,
                                       const targets::TargetDescription &target,
                                       const QuantizationOptions &options,
                                       const ScaleChoices &choices,
                                       const CalibrationStats &calibration,
                                       QuantizeReport &report, bool apply) {
  report = QuantizeReport();
  Quantizer quantizer(network, target, options, choices, calibration, report);
  if (failed(quantizer.plan()))
    return failure();
  if (apply)
    quantizer.apply();
  return success();
}
