//===- QuantizeSearch.cpp - scales chosen by calibrated spike agreement ---===//
//
// quantizeNetwork: with a calibration input, a population's scale is chosen
// by running candidates, not by worst-case bounds alone. Greedily, layer by
// layer in planning order, every discrete_lif population whose candidates
// differ is quantized at each candidate (the earlier populations at their
// chosen scales), the network runs on the calibration input in the
// reference interpreter, and each channel keeps the candidate whose spikes
// agree best with the float network's (ties keep the rule's scale).
// Candidates are the rule's scale (where every method starts) and, where
// the state width pulls the scale below what the weights need, the powers
// of two up to the weight bound; method=search adds a grid around the
// rule's scale, up to the hard limits of the threshold and state formats.
// discrete_li populations (numeric outputs) are compared by the squared
// error of their dequantized output instead of spike agreement.
//
// Every candidate is quantized in a scratch MLIRContext of its own, parsed
// from the float network's text: the attributes of candidates die with it
// instead of accumulating in the caller's context, which sees only the
// final quantization.
//
//===----------------------------------------------------------------------===//

#include "passes/Quantize.h"

#include "dialects/nmc/NMCDialect.h"
#include "dialects/snn/SNNDialect.h"
#include "runtime/Run.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/StringSet.h"

#include <memory>

#include <cmath>
#include <limits>

using namespace mlir;
using namespace snc;
using namespace snc::snn;

