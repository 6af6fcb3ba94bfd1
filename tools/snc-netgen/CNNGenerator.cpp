//===- CNNGenerator.cpp - large convolutional spiking networks ------------===//

#include "tools/snc-netgen/CNNGenerator.h"
#include "tools/snc-netgen/NetworkSkeleton.h"

#include "dialects/snn/Params.h"
#include "dialects/snn/SNNOps.h"
#include "passes/SplitMix64.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"

#include <cmath>
#include <limits>
#include <vector>

using namespace mlir;

namespace snc::netgen {

namespace {

/// One 3x3 convolution, padded by 1, and the LIF layer it feeds; a
/// depthwise one (groups = channels) sees only its own input channel.
struct ConvLayer {
  int64_t inChannels, outChannels, stride;
  bool depthwise = false;
  int64_t groups() const { return depthwise ? inChannels : 1; }
  int64_t fanIn() const { return inChannels / groups() * 9; }
};

/// The six convolutions, from the [2, W, W] input.
std::vector<ConvLayer> convLayers(const CNNShape &shape) {
  int64_t c = shape.channels;
  return {{2, c, 1},         {c, c, 1, /*depthwise=*/true},
          {c, 2 * c, 2},     {2 * c, 2 * c, 1, /*depthwise=*/true},
          {2 * c, 4 * c, 2}, {4 * c, 4 * c, 1}};
}

/// Output side of a 3x3 convolution padded by 1: (in + 2 - 3) / s + 1.
int64_t convSide(int64_t in, int64_t stride) { return (in - 1) / stride + 1; }

/// Taps of a 3x3 kernel padded by 1 that fall inside a side of `in`, over
/// the `out` output positions along it.
int64_t tapsAlong(int64_t in, int64_t out, int64_t stride) {
  int64_t taps = 0;
  for (int64_t o = 0; o < out; ++o)
    for (int64_t k = 0; k < 3; ++k) {
      int64_t i = o * stride - 1 + k;
      taps += i >= 0 && i < in;
    }
  return taps;
}

int64_t hiddenSize(const CNNShape &shape) { return 16 * shape.channels; }

/// Weights of -5..-1 and 1..11 units, each of the 16 values equally
/// likely: whole units, so quantizing them loses nothing, none zero (every
/// tap is a synapse), with a mean of 3.2 units. The unit, (0.46 + 0.8 /
/// sqrt(F)) / F for a fan-in of F, is what keeps the rate from layer to
/// layer: a neuron whose inputs spike at 10 % gets a mean drive of 0.15 to
/// 0.2 a step (with a leak of 0.875 and a threshold of 1, it fires on the
/// drive's fluctuations too), and the second term makes up for the
/// fluctuations shrinking with F, so 4 and 16 channels fire alike. Found
/// by measuring (bench/scale/README.md): 0.10 to 0.36 spikes per neuron
/// and step in every layer.
std::vector<float> randomWeights(int64_t count, int64_t fanIn,
                                 SplitMix64 &random) {
  double f = double(fanIn);
  float unit = float((0.46 + 0.8 / std::sqrt(f)) / f);
  std::vector<float> weights(static_cast<size_t>(count));
  for (float &w : weights) {
    int64_t k = int64_t(random.next() % 16);
    w = float(k < 5 ? k - 5 : k - 4) * unit;
  }
  return weights;
}

} // namespace

bool checkCNNShape(const CNNShape &shape, std::string &error) {
  if (shape.width < 16 || shape.width % 16 != 0 || shape.width > 4096)
    error = "--width must be a multiple of 16 in 16..4096";
  else if (shape.channels < 1 || shape.channels > 1024)
    error = "--channels must be in 1..1024";
  else if (shape.classes < 1 || shape.classes > 65536)
    error = "--classes must be in 1..65536";
  return error.empty();
}

CNNSize getCNNSize(const CNNShape &shape) {
  CNNSize size;
  int64_t side = shape.width;
  for (const ConvLayer &layer : convLayers(shape)) {
    int64_t out = convSide(side, layer.stride);
    int64_t taps = tapsAlong(side, out, layer.stride);
    size.neurons += layer.outChannels * out * out;
    size.synapses +=
        layer.outChannels * (layer.inChannels / layer.groups()) * taps * taps;
    side = out;
  }
  // The readout (generateCNN): pooling onto a 4 x 4 grid, each last-layer
  // neuron reaching one pooled neuron; fc1 from every pooled neuron.
  int64_t last = convLayers(shape).back().outChannels;
  int64_t pooled = last * 16;
  size.neurons += pooled + hiddenSize(shape) + shape.classes;
  size.synapses += last * side * side + pooled * hiddenSize(shape) +
                   hiddenSize(shape) * shape.classes;
  return size;
}

OwningOpRef<ModuleOp> generateCNN(MLIRContext *context, const CNNShape &shape,
                                  const std::string &name) {
  context->getOrLoadDialect<snn::SNNDialect>();
  OpBuilder b(context);
  Location loc = NameLoc::get(b.getStringAttr(name));
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);

