//===- SFQDialect.td - the sfq dialect definition ----------*- tablegen -*-===//
//
// The `sfq` dialect: single-flux-quantum circuits as cells joined by pulse
// streams, the netlist IR of the SFQ backend (docs/sfq.md).
//
//===----------------------------------------------------------------------===//

#ifndef SNC_DIALECTS_SFQ_SFQDIALECT_TD
#define SNC_DIALECTS_SFQ_SFQDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def SFQ_Dialect : Dialect {
  let name = "sfq";
  let cppNamespace = "::snc::sfq";
  let summary = "Single-flux-quantum circuits: cells and pulse streams";
  let description = [{
    An `sfq.circuit` holds one SFQ circuit: its cells (the RSFQ cells of the
    target's library and the neuron cell of runtime/sfq/Netlist.h), its
    input pins (`sfq.dcsfq`, the clock among them) and its output probes
    (`sfq.sfqdc`). A cell's results are `!sfq.pulse` values, one per output
    pin; an operand is the input pin it drives. SFQ physics allows an output
    to drive exactly one input, so every pulse value has exactly one use;
    before `sfq-insert-splitters` an ideal `sfq.fanout` stands for a
    splitter tree. Clocked cells (DFF, NDRO, AND2, OR2, XOR, NOT, the neuron)
    take a clock operand that must come from the circuit's clock input. The
    body is a graph region: recurrent networks make loops.

    The passes that produce and refine circuits: `snn-to-sfq` (a quantized
    snn network to neurons and pins), `sfq-balance-paths` (DFFs so every
    clocked cell sees its inputs in the right cycle), `sfq-insert-mergers`
    (merger trees where neurons take fewer ports than synapses),
    `sfq-insert-splitters` (balanced splitter trees for every fan-out, the
    clock tree included).
  }];
  let useDefaultTypePrinterParser = 1;
}

def SFQ_PulseType : TypeDef<SFQ_Dialect, "Pulse"> {
  let mnemonic = "pulse";
  let summary = "a stream of SFQ pulses on one wire";
}

class SFQ_Op<string mnemonic, list<Trait> traits = []>
    : Op<SFQ_Dialect, mnemonic, traits>;

#endif // SNC_DIALECTS_SFQ_SFQDIALECT_TD
