//===- Passes.td - snc transformation passes ---------------*- tablegen -*-===//

#ifndef SNC_PASSES_PASSES_TD
#define SNC_PASSES_PASSES_TD

include "mlir/Pass/PassBase.td"

def Discretize : Pass<"snn-discretize", "::snc::snn::NetworkOp"> {
  let summary = "Turn continuous-time neuron ops into fixed-step discrete ops";
  let description = [{
    Replaces each continuous neuron op (`snn.i`, `snn.if`, `snn.li`,
    `snn.lif`, `snn.cuba_li`, `snn.cuba_lif`, `snn.alif`) by the discrete
    op with decay factors and input gains for the time step `dt`, turns
    `snn.delay` times into whole steps, and records `dt` and `scheme` on the
    network. With `euler`, a decay is `1 - dt/tau` (snnTorch's and Norse's
    `beta`); with `exact`, `exp(-dt/tau)` with the input held over the step.
    The formulas are in docs/semantics.md.
  }];
  let dependentDialects = ["::snc::snn::SNNDialect"];
  let options = [
    Option<"dt", "dt", "double", "0.0",
           "Time step in seconds (required unless the network has one)">,
    Option<"scheme", "scheme", "std::string", "\"\"",
           "Integration scheme: euler or exact (default: the network's, "
           "else euler)">
  ];
}

def MaterializeReservoirs : Pass<"snn-materialize-reservoirs",
                                 "::snc::snn::NetworkOp"> {
  let summary = "Expand snn.reservoir into a LIF population and its synapses";
  let description = [{
    Draws the reservoir's recurrent connectivity from its seed with a
    generator whose sequence is fixed by this pass (not by the C++ library),
    so the same IR gives the same network on every machine. The result is an
    `snn.lif` population fed by the input projection and by a recurrent
    `snn.sparse_projection` of its own spikes.
  }];
  let dependentDialects = ["::snc::snn::SNNDialect"];
}

def LowerDelays : Pass<"snn-lower-delays", "::snc::snn::NetworkOp"> {
  let summary = "Express every delay as a sparse-projection synapse delay "
                "within [min-delay, max-delay]";
  let description = [{
    Runs on discretized networks. Each `snn.delay` of a rank-1 spike tensor
    becomes an identity `snn.sparse_projection` (weight 1.0 : f32, delays =
    steps) followed by `snn.threshold` at 0.5. A synapse delay above
    `max-delay` is split into hops of `max-delay` through relay populations
    (`snn.discrete_lif`, decay 0, gain 1, bias 0, v_threshold 0.5,
    v_reset 0) named `<projection>.relay<k>`; the last hop carries the
    weight and the remaining delay. When a target receives both split and
    unsplit synapses (and min-delay is 0), every synapse instead goes through
    one final relay population ordered by descending delay, so that each
    target keeps one accumulator fed in the original order (bit-identical
    sums). A synapse delay below `min-delay` is
    raised to it; when every input-to-output path crosses exactly one such
    synapse and all need the same shift k, the network records
    `snn.latency_shift = k` (outputs are delayed by k steps), else the pass
    fails with "non-uniform latency change".
  }];
  let dependentDialects = ["::snc::snn::SNNDialect"];
  let options = [
    Option<"minDelay", "min-delay", "int64_t", "0",
           "Smallest synapse delay the target implements (steps)">,
    Option<"maxDelay", "max-delay", "int64_t", "0",
           "Largest synapse delay the target implements (steps, >= 1)">,
    Option<"target", "target", "std::string", "\"\"",
           "Take min-delay and max-delay from this target's delay section "
           "(a name from `snc targets` or a .json file; default, without "
           "min-delay/max-delay: the network's snn.target)">
  ];
}

