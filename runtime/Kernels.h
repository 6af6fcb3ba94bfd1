//===- Kernels.h - Numeric kernels of the reference interpreter -*- C++ -*-===//
//
// Convolution, pooling and spiking self-attention kernels of the reference
// interpreter, the golden model that every hardware backend is compared
// against bit for bit. The semantics, including the order in which every
// output is accumulated, are stated in docs/kernels.md; keep the two in sync.
//
// All tensors are dense and row-major (C order) without a batch dimension.
// The element type T is float, double or int64_t and every sum is accumulated
// in T. Integer arithmetic wraps modulo 2^64 (two's complement) instead of
// being undefined on overflow.
//
// Floating-point results are only reproducible if the compiler does not fuse
// a multiply and an add into one FMA: the kernels keep the product and the
// sum in separate statements (enough for Clang's default -ffp-contract=on),
// but GCC in GNU mode defaults to -ffp-contract=fast, so build translation
// units that use these kernels with -ffp-contract=off when FMA is available.
//
// Header-only, standard library only; no exceptions. Preconditions are
// checked with assert().
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_KERNELS_H
#define SNC_RUNTIME_KERNELS_H

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace snc::runtime {

namespace detail {

/// The element types the kernels are defined (and documented) for.
template <typename T>
inline constexpr bool isKernelElementType =
    std::is_same_v<T, float> || std::is_same_v<T, double> ||
    std::is_same_v<T, int64_t>;

/// floor(a / b), rounding toward negative infinity; b must not be zero.
constexpr int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/// a + b; wraps modulo 2^64 for integers.
template <typename T> inline T add(T a, T b) {
  if constexpr (std::is_integral_v<T>) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(a) + static_cast<U>(b));
  } else {
    return a + b;
  }
}

/// a * b; wraps modulo 2^64 for integers.
template <typename T> inline T mul(T a, T b) {
  if constexpr (std::is_integral_v<T>) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(a) * static_cast<U>(b));
  } else {
    return a * b;
  }
}

/// acc + (a * b) with two roundings for floating point (never an FMA as far
/// as the source is concerned; see the file comment).
template <typename T> inline T mulAdd(T acc, T a, T b) {
  T product = mul(a, b);
  return add(acc, product);
}

/// sum / count: IEEE division for floating point, floor division (toward
/// negative infinity) for integers. count must be positive.
template <typename T> inline T divideByCount(T sum, int64_t count) {
  if constexpr (std::is_integral_v<T>)
    return static_cast<T>(floorDiv(sum, count));
  else
    return sum / static_cast<T>(count);
}

/// For one spatial axis of a convolution: for every input position i, the
/// pairs (kernel tap k, output position o) with
///   o * stride - pad + k * dilation == i,  0 <= k < kernel,  0 <= o < out,
/// in ascending k. Row i holds count[i] valid entries at [i * kernel, ...).
struct AxisTaps {
  std::vector<int64_t> tap, output, count;
};

inline AxisTaps computeAxisTaps(int64_t in, int64_t kernel, int64_t stride,
                                int64_t pad, int64_t dilation, int64_t out) {
  AxisTaps taps;
  taps.tap.resize(static_cast<size_t>(in * kernel));
  taps.output.resize(static_cast<size_t>(in * kernel));
  taps.count.assign(static_cast<size_t>(in), 0);
  for (int64_t i = 0; i < in; ++i) {
    int64_t n = 0;
    for (int64_t k = 0; k < kernel; ++k) {
      int64_t t = i + pad - k * dilation; // == o * stride
      if (t < 0)
        break; // t only decreases with k.
      if (t % stride != 0 || t / stride >= out)
        continue;
      taps.tap[static_cast<size_t>(i * kernel + n)] = k;
      taps.output[static_cast<size_t>(i * kernel + n)] = t / stride;
      ++n;
    }
    taps.count[static_cast<size_t>(i)] = n;
  }
  return taps;
}

} // namespace detail

//===----------------------------------------------------------------------===//
// Convolution
//===----------------------------------------------------------------------===//

struct Conv2dGeometry {
  int64_t inChannels, inHeight, inWidth;
  int64_t outChannels, kernelHeight, kernelWidth;
  int64_t strideH = 1, strideW = 1, padH = 0, padW = 0, dilationH = 1,
          dilationW = 1;
  int64_t groups = 1;