namespace {

using Values = std::vector<double>;

/// The float network on the calibration input: the statistics the
/// quantizer uses, every discrete_lif population's spikes and every
/// discrete_li population's output.
struct FloatReference {
  CalibrationStats stats;
  llvm::StringMap<runtime::NpyArray> spikes, levels;
  /// The network's outputs, and which of them are spikes.
  std::vector<runtime::NpyArray> outputs;
  std::vector<bool> spikeOutputs;
};

/// Per element of a (steps, *shape) array, its mean over the steps.
std::vector<double> meanOverSteps(const runtime::NpyArray &a) {
  int64_t steps = a.shape.empty() ? 0 : a.shape[0];
  int64_t n = steps ? int64_t(a.numElements()) / steps : 0;
  std::vector<double> mean(static_cast<size_t>(n));
  for (int64_t t = 0; t < steps; ++t)
    for (int64_t k = 0; k < n; ++k)
      mean[size_t(k)] += a.getDouble(size_t(t * n + k)) / double(steps);
  return mean;
}

bool runFloat(NetworkOp network, const QuantizationOptions &options,
              FloatReference &reference, std::string &error) {
  std::vector<runtime::Probe> probes;
  llvm::StringSet<> outputs; // nodes whose "out" is probed
  llvm::StringSet<> spiking; // discrete_lif populations
  llvm::StringSet<> sources; // nodes feeding a projection
  for (Operation &op : network.getBodyBlock()->without_terminator()) {
    auto name = op.getAttrOfType<StringAttr>("name");
    if (!name)
      continue;
    if (auto population = dyn_cast<PopulationOpInterface>(op);
        population && population.hasMembrane())
      probes.push_back({name.str(), "v"});
    if (isa<DiscreteLIFOp>(op) && outputs.insert(name.str()).second) {
      probes.push_back({name.str(), "out"});
      spiking.insert(name.str());
    }
  }
  // The inputs of projections: their mean drives bias correction, their
  // trace adaptive rounding.
  for (Operation &op : network.getBodyBlock()->without_terminator()) {
    if (!isa<ProjectionOpInterface>(op))
      continue;
    Value input = op.getOperand(0);
    if (auto arg = dyn_cast<BlockArgument>(input)) {
      unsigned i = arg.getArgNumber();
      if (i < options.calibration.size()) {
        StringRef name = cast<StringAttr>(network.getInputNames()[i]);
        reference.stats.meanOut[name] = meanOverSteps(options.calibration[i]);
        reference.stats.traces[name] = options.calibration[i];
      }
      continue;
    }
    if (auto name = input.getDefiningOp()->getAttrOfType<StringAttr>("name")) {
      sources.insert(name.str());
      if (outputs.insert(name.str()).second)
        probes.push_back({name.str(), "out"});
    }
  }
  runtime::RunResult result;
  if (!runtime::runNetwork(network, options.calibration, -1, probes, result,
                           error))
    return false;
  reference.outputs = std::move(result.outputs);
  for (Value output : network.getOutputOp().getOperands())
    reference.spikeOutputs.push_back(
        cast<ShapedType>(output.getType()).getElementType().isInteger(1));
  for (auto [probe, trace] : llvm::zip(probes, result.recordings)) {
    if (probe.variable == "out") {
      reference.stats.meanOut[probe.node] = meanOverSteps(trace);
      if (sources.contains(probe.node) || spiking.contains(probe.node))
        reference.stats.traces[probe.node] = trace;
      if (spiking.contains(probe.node))
        reference.spikes[probe.node] = std::move(trace);
      continue;
    }
    double maxAbs = 0;
    for (size_t k = 0; k < trace.numElements(); ++k)
      maxAbs = std::max(maxAbs, std::fabs(trace.getDouble(k)));
    reference.stats.maxAbsV[probe.node] = maxAbs;
    if (!spiking.contains(probe.node))
      reference.levels[probe.node] = trace; // a discrete_li's output is v
    reference.stats.membranes[probe.node] = std::move(trace);
  }
  return true;
}

/// Per channel of two (steps, *shape) recordings (channel c holds a
/// contiguous block of each step's neurons), how well `b` matches the
/// float `a`, higher is better: with `spikes` the equal (step, neuron)
/// spike values, else minus the squared error of `b / scale[c]`.
std::vector<double> scorePerChannel(const runtime::NpyArray &a,
                                    const runtime::NpyArray &b,
                                    int64_t channels, bool spikes,
                                    const std::vector<double> &scale = {}) {
  std::vector<double> score(static_cast<size_t>(channels));
  int64_t steps = a.shape.empty() ? 0 : a.shape[0];
  int64_t n = steps ? int64_t(a.numElements()) / steps : 0;
  int64_t perChannel = channels ? n / channels : 0;
  for (int64_t t = 0; t < steps; ++t)
    for (int64_t k = 0; k < n; ++k) {
      size_t c = size_t(k / perChannel), i = size_t(t * n + k);
      if (spikes) {
        score[c] += (a.getDouble(i) != 0) == (b.getDouble(i) != 0);
        continue;
      }
      double s = scale.empty() ? 1 : scale.size() == 1 ? scale[0] : scale[c];
      double d = b.getDouble(i) / s - a.getDouble(i);
      score[c] -= d * d;
    }
  return score;
}

/// What set a raw (unsnapped) scale of a channel.
std::string limitOf(const LayerReport &layer, size_t c, double s) {
  if (s == layer.weightBound[c])
    return "weight range";
  if (s == layer.thresholdBound[c])
    return "threshold range";
  if (s == layer.stateBound[c])
    return "state width";
  return "calibrated agreement";
}

/// One candidate scale of a channel and what set it.
struct Candidate {
  double scale;
  std::string limit;
};

/// Candidates per channel, the rule's scale first.
std::vector<std::vector<Candidate>> candidatesOf(const LayerReport &layer,
                                                 bool search) {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<std::vector<Candidate>> lists(layer.ruleScale.size());
  for (size_t c = 0; c < lists.size(); ++c) {
    double rule = layer.ruleScale[c], hard = layer.hardBound[c];
    std::vector<Candidate> &list = lists[c];
    list.push_back({rule, limitOf(layer, c, rule)});
    auto add = [&](double s, std::string limit) {
      if (!(s > 0) || s > hard || s == inf)
        return;
      for (const Candidate &have : list)
        if (std::fabs(have.scale - s) <= 1e-12 * s)
          return;
      list.push_back({s, std::move(limit)});
    };
    // The state width pulls the scale below what the weights need: the
    // powers of two up to the weight bound, and the bound itself.
    double upper = std::min(layer.weightBound[c], hard);
    if (layer.stateBound[c] == rule && upper > rule && upper != inf) {
      for (double p = 2 * quant::floorPowerOfTwo(rule); p <= upper; p *= 2)
        add(p, "calibrated agreement");
      add(upper, limitOf(layer, c, upper));
    }
    if (search)
      for (int k = -4; k <= 8; ++k)
        if (k != 0)
          add(rule * std::exp2(k / 4.0), "calibrated agreement");
    // With subtract reset the threshold is rounded, a gain error on every
    // spike: the scales next to the rule's that represent it exactly.
    double theta =
        layer.subtractedThreshold.empty() ? 0 : layer.subtractedThreshold[c];
    if (search && theta > 0) {
      double levels = rule * theta;
      if (std::floor(levels) >= 1)
        add(std::floor(levels) / theta, "calibrated agreement");
      add(std::ceil(levels) / theta, "calibrated agreement");
    }
  }
  return lists;
}

/// The k-th candidate of every channel (a channel with fewer keeps its
/// rule's scale).
ScaleChoice choiceAt(const std::vector<std::vector<Candidate>> &lists,
                     size_t k) {
  ScaleChoice choice;
  for (const std::vector<Candidate> &list : lists) {
    const Candidate &pick = k < list.size() ? list[k] : list.front();
    choice.scales.push_back(pick.scale);
    choice.limits.push_back(pick.limit);
  }
  return choice;
}

double sum(const std::vector<double> &values) {
  double total = 0;
  for (double v : values)
    total += v;
  return total;
}

/// The float network parsed into a fresh context of its own; what its
/// quantization creates is freed with it.
struct ScratchNetwork {
  MLIRContext context{MLIRContext::Threading::DISABLED};
  OwningOpRef<ModuleOp> module;
  NetworkOp network;
  std::string diagnostics;
};

class ScaleSearch {
public:
  ScaleSearch(NetworkOp network, const targets::TargetDescription &target,
              const QuantizationOptions &options,
              const FloatReference &reference)
      : network(network), target(target), options(options),
        reference(reference) {
    // A top-level op prints the dense_resource blobs its attributes refer
    // to (a nested one does not): print a module holding a copy.
    OwningOpRef<ModuleOp> holder = ModuleOp::create(network.getLoc());
    holder->push_back(network->clone());
    llvm::raw_string_ostream os(text);
    holder->print(os, OpPrintingFlags().printGenericOpForm());
  }

