//===- Slot.h - the storage of one value during interpretation --*- C++ -*-===//

#ifndef SNC_RUNTIME_SLOT_H
#define SNC_RUNTIME_SLOT_H

#include "mlir/IR/Types.h"

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace snc::runtime {

/// How the interpreter stores a value's elements.
enum class ElementKind { Spike, F32, F64 };

/// The element kind of a tensor type, if the interpreter can store it.
std::optional<ElementKind> elementKindOf(mlir::Type tensorType);

/// One tensor value (or one state variable): a flat, row-major buffer.
class Slot {
public:
  Slot(ElementKind kind, int64_t size) : kind(kind), size(size) {
    switch (kind) {
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
  int64_t getSize() const { return size; }

  template <typename T> T *data();
  template <typename T> const T *data() const {
    return const_cast<Slot *>(this)->data<T>();
  }

  /// Element i as T (spikes read as 0/1).
  template <typename T> T load(int64_t i) const {
    switch (kind) {
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
    switch (kind) {
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
  /// event-driven view of a value (only spikes propagate).
  template <typename T, typename F> void forEachNonzero(F &&f) const {
    switch (kind) {
    case ElementKind::Spike: {
      // Spikes are sparse: skip eight silent neurons at a time.
      int64_t i = 0;
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
    }
  }

  /// The elements as T: this slot's own storage when it holds T, else a
  /// copy converted into `scratch`.
  template <typename T> const T *view(std::vector<T> &scratch) const {
    if constexpr (std::is_same_v<T, float>) {
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

  void clear() { *this = Slot(kind, size); }

private:
  ElementKind kind;
  int64_t size;
  std::vector<uint8_t> spikes;
  std::vector<float> f32;
  std::vector<double> f64;
};

template <> inline uint8_t *Slot::data<uint8_t>() { return spikes.data(); }
template <> inline float *Slot::data<float>() { return f32.data(); }
template <> inline double *Slot::data<double>() { return f64.data(); }

} // namespace snc::runtime

#endif // SNC_RUNTIME_SLOT_H
