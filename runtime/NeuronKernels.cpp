//===- NeuronKernels.cpp - discrete neuron populations --------------------===//
//
// The per-step update of snn.discrete_li and snn.discrete_lif, in the order
// docs/semantics.md fixes. State is kept in the population's numeric type.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SNNOps.h"
#include "runtime/Kernel.h"
#include "runtime/NeuronModeConversion.h"
#include "runtime/VectorClones.h"
#include "runtime/neuron/FixedPoint.h"
#include "runtime/neuron/IntegerNeuron.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snc::snn;

namespace snc::runtime {
namespace {

template <typename T>
std::vector<T> expand(std::optional<ElementsAttr> attr, int64_t n,
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
  bool previousCurrent = false; // the membrane integrates last step's i
  std::vector<T> synDecay, synGain;
  std::vector<T> vInit;
};

template <typename T, typename Op> Dynamics<T> readDynamics(Op op, int64_t n) {
  Dynamics<T> d;
  d.decay = expand<T>(op.getDecay(), n, 0);
  d.gain = expand<T>(op.getGain(), n, 0);
  d.bias = expand<T>(op.getBias(), n, 0);
  d.hasSynapse = op.getSynDecay().has_value();
  d.previousCurrent = op.getCurrentTiming() == CurrentTiming::PreviousStep;
  d.synDecay = expand<T>(op.getSynDecay(), n, 0);
  d.synGain = expand<T>(op.getSynGain(), n, 0);
  d.vInit = expand<T>(op.getVInit(), n, 0);
  return d;
}

/// Whether and when the membrane reads a synaptic current.
enum class Synapse { None, SameStep, PreviousStep };

/// What one step of a float population reads and writes, as raw arrays
/// (absent stages: null).
template <typename T> struct PopulationArrays {
  const T *x; // this step's input
  T *v, *i, *a;
  // Steps of refractoriness left, in 8 bits when the population's
  // refractory period fits (a quarter of the memory traffic), else 32.
  int8_t *refractoryLeft8;
  int32_t *refractoryLeft32;
  uint8_t *spikes;
  const T *decay, *gain, *bias, *synDecay, *synGain;
  const T *threshold, *vReset, *adaptDecay, *adaptGain;
  int32_t refractory;
};

/// One parameter as a population's loop reads it: when the population is
/// Uniform, its one value, loaded before the loop and kept in a register;
/// else one value per neuron.
template <typename T, bool Uniform> struct Param {
  explicit Param(const T *values) : values(values) {}
  T operator[](int64_t k) const { return values[k]; }
  const T *values;
};
template <typename T> struct Param<T, true> {
  explicit Param(const T *values) : value(values ? values[0] : T(0)) {}
  T operator[](int64_t) const { return value; }
  T value;
};

template <typename T, bool U> struct Coefficients {
  explicit Coefficients(const PopulationArrays<T> &p)
      : decay(p.decay), gain(p.gain), bias(p.bias), synDecay(p.synDecay),
        synGain(p.synGain), threshold(p.threshold), vReset(p.vReset),
        adaptDecay(p.adaptDecay), adaptGain(p.adaptGain) {}
  Param<T, U> decay, gain, bias, synDecay, synGain, threshold, vReset,
      adaptDecay, adaptGain;
};

/// Neuron k's synaptic current (if any) and integrated membrane, exactly as
/// docs/semantics.md orders the arithmetic: the membrane reads the current
/// from before (previous step) or after (same step) this step's update.
template <typename T, Synapse S, bool U>
inline T integrateNeuron(const PopulationArrays<T> &p,
                         const Coefficients<T, U> &c, int64_t k) {
  T drive = p.x[k];
  if constexpr (S != Synapse::None) {
    T previous = p.i[k];
    T current = c.synDecay[k] * previous + c.synGain[k] * p.x[k];
    p.i[k] = current;
    drive = S == Synapse::PreviousStep ? previous : current;
  }
  return c.decay[k] * p.v[k] + c.gain[k] * drive + c.bias[k];
}

/// One step of n leaky integrators (discrete_li).
template <typename T, Synapse S, bool U>
SNC_VECTOR_CLONES void stepIntegrators(const PopulationArrays<T> &arrays,
                                       int64_t n) {
  PopulationArrays<T> p = arrays; // a local copy: its fields in registers
  Coefficients<T, U> c(p);
  SNC_IVDEP
  for (int64_t k = 0; k < n; ++k)
    p.v[k] = integrateNeuron<T, S, U>(p, c, k);
}

/// One step of n spiking neurons (discrete_lif), one branch-free pass the
/// compiler vectorizes. A refractory neuron's membrane is integrated and
/// then replaced by v_reset, as if skipped; the adaptation still decays.
template <typename T, Synapse S, bool U, snn::ResetMode R, bool Adaptive,
          typename Counter>
SNC_VECTOR_CLONES void stepSpikingNeurons(const PopulationArrays<T> &arrays,
                                          int64_t n) {
  PopulationArrays<T> p = arrays; // a local copy: its fields in registers
  Coefficients<T, U> c(p);
  Counter *refractoryLeft;
  if constexpr (std::is_same_v<Counter, int8_t>)
    refractoryLeft = p.refractoryLeft8;
  else
    refractoryLeft = p.refractoryLeft32;
  Counter refractory = Counter(p.refractory);
  SNC_IVDEP
  for (int64_t k = 0; k < n; ++k) {
    T v = integrateNeuron<T, S, U>(p, c, k);
    Counter left = refractoryLeft[k];
    T threshold = c.threshold[k], vReset = c.vReset[k];
    T theta = Adaptive ? threshold + p.a[k] : threshold;
    bool fire = (v > theta) & (left == 0);
    T afterSpike = R == snn::ResetMode::ToValue    ? vReset
                   : R == snn::ResetMode::Subtract ? v - theta
                                                   : v;
    p.v[k] = left > 0 ? vReset : fire ? afterSpike : v;
    refractoryLeft[k] = left > 0 ? Counter(left - 1) : fire ? refractory : left;
    p.spikes[k] = fire;
    if constexpr (Adaptive)
      p.a[k] = c.adaptDecay[k] * p.a[k] + c.adaptGain[k] * T(fire);
  }
}

/// The step function for a population's modes, chosen once.
template <typename T>
using PopulationStep = void (*)(const PopulationArrays<T> &, int64_t);

/// The modes a population's step function is specialised for, besides
/// synapse timing and uniform parameters.
struct SpikingModes {
  bool spiking = false;
  snn::ResetMode reset = snn::ResetMode::None;
  bool adaptive = false;
  bool narrowCounter = false; // refractoryLeft8
};

template <typename T, Synapse S, bool U, snn::ResetMode R, bool A>
PopulationStep<T> spikingStep(bool narrowCounter) {
  return narrowCounter ? stepSpikingNeurons<T, S, U, R, A, int8_t>
                       : stepSpikingNeurons<T, S, U, R, A, int32_t>;
}

template <typename T, Synapse S, bool U, snn::ResetMode R>
PopulationStep<T> spikingStep(SpikingModes m) {
  return m.adaptive ? spikingStep<T, S, U, R, true>(m.narrowCounter)
                    : spikingStep<T, S, U, R, false>(m.narrowCounter);
}

template <typename T, Synapse S, bool U>
PopulationStep<T> populationStep(SpikingModes m) {
  using snn::ResetMode;
  if (!m.spiking)
    return stepIntegrators<T, S, U>;
  switch (m.reset) {
  case ResetMode::ToValue:
    return spikingStep<T, S, U, ResetMode::ToValue>(m);
  case ResetMode::Subtract:
    return spikingStep<T, S, U, ResetMode::Subtract>(m);
  case ResetMode::None:
    break;
  }
  return spikingStep<T, S, U, ResetMode::None>(m);
}

template <typename T, bool U>
PopulationStep<T> populationStep(Synapse synapse, SpikingModes m) {
  switch (synapse) {
  case Synapse::None:
    return populationStep<T, Synapse::None, U>(m);
  case Synapse::SameStep:
    return populationStep<T, Synapse::SameStep, U>(m);
  case Synapse::PreviousStep:
    break;
  }
  return populationStep<T, Synapse::PreviousStep, U>(m);
}

/// The step function for a population with these parameters and modes.
template <typename T>
PopulationStep<T> populationStep(ArrayRef<const std::vector<T> *> params,
                                 const Dynamics<T> &d, SpikingModes modes) {
  Synapse synapse = !d.hasSynapse       ? Synapse::None
                    : d.previousCurrent ? Synapse::PreviousStep
                                        : Synapse::SameStep;
  bool uniform = llvm::all_of(params, [](const std::vector<T> *values) {
    return llvm::all_equal(*values);
  });
  return uniform ? populationStep<T, true>(synapse, modes)
                 : populationStep<T, false>(synapse, modes);
}

/// Membrane (and optional synaptic current) of one population; the spiking
/// kernel adds threshold, reset, refractoriness and adaptation.
template <typename T> class PopulationKernel : public ElementwiseKernel {
public:
  /// The membrane voltage lives in `voltage` when given (a leaky
  /// integrator's output is its voltage), else in a slot of its own.
  PopulationKernel(Dynamics<T> dynamics, ElementKind stateKind,
                   const Slot *input, Slot *output, Slot *voltage = nullptr)
      : ElementwiseKernel(output), d(std::move(dynamics)), input(input),
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

  bool canStepRanges() const override { return holds<T>(*input); }

protected:
  /// The per-neuron parameters of the membrane and synapse.
  SmallVector<const std::vector<T> *> parameters() const {
    return {&d.decay, &d.gain, &d.bias, &d.synDecay, &d.synGain};
  }

  /// This step's arrays from neuron `begin` on; the spiking kernel fills
  /// in its own. (Every parameter has one value per neuron.)
  PopulationArrays<T> arrays(int64_t begin) {
    PopulationArrays<T> p{};
    p.x = input->view<T>(scratch) + begin;
    p.v = v.data<T>() + begin;
    p.i = d.hasSynapse ? current.data<T>() + begin : nullptr;
    p.decay = d.decay.data() + begin;
    p.gain = d.gain.data() + begin;
    p.bias = d.bias.data() + begin;
    p.synDecay = d.synDecay.data() + begin;
    p.synGain = d.synGain.data() + begin;
    return p;
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
                            output, /*voltage=*/output),
        stepFunction(
            populationStep<T>(this->parameters(), this->d, SpikingModes())) {}

  void stepElements(int64_t, int64_t begin, int64_t end) override {
    stepFunction(this->arrays(begin), end - begin);
  }

private:
  PopulationStep<T> stepFunction;
};

template <typename T> class LIFKernel : public PopulationKernel<T> {
public:
  LIFKernel(Dynamics<T> dynamics, DiscreteLIFOp op, ElementKind stateKind,
            const Slot *input, Slot *output)
      : PopulationKernel<T>(std::move(dynamics), stateKind, input, output),
        refractory(op.getRefractory()),
        adaptive(op.getAdaptDecay().has_value()),
        adaptation(stateKind, adaptive ? this->v.getSize() : 0),
        narrowCounter(refractory <= uint64_t(INT8_MAX)),
        refractoryLeft8(narrowCounter ? this->v.getSize() : 0, 0),
        refractoryLeft32(narrowCounter ? 0 : this->v.getSize(), 0) {
    int64_t n = this->v.getSize();
    threshold = expand<T>(op.getVThreshold(), n, 0);
    vReset = expand<T>(op.getVReset(), n, 0);
    adaptDecay = expand<T>(op.getAdaptDecay(), n, 0);
    adaptGain = expand<T>(op.getAdaptGain(), n, 0);
    SmallVector<const std::vector<T> *> params = this->parameters();
    params.append({&threshold, &vReset, &adaptDecay, &adaptGain});
    SpikingModes modes;
    modes.spiking = true;
    modes.reset = op.getReset();
    modes.adaptive = adaptive;
    modes.narrowCounter = narrowCounter;
    stepFunction = populationStep<T>(params, this->d, modes);
  }

  void stepElements(int64_t, int64_t begin, int64_t end) override {
    PopulationArrays<T> p = this->arrays(begin);
    p.a = adaptive ? adaptation.template data<T>() + begin : nullptr;
    p.refractoryLeft8 =
        narrowCounter ? refractoryLeft8.data() + begin : nullptr;
    p.refractoryLeft32 =
        narrowCounter ? nullptr : refractoryLeft32.data() + begin;
    p.spikes = this->output->template data<uint8_t>() + begin;
    p.threshold = threshold.data() + begin;
    p.vReset = vReset.data() + begin;
    p.adaptDecay = adaptDecay.data() + begin;
    p.adaptGain = adaptGain.data() + begin;
    p.refractory = int32_t(refractory);
    stepFunction(p, end - begin);
  }

  std::vector<std::pair<std::string, const Slot *>> variables() const override {
    auto vars = PopulationKernel<T>::variables();
    if (adaptive)
      vars.emplace_back("a", &adaptation);
    return vars;
  }

private:
  uint64_t refractory;
  bool adaptive;
  Slot adaptation;
  bool narrowCounter;
  std::vector<int8_t> refractoryLeft8;
  std::vector<int32_t> refractoryLeft32;
  std::vector<T> threshold, vReset, adaptDecay, adaptGain;
  PopulationStep<T> stepFunction;
};

/// An integer population (docs/semantics.md, "Integer populations"): every
/// multiplier is fixed point with `frac_bits` fraction bits, every product
/// drops them as `rounding` says, every state saturates to `state_bits`.
class IntegerPopulationKernel : public ElementwiseKernel {
public:
  template <typename Op>
  IntegerPopulationKernel(Op op, unsigned stateBits, const Slot *input,
                          Slot *output)
      : ElementwiseKernel(output), input(input),
        v(ElementKind::Int, output->getSize(), stateBits),
        current(ElementKind::Int, output->getSize(), stateBits),
        adaptation(ElementKind::Int, output->getSize(), stateBits) {
    int64_t n = output->getSize();
    auto read = [&](std::optional<ElementsAttr> attr) {
      return expand<int64_t>(attr, n, 0);
    };
    format.stateBits = stateBits;
    format.fracBits = unsigned(op.getFracBits().value_or(0));
    format.rounding =
        fromDialect(op.getRounding().value_or(snn::Rounding::Floor));
    format.hasSynapse = op.getSynDecay().has_value();
    format.previousCurrent =
        op.getCurrentTiming() == CurrentTiming::PreviousStep;
    params.decay = read(op.getDecay());
    params.gain = read(op.getGain());
    params.bias = read(op.getBias());
    params.synDecay = read(op.getSynDecay());
    params.synGain = read(op.getSynGain());
    params.vInit = read(op.getVInit());
    if constexpr (std::is_same_v<Op, DiscreteLIFOp>) {
      format.spiking = true;
      format.reset = fromDialect(op.getReset());
      format.refractory = int64_t(op.getRefractory());
      format.adaptive = op.getAdaptDecay().has_value();
      params.threshold = read(op.getVThreshold());
      params.vReset = read(op.getVReset());
      params.adaptDecay = read(op.getAdaptDecay());
      params.adaptGain = read(op.getAdaptGain());
    }
    refractoryLeft.assign(n, 0);
    for (int64_t k = 0; k < n; ++k)
      v.data<int64_t>()[k] = initialIntegerNeuron(format, params, k).v;
  }

