//===- ExtractManycore.cpp - quantized snn IR to the many-core form -------===//
//
// Every value between populations is a linear form of the spikes of
// populations: per element, a constant plus terms (source population,
// neuron, delay, weight). Integer products and sums are exact, so composing
// the ops is exact as long as no intermediate value saturates, which is
// checked from the worst case (every source spiking).
//
//===----------------------------------------------------------------------===//

#include "passes/ExtractManycore.h"

#include "dialects/snn/Params.h"
#include "dialects/snn/SynapseArrays.h"
#include "runtime/NeuronModeConversion.h"
#include "runtime/Schedule.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"

#include <algorithm>
#include <atomic>
#include <climits>
#include <memory>

using namespace mlir;
using namespace snc;
using namespace snc::snn;

namespace {

/// weight * (spikes of neuron `pre` of `population`, `delay` steps ago).
struct Term {
  int64_t weight;
  int64_t delay;
  int32_t population;
  int32_t pre;
};

/// A value as a linear form of spikes, per element a constant and its
/// terms; the terms of all elements sit in one array (element k's are
/// terms[begin[k], begin[k + 1])), canonical: sorted by (population, pre,
/// delay), each once, none of weight 0.
struct LinearForm {
  std::vector<int64_t> offset;
  std::vector<size_t> begin{0};
  std::vector<Term> terms;

  int64_t size() const { return int64_t(offset.size()); }
  ArrayRef<Term> termsOf(int64_t k) const {
    return ArrayRef<Term>(terms).slice(begin[size_t(k)],
                                       begin[size_t(k) + 1] - begin[size_t(k)]);
  }
};

/// An operand's form as an op reads it: `extraDelay` is 1 on a back-edge
/// (the op reads the producer's previous step).
struct FormRef {
  const LinearForm *form;
  int64_t extraDelay;
};

/// Builds a LinearForm of `n` elements from contributions out[o] += w *
/// in[i], made twice by the caller: the first round counts each element's
/// terms, the second places them, so the terms take one exactly sized
/// array and no element has a vector of its own.
class FormBuilder {
public:
  explicit FormBuilder(int64_t n) : counts(size_t(n) + 1, 0) {
    out.offset.assign(size_t(n), 0);
  }
  int64_t size() const { return out.size(); }

