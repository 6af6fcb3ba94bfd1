//===- QuantizeReport.cpp - what quantization did, measured ---------------===//

#include "passes/QuantizeReport.h"

#include "runtime/Run.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace mlir;
using json = nlohmann::ordered_json;

namespace snc {

namespace {

json agreementJson(const SpikeAgreement &agreement) {
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

/// What set the scales of a layer's channels, most common first:
/// "state width" or "exact representation 120, state width 8".
std::string limitSummary(const LayerReport &layer) {
  std::vector<std::pair<std::string, int64_t>> counts;
  for (const std::string &limit : layer.limits) {
    auto it = llvm::find_if(counts, [&](auto &p) { return p.first == limit; });
    if (it == counts.end())
      counts.push_back({limit, 1});
    else
      ++it->second;
  }
  std::stable_sort(counts.begin(), counts.end(),
                   [](auto &a, auto &b) { return a.second > b.second; });
  std::string text;
  for (auto &[limit, count] : counts) {
    if (!text.empty())
      text += ", ";
    text += limit;
    if (counts.size() > 1)
      text += " " + std::to_string(count);
  }
  return text.empty() ? "-" : text;
}

std::string percent(double x) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << llvm::format("%.2f%%", 100 * x);
  return s;
}

} // namespace

SpikeAgreement compareSpikes(const runtime::NpyArray &a,
                             const runtime::NpyArray &b) {
  SpikeAgreement result;
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

bool measureAgreement(snn::NetworkOp floatNetwork, snn::NetworkOp quantized,
                      const QuantizationOptions &options,
                      const QuantizeReport &report,
                      QuantizeAgreement &agreement, std::string &error,
                      const runtime::ProgressFn &progress) {
  agreement = QuantizeAgreement();
  agreement.layers.resize(report.layers.size());
  if (options.calibration.empty())
    return true;
  std::vector<runtime::Probe> probes;
  std::vector<size_t> probedLayer;
  for (auto [i, layer] : llvm::enumerate(report.layers))
    if (layer.kind == "discrete_lif" || layer.kind == "spike_driven") {
      probes.push_back({layer.name, "out"});
      probedLayer.push_back(i);
    }
  runtime::RunResult floatRun, quantizedRun;
  runtime::ProgressFn floatSteps, quantizedSteps;
  if (progress) {
    floatSteps = [&](int64_t done, int64_t total) {
      progress(done, 2 * total);
    };
    quantizedSteps = [&](int64_t done, int64_t total) {
      progress(total + done, 2 * total);
    };
  }
  if (!runtime::runNetwork(floatNetwork, options.calibration, -1, probes,
                           floatRun, error, floatSteps) ||
      !runtime::runNetwork(quantized, options.calibration, -1, probes,
                           quantizedRun, error, quantizedSteps))
    return false;
  for (size_t p = 0; p < probes.size(); ++p)
    agreement.layers[probedLayer[p]] =
        compareSpikes(floatRun.recordings[p], quantizedRun.recordings[p]);
  for (size_t o = 0; o < floatRun.outputs.size(); ++o)
    agreement.outputs.push_back(
        compareSpikes(floatRun.outputs[o], quantizedRun.outputs[o]));
  if (!floatRun.outputs.empty() && !floatRun.outputs[0].shape.empty())
    agreement.steps = floatRun.outputs[0].shape[0];
  agreement.measured = true;
  return true;
}

std::string quantizeReportJson(snn::NetworkOp network,
                               const targets::TargetDescription &target,
                               const QuantizationOptions &options,
                               const QuantizeReport &report,
                               const QuantizeAgreement &agreement,
                               const std::string &model,
                               const std::vector<std::string> &calibrationFiles,
                               const std::vector<std::string> &evaluationFiles,
                               const QuantizeAgreement &calibrationAgreement) {
  json j;
  j["model"] = model;
  j["network"] = network.getSymName().str();
  j["target"] = target.name;
  j["weights"] = weightFormat(target);
  j["state_bits"] = target.stateBits();
  j["method"] = report.method;
  if (options.method == quant::CalibrationMethod::Percentile)
    j["percentile"] = options.percentile;
  j["granularity"] = report.perChannel ? "channel" : "layer";
  j["calibration"] = calibrationFiles;
  // Where the spike agreement was measured: the held-out input, or (empty)
  // the calibration input.
  j["evaluation"] = evaluationFiles;
  if (agreement.measured)
    j["steps"] = agreement.steps;

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
    if (o < agreement.outputs.size())
      entry.update(agreementJson(agreement.outputs[o]));
    outputs.push_back(entry);
  }
  j["outputs"] = outputs;
  if (calibrationAgreement.measured) {
    json calibrated = json::array();
    for (auto [o, measured] : llvm::enumerate(calibrationAgreement.outputs)) {
      json entry{{"name", cast<StringAttr>(network.getOutputNames()[o]).str()}};
      entry.update(agreementJson(measured));
      calibrated.push_back(entry);
    }
    j["calibration_outputs"] = calibrated;
  }
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
    // The smallest bound of any channel (null: nothing bounds it).
    auto smallest = [](const std::vector<double> &bounds) {
      double m = std::numeric_limits<double>::infinity();
      for (double b : bounds)
        m = std::min(m, b);
      return std::isfinite(m) ? json(m) : json(nullptr);
    };
    entry["bounds"] = {{"weight_range", smallest(layer.weightBound)},
                       {"threshold_range", smallest(layer.thresholdBound)},
                       {"state_width", smallest(layer.stateBound)}};
    json limits = json::object();
    for (const std::string &limit : layer.limits)
      limits[limit] = limits.value(limit, 0) + 1;
    entry["limits"] = limits;
    if (layer.candidates) {
      entry["candidates"] = layer.candidates;
      if (layer.ruleAgreement) {
        entry["rule_agreement"] = *layer.ruleAgreement;
        entry["chosen_agreement"] = *layer.chosenAgreement;
      }
      if (layer.ruleError) {
        entry["rule_rms_error"] = *layer.ruleError;
        entry["chosen_rms_error"] = *layer.chosenError;
      }
    }
    if (layer.kind != "discrete_li" || layer.decay)
      entry["threshold_relative_error"] = layer.thresholdRelativeError;
    entry["decay"] = layer.decay;
    entry["frac_bits"] = layer.fracBits;
    if (i < agreement.layers.size() && agreement.layers[i])
      entry.update(agreementJson(*agreement.layers[i]));
    entry["notes"] = layer.notes;
    layers.push_back(entry);
  }
  j["layers"] = layers;
  return j.dump(2) + "\n";
}

