//===- InsertMergers.cpp - merger trees and their hazard analysis ---------===//
//
// Static timing: every clocked cell fires at its clock's arrival plus its
// delay, input pins at the injection offset, and asynchronous cells add
// their delays; a value's pulses within one cycle can come at a small set
// of times. Two of them on a merger's inputs closer than the merger's
// separation window (or a neuron port's, when the merger feeds a port)
// would merge into one pulse: the later input is staggered by JTLs, or the
// hazard is reported. Data must also reach every clocked cell after its
// hold time and before the next clock's setup window.
//
//===----------------------------------------------------------------------===//

#include "passes/sfq/CircuitUtils.h"
#include "passes/sfq/SFQPasses.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/Format.h"

namespace snc::sfq {
#define GEN_PASS_DEF_SFQINSERTMERGERS
#include "passes/sfq/SFQPasses.h.inc"
} // namespace snc::sfq

using namespace mlir;
using namespace snc::sfq;
using snc::runtime::sfq::CellKind;

namespace {

constexpr StringLiteral kPass = "sfq-insert-mergers";

std::string ps(int64_t fs) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%.3f", double(fs) / 1000);
  return text + " ps";
}

CellKind kindOf(Operation *op) {
  return llvm::TypeSwitch<Operation *, CellKind>(op)
      .Case<JTLOp>([](auto) { return CellKind::JTL; })
      .Case<SplitOp>([](auto) { return CellKind::Split; })
      .Case<MergeOp>([](auto) { return CellKind::Merge; })
      .Case<DFFOp>([](auto) { return CellKind::DFF; })
      .Case<NDROOp>([](auto) { return CellKind::NDRO; })
      .Case<And2Op>([](auto) { return CellKind::And2; })
      .Case<Or2Op>([](auto) { return CellKind::Or2; })
      .Case<XorOp>([](auto) { return CellKind::Xor; })
      .Case<NotOp>([](auto) { return CellKind::Not; })
      .Case<DCSFQOp>([](auto) { return CellKind::DCSFQ; })
      .Case<SFQDCOp>([](auto) { return CellKind::SFQDC; })
      .Default([](Operation *) { return CellKind::Neuron; });
}

struct SfqInsertMergersPass
    : public snc::sfq::impl::SfqInsertMergersBase<SfqInsertMergersPass> {
  using SfqInsertMergersBase::SfqInsertMergersBase;
  void runOnOperation() override;

  LogicalResult limitPorts(NeuronOp neuron);
  Value mergeTree(ArrayRef<Value> values, Location loc);
  FailureOr<ArrayRef<int64_t>> times(Value value);
  LogicalResult fixMerge(MergeOp merge);
  LogicalResult checkWindows(Operation *cell);

  snc::runtime::sfq::CellLibrary library;
  int64_t periodFs = 0, offsetFs = 0;
  std::shared_ptr<CellNamer> namer;
  OpBuilder *builder = nullptr;
  llvm::DenseMap<Value, std::vector<int64_t>> memo;
  llvm::DenseSet<Operation *> fixed;
};

Value SfqInsertMergersPass::mergeTree(ArrayRef<Value> values, Location loc) {
  if (values.size() == 1)
    return values.front();
  size_t half = (values.size() + 1) / 2;
  Value a = mergeTree(values.take_front(half), loc);
  Value b = mergeTree(values.drop_front(half), loc);
  ++numMergers;
  return builder->create<MergeOp>(loc, builder->getType<PulseType>(), a, b,
                                  builder->getStringAttr(namer->next("merge")));
}

