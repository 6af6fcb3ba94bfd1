// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-lower-attention{target=%S/Inputs/min-delay-1.json}))' -verify-diagnostics

// A target whose synapses take at least one step cannot deliver the
// lowered block within one step (its synapses have delay 0): the pass says
// so instead of lowering.
snn.network @sdsa(%q: tensor<3x2xi1>, %k: tensor<3x2xi1>, %v: tensor<3x2xi1>) -> (y: tensor<3x2xi1>) attributes {dt = 1.0 : f64} {
  // expected-error @+1 {{'snn.attention' op cannot lower attention for target 'spinnaker2-min-delay-1': its synapses take at least 1 steps, and the lowering needs delay-0 synapses (the block within one step)}}
  %0 = snn.attention %q, %k, %v {name = "sdsa", form = #snn<attention spike_driven>} : tensor<3x2xi1> -> tensor<3x2xi1>
  snn.output %0 : tensor<3x2xi1>
}
