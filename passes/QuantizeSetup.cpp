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
  if (!targets::loadTarget(settings.target,
                           targets::getDefaultRegistryOptions(), target, error))
    return false;

  std::optional<quant::CalibrationMethod> method =
      quant::parseMethod(settings.method);
  if (!method) {
    error = "unknown calibration method '" + settings.method +
            "' (expected max-abs, percentile or mse)";
    return false;
  }
  options.method = *method;
  if (!(settings.percentile > 0 && settings.percentile <= 100)) {
    error = "percentile must lie in (0, 100], but is " +
            std::to_string(settings.percentile);
    return false;
  }
  options.percentile = settings.percentile;
  if (settings.granularity != "channel" && settings.granularity != "layer") {
    error = "unknown granularity '" + settings.granularity +
            "' (expected channel or layer)";
    return false;
  }
  options.perChannel = settings.granularity == "channel";

  if (settings.weightBits == "ternary") {
    target.numeric.ternary = true;
    target.numeric.weightBits = 2;
  } else if (!settings.weightBits.empty()) {
    unsigned bits = 0;
    if (!llvm::to_integer(settings.weightBits, bits, 10) || bits < 2 ||
        bits > 16) {
      error = "weight bits must be 2..16 or ternary, not '" +
              settings.weightBits + "'";
      return false;
    }
    target.numeric.ternary = false;
    target.numeric.weightBits = bits;
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