LogicalResult SfqInsertMergersPass::limitPorts(NeuronOp neuron) {
  size_t ports = neuron.getInputs().size();
  if (int64_t(ports) <= maxPorts)
    return success();
  if (neuron.getDelays())
    return neuron.emitError() << kPass
                              << ": port delays are not realized "
                                 "yet (run sfq-balance-paths first)";
  std::map<int64_t, SmallVector<Value>> byWeight;
  for (auto [value, weight] :
       llvm::zip(neuron.getInputs(), neuron.getWeights()))
    byWeight[weight].push_back(value);
  if (int64_t(byWeight.size()) > maxPorts)
    return neuron.emitError()
           << kPass << ": the neuron has " << byWeight.size()
           << " distinct port weights but max-ports is "
           << int64_t(maxPorts.getValue()) << "; each weight needs a port";
  // One port per weight, then more where the merger trees are largest.
  std::map<int64_t, int64_t> share;
  for (auto &[weight, values] : byWeight)
    share[weight] = 1;
  for (int64_t spare = maxPorts - int64_t(byWeight.size()); spare > 0;
       --spare) {
    int64_t widest = 0, pick = 0;
    for (auto &[weight, values] : byWeight) {
      int64_t width =
          (int64_t(values.size()) + share[weight] - 1) / share[weight];
      if (width > widest) {
        widest = width;
        pick = weight;
      }
    }
    if (widest <= 1)
      break;
    ++share[pick];
  }
  builder->setInsertionPoint(neuron);
  SmallVector<Value> operands;
  SmallVector<int64_t> weights;
  for (auto &[weight, values] : byWeight) {
    int64_t groups = share[weight];
    size_t start = 0;
    for (int64_t g = 0; g < groups; ++g) {
      size_t size = values.size() / size_t(groups) +
                    (size_t(g) < values.size() % size_t(groups) ? 1 : 0);
      operands.push_back(mergeTree(ArrayRef<Value>(values).slice(start, size),
                                   neuron.getLoc()));
      weights.push_back(weight);
      start += size;
    }
  }
  neuron.getInputsMutable().assign(operands);
  neuron.setWeights(weights);
  return success();
}

FailureOr<ArrayRef<int64_t>> SfqInsertMergersPass::times(Value value) {
  if (auto it = memo.find(value); it != memo.end())
    return ArrayRef<int64_t>(it->second);
  Operation *op = value.getDefiningOp();
  std::vector<int64_t> result;
  auto shifted = [&](Value in, int64_t delay) -> LogicalResult {
    FailureOr<ArrayRef<int64_t>> base = times(in);
    if (failed(base))
      return failure();
    for (int64_t t : *base)
      result.push_back(t + delay);
    return success();
  };
  LogicalResult ok = success();
  if (auto pin = dyn_cast<DCSFQOp>(op)) {
    result.push_back(pin.getClock() ? 0 : offsetFs);
  } else if (auto fanout = dyn_cast<FanoutOp>(op)) {
    ok = shifted(fanout.getInput(), 0);
  } else if (auto merge = dyn_cast<MergeOp>(op)) {
    if (failed(fixMerge(merge)))
      return failure();
    int64_t d = library.timing(CellKind::Merge).delayFs;
    ok = succeeded(shifted(merge.getA(), d)) ? shifted(merge.getB(), d)
                                             : failure();
  } else if (Value clock = getClockOperand(op)) {
    ok = shifted(clock, library.timing(kindOf(op)).delayFs);
  } else {
    ok = shifted(op->getOperand(0), library.timing(kindOf(op)).delayFs);
  }
  if (failed(ok))
    return failure();
  llvm::sort(result);
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return ArrayRef<int64_t>(memo[value] = std::move(result));
}

/// The smallest gap between a time of `a` and one of `b` shifted by `by`.
int64_t closest(ArrayRef<int64_t> a, ArrayRef<int64_t> b, int64_t by) {
  int64_t gap = INT64_MAX;
  for (int64_t x : a)
    for (int64_t y : b)
      gap = std::min(gap, std::abs(x - (y + by)));
  return gap;
}

LogicalResult SfqInsertMergersPass::fixMerge(MergeOp merge) {
  if (!fixed.insert(merge).second)
    return success();
  // Feeding a neuron port (through mergers and JTLs), the port's window
  // applies too: every pulse of the tree reaches it.
  int64_t window = library.mergerMinSeparationFs;
  std::string where = "merger '" + getCellName(merge).str() + "'";
  for (Operation *user = merge;;) {
    if (!user->getResult(0).hasOneUse())
      break;
    user = *user->getResult(0).getUsers().begin();
    if (isa<NeuronOp>(user)) {
      window = std::max(window, library.neuronMinSeparationFs);
      where += " (into neuron '" + getCellName(user).str() + "')";
    }
    if (!isa<MergeOp, JTLOp>(user))
      break;
  }
  FailureOr<ArrayRef<int64_t>> a = times(merge.getA());
  if (failed(a))
    return failure();
  std::vector<int64_t> first(a->begin(), a->end());
  FailureOr<ArrayRef<int64_t>> b = times(merge.getB());
  if (failed(b))
    return failure();
  int64_t gap = closest(first, *b, 0);
  if (gap >= window)
    return success();
  if (hazards == "error")
    return merge.emitError() << kPass << ": merger hazard at " << where
                             << ": pulses on its two inputs can come "
                             << ps(gap) << " apart; it needs " << ps(window)
                             << " (hazards=stagger delays one input with JTLs)";
  int64_t jtl = library.timing(CellKind::JTL).delayFs;
  int64_t count = 1;
  while (closest(first, *b, count * jtl) < window) {
    if (count * jtl > periodFs)
      return merge.emitError()
             << kPass << ": merger hazard at " << where
             << ": no stagger within a clock period separates its inputs by "
             << ps(window) << " (too many pulses share one port: raise "
             << "max-ports)";
    ++count;
  }
  builder->setInsertionPoint(merge);
  Value value = merge.getB();
  for (int64_t i = 0; i < count; ++i) {
    value = builder->create<JTLOp>(merge.getLoc(),
                                   builder->getType<PulseType>(), value,
                                   builder->getStringAttr(namer->next("sjtl")));
    ++numStaggerJtls;
  }
  merge.getBMutable().assign(value);
  return success();
}

