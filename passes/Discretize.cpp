//===- Discretize.cpp - continuous to discrete-time neurons ---------------===//
//
// Decay factors and gains for one step of dt; docs/semantics.md derives them.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SynapseArrays.h"
#include "passes/Passes.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringSet.h"
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

/// Discretizes the dynamics of one population of `n` neurons of `op`.
class StepFormulas {
public:
  StepFormulas(Operation *op, double dt, IntegrationScheme scheme, int64_t n)
      : op(op), dt(dt), scheme(scheme), n(n) {}

  /// Per-step decay of a state with time constant `tau` (named `name`).
  Values decay(ElementsAttr tau, StringRef name) const {
    Values out = paramValues(tau, n);
    warnIfCoarse(out, name);
    for (double &t : out)
      t = scheme == IntegrationScheme::Exact ? std::exp(-dt / t) : 1 - dt / t;
    return out;
  }

  /// Weight of a held input in tau dv/dt = -v + x over one step: dt/tau for
  /// Euler, 1 - exp(-dt/tau) for exact (computed without cancellation).
  Values inputWeight(ElementsAttr tau) const {
    Values out = paramValues(tau, n);
    for (double &t : out)
      t = scheme == IntegrationScheme::Exact ? -std::expm1(-dt / t) : dt / t;
    return out;
  }

  /// dv/dt = r x integrated over one step.
  Values integratorGain(ElementsAttr r) const {
    Values out = paramValues(r, n);
    for (double &v : out)
      v *= dt;
    return out;
  }

  Values values(ElementsAttr attr) const { return paramValues(attr, n); }

private:
  /// Euler is unstable or wrong-signed once dt reaches a time constant.
  void warnIfCoarse(const Values &taus, StringRef name) const {
    if (scheme != IntegrationScheme::Euler || warned)
      return;
    for (double t : taus)
      if (dt >= t) {
        warned = true; // one warning per op: the first coarse constant
        op->emitWarning() << "dt (" << dt << " s) is not smaller than '" << name
                          << "' (" << t
                          << " s): Euler integration is inaccurate; "
                             "consider --scheme exact";
        return;
      }
  }

  Operation *op;
  double dt;
  IntegrationScheme scheme;
  int64_t n;
  mutable bool warned = false;
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
    // An empty scheme means: the network's own, else Euler.
    std::string schemeName =
        !scheme.empty() ? scheme
        : network.getScheme()
            ? stringifyIntegrationScheme(*network.getScheme()).str()
            : "euler";
    std::optional<IntegrationScheme> parsedScheme =
        symbolizeIntegrationScheme(schemeName);
    if (!parsedScheme) {
      network.emitError() << "unknown integration scheme '" << schemeName
                          << "' (expected 'euler' or 'exact')";
      return signalPassFailure();
    }
    if (std::optional<double> existing = network.getTimeStep()) {
      // Idempotent for the same step and scheme; anything else needs the
      // continuous form, which is gone.
      if (network.getScheme() && *network.getScheme() != *parsedScheme) {
        network.emitError()
            << "network is already discretized with the "
            << stringifyIntegrationScheme(*network.getScheme())
            << " scheme; cannot discretize again with " << schemeName;
        return signalPassFailure();
      }
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

/// Copies what a population keeps through discretization: everything but
/// its continuous-time parameters (names, reset, thresholds, initial state,
/// and attributes other tools attached).
void keepPopulationAttrs(Operation *from, NamedAttrList &to) {
  static const llvm::StringSet<> continuous = {
      "tau",     "r",    "v_leak",    "tau_syn",
      "tau_mem", "w_in", "tau_adapt", "beta_adapt"};
  for (NamedAttribute attr : from->getAttrs())
    if (!continuous.contains(attr.getName().getValue()))
      to.set(attr.getName(), attr.getValue());
}

LogicalResult DiscretizePass::discretize(Operation *op,
                                         IntegrationScheme scheme,
                                         OpBuilder &builder) {
  MLIRContext *ctx = op->getContext();
  int64_t n = numElements(op->getResult(0).getType());
  StepFormulas step(op, dt, scheme, n);
  NamedAttrList attrs;
  auto set = [&](StringRef name, const Values &values) {
    attrs.set(name, makeParam(ctx, values, blobNameFor(op, name)));
  };
  // Membrane: tau dv/dt = (v_leak - v) + r x.
  auto leakyMembrane = [&](ElementsAttr tau, ElementsAttr r,
                           ElementsAttr vLeak) {
    Values weight = step.inputWeight(tau);
    set("decay",
        step.decay(tau, isa<CubaLIOp, CubaLIFOp>(op) ? "tau_mem" : "tau"));
    set("gain", times(weight, step.values(r)));
    set("bias", times(weight, step.values(vLeak)));
  };
  auto integratorMembrane = [&](ElementsAttr r) {
    set("decay", Values(n, 1.0));
    set("gain", step.integratorGain(r));
    set("bias", Values(n, 0.0));
  };
  // Synaptic current: tau_syn dI/dt = -I + w_in S with S held over the
  // step, as NIR's reference implementation integrates it: the gain is
  // w_in dt/tau_syn (Euler) or w_in (1 - exp(-dt/tau_syn)) (exact), so
  // snnTorch's exported w_in = tau_syn/dt gives its per-step gain of 1.
  auto synapse = [&](ElementsAttr tauSyn, ElementsAttr wIn) {
    set("syn_decay", step.decay(tauSyn, "tau_syn"));
    set("syn_gain", times(step.inputWeight(tauSyn), step.values(wIn)));
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
        set("adapt_decay", step.decay(o.getTauAdapt(), "tau_adapt"));
        set("adapt_gain", step.values(o.getBetaAdapt()));
        spiking = true;
      })
      .Default([&](Operation *) { handled = false; });

  if (!handled) {
    auto timed = dyn_cast<TimeStepOpInterface>(op);
    if (!timed || !timed.needsTimeStep())
      return success();
    auto delay = dyn_cast<DelayOp>(op);
    if (!delay)
      return op->emitOpError()
             << "depends on the time step but snn-discretize has no rule for "
                "it (a reservoir: run snn-materialize-reservoirs first)";
    SmallVector<int64_t> steps;
    for (double seconds : paramValues(*delay.getDelay())) {
      double exactSteps = seconds / dt;
      if (!(exactSteps <= double(kMaxSteps)))
        return delay.emitOpError()
               << "delay of " << seconds << " s is " << exactSteps
               << " steps (dt = " << dt << " s), more than snc's limit of "
               << kMaxSteps;
      int64_t rounded = std::llround(exactSteps);
      if (std::abs(exactSteps - double(rounded)) >
          1e-6 * std::max(1.0, exactSteps))
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

  NamedAttrList kept;
  keepPopulationAttrs(op, kept);
  for (NamedAttribute attr : attrs)
    kept.set(attr.getName(), attr.getValue());
  attrs = kept;
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
