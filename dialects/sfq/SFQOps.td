//===- SFQOps.td - sfq dialect ops -------------------------*- tablegen -*-===//

#ifndef SNC_DIALECTS_SFQ_SFQOPS_TD
#define SNC_DIALECTS_SFQ_SFQOPS_TD

include "dialects/sfq/SFQDialect.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/IR/SymbolInterfaces.td"

def SFQ_CircuitOp : SFQ_Op<"circuit", [
    Symbol, IsolatedFromAbove, SingleBlock, NoTerminator,
    DeclareOpInterfaceMethods<RegionKindInterface>]> {
  let summary = "an SFQ circuit: cells, input pins and output probes";
  let description = [{
    The circuit compiled for the SFQ target `target` (a name from
    `snc targets`), from the `snn.network` named `network` if `snn-to-sfq`
    made it. The body is a graph region of sfq cells. The verifier checks
    the physics: every pulse value has exactly one use, at most one input
    pin is the clock, every clocked cell's clock comes from it (through
    splitters, fan-outs and JTLs only), and cell names are unique.

    Passes record their decisions as attributes: `sfq-balance-paths` sets
    `balance` (the scheme), `dffs_full` and `dffs_retimed` (the DFFs each
    scheme needs) and `dffs` (those inserted).

    ```mlir
    sfq.circuit @net target "sfq-rsfq" {
      %clk = sfq.dcsfq "clk" {clock}
      %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
      %n = sfq.neuron (%x) clock %clk {name = "h_0", reset = "to_value",
          state_bits = 8 : i64, threshold = 0 : i64, v_init = 0 : i64,
          v_reset = 0 : i64, weights = array<i64: 1>}
      sfq.sfqdc %n "out_0" {output = 0 : i64, element = 0 : i64}
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, StrAttr:$target,
                       OptionalAttr<StrAttr>:$network);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $sym_name `target` $target attr-dict-with-keyword $body
  }];
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::Block *getBodyBlock() { return &getBody().front(); }
    /// The input pin marked `clock`, if any.
    DCSFQOp getClockInput();
  }];
}

// Every cell may carry an instance name (unique in its circuit); the
// passes name every cell they create.
defvar SFQ_CellName = (ins OptionalAttr<StrAttr>:$name);

class SFQ_CellOp<string mnemonic, list<Trait> traits = []>
    : SFQ_Op<mnemonic, !listconcat(traits, [HasParent<"CircuitOp">])>;

def SFQ_DCSFQOp : SFQ_CellOp<"dcsfq"> {
  let summary = "DC-to-SFQ converter: an input pin of the chip";
  let description = [{
    Either the clock input (`clock`) or element `element` of network input
    `input` (flattened row-major): one pulse in the cycle of each step the
    input spikes.
  }];
  let arguments = (ins StrAttr:$name, UnitAttr:$clock,
                       OptionalAttr<I64Attr>:$input,
                       OptionalAttr<I64Attr>:$element);
  let results = (outs SFQ_PulseType:$output);
  let assemblyFormat = "$name attr-dict";
  let hasVerifier = 1;
}

def SFQ_SFQDCOp : SFQ_CellOp<"sfqdc"> {
  let summary = "SFQ-to-DC converter: an output probe";
  let description = [{
    Records element `element` (flattened row-major) of network output
    `output`. `latency` (set by `sfq-balance-paths`): the pulse of step s
    leaves in cycle s + latency.
  }];
  let arguments = (ins SFQ_PulseType:$input, StrAttr:$name,
                       OptionalAttr<I64Attr>:$output,
                       OptionalAttr<I64Attr>:$element,
                       OptionalAttr<I64Attr>:$latency);
  let assemblyFormat = "$input $name attr-dict";
}

def SFQ_FanoutOp : SFQ_CellOp<"fanout"> {
  let summary = "an ideal fan-out, until sfq-insert-splitters builds its tree";
  let description = [{
    Copies its input to every result, with no delay. It stands for the
    balanced splitter tree `sfq-insert-splitters` replaces it with (N
    results: N - 1 splitters); the netlist cannot hold it.
  }];
  let arguments = !con((ins SFQ_PulseType:$input), SFQ_CellName);
  let results = (outs Variadic<SFQ_PulseType>:$outputs);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def SFQ_JTLOp : SFQ_CellOp<"jtl"> {
  let summary = "Josephson transmission line: repeats the pulse";
  let arguments = !con((ins SFQ_PulseType:$input), SFQ_CellName);
  let results = (outs SFQ_PulseType:$output);
  let assemblyFormat = "$input attr-dict";
}

def SFQ_SplitOp : SFQ_CellOp<"split"> {
  let summary = "splitter: copies the pulse to both outputs";
  let arguments = !con((ins SFQ_PulseType:$input), SFQ_CellName);
  let results = (outs SFQ_PulseType:$q0, SFQ_PulseType:$q1);
  let assemblyFormat = "$input attr-dict";
}

def SFQ_MergeOp : SFQ_CellOp<"merge"> {
  let summary = "merger (confluence buffer): a pulse from either input";
  let arguments = !con((ins SFQ_PulseType:$a, SFQ_PulseType:$b), SFQ_CellName);
  let results = (outs SFQ_PulseType:$output);
  let assemblyFormat = "$a `,` $b attr-dict";
}

def SFQ_DFFOp : SFQ_CellOp<"dff"> {
  let summary = "destructive read-out flip-flop: the clock releases the data";
  let arguments = !con((ins SFQ_PulseType:$input, SFQ_PulseType:$clock),
                       SFQ_CellName);
  let results = (outs SFQ_PulseType:$output);
  let assemblyFormat = "$input `clock` $clock attr-dict";
}

def SFQ_NDROOp : SFQ_CellOp<"ndro"> {
  let summary = "non-destructive read-out: set, reset, the clock reads";
  let arguments = !con((ins SFQ_PulseType:$set, SFQ_PulseType:$reset,
                            SFQ_PulseType:$clock), SFQ_CellName);
  let results = (outs SFQ_PulseType:$output);
  let assemblyFormat = "$set `,` $reset `clock` $clock attr-dict";
}

class SFQ_Gate2Op<string mnemonic, string what> : SFQ_CellOp<mnemonic> {
  let summary = "clocked " # what # " gate";
  let arguments = !con((ins SFQ_PulseType:$a, SFQ_PulseType:$b,
                            SFQ_PulseType:$clock), SFQ_CellName);
  let results = (outs SFQ_PulseType:$output);
  let assemblyFormat = "$a `,` $b `clock` $clock attr-dict";
}
def SFQ_And2Op : SFQ_Gate2Op<"and2", "AND">;
def SFQ_Or2Op : SFQ_Gate2Op<"or2", "OR">;
def SFQ_XorOp : SFQ_Gate2Op<"xor", "XOR">;

def SFQ_NotOp : SFQ_CellOp<"not"> {
  let summary = "clocked inverter: a pulse iff the input had none";
  let arguments = !con((ins SFQ_PulseType:$input, SFQ_PulseType:$clock),
                       SFQ_CellName);
  let results = (outs SFQ_PulseType:$output);
  let assemblyFormat = "$input `clock` $clock attr-dict";
}

def SFQ_NeuronOp : SFQ_CellOp<"neuron"> {
  let summary = "integrate-and-fire pulse counter (docs/sfq.md)";
  let description = [{
    docs/semantics.md's integer population without leak, one neuron: at
    each clock, `v = sat(v + sum of weights[k] over the ports k that received
    a pulse since the last clock, state_bits)`; it fires one pulse iff
    `v > threshold`, then resets as `reset` says (`to_value`: `v = v_reset`;
    `subtract`: `v = sat(v - threshold)`; `none`). `v` starts at
    `sat(v_init)`. One weight per input port, nonzero.

    `delays` (until `sfq-balance-paths` realizes them as DFFs): per port,
    the steps by which the port's pulses count later than the step they
    were sent in (a recurrent back-edge: 1). `population` and `index` name
    the snn neuron it implements.
  }];
  let arguments = !con((ins Variadic<SFQ_PulseType>:$inputs,
                            SFQ_PulseType:$clock,
                            DenseI64ArrayAttr:$weights,
                            OptionalAttr<DenseI64ArrayAttr>:$delays,
                            I64Attr:$state_bits,
                            I64Attr:$threshold,
                            StrAttr:$reset,
                            I64Attr:$v_reset,
                            I64Attr:$v_init,
                            OptionalAttr<StrAttr>:$population,
                            OptionalAttr<I64Attr>:$index),
                       SFQ_CellName);
  let results = (outs SFQ_PulseType:$output);
  let assemblyFormat = "`(` $inputs `)` `clock` $clock attr-dict";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    // The I64Attr getters return uint64_t; these keep the sign.
    int64_t getThresholdValue() { return getThresholdAttr().getInt(); }
    int64_t getVResetValue() { return getVResetAttr().getInt(); }
    int64_t getVInitValue() { return getVInitAttr().getInt(); }
    int64_t getStateBitsValue() { return getStateBitsAttr().getInt(); }
    /// The port's delay in steps (0 without `delays`).
    int64_t getPortDelay(unsigned port) {
      auto delays = getDelays();
      return delays ? (*delays)[port] : 0;
    }
  }];
}

#endif // SNC_DIALECTS_SFQ_SFQOPS_TD
