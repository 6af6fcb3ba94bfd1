//===- SNNOps.td - snn dialect ops -------------------------*- tablegen -*-===//

#ifndef SNC_DIALECTS_SNN_SNNOPS_TD
#define SNC_DIALECTS_SNN_SNNOPS_TD

include "dialects/snn/SNNDialect.td"
include "dialects/snn/SNNInterfaces.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Network structure
//===----------------------------------------------------------------------===//

def SNN_NetworkOp : SNN_Op<"network", [
    Symbol, IsolatedFromAbove, SingleBlock,
    DeclareOpInterfaceMethods<RegionKindInterface>,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmBlockArgumentNames"]>]> {
  let summary = "a spiking network: named inputs, named outputs, a graph body";
  let description = [{
    The body is a graph region, so values may be used before they are defined
    and recurrent cycles are legal. Each block argument is a named network
    input whose value at step `t` is row `t` of the input spike train; the
    `snn.output` terminator names the values reported as outputs.

    `dt` (seconds) and `scheme` are set by `snn-discretize`; a network that
    has them contains only discrete ops.

    ```mlir
    snn.network @net(%x: tensor<2xf32>) -> (spikes: tensor<3xi1>) {
      %0 = snn.affine %x {weight = dense<...> : tensor<3x2xf32>, ...}
      %1 = snn.lif %0 {...} : tensor<3xf32> -> tensor<3xi1>
      snn.output %1 : tensor<3xi1>
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       StrArrayAttr:$input_names,
                       StrArrayAttr:$output_names,
                       OptionalAttr<F64Attr>:$dt,
                       OptionalAttr<SNN_IntegrationSchemeAttr>:$scheme);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::Block *getBodyBlock() { return &getBody().front(); }
    ::mlir::FunctionType getNetworkType() { return getFunctionType(); }
    class OutputOp getOutputOp();
    bool isDiscretized() { return getDt().has_value(); }
    /// `snn.latency_shift`: steps by which the outputs trail the network
    /// before snn-lower-delays; 0 when absent.
    int64_t getLatencyShift();
    void setLatencyShift(int64_t steps);
    /// `snn.input_scales` / `snn.output_scales` (snn-quantize); empty when
    /// absent.
    std::vector<double> getInputScales();
    std::vector<double> getOutputScales();
    void setScales(::llvm::ArrayRef<double> inputs,
                   ::llvm::ArrayRef<double> outputs);
    /// The time step in seconds, once discretized.
    std::optional<double> getTimeStep() {
      if (std::optional<::llvm::APFloat> dt = getDt())
        return dt->convertToDouble();
      return std::nullopt;
    }
  }];
}

def SNN_OutputOp : SNN_Op<"output",
    [Terminator, HasParent<"NetworkOp">, Pure]> {
  let summary = "names the network's outputs";
  let arguments = (ins Variadic<AnyTensor>:$outputs);
  let assemblyFormat = "attr-dict ($outputs^ `:` type($outputs))?";
  let hasVerifier = 1;
}

include "dialects/snn/SNNNeuronOps.td"
include "dialects/snn/SNNConnectivityOps.td"

#endif // SNC_DIALECTS_SNN_SNNOPS_TD
