//===- Emitter.cpp - SFQ netlist files from the sfq IR --------------------===//
//
// Reads the circuit snn-to-sfq made for the network and the sfq passes
// finished (cells, names, latencies and the input offset are the IR's
// decisions) and its target's cell library and budget; changes nothing.
//
//===----------------------------------------------------------------------===//

#include "backends/sfq/Emitter.h"
#include "backends/sfq/Design.h"
#include "passes/sfq/BuildNetlist.h"
#include "passes/sfq/CircuitUtils.h"

#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;

namespace snc::sfqbackend {

namespace {

constexpr llvm::StringLiteral kPass = "emit-sfq";

std::vector<int64_t> shapeOf(Type type) {
  if (auto tensor = dyn_cast<RankedTensorType>(type))
    return std::vector<int64_t>(tensor.getShape().begin(),
                                tensor.getShape().end());
  return {};
}

int64_t elementsOf(const std::vector<int64_t> &shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

/// The network's circuit: the sfq.circuit whose `network` names it.
FailureOr<sfq::CircuitOp> findCircuit(ModuleOp module, snn::NetworkOp network) {
  for (sfq::CircuitOp circuit : module.getOps<sfq::CircuitOp>())
    if (circuit.getNetwork() && *circuit.getNetwork() == network.getSymName())
      return circuit;
  return network.emitError()
         << kPass << ": no sfq.circuit made from @" << network.getSymName()
         << " (compile it for an SFQ target: snc compile --target sfq-rsfq)";
}

/// The design of `circuit`: its netlist, pins and target.
FailureOr<Design> designOf(snn::NetworkOp network, sfq::CircuitOp circuit) {
  FailureOr<sfq::CircuitNetlist> built = sfq::buildNetlist(circuit);
  if (failed(built))
    return failure();
  FailureOr<std::shared_ptr<const targets::TargetDescription>> target =
      sfq::getCircuitTarget(circuit, kPass);
  if (failed(target))
    return failure();
  const targets::TargetDescription &t = **target;
  if (built->clock.empty())
    return circuit.emitError() << kPass << ": the circuit has no clock input";

  Design d;
  d.target = t.name;
  d.module = circuit.getSymName().str();
  d.clockInput = built->clock;
  d.periodFs = sfq::getClockPeriodFs(t);
  d.inputOffsetFs =
      built->inputOffsetFs >= 0 ? built->inputOffsetFs : d.periodFs / 2;
  d.capacity = t.capacity;
  d.budget.target = t.name;
  d.budget.junctions = t.sfq->jjBudget;
  d.budget.pins = t.sfq->pins;
  d.budget.junctionsPerDie = t.sfq->jjPerDie;
  d.budget.clockHz = t.sfq->clockHz;

  FunctionType type = network.getNetworkType();
  for (auto [i, input] : llvm::enumerate(type.getInputs())) {
    DesignPort port;
    port.name = "input" + std::to_string(i);
    port.shape = shapeOf(input);
    port.cells.assign(size_t(elementsOf(port.shape)), "");
    d.inputs.push_back(std::move(port));
  }
  ArrayAttr names = network.getOutputNames();
  for (auto [o, output] : llvm::enumerate(type.getResults())) {
    DesignPort port;
    port.name = o < names.size() ? cast<StringAttr>(names[o]).str()
                                 : "output" + std::to_string(o);
    port.shape = shapeOf(output);
    port.cells.assign(size_t(elementsOf(port.shape)), "");
    port.latency.assign(port.cells.size(), 0);
    d.outputs.push_back(std::move(port));
  }
  for (const sfq::InputPin &pin : built->inputs) {
    if (pin.input < 0 || size_t(pin.input) >= d.inputs.size() ||
        pin.element < 0 ||
        size_t(pin.element) >= d.inputs[size_t(pin.input)].cells.size())
      return circuit.emitError()
             << kPass << ": input pin '" << pin.cell << "' names input "
             << pin.input << " element " << pin.element
             << ", which the network does not have";
    d.inputs[size_t(pin.input)].cells[size_t(pin.element)] = pin.cell;
  }
  for (const sfq::Probe &probe : built->probes) {
    if (probe.output < 0 || size_t(probe.output) >= d.outputs.size() ||
        probe.element < 0 ||
        size_t(probe.element) >= d.outputs[size_t(probe.output)].cells.size())
      return circuit.emitError()
             << kPass << ": probe '" << probe.cell << "' names output "
             << probe.output << " element " << probe.element
             << ", which the network does not have";
    DesignPort &port = d.outputs[size_t(probe.output)];
    port.cells[size_t(probe.element)] = probe.cell;
    port.latency[size_t(probe.element)] = probe.latency;
  }
  for (const DesignPort &port : d.outputs)
    for (auto [e, cell] : llvm::enumerate(port.cells))
      if (cell.empty())
        return circuit.emitError() << kPass << ": output '" << port.name
                                   << "' element " << e << " has no probe";
  d.netlist = std::move(built->netlist);
  return d;
}

} // namespace

LogicalResult emitSFQ(ModuleOp module, snn::NetworkOp network,
                      const backends::EmitOutput &output,
                      raw_ostream &summary) {
  FailureOr<sfq::CircuitOp> circuit = findCircuit(module, network);
  if (failed(circuit))
    return failure();
  FailureOr<Design> design = designOf(network, *circuit);
  if (failed(design))
    return failure();
  runtime::sfq::NetlistReport report;
  std::string error;
  if (output.text) {
    std::vector<std::pair<std::string, std::string>> files;
    if (!renderDesign(*design, files, report, error))
      return circuit->emitError() << kPass << ": " << error;
    for (const auto &[name, text] : files)
      *output.text << "// ----- " << name << " -----\n" << text;
    return success();
  }
  if (!writeDesign(*design, output.directory, report, error))
    return circuit->emitError() << kPass << ": " << error;
  summary << "compiled '" << network.getSymName() << "' for " << design->target
          << " into " << output.directory << "\n"
          << runtime::sfq::reportText(report);
  return success();
}

} // namespace snc::sfqbackend
