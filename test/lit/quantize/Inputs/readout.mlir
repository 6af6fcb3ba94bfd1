// A leaky readout (discrete_li, numeric output) of three spike inputs.
snn.network @readout(%x: tensor<3xi1>) -> (v: tensor<2xf32>) attributes {dt = 1.0 : f64} {
  %0 = snn.linear %x {name = "fc", weight = dense<[[0.53, -0.31, 0.9], [0.27, 0.61, -0.44]]> : tensor<2x3xf32>} : tensor<3xi1> -> tensor<2xf32>
  %1 = snn.discrete_li %0 {name = "li", decay = dense<0.9> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %1 : tensor<2xf32>
}
