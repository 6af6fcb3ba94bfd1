//===- Quantize.h - float networks to the target's integers -----*- C++ -*-===//
//
// snn-quantize turns a discretized float network into the integer network a
// target runs (docs/quantization.md): every population gets a scale S per
// output channel (or per layer), chosen jointly for the weights that feed it
// and its threshold, so that its integer membrane stands for S times the
// float one and its dynamics are those of the float neuron. The pass
// (`snc-opt --snn-quantize`) and `snc quantize` both call quantizeNetwork.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_QUANTIZE_H
#define SNC_PASSES_QUANTIZE_H

#include "dialects/snn/SNNOps.h"
#include "passes/QuantizeScales.h"
#include "runtime/Npy.h"
#include "targets/TargetDescription.h"

#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>
#include <vector>

namespace snc {

struct QuantizationOptions {
  quant::CalibrationMethod method = quant::CalibrationMethod::MaxAbs;
  /// For CalibrationMethod::Percentile.
  double percentile = 99.9;
  /// One scale per output channel (true) or per population (false).
  bool perChannel = true;
  /// Width of integer network inputs made from float ones.
  unsigned inputBits = 16;
  /// Bias correction: the drive the weights' rounding loses on average on
  /// the calibration input enters each population's integer bias.
  bool biasCorrection = false;
  /// Adaptive rounding: weights round up or down so that the drive each
  /// neuron loses on average on the calibration input is near zero.
  bool adaptiveRounding = false;
  /// Fine state: a discrete_lif population fed by folded projections keeps
  /// its membrane, current and threshold 2^k times finer than its weights
  /// (the drive enters through gain 2^k), k as large as the state and
  /// threshold widths allow.
  bool fineState = false;
  /// One array per network input, (steps, *shape): the calibration input.
  /// It sets the scale of numeric network inputs and bounds membrane
  /// ranges; without it, numeric inputs must be given as integers.
  std::vector<runtime::NpyArray> calibration;
};

/// What quantization did to one population and the projections folded
/// into it.
struct LayerReport {
  std::string name;                     // the population's name
  std::string kind;                     // "discrete_lif", "discrete_li"
  std::vector<std::string> projections; // folded into it
  int64_t channels = 0;
  std::vector<double> scales;        // S per channel
  bool powerOfTwo = false;           // every S is a power of two
  quant::ErrorStats weights;         // in float units, over folded weights
  double thresholdRelativeError = 0; // max |theta - theta_q / S| / |theta|
  int64_t decay = 0, fracBits = 0;   // of the first neuron
  std::vector<std::string> notes;
  /// Per channel: what set its scale ("weight range", "threshold range",
  /// "state width", "exact representation", "calibrated agreement", "none").
  std::vector<std::string> limits;
  /// Per channel, in scale units (infinity when nothing bounds it): the
  /// largest scale at which the weights fit the weight levels over the
  /// method's clip range, the threshold fits threshold_bits, the membrane
  /// range fits the state with a bit of headroom, and the parameters
  /// (threshold, reset, bias) fit the state at all (a hard limit).
  std::vector<double> weightBound, thresholdBound, stateBound, hardBound;
  /// Per channel: the rule's scale before snapping to a power of two (the
  /// smallest of the soft bounds), where the search starts.
  std::vector<double> ruleScale;
  /// Per channel, with subtract reset: its threshold when every neuron of
  /// the channel has the same (the search tries scales that represent it
  /// exactly), else 0.
  std::vector<double> subtractedThreshold;
  /// With a calibration input, when candidates were compared: how many,
  /// and this population's spike agreement at the rule's scales and at the
  /// chosen ones.
  int64_t candidates = 0;
  std::optional<double> ruleAgreement, chosenAgreement;
  /// For a discrete_li instead: the RMS error of its dequantized output.
  std::optional<double> ruleError, chosenError;
};

struct QuantizeReport {
  std::string target;
  std::string method;
  bool perChannel = true;
  std::vector<LayerReport> layers;
  std::vector<double> inputScales;  // per network input (1 for spikes)
  std::vector<double> outputScales; // per network output (1 for spikes)
};

/// The options as text, from pass options or the command line.
struct QuantizeSettings {
  std::string target; // name or path/to/file.json
  std::string method = "max-abs";
  double percentile = 99.9;
  std::string granularity = "channel";
  bool biasCorrection = false, adaptiveRounding = false, fineState = false;
  std::string weightBits; // "": the target's; "2".."16" or "ternary"
  std::vector<std::string> calibrationFiles;
};

/// Applies the settings to a loaded target (a weight-bits override) and
/// reads the calibration arrays. On failure `error` says which setting is
/// wrong and why.
bool applyQuantizeSettings(const QuantizeSettings &settings,
                           targets::TargetDescription &target,
                           QuantizationOptions &options, std::string &error);

/// Loads the target, then applyQuantizeSettings.
bool resolveQuantizeSettings(const QuantizeSettings &settings,
                             targets::TargetDescription &target,
                             QuantizationOptions &options, std::string &error);

/// Scales chosen for a population's channels in place of the rule's, and
/// what set each (a LayerReport::limits entry).
struct ScaleChoice {
  std::vector<double> scales;
  std::vector<std::string> limits;
};
using ScaleChoices = llvm::StringMap<ScaleChoice>;

/// What the float network did on the calibration input, by node name: the
/// largest |v| of every population, the mean output of every node feeding
/// a projection (per element, float units).
struct CalibrationStats {
  llvm::StringMap<double> maxAbsV;
  llvm::StringMap<std::vector<double>> meanOut;
  /// The output per step of every node feeding a projection (network
  /// inputs by their name) and v per step of every population: adaptive
  /// rounding's objective.
  llvm::StringMap<runtime::NpyArray> traces, membranes;
};

/// One quantization of `network` with the given choices (by population
/// name) and calibration statistics (empty: nothing calibrated); plans only
/// unless `apply`. quantizeNetwork's building
/// block: it compares candidate choices by running the result.
mlir::LogicalResult quantizeWithChoices(
    snn::NetworkOp network, const targets::TargetDescription &target,
    const QuantizationOptions &options, const ScaleChoices &choices,
    const CalibrationStats &calibration, QuantizeReport &report, bool apply);

/// Quantizes `network` in place for `target`. With a calibration input,
/// where the state width and the weight levels pull a population's scale
/// apart (and for every population with method=search) candidate scales
/// are compared by the spike agreement of that population with the float
/// network's, layer by layer (docs/quantization.md). On failure, emits an error
/// naming the op and reason and leaves the network unchanged.
mlir::LogicalResult quantizeNetwork(snn::NetworkOp network,
                                    const targets::TargetDescription &target,
                                    const QuantizationOptions &options,
                                    QuantizeReport &report);

} // namespace snc

#endif // SNC_PASSES_QUANTIZE_H
