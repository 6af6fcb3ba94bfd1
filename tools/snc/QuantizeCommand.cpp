//===- QuantizeCommand.cpp - `snc quantize` -------------------------------===//
//
// Quantizes a network for a target, then measures what that did: the
// quantized network and a float copy run on the calibration input, and the
// report compares their spikes population by population.
//
//===----------------------------------------------------------------------===//

#include "tools/snc/Commands.h"
#include "tools/snc/Driver.h"

#include "passes/Pipelines.h"
#include "passes/Quantize.h"
#include "runtime/Run.h"

#include "mlir/IR/AsmState.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>

using namespace mlir;
using json = nlohmann::ordered_json;

namespace snc::driver {

namespace {

/// How two spike recordings of one population compare.
struct Agreement {
  int64_t equal = 0, total = 0;
  int64_t spikesFloat = 0, spikesQuantized = 0;
  std::optional<double> rateCorrelation; // undefined when a rate is constant

  double fraction() const { return total ? double(equal) / double(total) : 1; }
};

/// `a` and `b` are (steps, n) spike arrays.
Agreement compareSpikes(const runtime::NpyArray &a,
                        const runtime::NpyArray &b) {
  Agreement result;
  int64_t steps = a.shape.empty() ? 0 : a.shape[0];
  int64_t n = steps ? int64_t(a.numElements()) / steps : 0;
  std::vector<double> rateA(static_cast<size_t>(n)),
      rateB(static_cast<size_t>(n));
  for (int64_t t = 0; t < steps; ++t)
    for (int64_t k = 0; k < n; ++k) {
      bool x = a.getDouble(size_t(t * n + k)) != 0;
      bool y = b.getDouble(size_t(t * n + k)) != 0;
      result.equal += x == y;
      rateA[size_t(k)] += x;
      rateB[size_t(k)] += y;
      result.spikesFloat += x;
      result.spikesQuantized += y;
    }
  result.total = steps * n;
  // Pearson correlation of the per-neuron spike counts.
  double meanA = 0, meanB = 0;
  for (int64_t k = 0; k < n; ++k) {
    meanA += rateA[size_t(k)] / double(n);
    meanB += rateB[size_t(k)] / double(n);
  }
  double cov = 0, varA = 0, varB = 0;
  for (int64_t k = 0; k < n; ++k) {
    double da = rateA[size_t(k)] - meanA, db = rateB[size_t(k)] - meanB;
    cov += da * db;
    varA += da * da;
    varB += db * db;
  }
  if (varA > 0 && varB > 0)
    result.rateCorrelation = cov / std::sqrt(varA * varB);
  else if (varA == 0 && varB == 0 && rateA == rateB)
    result.rateCorrelation = 1; // identical constant rates
  return result;
}

json agreementJson(const Agreement &agreement) {
  json j;
  j["spike_agreement"] = agreement.fraction();
  j["rate_correlation"] = agreement.rateCorrelation
                              ? json(*agreement.rateCorrelation)
                              : json(nullptr);
  j["spikes_float"] = agreement.spikesFloat;
  j["spikes_quantized"] = agreement.spikesQuantized;
  return j;
}

json errorJson(const quant::ErrorStats &stats) {
  json j;
  j["count"] = stats.count;
  j["clipped"] = stats.clipped;
  j["clipping_rate"] = stats.clippingRate();
  j["rmse"] = stats.rmse();
  j["relative_rmse"] = stats.relativeRmse();
  j["max_abs_error"] = stats.maxAbsError;
  return j;
}

std::string weightFormat(const targets::TargetDescription &target) {
  return target.ternary() ? "ternary"
                          : std::to_string(target.weightBits()) + "-bit";
}

std::string percent(double x) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << llvm::format("%.2f%%", 100 * x);
  return s;
}

} // namespace

