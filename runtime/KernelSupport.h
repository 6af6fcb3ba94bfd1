//===- KernelSupport.h - what the kernel factories share --------*- C++ -*-===//

#ifndef SNC_RUNTIME_KERNELSUPPORT_H
#define SNC_RUNTIME_KERNELSUPPORT_H

#include "dialects/snn/Params.h"
#include "dialects/snn/SynapseArrays.h"
#include "runtime/Kernel.h"

#include <memory>
#include <vector>

namespace snc::runtime {

/// A parameter's values (inline or a blob, read in place) as T, broadcast
/// to `n` when it holds one value.
template <typename T> std::vector<T> paramAs(mlir::Attribute attr, int64_t n) {
  snn::WeightArray values = snn::WeightArray::get(attr);
  std::vector<T> out(size_t(values.size() == 1 ? n : values.size()));
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = T(values.at(int64_t(i)));
  return out;
}

/// The kernel K<T> for a numeric kind: float, double, or (for integer
/// tensors) exact 64-bit integers, saturated when stored.
template <template <typename> class K, typename... Args>
std::unique_ptr<Kernel> byNumericKind(ElementKind kind, Args &&...args) {
  if (kind == ElementKind::F64)
    return std::make_unique<K<double>>(std::forward<Args>(args)...);
  if (kind == ElementKind::Int)
    return std::make_unique<K<int64_t>>(std::forward<Args>(args)...);
  return std::make_unique<K<float>>(std::forward<Args>(args)...);
}

/// The kernel K<T> storing elements as they are (spikes as bytes).
template <template <typename> class K, typename... Args>
std::unique_ptr<Kernel> byStorageKind(ElementKind kind, Args &&...args) {
  if (kind == ElementKind::Spike)
    return std::make_unique<K<uint8_t>>(std::forward<Args>(args)...);
  return byNumericKind<K>(kind, std::forward<Args>(args)...);
}

} // namespace snc::runtime

#endif // SNC_RUNTIME_KERNELSUPPORT_H
