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

#endif // SNC_PASSES_PASSES_TD
