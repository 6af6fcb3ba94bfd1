//===- QuantizeScales.h - choosing fixed-point scales -----------*- C++ -*-===//
//
// The arithmetic of snn-quantize that needs no IR: the clip range a set of
// values is quantized over (max-abs, percentile or MSE-minimising), rounding
// to integers, and the error statistics the quantization report gives.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_QUANTIZESCALES_H
#define SNC_PASSES_QUANTIZESCALES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace snc::quant {

/// Search clips weights as MaxAbs does; quantizeNetwork then compares
/// scales around that start by calibrated spike agreement.
enum class CalibrationMethod { MaxAbs, Percentile, MSE, Search };

/// "max-abs", "percentile", "mse", "search".
llvm::StringRef getMethodName(CalibrationMethod method);
std::optional<CalibrationMethod> parseMethod(llvm::StringRef name);

/// Rounds to the nearest integer, ties to even, saturating to int64.
int64_t roundHalfEven(double x);

/// clamp(roundHalfEven(x * scale), -qmax, qmax).
int64_t quantize(double x, double scale, int64_t qmax);

/// The magnitude that the largest level `qmax` should stand for, for the
/// values `v` (a zero clip means all values are zero):
/// * MaxAbs, Search: max |v| (nothing clips);
/// * Percentile: the `percentile`-th percentile of |v| (the rest clips);
/// * MSE: the clip c (from a grid of 128 fractions of max |v|) minimising
///   sum (v - Q(v))^2 with Q(v) = quantize(v, qmax / c, qmax) * c / qmax.
double clipRange(llvm::ArrayRef<double> values, CalibrationMethod method,
                 double percentile, int64_t qmax);

/// The largest power of two not above x (x > 0).
double floorPowerOfTwo(double x);

/// Whether every value times `scale` is an integer (within 1e-9 relative)
/// of magnitude at most `qmax`.
bool representsExactly(llvm::ArrayRef<double> values, double scale,
                       int64_t qmax);

/// Error statistics of quantized values against the originals.
struct ErrorStats {
  int64_t count = 0;
  int64_t clipped = 0; // |v * scale| beyond qmax + 1/2
  double sumSquaredError = 0, sumSquares = 0, maxAbsError = 0;

  void add(double original, double dequantized, bool wasClipped);
  void merge(const ErrorStats &other);
  double rmse() const;
  /// rmse / rms(original), 0 when the originals are all zero.
  double relativeRmse() const;
  double clippingRate() const;
};

} // namespace snc::quant

#endif // SNC_PASSES_QUANTIZESCALES_H
