//===- KernelsTest.cpp - Tests of the reference interpreter kernels -------===//
//
// Every kernel is checked against an independent, straightforward "gather"
// reference written here, or against a small case computed by hand and
// written out as literal numbers.
//
//===----------------------------------------------------------------------===//

#include "runtime/Kernels.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <type_traits>
#include <vector>

using namespace snc::runtime;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Random tensor from a fixed-seed generator; about 40% of the elements are
/// exactly zero so that the event-driven kernels skip some of them.
template <typename T>
std::vector<T> randomTensor(std::mt19937 &rng, int64_t size) {
  std::vector<T> values(static_cast<size_t>(size));
  std::uniform_int_distribution<int> zero(0, 9);
  for (T &value : values) {
    if (zero(rng) < 4) {
      value = T(0);
      continue;
    }
    if constexpr (std::is_integral_v<T>)
      value = std::uniform_int_distribution<T>(-5, 5)(rng);
    else
      value = std::uniform_real_distribution<T>(T(-1), T(1))(rng);
  }
  return values;
}

/// Integers compare exactly; floating point within 1e-5 relative.
template <typename T>
void expectClose(const std::vector<T> &actual, const std::vector<T> &expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < actual.size(); ++i) {
    if constexpr (std::is_integral_v<T>) {
      EXPECT_EQ(actual[i], expected[i]) << "at index " << i;
    } else {
      const double tolerance =
          1e-5 * std::max(1.0, std::fabs(static_cast<double>(expected[i])));
      EXPECT_NEAR(actual[i], expected[i], tolerance) << "at index " << i;
    }
  }
}

/// Gather reference: every output sums over its own receptive field.
template <typename T>
std::vector<T>
referenceConv2d(const Conv2dGeometry &g, const std::vector<T> &in,
                const std::vector<T> &weight, const std::vector<T> *bias) {
  const int64_t outH = g.outHeight(), outW = g.outWidth();
  const int64_t inPerGroup = g.inChannels / g.groups;
  const int64_t outPerGroup = g.outChannels / g.groups;
  std::vector<T> out(static_cast<size_t>(g.outChannels * outH * outW));
  for (int64_t co = 0; co < g.outChannels; ++co) {
    const int64_t group = co / outPerGroup;
    for (int64_t oh = 0; oh < outH; ++oh) {
      for (int64_t ow = 0; ow < outW; ++ow) {
        T acc = bias ? (*bias)[static_cast<size_t>(co)] : T(0);
        for (int64_t c = 0; c < inPerGroup; ++c) {
          const int64_t ci = group * inPerGroup + c;
          for (int64_t kh = 0; kh < g.kernelHeight; ++kh) {
            const int64_t ih = oh * g.strideH - g.padH + kh * g.dilationH;
            if (ih < 0 || ih >= g.inHeight)
              continue;
            for (int64_t kw = 0; kw < g.kernelWidth; ++kw) {
              const int64_t iw = ow * g.strideW - g.padW + kw * g.dilationW;
              if (iw < 0 || iw >= g.inWidth)
                continue;
              const T w = weight[static_cast<size_t>(
                  ((co * inPerGroup + c) * g.kernelHeight + kh) *
                      g.kernelWidth +
                  kw)];
              const T x = in[static_cast<size_t>(
                  (ci * g.inHeight + ih) * g.inWidth + iw)];
              acc += w * x;
            }
          }
        }
        out[static_cast<size_t>((co * outH + oh) * outW + ow)] = acc;
      }
    }
  }
  return out;
}

