//===- CircuitUtils.cpp - helpers shared by the sfq passes ----------------===//

#include "passes/sfq/CircuitUtils.h"

#include "mlir/IR/Builders.h"

using namespace mlir;

namespace snc::sfq {

StringRef getTargetJSONAttrName() { return "sfq.target_json"; }

FailureOr<std::shared_ptr<const targets::TargetDescription>>
getCircuitTarget(CircuitOp circuit, StringRef pass) {
  auto target = std::make_shared<targets::TargetDescription>();
  std::string error;
  bool loaded;
  if (auto json = circuit->getAttrOfType<StringAttr>(getTargetJSONAttrName())) {
    const targets::SchemaValidator *validator =
        targets::getBundledTargetValidator(error);
    std::string where =
        ("target '" + circuit.getTarget() + "' of @" + circuit.getSymName())
            .str();
    loaded = validator && targets::parseTarget(json.getValue(), where,
                                               *validator, *target, error);
  } else {
    loaded = targets::loadTarget(circuit.getTarget(),
                                 targets::getDefaultRegistryOptions(), *target,
                                 error);
  }
  if (!loaded)
    return circuit.emitError() << pass << ": " << error;
  if (!target->sfq)
    return circuit.emitError() << pass << ": target '" << target->name
                               << "' is not an SFQ target (family "
                               << targets::getFamilyName(target->family) << ")";
  return std::shared_ptr<const targets::TargetDescription>(std::move(target));
}

FailureOr<runtime::sfq::CellLibrary> getCircuitLibrary(CircuitOp circuit,
                                                       StringRef pass) {
  auto target = getCircuitTarget(circuit, pass);
  if (failed(target))
    return failure();
  runtime::sfq::CellLibrary library;
  std::string error;
  if (!runtime::sfq::loadCellLibrary((*target)->capacity, library, error))
    return circuit.emitError()
           << pass << ": target '" << (*target)->name << "': " << error;
  return library;
}

int64_t getClockPeriodFs(const targets::TargetDescription &target) {
  int64_t hz = target.sfq ? target.sfq->clockHz : 0;
  return hz > 0 ? int64_t(1e15 / double(hz)) : 0;
}

CellNamer::CellNamer(CircuitOp circuit) {
  for (Operation &op : *circuit.getBodyBlock())
    if (StringRef name = getCellName(&op); !name.empty())
      taken.insert(name);
}

std::string CellNamer::next(StringRef prefix) {
  unsigned &n = counters[prefix];
  for (;; ++n) {
    std::string name = (prefix + Twine(n)).str();
    if (taken.insert(name).second) {
      ++n;
      return name;
    }
  }
}

std::string CellNamer::claim(StringRef name) {
  if (taken.insert(name).second)
    return name.str();
  return next((name + "_").str());
}

FanoutOp connectFanout(OpBuilder &builder, Location loc, Value source,
                       ArrayRef<OpOperand *> sinks, CellNamer &namer) {
  if (sinks.size() == 1) {
    sinks.front()->set(source);
    return {};
  }
  if (sinks.empty())
    return {};
  OpBuilder::InsertionGuard guard(builder);
  if (Operation *def = source.getDefiningOp())
    builder.setInsertionPointAfter(def);
  Type pulse = builder.getType<PulseType>();
  auto fanout = builder.create<FanoutOp>(
      loc, SmallVector<Type>(sinks.size(), pulse), source,
      builder.getStringAttr(namer.next("fan")));
  for (auto [sink, result] : llvm::zip(sinks, fanout.getOutputs()))
    sink->set(result);
  return fanout;
}

SmallVector<OpOperand *> collectSinks(Value value, bool eraseFanout) {
  SmallVector<OpOperand *> sinks;
  SmallVector<FanoutOp> fanouts;
  for (OpOperand &use : value.getUses()) {
    if (auto fanout = dyn_cast<FanoutOp>(use.getOwner())) {
      fanouts.push_back(fanout);
      for (Value result : fanout.getOutputs())
        for (OpOperand &inner : result.getUses())
          sinks.push_back(&inner);
    } else {
      sinks.push_back(&use);
    }
  }
  if (eraseFanout) {
    // The sinks are rewired by the caller; until then they read `value`.
    for (OpOperand *sink : sinks)
      sink->set(value);
    for (FanoutOp fanout : fanouts)
      fanout.erase();
    // The fan-outs' own uses of `value` are gone with them.
    sinks.clear();
    for (OpOperand &use : value.getUses())
      sinks.push_back(&use);
  }
  // Block order, then operand order: the same IR gives the same wiring.
  llvm::sort(sinks, [](OpOperand *a, OpOperand *b) {
    if (a->getOwner() != b->getOwner())
      return a->getOwner()->isBeforeInBlock(b->getOwner());
    return a->getOperandNumber() < b->getOperandNumber();
  });
  return sinks;
}

std::string sanitizeName(StringRef name) {
  std::string out;
  for (char c : name)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0])))
    out = "n" + out;
  return out;
}

} // namespace snc::sfq
