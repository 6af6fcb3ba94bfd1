//===- NeuronKernels.cpp - discrete neuron populations --------------------===//
//
// The per-step update of snn.discrete_li and snn.discrete_lif, in the order
// docs/semantics.md fixes. State is kept in the population's numeric type.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SNNOps.h"
#include "runtime/Kernel.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snc::snn;

namespace snc::runtime {
namespace {

template <typename T>
std::vector<T> expand(std::optional<DenseIntOrFPElementsAttr> attr, int64_t n,
                      double fallback) {
  std::vector<T> out(n, T(fallback));
  if (attr) {
    std::vector<double> values = paramValues(*attr, n);
    for (int64_t i = 0; i < n; ++i)
      out[i] = T(values[i]);
  }
  return out;
}

/// Parameters shared by both discrete neuron ops.
template <typename T> struct Dynamics {
  std::vector<T> decay, gain, bias;
  bool hasSynapse = false;
  std::vector<T> synDecay, synGain;
  std::vector<T> vInit;
};

template <typename T, typename Op>
Dynamics<T> readDynamics(Op op, int64_t n) {
  Dynamics<T> d;
  d.decay = expand<T>(op.getDecay(), n, 0);
  d.gain = expand<T>(op.getGain(), n, 0);
  d.bias = expand<T>(op.getBias(), n, 0);
  d.hasSynapse = op.getSynDecay().has_value();
  d.synDecay = expand<T>(op.getSynDecay(), n, 0);
  d.synGain = expand<T>(op.getSynGain(), n, 0);
  d.vInit = expand<T>(op.getVInit(), n, 0);
  return d;
}

/// Membrane (and optional synaptic current) of one population; the spiking
/// kernel adds threshold, reset, refractoriness and adaptation.
template <typename T> class PopulationKernel : public Kernel {
public:
  /// The membrane voltage lives in `voltage` when given (a leaky
  /// integrator's output is its voltage), else in a slot of its own.
  PopulationKernel(Dynamics<T> dynamics, ElementKind stateKind,
                   const Slot *input, Slot *output, Slot *voltage = nullptr)
      : Kernel(output), d(std::move(dynamics)), input(input),
        ownVoltage(stateKind, voltage ? 0 : int64_t(d.decay.size())),
        v(voltage ? *voltage : ownVoltage),
        current(stateKind, d.hasSynapse ? int64_t(d.decay.size()) : 0) {
    for (size_t k = 0; k < d.vInit.size(); ++k)
      v.data<T>()[k] = d.vInit[k];
  }

  std::vector<std::pair<std::string, const Slot *>> variables() const override {
    std::vector<std::pair<std::string, const Slot *>> vars{{"v", &v}};
    if (d.hasSynapse)
      vars.emplace_back("i", &current);
    return vars;
  }

protected:
  /// This step's inputs, as T.
  const T *inputs() { return input->view<T>(scratch); }

  /// One step of the synaptic current (if any) and of the membrane of every
  /// neuron, as straight loops the compiler can vectorize. Per neuron the
  /// arithmetic is exactly docs/semantics.md's.
  void updateMembranes(const T *x) {
    int64_t n = v.getSize();
    const T *drive = x;
    if (d.hasSynapse) {
      T *__restrict i = current.data<T>();
      const T *__restrict synDecay = d.synDecay.data();
      const T *__restrict synGain = d.synGain.data();
      for (int64_t k = 0; k < n; ++k)
        i[k] = synDecay[k] * i[k] + synGain[k] * x[k];
      drive = i;
    }
    T *__restrict vk = v.data<T>();
    const T *__restrict decay = d.decay.data();
    const T *__restrict gain = d.gain.data();
    const T *__restrict bias = d.bias.data();
    for (int64_t k = 0; k < n; ++k)
      vk[k] = decay[k] * vk[k] + gain[k] * drive[k] + bias[k];
  }

  Dynamics<T> d;
  const Slot *input;
  Slot ownVoltage;
  Slot &v;
  Slot current;
  std::vector<T> scratch;
};

template <typename T> class LIKernel : public PopulationKernel<T> {
public:
  LIKernel(Dynamics<T> dynamics, const Slot *input, Slot *output)
      : PopulationKernel<T>(std::move(dynamics), output->getKind(), input,
                            output, /*voltage=*/output) {}

  void step(int64_t) override { this->updateMembranes(this->inputs()); }
};

template <typename T> class LIFKernel : public PopulationKernel<T> {
public:
  LIFKernel(Dynamics<T> dynamics, DiscreteLIFOp op, ElementKind stateKind,
            const Slot *input, Slot *output)
      : PopulationKernel<T>(std::move(dynamics), stateKind, input, output),
        reset(op.getReset()), refractory(op.getRefractory()),
        adaptive(op.getAdaptDecay().has_value()),
        adaptation(stateKind, adaptive ? this->v.getSize() : 0),
        refractoryLeft(this->v.getSize(), 0) {
    int64_t n = this->v.getSize();
    threshold = expand<T>(op.getVThreshold(), n, 0);
    vReset = expand<T>(op.getVReset(), n, 0);
    adaptDecay = expand<T>(op.getAdaptDecay(), n, 0);
    adaptGain = expand<T>(op.getAdaptGain(), n, 0);
  }

  void step(int64_t) override {
    int64_t n = this->v.getSize();
    uint8_t *spikes = this->output->template data<uint8_t>();
    T *v = this->v.template data<T>();
    T *a = adaptive ? adaptation.template data<T>() : nullptr;
    // Integrate every neuron in one vectorizable pass; a refractory
    // neuron's result is overwritten with v_reset below, as if skipped.
    this->updateMembranes(this->inputs());
    // Compare every neuron (vectorizable), then visit the few that fired
    // or are refractory.
    const T *__restrict th = threshold.data();
    const int32_t *__restrict left = refractoryLeft.data();
    if (a) {
      for (int64_t k = 0; k < n; ++k)
        spikes[k] = (v[k] > th[k] + a[k]) & (left[k] == 0);
    } else {
      for (int64_t k = 0; k < n; ++k)
        spikes[k] = (v[k] > th[k]) & (left[k] == 0);
    }
    for (int64_t k = 0; k < n; ++k) {
      if (refractoryLeft[k] > 0) {
        --refractoryLeft[k];
        v[k] = vReset[k];
      } else if (spikes[k]) {
        if (reset == ResetMode::ToValue)
          v[k] = vReset[k];
        else if (reset == ResetMode::Subtract)
          v[k] = v[k] - (a ? threshold[k] + a[k] : threshold[k]);
        refractoryLeft[k] = int32_t(refractory);
      }
    }
    if (a)
      for (int64_t k = 0; k < n; ++k)
        a[k] = adaptDecay[k] * a[k] + adaptGain[k] * T(spikes[k]);
  }

  std::vector<std::pair<std::string, const Slot *>> variables() const override {
    auto vars = PopulationKernel<T>::variables();
    if (adaptive)
      vars.emplace_back("a", &adaptation);
    return vars;
  }

private:
  ResetMode reset;
  uint64_t refractory;
  bool adaptive;
  Slot adaptation;
  std::vector<int32_t> refractoryLeft;
  std::vector<T> threshold, vReset, adaptDecay, adaptGain;
};

/// The numeric type a population's state is kept in: its input's float
/// type, or f32 when it is driven by spikes directly.
ElementKind stateKindOf(const Slot *input, Slot *output) {
  if (output->getKind() != ElementKind::Spike)
    return output->getKind();
  return input->getKind() == ElementKind::Spike ? ElementKind::F32
                                                : input->getKind();
}

template <typename T>
std::unique_ptr<Kernel> create(Operation *op, const Slot *input, Slot *output,
                               ElementKind stateKind) {
  int64_t n = output->getSize();
  if (auto li = dyn_cast<DiscreteLIOp>(op))
    return std::make_unique<LIKernel<T>>(readDynamics<T>(li, n), input,
                                         output);
  auto lif = cast<DiscreteLIFOp>(op);
  return std::make_unique<LIFKernel<T>>(readDynamics<T>(lif, n), lif,
                                        stateKind, input, output);
}

} // namespace

std::unique_ptr<Kernel> createNeuronKernel(Operation *op,
                                           ArrayRef<const Slot *> inputs,
                                           Slot *output) {
  if (!isa<DiscreteLIOp, DiscreteLIFOp>(op))
    return nullptr;
  ElementKind stateKind = stateKindOf(inputs[0], output);
  if (stateKind == ElementKind::F64)
    return create<double>(op, inputs[0], output, stateKind);
  return create<float>(op, inputs[0], output, stateKind);
}

} // namespace snc::runtime