  /// out[o] += weight * in[i], in's terms delayed by `delay` more steps.
  void add(int64_t o, FormRef in, int64_t i, int64_t weight, int64_t delay) {
    if (weight == 0)
      return;
    ArrayRef<Term> terms = in.form->termsOf(i);
    if (counting) {
      counts[size_t(o) + 1] += terms.size();
      return;
    }
    out.offset[size_t(o)] += weight * in.form->offset[size_t(i)];
    size_t &at = next[size_t(o)];
    for (Term term : terms) {
      term.weight *= weight;
      term.delay += delay + in.extraDelay;
      out.terms[at++] = term;
    }
  }
  /// out[o] += value (biases); counted in the second round only.
  void addOffset(int64_t o, int64_t value) {
    if (!counting)
      out.offset[size_t(o)] += value;
  }
  /// Ends the counting round.
  void place() {
    counting = false;
    for (size_t k = 1; k < counts.size(); ++k)
      counts[k] += counts[k - 1];
    out.terms.resize(counts.back());
    next.assign(counts.begin(), counts.end() - 1);
    out.begin = std::move(counts);
  }
  /// The form, canonical: each element's terms sorted, terms of equal
  /// (population, pre, delay) summed, zero weights dropped.
  LinearForm finish() {
    std::vector<Term> &terms = out.terms;
    size_t kept = 0;
    for (size_t k = 0; k + 1 < out.begin.size(); ++k) {
      size_t from = out.begin[k], to = out.begin[k + 1];
      out.begin[k] = kept;
      std::sort(terms.begin() + long(from), terms.begin() + long(to),
                [](const Term &a, const Term &b) {
                  return std::tie(a.population, a.pre, a.delay) <
                         std::tie(b.population, b.pre, b.delay);
                });
      for (size_t i = from; i < to;) {
        Term sum = terms[i];
        size_t j = i + 1;
        for (; j < to && terms[j].population == sum.population &&
               terms[j].pre == sum.pre && terms[j].delay == sum.delay;
             ++j)
          sum.weight += terms[j].weight;
        if (sum.weight != 0)
          terms[kept++] = sum;
        i = j;
      }
    }
    out.begin.back() = kept;
    terms.resize(kept);
    // Merged terms leave slack; give it back when it is worth a copy.
    if (terms.capacity() - kept > kept / 8)
      terms.shrink_to_fit();
    next = {};
    return std::move(out);
  }

private:
  LinearForm out;
  std::vector<size_t> counts; // per element + 1, then the prefix sums
  std::vector<size_t> next;   // where element k's next term goes
  bool counting = true;
};

StringRef nameOf(Operation *op) {
  if (auto name = op->getAttrOfType<StringAttr>("name"))
    return name.getValue();
  return op->getName().stripDialect();
}

bool isIntegerOrSpike(Type type) {
  return isa<IntegerType>(cast<ShapedType>(type).getElementType());
}

unsigned widthOf(Type type) {
  return cast<ShapedType>(type).getElementTypeBitWidth();
}

std::vector<int64_t> intParam(Attribute attr, int64_t n, int64_t fallback) {
  if (!attr)
    return std::vector<int64_t>(size_t(n), fallback);
  std::vector<double> values = paramValues(attr, n);
  return std::vector<int64_t>(values.begin(), values.end());
}

class Extractor {
public:
  explicit Extractor(NetworkOp network) : network(network) {}
  FailureOr<manycore::Network> run();

private:
  LogicalResult addPopulations();
  LogicalResult checkSize(Operation *op, StringRef name, int64_t size);
  FailureOr<const LinearForm *> formOf(Value value);
  FailureOr<LinearForm> compute(Operation *op);
  FailureOr<FormRef> operandForm(Operation *op, unsigned index);
  void release(Value value);
  LogicalResult checkNoSaturation(Operation *op, const LinearForm &form);
  LogicalResult addProjections(Operation *op, int target, FormRef drive);

