//===- Export.cpp - the snn dialect to NIR graphs -------------------------===//

#include "nir/Export.h"

#include "dialects/snn/Params.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snc::snn;

namespace snc::nir {
namespace {

/// A parameter (inline or a blob) as a NIR array.
Array toArray(ElementsAttr attr) {
  Array a;
  Type elt = attr.getElementType();
  a.kind = elt.isF32()           ? Array::Kind::F32
           : isa<FloatType>(elt) ? Array::Kind::F64
                                 : Array::Kind::Int;
  auto shape = cast<ShapedType>(attr.getType()).getShape();
  a.shape.assign(shape.begin(), shape.end());
  a.values = paramValues(attr);
  return a;
}

Array intArray(ArrayRef<int64_t> values) {
  Array a;
  a.kind = Array::Kind::Int;
  a.shape = {int64_t(values.size())};
  a.values.assign(values.begin(), values.end());
  return a;
}

Array intScalar(int64_t value) {
  Array a;
  a.kind = Array::Kind::Int;
  a.values = {double(value)};
  return a;
}

ArrayRef<int64_t> shapeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getShape();
}

/// The `nir.metadata` dictionary an import attached to `op`, as NIR metadata.
Metadata metadataOf(Operation *op) {
  Metadata out;
  auto metadata = op->getAttrOfType<DictionaryAttr>("nir.metadata");
  if (!metadata)
    return out;
  for (NamedAttribute entry : metadata) {
    MetadataValue value;
    if (auto text = dyn_cast<StringAttr>(entry.getValue())) {
      value.isString = true;
      value.text = text.str();
    } else if (auto number = dyn_cast<FloatAttr>(entry.getValue())) {
      value.array.values = {number.getValueAsDouble()};
    } else if (auto array =
                   dyn_cast<DenseIntOrFPElementsAttr>(entry.getValue())) {
      value.array = toArray(array);
    } else {
      continue;
    }
    out[entry.getName().str()] = value;
  }
  return out;
}

/// NIR has no field for which step's current a CubaLIF membrane
/// integrates; a reader assumes its own convention.
template <typename Op> void warnCurrentTiming(Op op) {
  if (op.getCurrentTiming() == CurrentTiming::PreviousStep)
    op.emitWarning("integrates the previous step's synaptic current, which "
                   "NIR cannot record; import the file again with "
                   "--cuba-current previous-step");
}

class Exporter {
public:
  explicit Exporter(NetworkOp network) : network(network) {}

  LogicalResult run(File &file);

private:
  std::string nodeName(Operation *op);
  void sources(Value value, std::vector<std::string> &out);
  LogicalResult exportOp(Operation *op, Node &node);
  LogicalResult checkFiring(Operation *op);

  NetworkOp network;
  llvm::DenseMap<Operation *, std::string> names;
  llvm::StringSet<> used;
  unsigned nextId = 0;
};

std::string Exporter::nodeName(Operation *op) {
  auto it = names.find(op);
  if (it != names.end())
    return it->second;
  std::string name;
  if (auto attr = op->getAttrOfType<StringAttr>("name"))
    name = attr.str();
  while (name.empty() || used.contains(name))
    name = "node" + std::to_string(nextId++);
  used.insert(name);
  return names[op] = name;
}

/// The NIR nodes whose outputs make up `value`: snn.add has no node of its
/// own, because NIR sums the edges that converge on a node.
void Exporter::sources(Value value, std::vector<std::string> &out) {
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    out.push_back(
        cast<StringAttr>(network.getInputNames()[arg.getArgNumber()]).str());
    return;
  }
  Operation *op = value.getDefiningOp();
  if (auto add = dyn_cast<AddOp>(op)) {
    for (Value input : add.getInputs())
      sources(input, out);
    return;
  }
  out.push_back(nodeName(op));
}

LogicalResult Exporter::checkFiring(Operation *op) {
  auto reset = op->getAttrOfType<ResetModeAttr>("reset");
  if (reset && reset.getValue() == ResetMode::None)
    return op->emitOpError("has reset mode 'none', which NIR cannot express");
  if (reset && reset.getValue() == ResetMode::Subtract)
    op->emitWarning("resets by subtraction, which NIR cannot express: the "
                    "file says reset to v_reset (import it with --reset "
                    "subtract)");
  if (auto refractory = op->getAttrOfType<IntegerAttr>("refractory"))
    if (refractory.getInt() != 0)
      return op->emitOpError("has a refractory period, which NIR cannot "
                             "express");
  return success();
}