def LowerAttention : Pass<"snn-lower-attention", "::snc::snn::NetworkOp"> {
  let summary = "Rewrite snn.attention into memoryless neurons and delay-0 "
                "synapses";
  let description = [{
    `spike_driven` (SDSA) on `[N, D]`: coincidence neurons `Q + K > 1`
    (`snn.threshold`, a neuron whose membrane is this step's input), one
    neuron per feature summing its column of coincidences against
    `floor(threshold)` (clamped to [-1, N]), and coincidence neurons
    `mask + V > 1`: `2ND + D` neurons, `5ND` synapses, all delivered in the
    step (delay 0). `spikformer`: one neuron `Q[n,i] + K[m,i] + V[m,j] > 2`
    per `(n, m, i, j)` and a projection summing them into `[n, j]` with
    weight `scale / 2^frac_bits` (an integer: quantize first): `N²D²`
    neurons, `4N²D²` synapses; an error states the expansion when it
    exceeds the target's neurons. The interpreter's output is identical
    before and after. Integer networks get integer synapses and thresholds.
  }];
  let dependentDialects = ["::snc::snn::SNNDialect"];
  let options = [
    Option<"target", "target", "std::string", "\"\"",
           "Target bounding spikformer expansions (a name or .json; "
           "default: the network's snn.target)">,
    Option<"report", "report", "bool", "false",
           "Emit a remark with each block's neuron and synapse cost">
  ];
}

def Quantize : Pass<"snn-quantize", "::snc::snn::NetworkOp"> {
  let summary = "Turn a discretized float network into the target's integers";
  let description = [{
    Converts weights, biases, thresholds, resets, decays and input gains to
    the numeric format of a target description (docs/quantization.md). Each
    population gets a scale S per output channel (or per layer): the
    largest scale at which the weights folded into it (times its input
    gain) fit the target's weight bits, as max-abs, percentile or
    MSE-minimising calibration picks their range, and at which its
    threshold and membrane range fit the threshold and state bits; a power
    of two whenever that represents every parameter exactly. Thresholds,
    resets and biases are multiplied by the same S, so the integer neuron
    crosses its threshold where the float one does. Float network inputs
    become spikes (when the calibration input holds only 0 and 1) or
    integers at a recorded scale (`snn.input_scales`). The network records
    the whole target description it was quantized for in `snn.target`
    (`{name = "...", json = "..."}`), which later passes default to.
  }];
  let dependentDialects = ["::snc::snn::SNNDialect"];
  let options = [
    Option<"target", "target", "std::string", "\"\"",
           "Target name (see `snc targets`) or path to a target .json "
           "(default: the network's snn.target)">,
    Option<"method", "method", "std::string", "\"max-abs\"",
           "How scales are chosen: max-abs, percentile, mse or search "
           "(by calibrated spike agreement)">,
    Option<"percentile", "percentile", "double", "99.9",
           "Percentile of |value| kept unclipped (method=percentile)">,
    Option<"granularity", "granularity", "std::string", "\"channel\"",
           "One scale per output channel (channel) or per population "
           "(layer)">,
    Option<"weightBits", "weight-bits", "std::string", "\"\"",
           "Override the target's weight format: a width in 2..16, or "
           "ternary">,
    Option<"biasCorrection", "bias-correction", "bool", "false",
           "Fold the drive the weights' rounding loses on average on the "
           "calibration input into the integer biases">,
    Option<"adaptiveRounding", "adaptive-rounding", "bool", "false",
           "Round weights up or down so that each neuron's average lost "
           "drive on the calibration input is near zero">,
    Option<"fineState", "fine-state", "bool", "false",
           "Keep spiking populations' membrane and current 2^k times finer "
           "than their weights (drive through gain 2^k), k as large as the "
           "state and threshold widths allow">,
    Option<"calibrate", "calibrate", "std::string", "\"\"",
           "Calibration input: .npy files, one per network input, "
           "separated by commas">
  ];
}

//===----------------------------------------------------------------------===//
// Many-core mapping: snn.network -> nmc.mapping
//===----------------------------------------------------------------------===//

def SnnPartition : Pass<"snn-partition", "::mlir::ModuleOp"> {
  let summary = "Cut a quantized network's populations into PE-sized slices";
  let description = [{
    Extracts the many-core form of the module's snn.network (the only one,
    or the one named by `network`; it must be quantized: integer
    populations, spike inputs), cuts every population into contiguous
    slices that fit a PE's neurons and memory (passes/mapping/Partition.h)
    and records them in an `nmc.mapping` placed after the network, which
    replaces any earlier mapping of that network. The slices are not placed
    yet (`pe = -1`). The mapping keeps the machine the target describes and
    `lower_bound`, the fewest PEs any cut needs. A `target` option is
    recorded on the network (`snn.target`), where snn-place, snn-route and
    the emitters find it. Fails, naming the population
    and the numbers, when a neuron alone does not fit a PE or the slices
    outnumber the machine's PEs. `chips-x` and `chips-y` replace the
    target's mesh (`snc compile --chips`).
  }];
  let dependentDialects = ["::snc::nmc::NMCDialect"];
  let options = [
    Option<"target", "target", "std::string", "\"\"",
           "Target name (see `snc targets`) or path to a target .json "
           "(default: the network's snn.target)">,
    Option<"chipsX", "chips-x", "unsigned", "0",
           "Chips along x, replacing the target's chips_x (0: the target's)">,
    Option<"chipsY", "chips-y", "unsigned", "0",
           "Chips along y, replacing the target's chips_y (0: the target's)">,
    Option<"networkName", "network", "std::string", "\"\"",
           "The snn.network to map (default: the module's only one)">,
    Option<"report", "report", "bool", "false",
           "Emit a remark with the slice count and the lower bound">
  ];
}

def SnnPlace : Pass<"snn-place", "::mlir::ModuleOp"> {
  let summary = "Put every slice of each nmc.mapping on a PE";
  let description = [{
    Places the slices of every `nmc.mapping` of the module so that spikes
    cross few chip-to-chip links (passes/mapping/Place.h), and writes each
    slice's `pe`, `chip` and `qpe`. The mapping records `cost`, the
    placement's packets x hops per step, and `sequential_cost`, that of the
    baseline putting slice i on PE i; the optimised placement never costs
    more. With `baseline`, the slices get the baseline placement. Placing
    again drops the keys and routers of an earlier snn-route.
  }];
  let dependentDialects = ["::snc::nmc::NMCDialect"];
  let options = [
    Option<"seed", "seed", "uint64_t", "1",
           "Seed of the graph partitioner; the same seed gives the same "
           "placement">,
    Option<"baseline", "baseline", "bool", "false",
           "Put slice i on PE i instead of optimising">
  ];
}

def SnnRoute : Pass<"snn-route", "::mlir::ModuleOp"> {
  let summary = "Allocate multicast keys and build compressed router tables";
  let description = [{
    For every placed `nmc.mapping` of the module: gives each slice its
    multicast key and mask (passes/mapping/KeyAllocation.h), builds the
    multicast tree of each slice to the PEs of its destinations and the
    router tables that realise them (Route.h), minimises the tables
    (TableCompression.h), checks that every slice's packets reach exactly
    its destinations, and writes one `nmc.router` per chip that had
    entries. Fails, naming the fullest router, when a table does not fit
    the target's `router_entries`.
  }];
  let dependentDialects = ["::snc::nmc::NMCDialect"];
}

#endif // SNC_PASSES_PASSES_TD