  NetworkOp network;
  runtime::Schedule schedule;
  manycore::Network result;
  llvm::DenseMap<Value, int> populationOf; // population outputs
  std::vector<Operation *> populationOps;  // null for inputs
  /// The forms computed and not yet read by all their readers (the ops
  /// using the value, the network's output aside); a form is freed after
  /// its last read, so intermediate forms do not outlive the drive they
  /// make up, and the network's synapses are not held twice.
  struct CachedForm {
    std::unique_ptr<LinearForm> form; // stable while the map grows
    unsigned readsLeft = 0;
  };
  llvm::DenseMap<Value, CachedForm> forms;
  /// addProjections' scratch, per source population: the synapse count of
  /// each source neuron, then where its next synapse goes.
  std::vector<std::vector<size_t>> rowStart;
};

//===----------------------------------------------------------------------===//
// Populations
//===----------------------------------------------------------------------===//

LogicalResult Extractor::addPopulations() {
  Block *body = network.getBodyBlock();
  for (BlockArgument arg : body->getArguments()) {
    StringRef name =
        cast<StringAttr>(network.getInputNames()[arg.getArgNumber()])
            .getValue();
    if (!cast<ShapedType>(arg.getType()).getElementType().isInteger(1))
      return network.emitError()
             << "many-core targets take spike inputs, but network input '"
             << name << "' is " << arg.getType()
             << " (quantize with a 0/1 calibration input, or give spikes)";
    manycore::Population input;
    input.name = name.str();
    input.size = numElements(arg.getType());
    if (failed(checkSize(network, name, input.size)))
      return failure();
    input.isInput = true;
    input.inputIndex = int(arg.getArgNumber());
    populationOf[arg] = int(result.populations.size());
    populationOps.push_back(nullptr);
    result.updateOrder.push_back(int(result.populations.size()));
    result.populations.push_back(std::move(input));
  }
  for (Operation *op : schedule.order) {
    if (!isa<PopulationOpInterface>(op))
      continue;
    Type inType = op->getOperand(0).getType();
    Type outType = op->getResult(0).getType();
    bool integer = isIntegerOrSpike(inType) && isIntegerOrSpike(outType);
    if (auto lif = dyn_cast<DiscreteLIFOp>(op))
      integer = lif.isInteger();
    if (!integer)
      return op->emitError() << "'" << nameOf(op)
                             << "' computes in floating point; many-core "
                                "targets run integers (run snn-quantize first)";
    manycore::Population population;
    population.name = nameOf(op).str();
    population.size = numElements(outType);
    if (failed(checkSize(op, population.name, population.size)))
      return failure();
    int64_t n = population.size;
    unsigned inBits = widthOf(inType);
    population.driveBits = inBits == 1 ? 64 : inBits;
    runtime::IntegerNeuronFormat &f = population.format;
    runtime::IntegerNeuronParams &p = population.params;
    auto read = [&](StringRef attr, int64_t fallback) {
      return intParam(op->getAttr(attr), n, fallback);
    };
    if (auto threshold = dyn_cast<ThresholdOp>(op)) {
      // y = x > t is a memoryless neuron: v = x, spike iff v > t.
      f.stateBits = 64;
      f.spiking = true;
      p.decay = std::vector<int64_t>(size_t(n), 0);
      p.gain = std::vector<int64_t>(size_t(n), 1);
      p.bias = p.vReset = std::vector<int64_t>(size_t(n), 0);
      p.threshold = read("threshold", 0);
    } else {
      auto stateBits = op->getAttrOfType<IntegerAttr>("state_bits");
      f.stateBits = stateBits
                        ? unsigned(stateBits.getInt())
                        : widthOf(isa<DiscreteLIOp>(op) ? outType : inType);
      if (auto frac = op->getAttrOfType<IntegerAttr>("frac_bits"))
        f.fracBits = unsigned(frac.getInt());
      if (auto rounding = op->getAttrOfType<RoundingAttr>("rounding"))
        f.rounding = runtime::fromDialect(rounding.getValue());
      f.hasSynapse = op->hasAttr("syn_decay");
      if (auto timing = op->getAttrOfType<CurrentTimingAttr>("current_timing"))
        f.previousCurrent = timing.getValue() == CurrentTiming::PreviousStep;
      p.decay = read("decay", 0);
      p.gain = read("gain", 0);
      p.bias = read("bias", 0);
      p.synDecay = read("syn_decay", 0);
      p.synGain = read("syn_gain", 0);
      p.vInit = read("v_init", 0);
      if (auto lif = dyn_cast<DiscreteLIFOp>(op)) {
        f.spiking = true;
        f.reset = runtime::fromDialect(lif.getReset());
        f.refractory = int64_t(lif.getRefractory());
        f.adaptive = lif.getAdaptDecay().has_value();
        p.threshold = read("v_threshold", 0);
        p.vReset = read("v_reset", 0);
        p.adaptDecay = read("adapt_decay", 0);
        p.adaptGain = read("adapt_gain", 0);
      }
    }
    populationOf[op->getResult(0)] = int(result.populations.size());
    populationOps.push_back(op);
    result.updateOrder.push_back(int(result.populations.size()));
    result.populations.push_back(std::move(population));
  }
  return success();
}

/// Synapses name neurons with 32-bit indices.
LogicalResult Extractor::checkSize(Operation *op, StringRef name,
                                   int64_t size) {
  if (size <= INT32_MAX)
    return success();
  return op->emitError() << "'" << name << "' has " << size
                         << " neurons; the many-core form indexes at most "
                         << INT32_MAX << " per population";
}

//===----------------------------------------------------------------------===//
// Linear forms
//===----------------------------------------------------------------------===//

FailureOr<const LinearForm *> Extractor::formOf(Value value) {
  if (auto it = forms.find(value); it != forms.end())
    return it->second.form.get();
  auto form = std::make_unique<LinearForm>();
  if (auto it = populationOf.find(value); it != populationOf.end()) {
    const manycore::Population &population =
        result.populations[size_t(it->second)];
    if (!population.isInput && !population.format.spiking) {
      Operation *op = value.getDefiningOp();
      return op->emitError()
             << "the membrane values of '" << nameOf(op)
             << "' feed other ops; many-core cores exchange spikes only";
    }
    form->offset.assign(size_t(population.size), 0);
    form->begin.resize(size_t(population.size) + 1);
    form->terms.resize(size_t(population.size));
    for (int64_t k = 0; k < population.size; ++k) {
      form->begin[size_t(k) + 1] = size_t(k) + 1;
      form->terms[size_t(k)] = {1, 0, it->second, int32_t(k)};
    }
  } else {
    FailureOr<LinearForm> computed = compute(value.getDefiningOp());
    if (failed(computed))
      return failure();
    *form = std::move(*computed);
  }
  CachedForm &cached = forms[value];
  for (OpOperand &use : value.getUses())
    cached.readsLeft += !isa<OutputOp>(use.getOwner());
  cached.form = std::move(form);
  return cached.form.get();
}

/// The form of operand `index` of `op`, one step later when the operand is
/// a back-edge (it reads the producer's previous step).
FailureOr<FormRef> Extractor::operandForm(Operation *op, unsigned index) {
  FailureOr<const LinearForm *> form = formOf(op->getOperand(index));
  if (failed(form))
    return failure();
  FormRef ref{*form, 0};
  if (schedule.backEdges.contains({op, index})) {
    for (int64_t offset : ref.form->offset)
      if (offset != 0)
        return op->emitError()
               << "a constant (bias) reaches '" << nameOf(op)
               << "' through a recurrent edge, which is zero at the first "
                  "step; many-core targets cannot express that";
    ref.extraDelay = 1;
  }
  return ref;
}

/// One read of `value`'s form is done; the last frees it.
void Extractor::release(Value value) {
  auto it = forms.find(value);
  if (it != forms.end() && --it->second.readsLeft == 0)
    forms.erase(it);
}

LogicalResult Extractor::checkNoSaturation(Operation *op,
                                           const LinearForm &form) {
  unsigned bits = widthOf(op->getResult(0).getType());
  // A spike map (i1) reshaped or delayed stays 0/1: nothing saturates.
  if (bits >= 64 || bits == 1)
    return success();
  __int128 limit = (__int128(1) << (bits - 1)) - 1;
  for (int64_t k = 0; k < form.size(); ++k) {
    __int128 bound = form.offset[size_t(k)] < 0
                         ? -__int128(form.offset[size_t(k)])
                         : form.offset[size_t(k)];
    for (const Term &term : form.termsOf(k))
      bound += term.weight < 0 ? -__int128(term.weight) : term.weight;
    if (bound > limit)
      return op->emitError()
             << "'" << nameOf(op) << "' element " << k << " can reach "
             << int64_t(bound) << ", beyond i" << bits
             << ", where the interpreter saturates; the many-core form "
                "would not";
  }
  return success();
}

/// Runs `contribute` for the builder's counting round, then again to place
/// the terms.
template <typename Contribute>
void inTwoRounds(FormBuilder &out, Contribute contribute) {
  contribute();
  out.place();
  contribute();
}

ArrayRef<int64_t> shapeOf(Value value) {
  return cast<ShapedType>(value.getType()).getShape();
}

/// affine / linear: out = W in (+ b).
template <typename Op>
void composeDense(Op dense, FormRef in, FormBuilder &out) {
  int64_t n = out.size(), nIn = in.form->size();
  std::vector<int64_t> w = intParam(dense.getWeight(), n * nIn, 0);
  std::vector<int64_t> b;
  if (auto affine = dyn_cast<AffineOp>(dense.getOperation()))
    b = intParam(affine.getBias(), n, 0);
  inTwoRounds(out, [&] {
    for (int64_t o = 0; o < n; ++o)
      for (int64_t i = 0; i < nIn; ++i)
        out.add(o, in, i, w[size_t(o * nIn + i)], 0);
    for (size_t o = 0; o < b.size(); ++o)
      out.addOffset(int64_t(o), b[o]);
  });
}

/// sparse_projection: each CSR synapse, with its delay.
void composeSparse(SparseProjectionOp sparse, FormRef in, FormBuilder &out) {
  IndexArray rowPtr = IndexArray::get(sparse.getRowPtr());
  IndexArray targets = IndexArray::get(sparse.getTargets());
  WeightArray w = WeightArray::get(sparse.getWeights());
  std::optional<Attribute> delaysAttr = sparse.getDelays();
  IndexArray delays = delaysAttr ? IndexArray::get(*delaysAttr) : IndexArray();
  inTwoRounds(out, [&] {
    for (int64_t s = 0; s + 1 < rowPtr.size(); ++s)
      for (int64_t k = rowPtr[s]; k < rowPtr[s + 1]; ++k)
        out.add(targets[k], in, s, int64_t(w.at(k)),
                delaysAttr ? delays[k] : 0);
  });
}

/// conv1d / conv2d as docs/kernels.md states them (a 1-D convolution is a
/// 2-D one of height 1).
template <typename Op> void composeConv(Op conv, FormRef in, FormBuilder &out) {
  ArrayRef<int64_t> inShape = shapeOf(conv.getInput());
  ArrayRef<int64_t> outShape = shapeOf(conv.getOutput());
  auto wShape = cast<ShapedType>(conv.getWeight().getType()).getShape();
  bool twoD = inShape.size() == 3;
  int64_t cin = inShape[0], h = twoD ? inShape[1] : 1, wd = inShape.back();
  int64_t cout = outShape[0], ho = twoD ? outShape[1] : 1, wo = outShape.back();
  int64_t kh = twoD ? wShape[2] : 1, kw = wShape.back();
  ArrayRef<int64_t> stride = conv.getStride(), padding = conv.getPadding(),
                    dilation = conv.getDilation();
  int64_t sh = twoD ? stride[0] : 1, sw = stride.back();
  int64_t ph = twoD ? padding[0] : 0, pw = padding.back();
  int64_t dh = twoD ? dilation[0] : 1, dw = dilation.back();
  int64_t groups = int64_t(conv.getGroups());
  int64_t cinPerGroup = cin / groups, coutPerGroup = cout / groups;
  std::vector<int64_t> w =
      intParam(conv.getWeight(), cout * cinPerGroup * kh * kw, 0);
  std::vector<int64_t> b =
      intParam(conv.getBias().value_or(ElementsAttr()), cout, 0);
  inTwoRounds(out, [&] {
    for (int64_t co = 0; co < cout; ++co) {
      int64_t group = co / coutPerGroup;
      for (int64_t oy = 0; oy < ho; ++oy)
        for (int64_t ox = 0; ox < wo; ++ox) {
          int64_t o = (co * ho + oy) * wo + ox;
          out.addOffset(o, b[size_t(co)]);
          for (int64_t c = 0; c < cinPerGroup; ++c)
            for (int64_t ky = 0; ky < kh; ++ky)
              for (int64_t kx = 0; kx < kw; ++kx) {
                int64_t iy = oy * sh - ph + ky * dh;
                int64_t ix = ox * sw - pw + kx * dw;
                if (iy < 0 || iy >= h || ix < 0 || ix >= wd)
                  continue;
                int64_t ci = group * cinPerGroup + c;
                int64_t weight =
                    w[size_t(((co * cinPerGroup + c) * kh + ky) * kw + kx)];
                out.add(o, in, (ci * h + iy) * wd + ix, weight, 0);
              }
        }
    }
  });
}

/// sum_pool2d: each output sums its window (padding adds nothing).
void composeSumPool(SumPool2dOp pool, FormRef in, FormBuilder &out) {
  ArrayRef<int64_t> inShape = shapeOf(pool.getInput());
  ArrayRef<int64_t> outShape = shapeOf(pool.getOutput());
  ArrayRef<int64_t> k = pool.getKernelSize(), s = pool.getStride(),
                    p = pool.getPadding();
  inTwoRounds(out, [&] {
    for (int64_t c = 0; c < outShape[0]; ++c)
      for (int64_t oy = 0; oy < outShape[1]; ++oy)
        for (int64_t ox = 0; ox < outShape[2]; ++ox)
          for (int64_t ky = 0; ky < k[0]; ++ky)
            for (int64_t kx = 0; kx < k[1]; ++kx) {
              int64_t iy = oy * s[0] - p[0] + ky, ix = ox * s[1] - p[1] + kx;
              if (iy < 0 || iy >= inShape[1] || ix < 0 || ix >= inShape[2])
                continue;
              out.add((c * outShape[1] + oy) * outShape[2] + ox, in,
                      (c * inShape[1] + iy) * inShape[2] + ix, 1, 0);
            }
  });
}

/// add and flatten: out[k] = sum of the operands' element k.
void composeSum(ArrayRef<FormRef> ins, FormBuilder &out) {
  inTwoRounds(out, [&] {
    for (FormRef in : ins)
      for (int64_t k = 0; k < out.size(); ++k)
        out.add(k, in, k, 1, 0);
  });
}

FailureOr<LinearForm> Extractor::compute(Operation *op) {
  if (isa<DelayOp>(op))
    return op->emitError() << "'" << nameOf(op)
                           << "' is a delay op; run snn-lower-delays first so "
                              "delays are synapse delays";
  if (isa<AttentionOp>(op))
    return op->emitError() << "'" << nameOf(op)
                           << "' is an attention op; run snn-lower-attention "
                              "first so it is neurons and synapses";
  if (!op->hasTrait<snn::LinearMap>())
    return op->emitError() << "many-core targets cannot run '" << nameOf(op)
                           << "' (" << op->getName() << ")";

  // Add reads all its operands, every other linear op its input.
  unsigned reads = isa<AddOp>(op) ? op->getNumOperands() : 1;
  SmallVector<FormRef> ins;
  for (unsigned i = 0; i < reads; ++i) {
    FailureOr<FormRef> in = operandForm(op, i);
    if (failed(in))
      return failure();
    ins.push_back(*in);
  }
  FormBuilder builder(numElements(op->getResult(0).getType()));
  bool composed = true;
  llvm::TypeSwitch<Operation *>(op)
      .Case<AffineOp, LinearOp>(
          [&](auto dense) { composeDense(dense, ins[0], builder); })
      .Case([&](SparseProjectionOp sparse) {
        composeSparse(sparse, ins[0], builder);
      })
      .Case<Conv1dOp, Conv2dOp>(
          [&](auto conv) { composeConv(conv, ins[0], builder); })
      .Case([&](SumPool2dOp pool) { composeSumPool(pool, ins[0], builder); })
      .Case<AddOp, FlattenOp>([&](Operation *) { composeSum(ins, builder); })
      .Default([&](Operation *) { composed = false; });
  if (!composed)
    return op->emitError() << "the many-core form has no composition for '"
                           << nameOf(op) << "' (" << op->getName() << ")";
  for (unsigned i = 0; i < reads; ++i)
    release(op->getOperand(i));
  LinearForm out = builder.finish();
  if (failed(checkNoSaturation(op, out)))
    return failure();
  return out;
}

/// The synapses of `drive` (the form of population `target`'s input), one
/// projection per source population in ascending source order, each
/// sorted by (pre, post, delay): a counting sort by pre keeps the order in
/// which they come, post ascending and, per post, delay ascending.
LogicalResult Extractor::addProjections(Operation *op, int target,
                                        FormRef drive) {
  const LinearForm &form = *drive.form;
  rowStart.resize(result.populations.size());
  for (const Term &term : form.terms) {
    std::vector<size_t> &start = rowStart[size_t(term.population)];
    if (start.empty())
      start.assign(size_t(result.populations[size_t(term.population)].size) + 1,
                   0);
    ++start[size_t(term.pre) + 1];
    int64_t delay = term.delay + drive.extraDelay;
    if (term.weight < INT32_MIN || term.weight > INT32_MAX || delay > INT32_MAX)
      return op->emitError()
             << "'" << nameOf(op) << "' receives a synapse of weight "
             << term.weight << " and delay " << delay << " from '"
             << result.populations[size_t(term.population)].name << "'["
             << term.pre
             << "]; the many-core form holds 32-bit weights and delays";
  }
  // Projection p of this target comes from source sources[p].
  std::vector<int> slotOf(result.populations.size(), -1);
  size_t first = result.projections.size();
  for (size_t source = 0; source < rowStart.size(); ++source) {
    std::vector<size_t> &start = rowStart[source];
    if (start.empty())
      continue;
    for (size_t i = 1; i < start.size(); ++i)
      start[i] += start[i - 1];
    slotOf[source] = int(result.projections.size() - first);
    manycore::Projection &projection = result.projections.emplace_back();
    projection.source = int(source);
    projection.target = target;
    projection.synapses.resize(start.back());
  }
  for (int64_t k = 0; k < form.size(); ++k)
    for (const Term &term : form.termsOf(k)) {
      manycore::Projection &projection =
          result.projections[first + size_t(slotOf[size_t(term.population)])];
      int64_t delay = term.delay + drive.extraDelay;
      projection
          .synapses[rowStart[size_t(term.population)][size_t(term.pre)]++] = {
          term.pre, int32_t(k), int32_t(term.weight), int32_t(delay)};
      projection.maxDelay = std::max(projection.maxDelay, delay);
    }
  for (std::vector<size_t> &start : rowStart)
    start = {};
  return success();
}

FailureOr<manycore::Network> Extractor::run() {
  result.name = network.getSymName().str();
  result.latencyShift = network.getLatencyShift();
  schedule = runtime::scheduleNetwork(network);
  if (failed(addPopulations()))
    return failure();

  // Each population's drive, grouped into one projection per source.
  for (int target = 0; target < int(result.populations.size()); ++target) {
    if (result.populations[size_t(target)].isInput)
      continue;
    Operation *op = populationOps[size_t(target)];
    FailureOr<FormRef> drive = operandForm(op, 0);
    if (failed(drive) || failed(addProjections(op, target, *drive)))
      return failure();
    result.populations[size_t(target)].driveOffset = drive->form->offset;
    release(op->getOperand(0));
  }

  for (auto [o, value] : llvm::enumerate(network.getOutputOp().getOperands())) {
    auto it = populationOf.find(value);
    if (it == populationOf.end() ||
        result.populations[size_t(it->second)].isInput)
      return network.emitError()
             << "output " << o
             << " is not a neuron population; many-core targets report "
                "population spikes or membranes";
    result.outputs.push_back(it->second);
  }
  return std::move(result);
}

} // namespace