/// Gather reference for conv1d, written independently of conv2d.
template <typename T>
std::vector<T>
referenceConv1d(const Conv1dGeometry &g, const std::vector<T> &in,
                const std::vector<T> &weight, const std::vector<T> *bias) {
  const int64_t outL = g.outLength();
  const int64_t inPerGroup = g.inChannels / g.groups;
  const int64_t outPerGroup = g.outChannels / g.groups;
  std::vector<T> out(static_cast<size_t>(g.outChannels * outL));
  for (int64_t co = 0; co < g.outChannels; ++co) {
    const int64_t group = co / outPerGroup;
    for (int64_t o = 0; o < outL; ++o) {
      T acc = bias ? (*bias)[static_cast<size_t>(co)] : T(0);
      for (int64_t c = 0; c < inPerGroup; ++c) {
        const int64_t ci = group * inPerGroup + c;
        for (int64_t k = 0; k < g.kernelSize; ++k) {
          const int64_t i = o * g.stride - g.pad + k * g.dilation;
          if (i < 0 || i >= g.inLength)
            continue;
          acc += weight[static_cast<size_t>(
                     (co * inPerGroup + c) * g.kernelSize + k)] *
                 in[static_cast<size_t>(ci * g.inLength + i)];
        }
      }
      out[static_cast<size_t>(co * outL + o)] = acc;
    }
  }
  return out;
}

/// Gather reference for the window sums of both pools.
template <typename T>
std::vector<T> referenceSumPool2d(const Pool2dGeometry &g,
                                  const std::vector<T> &in) {
  const int64_t outH = g.outHeight(), outW = g.outWidth();
  std::vector<T> out;
  for (int64_t c = 0; c < g.channels; ++c)
    for (int64_t oh = 0; oh < outH; ++oh)
      for (int64_t ow = 0; ow < outW; ++ow) {
        T acc = T(0);
        for (int64_t kh = 0; kh < g.kernelHeight; ++kh)
          for (int64_t kw = 0; kw < g.kernelWidth; ++kw) {
            const int64_t ih = oh * g.strideH - g.padH + kh;
            const int64_t iw = ow * g.strideW - g.padW + kw;
            if (ih >= 0 && ih < g.inHeight && iw >= 0 && iw < g.inWidth)
              acc += in[static_cast<size_t>((c * g.inHeight + ih) * g.inWidth +
                                            iw)];
          }
        out.push_back(acc);
      }
  return out;
}

template <typename T> class KernelsTyped : public ::testing::Test {};
using ElementTypes = ::testing::Types<float, double, int64_t>;
TYPED_TEST_SUITE(KernelsTyped, ElementTypes);

template <typename T>
void checkRandomConv2d(const Conv2dGeometry &g, unsigned seed) {
  std::mt19937 rng(seed);
  const auto in = randomTensor<T>(rng, g.inChannels * g.inHeight * g.inWidth);
  const auto weight =
      randomTensor<T>(rng, g.outChannels * (g.inChannels / g.groups) *
                               g.kernelHeight * g.kernelWidth);
  const auto bias = randomTensor<T>(rng, g.outChannels);
  const size_t outSize =
      static_cast<size_t>(g.outChannels * g.outHeight() * g.outWidth());

  std::vector<T> out(outSize);
  conv2d(g, in.data(), weight.data(), bias.data(), out.data());
  expectClose(out, referenceConv2d(g, in, weight, &bias));

  std::vector<T> outNoBias(outSize);
  conv2d(g, in.data(), weight.data(), static_cast<const T *>(nullptr),
         outNoBias.data());
  expectClose(outNoBias, referenceConv2d<T>(g, in, weight, nullptr));
}

template <typename T>
void checkRandomConv1d(const Conv1dGeometry &g, unsigned seed) {
  std::mt19937 rng(seed);
  const auto in = randomTensor<T>(rng, g.inChannels * g.inLength);
  const auto weight = randomTensor<T>(
      rng, g.outChannels * (g.inChannels / g.groups) * g.kernelSize);
  const auto bias = randomTensor<T>(rng, g.outChannels);
  std::vector<T> out(static_cast<size_t>(g.outChannels * g.outLength()));
  conv1d(g, in.data(), weight.data(), bias.data(), out.data());
  expectClose(out, referenceConv1d(g, in, weight, &bias));
}

//===----------------------------------------------------------------------===//
// Geometry
//===----------------------------------------------------------------------===//

