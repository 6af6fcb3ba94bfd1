//===- BuildNetlist.cpp - an sfq.circuit as runtime/sfq's netlist ---------===//

#include "passes/sfq/BuildNetlist.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snc::sfq;
namespace rt = snc::runtime::sfq;

static std::optional<rt::CellKind> cellKind(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<rt::CellKind>>(op)
      .Case<JTLOp>([](auto) { return rt::CellKind::JTL; })
      .Case<SplitOp>([](auto) { return rt::CellKind::Split; })
      .Case<MergeOp>([](auto) { return rt::CellKind::Merge; })
      .Case<DFFOp>([](auto) { return rt::CellKind::DFF; })
      .Case<NDROOp>([](auto) { return rt::CellKind::NDRO; })
      .Case<And2Op>([](auto) { return rt::CellKind::And2; })
      .Case<Or2Op>([](auto) { return rt::CellKind::Or2; })
      .Case<XorOp>([](auto) { return rt::CellKind::Xor; })
      .Case<NotOp>([](auto) { return rt::CellKind::Not; })
      .Case<DCSFQOp>([](auto) { return rt::CellKind::DCSFQ; })
      .Case<SFQDCOp>([](auto) { return rt::CellKind::SFQDC; })
      .Case<NeuronOp>([](auto) { return rt::CellKind::Neuron; })
      .Default([](Operation *) { return std::nullopt; });
}

static snc::runtime::ResetMode resetMode(StringRef reset) {
  if (reset == "subtract")
    return snc::runtime::ResetMode::Subtract;
  if (reset == "none")
    return snc::runtime::ResetMode::None;
  return snc::runtime::ResetMode::ToValue;
}

FailureOr<CircuitNetlist> snc::sfq::buildNetlist(CircuitOp circuit) {
  CircuitNetlist result;
  rt::Netlist &netlist = result.netlist;
  llvm::DenseMap<Operation *, uint32_t> cellOf;
  llvm::StringSet<> names;
  for (Operation &op : *circuit.getBodyBlock())
    if (StringRef name = getCellName(&op); !name.empty())
      names.insert(name);
  unsigned unnamed = 0;
  for (Operation &op : *circuit.getBodyBlock()) {
    std::optional<rt::CellKind> kind = cellKind(&op);
    if (!kind)
      return op.emitError() << "the netlist has no cell for '" << op.getName()
                            << "' (run sfq-insert-splitters first)";
    std::string name = getCellName(&op).str();
    while (name.empty()) {
      std::string candidate = std::string(rt::cellKindName(*kind)) + "_" +
                              std::to_string(unnamed++);
      if (names.insert(candidate).second)
        name = candidate;
    }
    if (auto neuron = dyn_cast<NeuronOp>(op)) {
      rt::NeuronParams params;
      params.weights.assign(neuron.getWeights().begin(),
                            neuron.getWeights().end());
      params.stateBits = unsigned(neuron.getStateBitsValue());
      params.threshold = neuron.getThresholdValue();
      params.reset = resetMode(neuron.getReset());
      params.vReset = neuron.getVResetValue();
      params.vInit = neuron.getVInitValue();
      cellOf[&op] = netlist.addNeuron(name, std::move(params));
    } else {
      cellOf[&op] = netlist.addCell(*kind, name);
    }
    if (auto pin = dyn_cast<DCSFQOp>(op)) {
      if (pin.getClock())
        result.clock = name;
      else
        result.inputs.push_back(
            {name, int64_t(*pin.getInput()), int64_t(*pin.getElement())});
    }
    if (auto probe = dyn_cast<SFQDCOp>(op)) {
      if (!probe.getOutput() || !probe.getElement())
        return probe.emitError()
               << "the probe names no network 'output' and 'element'";
      result.probes.push_back(
          {name, int64_t(*probe.getOutput()), int64_t(*probe.getElement()),
           probe.getLatency() ? int64_t(*probe.getLatency()) : 0});
    }
  }
  for (Operation &op : *circuit.getBodyBlock())
    for (OpOperand &operand : op.getOpOperands()) {
      auto result = cast<OpResult>(operand.get());
      netlist.connect({cellOf[result.getOwner()], result.getResultNumber()},
                      {cellOf[&op], operand.getOperandNumber()});
    }
  if (auto silent = circuit->getAttrOfType<DenseI64ArrayAttr>("silent_outputs"))
    for (size_t i = 0; i + 1 < size_t(silent.size()); i += 2)
      result.silentOutputs.push_back({silent[i], silent[i + 1]});
  if (auto offset = circuit->getAttrOfType<IntegerAttr>("input_offset_fs"))
    result.inputOffsetFs = offset.getInt();
  std::vector<std::string> problems = netlist.validate();
  if (!problems.empty())
    return circuit.emitError()
           << "the netlist is not valid: " << problems.front();
  return result;
}

FailureOr<CircuitNetlist> snc::sfq::buildNetlist(ModuleOp module,
                                                 StringRef name) {
  CircuitOp found;
  for (auto circuit : module.getOps<CircuitOp>()) {
    if (!name.empty() ? circuit.getSymName() == name : !found) {
      found = circuit;
      if (!name.empty())
        break;
      continue;
    }
    if (name.empty())
      return module.emitError()
             << "the module has several sfq.circuit ops; name one";
  }
  if (!found)
    return module.emitError()
           << "no sfq.circuit" << (name.empty() ? "" : " named '") << name
           << (name.empty() ? "" : "'");
  return buildNetlist(found);
}
