//===- ElementwiseKernels.cpp - scale, threshold, flatten, delay, add -----===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SNNOps.h"
#include "runtime/KernelSupport.h"

using namespace mlir;
using namespace snc::snn;

namespace snc::runtime {
namespace {

template <typename T> class ScaleKernel : public Kernel {
public:
  ScaleKernel(ScaleOp op, const Slot *input, Slot *output)
      : Kernel(output), input(input),
        scale(paramAs<T>(op.getScale(), output->getSize())) {}
  void step(int64_t) override {
    T *out = output->data<T>();
    for (int64_t k = 0, n = output->getSize(); k < n; ++k)
      out[k] = scale[k] * input->load<T>(k);
  }

private:
  const Slot *input;
  std::vector<T> scale;
};

template <typename T> class ThresholdKernel : public Kernel {
public:
  ThresholdKernel(ThresholdOp op, const Slot *input, Slot *output)
      : Kernel(output), input(input),
        threshold(paramAs<T>(op.getThreshold(), output->getSize())) {}
  void step(int64_t) override {
    uint8_t *out = output->data<uint8_t>();
    for (int64_t k = 0, n = output->getSize(); k < n; ++k)
      out[k] = input->load<T>(k) > threshold[k];
  }

private:
  const Slot *input;
  std::vector<T> threshold;
};

template <typename T> class AddKernel : public Kernel {
public:
  AddKernel(ArrayRef<const Slot *> inputs, Slot *output)
      : Kernel(output), inputs(inputs), scratch(inputs.size()) {}
  void step(int64_t) override {
    T *out = output->data<T>();
    int64_t n = output->getSize();
    std::fill(out, out + n, T(0));
    // Summed in operand order, which docs/semantics.md fixes.
    for (size_t i = 0; i < inputs.size(); ++i) {
      const T *x = inputs[i]->view<T>(scratch[i]);
      for (int64_t k = 0; k < n; ++k)
        out[k] += x[k];
    }
  }

private:
  SmallVector<const Slot *> inputs;
  std::vector<std::vector<T>> scratch;
};

/// Copies a value unchanged (flatten only reinterprets the shape).
template <typename T> class CopyKernel : public Kernel {
public:
  CopyKernel(const Slot *input, Slot *output) : Kernel(output), input(input) {}
  void step(int64_t) override {
    std::copy_n(input->data<T>(), output->getSize(), output->data<T>());
  }

private:
  const Slot *input;
};

/// Element k's output is its input `steps[k]` steps ago: a ring of
/// max(steps) + 1 past inputs.
template <typename T> class DelayKernel : public Kernel {
public:
  DelayKernel(ArrayRef<int64_t> stepsAttr, const Slot *input, Slot *output)
      : Kernel(output), input(input) {
    int64_t n = output->getSize();
    steps.assign(n, stepsAttr.front());
    if (int64_t(stepsAttr.size()) == n)
      steps.assign(stepsAttr.begin(), stepsAttr.end());
    depth = *std::max_element(steps.begin(), steps.end()) + 1;
    ring.assign(depth * n, T(0));
  }
  void step(int64_t time) override {
    int64_t n = output->getSize();
    T *now = ring.data() + (time % depth) * n;
    std::copy_n(input->data<T>(), n, now);
    T *out = output->data<T>();
    for (int64_t k = 0; k < n; ++k)
      out[k] = ring[((time - steps[k]) % depth + depth) % depth * n + k];
  }

private:
  const Slot *input;
  std::vector<int64_t> steps;
  int64_t depth;
  std::vector<T> ring; // zero-filled, so reads before t = steps[k] give 0
};

} // namespace

std::unique_ptr<Kernel> createElementwiseKernel(Operation *op,
                                                ArrayRef<const Slot *> inputs,
                                                Slot *output) {
  if (auto scale = dyn_cast<ScaleOp>(op))
    return byNumericKind<ScaleKernel>(output->getKind(), scale, inputs[0],
                                      output);
  if (auto threshold = dyn_cast<ThresholdOp>(op))
    return byNumericKind<ThresholdKernel>(inputs[0]->getKind(), threshold,
                                          inputs[0], output);
  if (isa<AddOp>(op))
    return byNumericKind<AddKernel>(output->getKind(), inputs, output);
  if (isa<FlattenOp>(op))
    return byStorageKind<CopyKernel>(output->getKind(), inputs[0], output);
  if (auto delay = dyn_cast<DelayOp>(op)) {
    if (!delay.getSteps()) {
      delay.emitOpError("has a delay in seconds; run snn-discretize first");
      return nullptr;
    }
    return byStorageKind<DelayKernel>(output->getKind(), *delay.getSteps(),
                                      inputs[0], output);
  }
  return nullptr;
}

} // namespace snc::runtime
