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
//
//===----------------------------------------------------------------------===//

#include "passes/Quantize.h"

#include "runtime/Run.h"

#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringSet.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace snc;
using namespace snc::snn;

namespace {

using Values = std::vector<double>;

/// The float network on the calibration input: the statistics the
/// quantizer uses and every discrete_lif population's spikes.
struct FloatReference {
  CalibrationStats stats;
  llvm::StringMap<runtime::NpyArray> spikes;
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
  // The inputs of projections: their mean drives bias correction and
  // adaptive rounding.
  for (Operation &op : network.getBodyBlock()->without_terminator()) {
    if (!isa<ProjectionOpInterface>(op))
      continue;
    Value input = op.getOperand(0);
    if (auto arg = dyn_cast<BlockArgument>(input)) {
      unsigned i = arg.getArgNumber();
      if (i < options.calibration.size())
        reference.stats
            .meanOut[cast<StringAttr>(network.getInputNames()[i]).getValue()] =
            meanOverSteps(options.calibration[i]);
      continue;
    }
    if (auto name = input.getDefiningOp()->getAttrOfType<StringAttr>("name"))
      if (outputs.insert(name.str()).second)
        probes.push_back({name.str(), "out"});
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
      if (spiking.contains(probe.node))
        reference.spikes[probe.node] = std::move(trace);
      continue;
    }
    double maxAbs = 0;
    for (size_t k = 0; k < trace.numElements(); ++k)
      maxAbs = std::max(maxAbs, std::fabs(trace.getDouble(k)));
    reference.stats.maxAbsV[probe.node] = maxAbs;
  }
  return true;
}

