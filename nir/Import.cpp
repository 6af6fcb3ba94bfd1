//===- Import.cpp - NIR graphs to the snn dialect -------------------------===//
//
// Four stages, each reporting the first problem with the node's path:
// flatten nested graphs, check node types and datasets, infer shapes, and
// build the network.
//
//===----------------------------------------------------------------------===//

#include "nir/Import.h"
#include "nir/Location.h"

#include "dialects/snn/Params.h"
#include "dialects/snn/SNNOps.h"
#include "dialects/snn/SynapseArrays.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

using namespace mlir;
using namespace snc::snn;

namespace snc::nir {
namespace {

using Shape = std::vector<int64_t>;

std::string shapeString(const Shape &shape) {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + (shape.size() == 1 ? ",)" : ")");
}

int64_t numel(const Shape &shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

/// What snc knows about each NIR node type.
struct TypeInfo {
  std::vector<std::string> required; // numeric datasets
  bool stateful = false;             // breaks algebraic loops
  bool spiking = false;              // emits spikes (i1)
  bool elementwise = false;          // output shape = parameter or input
};

const std::map<std::string, TypeInfo> &typeTable() {
  static const std::map<std::string, TypeInfo> table = {
      {"Input", {}},
      {"Output", {}},
      {"Affine", {{"weight", "bias"}}},
      {"Linear", {{"weight"}}},
      {"Conv1d",
       {{"weight", "bias", "stride", "padding", "dilation", "groups"}}},
      {"Conv2d",
       {{"weight", "bias", "stride", "padding", "dilation", "groups"}}},
      {"SumPool2d", {{"kernel_size", "stride", "padding"}}},
      {"AvgPool2d", {{"kernel_size", "stride", "padding"}}},
      {"Flatten", {{"start_dim", "end_dim"}}},
      {"Scale", {{"scale"}, false, false, true}},
      {"Threshold", {{"threshold"}, false, true, true}},
      {"Delay", {{"delay"}, true, false, true}},
      {"I", {{"r"}, true, false, true}},
      {"IF", {{"r", "v_threshold"}, true, true, true}},
      {"LI", {{"tau", "r", "v_leak"}, true, false, true}},
      {"LIF", {{"tau", "r", "v_leak", "v_threshold"}, true, true, true}},
      {"CubaLI", {{"tau_syn", "tau_mem", "r", "v_leak"}, true, false, true}},
      {"CubaLIF",
       {{"tau_syn", "tau_mem", "r", "v_leak", "v_threshold"},
        true,
        true,
        true}},
  };
  return table;
}

/// Parameters of element-wise nodes, whose shapes give the node's shape.
const std::vector<std::string> &elementwiseParams() {
  static const std::vector<std::string> names = {
      "scale",   "threshold", "delay",       "r",       "tau", "tau_syn",
      "tau_mem", "v_leak",    "v_threshold", "v_reset", "w_in"};
  return names;
}

struct FlatNode {
  std::string path;
  const Node *node = nullptr;
  bool passThrough = false; // a nested graph's own Input or Output
  bool topLevel = false;
  std::vector<std::string> inputs; // producer paths, in edge order
};

class Importer {
public:
  Importer(MLIRContext *ctx, const ImportOptions &options, std::string &error)
      : ctx(ctx), options(options), error(error) {}

  OwningOpRef<ModuleOp> run(const File &file, const std::string &fileName);

private:
  bool fail(const std::string &message) {
    if (error.empty())
      error = message;
    return false;
  }
  bool failNode(const std::string &path, const std::string &message) {
    return fail("node '" + path + "': " + message);
  }

  bool flatten(const Graph &graph, const std::string &prefix);
  bool resolve(const Graph &graph, const std::string &prefix,
               const std::string &name, bool asSource, std::string &out);
  bool bypassPassThroughs();
  bool checkNodes();
  bool checkAlgebraicLoops();
  bool inferShapes();
  bool expectedInput(const FlatNode &n, Shape &shape);
  bool outputShape(const FlatNode &n, const Shape *input, Shape &shape);
  /// Fails the node when its window leaves no output element.
  bool nonEmptyWindowOutput(const FlatNode &n, const Shape &in,
                            const Shape &out) {
    for (int64_t extent : out)
      if (extent < 1)
        return failNode(n.path, n.node->type +
                                    ": the window is larger than "
                                    "the padded input " +
                                    shapeString(in));
    return true;
  }
  void build(ModuleOp module, const std::string &fileName);
  std::vector<FlatNode *> dataflowOrder();

  FlatNode &at(const std::string &path) { return nodes[index.at(path)]; }
  const TypeInfo &info(const FlatNode &n) {
    return typeTable().at(n.node->type);
  }

  MLIRContext *ctx;
  const ImportOptions &options;
  std::string &error;
  std::vector<FlatNode> nodes;
  std::map<std::string, size_t> index;
  /// Where each flat path came from: "node 'x' of graph 'g'".
  std::map<std::string, std::string> origin;
  std::map<std::string, Shape> shapes; // output shape per node
  const File *file = nullptr;
};

std::string join(const std::string &prefix, const std::string &name) {
  return prefix.empty() ? name : prefix + "." + name;
}

//===----------------------------------------------------------------------===//
// Flattening
//===----------------------------------------------------------------------===//

bool Importer::flatten(const Graph &graph, const std::string &prefix) {
  for (const auto &[name, node] : graph.nodes) {
    std::string path = join(prefix, name);
    std::string from = "node '" + name + "' of " +
                       (prefix.empty() ? std::string("the top graph")
                                       : "graph '" + prefix + "'");
    // A dotted name beside a subgraph ("sub.lif" next to sub/lif) would
    // silently take the other node's place.
    if (auto [it, added] = origin.try_emplace(path, from); !added)
      return fail(it->second + " and " + from + " both flatten to '" + path +
                  "'; rename one of them");
    if (node.type == "NIRGraph") {
      if (!flatten(*node.graph, path))
        return false;
      continue;
    }
    FlatNode flat;
    flat.path = path;
    flat.node = &node;
    flat.topLevel = prefix.empty();
    flat.passThrough =
        !prefix.empty() && (node.type == "Input" || node.type == "Output");
    index[path] = nodes.size();
    nodes.push_back(std::move(flat));
  }
  for (const auto &[src, dst] : graph.edges) {
    std::string from, to;
    if (!resolve(graph, prefix, src, /*asSource=*/true, from) ||
        !resolve(graph, prefix, dst, /*asSource=*/false, to))
      return false;
    at(to).inputs.push_back(from);
  }
  return true;
}

/// Maps an edge end to a flat node: a node of this graph, a subgraph (its
/// only Output as a source, its only Input as a destination), or a dotted
/// path into a subgraph.
bool Importer::resolve(const Graph &graph, const std::string &prefix,
                       const std::string &name, bool asSource,
                       std::string &out) {
  std::string where =
      prefix.empty() ? "the top graph" : "graph '" + prefix + "'";
  if (const Node *node = graph.find(name)) {
    if (node->type != "NIRGraph") {
      out = join(prefix, name);
      return true;
    }
    const char *port = asSource ? "Output" : "Input";
    std::vector<std::string> ports;
    for (const auto &[inner, innerNode] : node->graph->nodes)
      if (innerNode.type == port)
        ports.push_back(inner);
    if (ports.size() != 1)
      return fail("edge names subgraph '" + join(prefix, name) +
                  "', which has " + std::to_string(ports.size()) + " " + port +
                  " nodes; name one as '" + name + ".<node>'");
    out = join(join(prefix, name), ports.front());
    return true;
  }
  size_t dot = name.find('.');
  while (dot != std::string::npos) {
    const Node *sub = graph.find(name.substr(0, dot));
    if (sub && sub->type == "NIRGraph")
      return resolve(*sub->graph, join(prefix, name.substr(0, dot)),
                     name.substr(dot + 1), asSource, out);
    dot = name.find('.', dot + 1);
  }
  return fail("an edge of " + where + " names node '" + name +
              "', which does not exist");
}

/// Nested graphs' Input and Output nodes only forward what reaches them. A
/// cycle made only of them (one subgraph's Output feeding another's Input
/// and back) forwards its own value: an algebraic loop.
bool Importer::bypassPassThroughs() {
  std::vector<std::string> stack; // pass-throughs being expanded
  std::function<bool(const std::string &, std::vector<std::string> &,
                     std::set<std::string> &)>
      expand = [&](const std::string &p, std::vector<std::string> &out,
                   std::set<std::string> &seen) {
        FlatNode &n = at(p);
        if (!n.passThrough) {
          out.push_back(p);
          return true;
        }
        auto onStack = std::find(stack.begin(), stack.end(), p);
        if (onStack != stack.end()) {
          std::string cycle;
          for (auto it = onStack; it != stack.end(); ++it)
            cycle += "'" + *it + "' <- ";
          return fail("algebraic loop: " + cycle + "'" + p +
                      "' passes only through subgraph Input and Output "
                      "nodes");
        }
        if (!seen.insert(p).second)
          return true;
        stack.push_back(p);
        for (const std::string &q : n.inputs)
          if (!expand(q, out, seen))
            return false;
        stack.pop_back();
        return true;
      };
  for (FlatNode &n : nodes) {
    std::vector<std::string> direct;
    for (const std::string &p : n.inputs) {
      std::set<std::string> seen;
      if (!expand(p, direct, seen))
        return false;
    }
    n.inputs = std::move(direct);
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Checks
//===----------------------------------------------------------------------===//

bool Importer::checkNodes() {
  bool hasInput = false, hasOutput = false;
  for (FlatNode &n : nodes) {
    const Node &node = *n.node;
    auto it = typeTable().find(node.type);
    if (it == typeTable().end())
      return failNode(n.path, "unknown node type '" + node.type + "'");
    for (const std::string &name : it->second.required) {
      if (node.strings.count(name))
        return failNode(n.path, "dataset '" + name +
                                    "' must be numeric, but is a string");
      if (!node.find(name))
        return failNode(n.path, "missing required dataset '" + name + "' of " +
                                    node.type);
    }
    auto rank = [&](const char *name, std::set<size_t> ranks) {
      const Array *a = node.find(name);
      if (!a || ranks.count(a->shape.size()))
        return true;
      return failNode(n.path, "dataset '" + std::string(name) + "' has rank " +
                                  std::to_string(a->shape.size()) + ", which " +
                                  node.type + " does not accept");
    };
    if (node.type == "Affine" || node.type == "Linear")
      if (!rank("weight", {2}) || !rank("bias", {1}))
        return false;
    if (node.type == "Conv2d" && !rank("weight", {4}))
      return false;
    if (node.type == "Conv1d" && !rank("weight", {3}))
      return false;
    // Window sizes hold one value (for every dimension) or one per
    // dimension; integer settings exactly one.
    auto count = [&](const char *name, std::set<size_t> allowed) {
      const Array *a = node.find(name);
      if (!a || allowed.count(a->values.size()))
        return true;
      return failNode(n.path, "dataset '" + std::string(name) + "' holds " +
                                  std::to_string(a->values.size()) +
                                  " values, which " + node.type +
                                  " does not accept");
    };
    size_t dims = node.type == "Conv1d" ? 1 : 2;
    if (node.type == "Conv1d" || node.type == "Conv2d")
      for (const char *name : {"stride", "padding", "dilation"})
        if (!count(name, {1, dims}))
          return false;
    if ((node.type == "Conv1d" || node.type == "Conv2d") &&
        !count("groups", {1}))
      return false;
    if (node.type == "SumPool2d" || node.type == "AvgPool2d")
      for (const char *name : {"kernel_size", "stride", "padding"})
        if (!count(name, {1, 2}))
          return false;
    if (node.type == "Flatten" &&
        (!count("start_dim", {1}) || !count("end_dim", {1})))
      return false;
    if (n.topLevel && node.type == "Input") {
      hasInput = true;
      if (!node.find("shape") && !node.find("input_type.input"))
        return failNode(n.path, "Input has neither 'shape' nor 'input_type'");
    }
    if (n.topLevel && node.type == "Output")
      hasOutput = true;
    if (node.type == "Input" && !n.inputs.empty() && n.topLevel)
      return failNode(n.path, "an Input node cannot have incoming edges");
    if (node.type != "Input" && n.inputs.empty())
      return failNode(n.path, "no edge reaches this " + node.type + " node");
    for (const std::string &p : n.inputs)
      if (at(p).topLevel && at(p).node->type == "Output")
        return failNode(p, "an Output node cannot have outgoing edges (one "
                           "goes to '" +
                               n.path + "')");
  }
  if (!hasInput)
    return fail("the graph has no Input node");
  if (!hasOutput)
    return fail("the graph has no Output node");
  return true;
}

/// A cycle through stateless nodes only has no defined value in any step.
bool Importer::checkAlgebraicLoops() {
  std::map<std::string, int> state; // 1 on stack, 2 done
  std::vector<std::string> stack;
  std::function<bool(const std::string &)> visit =
      [&](const std::string &p) -> bool {
    state[p] = 1;
    stack.push_back(p);
    for (const std::string &q : at(p).inputs) {
      if (info(at(q)).stateful)
        continue;
      if (state[q] == 1) {
        std::string cycle;
        auto it = std::find(stack.begin(), stack.end(), q);
        for (; it != stack.end(); ++it)
          cycle += "'" + *it + "' <- ";
        return fail("algebraic loop: " + cycle + "'" + q +
                    "' contains no neuron or delay to break it");
      }
      if (state[q] == 0 && !visit(q))
        return false;
    }
    stack.pop_back();
    state[p] = 2;
    return true;
  };
  for (FlatNode &n : nodes)
    if (!info(n).stateful && state[n.path] == 0 && !visit(n.path))
      return false;
  return true;
}

//===----------------------------------------------------------------------===//
// Shapes
//===----------------------------------------------------------------------===//

Shape toShape(const Array &a) {
  Shape s;
  for (double v : a.values)
    s.push_back(int64_t(v));
  return s;
}

/// Values of a window parameter, a scalar broadcast to `dims`.
Shape window(const Node &node, const char *name, size_t dims) {
  Shape s = toShape(*node.find(name));
  if (s.size() == 1 && dims > 1)
    s.assign(dims, s.front());
  return s;
}

int64_t windowExtent(int64_t in, int64_t k, int64_t stride, int64_t pad,
                     int64_t dil) {
  return (in + 2 * pad - dil * (k - 1) - 1) / stride + 1;
}

/// Why a sliding window (strides, padding, dilations, kernel sizes) has no
/// output shape, or "" if it has one; checked before windowExtent divides.
std::string windowProblem(const Shape &stride, const Shape &pad,
                          const Shape &dil, const Shape &kernel) {
  for (size_t d = 0; d < stride.size(); ++d) {
    if (stride[d] < 1)
      return "stride " + std::to_string(stride[d]) + " is not positive";
    if (pad[d] < 0)
      return "padding " + std::to_string(pad[d]) + " is negative";
    if (dil[d] < 1)
      return "dilation " + std::to_string(dil[d]) + " is not positive";
    if (kernel[d] < 1)
      return "kernel size " + std::to_string(kernel[d]) + " is not positive";
  }
  return "";
}

/// The input shape a node requires, when the node itself determines it.
bool Importer::expectedInput(const FlatNode &n, Shape &shape) {
  const Node &node = *n.node;
  if (node.type == "Affine" || node.type == "Linear") {
    shape = {node.find("weight")->shape[1]};
    return true;
  }
  if (node.type == "Conv2d" || node.type == "Conv1d") {
    const Array &w = *node.find("weight");
    int64_t groups = int64_t(node.find("groups")->values.at(0));
    const Array *in = node.find("input_shape");
    if (!in)
      return false;
    shape = {w.shape[1] * groups};
    for (double d : in->values)
      shape.push_back(int64_t(d));
    return true;
  }
  if (node.type == "Flatten") {
    const Array *in = node.find("input_type") ? node.find("input_type")
                                              : node.find("input_type.input");
    if (!in)
      return false;
    shape = toShape(*in);
    return true;
  }
  if (info(n).elementwise) {
    const Array *widest = nullptr;
    for (const std::string &name : elementwiseParams())
      if (const Array *a = node.find(name))
        if (a->numElements() > 1 &&
            (!widest || a->numElements() > widest->numElements()))
          widest = a;
    if (!widest)
      return false;
    shape = widest->shape;
    return true;
  }
  return false;
}

/// The node's output shape, from its own data and (when known) its input.
bool Importer::outputShape(const FlatNode &n, const Shape *input,
                           Shape &shape) {
  const Node &node = *n.node;
  if (node.type == "Input") {
    const Array *s =
        node.find("shape") ? node.find("shape") : node.find("input_type.input");
    if (!s)
      return false;
    shape = toShape(*s);
    return true;
  }
  if (node.type == "Affine" || node.type == "Linear") {
    shape = {node.find("weight")->shape[0]};
    return true;
  }
  Shape in;
  if (input)
    in = *input;
  else if (!expectedInput(n, in))
    return false;
  if (node.type == "Conv2d" || node.type == "Conv1d") {
    const Array &w = *node.find("weight");
    size_t dims = node.type == "Conv2d" ? 2 : 1;
    if (in.size() != dims + 1)
      return failNode(n.path, node.type + " needs a rank-" +
                                  std::to_string(dims + 1) +
                                  " input, but gets " + shapeString(in));
    Shape stride = window(node, "stride", dims),
          pad = window(node, "padding", dims),
          dil = window(node, "dilation", dims);
    Shape kernel(w.shape.begin() + 2, w.shape.end());
    if (std::string problem = windowProblem(stride, pad, dil, kernel);
        !problem.empty())
      return failNode(n.path, node.type + ": " + problem);
    shape = {w.shape[0]};
    for (size_t d = 0; d < dims; ++d)
      shape.push_back(
          windowExtent(in[d + 1], w.shape[d + 2], stride[d], pad[d], dil[d]));
    return nonEmptyWindowOutput(n, in, shape);
  }
  if (node.type == "SumPool2d" || node.type == "AvgPool2d") {
    if (in.size() != 3)
      return failNode(n.path, node.type +
                                  " needs a (C, H, W) input, but gets " +
                                  shapeString(in));
    Shape k = window(node, "kernel_size", 2),
          stride = window(node, "stride", 2), pad = window(node, "padding", 2);
    if (std::string problem = windowProblem(stride, pad, Shape{1, 1}, k);
        !problem.empty())
      return failNode(n.path, node.type + ": " + problem);
    shape = {in[0]};
    for (size_t d = 0; d < 2; ++d)
      shape.push_back(windowExtent(in[d + 1], k[d], stride[d], pad[d], 1));
    return nonEmptyWindowOutput(n, in, shape);
  }
  if (node.type == "Flatten") {
    int64_t rank = in.size();
    int64_t start = int64_t(node.find("start_dim")->values.at(0));
    int64_t end = int64_t(node.find("end_dim")->values.at(0));
    if (start < 0)
      start += rank;
    if (end < 0)
      end += rank;
    if (start < 0 || end >= rank || start > end)
      return failNode(n.path, "Flatten dimensions are out of range for " +
                                  shapeString(in));
    shape.assign(in.begin(), in.begin() + start);
    int64_t merged = 1;
    for (int64_t d = start; d <= end; ++d)
      merged *= in[d];
    shape.push_back(merged);
    shape.insert(shape.end(), in.begin() + end + 1, in.end());
    return true;
  }
  shape = in; // Output and element-wise nodes
  return true;
}

bool Importer::inferShapes() {
  // Propagate until nothing changes; cycles settle through nodes whose shape
  // their own parameters fix.
  for (bool changed = true; changed;) {
    changed = false;
    for (FlatNode &n : nodes) {
      if (shapes.count(n.path))
        continue;
      const Shape *input = nullptr;
      for (const std::string &p : n.inputs)
        if (shapes.count(p)) {
          input = &shapes[p];
          break;
        }
      Shape shape;
      if (!error.empty())
        return false;
      if (outputShape(n, input, shape)) {
        shapes[n.path] = shape;
        changed = true;
      }
    }
  }
  if (!error.empty())
    return false;
  for (FlatNode &n : nodes)
    if (!n.passThrough && !shapes.count(n.path))
      return failNode(n.path, "cannot infer its shape (no shaped input "
                              "reaches it)");

  // Every edge must deliver what its destination expects.
  for (FlatNode &n : nodes) {
    if (n.passThrough)
      continue;
    Shape expected;
    bool fixed = expectedInput(n, expected);
    for (const std::string &p : n.inputs) {
      const Shape &got = shapes[p];
      if (n.node->type == "Output") {
        Shape declared;
        if (const Array *s = n.node->find("shape")
                                 ? n.node->find("shape")
                                 : n.node->find("output_type.output"))
          declared = toShape(*s);
        // Some exporters pad the declared shape with ones: compare sizes.
        if (!declared.empty() && numel(declared) != numel(got))
          return failNode(n.path, "Output declares shape " +
                                      shapeString(declared) + ", but '" + p +
                                      "' gives " + shapeString(got));
        continue;
      }
      const Shape &want = fixed ? expected : shapes[n.inputs.front()];
      bool matches = got == want;
      // Element-wise parameters may be stored flat: compare sizes.
      if (!matches && info(n).elementwise)
        matches = numel(got) == numel(want);
      if (!matches)
        return failNode(n.path, n.node->type + " expects input of shape " +
                                    shapeString(want) + ", but '" + p +
                                    "' gives " + shapeString(got));
    }
    if (info(n).elementwise && !n.inputs.empty())
      shapes[n.path] = shapes[n.inputs.front()];
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Building the network
//===----------------------------------------------------------------------===//

class NetworkBuilder {
public:
  NetworkBuilder(MLIRContext *ctx, const ImportOptions &options)
      : ctx(ctx), b(ctx), options(options) {}

  /// A parameter from the file's array, converted to f32 or f64 straight
  /// into its storage: inline when small, else a dense_resource blob named
  /// after `blobName` (weights of large layers are neither uniqued nor
  /// copied again).
  ElementsAttr param(const Array &a, StringRef blobName) {
    Type elt = a.kind == Array::Kind::F32 ? Type(b.getF32Type())
                                          : Type(b.getF64Type());
    return makeParamOfType(RankedTensorType::get(a.shape, elt),
                           ArrayRef<double>(a.values), blobName);
  }

  /// The dataset `name`, or NIR's default for it when the file omits it.
  ElementsAttr paramOr(const Node &node, StringRef path, const char *name,
                       double fallback) {
    if (const Array *a = node.find(name))
      return param(*a, blobNameFor(path, name));
    return makeParam(ctx, {fallback});
  }

  /// Metadata stays inline: it is text for readers, not data to simulate.
  DenseElementsAttr inlineArray(const Array &a) {
    Type elt = a.kind == Array::Kind::F32 ? Type(b.getF32Type())
                                          : Type(b.getF64Type());
    auto type = RankedTensorType::get(a.shape, elt);
    if (a.kind == Array::Kind::F32) {
      std::vector<float> values(a.values.begin(), a.values.end());
      return DenseElementsAttr::get(type, ArrayRef<float>(values));
    }
    return DenseElementsAttr::get(type, ArrayRef<double>(a.values));
  }

  Attribute metadata(const Metadata &entries) {
    NamedAttrList attrs;
    for (const auto &[key, value] : entries) {
      if (value.isString)
        attrs.set(key, b.getStringAttr(value.text));
      else if (value.array.numElements() == 1 && value.array.shape.empty())
        attrs.set(key, b.getF64FloatAttr(value.array.values.front()));
      else
        attrs.set(key, inlineArray(value.array));
    }
    return attrs.getDictionary(ctx);
  }

  MLIRContext *ctx;
  OpBuilder b;
  const ImportOptions &options;
};

/// Producers before consumers where the graph allows: a depth-first
/// post-order from the outputs, then every node not reached, in file order.
/// Only the text's readability depends on it.
std::vector<FlatNode *> Importer::dataflowOrder() {
  std::vector<FlatNode *> order;
  std::set<std::string> seen;
  std::function<void(const std::string &)> visit = [&](const std::string &p) {
    if (!seen.insert(p).second)
      return;
    for (const std::string &q : at(p).inputs)
      visit(q);
    order.push_back(&at(p));
  };
  for (FlatNode &n : nodes)
    if (n.topLevel && n.node->type == "Output")
      visit(n.path);
  for (FlatNode &n : nodes)
    visit(n.path);
  return order;
}

void Importer::build(ModuleOp module, const std::string &fileName) {
  NetworkBuilder nb(ctx, options);
  OpBuilder &b = nb.b;
  Type f32 = b.getF32Type(), i1 = b.getI1Type();
  auto isSpiking = [&](const FlatNode &n) { return info(n).spiking; };

  // Element types follow the edges: spikes stay spikes through delays,
  // flattens and outputs.
  std::map<std::string, Type> elt;
  std::function<Type(const std::string &)> eltOf =
      [&](const std::string &p) -> Type {
    auto it = elt.find(p);
    if (it != elt.end())
      return it->second;
    FlatNode &n = at(p);
    const std::string &t = n.node->type;
    elt[p] = f32; // provisional, breaks cycles
    Type result = isSpiking(n) ? i1 : f32;
    if ((t == "Delay" || t == "Flatten" || t == "Output") &&
        !n.inputs.empty() && n.inputs.size() == 1)
      result = eltOf(n.inputs.front());
    return elt[p] = result;
  };
  auto typeOf = [&](const std::string &p) {
    return RankedTensorType::get(shapes.at(p), eltOf(p));
  };

  SmallVector<Type> inTypes, outTypes;
  SmallVector<Attribute> inNames, outNames;
  std::vector<FlatNode *> inputs, outputs;
  for (FlatNode &n : nodes) {
    if (!n.topLevel)
      continue;
    if (n.node->type == "Input") {
      inputs.push_back(&n);
      inTypes.push_back(RankedTensorType::get(shapes.at(n.path), f32));
      elt[n.path] = f32;
      inNames.push_back(b.getStringAttr(n.path));
    } else if (n.node->type == "Output") {
      outputs.push_back(&n);
      outTypes.push_back(typeOf(n.path));
      outNames.push_back(b.getStringAttr(n.path));
    }
  }

  Location fileLoc = getFileLoc(ctx, fileName);
  b.setInsertionPointToEnd(module.getBody());
  auto network = b.create<NetworkOp>(
      fileLoc, options.networkName.empty() ? "network" : options.networkName,
      b.getFunctionType(inTypes, outTypes), b.getArrayAttr(inNames),
      b.getArrayAttr(outNames), /*dt=*/nullptr, /*scheme=*/nullptr);
  if (!file->root.metadata.empty())
    network->setAttr("nir.metadata", nb.metadata(file->root.metadata));
  Block *body = b.createBlock(&network.getBody(), {}, inTypes,
                              SmallVector<Location>(inTypes.size(), fileLoc));
  b.setInsertionPointToStart(body);

  // Every node's value, first as a placeholder so cycles can be wired.
  std::map<std::string, Value> value;
  for (size_t i = 0; i < inputs.size(); ++i)
    value[inputs[i]->path] = body->getArgument(i);
  std::map<std::string, Operation *> placeholders;
  for (FlatNode &n : nodes) {
    if (n.passThrough || value.count(n.path) || n.node->type == "Output")
      continue;
    auto cast = b.create<UnrealizedConversionCastOp>(fileLoc, typeOf(n.path),
                                                     ValueRange{});
    placeholders[n.path] = cast;
    value[n.path] = cast.getResult(0);
  }

  // The sum of a node's inputs (several edges into one node add up).
  auto operand = [&](FlatNode &n, Location loc) -> Value {
    if (n.inputs.size() == 1)
      return value.at(n.inputs.front());
    auto sumType = RankedTensorType::get(shapes.at(n.inputs.front()), f32);
    SmallVector<Value> terms;
    for (const std::string &p : n.inputs) {
      Value v = value.at(p);
      if (cast<RankedTensorType>(v.getType()).getElementType() != f32) {
        // Spikes join a sum as numbers through a named unit scale, which
        // exports back to NIR as a Scale node of the same name.
        NamedAttrList attrs;
        attrs.set("scale", makeParam(ctx, {1.0}));
        attrs.set("name", b.getStringAttr(n.path + ".cast" +
                                          std::to_string(terms.size())));
        v = b.create<ScaleOp>(loc, TypeRange{sumType}, ValueRange{v}, attrs);
      }
      terms.push_back(v);
    }
    return b.create<AddOp>(loc, sumType, terms,
                           b.getStringAttr(n.path + ".sum"));
  };

  for (FlatNode *np : dataflowOrder()) {
    FlatNode &n = *np;
    if (n.passThrough || n.node->type == "Input" || n.node->type == "Output")
      continue;
    const Node &node = *n.node;
    Location loc = getNodeLoc(ctx, fileName, n.path);
    NamedAttrList attrs;
    attrs.set("name", b.getStringAttr(n.path));
    if (!node.metadata.empty())
      attrs.set("nir.metadata", nb.metadata(node.metadata));
    auto copy = [&](const char *from, const char *to) {
      if (const Array *a = node.find(from))
        attrs.set(to, nb.param(*a, blobNameFor(n.path, to)));
    };
    auto ints = [&](const char *name, size_t dims) {
      attrs.set(name, b.getDenseI64ArrayAttr(window(node, name, dims)));
    };
    auto firing = [&]() {
      copy("v_threshold", "v_threshold");
      if (options.reset == ResetPolicy::File)
        attrs.set("v_reset", nb.paramOr(node, n.path, "v_reset", 0.0));
      else
        attrs.set("v_reset", makeParam(ctx, {0.0}));
      attrs.set("reset",
                ResetModeAttr::get(ctx, options.reset == ResetPolicy::Subtract
                                            ? ResetMode::Subtract
                                            : ResetMode::ToValue));
    };
    Value in = operand(n, loc);
    Type type = typeOf(n.path);
    const std::string &t = node.type;
    Operation *op = nullptr;
    auto make = [&](auto tag) {
      using OpT = decltype(tag);
      op = b.create<OpT>(loc, TypeRange{type}, ValueRange{in}, attrs);
    };
    if (t == "Affine") {
      copy("weight", "weight");
      copy("bias", "bias");
      make(AffineOp());
    } else if (t == "Linear") {
      copy("weight", "weight");
      make(LinearOp());
    } else if (t == "Conv2d" || t == "Conv1d") {
      size_t dims = t == "Conv2d" ? 2 : 1;
      copy("weight", "weight");
      copy("bias", "bias");
      ints("stride", dims);
      ints("padding", dims);
      ints("dilation", dims);
      attrs.set("groups",
                b.getI64IntegerAttr(int64_t(node.find("groups")->values[0])));
      if (dims == 2)
        make(Conv2dOp());
      else
        make(Conv1dOp());
    } else if (t == "SumPool2d" || t == "AvgPool2d") {
      ints("kernel_size", 2);
      ints("stride", 2);
      ints("padding", 2);
      if (t == "SumPool2d")
        make(SumPool2dOp());
      else
        make(AvgPool2dOp());
    } else if (t == "Flatten") {
      attrs.set("start_dim", b.getI64IntegerAttr(
                                 int64_t(node.find("start_dim")->values[0])));
      attrs.set("end_dim",
                b.getI64IntegerAttr(int64_t(node.find("end_dim")->values[0])));
      make(FlattenOp());
    } else if (t == "Scale") {
      copy("scale", "scale");
      make(ScaleOp());
    } else if (t == "Threshold") {
      copy("threshold", "threshold");
      make(ThresholdOp());
    } else if (t == "Delay") {
      copy("delay", "delay");
      make(DelayOp());
    } else if (t == "I") {
      copy("r", "r");
      make(IOp());
    } else if (t == "IF") {
      copy("r", "r");
      firing();
      make(IFOp());
    } else if (t == "LI") {
      copy("tau", "tau");
      copy("r", "r");
      copy("v_leak", "v_leak");
      make(LIOp());
    } else if (t == "LIF") {
      copy("tau", "tau");
      copy("r", "r");
      copy("v_leak", "v_leak");
      firing();
      make(LIFOp());
    } else if (t == "CubaLI" || t == "CubaLIF") {
      copy("tau_syn", "tau_syn");
      copy("tau_mem", "tau_mem");
      copy("r", "r");
      copy("v_leak", "v_leak");
      attrs.set("w_in", nb.paramOr(node, n.path, "w_in", 1.0));
      attrs.set("current_timing",
                CurrentTimingAttr::get(ctx, options.cubaCurrent));
      if (t == "CubaLI") {
        make(CubaLIOp());
      } else {
        firing();
        make(CubaLIFOp());
      }
    }
    placeholders[n.path]->getResult(0).replaceAllUsesWith(op->getResult(0));
    value[n.path] = op->getResult(0);
  }
  for (auto &[path, placeholder] : placeholders)
    placeholder->erase();

  SmallVector<Value> results;
  for (FlatNode *n : outputs)
    results.push_back(operand(*n, fileLoc));
  b.create<OutputOp>(fileLoc, results);
}

OwningOpRef<ModuleOp> Importer::run(const File &file,
                                    const std::string &fileName) {
  this->file = &file;
  if (!flatten(*file.root.graph, "") || !bypassPassThroughs() ||
      !checkNodes() || !checkAlgebraicLoops() || !inferShapes())
    return nullptr;
  OwningOpRef<ModuleOp> module = ModuleOp::create(getFileLoc(ctx, fileName));
  build(*module, fileName);
  if (failed(verify(*module))) {
    fail("the imported network does not verify (see the diagnostics above)");
    return nullptr;
  }
  return module;
}

} // namespace

OwningOpRef<ModuleOp> importNIR(MLIRContext *context, const File &file,
                                const std::string &fileName,
                                const ImportOptions &options,
                                std::string &error) {
  context->getOrLoadDialect<SNNDialect>();
  Importer importer(context, options, error);
  return importer.run(file, fileName);
}

OwningOpRef<ModuleOp> importNIRFile(MLIRContext *context,
                                    const std::string &path,
                                    const ImportOptions &options,
                                    std::string &error) {
  File file;
  if (!readNIRFile(path, file, error))
    return nullptr;
  OwningOpRef<ModuleOp> module = importNIR(context, file, path, options, error);
  if (!module)
    error = path + ": " + error;
  return module;
}

} // namespace snc::nir
