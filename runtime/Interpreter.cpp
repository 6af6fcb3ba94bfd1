//===- Interpreter.cpp - the golden reference interpreter -----------------===//

#include "runtime/Interpreter.h"
#include "runtime/Schedule.h"

#include "dialects/snn/Params.h"
#include "llvm/ADT/DenseMap.h"

using namespace mlir;

namespace snc::runtime {

std::optional<ElementKind> elementKindOf(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || !tensor.hasStaticShape())
    return std::nullopt;
  Type elt = tensor.getElementType();
  if (elt.isInteger(1))
    return ElementKind::Spike;
  if (elt.isF32())
    return ElementKind::F32;
  if (elt.isF64())
    return ElementKind::F64;
  if (elt.isSignlessInteger() && elt.getIntOrFloatBitWidth() <= 64)
    return ElementKind::Int;
  return std::nullopt;
}

std::unique_ptr<Kernel>
createKernel(Operation *op, ArrayRef<const Slot *> inputs, Slot *output) {
  if (auto kernel = createNeuronKernel(op, inputs, output))
    return kernel;
  if (auto kernel = createElementwiseKernel(op, inputs, output))
    return kernel;
  if (auto kernel = createProjectionKernel(op, inputs, output))
    return kernel;
  auto timed = dyn_cast<snn::TimeStepOpInterface>(op);
  if (timed && timed.needsTimeStep())
    op->emitOpError("cannot be interpreted: lower it first (continuous-time "
                    "ops need snn-discretize, reservoirs "
                    "snn-materialize-reservoirs)");
  else
    op->emitOpError("cannot be interpreted: the interpreter has no kernel "
                    "for it");
  return nullptr;
}

namespace {
/// Copies a slot: the previous step's value of a self-loop.
class SnapshotKernel : public Kernel {
public:
  SnapshotKernel(const Slot *source, Slot *copy)
      : Kernel(copy), source(source) {}
  void step(int64_t) override { *output = *source; }

private:
  const Slot *source;
};
} // namespace

FailureOr<std::unique_ptr<Interpreter>>
Interpreter::create(snn::NetworkOp network) {
  if (!network.isDiscretized())
    return network.emitOpError(
        "must be discretized before it is interpreted (run snn-discretize)");
  std::unique_ptr<Interpreter> interp(new Interpreter());
  llvm::DenseMap<Value, Slot *> slotOf;
  auto makeSlot = [&](Value value) -> Slot * {
    std::optional<ElementKind> kind = elementKindOf(value.getType());
    if (!kind)
      return nullptr;
    unsigned bits =
        *kind == ElementKind::Int
            ? cast<ShapedType>(value.getType()).getElementTypeBitWidth()
            : 64;
    interp->slots.push_back(
        std::make_unique<Slot>(*kind, snn::numElements(value.getType()), bits));
    return slotOf[value] = interp->slots.back().get();
  };

  Block *body = network.getBodyBlock();
  for (BlockArgument arg : body->getArguments()) {
    Slot *slot = makeSlot(arg);
    if (!slot)
      return network.emitOpError()
             << "input " << arg.getArgNumber() << " has type " << arg.getType()
             << ", which the interpreter cannot store (it runs i1, f32, f64 "
                "and signless integer tensors)";
    interp->inputs.push_back(slot);
    interp->inputByName[cast<StringAttr>(
                            network.getInputNames()[arg.getArgNumber()])
                            .getValue()] = slot;
  }
  for (Operation &op : body->without_terminator())
    for (Value result : op.getResults())
      if (!makeSlot(result))
        return op.emitOpError()
               << "has result type " << result.getType()
               << ", which the interpreter cannot store (it runs i1, f32 and "
                  "f64 tensors)";

  Schedule schedule = scheduleNetwork(network);
  // A kernel joins the tiled run before it if it steps ranges, has the
  // run's size, and reads only slots of that size element by element.
  auto extendTiledRun = [&](Kernel *kernel, ArrayRef<const Slot *> inputs) {
    ElementwiseKernel *elementwise = kernel->asElementwise();
    int64_t size = kernel->getOutput()->getSize();
    bool tileable = elementwise && elementwise->canStepRanges() &&
                    llvm::all_of(inputs, [&](const Slot *in) {
                      return in->getSize() == size;
                    });
    std::vector<TiledRun> &runs = interp->tiledRuns;
    size_t index = interp->kernels.size() - 1;
    if (!tileable)
      return;
    if (!runs.empty() && runs.back().last == index && runs.back().size == size)
      ++runs.back().last;
    else
      runs.push_back({index, index + 1, size});
  };
  for (Operation *op : schedule.order) {
    SmallVector<const Slot *> inputs;
    for (Value operand : op->getOperands()) {
      Slot *slot = slotOf.lookup(operand);
      // A kernel may write its output before it reads its inputs, so an op
      // that consumes its own result reads a copy taken before it runs.
      if (operand.getDefiningOp() == op) {
        interp->slots.push_back(std::make_unique<Slot>(*slot));
        Slot *previous = interp->slots.back().get();
        interp->kernels.push_back(
            std::make_unique<SnapshotKernel>(slot, previous));
        slot = previous;
      }
      inputs.push_back(slot);
    }
    std::unique_ptr<Kernel> kernel =
        createKernel(op, inputs, slotOf.lookup(op->getResult(0)));
    if (!kernel)
      return failure();
    if (auto name = op->getAttrOfType<StringAttr>("name"))
      interp->kernelByName[name.getValue()] = kernel.get();
    interp->kernels.push_back(std::move(kernel));
    extendTiledRun(interp->kernels.back().get(), inputs);
  }
  // A run of one kernel gains nothing from tiles.
  llvm::erase_if(interp->tiledRuns,
                 [](const TiledRun &run) { return run.last - run.first < 2; });
  for (Value output : network.getOutputOp().getOutputs())
    interp->outputs.push_back(slotOf.lookup(output));
  return interp;
}