  Type f32 = b.getF32Type(), i1 = b.getI1Type();
  auto scalar = [&](float value) -> Attribute {
    return DenseElementsAttr::get(RankedTensorType::get({}, f32), value);
  };
  // Large weight arrays as blobs (not uniqued, not copied), unless the
  // shape asks for every array inline.
  int64_t blobThreshold = shape.inlineArrays
                              ? std::numeric_limits<int64_t>::max()
                              : snn::kBlobThreshold;
  auto weightsOf = [&](ArrayRef<int64_t> dims, ArrayRef<float> values,
                       const std::string &opName) -> Attribute {
    return snn::makeParamOfType(RankedTensorType::get(dims, f32), values,
                                snn::blobNameFor(opName, "weight"),
                                blobThreshold);
  };
  auto named = [&](const std::string &opName) {
    return NameLoc::get(b.getStringAttr(opName));
  };
  auto lif = [&](Value input, const std::string &opName,
                 float threshold = 1.0f) -> Value {
    auto type = cast<RankedTensorType>(input.getType());
    NamedAttrList attrs;
    attrs.set("name", b.getStringAttr(opName));
    attrs.set("decay", scalar(0.875f));
    attrs.set("gain", scalar(1.0f));
    attrs.set("bias", scalar(0.0f));
    attrs.set("v_threshold", scalar(threshold));
    attrs.set("v_reset", scalar(0.0f));
    return b.create<snn::DiscreteLIFOp>(
        named(opName), TypeRange{RankedTensorType::get(type.getShape(), i1)},
        ValueRange{input}, attrs.getAttrs());
  };

  int64_t w = shape.width;
  auto inputType = RankedTensorType::get({2, w, w}, i1);
  auto outputType = RankedTensorType::get({shape.classes}, i1);
  Value networkInput =
      createNetwork(b, *module, loc, name, inputType, outputType);

  SplitMix64 random(shape.seed);
  Value previous = networkInput;
  int64_t side = w;
  int number = 0;
  for (const ConvLayer &layer : convLayers(shape)) {
    std::string id = std::to_string(++number);
    int64_t out = convSide(side, layer.stride);
    int64_t fanIn = layer.fanIn();
    std::vector<float> weights =
        randomWeights(layer.outChannels * fanIn, fanIn, random);
    NamedAttrList attrs;
    attrs.set("name", b.getStringAttr("conv" + id));
    attrs.set("weight", weightsOf({layer.outChannels,
                                   layer.inChannels / layer.groups(), 3, 3},
                                  weights, "conv" + id));
    attrs.set("stride", b.getDenseI64ArrayAttr({layer.stride, layer.stride}));
    attrs.set("padding", b.getDenseI64ArrayAttr({1, 1}));
    attrs.set("dilation", b.getDenseI64ArrayAttr({1, 1}));
    if (layer.depthwise)
      attrs.set("groups", b.getI64IntegerAttr(layer.groups()));
    Value conv = b.create<snn::Conv2dOp>(
        named("conv" + id),
        TypeRange{RankedTensorType::get({layer.outChannels, out, out}, f32)},
        ValueRange{previous}, attrs.getAttrs());
    previous = lif(conv, "lif" + id);
    side = out;
  }

  // Readout: sum pooling onto a 4 x 4 grid into a spiking layer, then two
  // affine layers. The spiking pooled layer keeps fc1's fan-in at 64C (a
  // SpiNNaker2 PE holds a few thousand synapses of one neuron; pooling
  // composed straight into fc1 would give each of its neurons one synapse
  // from every last-layer neuron, 65,536 at W = 128). Its threshold is half
  // a spike below the window's size (a neuron fires above its threshold),
  // so it fires about as often as its inputs.
  int64_t channels = convLayers(shape).back().outChannels;
  int64_t window = side / 4;
  NamedAttrList poolAttrs;
  poolAttrs.set("name", b.getStringAttr("pool"));
  poolAttrs.set("kernel_size", b.getDenseI64ArrayAttr({window, window}));
  poolAttrs.set("stride", b.getDenseI64ArrayAttr({window, window}));
  poolAttrs.set("padding", b.getDenseI64ArrayAttr({0, 0}));
  Value pool = b.create<snn::SumPool2dOp>(
      named("pool"), TypeRange{RankedTensorType::get({channels, 4, 4}, f32)},
      ValueRange{previous}, poolAttrs.getAttrs());
  Value pooledSpikes =
      lif(pool, "lif_pool", /*threshold=*/float(window * window) - 0.5f);
  int64_t features = channels * 16;
  NamedAttrList flattenAttrs;
  flattenAttrs.set("name", b.getStringAttr("flatten"));
  flattenAttrs.set("start_dim", b.getI64IntegerAttr(0));
  flattenAttrs.set("end_dim", b.getI64IntegerAttr(-1));
  Value flat = b.create<snn::FlattenOp>(
      named("flatten"), TypeRange{RankedTensorType::get({features}, i1)},
      ValueRange{pooledSpikes}, flattenAttrs.getAttrs());

  auto affine = [&](Value input, int64_t in, int64_t out, int64_t fanIn,
                    const std::string &opName) -> Value {
    std::vector<float> weights = randomWeights(out * in, fanIn, random);
    NamedAttrList attrs;
    attrs.set("name", b.getStringAttr(opName));
    attrs.set("weight", weightsOf({out, in}, weights, opName));
    attrs.set("bias",
              DenseElementsAttr::get(RankedTensorType::get({out}, f32), 0.0f));
    return b.create<snn::AffineOp>(named(opName),
                                   TypeRange{RankedTensorType::get({out}, f32)},
                                   ValueRange{input}, attrs.getAttrs());
  };
  Value hidden = lif(affine(flat, features, hiddenSize(shape), features, "fc1"),
                     "lif_fc1");
  Value classes = lif(affine(hidden, hiddenSize(shape), shape.classes,
                             hiddenSize(shape), "fc2"),
                      "lif_fc2");
  b.create<snn::OutputOp>(loc, ValueRange{classes});
  return module;
}

} // namespace snc::netgen
