snn.network @leaky(%x: tensor<2xf32>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-3 : f64} {
  %0 = snn.linear %x {name = "fc", weight = dense<[[0.5, -0.25], [1.75, 0.25]]> : tensor<2x2xf32>} : tensor<2xf32> -> tensor<2xf32>
  %1 = snn.discrete_lif %0 {name = "lif", decay = dense<0.9> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>} : tensor<2xf32> -> tensor<2xi1>
  snn.output %1 : tensor<2xi1>
}