  bool canStepRanges() const override { return holds<int64_t>(*input); }

  void stepElements(int64_t, int64_t begin, int64_t end) override {
    const int64_t *x = input->view<int64_t>(scratch);
    int64_t *vk = v.data<int64_t>(), *i = current.data<int64_t>(),
            *a = adaptation.data<int64_t>();
    for (int64_t k = begin; k < end; ++k) {
      IntegerNeuronState state{vk[k], i[k], a[k], refractoryLeft[k]};
      bool spike = stepIntegerNeuron(format, params, k, state, x[k]);
      vk[k] = state.v;
      i[k] = state.i;
      a[k] = state.a;
      refractoryLeft[k] = state.refractoryLeft;
      if (format.spiking)
        output->data<uint8_t>()[k] = spike;
      else
        output->data<int64_t>()[k] = vk[k];
    }
  }

  std::vector<std::pair<std::string, const Slot *>> variables() const override {
    std::vector<std::pair<std::string, const Slot *>> vars{{"v", &v}};
    if (format.hasSynapse)
      vars.emplace_back("i", &current);
    if (format.adaptive)
      vars.emplace_back("a", &adaptation);
    return vars;
  }

private:
  const Slot *input;
  IntegerNeuronFormat format;
  IntegerNeuronParams params;
  Slot v, current, adaptation;
  std::vector<int64_t> refractoryLeft, scratch;
};

unsigned widthOf(Type type) {
  return cast<ShapedType>(type).getElementTypeBitWidth();
}

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
    return std::make_unique<LIKernel<T>>(readDynamics<T>(li, n), input, output);
  auto lif = cast<DiscreteLIFOp>(op);
  return std::make_unique<LIFKernel<T>>(readDynamics<T>(lif, n), lif, stateKind,
                                        input, output);
}

} // namespace

std::unique_ptr<Kernel>
createNeuronKernel(Operation *op, ArrayRef<const Slot *> inputs, Slot *output) {
  if (!isa<DiscreteLIOp, DiscreteLIFOp>(op))
    return nullptr;
  if (auto li = dyn_cast<DiscreteLIOp>(op);
      li && output->getKind() == ElementKind::Int)
    return std::make_unique<IntegerPopulationKernel>(
        li, unsigned(li.getStateBits().value_or(widthOf(li.getType()))),
        inputs[0], output);
  if (auto lif = dyn_cast<DiscreteLIFOp>(op); lif && lif.isInteger())
    return std::make_unique<IntegerPopulationKernel>(
        lif,
        unsigned(
            lif.getStateBits().value_or(widthOf(lif.getInput().getType()))),
        inputs[0], output);
  ElementKind stateKind = stateKindOf(inputs[0], output);
  if (stateKind == ElementKind::F64)
    return create<double>(op, inputs[0], output, stateKind);
  return create<float>(op, inputs[0], output, stateKind);
}

} // namespace snc::runtime
