//===- Discretize.cpp - continuous to discrete-time neurons ---------------===//
//
// Decay factors and gains for one step of dt; docs/semantics.md derives them.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/Params.h"
#include "passes/Passes.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

namespace snc {
#define GEN_PASS_DEF_DISCRETIZE
#include "passes/Passes.h.inc"
} // namespace snc

using namespace mlir;
using namespace snc;
using namespace snc::snn;

namespace {

using Values = std::vector<double>;

/// Discretizes the dynamics of one population of `n` neurons.
class StepFormulas {
public:
  StepFormulas(double dt, IntegrationScheme scheme, int64_t n)
      : dt(dt), scheme(scheme), n(n) {}

  /// Per-step decay of a state with time constant tau.
  Values decay(DenseIntOrFPElementsAttr tau) const {
    Values out = paramValues(tau, n);
    for (double &t : out)
      t = scheme == IntegrationScheme::Exact ? std::exp(-dt / t) : 1 - dt / t;
    return out;
  }

  /// Weight of a held input in tau dv/dt = -v + x over one step: the
  /// complement of the decay (dt/tau for Euler).
  Values inputWeight(DenseIntOrFPElementsAttr tau) const {
    Values out = decay(tau);
    for (double &a : out)
      a = 1 - a;
    return out;
  }

  /// dv/dt = r x integrated over one step.
  Values integratorGain(DenseIntOrFPElementsAttr r) const {
    Values out = paramValues(r, n);
    for (double &v : out)
      v *= dt;
    return out;
  }

  Values values(DenseIntOrFPElementsAttr attr) const {
    return paramValues(attr, n);
  }

private:
  double dt;
  IntegrationScheme scheme;
  int64_t n;
};

Values times(const Values &a, const Values &b) {
  Values out(a.size());
  for (size_t i = 0; i < a.size(); ++i)
    out[i] = a[i] * b[i];
  return out;
}

class DiscretizePass : public snc::impl::DiscretizeBase<DiscretizePass> {
public:
  using DiscretizeBase::DiscretizeBase;

