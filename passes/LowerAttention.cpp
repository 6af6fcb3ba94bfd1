//===- LowerAttention.cpp - snn.attention as neurons and synapses ---------===//
//
// Rewrites every snn.attention into memoryless neurons (snn.discrete_lif
// with decay 0: the membrane is this step's input, compared and forgotten,
// in the network's number format) joined by delay-0 synapses
// (snn.sparse_projection, snn.add), so the many-core and FPGA backends run
// attention with no code of their own. The interpreter's
// output is the same before and after (docs/semantics.md, "Attention on
// integer networks"):
//
//   spike_driven: C[n,d] = Q[n,d] + K[n,d] > 1         (coincidence, AND)
//                 M[d]   = sum_n C[n,d] > floor(t)     (integrate, compare)
//                 out    = M[d] + V[n,d] > 1           (coincidence, AND)
//   spikformer:   X[n,m,i,j] = Q[n,i] + K[m,i] + V[m,j] > 2
//                 out[n,j]   = w * sum_{m,i} X[n,m,i,j] (w = scale / 2^F)
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SynapseArrays.h"
#include "passes/ExtractManycore.h"
#include "passes/Passes.h"
#include "passes/Pipelines.h"
#include "passes/TargetAttr.h"

#include "mlir/IR/Builders.h"

#include <cmath>

namespace snc {
#define GEN_PASS_DEF_LOWERATTENTION
#include "passes/Passes.h.inc"
} // namespace snc

using namespace mlir;
using namespace snc;
using namespace snc::snn;

namespace {

/// The most neurons an expansion may create without a target to bound it:
/// every one is an element of an interpreter buffer.
constexpr int64_t kMaxExpansionNeurons = int64_t(1) << 22;

/// One synapse of a projection built here.
struct Edge {
  int64_t source, target;
};

/// The number format of the neurons the lowering creates: the float
/// network's, or on an integer network the one snn-quantize gives every
/// population for the target (default: 32-bit state, no fraction bits).
struct NeuronFormat {
  bool integer = false;
  unsigned stateBits = 32, valueBits = 32, fracBits = 0;
  Rounding rounding = Rounding::Floor;
};

NeuronFormat neuronFormat(bool integer, const TargetRef &target) {
  NeuronFormat f;
  f.integer = integer;
  if (!integer || !target)
    return f;
  f.stateBits = target->stateBits();
  f.valueBits = f.stateBits <= 32 ? 32 : 64;
  const targets::NumericFormat &numeric = target->numeric;
  f.fracBits = numeric.decay == targets::DecayKind::Multiplier
                   ? numeric.decayFractionBits
                   : 12;
  switch (numeric.rounding) {
  case targets::RoundingMode::NearestEven:
    f.rounding = Rounding::NearestEven;
    break;
  case targets::RoundingMode::TowardZero:
    f.rounding = Rounding::TowardZero;
    break;
  default: // exact products (gain 2^F, decay 0) need no rounding
    f.rounding = Rounding::Floor;
  }
  if (numeric.decay == targets::DecayKind::Shift)
    f.rounding = Rounding::Ceil;
  return f;
}

class Lowering {
public:
  Lowering(AttentionOp op, const NeuronFormat &format)
      : op(op), b(op), ctx(op.getContext()), format(format),
        integer(format.integer) {
    auto type = cast<RankedTensorType>(op.getQuery().getType());
    tokens = type.getDimSize(0);
    features = type.getDimSize(1);
    base = op.getName() ? op.getName()->str() : "attention";
  }

