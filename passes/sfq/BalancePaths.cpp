//===- BalancePaths.cpp - DFFs so clocked cells see the right cycle -------===//
//
// Stages: a clocked cell of stage L emits step s's result in cycle s + L;
// input pins have stage 0. A connection from u to a clocked cell v whose
// port counts the pulse `d` steps late needs L(v) - L(u) - 1 + d DFFs
// (>= 0). Full path balancing takes the earliest stages and a chain per
// connection; the retimed scheme shares one chain per source (taps after
// each DFF) and moves stages to minimize the shared total.
//
//===----------------------------------------------------------------------===//

#include "passes/sfq/CircuitUtils.h"
#include "passes/sfq/SFQPasses.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"

namespace snc::sfq {
#define GEN_PASS_DEF_SFQBALANCEPATHS
#include "passes/sfq/SFQPasses.h.inc"
} // namespace snc::sfq

using namespace mlir;
using namespace snc::sfq;

namespace {

constexpr StringLiteral kPass = "sfq-balance-paths";

struct Edge {
  unsigned from = 0, to = 0;
  int64_t delay = 0;
  OpOperand *operand = nullptr; // the sink's operand
};

struct StageGraph {
  std::vector<Operation *> nodes; // input pins, then clocked cells
  llvm::DenseMap<Operation *, unsigned> index;
  std::vector<bool> fixed; // input pins: stage 0
  std::vector<Edge> edges;
  std::vector<std::vector<unsigned>> in, out; // edge indices
  std::vector<std::pair<OpOperand *, unsigned>> probes;
};

/// The pulse source a data operand reads: through at most one fan-out.
Operation *sourceOf(Value value) {
  Operation *op = value.getDefiningOp();
  if (auto fanout = dyn_cast_or_null<FanoutOp>(op))
    op = fanout.getInput().getDefiningOp();
  return op;
}

FailureOr<StageGraph> buildGraph(CircuitOp circuit) {
  StageGraph graph;
  for (Operation &op : *circuit.getBodyBlock()) {
    auto pin = dyn_cast<DCSFQOp>(op);
    if ((pin && !pin.getClock()) || getClockOperand(&op)) {
      graph.index[&op] = graph.nodes.size();
      graph.nodes.push_back(&op);
      graph.fixed.push_back(bool(pin));
    }
  }
  graph.in.resize(graph.nodes.size());
  graph.out.resize(graph.nodes.size());
  auto nodeOf = [&](OpOperand &operand) -> FailureOr<unsigned> {
    Operation *source = sourceOf(operand.get());
    auto it = source ? graph.index.find(source) : graph.index.end();
    if (it == graph.index.end())
      return operand.getOwner()->emitError()
             << kPass << ": operand #" << operand.getOperandNumber()
             << " does not come from an input pin or a clocked cell through "
                "at most one sfq.fanout (balance paths before "
                "sfq-insert-splitters and sfq-insert-mergers)";
    return it->second;
  };
  for (Operation &op : *circuit.getBodyBlock()) {
    if (auto probe = dyn_cast<SFQDCOp>(op)) {
      FailureOr<unsigned> from = nodeOf(probe->getOpOperand(0));
      if (failed(from))
        return failure();
      graph.probes.push_back({&probe->getOpOperand(0), *from});
      continue;
    }
    Value clock = getClockOperand(&op);
    if (!clock)
      continue;
    auto neuron = dyn_cast<NeuronOp>(op);
    for (OpOperand &operand : op.getOpOperands()) {
      if (operand.get() == clock &&
          operand.getOperandNumber() == op.getNumOperands() - 1)
        continue;
      FailureOr<unsigned> from = nodeOf(operand);
      if (failed(from))
        return failure();
      Edge edge;
      edge.from = *from;
      edge.to = graph.index[&op];
      edge.delay = neuron ? neuron.getPortDelay(operand.getOperandNumber()) : 0;
      edge.operand = &operand;
      graph.in[edge.to].push_back(graph.edges.size());
      graph.out[edge.from].push_back(graph.edges.size());
      graph.edges.push_back(edge);
    }
  }
  return graph;
}

/// The earliest stages; fails on a loop whose delays cannot cover it.
FailureOr<std::vector<int64_t>> asapStages(const StageGraph &graph) {
  size_t n = graph.nodes.size();
  std::vector<int64_t> stage(n);
  for (size_t v = 0; v < n; ++v)
    stage[v] = graph.fixed[v] ? 0 : 1;
  for (size_t round = 0;; ++round) {
    Operation *changed = nullptr;
    for (const Edge &e : graph.edges) {
      int64_t need = stage[e.from] + 1 - e.delay;
      if (!graph.fixed[e.to] && stage[e.to] < need) {
        stage[e.to] = need;
        changed = graph.nodes[e.to];
      }
    }
    if (!changed)
      return stage;
    if (round > n)
      return changed->emitError()
             << kPass
             << ": this cell is on a loop with fewer steps of "
                "delay than clocked cells; every clocked cell takes a "
                "cycle, so the loop cannot meet its step";
  }
}

int64_t need(const StageGraph &graph, const std::vector<int64_t> &stage,
             const Edge &e) {
  return stage[e.to] - stage[e.from] - 1 + e.delay;
}

int64_t fullCost(const StageGraph &graph, const std::vector<int64_t> &stage) {
  int64_t total = 0;
  for (const Edge &e : graph.edges)
    total += need(graph, stage, e);
  return total;
}

int64_t sharedCost(const StageGraph &graph, const std::vector<int64_t> &stage,
                   unsigned u) {
  int64_t most = 0;
  for (unsigned e : graph.out[u])
    most = std::max(most, need(graph, stage, graph.edges[e]));
  return most;
}

int64_t sharedTotal(const StageGraph &graph,
                    const std::vector<int64_t> &stage) {
  int64_t total = 0;
  for (unsigned u = 0; u < graph.nodes.size(); ++u)
    total += sharedCost(graph, stage, u);
  return total;
}

/// Coordinate descent on the stages, from the earliest ones: each clocked
/// cell takes the stage in its legal range that minimizes the shared DFFs
/// of its own net and of the nets feeding it.
std::vector<int64_t> retime(const StageGraph &graph,
                            std::vector<int64_t> stage) {
  for (int sweep = 0; sweep < 64; ++sweep) {
    bool improved = false;
    for (unsigned v = 0; v < graph.nodes.size(); ++v) {
      if (graph.fixed[v])
        continue;
      int64_t lo = 1, hi = INT64_MAX;
      std::vector<unsigned> feeders;
      for (unsigned e : graph.in[v]) {
        const Edge &edge = graph.edges[e];
        if (edge.from == v)
          continue; // a self-loop moves with v
        lo = std::max(lo, stage[edge.from] + 1 - edge.delay);
        feeders.push_back(edge.from);
      }
      for (unsigned e : graph.out[v]) {
        const Edge &edge = graph.edges[e];
        if (edge.to != v)
          hi = std::min(hi, stage[edge.to] - 1 + edge.delay);
      }
      if (hi == INT64_MAX)
        hi = lo; // feeds probes only: the earliest stage
      hi = std::min(hi, lo + 256);
      llvm::sort(feeders);
      feeders.erase(std::unique(feeders.begin(), feeders.end()), feeders.end());
      auto localCost = [&](int64_t x) {
        int64_t saved = stage[v];
        stage[v] = x;
        int64_t cost = sharedCost(graph, stage, v);
        for (unsigned u : feeders)
          cost += sharedCost(graph, stage, u);
        stage[v] = saved;
        return cost;
      };
      int64_t best = stage[v], bestCost = localCost(stage[v]);
      for (int64_t x = lo; x <= hi; ++x) {
        int64_t cost = localCost(x);
        if (cost < bestCost) {
          best = x;
          bestCost = cost;
        }
      }
      if (best != stage[v]) {
        stage[v] = best;
        improved = true;
      }
    }
    if (!improved)
      break;
  }
  return stage;
}

struct SfqBalancePathsPass
    : public snc::sfq::impl::SfqBalancePathsBase<SfqBalancePathsPass> {
  using SfqBalancePathsBase::SfqBalancePathsBase;
  void runOnOperation() override;
};

void SfqBalancePathsPass::runOnOperation() {
  CircuitOp circuit = getOperation();
  bool shared = scheme == "retime";
  if (!shared && scheme != "full") {
    circuit.emitError() << kPass << ": unknown scheme '" << scheme
                        << "' (expected full or retime)";
    return signalPassFailure();
  }
  FailureOr<StageGraph> built = buildGraph(circuit);
  if (failed(built))
    return signalPassFailure();
  StageGraph &graph = *built;
  FailureOr<std::vector<int64_t>> asap = asapStages(graph);
  if (failed(asap))
    return signalPassFailure();
  std::vector<int64_t> retimed = retime(graph, *asap);
  int64_t dffsFull = fullCost(graph, *asap);
  int64_t dffsRetimed = sharedTotal(graph, retimed);
  const std::vector<int64_t> &stage = shared ? retimed : *asap;

  // A cell of stage L is clocked L - 1 times before step 0's pulses reach
  // it. A neuron idles through those ticks (v + 0 = v, no spike) only if it
  // starts at or below its threshold.
  for (auto [node, level] : llvm::zip(graph.nodes, stage)) {
    auto neuron = dyn_cast<NeuronOp>(node);
    if (!neuron || level <= 1)
      continue;
    int64_t bits = neuron.getStateBitsValue();
    int64_t max = (int64_t(1) << (bits - 1)) - 1;
    int64_t v = std::clamp(neuron.getVInitValue(), -max - 1, max);
    if (v > neuron.getThresholdValue()) {
      neuron.emitError() << kPass << ": the neuron starts above its threshold ("
                         << v << " > " << neuron.getThresholdValue()
                         << ") but is clocked " << level - 1
                         << " times before step 0's pulses reach it (stage "
                         << level << "): it would fire before its first step";
      return signalPassFailure();
    }
  }

  DCSFQOp clockPin = circuit.getClockInput();
  if (!clockPin && (dffsFull > 0 || dffsRetimed > 0)) {
    circuit.emitError() << kPass
                        << ": DFFs are needed but the circuit has "
                           "no clock input";
    return signalPassFailure();
  }
  for (OpOperand &use :
       clockPin ? clockPin.getResult().getUses() : Value().getUses()) {
    auto fanout = dyn_cast<FanoutOp>(use.getOwner());
    if (!fanout && !getClockOperand(use.getOwner())) {
      use.getOwner()->emitError()
          << kPass
          << ": the clock reaches this cell other than through at "
             "most one sfq.fanout (balance paths before "
             "sfq-insert-splitters)";
      return signalPassFailure();
    }
  }

  // Each sink's DFF count, by operand.
  llvm::DenseMap<OpOperand *, int64_t> dffsOf;
  for (const Edge &e : graph.edges)
    dffsOf[e.operand] = need(graph, stage, e);
  for (auto [operand, from] : graph.probes)
    operand->getOwner()->setAttr(
        "latency",
        IntegerAttr::get(IntegerType::get(&getContext(), 64), stage[from]));

  OpBuilder builder(&getContext());
  CellNamer namer(circuit);
  Location loc = circuit.getLoc();
  Value clock = clockPin ? clockPin.getResult() : Value();
  Type pulse = builder.getType<PulseType>();
  int64_t inserted = 0;
  auto newDff = [&](Value input) {
    ++inserted;
    return builder.create<DFFOp>(loc, pulse, input, clock,
                                 builder.getStringAttr(namer.next("dff")));
  };
  for (Operation *node : graph.nodes) {
    Value value = node->getResult(0);
    SmallVector<OpOperand *> sinks = collectSinks(value, true);
    int64_t most = 0;
    for (OpOperand *sink : sinks)
      most = std::max(most, dffsOf.lookup(sink));
    builder.setInsertionPointAfter(node);
    if (most == 0) {
      connectFanout(builder, loc, value, sinks, namer);
      continue;
    }
    if (!shared) {
      SmallVector<OpOperand *> first;
      for (OpOperand *sink : sinks) {
        int64_t k = dffsOf.lookup(sink);
        if (k == 0) {
          first.push_back(sink);
          continue;
        }
        DFFOp head = newDff(value), tail = head;
        for (int64_t j = 1; j < k; ++j)
          tail = newDff(tail.getOutput());
        sink->set(tail.getOutput());
        first.push_back(&head->getOpOperand(0));
      }
      connectFanout(builder, loc, value, first, namer);
      continue;
    }
    // One chain of `most` DFFs; sinks needing j DFFs tap after the j-th.
    std::vector<SmallVector<OpOperand *>> taps(size_t(most) + 1);
    for (OpOperand *sink : sinks)
      taps[size_t(dffsOf.lookup(sink))].push_back(sink);
    SmallVector<Value> stageValue = {value};
    for (int64_t j = 1; j <= most; ++j) {
      DFFOp dff = newDff(value);
      taps[size_t(j - 1)].push_back(&dff->getOpOperand(0));
      stageValue.push_back(dff.getOutput());
    }
    for (int64_t j = 0; j <= most; ++j)
      connectFanout(builder, loc, stageValue[size_t(j)], taps[size_t(j)],
                    namer);
  }
  if (clock) {
    builder.setInsertionPointAfter(clockPin);
    connectFanout(builder, loc, clock, collectSinks(clock, true), namer);
  }
  circuit.getBodyBlock()->walk(
      [](NeuronOp neuron) { neuron->removeAttr(neuron.getDelaysAttrName()); });

  circuit->setAttr("balance", builder.getStringAttr(scheme));
  circuit->setAttr("dffs_full", builder.getI64IntegerAttr(dffsFull));
  circuit->setAttr("dffs_retimed", builder.getI64IntegerAttr(dffsRetimed));
  circuit->setAttr("dffs", builder.getI64IntegerAttr(inserted));
  numDffs += inserted;
  numDffsFull += dffsFull;
  numDffsRetimed += dffsRetimed;
  circuit.emitRemark() << kPass << ": " << inserted << " DFFs inserted ("
                       << scheme << "); full path balancing needs " << dffsFull
                       << ", retimed with shared chains " << dffsRetimed;
}

} // namespace
