//===- QuantizeCommand.cpp - `snc quantize` -------------------------------===//
//
// Quantizes a network for a target, then measures what that did: the
// quantized network and a float copy run on the calibration input, and the
// report compares their spikes population by population.
//
//===----------------------------------------------------------------------===//

#include "tools/snc/Commands.h"
#include "tools/snc/Driver.h"

#include "passes/Progress.h"
#include "passes/Quantize.h"
#include "passes/QuantizeReport.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace snc::driver {

int quantizeCommand(const QuantizeCommandOptions &options) {
  // Stages: the passes preparing the network, quantize, the comparison on
  // the calibration input and on the held-out one, write.
  std::unique_ptr<StageProgress> progress;
  if (options.progress)
    progress = std::make_unique<StageProgress>(
        llvm::errs(), options.evaluation.empty() ? 3 : 4);
  auto comparing = [&] {
    return progress ? runtime::makeStepPrinter(llvm::errs(), "compare")
                    : runtime::ProgressFn();
  };
  Model model;
  snn::NetworkOp network =
      loadRunnableNetwork(model, options.model, options.nir, options.network,
                          options.dt, options.scheme, progress.get());
  if (!network)
    return UserError;

  QuantizeSettings settings;
  settings.target = options.target;
  settings.method = options.method;
  settings.percentile = options.percentile;
  settings.granularity = options.granularity;
  settings.weightBits = options.weightBits;
  settings.biasCorrection = options.biasCorrection;
  settings.adaptiveRounding = options.adaptiveRounding;
  settings.fineState = options.fineState;
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
  ScopedStage quantizing(progress.get(), "quantize");
  if (failed(quantizeNetwork(network, target, quantizeOptions, report)))
    return UserError;
  quantizing.finish();

  // Spikes of every population and output, float against quantized: on
  // the held-out input when there is one, and on the calibration input.
  QuantizeAgreement agreement, calibrationAgreement;
  ScopedStage calibrationRuns(progress.get(),
                              "compare float and quantized spikes on the "
                              "calibration input");
  if (!measureAgreement(*floatNetwork, network, quantizeOptions, report,
                        calibrationAgreement, error, comparing())) {
    reportError("comparing on the calibration input: " + error);
    return UserError;
  }
  calibrationRuns.finish();
  if (options.evaluation.empty()) {
    agreement = std::move(calibrationAgreement);
    calibrationAgreement = QuantizeAgreement();
  } else {
    QuantizationOptions heldOut = quantizeOptions;
    heldOut.calibration.clear();
    for (const std::string &file : options.evaluation) {
      runtime::NpyArray array;
      if (!runtime::readNpy(file, array, error)) {
        reportError(error);
        return UserError;
      }
      heldOut.calibration.push_back(std::move(array));
    }
    ScopedStage evaluationRuns(progress.get(),
                               "compare float and quantized spikes on the "
                               "evaluation input");
    if (!measureAgreement(*floatNetwork, network, heldOut, report, agreement,
                          error, comparing())) {
      reportError("comparing on the evaluation input: " + error);
      return UserError;
    }
    evaluationRuns.finish();
  }

  // The IR first, then the report: both through temporary files.
  ScopedStage writing(progress.get(), "write");
  if (!writeModule(model.getModule(), options.output))
    return UserError;
  if (!options.report.empty() &&
      !writeFileAtomically(
          options.report,
          quantizeReportJson(network, target, quantizeOptions, report,
                             agreement, options.model, options.calibration,
                             options.evaluation, calibrationAgreement)))
    return UserError;
  writing.finish();

  if (options.quiet)
    return Success;
  // The summary goes where the IR does not.
  llvm::raw_ostream &out = (options.output.empty() || options.output == "-")
                               ? llvm::errs()
                               : llvm::outs();
  printQuantizeSummary(out, network, target, report, agreement,
                       calibrationAgreement);
  return Success;
}

} // namespace snc::driver
