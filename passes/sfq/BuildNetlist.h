//===- BuildNetlist.h - an sfq.circuit as runtime/sfq's netlist -*- C++ -*-===//
//
// The finished circuit (after sfq-insert-splitters: no sfq.fanout left) as
// the plain-C++ netlist runtime/sfq/PulseSimulator.h runs, with the pins
// that map its pulses back to the network's inputs and outputs. A read-only
// walk: every decision (names, stages, latencies) comes from the IR.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_SFQ_BUILDNETLIST_H
#define SNC_PASSES_SFQ_BUILDNETLIST_H

#include "dialects/sfq/SFQOps.h"
#include "runtime/sfq/Netlist.h"

#include "mlir/IR/BuiltinOps.h"

#include <string>
#include <vector>

namespace snc::sfq {

/// An input pin: element `element` (row-major) of network input `input`.
struct InputPin {
  std::string cell;
  int64_t input = 0, element = 0;
};

/// A probe: element `element` of network output `output`; the pulse of
/// step s leaves in cycle s + latency.
struct Probe {
  std::string cell;
  int64_t output = 0, element = 0, latency = 0;
};

struct CircuitNetlist {
  runtime::sfq::Netlist netlist;
  std::string clock; // the clock's DCSFQ cell, "" if none
  std::vector<InputPin> inputs;
  std::vector<Probe> probes;
  /// Output elements (output, element) that never spike: their neuron has
  /// no input and never reaches its threshold, so they have no probe.
  std::vector<std::pair<int64_t, int64_t>> silentOutputs;
  /// When input pins inject (fs after the cycle starts; -1: not recorded).
  int64_t inputOffsetFs = -1;
};

/// Converts `circuit`. Emits an error naming the op and fails on a cell the
/// netlist cannot hold (an sfq.fanout: run sfq-insert-splitters) or a pin
/// without its attributes.
mlir::FailureOr<CircuitNetlist> buildNetlist(CircuitOp circuit);

/// The same for the module's circuit named `name` (or its only circuit).
mlir::FailureOr<CircuitNetlist> buildNetlist(mlir::ModuleOp module,
                                             llvm::StringRef name = "");

} // namespace snc::sfq

#endif // SNC_PASSES_SFQ_BUILDNETLIST_H