TEST(KernelsGeometry, OutputSizesFollowPyTorch) {
  Conv2dGeometry c{2, 9, 8, 4, 3, 2};
  c.strideH = c.strideW = 2;
  c.padH = c.padW = 1;
  c.dilationH = c.dilationW = 2;
  EXPECT_EQ(c.outHeight(), 4); // floor((9 + 2 - 4 - 1) / 2) + 1
  EXPECT_EQ(c.outWidth(), 4);  // floor((8 + 2 - 2 - 1) / 2) + 1
  // A negative numerator floors (toward -inf), it does not truncate.
  Conv2dGeometry tooBig{1, 3, 3, 1, 4, 4};
  tooBig.strideH = tooBig.strideW = 2;
  EXPECT_EQ(tooBig.outHeight(), 0);

  Conv1dGeometry c1{1, 10, 1, 3};
  c1.stride = 3;
  c1.pad = 2;
  c1.dilation = 2;
  EXPECT_EQ(c1.outLength(), 4); // floor((10 + 4 - 4 - 1) / 3) + 1

  Pool2dGeometry p{1, 7, 6, 3, 2, 2, 3, 1, 0};
  EXPECT_EQ(p.outHeight(), 4); // floor((7 + 2 - 3) / 2) + 1
  EXPECT_EQ(p.outWidth(), 2);  // floor((6 - 2) / 3) + 1
  Pool2dGeometry tooBigPool{1, 3, 3, 4, 4, 2, 2};
  EXPECT_EQ(tooBigPool.outHeight(), 0); // floor(-1 / 2) + 1
}

//===----------------------------------------------------------------------===//
// conv2d
//===----------------------------------------------------------------------===//

TYPED_TEST(KernelsTyped, Conv2dStride2Pad1Dilation2Groups2MatchesGather) {
  Conv2dGeometry g{4, 9, 8, 6, 3, 2};
  g.strideH = g.strideW = 2;
  g.padH = g.padW = 1;
  g.dilationH = g.dilationW = 2;
  g.groups = 2;
  checkRandomConv2d<TypeParam>(g, 20240501u);
}

TYPED_TEST(KernelsTyped, Conv2dAsymmetricGeometryMatchesGather) {
  Conv2dGeometry g{6, 7, 11, 3, 2, 3};
  g.strideH = 1;
  g.strideW = 3;
  g.padH = 2;
  g.padW = 0;
  g.dilationH = 3;
  g.dilationW = 2;
  g.groups = 3;
  checkRandomConv2d<TypeParam>(g, 7u);
}

TYPED_TEST(KernelsTyped, Conv2dHandComputed3x3On4x4) {
  using T = TypeParam;
  const std::vector<T> in = {1, 0,  2, 0,  //
                             0, 3,  0, -1, //
                             4, 0,  0, 2,  //
                             0, -2, 1, 0};
  const std::vector<T> weight = {1,  2,  0, //
                                 0,  -1, 3, //
                                 -2, 0,  1};
  const T bias[] = {5};

  Conv2dGeometry g{1, 4, 4, 1, 3, 3};
  std::vector<T> out(4);
  conv2d(g, in.data(), weight.data(), bias, out.data());
  EXPECT_EQ(out, (std::vector<T>{-5, 8, 12, 18}));

  g.strideH = g.strideW = 2;
  g.padH = g.padW = 1;
  ASSERT_EQ(g.outHeight(), 2);
  ASSERT_EQ(g.outWidth(), 2);
  conv2d(g, in.data(), weight.data(), bias, out.data());
  EXPECT_EQ(out, (std::vector<T>{7, -4, -1, 18}));
}

TEST(KernelsSparsity, Conv2dAllZeroInputGivesExactlyTheBias) {
  // NaN weights would poison any output they were multiplied into: zero
  // inputs must not be touched at all. -0.0 counts as zero too.
  Conv2dGeometry g{2, 5, 5, 3, 3, 3};
  g.padH = g.padW = 1;
  std::vector<float> in(2 * 5 * 5, 0.0f);
  in[7] = -0.0f;
  const std::vector<float> weight(3 * 2 * 3 * 3,
                                  std::numeric_limits<float>::quiet_NaN());
  const float bias[] = {0.25f, -1.5f, -0.0f};
  std::vector<float> out(3 * 5 * 5, 42.0f);
  conv2d(g, in.data(), weight.data(), bias, out.data());
  for (size_t i = 0; i < out.size(); ++i) {
    const float expected = bias[i / 25];
    EXPECT_EQ(out[i], expected) << "at index " << i;
    EXPECT_EQ(std::signbit(out[i]), std::signbit(expected)) << "at " << i;
  }

  const std::vector<int64_t> inInt(2 * 5 * 5, 0);
  const std::vector<int64_t> weightInt(3 * 2 * 3 * 3, 9);
  const int64_t biasInt[] = {3, -7, 0};
  std::vector<int64_t> outInt(3 * 5 * 5, 42);
  conv2d(g, inInt.data(), weightInt.data(), biasInt, outInt.data());
  for (size_t i = 0; i < outInt.size(); ++i)
    EXPECT_EQ(outInt[i], biasInt[i / 25]) << "at index " << i;

  conv2d(g, inInt.data(), weightInt.data(),
         static_cast<const int64_t *>(nullptr), outInt.data());
  for (int64_t value : outInt)
    EXPECT_EQ(value, 0);
}

