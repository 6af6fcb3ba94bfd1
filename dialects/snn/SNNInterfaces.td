//===- SNNInterfaces.td - snn op interfaces and traits -----*- tablegen -*-===//
//
// What passes ask of an op instead of listing op names: is it a population
// stepped every time step, a weighted projection, an exact linear map, an
// op snn-quantize rewrites, an op whose meaning needs a time step.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_DIALECTS_SNN_SNNINTERFACES_TD
#define SNC_DIALECTS_SNN_SNNINTERFACES_TD

include "mlir/IR/OpBase.td"

def SNN_PopulationOpInterface : OpInterface<"PopulationOpInterface"> {
  let cppNamespace = "::snc::snn";
  let description = [{
    A population stepped once per time step: each element of its result is
    one neuron with state, driven by its first operand. The many-core form
    turns every population into neurons on cores; the quantizer gives each
    one scale per channel.
  }];
  let methods = [
    InterfaceMethod<"The input that drives the population each step.",
      "::mlir::Value", "getDrive", (ins), [{}],
      [{ return $_op->getOperand(0); }]>,
    InterfaceMethod<"Whether it emits spikes (else it outputs a value).",
      "bool", "isSpiking", (ins), [{}], [{
        return ::llvm::cast<::mlir::ShapedType>($_op->getResult(0).getType())
            .getElementType().isInteger(1);
      }]>,
    InterfaceMethod<"Whether it keeps a membrane voltage `v` to record.",
      "bool", "hasMembrane", (ins), [{}], [{ return true; }]>,
  ];
}

def SNN_ProjectionOpInterface : OpInterface<"ProjectionOpInterface"> {
  let cppNamespace = "::snc::snn";
  let description = [{
    A weighted linear map from a presynaptic tensor to the currents of a
    population: its weights fold the gain of the population it feeds.
  }];
  let methods = [
    InterfaceMethod<"The weights (one per synapse, in the op's layout): a "
      "dense elements attribute, or (sparse_projection) a dense_resource "
      "blob; read them through SynapseArrays.h's WeightArray.",
      "::mlir::Attribute", "getWeightParam", (ins), [{}],
      [{ return $_op->getAttr("weight"); }]>,
  ];
}

def SNN_TimeStepOpInterface : OpInterface<"TimeStepOpInterface"> {
  let cppNamespace = "::snc::snn";
  let description = [{
    An op whose meaning may depend on a time step it does not carry
    (continuous-time neurons, reservoirs, delays in seconds): it cannot be
    in a discretized network, and snn-discretize (or the pass named in its
    diagnostic) must rewrite it first.
  }];
  let methods = [
    InterfaceMethod<"Whether this op, as it stands, needs a time step.",
      "bool", "needsTimeStep", (ins), [{}], [{ return true; }]>,
  ];
}

// An exact linear map of its operands (no rounding beyond the integer
// arithmetic of its weights): the many-core form composes chains of such
// ops into explicit synapses.
def SNN_LinearMap : NativeOpTrait<"LinearMap"> {
  let cppNamespace = "::snc::snn";
}

// snn-quantize rewrites this op to the target's integer formats.
def SNN_Quantizable : NativeOpTrait<"Quantizable"> {
  let cppNamespace = "::snc::snn";
}

#endif // SNC_DIALECTS_SNN_SNNINTERFACES_TD
