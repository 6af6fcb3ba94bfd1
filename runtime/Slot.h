//===- Slot.h - the storage of one value during interpretation --*- C++ -*-===//

#ifndef SNC_RUNTIME_SLOT_H
#define SNC_RUNTIME_SLOT_H

#include "mlir/IR/Types.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace snc::runtime {

/// How the interpreter stores a value's elements. Int holds signed
/// integers of some width (2..64 bits) in 64-bit storage.
enum class ElementKind { Spike, F32, F64, Int };

/// The element kind of a tensor type, if the interpreter can store it.
std::optional<ElementKind> elementKindOf(mlir::Type tensorType);

/// One tensor value (or one state variable): a flat, row-major buffer.
class Slot {
public:
  Slot(ElementKind kind, int64_t size, unsigned bits = 64)
      : kind(kind), size(size), bits(bits) {
    switch (kind) {
    case ElementKind::Int:
      i64.assign(size, 0);
      break;
    case ElementKind::Spike:
      spikes.assign(size, 0);
      break;
    case ElementKind::F32:
      f32.assign(size, 0.0f);
      break;
    case ElementKind::F64:
      f64.assign(size, 0.0);
      break;
    }
  }

  ElementKind getKind() const { return kind; }
  unsigned getBits() const { return bits; }
  int64_t getSize() const { return size; }

  /// The elements, to write (which drops the list of nonzero spikes).
  template <typename T> T *data();
  template <typename T> const T *data() const;

  /// Element i as T (spikes read as 0/1).
  template <typename T> T load(int64_t i) const {
    switch (kind) {
    case ElementKind::Int:
      return T(i64[i]);
    case ElementKind::Spike:
      return T(spikes[i]);
    case ElementKind::F32:
      return T(f32[i]);
    case ElementKind::F64:
      return T(f64[i]);
    }
    return T();
  }
  double getDouble(int64_t i) const { return load<double>(i); }
  void setDouble(int64_t i, double v) {
    spikeListValid = false;
    switch (kind) {
    case ElementKind::Int:
      i64[i] = saturate(std::isnan(v)    ? 0
                        : v >= 0x1.0p63  ? INT64_MAX
                        : v <= -0x1.0p63 ? INT64_MIN
                                         : int64_t(std::nearbyint(v)));
      break;
    case ElementKind::Spike:
      spikes[i] = v != 0;
      break;
    case ElementKind::F32:
      f32[i] = float(v);
      break;
    case ElementKind::F64:
      f64[i] = v;
      break;
    }
  }

  /// Calls f(index, value) for every nonzero element, in index order: the
  /// event-driven view of a value (only spikes propagate). A spike value's
  /// nonzero indices are listed once and reused by every reader until the
  /// slot is written.
  template <typename T, typename F> void forEachNonzero(F &&f) const {
    if (kind == ElementKind::Spike) {
      if (!spikeListValid) {
        spikeList.clear();
        forEachNonzeroScan<T>([&](int64_t i, T) { spikeList.push_back(i); });
        spikeListValid = true;
      }
      for (int64_t i : spikeList)
        f(i, T(1));
      return;
    }
    forEachNonzeroScan<T>(f);
  }

