//===- Kernel.h - one op's step function in the interpreter -----*- C++ -*-===//

#ifndef SNC_RUNTIME_KERNEL_H
#define SNC_RUNTIME_KERNEL_H

#include "runtime/Slot.h"

#include "mlir/IR/Operation.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <utility>

namespace snc::runtime {

/// Evaluates one op once per step: reads its input slots, updates its state,
/// writes its output slot.
class Kernel {
public:
  explicit Kernel(Slot *output) : output(output) {}
  virtual ~Kernel() = default;

  virtual void step(int64_t time) = 0;

  /// The state variables a user may record, besides "out".
  virtual std::vector<std::pair<std::string, const Slot *>> variables() const {
    return {};
  }

  Slot *getOutput() const { return output; }

  /// This kernel as one that can step a range of elements, or null.
  virtual class ElementwiseKernel *asElementwise() { return nullptr; }

protected:
  Slot *output;
};

/// A kernel whose output and state at element k depend only on its inputs
/// and state at element k, so any range of elements can be stepped on its
/// own. The interpreter steps runs of such kernels tile by tile, so what
/// one passes to the next stays in the first-level cache; per element the
/// arithmetic is the same, so the results are too.
class ElementwiseKernel : public Kernel {
public:
  using Kernel::Kernel;

  void step(int64_t time) final { stepElements(time, 0, output->getSize()); }
  /// Steps elements [begin, end) of the output and state.
  virtual void stepElements(int64_t time, int64_t begin, int64_t end) = 0;
  /// False when an input must first be converted as a whole (its element
  /// type is not the kernel's), which a range cannot do.
  virtual bool canStepRanges() const = 0;

  ElementwiseKernel *asElementwise() override { return this; }
};

/// Whether `slot` stores its elements as T, so a kernel computing in T can
/// read any range of it in place.
template <typename T> bool holds(const Slot &slot) {
  if constexpr (std::is_same_v<T, float>)
    return slot.getKind() == ElementKind::F32;
  else if constexpr (std::is_same_v<T, double>)
    return slot.getKind() == ElementKind::F64;
  else if constexpr (std::is_same_v<T, int64_t>)
    return slot.getKind() == ElementKind::Int;
  return false;
}

/// Builds the kernel of a discrete op, or returns null after emitting a
/// diagnostic on `op` saying why it cannot be interpreted.
std::unique_ptr<Kernel> createKernel(mlir::Operation *op,
                                     llvm::ArrayRef<const Slot *> inputs,
                                     Slot *output);

// Per-family factories; each returns null if `op` is not of its family.
std::unique_ptr<Kernel> createNeuronKernel(mlir::Operation *op,
                                           llvm::ArrayRef<const Slot *> inputs,
                                           Slot *output);
std::unique_ptr<Kernel>
createElementwiseKernel(mlir::Operation *op,
                        llvm::ArrayRef<const Slot *> inputs, Slot *output);
std::unique_ptr<Kernel>
createProjectionKernel(mlir::Operation *op, llvm::ArrayRef<const Slot *> inputs,
                       Slot *output);

} // namespace snc::runtime

#endif // SNC_RUNTIME_KERNEL_H
