//===- ElementwiseKernels.cpp - scale, threshold, flatten, delay, add -----===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SNNOps.h"
#include "runtime/KernelSupport.h"
#include "runtime/VectorClones.h"

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

/// out = (0 + a) + b, and out = 0 + a: the sums start from zero as
/// docs/semantics.md fixes (so -0 inputs add up to +0).
template <typename T>
SNC_VECTOR_CLONES void addPair(T *__restrict out, const T *__restrict a,
                               const T *__restrict b, int64_t n) {
  for (int64_t k = 0; k < n; ++k)
    out[k] = (T(0) + a[k]) + b[k];
}
template <typename T>
SNC_VECTOR_CLONES void addFirst(T *__restrict out, const T *__restrict a,
                                int64_t n) {
  for (int64_t k = 0; k < n; ++k)
    out[k] = T(0) + a[k];
}
template <typename T>
SNC_VECTOR_CLONES void addInto(T *__restrict out, const T *__restrict a,
                               int64_t n) {
  for (int64_t k = 0; k < n; ++k)
    out[k] += a[k];
}

template <typename T> class AddKernel : public ElementwiseKernel {
public:
  AddKernel(ArrayRef<const Slot *> inputs, Slot *output)
      : ElementwiseKernel(output), inputs(inputs), scratch(inputs.size()) {}

  bool canStepRanges() const override {
    return llvm::all_of(inputs, [](const Slot *in) { return holds<T>(*in); });
  }

  void stepElements(int64_t, int64_t begin, int64_t end) override {
    T *out = output->data<T>() + begin;
    int64_t n = end - begin;
    if (inputs.empty()) {
      std::fill_n(out, n, T(0));
      return;
    }
    // Summed in operand order, which docs/semantics.md fixes. The output
    // is not an input (an op reading its own result reads a snapshot).
    auto operand = [&](size_t i) {
      return inputs[i]->view<T>(scratch[i]) + begin;
    };
    if (inputs.size() == 2)
      return addPair(out, operand(0), operand(1), n);
    addFirst(out, operand(0), n);
    for (size_t i = 1; i < inputs.size(); ++i)
      addInto(out, operand(i), n);
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
