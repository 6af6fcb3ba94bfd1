// 8 inputs fully connected to 16 LIF neurons: every row reaches neurons
// 0..15, so the core's rows are contiguous (the dense synapse format).
snn.network @dense_layer(%x: tensor<8xi1>) -> (s: tensor<16xi1>) attributes {dt = 1.0e-3 : f64} {
  %0 = snn.linear %x {name = "fc", weight = dense<0.25> : tensor<16x8xf32>} : tensor<8xi1> -> tensor<16xf32>
  %1 = snn.discrete_lif %0 {name = "lif", decay = dense<0.9> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>} : tensor<16xf32> -> tensor<16xi1>
  snn.output %1 : tensor<16xi1>
}
