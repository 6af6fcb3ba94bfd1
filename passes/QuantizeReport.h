//===- QuantizeReport.h - what quantization did, measured -------*- C++ -*-===//
//
// `snc quantize` reports what quantizeNetwork did (QuantizeReport) and, with
// a calibration input, how far the quantized network's spikes stay from a
// float copy's, population by population: as JSON (--report) and as a
// table for people.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_QUANTIZEREPORT_H
#define SNC_PASSES_QUANTIZEREPORT_H

#include "dialects/snn/SNNOps.h"
#include "passes/Quantize.h"
#include "runtime/Npy.h"
#include "runtime/Progress.h"
#include "targets/TargetDescription.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace snc {

/// How two spike recordings of one population compare.
struct SpikeAgreement {
  int64_t equal = 0, total = 0;
  int64_t spikesFloat = 0, spikesQuantized = 0;
  std::optional<double> rateCorrelation; // undefined when a rate is constant

  double fraction() const { return total ? double(equal) / double(total) : 1; }
};

/// `a` (float) and `b` (quantized) are (steps, n) spike arrays.
SpikeAgreement compareSpikes(const runtime::NpyArray &a,
                             const runtime::NpyArray &b);

/// The quantized network against its float copy on the calibration input.
struct QuantizeAgreement {
  /// False without a calibration input: nothing was run.
  bool measured = false;
  /// Parallel to QuantizeReport::layers; set for discrete_lif populations.
  std::vector<std::optional<SpikeAgreement>> layers;
  /// One per network output.
  std::vector<SpikeAgreement> outputs;
  int64_t steps = 0;
};

/// Runs `floatNetwork` and `quantized` on `options.calibration` (when there
/// is one), recording the spikes of every discrete_lif population of
/// `report` and every output, and compares them. On failure `error` says
/// why a run failed. `progress` hears of the steps of both runs, one after
/// the other (steps total: twice the input's).
bool measureAgreement(snn::NetworkOp floatNetwork, snn::NetworkOp quantized,
                      const QuantizationOptions &options,
                      const QuantizeReport &report,
                      QuantizeAgreement &agreement, std::string &error,
                      const runtime::ProgressFn &progress = nullptr);

/// The JSON report (docs/quantization.md) of quantizing `network`, loaded
/// from `model` and calibrated with `calibrationFiles`; `agreement` was
/// measured on `evaluationFiles` (none: on the calibration input) and, when
/// measured, `calibrationAgreement` on the calibration input. Two-space
/// indent, ordered keys, trailing newline.
std::string quantizeReportJson(
    snn::NetworkOp network, const targets::TargetDescription &target,
    const QuantizationOptions &options, const QuantizeReport &report,
    const QuantizeAgreement &agreement, const std::string &model,
    const std::vector<std::string> &calibrationFiles,
    const std::vector<std::string> &evaluationFiles = {},
    const QuantizeAgreement &calibrationAgreement = {});

/// The report as a table for people: one line per population, then the
/// spike agreement of each output (and, when measured apart, on the
/// calibration input).
void printQuantizeSummary(llvm::raw_ostream &out, snn::NetworkOp network,
                          const targets::TargetDescription &target,
                          const QuantizeReport &report,
                          const QuantizeAgreement &agreement,
                          const QuantizeAgreement &calibrationAgreement = {});

} // namespace snc

#endif // SNC_PASSES_QUANTIZEREPORT_H
