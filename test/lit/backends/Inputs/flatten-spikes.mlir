// A quantized network that reshapes a spike map before a projection: the
// [2, 3] input spikes are flattened to 6 (an i1 flatten, which cannot
// saturate) and each output neuron fires when its input pair has a spike.
snn.network @flatten_spikes(%x: tensor<2x3xi1>) -> (y: tensor<3xi1>) attributes {dt = 1.0e-03 : f64} {
  %f = snn.flatten %x {name = "flat", start_dim = 0 : i64, end_dim = 1 : i64} : tensor<2x3xi1> -> tensor<6xi1>
  %1 = snn.linear %f {name = "pairs", weight = dense<[[1, 0, 0, 1, 0, 0], [0, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 1]]> : tensor<3x6xi32>} : tensor<6xi1> -> tensor<3xi32>
  %2 = snn.discrete_lif %1 {name = "lif", decay = dense<0> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 32 : i64, v_threshold = dense<0> : tensor<i64>, v_reset = dense<0> : tensor<i64>} : tensor<3xi32> -> tensor<3xi1>
  snn.output %2 : tensor<3xi1>
}
