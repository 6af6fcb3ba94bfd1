// One integrate-and-fire neuron fed by four inputs, weights 1.0 and three
// times 0.52: at SpiNNaker2's 5-bit weights the scale is 15 (1.0 -> 15),
// and 0.52 * 15 = 7.8 rounds to 8, so every step with all inputs active
// the integer drive is 0.6 more than the float one.
snn.network @rounding(%x: tensor<4xi1>) -> (spikes: tensor<1xi1>) attributes {dt = 1.0 : f64} {
  %d = snn.linear %x {name = "fc", weight = dense<[[1.0, 0.52, 0.52, 0.52]]> : tensor<1x4xf32>} : tensor<4xi1> -> tensor<1xf32>
  %s = snn.discrete_lif %d {name = "if", decay = dense<1.0> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>} : tensor<1xf32> -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}
