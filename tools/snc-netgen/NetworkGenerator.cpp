//===- NetworkGenerator.cpp - large layered spiking networks --------------===//

#include "tools/snc-netgen/NetworkGenerator.h"
#include "tools/snc-netgen/NetworkSkeleton.h"

#include "dialects/snn/SNNOps.h"
#include "dialects/snn/SynapseArrays.h"
#include "passes/SplitMix64.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

using namespace mlir;

namespace snc::netgen {

namespace {

/// One sparse projection's synapses, CSR by source.
struct Synapses {
  std::vector<int64_t> rowPtr{0};
  std::vector<int64_t> targets;
  std::vector<float> weights;
  std::vector<int64_t> delays;
};

/// Every fifth neuron (index 4 mod 5) inhibits; spike inputs excite.
bool isInhibitory(int64_t neuron, bool fromInputs) {
  return !fromInputs && neuron % 5 == 4;
}

/// Synapses from `pre` sources to `post` targets, `fanIn` per target on
/// average. Source s reaches distinct targets in a window around its image
/// s * post / pre, twice as wide as its fan-out: local connectivity, as in
/// bench/mapping's synthetic networks. Weights are +-k * unit, k uniform in
/// 1..16; delays uniform in 0..maxDelay.
Synapses connect(int64_t pre, int64_t post, double fanIn, bool fromInputs,
                 float unit, int64_t maxDelay, SplitMix64 &random) {
  Synapses synapses;
  double fanOut = fanIn * double(post) / double(pre);
  std::vector<int64_t> window;
  for (int64_t s = 0; s < pre; ++s) {
    double whole = std::floor(fanOut);
    int64_t count = int64_t(whole) + (random.uniform() < fanOut - whole);
    count = std::min(count, post);
    int64_t width = std::min(post, std::max<int64_t>(2 * count, 1));
    double image = (double(s) + 0.5) * double(post) / double(pre);
    int64_t start = std::clamp<int64_t>(int64_t(image - double(width) / 2), 0,
                                        post - width);
    window.resize(width);
    std::iota(window.begin(), window.end(), start);
    // The first `count` entries of a partial Fisher-Yates shuffle.
    for (int64_t i = 0; i < count; ++i)
      std::swap(window[i], window[i + int64_t(random.next() % (width - i))]);
    std::sort(window.begin(), window.begin() + count);
    bool inhibitory = isInhibitory(s, fromInputs);
    for (int64_t i = 0; i < count; ++i) {
      int64_t k = 1 + int64_t(random.next() % 16);
      synapses.targets.push_back(window[i]);
      synapses.weights.push_back(float(inhibitory ? -k : k) * unit);
      if (maxDelay > 0)
        synapses.delays.push_back(int64_t(random.next() % (maxDelay + 1)));
    }
    synapses.rowPtr.push_back(int64_t(synapses.targets.size()));
  }
  return synapses;
}

} // namespace

bool checkShape(const NetworkShape &shape, std::string &error) {
  if (shape.layers < 1)
    error = "--layers must be at least 1";
  else if (shape.neurons < shape.layers)
    error = "--neurons must be at least --layers (one neuron per layer)";
  else if (shape.inputs < 1)
    error = "--inputs must be at least 1";
  else if (shape.synapsesPerNeuron < 0)
    error = "--synapses must not be negative";
  else if (shape.maxDelay < 0 || shape.maxDelay > 1024)
    error = "--max-delay must be in 0..1024";
  return error.empty();
}

OwningOpRef<ModuleOp> generateNetwork(MLIRContext *context,
                                      const NetworkShape &shape,
                                      const std::string &name) {
  context->getOrLoadDialect<snn::SNNDialect>();
  OpBuilder b(context);
  Location loc = NameLoc::get(b.getStringAttr(name));
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);

  // Layer sizes: the remainder goes to the first layers.
  std::vector<int64_t> sizes(shape.layers, shape.neurons / shape.layers);
  for (int64_t l = 0; l < shape.neurons % shape.layers; ++l)
    ++sizes[l];

  Type f32 = b.getF32Type(), i1 = b.getI1Type();
  auto spikesType = [&](int64_t n) { return RankedTensorType::get({n}, i1); };
  auto numbersType = [&](int64_t n) { return RankedTensorType::get({n}, f32); };
  auto scalar = [&](float value) -> Attribute {
    return DenseElementsAttr::get(RankedTensorType::get({}, f32), value);
  };