  /// Marks the elements as changed through a pointer kept from data().
  void contentsChanged() { spikeListValid = false; }

private:
  template <typename T, typename F> void forEachNonzeroScan(F &&f) const {
    switch (kind) {
    case ElementKind::Spike: {
      // Spikes are sparse: skip 64 silent neurons at a time (eight words
      // OR-ed, one vector compare), then eight at a time.
      int64_t i = 0;
      const uint8_t *bytes = spikes.data();
      auto word = [&](int64_t at) {
        uint64_t w;
        std::memcpy(&w, bytes + at, sizeof(w));
        return w;
      };
      for (; i + 64 <= size; i += 64) {
        if (!((word(i) | word(i + 8) | word(i + 16) | word(i + 24)) |
              (word(i + 32) | word(i + 40) | word(i + 48) | word(i + 56))))
          continue;
        for (int64_t w = i; w < i + 64; w += 8)
          if (word(w))
            for (int64_t j = w; j < w + 8; ++j)
              if (bytes[j])
                f(j, T(1));
      }
      for (; i + 8 <= size; i += 8) {
        uint64_t word;
        std::memcpy(&word, spikes.data() + i, sizeof(word));
        if (!word)
          continue;
        for (int64_t j = i; j < i + 8; ++j)
          if (spikes[j])
            f(j, T(1));
      }
      for (; i < size; ++i)
        if (spikes[i])
          f(i, T(1));
      break;
    }
    case ElementKind::F32:
      for (int64_t i = 0; i < size; ++i)
        if (f32[i] != 0.0f)
          f(i, T(f32[i]));
      break;
    case ElementKind::F64:
      for (int64_t i = 0; i < size; ++i)
        if (f64[i] != 0.0)
          f(i, T(f64[i]));
      break;
    case ElementKind::Int:
      for (int64_t i = 0; i < size; ++i)
        if (i64[i] != 0)
          f(i, T(i64[i]));
      break;
    }
  }

public:
  /// The largest and smallest value of this slot's integer width.
  int64_t maxValue() const {
    return bits >= 64 ? INT64_MAX : (int64_t(1) << (bits - 1)) - 1;
  }
  int64_t minValue() const { return bits >= 64 ? INT64_MIN : -maxValue() - 1; }
  int64_t saturate(int64_t v) const {
    return v > maxValue() ? maxValue() : v < minValue() ? minValue() : v;
  }

  /// Clamps every element to the slot's integer width (a no-op otherwise):
  /// every integer value the interpreter stores saturates.
  void saturateAll() { saturate(0, size); }
  /// Clamps elements [begin, end).
  void saturate(int64_t begin, int64_t end) {
    if (kind != ElementKind::Int || bits >= 64)
      return;
    for (int64_t k = begin; k < end; ++k)
      i64[k] = saturate(i64[k]);
  }

  /// The elements as T: this slot's own storage when it holds T, else a
  /// copy converted into `scratch`.
  template <typename T> const T *view(std::vector<T> &scratch) const {
    if constexpr (std::is_same_v<T, int64_t>) {
      if (kind == ElementKind::Int)
        return i64.data();
    } else if constexpr (std::is_same_v<T, float>) {
      if (kind == ElementKind::F32)
        return f32.data();
    } else if constexpr (std::is_same_v<T, double>) {
      if (kind == ElementKind::F64)
        return f64.data();
    }
    loadAll(scratch);
    return scratch.data();
  }

  /// Copies all elements into `out` as T.
  template <typename T> void loadAll(std::vector<T> &out) const {
    out.resize(size);
    for (int64_t i = 0; i < size; ++i)
      out[i] = load<T>(i);
  }

  void clear() { *this = Slot(kind, size, bits); }

private:
  ElementKind kind;
  int64_t size;
  unsigned bits;
  std::vector<uint8_t> spikes;
  std::vector<int64_t> i64;
  std::vector<float> f32;
  std::vector<double> f64;
  // The nonzero spikes' indices, while spikeListValid.
  mutable std::vector<int64_t> spikeList;
  mutable bool spikeListValid = false;
};

template <> inline uint8_t *Slot::data<uint8_t>() {
  spikeListValid = false;
  return spikes.data();
}
template <> inline float *Slot::data<float>() { return f32.data(); }
template <> inline double *Slot::data<double>() { return f64.data(); }
template <> inline int64_t *Slot::data<int64_t>() { return i64.data(); }
template <> inline const uint8_t *Slot::data<uint8_t>() const {
  return spikes.data();
}
template <> inline const float *Slot::data<float>() const { return f32.data(); }
template <> inline const double *Slot::data<double>() const {
  return f64.data();
}
template <> inline const int64_t *Slot::data<int64_t>() const {
  return i64.data();
}

} // namespace snc::runtime

#endif // SNC_RUNTIME_SLOT_H
