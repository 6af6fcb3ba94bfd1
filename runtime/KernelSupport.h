//===- KernelSupport.h - what the kernel factories share --------*- C++ -*-===//

#ifndef SNC_RUNTIME_KERNELSUPPORT_H
#define SNC_RUNTIME_KERNELSUPPORT_H

#include "dialects/snn/Params.h"
#include "runtime/Kernel.h"

#include <memory>
#include <vector>

namespace snc::runtime {

/// A parameter's values as T, broadcast to `n`.
template <typename T>
std::vector<T> paramAs(mlir::DenseIntOrFPElementsAttr attr, int64_t n) {
  std::vector<double> values = snn::paramValues(attr, n);
  return std::vector<T>(values.begin(), values.end());
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
