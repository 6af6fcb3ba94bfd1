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

protected:
  Slot *output;
};

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
