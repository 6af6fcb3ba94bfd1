//===- CircuitOp.cpp - sfq.circuit and the physics it checks --------------===//
//
// The rules every circuit obeys, whatever pass made it: an SFQ output drives
// exactly one input (fan-out 1), there is at most one clock input, every
// clocked cell's clock comes from it and cell names are unique.
//
//===----------------------------------------------------------------------===//

#include "dialects/sfq/SFQOps.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snc::sfq;

RegionKind CircuitOp::getRegionKind(unsigned) { return RegionKind::Graph; }

DCSFQOp CircuitOp::getClockInput() {
  for (auto pin : getBodyBlock()->getOps<DCSFQOp>())
    if (pin.getClock())
      return pin;
  return {};
}

Value snc::sfq::getClockOperand(Operation *cell) {
  return llvm::TypeSwitch<Operation *, Value>(cell)
      .Case<DFFOp, NDROOp, And2Op, Or2Op, XorOp, NotOp, NeuronOp>(
          [](auto op) { return op.getClock(); })
      .Default([](Operation *) { return Value(); });
}

bool snc::sfq::isResetMode(StringRef reset) {
  return reset == "to_value" || reset == "subtract" || reset == "none";
}

StringRef snc::sfq::getCellName(Operation *cell) {
  if (auto name = cell->getAttrOfType<StringAttr>("name"))
    return name.getValue();
  return "";
}

/// How diagnostics name a cell: "'sfq.split' (\"s3\")".
static std::string describe(Operation *cell) {
  std::string text = "'" + cell->getName().getStringRef().str() + "'";
  if (StringRef name = getCellName(cell); !name.empty())
    text += " (\"" + name.str() + "\")";
  return text;
}

/// Follows a clock operand back through the cells that only carry the clock
/// (splitters, fan-outs, JTLs) to where it starts.
static Operation *clockSource(Value clock) {
  Operation *op = clock.getDefiningOp();
  for (unsigned hops = 0; op && hops < 100000; ++hops) {
    if (!isa<SplitOp, FanoutOp, JTLOp>(op))
      return op;
    op = op->getOperand(0).getDefiningOp();
  }
  return op;
}

LogicalResult CircuitOp::verifyRegions() {
  DCSFQOp clock;
  llvm::StringMap<Operation *> names;
  for (Operation &op : *getBodyBlock()) {
    if (op.getDialect() != getOperation()->getDialect())
      return op.emitOpError()
             << "is not an sfq cell; a circuit holds sfq cells only";
    if (auto pin = dyn_cast<DCSFQOp>(op); pin && pin.getClock()) {
      if (clock)
        return pin.emitOpError() << "is a second clock input (the first is \""
                                 << clock.getName() << "\")";
      clock = pin;
    }
    if (StringRef name = getCellName(&op); !name.empty()) {
      auto [it, inserted] = names.try_emplace(name, &op);
      if (!inserted)
        return op.emitOpError()
               << "has the instance name \"" << name
               << "\" of another cell; names are unique in a circuit";
    }
    for (OpResult result : op.getResults()) {
      unsigned uses = std::distance(result.use_begin(), result.use_end());
      if (uses == 1)
        continue;
      InFlightDiagnostic diag = op.emitOpError()
                                << "output #" << result.getResultNumber()
                                << " drives " << uses << " inputs; ";
      if (uses == 0)
        return diag << "an SFQ output drives exactly one input (end it in "
                       "an sfq.sfqdc probe)";
      return diag << "an SFQ output drives exactly one input (fan out "
                     "through splitters: sfq.fanout, then "
                     "sfq-insert-splitters)";
    }
  }
  for (Operation &op : *getBodyBlock()) {
    Value clk = getClockOperand(&op);
    if (!clk)
      continue;
    Operation *source = clockSource(clk);
    if (!clock)
      return op.emitOpError() << "is clocked but the circuit has no clock "
                                 "input (an sfq.dcsfq with 'clock')";
    if (source != clock.getOperation())
      return op.emitOpError()
             << "has a clock operand that does not come from the clock "
                "input \""
             << clock.getName()
             << "\" (only splitters, fan-outs and JTLs may carry the clock)";
  }
  return success();
}

LogicalResult DCSFQOp::verify() {
  if (getClock() && (getInput() || getElement()))
    return emitOpError() << "is the clock input; it takes no 'input' or "
                            "'element'";
  if (!getClock() && (!getInput() || !getElement()))
    return emitOpError() << "needs either 'clock' or a network 'input' and "
                            "'element'";
  if (getName().empty())
    return emitOpError() << "needs a pin name";
  return success();
}

LogicalResult FanoutOp::verify() {
  if (getOutputs().size() < 2)
    return emitOpError() << "has " << getOutputs().size()
                         << " outputs; a fan-out has at least 2";
  return success();
}

// %r:3 = sfq.fanout %x attr-dict
ParseResult FanoutOp::parse(OpAsmParser &parser, OperationState &result) {
  OpAsmParser::UnresolvedOperand input;
  Type pulse = parser.getBuilder().getType<PulseType>();
  if (parser.parseOperand(input) ||
      parser.parseOptionalAttrDict(result.attributes) ||
      parser.resolveOperand(input, pulse, result.operands))
    return failure();
  result.addTypes(SmallVector<Type>(parser.getNumResults(), pulse));
  return success();
}

void FanoutOp::print(OpAsmPrinter &printer) {
  printer << " " << getInput();
  printer.printOptionalAttrDict((*this)->getAttrs());
}
