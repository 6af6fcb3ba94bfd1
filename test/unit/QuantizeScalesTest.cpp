//===- QuantizeScalesTest.cpp - snn-quantize's scale arithmetic -----------===//

#include "passes/QuantizeScales.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace snc::quant;

TEST(QuantizeScales, RoundHalfEvenBreaksTiesToEven) {
  EXPECT_EQ(roundHalfEven(0.5), 0);
  EXPECT_EQ(roundHalfEven(1.5), 2);
  EXPECT_EQ(roundHalfEven(2.5), 2);
  EXPECT_EQ(roundHalfEven(-0.5), 0);
  EXPECT_EQ(roundHalfEven(-1.5), -2);
  EXPECT_EQ(roundHalfEven(-2.5), -2);
  EXPECT_EQ(roundHalfEven(2.4999), 2);
}

TEST(QuantizeScales, RoundHalfEvenSaturatesAtTheInt64Limits) {
  EXPECT_EQ(roundHalfEven(1e300), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(roundHalfEven(-1e300), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(roundHalfEven(-9.2233720368547758e18),
            std::numeric_limits<int64_t>::min());
}

TEST(QuantizeScales, QuantizeClampsSymmetrically) {
  // 8-bit weights span -127..127: the most negative level -128 is unused,
  // so a weight and its negation quantize to negated levels.
  EXPECT_EQ(quantize(1.0, 127, 127), 127);
  EXPECT_EQ(quantize(-1.0, 127, 127), -127);
  EXPECT_EQ(quantize(-2.0, 127, 127), -127);
  EXPECT_EQ(quantize(0.3, 10, 1), 1); // ternary
  EXPECT_EQ(quantize(-0.04, 10, 1), 0);
}

TEST(QuantizeScales, MaxAbsClipsNothing) {
  std::vector<double> v{0.1, -0.7, 0.3};
  EXPECT_DOUBLE_EQ(clipRange(v, CalibrationMethod::MaxAbs, 99.9, 127), 0.7);
  EXPECT_EQ(clipRange({}, CalibrationMethod::MaxAbs, 99.9, 127), 0);
  EXPECT_EQ(clipRange({0.0, 0.0}, CalibrationMethod::MSE, 99.9, 127), 0);
  // The search starts from max-abs's clip.
  EXPECT_DOUBLE_EQ(clipRange(v, CalibrationMethod::Search, 99.9, 15), 0.7);
}

TEST(QuantizeScales, PercentileIgnoresOutliers) {
  std::vector<double> v;
  for (int i = 1; i <= 1000; ++i)
    v.push_back(i % 2 ? i / 1000.0 : -i / 1000.0);
  v.push_back(50.0); // one outlier
  double clip = clipRange(v, CalibrationMethod::Percentile, 99.0, 127);
  // The 99th percentile of 1001 magnitudes is the 991st smallest.
  EXPECT_DOUBLE_EQ(clip, 0.991);
}

TEST(QuantizeScales, MSEClipsHeavyTailsForFewLevels) {
  // Ternary levels for many small values and one three times larger:
  // clipping at the maximum rounds every small value to zero, which costs
  // more than clipping the large one.
  std::vector<double> v{0.3};
  for (int i = 0; i < 20; ++i)
    v.push_back(i % 2 ? 0.1 : -0.1);
  double clip = clipRange(v, CalibrationMethod::MSE, 99.9, 1);
  EXPECT_LT(clip, 0.2);
  EXPECT_GT(clip, 0.06);
  double err = 0, errMax = 0;
  for (double x : v) {
    double q = double(quantize(x, 1 / clip, 1)) * clip;
    double qMax = double(quantize(x, 1 / 0.3, 1)) * 0.3;
    err += (x - q) * (x - q);
    errMax += (x - qMax) * (x - qMax);
  }
  EXPECT_LT(err, errMax);
}

TEST(QuantizeScales, PowersOfTwo) {
  EXPECT_EQ(floorPowerOfTwo(1.0), 1.0);
  EXPECT_EQ(floorPowerOfTwo(20.0), 16.0);
  EXPECT_EQ(floorPowerOfTwo(0.3), 0.25);
  EXPECT_EQ(floorPowerOfTwo(169.33), 128.0);
}

TEST(QuantizeScales, RepresentsExactly) {
  EXPECT_TRUE(representsExactly({0.5, -0.125, 0.75}, 8, 15));
  EXPECT_FALSE(representsExactly({0.5, -0.125, 0.7}, 8, 15));
  EXPECT_FALSE(representsExactly({2.0}, 8, 15)); // 16 is beyond 15
  EXPECT_TRUE(representsExactly({-1.875}, 8, 15));
}

TEST(QuantizeScales, ErrorStatistics) {
  ErrorStats stats;
  stats.add(1.0, 1.0, false);
  stats.add(-0.5, -0.25, false);
  stats.add(3.0, 2.0, true);
  EXPECT_EQ(stats.count, 3);
  EXPECT_EQ(stats.clipped, 1);
  EXPECT_DOUBLE_EQ(stats.clippingRate(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(stats.maxAbsError, 1.0);
  EXPECT_DOUBLE_EQ(stats.rmse(), std::sqrt((0.0625 + 1.0) / 3));
  EXPECT_DOUBLE_EQ(stats.relativeRmse(), std::sqrt(1.0625 / 10.25));
}

TEST(QuantizeScales, MethodNames) {
  EXPECT_EQ(parseMethod("mse"), CalibrationMethod::MSE);
  EXPECT_EQ(parseMethod("max-abs"), CalibrationMethod::MaxAbs);
  EXPECT_EQ(parseMethod("search"), CalibrationMethod::Search);
  EXPECT_EQ(getMethodName(CalibrationMethod::Search), "search");
  EXPECT_FALSE(parseMethod("median").has_value());
  EXPECT_EQ(getMethodName(CalibrationMethod::Percentile), "percentile");
}