int quantizeCommand(const QuantizeCommandOptions &options) {
  Model model;
  snn::NetworkOp network =
      loadRunnableNetwork(model, options.model, options.nir, options.network,
                          options.dt, options.scheme);
  if (!network)
    return UserError;

  QuantizeSettings settings;
  settings.target = options.target;
  settings.method = options.method;
  settings.percentile = options.percentile;
  settings.granularity = options.granularity;
  settings.weightBits = options.weightBits;
  settings.calibrationFiles = options.calibration;
  targets::TargetDescription target;
  QuantizationOptions quantizeOptions;
  std::string error;
  if (!resolveQuantizeSettings(settings, target, quantizeOptions, error)) {
    reportError(error);
    return UserError;
  }

  // The float network, kept to compare against.
  OwningOpRef<snn::NetworkOp> floatNetwork(
      cast<snn::NetworkOp>(network->clone()));
  QuantizeReport report;
  if (failed(quantizeNetwork(network, target, quantizeOptions, report)))
    return UserError;

  // Spikes of every population and output, float against quantized.
  json j;
  j["model"] = options.model;
  j["network"] = network.getSymName().str();
  j["target"] = target.name;
  j["weights"] = weightFormat(target);
  j["state_bits"] = target.stateBits();
  j["method"] = report.method;
  if (quantizeOptions.method == quant::CalibrationMethod::Percentile)
    j["percentile"] = quantizeOptions.percentile;
  j["granularity"] = report.perChannel ? "channel" : "layer";
  j["calibration"] = options.calibration;

  std::vector<std::optional<Agreement>> layerAgreement(report.layers.size());
  std::vector<Agreement> outputAgreement;
  int64_t steps = 0;
  if (!quantizeOptions.calibration.empty()) {
    std::vector<runtime::Probe> probes;
    std::vector<size_t> probedLayer;
    for (auto [i, layer] : llvm::enumerate(report.layers))
      if (layer.kind == "discrete_lif") {
        probes.push_back({layer.name, "out"});
        probedLayer.push_back(i);
      }
    runtime::RunResult floatRun, quantizedRun;
    if (!runtime::runNetwork(*floatNetwork, quantizeOptions.calibration, -1,
                             probes, floatRun, error) ||
        !runtime::runNetwork(network, quantizeOptions.calibration, -1, probes,
                             quantizedRun, error)) {
      reportError("comparing on the calibration input: " + error);
      return UserError;
    }
    for (size_t p = 0; p < probes.size(); ++p)
      layerAgreement[probedLayer[p]] =
          compareSpikes(floatRun.recordings[p], quantizedRun.recordings[p]);
    for (size_t o = 0; o < floatRun.outputs.size(); ++o)
      outputAgreement.push_back(
          compareSpikes(floatRun.outputs[o], quantizedRun.outputs[o]));
    if (!floatRun.outputs.empty() && !floatRun.outputs[0].shape.empty())
      steps = floatRun.outputs[0].shape[0];
    j["steps"] = steps;
  }

  json inputs = json::array();
  for (auto [i, scale] : llvm::enumerate(report.inputScales))
    inputs.push_back(
        {{"name", cast<StringAttr>(network.getInputNames()[i]).str()},
         {"scale", scale}});
  j["inputs"] = inputs;
  json outputs = json::array();
  for (auto [o, scale] : llvm::enumerate(report.outputScales)) {
    json entry{{"name", cast<StringAttr>(network.getOutputNames()[o]).str()},
               {"scale", scale}};
    if (o < outputAgreement.size())
      entry.update(agreementJson(outputAgreement[o]));
    outputs.push_back(entry);
  }
  j["outputs"] = outputs;
  json layers = json::array();
  for (auto [i, layer] : llvm::enumerate(report.layers)) {
    json entry;
    entry["name"] = layer.name;
    entry["kind"] = layer.kind;
    entry["projections"] = layer.projections;
    entry["channels"] = layer.channels;
    auto [lo, hi] =
        std::minmax_element(layer.scales.begin(), layer.scales.end());
    entry["scale_min"] = *lo;
    entry["scale_max"] = *hi;
    entry["power_of_two"] = layer.powerOfTwo;
    entry["scales"] = layer.scales;
    entry["weights"] = errorJson(layer.weights);
    if (layer.kind != "discrete_li" || layer.decay)
      entry["threshold_relative_error"] = layer.thresholdRelativeError;
    entry["decay"] = layer.decay;
    entry["frac_bits"] = layer.fracBits;
    if (layerAgreement[i])
      entry.update(agreementJson(*layerAgreement[i]));
    entry["notes"] = layer.notes;
    layers.push_back(entry);
  }
  j["layers"] = layers;

  // The IR first, then the report: both through temporary files.
  std::string text;
  llvm::raw_string_ostream os(text);
  model.getModule()->print(os);
  os << "\n";
  if (options.output.empty() || options.output == "-")
    llvm::outs() << text;
  else if (!writeFileAtomically(options.output, text))
    return UserError;
  if (!options.report.empty() &&
      !writeFileAtomically(options.report, j.dump(2) + "\n"))
    return UserError;

  if (options.quiet)
    return Success;
  // The summary goes where the IR does not.
  llvm::raw_ostream &out = (options.output.empty() || options.output == "-")
                               ? llvm::errs()
                               : llvm::outs();
  out << "quantized '" << network.getSymName() << "' for " << target.name
      << ": " << weightFormat(target) << " weights, " << target.stateBits()
      << "-bit state, " << report.method << " scales per "
      << (report.perChannel ? "channel" : "layer") << "\n";
  const char *header[] = {"layer",   "kind",      "channels", "scale min..max",
                          "clipped", "w rel.err", "agree",    "rate corr"};
  out << llvm::format("  %-14s %-13s %8s %21s %8s %9s %9s %9s\n", header[0],
                      header[1], header[2], header[3], header[4], header[5],
                      header[6], header[7]);
  for (auto [i, layer] : llvm::enumerate(report.layers)) {
    auto [lo, hi] =
        std::minmax_element(layer.scales.begin(), layer.scales.end());
    std::string agree = "-", corr = "-";
    if (layerAgreement[i]) {
      agree = percent(layerAgreement[i]->fraction());
      if (layerAgreement[i]->rateCorrelation) {
        llvm::raw_string_ostream c(corr = "");
        c << llvm::format("%.4f", *layerAgreement[i]->rateCorrelation);
      }
    }
    std::string name =
        layer.name.size() > 14 ? layer.name.substr(0, 13) + "~" : layer.name;
    out << llvm::format(
        "  %-14s %-13s %8lld %10.4g..%-10.4g %8s %9.4f %9s "
        "%9s\n",
        name.c_str(), layer.kind.c_str(), (long long)layer.channels, *lo, *hi,
        percent(layer.weights.clippingRate()).c_str(),
        layer.weights.relativeRmse(), agree.c_str(), corr.c_str());
  }
  for (auto [o, agreement] : llvm::enumerate(outputAgreement)) {
    out << "  output '"
        << cast<StringAttr>(network.getOutputNames()[o]).getValue()
        << "': spike agreement " << percent(agreement.fraction()) << " over "
        << steps << " steps, spikes " << agreement.spikesFloat << " float / "
        << agreement.spikesQuantized << " quantized, rate correlation ";
    if (agreement.rateCorrelation)
      out << llvm::format("%.4f", *agreement.rateCorrelation);
    else
      out << "undefined (a constant rate)";
    out << "\n";
  }
  if (outputAgreement.empty())
    out << "  (no --calibrate input: spike agreement not measured)\n";
  return Success;
}

} // namespace snc::driver