LogicalResult SfqInsertMergersPass::checkWindows(Operation *cell) {
  Value clock = getClockOperand(cell);
  FailureOr<ArrayRef<int64_t>> tick = times(clock);
  if (failed(tick))
    return failure();
  int64_t clk = tick->back(); // read now: times() may move the memo
  const snc::runtime::sfq::CellTiming &timing = library.timing(kindOf(cell));
  for (OpOperand &operand : cell->getOpOperands()) {
    if (operand.getOperandNumber() == cell->getNumOperands() - 1)
      continue;
    FailureOr<ArrayRef<int64_t>> data = times(operand.get());
    if (failed(data))
      return failure();
    for (int64_t t : *data) {
      if (t < clk + timing.holdFs)
        return cell->emitError()
               << kPass << ": a pulse reaches operand #"
               << operand.getOperandNumber() << " at " << ps(t)
               << ", within the hold time (" << ps(timing.holdFs)
               << ") of its clock at " << ps(clk);
      if (t > clk + periodFs - timing.setupFs)
        return cell->emitError()
               << kPass << ": a pulse reaches operand #"
               << operand.getOperandNumber() << " at " << ps(t)
               << ", too late for the next clock at " << ps(clk + periodFs)
               << " (setup " << ps(timing.setupFs) << ")";
    }
  }
  return success();
}

void SfqInsertMergersPass::runOnOperation() {
  CircuitOp circuit = getOperation();
  if (hazards != "stagger" && hazards != "error") {
    circuit.emitError() << kPass << ": unknown hazards mode '" << hazards
                        << "' (expected stagger or error)";
    return signalPassFailure();
  }
  auto target = getCircuitTarget(circuit, kPass);
  auto loaded = getCircuitLibrary(circuit, kPass);
  if (failed(target) || failed(loaded))
    return signalPassFailure();
  library = *loaded;
  periodFs = getClockPeriodFs(**target);
  offsetFs = inputOffsetFs;
  if (offsetFs < 0)
    if (auto attr = circuit->getAttrOfType<IntegerAttr>("input_offset_fs"))
      offsetFs = attr.getInt();
  if (offsetFs < 0)
    offsetFs = periodFs / 2;
  OpBuilder opBuilder(&getContext());
  builder = &opBuilder;
  namer = std::make_shared<CellNamer>(circuit);
  circuit->setAttr("input_offset_fs", opBuilder.getI64IntegerAttr(offsetFs));

  if (maxPorts > 0)
    for (NeuronOp neuron :
         llvm::to_vector(circuit.getBodyBlock()->getOps<NeuronOp>()))
      if (failed(limitPorts(neuron)))
        return signalPassFailure();
  for (Operation &op : *circuit.getBodyBlock())
    if (isa<FanoutOp>(op)) {
      op.emitError() << kPass
                     << ": run sfq-insert-splitters first (the timing needs "
                        "the splitter trees)";
      return signalPassFailure();
    }
  for (MergeOp merge :
       llvm::to_vector(circuit.getBodyBlock()->getOps<MergeOp>()))
    if (failed(fixMerge(merge)))
      return signalPassFailure();
  for (Operation &op : *circuit.getBodyBlock())
    if (getClockOperand(&op) && failed(checkWindows(&op)))
      return signalPassFailure();
}

} // namespace
