//===- QuantizeScales.cpp - choosing fixed-point scales
//--------------------===//

#include "passes/QuantizeScales.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace snc::quant {

llvm::StringRef getMethodName(CalibrationMethod method) {
  switch (method) {
  case CalibrationMethod::MaxAbs:
    return "max-abs";
  case CalibrationMethod::Percentile:
    return "percentile";
  case CalibrationMethod::MSE:
    return "mse";
  case CalibrationMethod::Search:
    return "search";
  }
  return "";
}

std::optional<CalibrationMethod> parseMethod(llvm::StringRef name) {
  for (CalibrationMethod m :
       {CalibrationMethod::MaxAbs, CalibrationMethod::Percentile,
        CalibrationMethod::MSE, CalibrationMethod::Search})
    if (getMethodName(m) == name)
      return m;
  return std::nullopt;
}

int64_t roundHalfEven(double x) {
  constexpr double limit = 9.2233720368547758e18; // 2^63
  if (!(x > -limit))
    return std::numeric_limits<int64_t>::min();
  if (!(x < limit))
    return std::numeric_limits<int64_t>::max();
  return int64_t(std::nearbyint(x)); // default FP rounding: ties to even
}

int64_t quantize(double x, double scale, int64_t qmax) {
  return std::clamp<int64_t>(roundHalfEven(x * scale), -qmax, qmax);
}

static double squaredErrorAt(llvm::ArrayRef<double> values, double clip,
                             int64_t qmax) {
  double scale = double(qmax) / clip, sum = 0;
  for (double v : values) {
    double e = v - double(quantize(v, scale, qmax)) / scale;
    sum += e * e;
  }
  return sum;
}

double clipRange(llvm::ArrayRef<double> values, CalibrationMethod method,
                 double percentile, int64_t qmax) {
  double maxAbs = 0;
  for (double v : values)
    maxAbs = std::max(maxAbs, std::fabs(v));
  if (maxAbs == 0 || values.empty())
    return 0;
  switch (method) {
  case CalibrationMethod::MaxAbs:
  case CalibrationMethod::Search:
    return maxAbs;
  case CalibrationMethod::Percentile: {
    std::vector<double> magnitudes;
    magnitudes.reserve(values.size());
    for (double v : values)
      magnitudes.push_back(std::fabs(v));
    double rank =
        std::clamp(percentile, 0.0, 100.0) / 100.0 * double(magnitudes.size());
    size_t index = std::min(magnitudes.size() - 1,
                            size_t(std::max(1.0, std::ceil(rank))) - 1);
    std::nth_element(magnitudes.begin(), magnitudes.begin() + index,
                     magnitudes.end());
    // A percentile of zero (mostly-zero weights) would clip everything.
    return magnitudes[index] > 0 ? magnitudes[index] : maxAbs;
  }
  case CalibrationMethod::MSE: {
    constexpr int kSteps = 128;
    double best = maxAbs, bestError = squaredErrorAt(values, maxAbs, qmax);
    for (int k = kSteps - 1; k >= 1; --k) {
      double clip = maxAbs * k / kSteps;
      double error = squaredErrorAt(values, clip, qmax);
      if (error < bestError) {
        best = clip;
        bestError = error;
      }
    }
    return best;
  }
  }
  return maxAbs;
}

double floorPowerOfTwo(double x) {
  int exponent;
  std::frexp(x, &exponent); // x = m * 2^exponent, m in [0.5, 1)
  return std::ldexp(1.0, exponent - 1);
}

bool representsExactly(llvm::ArrayRef<double> values, double scale,
                       int64_t qmax) {
  for (double v : values) {
    double scaled = v * scale;
    double nearest = std::nearbyint(scaled);
    if (std::fabs(nearest) > double(qmax) ||
        std::fabs(scaled - nearest) > 1e-9 * std::max(1.0, std::fabs(scaled)))
      return false;
  }
  return true;
}

void ErrorStats::add(double original, double dequantized, bool wasClipped) {
  double e = original - dequantized;
  ++count;
  clipped += wasClipped;
  sumSquaredError += e * e;
  sumSquares += original * original;
  maxAbsError = std::max(maxAbsError, std::fabs(e));
}

void ErrorStats::merge(const ErrorStats &other) {
  count += other.count;
  clipped += other.clipped;
  sumSquaredError += other.sumSquaredError;
  sumSquares += other.sumSquares;
  maxAbsError = std::max(maxAbsError, other.maxAbsError);
}

double ErrorStats::rmse() const {
  return count ? std::sqrt(sumSquaredError / double(count)) : 0;
}

double ErrorStats::relativeRmse() const {
  return sumSquares > 0 ? std::sqrt(sumSquaredError / sumSquares) : 0;
}

double ErrorStats::clippingRate() const {
  return count ? double(clipped) / double(count) : 0;
}

} // namespace snc::quant