  Type inputType = spikesType(shape.inputs);
  Type outputType = spikesType(sizes.back());
  Value networkInput =
      createNetwork(b, *module, loc, name, inputType, outputType);

  SplitMix64 random(shape.seed);
  // A fifth of each neuron's synapses come from its own layer.
  double recurrentFanIn = double(shape.synapsesPerNeuron) / 5;
  double forwardFanIn = double(shape.synapsesPerNeuron) - recurrentFanIn;
  // Weights shrink as the fan-in grows, so activity is about the same at
  // every size: a neuron whose inputs all spike at a rate r gets a mean
  // drive of about 2 r per step (four fifths of its synapses excite, with
  // a mean weight of 3.4 / synapses), and with the leak of 0.875 a step it
  // fires once r exceeds about 6 %. The layers settle at 10 to 30 %.
  float unit = shape.synapsesPerNeuron > 0
                   ? 0.4f / float(shape.synapsesPerNeuron)
                   : 0.0f;
  auto project = [&](Value input, int64_t pre, int64_t post, double fanIn,
                     bool fromInputs, const std::string &opName) -> Value {
    Synapses synapses =
        connect(pre, post, fanIn, fromInputs, unit, shape.maxDelay, random);
    NamedAttrList attrs;
    attrs.set("name", b.getStringAttr(opName));
    // Large arrays become dense_resource blobs of narrow integers.
    MLIRContext *ctx = b.getContext();
    int64_t threshold = shape.inlineArrays ? std::numeric_limits<int64_t>::max()
                                           : snn::kBlobThreshold;
    attrs.set("row_ptr", snn::makeIndexArray(ctx, opName + ".row_ptr",
                                             synapses.rowPtr, threshold));
    attrs.set("targets", snn::makeIndexArray(ctx, opName + ".targets",
                                             synapses.targets, threshold));
    attrs.set("weights",
              snn::makeWeightArray(ctx, opName + ".weights",
                                   llvm::ArrayRef<float>(synapses.weights),
                                   threshold));
    if (shape.maxDelay > 0)
      attrs.set("delays", snn::makeDelayArray(ctx, opName + ".delays",
                                              synapses.delays, threshold));
    return b.create<snn::SparseProjectionOp>(
        NameLoc::get(b.getStringAttr(opName)), TypeRange{numbersType(post)},
        ValueRange{input}, attrs.getAttrs());
  };

  Value previous = networkInput;
  int64_t previousSize = shape.inputs;
  for (int64_t l = 0; l < shape.layers; ++l) {
    std::string layer = "layer" + std::to_string(l);
    int64_t size = sizes[l];
    // The layer's own spikes, used before they are defined (graph region).
    auto placeholder = b.create<UnrealizedConversionCastOp>(
        loc, TypeRange{spikesType(size)}, ValueRange{});
    Value forward = project(previous, previousSize, size, forwardFanIn,
                            /*fromInputs=*/l == 0, layer + "_ff");
    Value recurrent =
        project(placeholder.getResult(0), size, size, recurrentFanIn,
                /*fromInputs=*/false, layer + "_rec");
    NamedAttrList sumAttrs;
    sumAttrs.set("name", b.getStringAttr(layer + "_sum"));
    Value sum = b.create<snn::AddOp>(loc, TypeRange{numbersType(size)},
                                     ValueRange{forward, recurrent},
                                     sumAttrs.getAttrs());
    NamedAttrList lif;
    lif.set("name", b.getStringAttr(layer));
    lif.set("decay", scalar(0.875f));
    lif.set("gain", scalar(1.0f));
    lif.set("bias", scalar(0.0f));
    lif.set("v_threshold", scalar(1.0f));
    lif.set("v_reset", scalar(0.0f));
    Value spikes = b.create<snn::DiscreteLIFOp>(
        NameLoc::get(b.getStringAttr(layer)), TypeRange{spikesType(size)},
        ValueRange{sum}, lif.getAttrs());
    placeholder.getResult(0).replaceAllUsesWith(spikes);
    placeholder.erase();
    previous = spikes;
    previousSize = size;
  }
  b.create<snn::OutputOp>(loc, ValueRange{previous});
  return module;
}

} // namespace snc::netgen