static std::atomic<uint64_t> extractions{0};

uint64_t snc::getManycoreExtractionCount() { return extractions.load(); }

FailureOr<manycore::Network> snc::extractManycoreNetwork(NetworkOp network) {
  ++extractions;
  Extractor extractor(network);
  return extractor.run();
}

mapping::Network snc::toMappingNetwork(const manycore::Network &network) {
  mapping::Network out;
  for (const manycore::Population &population : network.populations) {
    mapping::Population p;
    p.name = population.name;
    p.size = population.size;
    p.input = population.isInput;
    out.populations.push_back(p);
  }
  for (const manycore::Projection &projection : network.projections) {
    mapping::Population &target = out.populations[size_t(projection.target)];
    target.delaySlots = std::max(target.delaySlots, projection.maxDelay + 1);
    mapping::Projection p;
    p.kind = mapping::Projection::Kind::Sparse;
    p.pre = projection.source;
    p.post = projection.target;
    int64_t preSize = network.populations[size_t(projection.source)].size;
    p.postFanIn.assign(size_t(target.size), 0);
    p.postLo.assign(size_t(preSize), 0);
    p.postHi.assign(size_t(preSize), 0);
    std::vector<bool> seen(size_t(preSize), false);
    for (const manycore::Synapse &synapse : projection.synapses) {
      int64_t post = synapse.post;
      ++p.postFanIn[size_t(post)];
      size_t pre = size_t(synapse.pre);
      if (!seen[pre]) {
        seen[pre] = true;
        ++p.preRows;
        p.postLo[pre] = post;
        p.postHi[pre] = post + 1;
      } else {
        p.postLo[pre] = std::min(p.postLo[pre], post);
        p.postHi[pre] = std::max(p.postHi[pre], post + 1);
      }
    }
    out.projections.push_back(std::move(p));
  }
  return out;
}

