//===- LowerDelays.cpp - delays as bounded synapse delays -----------------===//
//
// Rewrites a discretized network so that every delay is a per-synapse delay
// of an snn.sparse_projection within [min-delay, max-delay], the form a
// chip's synaptic delay slots implement. Spike delays become identity
// projections; long synapse delays are split through relay neurons; short
// ones are raised, which shifts the outputs in time (recorded on the network
// as `snn.latency_shift` when the shift is uniform).
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SynapseArrays.h"
#include "passes/Passes.h"
#include "passes/TargetAttr.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"

namespace snc {
#define GEN_PASS_DEF_LOWERDELAYS
#include "passes/Passes.h.inc"
} // namespace snc

using namespace mlir;
using namespace snc;
using namespace snc::snn;

namespace {

bool isSpikeTensor(Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  return shaped && shaped.getElementType().isInteger(1);
}

/// How one synapse is realized: relay hops (each `hops[k]` steps), then a
/// last hop of `last` steps; `shift` is how many steps later than asked the
/// synapse delivers (non-zero only when a delay had to be raised).
struct SynapsePlan {
  int64_t source;
  SmallVector<int64_t, 2> hops;
  int64_t last;
  int64_t shift;
};

/// What a projection needs, found without keeping a plan per synapse: the
/// per-synapse plans are rebuilt (one projection at a time) only for the
/// projections that change.
struct ProjectionPlan {
  SparseProjectionOp op;
  bool needsRelays = false;
  bool raisesDelays = false; // some delay is below min-delay
  int64_t shift = 0;         // common shift of all synapses (checked uniform)
};

/// A synapse of `delay` steps within [minDelay, maxDelay] hops.
SynapsePlan planSynapse(int64_t source, int64_t delay, int64_t minDelay,
                        int64_t maxDelay) {
  SynapsePlan plan{source, {}, delay, 0};
  if (plan.last < minDelay) {
    plan.shift = minDelay - plan.last;
    plan.last = minDelay;
  }
  while (plan.last > maxDelay) {
    plan.hops.push_back(maxDelay);
    plan.last -= maxDelay;
  }
  if (plan.last < minDelay) {
    // Only after splitting: take the missing steps from the previous hop
    // when it stays >= minDelay, else raise the last hop (a latency shift).
    int64_t missing = minDelay - plan.last;
    if (plan.hops.back() - missing >= minDelay) {
      plan.hops.back() -= missing;
    } else {
      plan.shift += missing;
    }
    plan.last = minDelay;
  }
  return plan;
}

/// Calls `visit(plan)` for every synapse of `op`, in CSR order.
template <typename Visit>
void forEachSynapsePlan(SparseProjectionOp op, int64_t minDelay,
                        int64_t maxDelay, Visit visit) {
  IndexArray rowPtr = IndexArray::get(op.getRowPtr());
  std::optional<Attribute> delaysAttr = op.getDelays();
  IndexArray delays = delaysAttr ? IndexArray::get(*delaysAttr) : IndexArray();
  for (int64_t s = 0; s + 1 < rowPtr.size(); ++s)
    for (int64_t i = rowPtr[s]; i < rowPtr[s + 1]; ++i)
      visit(planSynapse(s, delaysAttr ? delays[i] : 0, minDelay, maxDelay));
}

class LowerDelaysPass : public snc::impl::LowerDelaysBase<LowerDelaysPass> {
public:
  using LowerDelaysBase::LowerDelaysBase;