  /// floor((inH + 2*padH - dilH*(kH-1) - 1) / strideH) + 1, as PyTorch.
  int64_t outHeight() const {
    return detail::floorDiv(inHeight + 2 * padH -
                                dilationH * (kernelHeight - 1) - 1,
                            strideH) +
           1;
  }
  /// floor((inW + 2*padW - dilW*(kW-1) - 1) / strideW) + 1, as PyTorch.
  int64_t outWidth() const {
    return detail::floorDiv(inWidth + 2 * padW - dilationW * (kernelWidth - 1) -
                                1,
                            strideW) +
           1;
  }
};

/// out[Cout, Ho, Wo] = bias[co] + sum over (ci in group, kh, kw) of
/// weight[co][ci][kh][kw] * in[ci][oh*sH - pH + kh*dH][ow*sW - pW + kw*dW],
/// with zero padding. weight layout [Cout, Cin/groups, kH, kW]; bias may be
/// nullptr (treated as 0).
///
/// Event-driven: out is first initialised with the bias, then the nonzero
/// input elements are visited in row-major input order and each scatters its
/// contribution into every output it reaches; inputs equal to zero (including
/// -0.0) cost nothing and are never multiplied. Every output thus accumulates
/// bias first and then its contributions in increasing row-major input index.
template <typename T>
void conv2d(const Conv2dGeometry &g, const T *in, const T *weight,
            const T *bias, T *out) {
  static_assert(detail::isKernelElementType<T>,
                "conv2d is defined for float, double and int64_t");
  const int64_t outH = g.outHeight(), outW = g.outWidth();
  assert(g.inChannels > 0 && g.inHeight > 0 && g.inWidth > 0 &&
         g.outChannels > 0 && g.kernelHeight > 0 && g.kernelWidth > 0 &&
         "sizes must be positive");
  assert(g.strideH > 0 && g.strideW > 0 && g.dilationH > 0 && g.dilationW > 0 &&
         g.padH >= 0 && g.padW >= 0 && "invalid stride, dilation or padding");
  assert(g.groups > 0 && g.inChannels % g.groups == 0 &&
         g.outChannels % g.groups == 0 &&
         "groups must divide both channel counts");
  assert(outH > 0 && outW > 0 && "empty output: kernel exceeds input");

  const int64_t outPlane = outH * outW;
  const int64_t kernelPlane = g.kernelHeight * g.kernelWidth;
  const int64_t inPerGroup = g.inChannels / g.groups;
  const int64_t outPerGroup = g.outChannels / g.groups;
  // Distance in weight between the kernels of consecutive output channels.
  const int64_t weightChannelStride = inPerGroup * kernelPlane;

  // 1. Initialise with the bias.
  for (int64_t co = 0; co < g.outChannels; ++co) {
    const T b = bias ? bias[co] : T(0);
    T *plane = out + co * outPlane;
    for (int64_t i = 0; i < outPlane; ++i)
      plane[i] = b;
  }

  // 2. Which (tap, output) pairs every input row and column reaches.
  const detail::AxisTaps rows = detail::computeAxisTaps(
      g.inHeight, g.kernelHeight, g.strideH, g.padH, g.dilationH, outH);
  const detail::AxisTaps cols = detail::computeAxisTaps(
      g.inWidth, g.kernelWidth, g.strideW, g.padW, g.dilationW, outW);

  // 3. Scatter every nonzero input in row-major order.
  const T *x = in;
  for (int64_t ci = 0; ci < g.inChannels; ++ci) {
    const int64_t group = ci / inPerGroup;
    const int64_t ciInGroup = ci % inPerGroup;
    const T *groupWeight = weight + group * outPerGroup * weightChannelStride +
                           ciInGroup * kernelPlane;
    T *groupOut = out + group * outPerGroup * outPlane;
    for (int64_t ih = 0; ih < g.inHeight; ++ih) {
      const int64_t numRows = rows.count[static_cast<size_t>(ih)];
      const int64_t *rowTap = rows.tap.data() + ih * g.kernelHeight;
      const int64_t *rowOut = rows.output.data() + ih * g.kernelHeight;
      for (int64_t iw = 0; iw < g.inWidth; ++iw) {
        const T value = *x++;
        if (value == T(0))
          continue;
        const int64_t numCols = cols.count[static_cast<size_t>(iw)];
        const int64_t *colTap = cols.tap.data() + iw * g.kernelWidth;
        const int64_t *colOut = cols.output.data() + iw * g.kernelWidth;
        for (int64_t c = 0; c < outPerGroup; ++c) {
          const T *kernel = groupWeight + c * weightChannelStride;
          T *plane = groupOut + c * outPlane;
          for (int64_t r = 0; r < numRows; ++r) {
            const T *kernelRow = kernel + rowTap[r] * g.kernelWidth;
            T *outRow = plane + rowOut[r] * outW;
            for (int64_t s = 0; s < numCols; ++s) {
              T &o = outRow[colOut[s]];
              o = detail::mulAdd(o, kernelRow[colTap[s]], value);
            }
          }
        }
      }
    }
  }
}

