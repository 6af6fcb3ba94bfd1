//===- QuantizeSetup.cpp - snn-quantize's options from text ---------------===//

#include "passes/Quantize.h"

#include "llvm/ADT/StringExtras.h"

using namespace snc;

bool snc::resolveQuantizeSettings(const QuantizeSettings &settings,
                                  targets::TargetDescription &target,
                                  QuantizationOptions &options,
                                  std::string &error) {
  if (settings.target.empty()) {
    error = "no target given (a name from `snc targets` or a .json file)";
    return false;
  }
  return targets::loadTarget(settings.target,
                             targets::getDefaultRegistryOptions(), target,
                             error) &&
         applyQuantizeSettings(settings, target, options, error);
}

bool snc::applyQuantizeSettings(const QuantizeSettings &settings,
                                targets::TargetDescription &target,
                                QuantizationOptions &options,
                                std::string &error) {
  std::optional<quant::CalibrationMethod> method =
      quant::parseMethod(settings.method);
  if (!method) {
    error = "unknown calibration method '" + settings.method +
            "' (expected max-abs, percentile, mse or search)";
    return false;
  }
  options.method = *method;
  if (!(settings.percentile > 0 && settings.percentile <= 100)) {
    error = "percentile must lie in (0, 100], but is " +
            std::to_string(settings.percentile);
    return false;
  }
  options.percentile = settings.percentile;
  options.biasCorrection = settings.biasCorrection;
  options.adaptiveRounding = settings.adaptiveRounding;
  options.fineState = settings.fineState;
  if (settings.granularity != "channel" && settings.granularity != "layer") {
    error = "unknown granularity '" + settings.granularity +
            "' (expected channel or layer)";
    return false;
  }
  options.perChannel = settings.granularity == "channel";

  // Through the document, so the description snn.target records is the
  // one quantized for.
  if (settings.weightBits == "ternary") {
    if (!targets::overrideTarget(target, "/numeric/weight_bits", "\"ternary\"",
                                 "weight-bits=ternary", error))
      return false;
  } else if (!settings.weightBits.empty()) {
    unsigned bits = 0;
    if (!llvm::to_integer(settings.weightBits, bits, 10) || bits < 2 ||
        bits > 16) {
      error = "weight bits must be 2..16 or ternary, not '" +
              settings.weightBits + "'";
      return false;
    }
    if (!targets::overrideTarget(target, "/numeric/weight_bits",
                                 std::to_string(bits),
                                 "weight-bits=" + settings.weightBits, error))
      return false;
  }

  options.calibration.clear();
  for (const std::string &file : settings.calibrationFiles) {
    runtime::NpyArray array;
    std::string why;
    if (!runtime::readNpy(file, array, why)) {
      error = why; // names the file
      return false;
    }
    options.calibration.push_back(std::move(array));
  }
  return true;
}
