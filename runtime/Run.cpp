//===- Run.cpp - run a network on spike trains held in arrays -------------===//

#include "runtime/Run.h"
#include "runtime/Interpreter.h"

#include "dialects/snn/Params.h"

#include <cmath>

using namespace mlir;

namespace snc::runtime {

static NpyDType dtypeOf(ElementKind kind) {
  switch (kind) {
  case ElementKind::Spike:
    return NpyDType::Bool;
  case ElementKind::F32:
    return NpyDType::Float32;
  case ElementKind::F64:
    return NpyDType::Float64;
  case ElementKind::Int:
    return NpyDType::Int64;
  }
  return NpyDType::Float64;
}

static std::string joinDims(ArrayRef<int64_t> shape) {
  std::string s;
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s;
}

/// A shape as Python prints a tuple: (5,) or (2, 3).
static std::string shapeString(ArrayRef<int64_t> shape) {
  return "(" + joinDims(shape) + (shape.size() == 1 ? ",)" : ")");
}

/// A (steps, *shape) array for one slot recorded over the run.
static NpyArray traceArray(const Slot &slot, ArrayRef<int64_t> shape,
                           int64_t steps) {
  std::vector<int64_t> full{steps};
  full.insert(full.end(), shape.begin(), shape.end());
  return NpyArray::zeros(dtypeOf(slot.getKind()), full);
}

static void storeRow(const Slot &slot, NpyArray &trace, int64_t row) {
  int64_t n = slot.getSize();
  for (int64_t k = 0; k < n; ++k)
    trace.setDouble(row * n + k, slot.getDouble(k));
}

bool runNetwork(snn::NetworkOp network, const std::vector<NpyArray> &inputs,
                int64_t steps, const std::vector<Probe> &probes,
                RunResult &result, std::string &error,
                const ProgressFn &progress) {
  FailureOr<std::unique_ptr<Interpreter>> created =
      Interpreter::create(network);
  if (failed(created)) {
    error =
        "network '" + network.getSymName().str() + "' cannot be interpreted";
    return false;
  }
  Interpreter &interp = **created;
  FunctionType type = network.getFunctionType();

  if (inputs.size() != interp.getNumInputs()) {
    error = "network '" + network.getSymName().str() + "' has " +
            std::to_string(interp.getNumInputs()) + " input(s), but " +
            std::to_string(inputs.size()) + " input array(s) were given";
    return false;
  }
  int64_t available = -1;
  for (auto [i, array] : llvm::enumerate(inputs)) {
    auto inType = cast<RankedTensorType>(type.getInput(i));
    std::string name =
        cast<StringAttr>(network.getInputNames()[i]).getValue().str();
    int64_t perStep = inType.getNumElements();
    bool fits =
        !array.shape.empty() &&
        int64_t(array.numElements()) == array.shape[0] * perStep &&
        (array.shape.size() == 2 ||
         ArrayRef<int64_t>(array.shape).drop_front() == inType.getShape());
    if (!fits) {
      error = (array.source.empty() ? "" : array.source + ": ") + "input '" +
              name + "' must have shape (steps, " +
              joinDims(inType.getShape()) + "), but has shape " +
              shapeString(array.shape);
      return false;
    }
    available = available < 0 ? array.shape[0]
                              : std::min<int64_t>(available, array.shape[0]);
  }
  if (steps < 0)
    steps = std::max<int64_t>(available, 0);
  if (available >= 0 && steps > available) {
    error = "asked for " + std::to_string(steps) +
            " steps, but the input has only " + std::to_string(available);
    return false;
  }

  std::vector<const Slot *> probeSlots;
  for (const Probe &probe : probes) {
    std::string why;
    const Slot *slot = interp.findVariable(probe.node, probe.variable, why);
    if (!slot) {
      error =
          "cannot record '" + probe.node + "." + probe.variable + "': " + why;
      return false;
    }
    probeSlots.push_back(slot);
  }

  result.outputs.clear();
  for (unsigned o = 0; o < interp.getNumOutputs(); ++o)
    result.outputs.push_back(traceArray(
        interp.getOutput(o),
        cast<RankedTensorType>(type.getResult(o)).getShape(), steps));
  result.recordings.clear();
  for (const Slot *slot : probeSlots)
    result.recordings.push_back(traceArray(*slot, {slot->getSize()}, steps));

  // A quantized network records the scale of each integer input: float
  // arrays are converted as snn-quantize did (x * scale, to nearest even).
  std::vector<double> inputScale(interp.getNumInputs(), 0);
  std::vector<double> scales = network.getInputScales();
  for (unsigned i = 0; i < interp.getNumInputs() && i < scales.size(); ++i)
    if (interp.getInput(i).getKind() == ElementKind::Int &&
        (inputs[i].dtype == NpyDType::Float32 ||
         inputs[i].dtype == NpyDType::Float64))
      inputScale[i] = scales[i];

  for (int64_t t = 0; t < steps; ++t) {
    for (unsigned i = 0; i < interp.getNumInputs(); ++i) {
      Slot &in = interp.getInput(i);
      int64_t n = in.getSize();
      for (int64_t k = 0; k < n; ++k) {
        double x = inputs[i].getDouble(t * n + k);
        in.setDouble(k, inputScale[i] ? std::nearbyint(x * inputScale[i]) : x);
      }
    }
    interp.step();
    for (unsigned o = 0; o < interp.getNumOutputs(); ++o)
      storeRow(interp.getOutput(o), result.outputs[o], t);
    for (size_t p = 0; p < probeSlots.size(); ++p)
      storeRow(*probeSlots[p], result.recordings[p], t);
    if (progress)
      progress(t + 1, steps);
  }
  return true;
}

} // namespace snc::runtime