  /// Replaces the op; returns the neurons and synapses it created.
  std::pair<int64_t, int64_t> spikeDriven();
  std::pair<int64_t, int64_t> spikformer(int64_t weight);

private:
  Type accumulator() const {
    return integer ? Type(IntegerType::get(ctx, format.valueBits))
                   : Type(Float32Type::get(ctx));
  }
  ElementsAttr constant(int64_t value) const {
    if (integer)
      return DenseIntElementsAttr::get(
          RankedTensorType::get({}, IntegerType::get(ctx, 64)),
          ArrayRef<int64_t>(value));
    return makeParam(ctx, {double(value)});
  }
  /// A projection of `input` onto `shape` with unit (or `weight`) synapses,
  /// `edges` sorted by source.
  Value project(Value input, ArrayRef<int64_t> shape, Type elt,
                ArrayRef<Edge> edges, int64_t weight, StringRef name) {
    int64_t sources = numElements(input.getType());
    SmallVector<int64_t> rowPtr{0}, targets;
    size_t e = 0;
    for (int64_t s = 0; s < sources; ++s) {
      for (; e < edges.size() && edges[e].source == s; ++e)
        targets.push_back(edges[e].target);
      rowPtr.push_back(int64_t(targets.size()));
    }
    synapses += int64_t(targets.size());
    return b
        .create<SparseProjectionOp>(
            op.getLoc(), RankedTensorType::get(shape, elt), input,
            makeIndexArray(ctx, (name + ".row_ptr").str(), rowPtr),
            makeIndexArray(ctx, (name + ".targets").str(), targets),
            constant(weight), DenseI64ArrayAttr(), b.getStringAttr(name))
        .getOutput();
  }
  /// Memoryless neurons spiking when `drive > threshold`: decay 0 and a
  /// unit gain, so the membrane is this step's drive (exact in the target's
  /// fixed point: gain 2^F drops its F fraction bits without rounding).
  Value neurons(Value drive, int64_t threshold, StringRef name) {
    auto type = cast<RankedTensorType>(drive.getType());
    neuronCount += type.getNumElements();
    NamedAttrList attrs;
    attrs.set("decay", constant(0));
    attrs.set("gain", constant(integer ? int64_t(1) << format.fracBits : 1));
    attrs.set("bias", constant(0));
    attrs.set("v_threshold", constant(threshold));
    attrs.set("v_reset", constant(0));
    if (integer) {
      auto i64 = IntegerType::get(ctx, 64);
      attrs.set("frac_bits", IntegerAttr::get(i64, format.fracBits));
      attrs.set("rounding", RoundingAttr::get(ctx, format.rounding));
      attrs.set("state_bits", IntegerAttr::get(i64, format.stateBits));
    }
    attrs.set("name", b.getStringAttr(name));
    return b
        .create<DiscreteLIFOp>(op.getLoc(),
                               TypeRange{type.clone(b.getI1Type())},
                               ValueRange{drive}, attrs)
        .getOutput();
  }
  Value sum(ArrayRef<Value> parts, StringRef name) {
    return b
        .create<AddOp>(op.getLoc(), parts.front().getType(), parts,
                       b.getStringAttr(name))
        .getOutput();
  }
  std::vector<Edge> identity(int64_t n) const {
    std::vector<Edge> edges;
    for (int64_t i = 0; i < n; ++i)
      edges.push_back({i, i});
    return edges;
  }