  /// Chooses the scales of population `layer` given `choices` for the
  /// earlier ones, and adds them to `choices`.
  LogicalResult choose(const LayerReport &layer, ScaleChoices &choices,
                       LayerReport &outcome);
  /// How well the outputs of the network quantized with `choices` match
  /// the float ones: equal spike values of the spike outputs, then minus
  /// the squared error of the numeric ones (dequantized).
  FailureOr<std::pair<double, double>> outputScore(const ScaleChoices &choices);

private:
  /// A fresh copy of the float network in a context of its own.
  FailureOr<std::unique_ptr<ScratchNetwork>> copy();
  /// Quantizes a scratch copy with `choices`; `report` says what it did.
  FailureOr<std::unique_ptr<ScratchNetwork>>
  quantizeCopy(const ScaleChoices &choices, QuantizeReport &report);
  /// Quantizes a copy with `choices` and runs it: the score per channel of
  /// population `name` (scorePerChannel).
  FailureOr<std::vector<double>> evaluate(const ScaleChoices &choices,
                                          const LayerReport &layer);

  NetworkOp network;
  const targets::TargetDescription &target;
  const QuantizationOptions &options;
  const FloatReference &reference;
  std::string text;
};

FailureOr<std::unique_ptr<ScratchNetwork>> ScaleSearch::copy() {
  auto scratch = std::make_unique<ScratchNetwork>();
  scratch->context.getOrLoadDialect<SNNDialect>();
  scratch->context.getOrLoadDialect<nmc::NMCDialect>();
  std::string *sink = &scratch->diagnostics;
  scratch->context.getDiagEngine().registerHandler([sink](Diagnostic &d) {
    if (d.getSeverity() == DiagnosticSeverity::Error)
      *sink += (sink->empty() ? "" : "; ") + d.str();
    return success();
  });
  scratch->module = parseSourceString<ModuleOp>(text, &scratch->context);
  if (scratch->module)
    scratch->module->walk([&](NetworkOp op) { scratch->network = op; });
  if (!scratch->network)
    return network.emitError()
           << "snn-quantize: could not copy the network to compare "
              "candidates: "
           << scratch->diagnostics;
  return scratch;
}

FailureOr<std::unique_ptr<ScratchNetwork>>
ScaleSearch::quantizeCopy(const ScaleChoices &choices, QuantizeReport &report) {
  FailureOr<std::unique_ptr<ScratchNetwork>> scratch = copy();
  if (failed(scratch))
    return failure();
  if (failed(quantizeWithChoices((*scratch)->network, target, options, choices,
                                 reference.stats, report, /*apply=*/true)))
    return network.emitError()
           << "snn-quantize: a candidate failed: " << (*scratch)->diagnostics;
  return scratch;
}

FailureOr<std::vector<double>>
ScaleSearch::evaluate(const ScaleChoices &choices, const LayerReport &layer) {
  QuantizeReport report;
  FailureOr<std::unique_ptr<ScratchNetwork>> scratch =
      quantizeCopy(choices, report);
  if (failed(scratch))
    return failure();
  runtime::RunResult result;
  std::string error;
  if (!runtime::runNetwork((*scratch)->network, options.calibration, -1,
                           {{layer.name, "out"}}, result, error))
    return network.emitError() << "calibration run of a candidate for '"
                               << layer.name << "' failed: " << error;
  bool spikes = layer.kind == "discrete_lif";
  std::vector<double> scales;
  for (const LayerReport &l : report.layers)
    if (l.name == layer.name)
      scales = l.scales;
  const runtime::NpyArray &floatTrace =
      spikes ? reference.spikes.find(layer.name)->second
             : reference.levels.find(layer.name)->second;
  return scorePerChannel(floatTrace, result.recordings[0], layer.channels,
                         spikes, scales);
}

FailureOr<std::pair<double, double>>
ScaleSearch::outputScore(const ScaleChoices &choices) {
  QuantizeReport report;
  FailureOr<std::unique_ptr<ScratchNetwork>> scratch =
      quantizeCopy(choices, report);
  if (failed(scratch))
    return failure();
  runtime::RunResult result;
  std::string error;
  if (!runtime::runNetwork((*scratch)->network, options.calibration, -1, {},
                           result, error))
    return network.emitError()
           << "calibration run of the chosen scales failed: " << error;
  std::pair<double, double> score{0, 0};
  for (size_t o = 0; o < reference.outputs.size(); ++o) {
    bool spikes = reference.spikeOutputs[o];
    // A discrete_li output has a scale per channel.
    std::vector<double> scales{report.outputScales[o]};
    int64_t channels = 1;
    Value output = (*scratch)->network.getOutputOp().getOperand(o);
    if (Operation *op = output.getDefiningOp())
      if (auto name = op->getAttrOfType<StringAttr>("name"))
        for (const LayerReport &l : report.layers)
          if (!spikes && l.kind == "discrete_li" && l.name == name.getValue()) {
            scales = l.scales;
            channels = l.channels;
          }
    double s = sum(scorePerChannel(reference.outputs[o], result.outputs[o],
                                   channels, spikes, scales));
    (spikes ? score.first : score.second) += s;
  }
  return score;
}

LogicalResult ScaleSearch::choose(const LayerReport &planned,
                                  ScaleChoices &choices, LayerReport &outcome) {
  QuantizeReport plan;
  FailureOr<std::unique_ptr<ScratchNetwork>> scratch = copy();
  if (failed(scratch))
    return failure();
  if (failed(quantizeWithChoices((*scratch)->network, target, options, choices,
                                 reference.stats, plan, /*apply=*/false)))
    return network.emitError()
           << "snn-quantize: planning failed: " << (*scratch)->diagnostics;
  scratch->reset();
  const LayerReport *layer = nullptr;
  for (const LayerReport &l : plan.layers)
    if (l.name == planned.name)
      layer = &l;
  if (!layer || layer->ruleScale.empty())
    return success();
  StringRef name = layer->name;
  std::vector<std::vector<Candidate>> lists =
      candidatesOf(*layer, options.method == quant::CalibrationMethod::Search);
  size_t count = 0;
  for (const std::vector<Candidate> &list : lists)
    count = std::max(count, list.size());
  if (count <= 1)
    return success();

  // Every candidate index at once across channels: the channels of one
  // population do not feed each other unless it is recurrent.
  int64_t channels = int64_t(lists.size());
  std::vector<std::vector<double>> scores;
  std::vector<ScaleChoice> tried;
  for (size_t k = 0; k < count; ++k) {
    ScaleChoices trial = choices;
    trial[name] = choiceAt(lists, k);
    FailureOr<std::vector<double>> e = evaluate(trial, *layer);
    if (failed(e))
      return failure();
    scores.push_back(std::move(*e));
    tried.push_back(std::move(trial[name]));
  }
  size_t bestUniform = 0;
  for (size_t k = 1; k < count; ++k)
    if (sum(scores[k]) > sum(scores[bestUniform]))
      bestUniform = k;
  // Each channel's best candidate (the earliest among equals).
  ScaleChoice mixed;
  bool isMixed = false;
  for (int64_t c = 0; c < channels; ++c) {
    size_t best = 0;
    for (size_t k = 1; k < count; ++k)
      if (scores[k][size_t(c)] > scores[best][size_t(c)])
        best = k;
    isMixed |= best != bestUniform;
    mixed.scales.push_back(tried[best].scales[size_t(c)]);
    mixed.limits.push_back(tried[best].limits[size_t(c)]);
  }
  ScaleChoice chosen = tried[bestUniform];
  double chosenScore = sum(scores[bestUniform]);
  if (isMixed) {
    // Recurrent channels see each other: measure the combination.
    ScaleChoices trial = choices;
    trial[name] = mixed;
    FailureOr<std::vector<double>> e = evaluate(trial, *layer);
    if (failed(e))
      return failure();
    if (sum(*e) > chosenScore) {
      chosen = std::move(mixed);
      chosenScore = sum(*e);
    }
  }
  outcome.candidates = int64_t(count);
  if (layer->kind == "discrete_lif") {
    const runtime::NpyArray &spikes = reference.spikes.find(name)->second;
    double elements = double(spikes.numElements());
    outcome.ruleAgreement = elements ? sum(scores[0]) / elements : 1;
    outcome.chosenAgreement = elements ? chosenScore / elements : 1;
  } else {
    // For a discrete_li: the RMS error of its dequantized output.
    const runtime::NpyArray &levels = reference.levels.find(name)->second;
    double elements = std::max<double>(1, double(levels.numElements()));
    outcome.ruleError = std::sqrt(-sum(scores[0]) / elements);
    outcome.chosenError = std::sqrt(-chosenScore / elements);
  }
  choices[name] = std::move(chosen);
  return success();
}

} // namespace