void printQuantizeSummary(llvm::raw_ostream &out, snn::NetworkOp network,
                          const targets::TargetDescription &target,
                          const QuantizeReport &report,
                          const QuantizeAgreement &agreement,
                          const QuantizeAgreement &calibrationAgreement) {
  out << "quantized '" << network.getSymName() << "' for " << target.name
      << ": " << weightFormat(target) << " weights, " << target.stateBits()
      << "-bit state, " << report.method << " scales per "
      << (report.perChannel ? "channel" : "layer") << "\n";
  const char *header[] = {"layer",          "kind",      "channels",
                          "scale min..max", "clipped",   "w rel.err",
                          "agree",          "rate corr", "scale set by"};
  out << llvm::format("  %-14s %-13s %8s %21s %8s %9s %9s %9s  %s\n", header[0],
                      header[1], header[2], header[3], header[4], header[5],
                      header[6], header[7], header[8]);
  for (auto [i, layer] : llvm::enumerate(report.layers)) {
    auto [lo, hi] =
        std::minmax_element(layer.scales.begin(), layer.scales.end());
    std::string agree = "-", corr = "-";
    if (i < agreement.layers.size() && agreement.layers[i]) {
      const SpikeAgreement &measured = *agreement.layers[i];
      agree = percent(measured.fraction());
      if (measured.rateCorrelation) {
        llvm::raw_string_ostream c(corr = "");
        c << llvm::format("%.4f", *measured.rateCorrelation);
      }
    }
    std::string name =
        layer.name.size() > 14 ? layer.name.substr(0, 13) + "~" : layer.name;
    out << llvm::format("  %-14s %-13s %8lld %10.4g..%-10.4g %8s %9.4f %9s "
                        "%9s  %s",
                        name.c_str(), layer.kind.c_str(),
                        (long long)layer.channels, *lo, *hi,
                        percent(layer.weights.clippingRate()).c_str(),
                        layer.weights.relativeRmse(), agree.c_str(),
                        corr.c_str(), limitSummary(layer).c_str());
    if (layer.candidates && layer.ruleAgreement)
      out << " (" << layer.candidates << " candidates; "
          << percent(*layer.ruleAgreement) << " at the rule's scale)";
    if (layer.candidates && layer.ruleError)
      out << " (" << layer.candidates << " candidates; RMS error "
          << llvm::format("%.4g", *layer.chosenError) << ", "
          << llvm::format("%.4g", *layer.ruleError) << " at the rule's scale)";
    out << "\n";
  }
  auto printOutputs = [&](const QuantizeAgreement &measuredOn,
                          StringRef where) {
    for (auto [o, measured] : llvm::enumerate(measuredOn.outputs)) {
      out << "  output '"
          << cast<StringAttr>(network.getOutputNames()[o]).getValue() << "'"
          << where << ": spike agreement " << percent(measured.fraction())
          << " over " << measuredOn.steps << " steps, spikes "
          << measured.spikesFloat << " float / " << measured.spikesQuantized
          << " quantized, rate correlation ";
      if (measured.rateCorrelation)
        out << llvm::format("%.4f", *measured.rateCorrelation);
      else
        out << "undefined (a constant rate)";
      out << "\n";
    }
  };
  printOutputs(agreement, calibrationAgreement.measured ? " (held-out)" : "");
  if (calibrationAgreement.measured)
    printOutputs(calibrationAgreement, " (calibration)");
  if (agreement.outputs.empty())
    out << "  (no --calibrate input: spike agreement not measured)\n";
}

} // namespace snc
