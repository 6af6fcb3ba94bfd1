//===- InsertSplitters.cpp - balanced splitter trees for sfq.fanout -------===//

#include "passes/sfq/CircuitUtils.h"
#include "passes/sfq/SFQPasses.h"

#include "mlir/IR/Builders.h"

namespace snc::sfq {
#define GEN_PASS_DEF_SFQINSERTSPLITTERS
#include "passes/sfq/SFQPasses.h.inc"
} // namespace snc::sfq

using namespace mlir;
using namespace snc::sfq;

namespace {

struct SfqInsertSplittersPass
    : public snc::sfq::impl::SfqInsertSplittersBase<SfqInsertSplittersPass> {
  using SfqInsertSplittersBase::SfqInsertSplittersBase;
  void runOnOperation() override;

  /// Splits `source` into `count` leaves; appends (leaf, depth) pairs.
  void buildTree(OpBuilder &builder, Location loc, Value source, unsigned count,
                 unsigned depth, CellNamer &namer,
                 SmallVectorImpl<std::pair<Value, unsigned>> &leaves) {
    if (count == 1) {
      leaves.push_back({source, depth});
      return;
    }
    Type pulse = builder.getType<PulseType>();
    auto split = builder.create<SplitOp>(
        loc, pulse, pulse, source, builder.getStringAttr(namer.next("split")));
    ++numSplitters;
    unsigned left = (count + 1) / 2;
    buildTree(builder, loc, split.getQ0(), left, depth + 1, namer, leaves);
    buildTree(builder, loc, split.getQ1(), count - left, depth + 1, namer,
              leaves);
  }
};

void SfqInsertSplittersPass::runOnOperation() {
  CircuitOp circuit = getOperation();
  DCSFQOp clockPin = circuit.getClockInput();
  CellNamer namer(circuit);
  OpBuilder builder(&getContext());
  SmallVector<FanoutOp> fanouts(circuit.getBodyBlock()->getOps<FanoutOp>());
  for (FanoutOp fanout : fanouts) {
    builder.setInsertionPoint(fanout);
    SmallVector<std::pair<Value, unsigned>> leaves;
    buildTree(builder, fanout.getLoc(), fanout.getInput(),
              fanout.getOutputs().size(), 0, namer, leaves);
    bool isClock = clockPin && fanout.getInput() == clockPin.getResult();
    unsigned deepest = 0;
    for (auto &leaf : leaves)
      deepest = std::max(deepest, leaf.second);
    for (auto [result, leaf] : llvm::zip(fanout.getOutputs(), leaves)) {
      Value value = leaf.first;
      if (isClock && equalizeClock && leaf.second < deepest) {
        value = builder.create<JTLOp>(
            fanout.getLoc(), builder.getType<PulseType>(), value,
            builder.getStringAttr(namer.next("cjtl")));
        ++numClockJtls;
      }
      result.replaceAllUsesWith(value);
    }
    fanout.erase();
  }
}

} // namespace