/// An FPGA part as a machine of neuron cores: one chip, one row of cores,
/// each holding neurons_per_core neurons and its synapse memory. The
/// mapping counts that memory in synapses (one "byte" per synapse: the
/// synaptic bytes a core has at the target's weight width), with no row
/// headers, neuron or ring-buffer bytes: a core keeps neuron state and its
/// row index in memories of their own, which the FPGA backend's plan
/// (backends/fpga/Design.h) sizes and checks against the part.
static bool fpgaMachine(const targets::TargetDescription &target,
                        mapping::Machine &machine, std::string &error) {
  const targets::FPGACapacity &c = *target.fpga;
  if (c.neuronsPerCore <= 0 || c.synapticBytesPerCore <= 0) {
    error = "target '" + target.name +
            "' gives no neurons_per_core or synaptic_bytes_per_core";
    return false;
  }
  // The part's cores: "cores" when the target fixes them. Otherwise a bound
  // from the block RAM: every core keeps its synapses in at least one block
  // (RAMB36 on Artix-7, EBR or SPRAM on iCE40), so the part holds at most
  // that many cores. It is deliberately loose (a full ODIN-sized core needs
  // about 15 RAMB36, a small one far fewer): the partitioner only needs a
  // bound; whether the cores' memories fit together is the plan's check,
  // which names the resource and the shortfall.
  int64_t cores = c.cores.value_or(c.bramBlocks + c.spramBlocks.value_or(0));
  if (cores <= 0 || cores > (int64_t(1) << 20)) {
    error = "target '" + target.name + "' has room for " +
            std::to_string(cores) + " cores (cores or bram_blocks)";
    return false;
  }
  unsigned bits = std::max(1u, target.weightBits());
  machine = mapping::Machine();
  machine.chipsX = machine.chipsY = 1;
  machine.pesPerQpe = 1;
  machine.qpesPerChip = machine.qpesX = int(cores);
  machine.qpesY = 1;
  machine.neuronsPerPe = c.neuronsPerCore;
  machine.memoryBytesPerPe = c.synapticBytesPerCore * 8 / bits;
  machine.rowHeaderBytes = 0;
  machine.synapseBytes = 1;
  machine.neuronBytes = 0;
  machine.ringBufferSlotBytes = 0;
  machine.routerEntries = 0; // one spike bus, no routing tables
  machine.inputsTakePes = false;
  return true;
}