LogicalResult snc::quantizeNetwork(NetworkOp network,
                                   const targets::TargetDescription &target,
                                   const QuantizationOptions &options,
                                   QuantizeReport &report) {
  ScaleChoices choices;
  if (options.calibration.empty()) {
    if (options.method == quant::CalibrationMethod::Search)
      return network.emitError()
             << "snn-quantize: method 'search' compares scales on a "
                "calibration input; give one (--calibrate)";
    return quantizeWithChoices(network, target, options, choices, {}, report,
                               /*apply=*/true);
  }
  FloatReference reference;
  std::string error;
  if (!runFloat(network, options, reference, error))
    return network.emitError() << "calibration run failed: " << error;

  // The planning order: a population's sources are planned before it. This
  // plan also reports errors on the network itself.
  QuantizeReport plan;
  if (failed(quantizeWithChoices(network, target, options, choices,
                                 reference.stats, plan, /*apply=*/false)))
    return failure();
  ScaleSearch search(network, target, options, reference);
  llvm::StringMap<LayerReport> outcomes;
  for (const LayerReport &layer : plan.layers) {
    bool spiking =
        layer.kind == "discrete_lif" && reference.spikes.count(layer.name);
    bool numeric =
        layer.kind == "discrete_li" && reference.levels.count(layer.name);
    if (!spiking && !numeric)
      continue;
    LayerReport outcome;
    if (failed(search.choose(layer, choices, outcome)))
      return failure();
    if (outcome.candidates)
      outcomes[layer.name] = std::move(outcome);
  }
  // Greedy choices layer by layer can still lose at the outputs (a
  // recurrent layer's better spikes need not help the next): keep the
  // searched scales of the first k searched layers and the rule's after
  // them, k by the outputs' agreement (spike outputs first, then the error
  // of numeric ones; ties: more searched layers). k = 0 is the rule's
  // scales, so the result is never worse than those.
  std::vector<std::string> searched;
  for (const LayerReport &layer : plan.layers)
    if (outcomes.count(layer.name))
      searched.push_back(layer.name);
  size_t keep = searched.size();
  if (!searched.empty()) {
    std::optional<std::pair<double, double>> best;
    for (size_t k = searched.size() + 1; k-- > 0;) {
      ScaleChoices prefix;
      for (size_t i = 0; i < k; ++i)
        prefix[searched[i]] = choices[searched[i]];
      FailureOr<std::pair<double, double>> score = search.outputScore(prefix);
      if (failed(score))
        return failure();
      if (!best || *score > *best) {
        best = *score;
        keep = k;
      }
    }
  }
  for (size_t i = keep; i < searched.size(); ++i) {
    choices.erase(searched[i]);
    outcomes.erase(searched[i]);
  }
  std::string fallback;
  if (keep < searched.size())
    fallback = "searched scales of this and later layers agreed less at the "
               "outputs than the rule's; kept the rule's from here on";
  if (failed(quantizeWithChoices(network, target, options, choices,
                                 reference.stats, report, /*apply=*/true)))
    return failure();
  for (LayerReport &layer : report.layers) {
    if (keep < searched.size() && layer.name == searched[keep])
      layer.notes.push_back(fallback);
    if (auto it = outcomes.find(layer.name); it != outcomes.end()) {
      layer.candidates = it->second.candidates;
      layer.ruleAgreement = it->second.ruleAgreement;
      layer.chosenAgreement = it->second.chosenAgreement;
      layer.ruleError = it->second.ruleError;
      layer.chosenError = it->second.chosenError;
    }
  }
  return success();
}