TEST(KernelsSparsity, Conv2dSingleSpikeScattersOneKernel) {
  // One input spike at the centre of a 5x5 input with padding 1 reaches a
  // 3x3 block of outputs, each with one (flipped) kernel tap.
  Conv2dGeometry g{1, 5, 5, 1, 3, 3};
  g.padH = g.padW = 1;
  std::vector<int64_t> in(25, 0);
  in[2 * 5 + 2] = 1;
  const std::vector<int64_t> weight = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  std::vector<int64_t> out(25);
  conv2d(g, in.data(), weight.data(), static_cast<const int64_t *>(nullptr),
         out.data());
  EXPECT_EQ(out, (std::vector<int64_t>{0, 0, 0, 0, 0, //
                                       0, 9, 8, 7, 0, //
                                       0, 6, 5, 4, 0, //
                                       0, 3, 2, 1, 0, //
                                       0, 0, 0, 0, 0}));
}

TEST(KernelsInt64, ArithmeticWrapsModulo2To64) {
  Conv1dGeometry g{1, 2, 1, 2};
  const int64_t max = std::numeric_limits<int64_t>::max();
  const int64_t in[] = {max, 1};
  const int64_t weight[] = {2, 1};
  const int64_t bias[] = {3};
  int64_t out[1];
  conv1d(g, in, weight, bias, out);
  EXPECT_EQ(out[0], 2); // 3 + 2 * max + 1 == 3 - 2 + 1 (mod 2^64)
}

//===----------------------------------------------------------------------===//
// conv1d
//===----------------------------------------------------------------------===//

TYPED_TEST(KernelsTyped, Conv1dStride2Pad1Dilation2Groups2MatchesGather) {
  Conv1dGeometry g{4, 13, 6, 3};
  g.stride = 2;
  g.pad = 1;
  g.dilation = 2;
  g.groups = 2;
  checkRandomConv1d<TypeParam>(g, 12345u);
}

TYPED_TEST(KernelsTyped, Conv1dDepthwiseStride3MatchesGather) {
  Conv1dGeometry g{3, 17, 6, 4};
  g.stride = 3;
  g.pad = 3;
  g.dilation = 1;
  g.groups = 3;
  checkRandomConv1d<TypeParam>(g, 99u);
}

TYPED_TEST(KernelsTyped, Conv1dHandComputed) {
  using T = TypeParam;
  Conv1dGeometry g{1, 6, 1, 3};
  g.stride = 2;
  g.pad = 1;
  ASSERT_EQ(g.outLength(), 3);
  const T in[] = {1, 0, -2, 3, 0, 1};
  const T weight[] = {2, -1, 1};
  const T bias[] = {-1};
  std::vector<T> out(3);
  conv1d(g, in, weight, bias, out.data());
  EXPECT_EQ(out, (std::vector<T>{-2, 4, 6}));
}

