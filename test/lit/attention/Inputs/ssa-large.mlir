// Spikformer attention over 16 tokens x 16 features: its lowering needs
// 16^2 x 16^2 = 65536 neurons, more than one SpiNNaker2 chip or the
// Artix-7 design holds.
snn.network @large(%q: tensor<16x16xi1>, %k: tensor<16x16xi1>, %v: tensor<16x16xi1>) -> (y: tensor<16x16xi1>) attributes {dt = 1.0 : f64} {
  %a = snn.attention %q, %k, %v {name = "ssa", form = #snn<attention spikformer>, scale = 0.25} : tensor<16x16xi1> -> tensor<16x16xf32>
  %y = snn.discrete_lif %a {name = "sn", decay = dense<0.0> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>} : tensor<16x16xf32> -> tensor<16x16xi1>
  snn.output %y : tensor<16x16xi1>
}
