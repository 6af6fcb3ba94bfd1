//===- MaterializeReservoirs.cpp - expand snn.reservoir -------------------===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SynapseArrays.h"
#include "passes/Passes.h"
#include "passes/SplitMix64.h"

#include "mlir/IR/Builders.h"

#include <cmath>

namespace snc {
#define GEN_PASS_DEF_MATERIALIZERESERVOIRS
#include "passes/Passes.h.inc"
} // namespace snc

using namespace mlir;
using namespace snc;
using namespace snc::snn;

namespace {

/// The recurrent synapses of a reservoir, by source neuron.
struct Synapses {
  SmallVector<int64_t> rowPtr{0};
  SmallVector<int64_t> targets;
  SmallVector<double> weights;
};

Synapses drawSynapses(ReservoirOp op) {
  int64_t n = cast<RankedTensorType>(op.getType()).getDimSize(0);
  int64_t excitatory =
      std::llround(op.getExcFraction().convertToDouble() * double(n));
  double p = op.getPConnect().convertToDouble();
  double lambda = op.getLambda().convertToDouble();
  std::optional<ArrayRef<int64_t>> grid = op.getGrid();
  double weight[2][2] = {
      {op.getWEe().convertToDouble(), op.getWEi().convertToDouble()},
      {op.getWIe().convertToDouble(), op.getWIi().convertToDouble()}};
  auto position = [&](int64_t i, int64_t axis) {
    int64_t gx = (*grid)[0], gy = (*grid)[1];
    int64_t coords[3] = {i % gx, (i / gx) % gy, i / (gx * gy)};
    return double(coords[axis]);
  };

  SplitMix64 rng(uint64_t(op.getSeed()));
  Synapses syn;
  for (int64_t pre = 0; pre < n; ++pre) {
    bool preInh = pre >= excitatory;
    for (int64_t post = 0; post < n; ++post) {
      if (pre == post)
        continue;
      double prob = p;
      if (grid) {
        double d2 = 0;
        for (int axis = 0; axis < 3; ++axis) {
          double d = position(pre, axis) - position(post, axis);
          d2 += d * d;
        }
        prob *= std::exp(-d2 / (lambda * lambda));
      }
      // One draw per ordered pair, in this order, is the contract.
      if (rng.uniform() < prob) {
        syn.targets.push_back(post);
        syn.weights.push_back(weight[preInh][post >= excitatory]);
      }
    }
    syn.rowPtr.push_back(int64_t(syn.targets.size()));
  }
  return syn;
}

ElementsAttr scalar(Builder &b, double value) {
  return makeParam(b.getContext(), {value});
}

void materialize(ReservoirOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  int64_t n = cast<RankedTensorType>(op.getType()).getDimSize(0);
  auto inType = cast<RankedTensorType>(op.getInput().getType());
  int64_t inputs = inType.getDimSize(0);
  Type elt = isa<FloatType>(inType.getElementType()) ? inType.getElementType()
                                                     : b.getF32Type();
  auto currentType = RankedTensorType::get({n}, elt);
  std::string name = op.getName() ? op.getName()->str() : "reservoir";

  // Input i drives neuron i.
  SmallVector<int64_t> inRows, inTargets;
  for (int64_t i = 0; i <= inputs; ++i)
    inRows.push_back(i);
  for (int64_t i = 0; i < inputs; ++i)
    inTargets.push_back(i);
  MLIRContext *ctx = b.getContext();
  auto inputProjection = b.create<SparseProjectionOp>(
      loc, currentType, op.getInput(),
      makeIndexArray(ctx, name + ".input.row_ptr", inRows),
      makeIndexArray(ctx, name + ".input.targets", inTargets),
      scalar(b, op.getWIn().convertToDouble()),
      /*delays=*/nullptr, b.getStringAttr(name + ".input"));

  auto sum =
      b.create<AddOp>(loc, currentType, ValueRange{inputProjection.getOutput()},
                      b.getStringAttr(name + ".sum"));
  NamedAttrList lifAttrs;
  lifAttrs.set("tau", scalar(b, op.getTau().convertToDouble()));
  lifAttrs.set("r", scalar(b, 1.0));
  lifAttrs.set("v_leak", scalar(b, 0.0));
  lifAttrs.set("v_threshold", scalar(b, op.getVThreshold().convertToDouble()));
  lifAttrs.set("v_reset", scalar(b, op.getVReset().convertToDouble()));
  lifAttrs.set("name", b.getStringAttr(name));
  auto lif = b.create<LIFOp>(loc, TypeRange{op.getType()},
                             ValueRange{sum.getOutput()}, lifAttrs);

  Synapses syn = drawSynapses(op);
  auto recurrent = b.create<SparseProjectionOp>(
      loc, currentType, lif.getOutput(),
      makeIndexArray(ctx, name + ".recurrent.row_ptr", syn.rowPtr),
      makeIndexArray(ctx, name + ".recurrent.targets", syn.targets),
      makeWeightArray(ctx, name + ".recurrent.weights", syn.weights),
      /*delays=*/nullptr, b.getStringAttr(name + ".recurrent"));
  // The cycle lif -> recurrent -> sum -> lif closes here.
  sum->insertOperands(1, recurrent.getOutput());
  op.replaceAllUsesWith(lif.getOutput());
  op.erase();
}

class MaterializeReservoirsPass
    : public snc::impl::MaterializeReservoirsBase<MaterializeReservoirsPass> {
  void runOnOperation() override {
    SmallVector<ReservoirOp> reservoirs;
    getOperation().walk([&](ReservoirOp op) { reservoirs.push_back(op); });
    for (ReservoirOp op : reservoirs)
      materialize(op);
  }
};

} // namespace