bool snc::machineFromTarget(const targets::TargetDescription &target,
                            mapping::Machine &machine, std::string &error) {
  if (target.fpga)
    return fpgaMachine(target, machine, error);
  if (!target.manycore) {
    error = "target '" + target.name +
            "' is neither a many-core nor an FPGA target";
    return false;
  }
  const targets::ManycoreCapacity &c = *target.manycore;
  machine.chipsX = int(c.chipsX);
  machine.chipsY = int(c.chipsY);
  machine.pesPerQpe = int(c.pesPerQpe);
  if (c.coresPerChip % machine.pesPerQpe != 0)
    machine.pesPerQpe = 1; // no quad grouping to speak of
  machine.qpesPerChip = int(c.coresPerChip / machine.pesPerQpe);
  // The schema has no QPE grid: one row of QPEs.
  machine.qpesX = machine.qpesPerChip;
  machine.qpesY = 1;
  machine.neuronsPerPe = c.neuronsPerCore;
  machine.memoryBytesPerPe = c.synapticBytesPerCore;
  machine.routerEntries = c.routerEntries;
  machine.rowHeaderBytes = c.rowHeaderBytes;
  machine.synapseBytes = c.synapseBytes;
  machine.neuronBytes = c.neuronBytes;
  machine.ringBufferSlotBytes = c.ringBufferSlotBytes;
  if (machine.neuronsPerPe <= 0 || machine.memoryBytesPerPe <= 0) {
    error = "target '" + target.name +
            "' gives no neurons_per_core or synaptic_bytes_per_core";
    return false;
  }
  return true;
}