  void runOnOperation() override;

private:
  std::string freshName(StringRef prefix) {
    return (prefix + Twine(counter++)).str();
  }
  void lowerSpikeDelay(DelayOp op);
  void rewriteProjection(ProjectionPlan &plan);
  LogicalResult checkUniformShift(NetworkOp network,
                                  ArrayRef<ProjectionPlan> plans,
                                  std::optional<int64_t> &shift);
  int64_t counter = 0;
  // The delay range in effect: the options', or the target's.
  int64_t minSlots = 0, maxSlots = 0;
};

/// `size` relay neurons: decay 0, gain 1, threshold 0.5, so each re-emits
/// the single weight-1 spike it receives in the same step.
Value createRelays(OpBuilder &b, Location loc, Value input, int64_t size,
                   StringRef name) {
  MLIRContext *ctx = b.getContext();
  NamedAttrList attrs;
  attrs.set("decay", makeParam(ctx, {0.0}));
  attrs.set("gain", makeParam(ctx, {1.0}));
  attrs.set("bias", makeParam(ctx, {0.0}));
  attrs.set("v_threshold", makeParam(ctx, {0.5}));
  attrs.set("v_reset", makeParam(ctx, {0.0}));
  attrs.set("name", b.getStringAttr(name));
  return b
      .create<DiscreteLIFOp>(
          loc, TypeRange{RankedTensorType::get({size}, b.getI1Type())},
          ValueRange{input}, attrs)
      .getOutput();
}

std::string describe(Operation *op) {
  if (auto name = op->getAttrOfType<StringAttr>("name"))
    return "'" + name.getValue().str() + "': ";
  return "";
}

void LowerDelaysPass::runOnOperation() {
  NetworkOp network = getOperation();
  // Plain copies: pass options do not print as numbers in diagnostics.
  int64_t minDelay = this->minDelay, maxDelay = this->maxDelay;
  std::string targetName; // the target the numbers come from, if any
  if (!target.empty() && (minDelay != 0 || maxDelay != 0)) {
    network.emitError() << "snn-lower-delays takes either a target or "
                           "min-delay/max-delay, not both";
    return signalPassFailure();
  }
  // Without numbers: the target option, else the network's snn.target
  // (if it records none, the numbers' defaults are reported below).
  if (minDelay == 0 && maxDelay == 0) {
    FailureOr<TargetRef> description =
        target.empty() ? getNetworkTarget(network, "snn-lower-delays")
                       : resolveTarget(network, target, "snn-lower-delays");
    if (failed(description))
      return signalPassFailure();
    if (*description) {
      minDelay = (*description)->minDelay();
      maxDelay = (*description)->maxDelay();
      targetName = (*description)->name;
    }
  }
  minSlots = minDelay;
  maxSlots = maxDelay;
  // A target may have no delay slots at all (ODIN-style cores: delay max
  // 0); it then runs networks without delays, which need no lowering.
  if (maxDelay < 1 && targetName.empty()) {
    network.emitError() << "snn-lower-delays needs max-delay >= 1 (got "
                        << maxDelay << ")";
    return signalPassFailure();
  }
  if (maxDelay < 1) {
    bool delayed = false;
    auto reject = [&](Operation *op, int64_t steps) {
      op->emitOpError() << describe(op) << "a delay of " << steps
                        << " steps, but target '" << targetName
                        << "' has no delay slots (delay max 0)";
      delayed = true;
    };
    network.walk([&](DelayOp op) {
      if (op.getSteps())
        for (int64_t s : *op.getSteps())
          if (s > 0)
            return reject(op, s);
    });
    network.walk([&](SparseProjectionOp op) {
      if (op.getMaxDelay() > 0)
        reject(op, op.getMaxDelay());
    });
    if (delayed)
      return signalPassFailure();
  }
  if (minDelay < 0 || minDelay > maxDelay) {
    network.emitError() << "snn-lower-delays needs 0 <= min-delay <= "
                           "max-delay (got min-delay = "
                        << minDelay << ", max-delay = " << maxDelay << ")";
    return signalPassFailure();
  }
  if (!network.isDiscretized()) {
    network.emitError() << "snn-lower-delays needs a discretized network "
                           "(run snn-discretize first)";
    return signalPassFailure();
  }

  // Check everything before changing anything.
  bool failedCheck = false;
  SmallVector<DelayOp> spikeDelays;
  network.walk([&](DelayOp op) {
    if (!op.getSteps()) {
      op.emitOpError("has a delay in seconds; run snn-discretize first");
      failedCheck = true;
      return;
    }
    ArrayRef<int64_t> steps = *op.getSteps();
    if (!isSpikeTensor(op.getInput().getType())) {
      for (int64_t s : steps)
        if (s < minDelay || s > maxDelay) {
          op.emitOpError() << describe(op)
                           << "cannot split a delay of non-spike values (" << s
                           << " steps, outside [" << minDelay << ", "
                           << maxDelay << "])";
          failedCheck = true;
          return;
        }
      return;
    }
    if (cast<ShapedType>(op.getType()).getRank() != 1) {
      op.emitOpError() << describe(op)
                       << "can only lower a delay of a rank-1 spike "
                          "tensor, not "
                       << op.getType();
      failedCheck = true;
      return;
    }
    spikeDelays.push_back(op);
  });
  network.walk([&](SparseProjectionOp op) {
    if (op.getMaxDelay() > maxDelay &&
        !isSpikeTensor(op.getInput().getType())) {
      op.emitOpError() << describe(op) << "cannot split a synapse delay of "
                       << op.getMaxDelay()
                       << " steps (above max-delay = " << maxDelay
                       << "): its input is not a spike tensor";
      failedCheck = true;
    }
  });
  if (failedCheck)
    return signalPassFailure();

  for (DelayOp op : spikeDelays)
    lowerSpikeDelay(op);

  // Plan every projection (including the ones just made).
  SmallVector<ProjectionPlan> plans;
  network.walk([&](SparseProjectionOp op) {
    ProjectionPlan plan;
    plan.op = op;
    std::optional<int64_t> common;
    bool uniform = true;
    forEachSynapsePlan(op, minDelay, maxDelay, [&](const SynapsePlan &syn) {
      plan.needsRelays |= !syn.hops.empty();
      plan.raisesDelays |= syn.shift != 0;
      if (common && *common != syn.shift)
        uniform = false;
      common = syn.shift;
    });
    if (!uniform) {
      op.emitOpError() << describe(op)
                       << "non-uniform latency change: its synapses would "
                          "be delayed by different numbers of extra steps "
                          "(min-delay = "
                       << minDelay << ")";
      failedCheck = true;
    }
    plan.shift = common.value_or(0);
    plans.push_back(std::move(plan));
  });
  if (failedCheck)
    return signalPassFailure();

  std::optional<int64_t> shift;
  if (failed(checkUniformShift(network, plans, shift)))
    return signalPassFailure();

  for (ProjectionPlan &plan : plans)
    rewriteProjection(plan);
  if (shift)
    network.setLatencyShift(*shift);
}

/// delay(x) of spikes = threshold(identity projection of x with the delays).
void LowerDelaysPass::lowerSpikeDelay(DelayOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  int64_t n = cast<RankedTensorType>(op.getType()).getDimSize(0);
  ArrayRef<int64_t> steps = *op.getSteps();
  SmallVector<int64_t> rowPtr, targets, delays;
  for (int64_t i = 0; i <= n; ++i)
    rowPtr.push_back(i);
  for (int64_t i = 0; i < n; ++i) {
    targets.push_back(i);
    delays.push_back(steps.size() == 1 ? steps[0] : steps[i]);
  }
  Type f32 = b.getF32Type();
  auto weights = cast<DenseIntOrFPElementsAttr>(DenseElementsAttr::get(
      RankedTensorType::get({}, f32), b.getFloatAttr(f32, 1.0)));
  std::string base = op.getName() ? op.getName()->str() : freshName("delay");
  MLIRContext *ctx = b.getContext();
  std::string synapses = base + ".synapses";
  auto projection = b.create<SparseProjectionOp>(
      loc, RankedTensorType::get({n}, f32), op.getInput(),
      makeIndexArray(ctx, synapses + ".row_ptr", rowPtr),
      makeIndexArray(ctx, synapses + ".targets", targets), weights,
      makeDelayArray(ctx, synapses + ".delays", delays),
      b.getStringAttr(synapses));
  // The threshold keeps the delay's name, so `name.out` still records the
  // delayed spikes.
  auto spikes =
      b.create<ThresholdOp>(loc, op.getType(), projection.getOutput(),
                            makeParam(b.getContext(), {0.5}), op.getNameAttr());
  op.replaceAllUsesWith(spikes.getOutput());
  op.erase();
}

/// Every network input to output path must cross exactly one raised
/// projection, and all raised projections must be raised by the same k.
LogicalResult
LowerDelaysPass::checkUniformShift(NetworkOp network,
                                   ArrayRef<ProjectionPlan> plans,
                                   std::optional<int64_t> &shift) {
  const int64_t minDelay = minSlots;
  DenseMap<Operation *, int64_t> shifted;
  for (const ProjectionPlan &plan : plans) {
    if (plan.shift == 0)
      continue;
    if (shift && *shift != plan.shift) {
      plan.op->emitOpError()
          << describe(plan.op) << "non-uniform latency change: raising its "
          << "delays to min-delay = " << minDelay << " shifts by " << plan.shift
          << " steps, another projection by " << *shift;
      return failure();
    }
    shift = plan.shift;
    shifted[plan.op] = plan.shift;
  }
  if (!shift)
    return success();

  // Which numbers of raised projections (bit 0: none, bit 1: one, bit 2:
  // two or more) lie on the paths from the network inputs to each value;
  // iterated to a fixpoint because of recurrence.
  DenseMap<Value, unsigned> crossings;
  for (BlockArgument arg : network.getBodyBlock()->getArguments())
    crossings[arg] = 1;
  bool changed = true;
  while (changed) {
    changed = false;
    for (Operation &op : network.getBodyBlock()->without_terminator()) {
      unsigned in = 0;
      for (Value operand : op.getOperands())
        in |= crossings.lookup(operand);
      unsigned out = in;
      if (shifted.count(&op))
        out = ((in & 1) << 1) | ((in & 6) ? 4 : 0);
      for (Value result : op.getResults()) {
        unsigned &slot = crossings[result];
        if ((slot | out) != slot) {
          slot |= out;
          changed = true;
        }
      }
    }
  }
  for (auto [i, output] : llvm::enumerate(network.getOutputOp()->getOperands()))
    if (crossings.lookup(output) != 2) {
      network.emitError()
          << "non-uniform latency change: raising synapse delays to "
             "min-delay = "
          << minDelay << " delays output " << i << " by other than exactly "
          << *shift
          << " steps on every path from the inputs (each path must cross "
             "exactly one raised projection)";
      return failure();
    }
  return success();
}

/// Splits `plan.op` into hops through relay populations, or just rewrites
/// its delays when no synapse exceeds max-delay.
void LowerDelaysPass::rewriteProjection(ProjectionPlan &plan) {
  SparseProjectionOp op = plan.op;
  OpBuilder b(op);
  MLIRContext *ctx = b.getContext();
  Location loc = op.getLoc();
  int64_t nnz = op.getNumSynapses();
  if (!plan.needsRelays) {
    // Without relays a synapse's delay changes only when it is raised.
    if (nnz == 0 || !plan.raisesDelays)
      return;
    SmallVector<int64_t> delays;
    delays.reserve(size_t(nnz));
    forEachSynapsePlan(op, minSlots, maxSlots, [&](const SynapsePlan &syn) {
      delays.push_back(syn.last);
    });
    op.setDelaysAttr(
        makeDelayArray(op.getContext(), blobNameFor(op, "delays"), delays));
    return;
  }
  SmallVector<SynapsePlan> synapses;
  synapses.reserve(size_t(nnz));
  forEachSynapsePlan(op, minSlots, maxSlots,
                     [&](const SynapsePlan &syn) { synapses.push_back(syn); });

  // Weights, broadcast, in their own element type.
  WeightArray weightArray = WeightArray::get(op.getWeights());
  SmallVector<Attribute> weights = weightArray.toAttributes(nnz);
  Type weightType = weightArray.getElementType();
  auto weightsOf = [&](ArrayRef<Attribute> values) {
    return cast<DenseIntOrFPElementsAttr>(DenseElementsAttr::get(
        RankedTensorType::get({int64_t(values.size())}, weightType), values));
  };
  Type f32 = b.getF32Type();
  auto one = cast<DenseIntOrFPElementsAttr>(DenseElementsAttr::get(
      RankedTensorType::get({}, f32), b.getFloatAttr(f32, 1.0)));

  std::string base =
      op.getName() ? op.getName()->str() : freshName("sparse_projection");
  IndexArray targets = IndexArray::get(op.getTargets());
  int64_t sources = numElements(op.getInput().getType());
  auto outType = cast<RankedTensorType>(op.getType());

  // A projection from `input` (`n` sources) to `m` targets with synapses
  // (source, target, weight, delay), sources ascending, CSR order kept.
  struct Edge {
    int64_t source, target;
    Attribute weight;
    int64_t delay;
  };
  auto project = [&](Value input, int64_t n, Type type, ArrayRef<Edge> edges,
                     bool unitWeights, StringRef name) {
    SmallVector<int64_t> rowPtr{0}, tgts, delays;
    SmallVector<Attribute> ws;
    size_t e = 0;
    for (int64_t s = 0; s < n; ++s) {
      for (; e < edges.size() && edges[e].source == s; ++e) {
        tgts.push_back(edges[e].target);
        delays.push_back(edges[e].delay);
        ws.push_back(edges[e].weight);
      }
      rowPtr.push_back(int64_t(tgts.size()));
    }
    assert(e == edges.size() && "edges must be sorted by source");
    return b
        .create<SparseProjectionOp>(
            loc, type, input,
            makeIndexArray(ctx, (name + ".row_ptr").str(), rowPtr),
            makeIndexArray(ctx, (name + ".targets").str(), tgts),
            unitWeights ? one : weightsOf(ws),
            makeDelayArray(ctx, (name + ".delays").str(), delays),
            b.getStringAttr(name))
        .getOutput();
  };

  // Each part (direct synapses, synapses leaving relay level k) has its own
  // accumulator, and snn.add sums the parts: a target fed by two parts sees
  // its synapses summed in another order (and, for integers, saturated per
  // part), which is exact only when the sums are.
  {
    SmallVector<int64_t> partOf(outType.getNumElements(), -1);
    bool regrouped = false;
    for (auto [i, syn] : llvm::enumerate(synapses)) {
      int64_t part = int64_t(syn.hops.size());
      int64_t &seen = partOf[targets[i]];
      regrouped |= seen != -1 && seen != part;
      seen = part;
    }
    if (regrouped && minSlots == 0) {
      // Keep one accumulator per target, fed in the original order. Every
      // synapse i of total delay d gets its own neuron in a final relay
      // population F, ordered by (-d, source, CSR position), reached after
      // d - f steps (hops of at most max-delay; 0 steps for a short
      // synapse) with f = min(d, max-delay); one projection from F carries
      // the weights and delays f. As f grows with d, the contributions to a
      // target's step arrive in the original order: earlier source steps
      // (longer delays) first, then ascending source, then CSR order.
      SmallVector<int64_t> order(nnz), fIndex(nnz), total(nnz), last(nnz);
      SmallVector<SmallVector<int64_t, 2>> pre(nnz);
      for (auto [i, syn] : llvm::enumerate(synapses)) {
        total[i] = syn.last;
        for (int64_t h : syn.hops)
          total[i] += h;
        last[i] = std::min<int64_t>(total[i], maxSlots);
        int64_t rest = total[i] - last[i];
        while (rest > maxSlots) {
          pre[i].push_back(maxSlots);
          rest -= maxSlots;
        }
        pre[i].push_back(rest);
        order[i] = i;
      }
      llvm::stable_sort(
          order, [&](int64_t x, int64_t y) { return total[x] > total[y]; });
      for (int64_t k = 0; k < nnz; ++k)
        fIndex[order[k]] = k;
      auto relayOf = [&](Value current, int64_t size, StringRef name) {
        return createRelays(b, loc, current, size, name);
      };
      size_t levels = 0;
      for (auto &hops : pre)
        levels = std::max(levels, hops.size());
      std::string finalName = base + ".relay" + std::to_string(levels);
      auto fType = RankedTensorType::get({nnz}, f32);
      SmallVector<Value> intoF;
      SmallVector<int64_t> index(nnz, -1);
      Value level = op.getInput();
      int64_t levelSize = sources;
      for (size_t k = 0; k < levels; ++k) {
        SmallVector<Edge> toNext, toF;
        SmallVector<int64_t> next(nnz, -1);
        int64_t size = 0;
        for (int64_t i = 0; i < nnz; ++i) {
          if (pre[i].size() <= k)
            continue;
          int64_t from = k == 0 ? synapses[i].source : index[i];
          if (pre[i].size() == k + 1) {
            toF.push_back({from, fIndex[i], Attribute(), pre[i][k]});
          } else {
            next[i] = size++;
            toNext.push_back({from, next[i], Attribute(), pre[i][k]});
          }
        }
        if (!toF.empty())
          intoF.push_back(project(level, levelSize, fType, toF, true,
                                  finalName + ".in" + std::to_string(k)));
        if (size == 0)
          break;
        std::string name = base + ".relay" + std::to_string(k + 1);
        Value relay = relayOf(project(level, levelSize,
                                      RankedTensorType::get({size}, f32),
                                      toNext, true, name + ".in"),
                              size, name);
        index = std::move(next);
        level = relay;
        levelSize = size;
      }
      Value fInput = intoF.size() == 1
                         ? intoF[0]
                         : b.create<AddOp>(loc, fType, intoF,
                                           b.getStringAttr(finalName + ".sum"))
                               .getOutput();
      Value f = relayOf(fInput, nnz, finalName);
      SmallVector<Edge> out;
      for (int64_t k = 0; k < nnz; ++k)
        out.push_back(
            {k, targets[order[k]], weights[order[k]], last[order[k]]});
      Value result = project(f, nnz, outType, out, false, base);
      op.replaceAllUsesWith(result);
      op.erase();
      return;
    }
    if (regrouped)
      op->emitWarning()
          << describe(op)
          << "some targets receive synapses split into different numbers of "
             "hops; with min-delay > 0 their inputs are summed per hop "
             "count, which matches the original only where the sums are "
             "exact (e.g. dyadic float weights, or integers that do not "
             "saturate)";
  }

  SmallVector<Value> parts;
  // Synapses without relays stay in one projection of the source.
  SmallVector<Edge> direct;
  for (auto [i, syn] : llvm::enumerate(synapses))
    if (syn.hops.empty())
      direct.push_back({syn.source, targets[i], weights[i], syn.last});
  if (!direct.empty())
    parts.push_back(project(op.getInput(), sources, outType, direct, false,
                            base + ".direct"));

  // Relay level k holds one neuron per synapse with more than k hops left,
  // in synapse order; `index[i]` is synapse i's neuron at the current level.
  SmallVector<int64_t> index(nnz, -1);
  Value level = op.getInput();
  int64_t levelSize = sources;
  for (size_t k = 0;; ++k) {
    SmallVector<Edge> hop, last;
    SmallVector<int64_t> next(nnz, -1);
    int64_t size = 0;
    for (auto [i, syn] : llvm::enumerate(synapses)) {
      if (syn.hops.size() <= k)
        continue;
      next[i] = size++;
      int64_t from = k == 0 ? syn.source : index[i];
      hop.push_back({from, next[i], Attribute(), syn.hops[k]});
    }
    if (size == 0)
      break;
    // Relay neurons re-emit their single input spike in the same step.
    llvm::stable_sort(hop, [](const Edge &a, const Edge &b2) {
      return a.source < b2.source;
    });
    std::string relayName = base + ".relay" + std::to_string(k + 1);
    Value current =
        project(level, levelSize, RankedTensorType::get({size}, f32), hop, true,
                relayName + ".in");
    Value relay = createRelays(b, loc, current, size, relayName);
    // Synapses whose last relay is this one leave from here.
    for (auto [i, syn] : llvm::enumerate(synapses))
      if (syn.hops.size() == k + 1)
        last.push_back({next[i], targets[i], weights[i], syn.last});
    if (!last.empty())
      parts.push_back(
          project(relay, size, outType, last, false, relayName + ".out"));
    index = std::move(next);
    level = relay;
    levelSize = size;
  }

  Value result;
  if (parts.size() == 1) {
    result = parts[0];
    result.getDefiningOp()->setAttr("name", b.getStringAttr(base));
  } else {
    result =
        b.create<AddOp>(loc, outType, parts, b.getStringAttr(base)).getOutput();
  }
  op.replaceAllUsesWith(result);
  op.erase();
}

} // namespace
