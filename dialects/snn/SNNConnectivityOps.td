//===- SNNConnectivityOps.td - projections and reshapes ----*- tablegen -*-===//

#ifndef SNC_DIALECTS_SNN_SNNCONNECTIVITYOPS_TD
#define SNC_DIALECTS_SNN_SNNCONNECTIVITYOPS_TD

// Stateless ops (and delay) that connect populations. Their input may be a
// spike train (i1, read as 0/1) or a numeric tensor.
class SNN_ConnectivityOp<string mnemonic, list<Trait> traits = []>
    : SNN_Op<mnemonic, traits> {
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def SNN_AffineOp : SNN_ConnectivityOp<"affine", [SNN_LinearMap, SNN_Quantizable,
    SNN_ProjectionOpInterface]> {
  let summary = "dense projection y = W x + b";
  let description = [{ `weight` is `[out, in]`; `bias` is `[out]`. }];
  let arguments = (ins AnyTensor:$input, SNN_ParamAttr:$weight,
                       SNN_ParamAttr:$bias, OptionalAttr<StrAttr>:$name);
  let results = (outs SNN_NumericTensor:$output);
}

def SNN_LinearOp : SNN_ConnectivityOp<"linear", [SNN_LinearMap, SNN_Quantizable,
    SNN_ProjectionOpInterface]> {
  let summary = "dense projection y = W x";
  let arguments = (ins AnyTensor:$input, SNN_ParamAttr:$weight,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs SNN_NumericTensor:$output);
}

def SNN_ScaleOp : SNN_ConnectivityOp<"scale", [SNN_Quantizable]> {
  let summary = "element-wise y = scale * x";
  let arguments = (ins AnyTensor:$input, SNN_ParamAttr:$scale,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs SNN_NumericTensor:$output);
}

def SNN_ThresholdOp : SNN_ConnectivityOp<"threshold", [SNN_Quantizable,
    DeclareOpInterfaceMethods<SNN_PopulationOpInterface, ["hasMembrane"]>]> {
  let summary = "element-wise spike = x > threshold";
  let arguments = (ins SNN_NumericTensor:$input, SNN_ParamAttr:$threshold,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs SNN_SpikeTensor:$output);
}

def SNN_FlattenOp : SNN_ConnectivityOp<"flatten", [SNN_LinearMap,
    SNN_Quantizable]> {
  let summary = "merges dimensions start_dim..end_dim (inclusive)";
  let arguments = (ins AnyTensor:$input, I64Attr:$start_dim, I64Attr:$end_dim,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs AnyTensor:$output);
}

def SNN_DelayOp : SNN_ConnectivityOp<"delay", [SNN_Quantizable,
    DeclareOpInterfaceMethods<SNN_TimeStepOpInterface, ["needsTimeStep"]>]> {
  let summary = "per-element delay, in seconds (continuous) or steps";
  let description = [{
    Exactly one of `delay` (seconds, NIR's form) and `steps` is present.
    `snn-discretize` turns seconds into whole steps. Output at step `t` is the
    input at step `t - steps[i]` (zero before the first input arrives).
  }];
  let arguments = (ins AnyTensor:$input, OptionalAttr<SNN_ParamAttr>:$delay,
                       OptionalAttr<DenseI64ArrayAttr>:$steps,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs AnyTensor:$output);
}

def SNN_AddOp : SNN_Op<"add", [Pure, SameOperandsAndResultType,
    SNN_LinearMap, SNN_Quantizable]> {
  let summary = "sums several projections into one population's input";
  let arguments = (ins Variadic<SNN_NumericTensor>:$inputs,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs SNN_NumericTensor:$output);
  let assemblyFormat = "$inputs attr-dict `:` type($output)";
  let hasVerifier = 1;
}

class SNN_ConvOp<string mnemonic> : SNN_ConnectivityOp<mnemonic,
    [SNN_LinearMap, SNN_Quantizable, SNN_ProjectionOpInterface]> {
  let arguments = (ins AnyTensor:$input, SNN_ParamAttr:$weight,
                       OptionalAttr<SNN_ParamAttr>:$bias,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding,
                       DenseI64ArrayAttr:$dilation,
                       DefaultValuedAttr<I64Attr, "1">:$groups,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs SNN_NumericTensor:$output);
}

def SNN_Conv1dOp : SNN_ConvOp<"conv1d"> {
  let summary = "1-D convolution: input [C, L], weight [Cout, C/groups, K]";
}
def SNN_Conv2dOp : SNN_ConvOp<"conv2d"> {
  let summary = "2-D convolution: input [C, H, W], weight [Cout, C/groups, kH, kW]";
}

class SNN_PoolOp<string mnemonic, list<Trait> traits = []>
    : SNN_ConnectivityOp<mnemonic, !listconcat([SNN_Quantizable], traits)> {
  let arguments = (ins AnyTensor:$input, DenseI64ArrayAttr:$kernel_size,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs SNN_NumericTensor:$output);
}
def SNN_SumPool2dOp : SNN_PoolOp<"sum_pool2d", [SNN_LinearMap]> {
  let summary = "sum over each window of a [C, H, W] input";
}
def SNN_AvgPool2dOp : SNN_PoolOp<"avg_pool2d"> {
  let summary = "mean over each window of a [C, H, W] input (padding counted)";
}

def SNN_SparseProjectionOp : SNN_ConnectivityOp<"sparse_projection",
    [SNN_LinearMap, SNN_Quantizable,
     DeclareOpInterfaceMethods<SNN_ProjectionOpInterface, ["getWeightParam"]>]> {
  let summary = "sparse synapses with per-synapse weights and integer delays";
  let description = [{
    Sources and targets are the input's and the output's elements in
    row-major order. Compressed sparse rows by source: the synapses of
    source `s` are
    `row_ptr[s] .. row_ptr[s+1]`, each with a target index, a weight, and a
    delay in steps (0 when `delays` is absent). Only nonzero inputs (spikes)
    are propagated. Output at step `t`, target `j`: the sum of
    `weight * x_s(t - delay)` over synapses to `j`.

    Each array is inline (`array<i64>`; weights a dense elements attribute)
    or, in large networks, a `dense_resource` blob: row pointers and
    targets as i32 or i64, delays as i8, i16, i32 or i64, weights as f32,
    f64 or integers, one per synapse. Bytecode files hold blobs as raw
    bytes that snc reads in place.
  }];
  let arguments = (ins AnyTensor:$input, SNN_SynapseIndexAttr:$row_ptr,
                       SNN_SynapseIndexAttr:$targets,
                       SNN_SynapseWeightsAttr:$weights,
                       OptionalAttr<SNN_SynapseIndexAttr>:$delays,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs SNN_NumericTensor:$output);
  let extraClassDeclaration = [{
    /// The number of targets (0 when `targets` is malformed: the verifier
    /// says why).
    int64_t getNumSynapses();
    int64_t getMaxDelay();
  }];
}

def SNN_AttentionOp : SNN_Op<"attention",
    [AllTypesMatch<["query", "key", "value"]>, SNN_Quantizable]> {
  let summary = "spiking self-attention over [tokens, features] spike tensors";
  let description = [{
    `spikformer`: the result is the pre-activation `(Q · (Kᵀ · V)) * scale`
    (follow it with a spiking neuron, the SN of Spikformer). On an integer
    result, `scale` is an integer fixed-point multiplier with `frac_bits`
    fraction bits (default 0), dropped as `rounding` says (default floor),
    and the result saturates to its width.
    `spike_driven` (SDSA): `mask[d] = (Σ_n Q[n,d] K[n,d]) > threshold`,
    result `mask ⊙ V` (a spike tensor). The column sums are exact integers.
    `snn-lower-attention` rewrites both into neurons and synapses.
  }];
  let arguments = (ins SNN_SpikeTensor:$query, SNN_SpikeTensor:$key,
                       SNN_SpikeTensor:$value, SNN_AttentionFormAttr:$form,
                       DefaultValuedAttr<F64Attr, "1.0">:$scale,
                       DefaultValuedAttr<F64Attr, "0.0">:$threshold,
                       OptionalAttr<I64Attr>:$frac_bits,
                       OptionalAttr<SNN_RoundingAttr>:$rounding,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs AnyTensor:$output);
  let assemblyFormat = [{
    $query `,` $key `,` $value attr-dict `:` type($query) `->` type($output)
  }];
  let hasVerifier = 1;
}

def SNN_ReservoirOp : SNN_Op<"reservoir", [SNN_TimeStepOpInterface]> {
  let summary = "a liquid-state-machine reservoir of LIF neurons";
  let description = [{
    A random recurrent population of `size` LIF neurons (the result shape),
    `exc_fraction` of them excitatory. Connection rule: with probability
    `p_connect`, or, when `grid` is given, on a 3-D grid with probability
    `p_connect * exp(-(d/lambda)^2)` (Maass 2002). Weights by pre/post kind:
    `w_ee`, `w_ei`, `w_ie`, `w_ii`. The input projects one-to-one onto the
    first neurons with weight `w_in`. `snn-materialize-reservoirs` expands it,
    deterministically from `seed`, into a LIF population and a recurrent
    sparse projection.
  }];
  let arguments = (ins AnyTensor:$input, F64Attr:$exc_fraction,
                       F64Attr:$p_connect,
                       OptionalAttr<DenseI64ArrayAttr>:$grid,
                       DefaultValuedAttr<F64Attr, "2.0">:$lambda,
                       F64Attr:$w_ee, F64Attr:$w_ei, F64Attr:$w_ie,
                       F64Attr:$w_ii, F64Attr:$w_in,
                       F64Attr:$tau, F64Attr:$v_threshold, F64Attr:$v_reset,
                       I64Attr:$seed, OptionalAttr<StrAttr>:$name);
  let results = (outs SNN_SpikeTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

#endif // SNC_DIALECTS_SNN_SNNCONNECTIVITYOPS_TD
