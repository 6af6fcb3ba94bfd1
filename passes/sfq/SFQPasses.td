//===- SFQPasses.td - passes producing SFQ circuits ---------*- tablegen -*-===//

#ifndef SNC_PASSES_SFQ_SFQPASSES_TD
#define SNC_PASSES_SFQ_SFQPASSES_TD

include "mlir/Pass/PassBase.td"

def SnnToSfq : Pass<"snn-to-sfq", "::mlir::ModuleOp"> {
  let summary = "Turn a quantized snn network into an sfq.circuit";
  let description = [{
    Adds an `sfq.circuit` named after the network (the network stays): one
    `sfq.neuron` per neuron that reaches an output, one `sfq.dcsfq` input
    pin per network input element that drives one (attributes `input`,
    `element`), one `sfq.sfqdc` probe per network output element (`output`,
    `element`), and the clock input. Synapses are composed exactly from the
    linear ops (passes/ExtractManycore.h); a synapse of weight w becomes |w|
    ports of weight sign(w) (pulse multiplicity, fed through the source's
    fan-out); back-edges and synapse delays become port `delays`, which
    `sfq-balance-paths` realizes as DFFs. A source driving several inputs
    drives an ideal `sfq.fanout`. A neuron without input synapses that
    starts at or below its threshold never fires: it gets no cell, and an
    output element it is gets no probe but is listed in the circuit's
    `silent_outputs` (output, element pairs; such elements never spike).

    Only what an SFQ neuron computes is accepted; anything else is an error
    naming the population and the reason (what passes/ExtractManycore.h
    rejects too, such as drives that could saturate): leak (decay other than 1), an
    input gain other than 1, a bias, a synaptic-current stage, adaptation,
    a refractory period, non-spiking outputs, and weights of magnitude above
    `max-multiplicity` (default: the target's weight range, 1 for ternary).
  }];
  let dependentDialects = ["::snc::sfq::SFQDialect"];
  let options = [
    Option<"networkName", "network", "std::string", "\"\"",
           "The snn.network to convert (default: the module's only one)">,
    Option<"target", "target", "std::string", "\"\"",
           "The SFQ target (a name or .json; default: the network's "
           "snn.target)">,
    Option<"maxMultiplicity", "max-multiplicity", "int64_t", "0",
           "Largest weight magnitude expressed as pulse copies (0: the "
           "target's weight range)">
  ];
  let statistics = [
    Statistic<"numNeurons", "neurons", "Neuron cells created">,
    Statistic<"numPorts", "ports", "Neuron input ports created">,
    Statistic<"numDropped", "dropped-neurons",
              "Neurons dropped because no output depends on them">,
    Statistic<"numSilent", "silent-neurons",
              "Neurons dropped because they never fire (no input)">
  ];
}

def SfqBalancePaths : Pass<"sfq-balance-paths", "::snc::sfq::CircuitOp"> {
  let summary = "Insert DFFs so every clocked cell sees its inputs in the "
                "right clock cycle";
  let description = [{
    Gives every clocked cell a stage L (input pins: 0) such that a cell of
    stage L emits time step s's result in cycle s + L, and inserts
    L(sink) - L(source) - 1 + delay DFFs between each source and sink (the
    port's `delays`, then dropped). Probes get `latency` = their source's
    stage. A loop whose delays cannot cover its stages is an error.

    `scheme=full`: full path balancing, every cell as early as possible
    (ASAP) and one DFF chain per connection. `scheme=retime`: DFFs shared
    along each source's fan-out (one chain with taps: the longest need
    decides) and stages retimed by coordinate descent to minimize the
    shared total (PBMap-style, Pasandi and Pedram, ICCAD 2019). Both counts
    are recorded on the circuit (`dffs_full`, `dffs_retimed`), with the
    inserted count (`dffs`) and the scheme (`balance`), and reported as a
    remark.

    Runs before `sfq-insert-splitters` and `sfq-insert-mergers`: data paths
    are source -> (sfq.fanout) -> clocked cell.
  }];
  let options = [
    Option<"scheme", "scheme", "std::string", "\"full\"",
           "full (ASAP, a chain per connection) or retime (shared chains, "
           "retimed stages)">
  ];
  let statistics = [
    Statistic<"numDffs", "dffs", "DFFs inserted">,
    Statistic<"numDffsFull", "dffs-full", "DFFs full path balancing needs">,
    Statistic<"numDffsRetimed", "dffs-retimed",
              "DFFs the retimed shared scheme needs">
  ];
}

def SfqInsertSplitters : Pass<"sfq-insert-splitters",
                              "::snc::sfq::CircuitOp"> {
  let summary = "Replace every sfq.fanout by a balanced splitter tree";
  let description = [{
    A fan-out of N becomes N - 1 SPLIT cells in a balanced binary tree: the
    leaves are ceil(log2 N) or one less deep. On the clock's tree, each
    shallower leaf gets a JTL (`equalize-clock`) so clocked cells see the
    clock within |JTL - SPLIT| delay of each other instead of a splitter
    delay: a DFF feeding a neuron then meets the neuron's hold time.
  }];
  let options = [
    Option<"equalizeClock", "equalize-clock", "bool", "true",
           "Pad the clock tree's shallower leaves with a JTL">
  ];
  let statistics = [
    Statistic<"numSplitters", "splitters", "SPLIT cells inserted">,
    Statistic<"numClockJtls", "clock-jtls", "JTLs equalizing the clock tree">
  ];
}

def SfqInsertMergers : Pass<"sfq-insert-mergers", "::snc::sfq::CircuitOp"> {
  let summary = "Merge neuron ports of one weight through merger trees, "
                "checking merger hazards";
  let description = [{
    With `max-ports=P`, a neuron with more than P ports keeps at most P:
    the ports of one weight share ports through balanced merger trees (at
    least one port per distinct weight). Then every merger of the circuit
    is checked by static timing: the pulses that can reach its two inputs
    in one cycle (from the clock's tree delays, the cells' delays and the
    input pins' injection time `input-offset-fs`) must be at least the
    merger's separation window apart, and at least the neuron port's when
    the merger feeds a port. `hazards=stagger` delays the later input by
    JTLs until they are; `hazards=error` reports the hazard. Pulses must
    still reach the clocked cell `setup` before the next clock.

    Runs after `sfq-insert-splitters` (the timing needs the trees).
  }];
  let options = [
    Option<"maxPorts", "max-ports", "int64_t", "0",
           "Most input ports per neuron (0: no limit)">,
    Option<"hazards", "hazards", "std::string", "\"stagger\"",
           "stagger (JTLs) or error">,
    Option<"inputOffsetFs", "input-offset-fs", "int64_t", "-1",
           "When input pins inject pulses, fs after the cycle starts (-1: "
           "the circuit's input_offset_fs, else half the clock period)">
  ];
  let statistics = [
    Statistic<"numMergers", "mergers", "MERGE cells inserted">,
    Statistic<"numStaggerJtls", "stagger-jtls",
              "JTLs inserted to separate merger inputs">
  ];
}

#endif // SNC_PASSES_SFQ_SFQPASSES_TD