void Interpreter::step() {
  // Elements per tile: a few KiB per slot, so a run's slots fit in L1.
  constexpr int64_t tile = 1024;
  // Inputs were written before this step, perhaps through kept pointers.
  for (Slot *input : inputs)
    input->contentsChanged();
  auto run = tiledRuns.begin();
  for (size_t k = 0; k < kernels.size();) {
    if (run == tiledRuns.end() || k < run->first) {
      kernels[k]->step(time);
      // Every integer value saturates to its type's width when stored.
      kernels[k]->getOutput()->saturateAll();
      kernels[k]->getOutput()->contentsChanged();
      ++k;
      continue;
    }
    for (int64_t begin = 0; begin < run->size; begin += tile) {
      int64_t end = std::min(run->size, begin + tile);
      for (size_t j = run->first; j < run->last; ++j) {
        kernels[j]->asElementwise()->stepElements(time, begin, end);
        kernels[j]->getOutput()->saturate(begin, end);
      }
    }
    for (size_t j = run->first; j < run->last; ++j)
      kernels[j]->getOutput()->contentsChanged();
    k = run->last;
    ++run;
  }
  ++time;
}

const Slot *Interpreter::findVariable(StringRef node, StringRef var,
                                      std::string &error) const {
  if (const Slot *input = inputByName.lookup(node)) {
    if (var == "out")
      return input;
    error = "network input '" + node.str() + "' has only the variable 'out'";
    return nullptr;
  }
  Kernel *kernel = kernelByName.lookup(node);
  if (!kernel) {
    SmallVector<StringRef> names;
    for (const auto &entry : inputByName)
      names.push_back(entry.getKey());
    for (const auto &entry : kernelByName)
      names.push_back(entry.getKey());
    llvm::sort(names);
    error = "no node named '" + node.str() + "' (nodes: ";
    for (size_t i = 0; i < names.size() && i < 12; ++i)
      error += (i ? ", " : "") + names[i].str();
    error += names.size() > 12 ? ", ...)" : ")";
    return nullptr;
  }
  if (var == "out")
    return kernel->getOutput();
  std::string known = "out";
  for (auto &[name, slot] : kernel->variables()) {
    if (name == var)
      return slot;
    known += ", " + name;
  }
  error = "node '" + node.str() + "' has no variable '" + var.str() +
          "' (it has: " + known + ")";
  return nullptr;
}

} // namespace snc::runtime