struct Conv1dGeometry {
  int64_t inChannels, inLength, outChannels, kernelSize;
  int64_t stride = 1, pad = 0, dilation = 1, groups = 1;

  /// floor((L + 2*pad - dilation*(K-1) - 1) / stride) + 1, as PyTorch.
  int64_t outLength() const {
    return detail::floorDiv(
               inLength + 2 * pad - dilation * (kernelSize - 1) - 1, stride) +
           1;
  }
};

/// conv2d in one dimension: input [Cin, L], weight [Cout, Cin/groups, K],
/// output [Cout, Lo]. Exactly conv2d with inHeight = kernelHeight = 1 (same
/// results, same event-driven order of accumulation).
template <typename T>
void conv1d(const Conv1dGeometry &g, const T *in, const T *weight,
            const T *bias, T *out) {
  Conv2dGeometry g2;
  g2.inChannels = g.inChannels;
  g2.inHeight = 1;
  g2.inWidth = g.inLength;
  g2.outChannels = g.outChannels;
  g2.kernelHeight = 1;
  g2.kernelWidth = g.kernelSize;
  g2.strideW = g.stride;
  g2.padW = g.pad;
  g2.dilationW = g.dilation;
  g2.groups = g.groups;
  conv2d(g2, in, weight, bias, out);
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

struct Pool2dGeometry {
  int64_t channels, inHeight, inWidth, kernelHeight, kernelWidth, strideH,
      strideW, padH = 0, padW = 0;

  /// floor((inH + 2*padH - kH) / strideH) + 1 (PyTorch, ceil_mode=False).
  int64_t outHeight() const {
    return detail::floorDiv(inHeight + 2 * padH - kernelHeight, strideH) + 1;
  }
  /// floor((inW + 2*padW - kW) / strideW) + 1 (PyTorch, ceil_mode=False).
  int64_t outWidth() const {
    return detail::floorDiv(inWidth + 2 * padW - kernelWidth, strideW) + 1;
  }
};

namespace detail {
/// Shared body of the pools: out = finish(window sum).
template <typename T, typename Finish>
void pool2d(const Pool2dGeometry &g, const T *in, T *out, Finish finish) {
  static_assert(isKernelElementType<T>,
                "pooling is defined for float, double and int64_t");
  const int64_t outH = g.outHeight(), outW = g.outWidth();
  assert(g.channels > 0 && g.inHeight > 0 && g.inWidth > 0 &&
         g.kernelHeight > 0 && g.kernelWidth > 0 && "sizes must be positive");
  assert(g.strideH > 0 && g.strideW > 0 && g.padH >= 0 && g.padW >= 0 &&
         "invalid stride or padding");
  assert(outH > 0 && outW > 0 && "empty output: kernel exceeds input");
  const int64_t inPlane = g.inHeight * g.inWidth;
  for (int64_t c = 0; c < g.channels; ++c) {
    const T *plane = in + c * inPlane;
    for (int64_t oh = 0; oh < outH; ++oh) {
      const int64_t h0 = oh * g.strideH - g.padH;
      for (int64_t ow = 0; ow < outW; ++ow) {
        const int64_t w0 = ow * g.strideW - g.padW;
        T sum = T(0);
        for (int64_t kh = 0; kh < g.kernelHeight; ++kh) {
          const int64_t ih = h0 + kh;
          if (ih < 0 || ih >= g.inHeight)
            continue;
          for (int64_t kw = 0; kw < g.kernelWidth; ++kw) {
            const int64_t iw = w0 + kw;
            if (iw < 0 || iw >= g.inWidth)
              continue;
            sum = add(sum, plane[ih * g.inWidth + iw]);
          }
        }
        *out++ = finish(sum);
      }
    }
  }
}
} // namespace detail

/// out[C, Ho, Wo] = sum of each kH x kW window (zero padding). Each window is
/// summed from T(0) in row-major window order, skipping padded positions.
template <typename T>
void sumPool2d(const Pool2dGeometry &g, const T *in, T *out) {
  detail::pool2d(g, in, out, [](T sum) { return sum; });
}

/// The window sum of sumPool2d divided by kernelHeight * kernelWidth, i.e.
/// padded positions count (PyTorch's count_include_pad=True). Floating point:
/// one IEEE division. int64_t: floor division, rounding toward negative
/// infinity (-7 / 2 == -4, unlike C++'s truncating -3).
template <typename T>
void avgPool2d(const Pool2dGeometry &g, const T *in, T *out) {
  const int64_t count = g.kernelHeight * g.kernelWidth;
  detail::pool2d(g, in, out,
                 [count](T sum) { return detail::divideByCount(sum, count); });
}

//===----------------------------------------------------------------------===//
// Spiking self-attention
//===----------------------------------------------------------------------===//

/// Spikformer spiking self-attention pre-activation, out[N, D] =
/// (Q · (Kᵀ · V)) * scale, with Q, K, V of shape [N, D] (tokens x features),
/// usually 0/1. scratch must hold D*D elements; it receives Kᵀ · V.
///
/// 1. scratch = 0; for n, then d1 ascending with k[n][d1] != 0, for d2:
///    scratch[d1][d2] += k[n][d1] * v[n][d2].
/// 2. out = 0; for n, then d1 ascending with q[n][d1] != 0, for d2:
///    out[n][d2] += q[n][d1] * scratch[d1][d2].
/// 3. out[n][d2] = out[n][d2] * scale.
template <typename T>
void spikformerAttention(const T *q, const T *k, const T *v, int64_t n,
                         int64_t d, T scale, T *out, T *scratch) {
  static_assert(detail::isKernelElementType<T>,
                "attention is defined for float, double and int64_t");
  assert(n >= 0 && d >= 0 && "negative size");
  T *kv = scratch;
  for (int64_t i = 0; i < d * d; ++i)
    kv[i] = T(0);
  for (int64_t t = 0; t < n; ++t) {
    const T *kRow = k + t * d;
    const T *vRow = v + t * d;
    for (int64_t d1 = 0; d1 < d; ++d1) {
      const T key = kRow[d1];
      if (key == T(0))
        continue;
      T *kvRow = kv + d1 * d;
      for (int64_t d2 = 0; d2 < d; ++d2)
        kvRow[d2] = detail::mulAdd(kvRow[d2], key, vRow[d2]);
    }
  }

  for (int64_t i = 0; i < n * d; ++i)
    out[i] = T(0);
  for (int64_t t = 0; t < n; ++t) {
    const T *qRow = q + t * d;
    T *outRow = out + t * d;
    for (int64_t d1 = 0; d1 < d; ++d1) {
      const T query = qRow[d1];
      if (query == T(0))
        continue;
      const T *kvRow = kv + d1 * d;
      for (int64_t d2 = 0; d2 < d; ++d2)
        outRow[d2] = detail::mulAdd(outRow[d2], query, kvRow[d2]);
    }
  }

  for (int64_t i = 0; i < n * d; ++i)
    out[i] = detail::mul(out[i], scale);
}

/// As above, with a D*D scratch buffer allocated for the call.
template <typename T>
void spikformerAttention(const T *q, const T *k, const T *v, int64_t n,
                         int64_t d, T scale, T *out) {
  std::vector<T> scratch(static_cast<size_t>(d * d));
  spikformerAttention(q, k, v, n, d, scale, out, scratch.data());
}

/// Spike-driven self-attention (SDSA, Yao et al. 2023) on Q, K, V of shape
/// [N, D]: colsum[d] = sum over n ascending of q[n][d] * k[n][d], from T(0);
/// mask[d] = colsum[d] > threshold (strict; false for NaN);
/// out[n][d] = mask[d] ? v[n][d] : 0.
template <typename T>
void spikeDrivenAttention(const T *q, const T *k, const T *v, int64_t n,
                          int64_t d, T threshold, T *out) {
  static_assert(detail::isKernelElementType<T>,
                "attention is defined for float, double and int64_t");
  assert(n >= 0 && d >= 0 && "negative size");
  for (int64_t j = 0; j < d; ++j) {
    T colsum = T(0);
    for (int64_t t = 0; t < n; ++t)
      colsum = detail::mulAdd(colsum, q[t * d + j], k[t * d + j]);
    const bool pass = colsum > threshold;
    for (int64_t t = 0; t < n; ++t)
      out[t * d + j] = pass ? v[t * d + j] : T(0);
  }
}

} // namespace snc::runtime

#endif // SNC_RUNTIME_KERNELS_H