TEST(KernelsSparsity, Conv1dAllZeroInputGivesExactlyTheBias) {
  Conv1dGeometry g{2, 8, 4, 3};
  g.pad = 2;
  g.dilation = 2;
  g.groups = 2;
  const std::vector<double> in(2 * 8, 0.0);
  const std::vector<double> weight(4 * 1 * 3,
                                   std::numeric_limits<double>::infinity());
  const double bias[] = {1.0, -2.5, 0.125, 0.0};
  std::vector<double> out(4 * 8, 42.0);
  ASSERT_EQ(g.outLength(), 8);
  conv1d(g, in.data(), weight.data(), bias, out.data());
  for (size_t i = 0; i < out.size(); ++i)
    EXPECT_EQ(out[i], bias[i / 8]) << "at index " << i;
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

TYPED_TEST(KernelsTyped, SumPoolPaddedNonSquareStrideMatchesGather) {
  using T = TypeParam;
  Pool2dGeometry g{3, 9, 10, 3, 2, 2, 3, 1, 1};
  std::mt19937 rng(4242u);
  const auto in = randomTensor<T>(rng, 3 * 9 * 10);
  std::vector<T> out(static_cast<size_t>(3 * g.outHeight() * g.outWidth()));
  sumPool2d(g, in.data(), out.data());
  expectClose(out, referenceSumPool2d(g, in));
}

TYPED_TEST(KernelsTyped, SumPoolHandComputed) {
  using T = TypeParam;
  // 2x3 windows, stride (1, 2), padding (1, 1) on a 3x4 input -> 4x2.
  Pool2dGeometry g{1, 3, 4, 2, 3, 1, 2, 1, 1};
  ASSERT_EQ(g.outHeight(), 4);
  ASSERT_EQ(g.outWidth(), 2);
  const T in[] = {1,  -2, 3,  4, //
                  5,  6,  -7, 8, //
                  -9, 10, 11, -12};
  std::vector<T> out(8);
  sumPool2d(g, in, out.data());
  EXPECT_EQ(out, (std::vector<T>{-1, 5, 10, 12, 12, 16, 1, 9}));
}

TYPED_TEST(KernelsTyped, AvgPoolPaddedNonSquareStrideMatchesGather) {
  using T = TypeParam;
  Pool2dGeometry g{2, 8, 9, 2, 3, 3, 2, 1, 1};
  std::mt19937 rng(777u);
  const auto in = randomTensor<T>(rng, 2 * 8 * 9);
  std::vector<T> out(static_cast<size_t>(2 * g.outHeight() * g.outWidth()));
  avgPool2d(g, in.data(), out.data());
  std::vector<T> expected = referenceSumPool2d(g, in);
  for (T &value : expected) {
    if constexpr (std::is_integral_v<T>) {
      // Floor division by 6, written without the kernel's helper.
      value = value >= 0 ? value / 6 : -((-value + 5) / 6);
    } else {
      value /= T(6);
    }
  }
  expectClose(out, expected);
}

TEST(KernelsPool, AvgPoolFloatHandComputedCountsPadding) {
  Pool2dGeometry g{1, 3, 4, 2, 3, 1, 2, 1, 1};
  const float in[] = {1, -2, 3, 4, 5, 6, -7, 8, -9, 10, 11, -12};
  std::vector<float> out(8);
  avgPool2d(g, in, out.data());
  // Window sums {-1, 5, 10, 12, 12, 16, 1, 9}, always divided by 2*3 = 6.
  const std::vector<float> expected = {-1.0f / 6, 5.0f / 6,  10.0f / 6, 2.0f,
                                       2.0f,      16.0f / 6, 1.0f / 6,  1.5f};
  expectClose(out, expected);
}

TEST(KernelsPool, AvgPoolInt64FloorsTowardNegativeInfinity) {
  Pool2dGeometry g{1, 3, 4, 2, 3, 1, 2, 1, 1};
  const int64_t in[] = {1, -2, 3, 4, 5, 6, -7, 8, -9, 10, 11, -12};
  std::vector<int64_t> out(8);
  avgPool2d(g, in, out.data());
  // Window sums {-1, 5, 10, 12, 12, 16, 1, 9} / 6; -1/6 floors to -1.
  EXPECT_EQ(out, (std::vector<int64_t>{-1, 0, 1, 2, 2, 2, 0, 1}));

  // One 1x2 window per channel, divisor 2: sums -3, -4, 3, -1, -12, 0.
  Pool2dGeometry pairs{6, 1, 2, 1, 2, 1, 1};
  const int64_t pairIn[] = {-3, 0, -5, 1, 2, 1, 0, -1, -6, -6, 0, 0};
  std::vector<int64_t> pairOut(6);
  avgPool2d(pairs, pairIn, pairOut.data());
  EXPECT_EQ(pairOut, (std::vector<int64_t>{-2, -2, 1, -1, -6, 0}));
}

//===----------------------------------------------------------------------===//
// Spiking self-attention
//===----------------------------------------------------------------------===//

TEST(KernelsAttention, SpikformerHandComputed3x2) {
  // KᵀV = [[1, 1], [2, 1]];  Q·KᵀV = [[1, 1], [2, 1], [3, 2]].
  const float q[] = {1, 0, 0, 1, 1, 1};
  const float k[] = {1, 1, 0, 1, 1, 0};
  const float v[] = {1, 0, 1, 1, 0, 1};
  std::vector<float> out(6, -1.0f);
  spikformerAttention(q, k, v, 3, 2, 0.25f, out.data());
  EXPECT_EQ(out, (std::vector<float>{0.25f, 0.25f, 0.5f, 0.25f, 0.75f, 0.5f}));

  const int64_t qi[] = {1, 0, 0, 1, 1, 1};
  const int64_t ki[] = {1, 1, 0, 1, 1, 0};
  const int64_t vi[] = {1, 0, 1, 1, 0, 1};
  std::vector<int64_t> outInt(6, -1);
  std::vector<int64_t> scratch(4, 99);
  spikformerAttention(qi, ki, vi, 3, 2, int64_t(3), outInt.data(),
                      scratch.data());
  EXPECT_EQ(outInt, (std::vector<int64_t>{3, 3, 6, 3, 9, 6}));
  EXPECT_EQ(scratch, (std::vector<int64_t>{1, 1, 2, 1}));
}

TYPED_TEST(KernelsTyped, SpikformerMatchesDenseQKtV) {
  using T = TypeParam;
  const size_t n = 7, d = 5;
  std::mt19937 rng(31337u);
  std::bernoulli_distribution spike(0.4);
  std::vector<T> q(n * d), k(n * d), v(n * d);
  for (auto *tensor : {&q, &k, &v})
    for (T &value : *tensor)
      value = spike(rng) ? T(1) : T(0);
  const T scale = std::is_integral_v<T> ? T(2) : T(0.125);
  std::vector<T> out(n * d);
  spikformerAttention(q.data(), k.data(), v.data(), static_cast<int64_t>(n),
                      static_cast<int64_t>(d), scale, out.data());

  // (Q·Kᵀ)·V, gathered densely; equal to Q·(Kᵀ·V) exactly for 0/1 spikes.
  std::vector<T> expected(n * d);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < d; ++j) {
      T acc = T(0);
      for (size_t m = 0; m < n; ++m) {
        T qk = T(0);
        for (size_t f = 0; f < d; ++f)
          qk += q[i * d + f] * k[m * d + f];
        acc += qk * v[m * d + j];
      }
      expected[i * d + j] = acc * scale;
    }
  expectClose(out, expected);
}

TYPED_TEST(KernelsTyped, SpikeDrivenHandComputedStrictThreshold) {
  using T = TypeParam;
  // colsum = {2, 1, 0} against threshold 1: column 0 passes, column 1 sits
  // exactly on the threshold (strict >, so masked) and column 2 is below.
  const T q[] = {1, 0, 1, //
                 1, 1, 0, //
                 0, 1, 0};
  const T k[] = {1, 1, 0, //
                 1, 0, 1, //
                 1, 1, 1};
  const T v[] = {1, 2, 3, //
                 4, 5, 6, //
                 7, 8, 9};
  std::vector<T> out(9, T(-1));
  spikeDrivenAttention(q, k, v, 3, 3, T(1), out.data());
  EXPECT_EQ(out, (std::vector<T>{1, 0, 0, //
                                 4, 0, 0, //
                                 7, 0, 0}));

  // Lowering the threshold below 1 lets column 1 through as well.
  spikeDrivenAttention(q, k, v, 3, 3, T(0), out.data());
  EXPECT_EQ(out, (std::vector<T>{1, 2, 0, //
                                 4, 5, 0, //
                                 7, 8, 0}));
}

} // namespace