/// Equal (step, neuron) spike values per channel of two (steps, *shape)
/// recordings; channel c holds a contiguous block of each step's neurons.
std::vector<int64_t> equalPerChannel(const runtime::NpyArray &a,
                                     const runtime::NpyArray &b,
                                     int64_t channels) {
  std::vector<int64_t> equal(static_cast<size_t>(channels));
  int64_t steps = a.shape.empty() ? 0 : a.shape[0];
  int64_t n = steps ? int64_t(a.numElements()) / steps : 0;
  int64_t perChannel = channels ? n / channels : 0;
  for (int64_t t = 0; t < steps; ++t)
    for (int64_t k = 0; k < n; ++k)
      equal[size_t(k / perChannel)] += (a.getDouble(size_t(t * n + k)) != 0) ==
                                       (b.getDouble(size_t(t * n + k)) != 0);
  return equal;
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

class ScaleSearch {
public:
  ScaleSearch(NetworkOp network, const targets::TargetDescription &target,
              const QuantizationOptions &options,
              const FloatReference &reference)
      : network(network), target(target), options(options),
        reference(reference) {}

  /// Chooses the scales of population `name` given `choices` for the
  /// earlier ones, and adds them to `choices`.
  LogicalResult choose(StringRef name, ScaleChoices &choices,
                       LayerReport &outcome);
  /// Equal (step, element) values of the spike outputs, quantized with
  /// `choices` against float; nullopt without spike outputs.
  FailureOr<std::optional<int64_t>> outputScore(const ScaleChoices &choices);

private:
  /// Quantizes a copy with `choices` and runs it: equal spikes per channel
  /// of population `name`.
  FailureOr<std::vector<int64_t>> evaluate(const ScaleChoices &choices,
                                           StringRef name, int64_t channels);

  NetworkOp network;
  const targets::TargetDescription &target;
  const QuantizationOptions &options;
  const FloatReference &reference;
};

FailureOr<std::vector<int64_t>>
ScaleSearch::evaluate(const ScaleChoices &choices, StringRef name,
                      int64_t channels) {
  OwningOpRef<NetworkOp> copy(cast<NetworkOp>(network->clone()));
  QuantizeReport report;
  if (failed(quantizeWithChoices(*copy, target, options, choices,
                                 reference.stats, report, /*apply=*/true)))
    return failure();
  runtime::RunResult result;
  std::string error;
  if (!runtime::runNetwork(*copy, options.calibration, -1,
                           {{name.str(), "out"}}, result, error))
    return network.emitError() << "calibration run of a candidate for '" << name
                               << "' failed: " << error;
  return equalPerChannel(reference.spikes.find(name)->second,
                         result.recordings[0], channels);
}

FailureOr<std::optional<int64_t>>
ScaleSearch::outputScore(const ScaleChoices &choices) {
  if (!llvm::is_contained(reference.spikeOutputs, true))
    return std::optional<int64_t>();
  OwningOpRef<NetworkOp> copy(cast<NetworkOp>(network->clone()));
  QuantizeReport report;
  if (failed(quantizeWithChoices(*copy, target, options, choices,
                                 reference.stats, report, /*apply=*/true)))
    return failure();
  runtime::RunResult result;
  std::string error;
  if (!runtime::runNetwork(*copy, options.calibration, -1, {}, result, error))
    return network.emitError()
           << "calibration run of the chosen scales failed: " << error;
  int64_t equal = 0;
  for (size_t o = 0; o < reference.outputs.size(); ++o)
    if (reference.spikeOutputs[o])
      for (int64_t e :
           equalPerChannel(reference.outputs[o], result.outputs[o], 1))
        equal += e;
  return std::optional<int64_t>(equal);
}

LogicalResult ScaleSearch::choose(StringRef name, ScaleChoices &choices,
                                  LayerReport &outcome) {
  QuantizeReport plan;
  if (failed(quantizeWithChoices(network, target, options, choices,
                                 reference.stats, plan, /*apply=*/false)))
    return failure();
  const LayerReport *layer = nullptr;
  for (const LayerReport &l : plan.layers)
    if (l.name == name)
      layer = &l;
  if (!layer || layer->ruleScale.empty())
    return success();
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
  std::vector<std::vector<int64_t>> equal;
  std::vector<ScaleChoice> tried;
  for (size_t k = 0; k < count; ++k) {
    ScaleChoices trial = choices;
    trial[name] = choiceAt(lists, k);
    FailureOr<std::vector<int64_t>> e = evaluate(trial, name, channels);
    if (failed(e))
      return failure();
    equal.push_back(std::move(*e));
    tried.push_back(std::move(trial[name]));
  }
  auto total = [](const std::vector<int64_t> &e) {
    int64_t sum = 0;
    for (int64_t x : e)
      sum += x;
    return sum;
  };
  size_t bestUniform = 0;
  for (size_t k = 1; k < count; ++k)
    if (total(equal[k]) > total(equal[bestUniform]))
      bestUniform = k;
  // Each channel's best candidate (the earliest among equals).
  ScaleChoice mixed;
  std::vector<int64_t> mixedEqual;
  bool isMixed = false;
  for (int64_t c = 0; c < channels; ++c) {
    size_t best = 0;
    for (size_t k = 1; k < count; ++k)
      if (equal[k][size_t(c)] > equal[best][size_t(c)])
        best = k;
    isMixed |= best != bestUniform;
    mixed.scales.push_back(tried[best].scales[size_t(c)]);
    mixed.limits.push_back(tried[best].limits[size_t(c)]);
    mixedEqual.push_back(equal[best][size_t(c)]);
  }
  ScaleChoice chosen = tried[bestUniform];
  int64_t chosenEqual = total(equal[bestUniform]);
  if (isMixed) {
    // Recurrent channels see each other: measure the combination.
    ScaleChoices trial = choices;
    trial[name] = mixed;
    FailureOr<std::vector<int64_t>> e = evaluate(trial, name, channels);
    if (failed(e))
      return failure();
    if (total(*e) > chosenEqual) {
      chosen = std::move(mixed);
      chosenEqual = total(*e);
    }
  }
  const runtime::NpyArray &spikes = reference.spikes.find(name)->second;
  double elements = double(spikes.numElements());
  outcome.candidates = int64_t(count);
  outcome.ruleAgreement = elements ? double(total(equal[0])) / elements : 1;
  outcome.chosenAgreement = elements ? double(chosenEqual) / elements : 1;
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

  // The planning order: a population's sources are planned before it.
  QuantizeReport plan;
  if (failed(quantizeWithChoices(network, target, options, choices,
                                 reference.stats, plan, /*apply=*/false)))
    return failure();
  ScaleSearch search(network, target, options, reference);
  llvm::StringMap<LayerReport> outcomes;
  for (const LayerReport &layer : plan.layers) {
    if (layer.kind != "discrete_lif" || !reference.spikes.count(layer.name))
      continue;
    LayerReport outcome;
    if (failed(search.choose(layer.name, choices, outcome)))
      return failure();
    if (outcome.candidates)
      outcomes[layer.name] = std::move(outcome);
  }
  // Greedy choices layer by layer can still lose at the outputs (a
  // recurrent layer's better spikes need not help the next): keep the
  // searched scales of the first k searched layers and the rule's after
  // them, k by the outputs' agreement (ties: more searched layers). k = 0
  // is the rule's scales, so the result is never worse than those.
  std::vector<std::string> searched;
  for (const LayerReport &layer : plan.layers)
    if (outcomes.count(layer.name))
      searched.push_back(layer.name);
  size_t keep = searched.size();
  if (!searched.empty()) {
    std::optional<int64_t> best;
    for (size_t k = searched.size() + 1; k-- > 0;) {
      ScaleChoices prefix;
      for (size_t i = 0; i < k; ++i)
        prefix[searched[i]] = choices[searched[i]];
      FailureOr<std::optional<int64_t>> score = search.outputScore(prefix);
      if (failed(score))
        return failure();
      if (!score->has_value())
        break; // no spike outputs to judge by
      if (!best || **score > *best) {
        best = **score;
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
    }
  }
  return success();
}
