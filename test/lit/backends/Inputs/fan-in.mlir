// One neuron listening to 300 inputs: its synaptic rows alone need more
// memory than small-sram.json's PEs have.
snn.network @fan_in(%x: tensor<300xi1>) -> (s: tensor<1xi1>) attributes {dt = 1.0e-3 : f64} {
  %0 = snn.linear %x {name = "all", weight = dense<0.25> : tensor<1x300xf32>} : tensor<300xi1> -> tensor<1xf32>
  %1 = snn.discrete_lif %0 {name = "listener", decay = dense<0.9> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>} : tensor<1xf32> -> tensor<1xi1>
  snn.output %1 : tensor<1xi1>
}
