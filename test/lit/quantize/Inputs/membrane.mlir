// One integrate-and-fire neuron that never fires (threshold 100) fed by
// three inputs, weights 0.5133 (twice) and 1.0: at SpiNNaker2's 5-bit
// weights the scale is 15 (1.0 -> 15), and 0.5133 * 15 = 7.7 rounds to 8.
snn.network @membrane(%x: tensor<3xi1>) -> (spikes: tensor<1xi1>) attributes {dt = 1.0 : f64} {
  %d = snn.linear %x {name = "fc", weight = dense<[[0.51333333, 0.51333333, 1.0]]> : tensor<1x3xf32>} : tensor<3xi1> -> tensor<1xf32>
  %s = snn.discrete_lif %d {name = "if", decay = dense<1.0> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<100.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>} : tensor<1xf32> -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}