LogicalResult Exporter::exportOp(Operation *op, Node &node) {
  auto copy = [&](StringRef to, ElementsAttr attr) {
    node.arrays[to.str()] = toArray(attr);
  };
  if (op->hasAttr("v_init"))
    return op->emitOpError("has an initial state (v_init), which NIR cannot "
                           "express");
  LogicalResult result = success();
  bool known = true;
  llvm::TypeSwitch<Operation *>(op)
      .Case([&](AffineOp o) {
        node.type = "Affine";
        copy("weight", o.getWeight());
        copy("bias", o.getBias());
      })
      .Case([&](LinearOp o) {
        node.type = "Linear";
        copy("weight", o.getWeight());
      })
      .Case<Conv2dOp, Conv1dOp>([&](auto o) {
        bool is2d = isa<Conv2dOp>(op);
        node.type = is2d ? "Conv2d" : "Conv1d";
        copy("weight", o.getWeight());
        if (o.getBias())
          copy("bias", *o.getBias());
        else
          node.arrays["bias"] = toArray(makeParam(
              op->getContext(), std::vector<double>(shapeOf(o)[0], 0.0)));
        node.arrays["stride"] = intArray(o.getStride());
        node.arrays["padding"] = intArray(o.getPadding());
        node.arrays["dilation"] = intArray(o.getDilation());
        node.arrays["groups"] = intScalar(o.getGroups());
        // NIR stores a Conv2d's input size as (H, W), a Conv1d's as L.
        ArrayRef<int64_t> spatial = shapeOf(o.getInput()).drop_front();
        node.arrays["input_shape"] =
            is2d ? intArray(spatial) : intScalar(spatial.front());
      })
      .Case<SumPool2dOp, AvgPool2dOp>([&](auto o) {
        node.type = isa<SumPool2dOp>(op) ? "SumPool2d" : "AvgPool2d";
        node.arrays["kernel_size"] = intArray(o.getKernelSize());
        node.arrays["stride"] = intArray(o.getStride());
        node.arrays["padding"] = intArray(o.getPadding());
      })
      .Case([&](FlattenOp o) {
        node.type = "Flatten";
        node.arrays["start_dim"] = intScalar(o.getStartDim());
        node.arrays["end_dim"] = intScalar(o.getEndDim());
        node.arrays["input_type"] = intArray(shapeOf(o.getInput()));
      })
      .Case([&](ScaleOp o) {
        node.type = "Scale";
        copy("scale", o.getScale());
      })
      .Case([&](ThresholdOp o) {
        node.type = "Threshold";
        copy("threshold", o.getThreshold());
      })
      .Case([&](DelayOp o) {
        node.type = "Delay";
        if (o.getDelay())
          copy("delay", *o.getDelay());
        else
          result = o.emitOpError("has a delay in steps; NIR states delays in "
                                 "seconds (export before snn-discretize)");
      })
      .Case([&](IOp o) {
        node.type = "I";
        copy("r", o.getR());
      })
      .Case([&](IFOp o) {
        node.type = "IF";
        copy("r", o.getR());
        copy("v_threshold", o.getVThreshold());
        copy("v_reset", o.getVReset());
        result = checkFiring(op);
      })
      .Case([&](LIOp o) {
        node.type = "LI";
        copy("tau", o.getTau());
        copy("r", o.getR());
        copy("v_leak", o.getVLeak());
      })
      .Case([&](LIFOp o) {
        node.type = "LIF";
        copy("tau", o.getTau());
        copy("r", o.getR());
        copy("v_leak", o.getVLeak());
        copy("v_threshold", o.getVThreshold());
        copy("v_reset", o.getVReset());
        result = checkFiring(op);
      })
      .Case([&](CubaLIOp o) {
        node.type = "CubaLI";
        warnCurrentTiming(o);
        copy("tau_syn", o.getTauSyn());
        copy("tau_mem", o.getTauMem());
        copy("r", o.getR());
        copy("v_leak", o.getVLeak());
        copy("w_in", o.getWIn());
      })
      .Case([&](CubaLIFOp o) {
        node.type = "CubaLIF";
        warnCurrentTiming(o);
        copy("tau_syn", o.getTauSyn());
        copy("tau_mem", o.getTauMem());
        copy("r", o.getR());
        copy("v_leak", o.getVLeak());
        copy("v_threshold", o.getVThreshold());
        copy("v_reset", o.getVReset());
        copy("w_in", o.getWIn());
        result = checkFiring(op);
      })
      .Default([&](Operation *) { known = false; });
  if (!known)
    return op->emitOpError("has no NIR equivalent (NIR describes "
                           "continuous-time, floating-point networks; lower "
                           "or remove it before export)");
  if (failed(result))
    return failure();
  node.metadata = metadataOf(op);
  return success();
}

LogicalResult Exporter::run(File &file) {
  if (network.isDiscretized())
    return network.emitOpError(
        "is discretized; NIR describes continuous-time networks (export the "
        "model before snn-discretize)");
  file.version = "0.2.0";
  file.root.type = "NIRGraph";
  file.root.metadata = metadataOf(network);
  file.root.graph = std::make_unique<Graph>();
  Graph &graph = *file.root.graph;
  for (Attribute name : network.getInputNames())
    used.insert(cast<StringAttr>(name).getValue());
  for (Attribute name : network.getOutputNames())
    used.insert(cast<StringAttr>(name).getValue());

  FunctionType type = network.getFunctionType();
  for (auto [i, name] : llvm::enumerate(network.getInputNames())) {
    Node input;
    input.type = "Input";
    input.arrays["shape"] =
        intArray(cast<RankedTensorType>(type.getInput(i)).getShape());
    graph.nodes.emplace_back(cast<StringAttr>(name).str(), std::move(input));
  }
  for (Operation &op : network.getBodyBlock()->without_terminator()) {
    if (isa<AddOp>(op))
      continue;
    Node node;
    if (failed(exportOp(&op, node)))
      return failure();
    std::string name = nodeName(&op);
    for (Value operand : op.getOperands()) {
      std::vector<std::string> from;
      sources(operand, from);
      for (const std::string &source : from)
        graph.edges.emplace_back(source, name);
    }
    graph.nodes.emplace_back(name, std::move(node));
  }
  for (auto [i, name] : llvm::enumerate(network.getOutputNames())) {
    Node output;
    output.type = "Output";
    output.arrays["shape"] =
        intArray(cast<RankedTensorType>(type.getResult(i)).getShape());
    std::vector<std::string> from;
    sources(network.getOutputOp().getOutputs()[i], from);
    for (const std::string &source : from)
      graph.edges.emplace_back(source, cast<StringAttr>(name).str());
    graph.nodes.emplace_back(cast<StringAttr>(name).str(), std::move(output));
  }
  return success();
}

} // namespace

LogicalResult exportNIR(NetworkOp network, File &file) {
  return Exporter(network).run(file);
}

} // namespace snc::nir