  AttentionOp op;
  OpBuilder b;
  MLIRContext *ctx;
  NeuronFormat format;
  bool integer;
  int64_t tokens, features;
  std::string base;
  int64_t neuronCount = 0, synapses = 0;
};

std::pair<int64_t, int64_t> Lowering::spikeDriven() {
  const int64_t n = tokens, d = features;
  SmallVector<int64_t> grid{n, d};
  Type acc = accumulator();
  // Q AND K, element by element. The projections follow the op's operand
  // order, so the schedule visits Q, K, V as it did.
  std::vector<Edge> same = identity(n * d);
  Value qk = sum({project(op.getQuery(), grid, acc, same, 1, base + ".q"),
                  project(op.getKey(), grid, acc, same, 1, base + ".k")},
                 base + ".qk.in");
  Value coincidence = neurons(qk, 1, base + ".qk");
  // Column sums against the threshold: counts lie in [0, n], so floor(t)
  // clamped to [-1, n] decides alike and fits every threshold width.
  std::vector<Edge> toColumn;
  for (int64_t i = 0; i < n * d; ++i)
    toColumn.push_back({i, i % d});
  double t = std::floor(op.getThreshold().convertToDouble());
  int64_t threshold = t < -1 ? -1 : t > double(n) ? n : int64_t(t);
  Value mask =
      neurons(project(coincidence, {d}, acc, toColumn, 1, base + ".colsum"),
              threshold, base + ".mask");
  // mask[d] AND V[n, d].
  std::vector<Edge> broadcast;
  for (int64_t j = 0; j < d; ++j)
    for (int64_t i = 0; i < n; ++i)
      broadcast.push_back({j, i * d + j});
  llvm::sort(broadcast, [](const Edge &a, const Edge &e) {
    return std::tie(a.source, a.target) < std::tie(e.source, e.target);
  });
  Value gate = sum({project(mask, grid, acc, broadcast, 1, base + ".gate"),
                    project(op.getValue(), grid, acc, same, 1, base + ".v")},
                   base + ".out.in");
  Value out = neurons(gate, 1, base);
  op.getOutput().replaceAllUsesWith(out);
  op.erase();
  return {neuronCount, synapses};
}

std::pair<int64_t, int64_t> Lowering::spikformer(int64_t weight) {
  const int64_t n = tokens, d = features;
  // X[a, m, i, j] (a: query token, m: key/value token, i: key feature,
  // j: value feature), row-major.
  auto x = [&](int64_t a, int64_t m, int64_t i, int64_t j) {
    return ((a * n + m) * d + i) * d + j;
  };
  std::vector<Edge> fromQ, fromK, fromV, toOut;
  for (int64_t a = 0; a < n; ++a)
    for (int64_t m = 0; m < n; ++m)
      for (int64_t i = 0; i < d; ++i)
        for (int64_t j = 0; j < d; ++j) {
          fromQ.push_back({a * d + i, x(a, m, i, j)});
          fromK.push_back({m * d + i, x(a, m, i, j)});
          fromV.push_back({m * d + j, x(a, m, i, j)});
          toOut.push_back({x(a, m, i, j), a * d + j});
        }
  auto bySource = [](const Edge &a, const Edge &e) {
    return std::tie(a.source, a.target) < std::tie(e.source, e.target);
  };
  llvm::sort(fromQ, bySource);
  llvm::sort(fromK, bySource);
  llvm::sort(fromV, bySource);
  SmallVector<int64_t> shape{n * n * d * d};
  Type acc = accumulator();
  Value drive = sum({project(op.getQuery(), shape, acc, fromQ, 1, base + ".q"),
                     project(op.getKey(), shape, acc, fromK, 1, base + ".k"),
                     project(op.getValue(), shape, acc, fromV, 1, base + ".v")},
                    base + ".qkv.in");
  Value triple = neurons(drive, 2, base + ".qkv");
  auto outType = cast<RankedTensorType>(op.getType());
  Value out = project(triple, outType.getShape(), outType.getElementType(),
                      toOut, weight, base);
  op.getOutput().replaceAllUsesWith(out);
  op.erase();
  return {neuronCount, synapses};
}

/// The synapse weight that reproduces a spikformer op's scale exactly on
/// counts, or an error saying why there is none.
FailureOr<int64_t> spikformerWeight(AttentionOp op) {
  double scale = op.getScale().convertToDouble();
  if (isa<IntegerType>(op.getType().getElementType())) {
    int64_t frac = op.getFracBits().value_or(0);
    double w = std::ldexp(scale, -int(frac));
    if (w == std::nearbyint(w))
      return int64_t(w);
    return op.emitOpError()
           << "cannot lower spikformer attention '"
           << op.getName().value_or("attention") << "': its multiplier "
           << int64_t(scale) << " / 2^" << frac
           << " is not an integer, so the rounded product is not a sum of "
              "synapse weights";
  }
  return op.emitOpError()
         << "cannot lower spikformer attention '"
         << op.getName().value_or("attention")
         << "' on floats: run snn-quantize first (its scale becomes an "
            "integer synapse weight)";
}

struct LowerAttentionPass
    : public snc::impl::LowerAttentionBase<LowerAttentionPass> {
  using LowerAttentionBase::LowerAttentionBase;

  void runOnOperation() override {
    NetworkOp network = getOperation();
    SmallVector<AttentionOp> ops;
    network.walk([&](AttentionOp op) { ops.push_back(op); });
    if (ops.empty())
      return;
    // Integer networks get integer synapses and thresholds.
    bool integer = !needsQuantization(network);
    FailureOr<TargetRef> description =
        target.empty() ? getNetworkTarget(network, "snn-lower-attention")
                       : resolveTarget(network, target, "snn-lower-attention");
    if (failed(description))
      return signalPassFailure();
    if (*description && (*description)->minDelay() > 0) {
      ops.front().emitOpError()
          << "cannot lower attention for target '" << (*description)->name
          << "': its synapses take at least " << (*description)->minDelay()
          << " steps, and the lowering needs delay-0 synapses (the block "
             "within one step)";
      return signalPassFailure();
    }
    for (AttentionOp op : ops) {
      auto type = cast<RankedTensorType>(op.getQuery().getType());
      int64_t n = type.getDimSize(0), d = type.getDimSize(1);
      std::string name = op.getName().value_or("attention").str();
      bool spikeDriven = op.getForm() == AttentionForm::SpikeDriven;
      int64_t weight = 1;
      if (!spikeDriven) {
        FailureOr<int64_t> w = spikformerWeight(op);
        if (failed(w))
          return signalPassFailure();
        weight = *w;
        if (const TargetRef &t = *description) {
          int64_t max =
              t->ternary() ? 1 : (int64_t(1) << (t->weightBits() - 1)) - 1;
          if (weight > max || weight < -max) {
            op.emitOpError()
                << "cannot lower spikformer attention '" << name
                << "': its synapse weight " << weight << " is beyond target '"
                << t->name << "''s weights (at most " << max << ")";
            return signalPassFailure();
          }
        }
        if (failed(checkExpansion(op, *description, n, d)))
          return signalPassFailure();
      }
      Lowering lowering(op, neuronFormat(integer, *description));
      auto [neurons, synapses] =
          spikeDriven ? lowering.spikeDriven() : lowering.spikformer(weight);
      if (report)
        network.emitRemark()
            << "attention '" << name << "' ("
            << (spikeDriven ? "spike_driven" : "spikformer") << ", " << n
            << " tokens x " << d << " features): " << neurons << " neurons, "
            << synapses << " synapses";
    }
  }

  /// A spikformer block expands to n^2 d^2 neurons: it must fit the target
  /// (or, without one, snc's allocation bound).
  LogicalResult checkExpansion(AttentionOp op, const TargetRef &description,
                               int64_t n, int64_t d) {
    __int128 neurons = __int128(n) * n * d * d;
    __int128 synapses = 4 * neurons;
    int64_t capacity = kMaxExpansionNeurons;
    std::string holder = "snc's limit for one expansion";
    if (description) {
      mapping::Machine machine;
      std::string error;
      if (machineFromTarget(*description, machine, error)) {
        capacity =
            machine.neuronsPerPe * machine.pesPerChip() * machine.chips();
        holder = "target '" + description->name + "' (" +
                 std::to_string(machine.chips() * machine.pesPerChip()) +
                 " cores x " + std::to_string(machine.neuronsPerPe) +
                 " neurons)";
      }
    }
    if (neurons <= capacity)
      return success();
    auto show = [](__int128 v) {
      return v > INT64_MAX ? std::string("more than 2^63")
                           : std::to_string(int64_t(v));
    };
    return op.emitOpError()
           << "cannot lower spikformer attention '"
           << op.getName().value_or("attention") << "' (" << n << " tokens x "
           << d << " features): the expansion needs " << show(neurons)
           << " neurons (tokens^2 x features^2) and " << show(synapses)
           << " synapses, but " << holder << " holds " << capacity
           << " neurons";
  }
};

} // namespace
