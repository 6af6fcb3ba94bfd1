//===- ProjectionKernels.cpp - dense, sparse, convolutional projections ---===//
//
// Projections are event-driven: work is proportional to the nonzero inputs
// (the spikes), never to the full weight matrix per step.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SNNOps.h"
#include "dialects/snn/SynapseArrays.h"
#include "runtime/KernelSupport.h"
#include "runtime/Kernels.h"
#include "runtime/NeuronModeConversion.h"
#include "runtime/neuron/FixedPoint.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

using namespace mlir;
using namespace snc::snn;

namespace snc::runtime {
namespace {

/// y = b + W x, accumulated over nonzero inputs in ascending input index.
template <typename T> class DenseKernel : public Kernel {
public:
  DenseKernel(ElementsAttr weight, std::optional<ElementsAttr> bias,
              const Slot *input, Slot *output)
      : Kernel(output), input(input), outSize(output->getSize()) {
    int64_t inSize = input->getSize();
    // Read in place (inline or a blob), without a copy in doubles.
    WeightArray w = WeightArray::get(weight);
    // Transposed, so one input event adds one contiguous row.
    transposed.resize(inSize * outSize);
    for (int64_t o = 0; o < outSize; ++o)
      for (int64_t i = 0; i < inSize; ++i)
        transposed[i * outSize + o] = T(w.at(o * inSize + i));
    this->bias = bias ? paramAs<T>(*bias, outSize) : std::vector<T>(outSize);
  }

  void step(int64_t) override {
    T *out = output->data<T>();
    std::copy(bias.begin(), bias.end(), out);
    input->forEachNonzero<T>([&](int64_t i, T x) {
      const T *row = transposed.data() + i * outSize;
      for (int64_t o = 0; o < outSize; ++o)
        out[o] += x * row[o];
    });
  }

private:
  const Slot *input;
  int64_t outSize;
  std::vector<T> transposed, bias;
};

/// CSR synapses with delays: an input event at step t adds w * x to target
/// j's accumulator for step t + delay. Per synapse it reads a 32-bit target
/// (the i32 blob in place, else a copy), its weight unless all weights are
/// equal (32 bits for integer weights that fit), and its delay if it has one
/// (8 bits when all are below 256): at most 9 bytes per synapse for the
/// integer networks snc compiles, 5 when the targets are an i32 blob.
template <typename T> class SparseKernel : public Kernel {
public:
  SparseKernel(SparseProjectionOp op, const Slot *input, Slot *output)
      : Kernel(output), input(input),
        rowPtr(IndexArray::get(op.getRowPtr()).toVector()),
        outSize(output->getSize()) {
    // i32 targets in a blob are used in place (they are in [0, outSize),
    // as the verifier checked); any other form is copied to 32 bits.
    IndexArray to = IndexArray::get(op.getTargets());
    if (const int32_t *inPlace = to.getInt32Data()) {
      targets = reinterpret_cast<const uint32_t *>(inPlace);
    } else {
      ownTargets.assign(to.begin(), to.end());
      targets = ownTargets.data();
    }
    WeightArray w = WeightArray::get(op.getWeights());
    if (w.isSplat())
      weight = T(w[0]);
    else
      setWeights(w);
    depth = op.getMaxDelay() + 1;
    if (std::optional<Attribute> d = op.getDelays()) {
      IndexArray view = IndexArray::get(*d);
      if (depth <= 256)
        shortDelays.assign(view.begin(), view.end());
      else
        longDelays.assign(view.begin(), view.end());
    }
    if (depth > 1)
      pending.assign(depth * outSize, T(0));
  }

  void step(int64_t time) override {
    if (!narrowWeights.empty())
      step(time, narrowWeights.data());
    else
      step(time, weights.empty() ? nullptr : weights.data());
  }

private:
  /// The weights as T, or as int32 when T is an integer type and every
  /// weight fits (the same values: T(int32_t(T(w))) == T(w)).
  void setWeights(const WeightArray &values) {
    size_t n = size_t(values.size());
    if constexpr (std::is_integral_v<T>) {
      bool narrow = true;
      for (size_t i = 0; i < n && narrow; ++i) {
        T x = T(values[int64_t(i)]);
        narrow = x >= INT32_MIN && x <= INT32_MAX;
      }
      if (narrow) {
        narrowWeights.resize(n);
        for (size_t i = 0; i < n; ++i)
          narrowWeights[i] = int32_t(T(values[int64_t(i)]));
        return;
      }
    }
    weights.resize(n);
    for (size_t i = 0; i < n; ++i)
      weights[i] = T(values[int64_t(i)]);
  }

  /// One step with per-synapse weights `ws` (null: all are `weight`).
  template <typename W> void step(int64_t time, const W *ws) {
    if (depth == 1) {
      // No delays: this step's events are the whole output.
      T *out = output->data<T>();
      clearLastEvents(out);
      input->forEachNonzero<T>([&](int64_t s, T x) {
        int64_t begin = rowPtr[s], end = rowPtr[s + 1];
        lastSources.push_back(uint32_t(s));
        lastEvents += end - begin;
        const uint32_t *to = targets;
        if (!ws) {
          T w = weight; // in a register: stores to out cannot change it
          for (int64_t syn = begin; syn < end; ++syn)
            out[to[syn]] += w * x;
        } else {
          for (int64_t syn = begin; syn < end; ++syn)
            out[to[syn]] += T(ws[syn]) * x;
        }
      });
      return;
    }
    if (!longDelays.empty())
      accumulateDelayed(time, ws, longDelays.data());
    else
      accumulateDelayed(time, ws, shortDelays.data());
  }

  /// Events into the ring slot of step t + delay (delay < depth), then
  /// this step's slot is the output.
  template <typename W, typename D>
  void accumulateDelayed(int64_t time, const W *ws, const D *delays) {
    int64_t now = time % depth;
    input->forEachNonzero<T>([&](int64_t s, T x) {
      for (int64_t syn = rowPtr[s]; syn < rowPtr[s + 1]; ++syn) {
        int64_t slot = now + int64_t(delays[syn]);
        if (slot >= depth)
          slot -= depth;
        T w = ws ? T(ws[syn]) : weight;
        pending[slot * outSize + targets[syn]] += w * x;
      }
    });
    T *due = pending.data() + now * outSize;
    std::copy_n(due, outSize, output->data<T>());
    std::fill_n(due, outSize, T(0));
  }

  /// Zeroes the output: only the targets of last step's events when they
  /// are few (the rest is still zero), else all of it.
  void clearLastEvents(T *out) {
    if (lastEvents > outSize / 8) {
      std::fill_n(out, outSize, T(0));
    } else {
      for (uint32_t s : lastSources)
        for (int64_t syn = rowPtr[s]; syn < rowPtr[s + 1]; ++syn)
          out[targets[syn]] = T(0);
    }
    lastSources.clear();
    lastEvents = 0;
  }

  const Slot *input;
  std::vector<int64_t> rowPtr;
  // The IR's i32 blob, or ownTargets.
  const uint32_t *targets = nullptr;
  std::vector<uint32_t> ownTargets;
  // Per-synapse delays in one of the two, by the longest (depth > 1
  // means there are some).
  std::vector<uint8_t> shortDelays;
  std::vector<uint32_t> longDelays;
  // The sources that had input last step and their synapse count; the
  // output starts all zero (a fresh slot), as if a full step had none.
  std::vector<uint32_t> lastSources;
  int64_t lastEvents = 0;
  T weight = T(0);
  // Per-synapse weights in one of the two (none: every synapse has
  // `weight`).
  std::vector<T> weights;
  std::vector<int32_t> narrowWeights;
  int64_t outSize, depth;
  std::vector<T> pending;
};

template <typename T> class Conv2dKernel : public Kernel {
public:
  Conv2dKernel(Conv2dGeometry geometry, ElementsAttr weight,
               std::optional<ElementsAttr> bias, const Slot *input,
               Slot *output)
      : Kernel(output), g(geometry), input(input),
        weight(paramAs<T>(weight, weight.getNumElements())) {
    if (bias)
      this->bias = paramAs<T>(*bias, g.outChannels);
  }

  void step(int64_t) override {
    input->loadAll(scratch);
    conv2d(g, scratch.data(), weight.data(),
           bias.empty() ? nullptr : bias.data(), output->data<T>());
  }

private:
  Conv2dGeometry g;
  const Slot *input;
  std::vector<T> weight, bias, scratch;
};

template <typename T> class PoolKernel : public Kernel {
public:
  PoolKernel(Pool2dGeometry geometry, bool average, const Slot *input,
             Slot *output)
      : Kernel(output), g(geometry), average(average), input(input) {}

  void step(int64_t) override {
    input->loadAll(scratch);
    if (average)
      avgPool2d(g, scratch.data(), output->data<T>());
    else
      sumPool2d(g, scratch.data(), output->data<T>());
  }

private:
  Pool2dGeometry g;
  bool average;
  const Slot *input;
  std::vector<T> scratch;
};

/// Spikformer attention, computed in T (the result's kind). On integers
/// the counts Q (K^T V) are exact and `scale` is a fixed-point multiplier
/// with `frac_bits` fraction bits, dropped as `rounding` says.
template <typename T> class SpikformerKernel : public Kernel {
public:
  SpikformerKernel(AttentionOp op, ArrayRef<const Slot *> inputs, Slot *output)
      : Kernel(output), scale(op.getScale().convertToDouble()),
        fracBits(unsigned(op.getFracBits().value_or(0))),
        rounding(fromDialect(op.getRounding().value_or(snn::Rounding::Floor))),
        inputs(inputs.begin(), inputs.end()) {
    auto type = cast<RankedTensorType>(op.getQuery().getType());
    tokens = type.getDimSize(0);
    features = type.getDimSize(1);
    result.resize(size_t(tokens * features));
  }

  void step(int64_t) override {
    inputs[0]->loadAll(q);
    inputs[1]->loadAll(k);
    inputs[2]->loadAll(v);
    T *out = output->data<T>();
    if constexpr (std::is_same_v<T, int64_t>) {
      spikformerAttention(q.data(), k.data(), v.data(), tokens, features,
                          int64_t(1), result.data());
      for (size_t i = 0; i < result.size(); ++i)
        out[i] = saturate(
            fixedMul(int64_t(scale), result[i], fracBits, rounding), 64);
    } else {
      spikformerAttention(q.data(), k.data(), v.data(), tokens, features,
                          T(scale), out);
    }
  }

private:
  double scale;
  unsigned fracBits;
  Rounding rounding;
  SmallVector<const Slot *> inputs;
  int64_t tokens, features;
  std::vector<T> q, k, v, result;
};

/// Spike-driven attention: the column sums are exact integer counts,
/// compared with floor(threshold) (for an integer count c, c > t exactly
/// when c > floor(t)).
class SpikeDrivenKernel : public Kernel {
public:
  SpikeDrivenKernel(AttentionOp op, ArrayRef<const Slot *> inputs, Slot *output)
      : Kernel(output), inputs(inputs.begin(), inputs.end()) {
    auto type = cast<RankedTensorType>(op.getQuery().getType());
    tokens = type.getDimSize(0);
    features = type.getDimSize(1);
    // Counts lie in [0, tokens]: a threshold outside [-1, tokens] acts as
    // its end of that range.
    double t = std::floor(op.getThreshold().convertToDouble());
    threshold = t < -1 ? -1 : t > double(tokens) ? tokens : int64_t(t);
    result.resize(size_t(tokens * features));
  }

