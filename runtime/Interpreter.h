//===- Interpreter.h - the golden reference interpreter ---------*- C++ -*-===//
//
// Runs a discretized snn.network step by step. Every pass and backend of snc
// is checked against it; docs/semantics.md is its specification.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_INTERPRETER_H
#define SNC_RUNTIME_INTERPRETER_H

#include "dialects/snn/SNNOps.h"
#include "runtime/Kernel.h"
#include "runtime/Slot.h"

#include "llvm/ADT/StringMap.h"

#include <memory>

namespace snc::runtime {

class Interpreter {
public:
  /// Plans the evaluation of `network`, which must be discretized. Emits a
  /// diagnostic and fails if an op cannot be interpreted.
  static mlir::FailureOr<std::unique_ptr<Interpreter>>
  create(snn::NetworkOp network);

  unsigned getNumInputs() const { return inputs.size(); }
  unsigned getNumOutputs() const { return outputs.size(); }
  /// Write the current step's input values here before step().
  Slot &getInput(unsigned i) { return *inputs[i]; }
  const Slot &getOutput(unsigned i) const { return *outputs[i]; }

  /// Advances the network by one step.
  void step();
  int64_t getTime() const { return time; }

  /// A recordable variable, `node.var` in user syntax: `node` is an op's
  /// `name` (or a network input's name); `var` is `out` (the op's result)
  /// or a state variable (`v`, `i`, `a`). Null if there is none; `error`
  /// then says what exists.
  const Slot *findVariable(llvm::StringRef node, llvm::StringRef var,
                           std::string &error) const;

private:
  Interpreter() = default;

  std::vector<std::unique_ptr<Slot>> slots;
  std::vector<Slot *> inputs, outputs;
  std::vector<std::unique_ptr<Kernel>> kernels; // in schedule order
  /// Runs of consecutive kernels [first, last) stepped tile by tile (see
  /// ElementwiseKernel); every other kernel steps whole.
  struct TiledRun {
    size_t first, last;
    int64_t size;
  };
  std::vector<TiledRun> tiledRuns;
  llvm::StringMap<Kernel *> kernelByName;
  llvm::StringMap<Slot *> inputByName;
  int64_t time = 0;
};

} // namespace snc::runtime

#endif // SNC_RUNTIME_INTERPRETER_H