  void runOnOperation() override {
    NetworkOp network = getOperation();
    std::optional<IntegrationScheme> parsedScheme =
        symbolizeIntegrationScheme(scheme);
    if (!parsedScheme) {
      network.emitError() << "unknown integration scheme '" << scheme
                          << "' (expected 'euler' or 'exact')";
      return signalPassFailure();
    }
    if (std::optional<double> existing = network.getTimeStep()) {
      // Idempotent for the same step; a different step needs the
      // continuous form, which is gone.
      if (dt == 0.0 || dt == *existing)
        return;
      network.emitError() << "network is already discretized with dt = "
                          << *existing << " s; cannot discretize again with "
                          << "dt = " << dt << " s";
      return signalPassFailure();
    }
    if (!(dt > 0)) {
      network.emitError()
          << "snn-discretize needs a positive time step 'dt' (seconds)";
      return signalPassFailure();
    }

    OpBuilder builder(&getContext());
    SmallVector<Operation *> ops;
    for (Operation &op : network.getBodyBlock()->without_terminator())
      ops.push_back(&op);
    for (Operation *op : ops)
      if (failed(discretize(op, *parsedScheme, builder)))
        return signalPassFailure();

    network.setDt(APFloat(double(dt)));
    network.setSchemeAttr(
        IntegrationSchemeAttr::get(&getContext(), *parsedScheme));
  }

private:
  LogicalResult discretize(Operation *op, IntegrationScheme scheme,
                           OpBuilder &builder);
};

/// Copies the attributes a population keeps through discretization.
void keepPopulationAttrs(Operation *from, NamedAttrList &to) {
  for (StringRef name : {"v_init", "name", "reset", "refractory", "v_threshold",
                         "v_reset"})
    if (Attribute attr = from->getAttr(name))
      to.set(name, attr);
}

LogicalResult DiscretizePass::discretize(Operation *op,
                                         IntegrationScheme scheme,
                                         OpBuilder &builder) {
  MLIRContext *ctx = op->getContext();
  int64_t n = numElements(op->getResult(0).getType());
  StepFormulas step(dt, scheme, n);
  NamedAttrList attrs;
  auto set = [&](StringRef name, const Values &values) {
    attrs.set(name, makeParam(ctx, values));
  };
  // Membrane: tau dv/dt = (v_leak - v) + r x.
  auto leakyMembrane = [&](DenseIntOrFPElementsAttr tau,
                           DenseIntOrFPElementsAttr r,
                           DenseIntOrFPElementsAttr vLeak) {
    Values weight = step.inputWeight(tau);
    set("decay", step.decay(tau));
    set("gain", times(weight, step.values(r)));
    set("bias", times(weight, step.values(vLeak)));
    if (scheme == IntegrationScheme::Euler)
      for (double t : step.values(tau))
        if (dt >= t) {
          op->emitWarning() << "dt (" << dt << " s) is not smaller than tau ("
                            << t << " s): Euler integration is inaccurate; "
                            << "consider --scheme exact";
          break;
        }
  };
  auto integratorMembrane = [&](DenseIntOrFPElementsAttr r) {
    set("decay", Values(n, 1.0));
    set("gain", step.integratorGain(r));
    set("bias", Values(n, 0.0));
  };
  // Synaptic current: tau_syn dI/dt = -I + w_in S, S a spike (an impulse).
  auto synapse = [&](DenseIntOrFPElementsAttr tauSyn,
                     DenseIntOrFPElementsAttr wIn) {
    set("syn_decay", step.decay(tauSyn));
    set("syn_gain", step.values(wIn));
  };

  bool spiking = false;
  bool handled = true;
  llvm::TypeSwitch<Operation *>(op)
      .Case([&](IOp o) { integratorMembrane(o.getR()); })
      .Case([&](IFOp o) {
        integratorMembrane(o.getR());
        spiking = true;
      })
      .Case([&](LIOp o) { leakyMembrane(o.getTau(), o.getR(), o.getVLeak()); })
      .Case([&](LIFOp o) {
        leakyMembrane(o.getTau(), o.getR(), o.getVLeak());
        spiking = true;
      })
      .Case([&](CubaLIOp o) {
        synapse(o.getTauSyn(), o.getWIn());
        leakyMembrane(o.getTauMem(), o.getR(), o.getVLeak());
      })
      .Case([&](CubaLIFOp o) {
        synapse(o.getTauSyn(), o.getWIn());
        leakyMembrane(o.getTauMem(), o.getR(), o.getVLeak());
        spiking = true;
      })
      .Case([&](ALIFOp o) {
        leakyMembrane(o.getTau(), o.getR(), o.getVLeak());
        set("adapt_decay", step.decay(o.getTauAdapt()));
        set("adapt_gain", step.values(o.getBetaAdapt()));
        spiking = true;
      })
      .Default([&](Operation *) { handled = false; });

  if (!handled) {
    auto delay = dyn_cast<DelayOp>(op);
    if (!delay || !delay.getDelay())
      return success();
    SmallVector<int64_t> steps;
    for (double seconds : paramValues(*delay.getDelay())) {
      double exactSteps = seconds / dt;
      int64_t rounded = std::llround(exactSteps);
      if (std::abs(exactSteps - double(rounded)) > 1e-6 * std::max(1.0, exactSteps))
        return delay.emitOpError()
               << "delay of " << seconds
               << " s is not a whole number of time steps (dt = " << dt
               << " s)";
      steps.push_back(rounded);
    }
    delay.removeDelayAttr();
    delay.setSteps(steps);
    return success();
  }

  keepPopulationAttrs(op, attrs);
  builder.setInsertionPoint(op);
  Operation *replacement;
  if (spiking)
    replacement = builder.create<DiscreteLIFOp>(
        op->getLoc(), op->getResultTypes(), op->getOperands(), attrs);
  else
    replacement = builder.create<DiscreteLIOp>(
        op->getLoc(), op->getResultTypes(), op->getOperands(), attrs);
  op->replaceAllUsesWith(replacement);
  op->erase();
  return success();
}

} // namespace