  void step(int64_t) override {
    inputs[0]->loadAll(q);
    inputs[1]->loadAll(k);
    inputs[2]->loadAll(v);
    spikeDrivenAttention(q.data(), k.data(), v.data(), tokens, features,
                         threshold, result.data());
    for (size_t i = 0; i < result.size(); ++i)
      output->data<uint8_t>()[i] = result[i] != 0;
  }

private:
  SmallVector<const Slot *> inputs;
  int64_t tokens, features, threshold;
  std::vector<int64_t> q, k, v, result;
};

int64_t dim(Value v, unsigned d) {
  return cast<RankedTensorType>(v.getType()).getDimSize(d);
}

Conv2dGeometry conv2dGeometry(Conv2dOp op) {
  auto w = cast<ShapedType>(op.getWeight().getType());
  Conv2dGeometry g;
  g.inChannels = dim(op.getInput(), 0);
  g.inHeight = dim(op.getInput(), 1);
  g.inWidth = dim(op.getInput(), 2);
  g.outChannels = w.getDimSize(0);
  g.kernelHeight = w.getDimSize(2);
  g.kernelWidth = w.getDimSize(3);
  g.strideH = op.getStride()[0];
  g.strideW = op.getStride()[1];
  g.padH = op.getPadding()[0];
  g.padW = op.getPadding()[1];
  g.dilationH = op.getDilation()[0];
  g.dilationW = op.getDilation()[1];
  g.groups = op.getGroups();
  return g;
}

/// A 1-D convolution is a 2-D one of height 1.
Conv2dGeometry conv1dGeometry(Conv1dOp op) {
  auto w = cast<ShapedType>(op.getWeight().getType());
  Conv2dGeometry g;
  g.inChannels = dim(op.getInput(), 0);
  g.inHeight = 1;
  g.inWidth = dim(op.getInput(), 1);
  g.outChannels = w.getDimSize(0);
  g.kernelHeight = 1;
  g.kernelWidth = w.getDimSize(2);
  g.strideW = op.getStride()[0];
  g.padW = op.getPadding()[0];
  g.dilationW = op.getDilation()[0];
  g.groups = op.getGroups();
  return g;
}

template <typename PoolOp> Pool2dGeometry poolGeometry(PoolOp op) {
  Pool2dGeometry g;
  g.channels = dim(op.getInput(), 0);
  g.inHeight = dim(op.getInput(), 1);
  g.inWidth = dim(op.getInput(), 2);
  g.kernelHeight = op.getKernelSize()[0];
  g.kernelWidth = op.getKernelSize()[1];
  g.strideH = op.getStride()[0];
  g.strideW = op.getStride()[1];
  g.padH = op.getPadding()[0];
  g.padW = op.getPadding()[1];
  return g;
}

} // namespace

std::unique_ptr<Kernel> createProjectionKernel(Operation *op,
                                               ArrayRef<const Slot *> inputs,
                                               Slot *output) {
  ElementKind kind = output->getKind();
  const Slot *in = inputs[0];
  if (auto affine = dyn_cast<AffineOp>(op))
    return byNumericKind<DenseKernel>(kind, affine.getWeight(),
                                      affine.getBias(), in, output);
  if (auto linear = dyn_cast<LinearOp>(op))
    return byNumericKind<DenseKernel>(kind, linear.getWeight(), std::nullopt,
                                      in, output);
  if (auto sparse = dyn_cast<SparseProjectionOp>(op)) {
    // Sources, targets and delays are kept in 32 bits (a larger delay would
    // need a ring of that many steps of outputs anyway).
    if (in->getSize() > int64_t(UINT32_MAX) ||
        output->getSize() > int64_t(UINT32_MAX) ||
        sparse.getMaxDelay() >= int64_t(UINT32_MAX)) {
      sparse.emitOpError("is too large for the interpreter: it indexes "
                         "sources, targets and delays with 32 bits");
      return nullptr;
    }
    return byNumericKind<SparseKernel>(kind, sparse, in, output);
  }
  if (auto conv = dyn_cast<Conv2dOp>(op))
    return byNumericKind<Conv2dKernel>(kind, conv2dGeometry(conv),
                                       conv.getWeight(), conv.getBias(), in,
                                       output);
  if (auto conv = dyn_cast<Conv1dOp>(op))
    return byNumericKind<Conv2dKernel>(kind, conv1dGeometry(conv),
                                       conv.getWeight(), conv.getBias(), in,
                                       output);
  if (auto pool = dyn_cast<SumPool2dOp>(op))
    return byNumericKind<PoolKernel>(kind, poolGeometry(pool), false, in,
                                     output);
  if (auto pool = dyn_cast<AvgPool2dOp>(op))
    return byNumericKind<PoolKernel>(kind, poolGeometry(pool), true, in,
                                     output);
  if (auto attention = dyn_cast<AttentionOp>(op)) {
    if (attention.getForm() == AttentionForm::SpikeDriven)
      return std::make_unique<SpikeDrivenKernel>(attention, inputs, output);
    return byNumericKind<SpikformerKernel>(kind, attention, inputs, output);
  }
  return nullptr;
}

} // namespace snc::runtime
