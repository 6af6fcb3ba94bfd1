// The single LIF neuron of lif_norse.nir (NIR paper), in the snn dialect.
// Input: examples/lif_norse/input.npy (column 0 of the Norse trace, 1000 steps).
snn.network @lif_norse(%input: tensor<1xf32>) -> (output: tensor<1xi1>) {
  %current = snn.affine %input {name = "affine", weight = dense<1.0> : tensor<1x1xf32>, bias = dense<0.0> : tensor<1xf32>} : tensor<1xf32> -> tensor<1xf32>
  %spikes = snn.lif %current {name = "lif", tau = dense<2.5e-3> : tensor<1xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>, v_threshold = dense<0.1> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : tensor<1xf32> -> tensor<1xi1>
  snn.output %spikes : tensor<1xi1>
}
