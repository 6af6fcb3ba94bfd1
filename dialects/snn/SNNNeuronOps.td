//===- SNNNeuronOps.td - neuron population ops -------------*- tablegen -*-===//
//
// Every neuron op is one population: its result has the shape of its input,
// and each parameter holds one value (broadcast) or one value per neuron.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_DIALECTS_SNN_SNNNEURONOPS_TD
#define SNC_DIALECTS_SNN_SNNNEURONOPS_TD

// Attributes every population carries: its name (for recording and
// diagnostics) and an optional initial membrane voltage.
defvar SNN_PopulationAttrs = (ins OptionalAttr<SNN_ParamAttr>:$v_init,
                                  OptionalAttr<StrAttr>:$name);

// What a spiking population does when it fires.
defvar SNN_FiringAttrs = (ins
    DefaultValuedAttr<SNN_ResetModeAttr, "::snc::snn::ResetMode::ToValue">:$reset,
    DefaultValuedAttr<I64Attr, "0">:$refractory);

class SNN_NeuronOp<string mnemonic, dag params, bit spiking,
                   list<Trait> traits = []>
    : SNN_Op<mnemonic, traits> {
  let arguments = !con((ins AnyTensor:$input), params,
                       !if(spiking, SNN_FiringAttrs, (ins)),
                       SNN_PopulationAttrs);
  let results = (outs !if(spiking, SNN_SpikeTensor, SNN_NumericTensor):$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Continuous-time neurons (NIR's primitives; time constants in seconds)
//===----------------------------------------------------------------------===//

def SNN_IOp : SNN_NeuronOp<"i", (ins SNN_ParamAttr:$r), 0, [SNN_TimeStepOpInterface]> {
  let summary = "integrator: dv/dt = r * I";
}

def SNN_IFOp : SNN_NeuronOp<"if", (ins SNN_ParamAttr:$r,
    SNN_ParamAttr:$v_threshold, SNN_ParamAttr:$v_reset), 1,
    [SNN_TimeStepOpInterface]> {
  let summary = "integrate-and-fire: dv/dt = r * I; spike when v > v_threshold";
}

def SNN_LIOp : SNN_NeuronOp<"li", (ins SNN_ParamAttr:$tau, SNN_ParamAttr:$r,
    SNN_ParamAttr:$v_leak), 0, [SNN_TimeStepOpInterface]> {
  let summary = "leaky integrator: tau dv/dt = (v_leak - v) + r * I";
}

def SNN_LIFOp : SNN_NeuronOp<"lif", (ins SNN_ParamAttr:$tau, SNN_ParamAttr:$r,
    SNN_ParamAttr:$v_leak, SNN_ParamAttr:$v_threshold,
    SNN_ParamAttr:$v_reset), 1, [SNN_TimeStepOpInterface]> {
  let summary = "leaky integrate-and-fire: tau dv/dt = (v_leak - v) + r * I";
  let description = [{
    Spikes when `v > v_threshold` (strictly), then resets as `reset` says:
    to `v_reset`, by subtracting the threshold, or not at all. After a spike
    the neuron ignores its input for `refractory` steps, holding `v_reset`.
  }];
}

// Which step's current the membrane integrates (a producer convention).
defvar SNN_CurrentTimingArg = (ins
    DefaultValuedAttr<SNN_CurrentTimingAttr,
                      "::snc::snn::CurrentTiming::SameStep">:$current_timing);

def SNN_CubaLIOp : SNN_NeuronOp<"cuba_li", !con((ins SNN_ParamAttr:$tau_syn,
    SNN_ParamAttr:$tau_mem, SNN_ParamAttr:$r, SNN_ParamAttr:$v_leak,
    SNN_ParamAttr:$w_in), SNN_CurrentTimingArg), 0,
    [SNN_TimeStepOpInterface]> {
  let summary = "current-based leaky integrator";
  let description = [{
    `tau_syn dI/dt = -I + w_in * S`, `tau_mem dv/dt = (v_leak - v) + r * I`.
    `current_timing` says whether a step's membrane update integrates the
    current of the same step (`same_step`: snnTorch, Lava-dl) or of the
    previous one (`previous_step`: Norse, NIR's reference implementation).
  }];
}

def SNN_CubaLIFOp : SNN_NeuronOp<"cuba_lif", !con((ins SNN_ParamAttr:$tau_syn,
    SNN_ParamAttr:$tau_mem, SNN_ParamAttr:$r, SNN_ParamAttr:$v_leak,
    SNN_ParamAttr:$v_threshold, SNN_ParamAttr:$v_reset,
    SNN_ParamAttr:$w_in), SNN_CurrentTimingArg), 1,
    [SNN_TimeStepOpInterface]> {
  let summary = "current-based leaky integrate-and-fire";
  let description = [{
    `tau_syn dI/dt = -I + w_in * S`, `tau_mem dv/dt = (v_leak - v) + r * I`,
    spiking and resetting as `snn.lif` does; `current_timing` as for
    `snn.cuba_li`.
  }];
}

def SNN_ALIFOp : SNN_NeuronOp<"alif", (ins SNN_ParamAttr:$tau, SNN_ParamAttr:$r,
    SNN_ParamAttr:$v_leak, SNN_ParamAttr:$v_threshold, SNN_ParamAttr:$v_reset,
    SNN_ParamAttr:$tau_adapt, SNN_ParamAttr:$beta_adapt), 1,
    [SNN_TimeStepOpInterface]> {
  let summary = "adaptive-threshold leaky integrate-and-fire";
  let description = [{
    As `snn.lif`, with threshold `v_threshold + a`, where
    `tau_adapt da/dt = -a` and each spike adds `beta_adapt` to `a`.
  }];
}

//===----------------------------------------------------------------------===//
// Discrete-time neurons (produced by snn-discretize; run by the interpreter)
//===----------------------------------------------------------------------===//

// Optional synaptic-current stage: i = syn_decay * i + syn_gain * x, and
// which step's i the membrane integrates. Integer populations add the
// fixed-point format of their multipliers.
defvar SNN_SynapseStage = (ins OptionalAttr<SNN_ParamAttr>:$syn_decay,
                               OptionalAttr<SNN_ParamAttr>:$syn_gain,
                               DefaultValuedAttr<SNN_CurrentTimingAttr,
                                   "::snc::snn::CurrentTiming::SameStep">:$current_timing,
                               OptionalAttr<I64Attr>:$frac_bits,
                               OptionalAttr<SNN_RoundingAttr>:$rounding,
                               OptionalAttr<I64Attr>:$state_bits);

def SNN_DiscreteLIOp : SNN_NeuronOp<"discrete_li", !con(
    (ins SNN_ParamAttr:$decay, SNN_ParamAttr:$gain, SNN_ParamAttr:$bias),
    SNN_SynapseStage), 0, [SNN_Quantizable, SNN_PopulationOpInterface]> {
  let summary = "one step of a (current-based) leaky integrator";
  let description = [{
    Per step, with input `x`: if the synapse stage is present,
    `i = syn_decay * i + syn_gain * x` and the drive is `i` (the new one, or
    with `current_timing = #snn<current previous_step>` the one before this
    update), else the drive is `x`; then `v = decay * v + gain * drive +
    bias`. The result is `v`.

    On integer tensors, `decay`, `gain` and `syn_*` are fixed-point numbers
    with `frac_bits` fraction bits, each product drops them as `rounding`
    says, and every state saturates to `state_bits` (default: the width of
    the result type); see docs/semantics.md.
  }];
}

def SNN_DiscreteLIFOp : SNN_NeuronOp<"discrete_lif", !con(
    (ins SNN_ParamAttr:$decay, SNN_ParamAttr:$gain, SNN_ParamAttr:$bias,
         SNN_ParamAttr:$v_threshold, SNN_ParamAttr:$v_reset),
    SNN_SynapseStage,
    (ins OptionalAttr<SNN_ParamAttr>:$adapt_decay,
         OptionalAttr<SNN_ParamAttr>:$adapt_gain)), 1,
    [SNN_Quantizable, SNN_PopulationOpInterface]> {
  let summary = "one step of a (current-based, adaptive) LIF population";
  let extraClassDeclaration = [{
    /// Integer populations: driven by integers, or by spikes with a
    /// `state_bits` width.
    bool isInteger();
  }];
  let description = [{
    Per step: the synapse stage and membrane update of `snn.discrete_li`
    (skipped while refractory, holding `v_reset`); spike when
    `v > v_threshold + a`; reset; then `a = adapt_decay * a + adapt_gain * s`.
    The exact order is in `docs/semantics.md`.
  }];
}

#endif // SNC_DIALECTS_SNN_SNNNEURONOPS_TD
