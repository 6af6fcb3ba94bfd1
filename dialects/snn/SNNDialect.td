//===- SNNDialect.td - the snn dialect definition ----------*- tablegen -*-===//
//
// The `snn` dialect: spiking neural networks as graphs of neuron populations
// and the projections between them, in continuous time (as NIR states them)
// or discretized to a fixed time step.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_DIALECTS_SNN_SNNDIALECT_TD
#define SNC_DIALECTS_SNN_SNNDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def SNN_Dialect : Dialect {
  let name = "snn";
  let cppNamespace = "::snc::snn";
  let summary = "Spiking neural networks: neuron populations and projections";
  let description = [{
    A network (`snn.network`) is a graph region whose values are builtin
    tensors: spike trains are `tensor<...xi1>`, currents and voltages are
    floating point (integer after quantization). Each op is evaluated once per
    time step. Recurrent edges are legal; the evaluation order and the
    meaning of every parameter are fixed in `docs/semantics.md`.

    Neuron ops come in two forms. The continuous forms (`snn.lif`,
    `snn.cuba_lif`, ...) carry NIR's parameters with NIR's meaning (time
    constants in seconds). The `snn-discretize` pass turns them into the
    discrete forms (`snn.discrete_li`, `snn.discrete_lif`) that carry decay
    factors and input gains for one fixed `dt`; the reference interpreter
    runs the discrete forms.
  }];
  let useDefaultAttributePrinterParser = 1;
  // Decisions later stages read from a network, declared so the verifier
  // checks them (SNNDialect.cpp) and passes use typed helpers. `snn.target`
  // (the target a network is compiled for: a name, or {json, name} with the
  // whole description; passes/TargetAttr.h) is checked there too.
  let discardableAttrs = (ins
    // Steps by which outputs trail the original network (snn-lower-delays).
    "::mlir::IntegerAttr":$latency_shift,
    // Per network input / output: the scale snn-quantize chose (f64).
    "::mlir::ArrayAttr":$input_scales,
    "::mlir::ArrayAttr":$output_scales);
  let hasOperationAttrVerify = 1;
}

def SNN_ResetMode : I32EnumAttr<"ResetMode", "what a spike does to the membrane", [
    I32EnumAttrCase<"ToValue", 0, "to_value">,
    I32EnumAttrCase<"Subtract", 1, "subtract">,
    I32EnumAttrCase<"None", 2, "none">]> {
  let cppNamespace = "::snc::snn";
  let genSpecializedAttr = 0;
}
def SNN_ResetModeAttr : EnumAttr<SNN_Dialect, SNN_ResetMode, "reset">;

// Which synaptic current the membrane integrates in the step that updates
// it: producers differ (docs/semantics.md, "CubaLIF current timing").
def SNN_CurrentTiming : I32EnumAttr<"CurrentTiming",
    "which step's synaptic current the membrane integrates", [
    I32EnumAttrCase<"SameStep", 0, "same_step">,
    I32EnumAttrCase<"PreviousStep", 1, "previous_step">]> {
  let cppNamespace = "::snc::snn";
  let genSpecializedAttr = 0;
}
def SNN_CurrentTimingAttr
    : EnumAttr<SNN_Dialect, SNN_CurrentTiming, "current">;

def SNN_Rounding : I32EnumAttr<"Rounding",
    "how a fixed-point product drops its fraction bits", [
    I32EnumAttrCase<"Floor", 0, "floor">,
    I32EnumAttrCase<"Ceil", 1, "ceil">,
    I32EnumAttrCase<"TowardZero", 2, "toward_zero">,
    I32EnumAttrCase<"NearestEven", 3, "nearest_even">]> {
  let cppNamespace = "::snc::snn";
  let genSpecializedAttr = 0;
}
def SNN_RoundingAttr : EnumAttr<SNN_Dialect, SNN_Rounding, "rounding">;

def SNN_AttentionForm : I32EnumAttr<"AttentionForm", "spiking self-attention form", [
    I32EnumAttrCase<"Spikformer", 0, "spikformer">,
    I32EnumAttrCase<"SpikeDriven", 1, "spike_driven">]> {
  let cppNamespace = "::snc::snn";
  let genSpecializedAttr = 0;
}
def SNN_AttentionFormAttr : EnumAttr<SNN_Dialect, SNN_AttentionForm, "attention">;

def SNN_IntegrationScheme : I32EnumAttr<"IntegrationScheme",
    "how continuous dynamics were discretized", [
    I32EnumAttrCase<"Euler", 0, "euler">,
    I32EnumAttrCase<"Exact", 1, "exact">]> {
  let cppNamespace = "::snc::snn";
  let genSpecializedAttr = 0;
}
def SNN_IntegrationSchemeAttr
    : EnumAttr<SNN_Dialect, SNN_IntegrationScheme, "scheme">;

//===----------------------------------------------------------------------===//
// Type and attribute constraints
//===----------------------------------------------------------------------===//

def SNN_SpikeTensor : TensorOf<[I1]>;
// Integers wider than one bit: i1 is a spike, not a number.
def SNN_WideInteger : Type<And<[AnySignlessInteger.predicate,
                                CPred<"!$_self.isInteger(1)">]>,
                           "signless integer wider than 1 bit">;
def SNN_NumericTensor : TensorOf<[AnyFloat, SNN_WideInteger]>;
def SNN_FloatTensor : TensorOf<[AnyFloat]>;

// A per-neuron parameter or a projection's weights: one value (broadcast)
// or one per element, inline (dense elements, readable in small tests) or
// in a dense_resource blob of f32, f64 or integers (large arrays: not
// uniqued, not copied). Read through Params.h (paramValues) or
// SynapseArrays.h's WeightArray; verifyParam checks a blob's element type,
// size and presence.
def SNN_ParamAttr : Attr<
    CPred<"::llvm::isa<::mlir::DenseIntOrFPElementsAttr, "
          "::mlir::DenseResourceElementsAttr>($_self)">,
    "per-neuron parameter (one value, or one per neuron)"> {
  let storageType = "::mlir::ElementsAttr";
  let returnType = "::mlir::ElementsAttr";
  let convertFromStorage = "$_self";
}

// A sparse projection's row pointers, targets or delays: inline
// (array<i64>, readable in small tests) or a dense_resource blob of narrow
// integers (large networks). Read through SynapseArrays.h's IndexArray;
// the op's verifier checks the blob's element type, size and presence.
def SNN_SynapseIndexAttr : Attr<
    CPred<"::llvm::isa<::mlir::DenseI64ArrayAttr, "
          "::mlir::DenseResourceElementsAttr>($_self)">,
    "array<i64> or dense_resource blob of integers"> {
  let storageType = "::mlir::Attribute";
  let returnType = "::mlir::Attribute";
  let convertFromStorage = "$_self";
}

// A sparse projection's weights: a parameter attribute (inline) or a
// dense_resource blob of f32, f64 or integers. Read through
// SynapseArrays.h's WeightArray.
def SNN_SynapseWeightsAttr : Attr<
    CPred<"::llvm::isa<::mlir::DenseIntOrFPElementsAttr, "
          "::mlir::DenseResourceElementsAttr>($_self)">,
    "per-synapse weights (dense elements or dense_resource blob)"> {
  let storageType = "::mlir::Attribute";
  let returnType = "::mlir::Attribute";
  let convertFromStorage = "$_self";
}

class SNN_Op<string mnemonic, list<Trait> traits = []>
    : Op<SNN_Dialect, mnemonic, traits>;

#endif // SNC_DIALECTS_SNN_SNNDIALECT_TD
