// A float integrate-and-fire network with ternary weights and a skip
// connection: x feeds the hidden layer h and, directly, the output layer o.
snn.network @skip(%x: tensor<4xi1>) -> (out: tensor<3xi1>) attributes {dt = 1.0 : f64} {
  %0 = snn.linear %x {name = "fc1", weight = dense<[[1.0, 1.0, 0.0, -1.0], [0.0, -1.0, 1.0, 1.0], [1.0, 0.0, 1.0, 0.0]]> : tensor<3x4xf32>} : tensor<4xi1> -> tensor<3xf32>
  %1 = snn.discrete_lif %0 {name = "h", decay = dense<1.0> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>, v_threshold = dense<1.5> : tensor<f32>} : tensor<3xf32> -> tensor<3xi1>
  %2 = snn.linear %1 {name = "fc2", weight = dense<[[1.0, 1.0, -1.0], [1.0, -1.0, 1.0], [0.0, 1.0, 1.0]]> : tensor<3x3xf32>} : tensor<3xi1> -> tensor<3xf32>
  %3 = snn.linear %x {name = "skip", weight = dense<[[1.0, 0.0, 1.0, 0.0], [1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 1.0]]> : tensor<3x4xf32>} : tensor<4xi1> -> tensor<3xf32>
  %4 = snn.add %2, %3 : tensor<3xf32>
  %5 = snn.discrete_lif %4 {name = "o", decay = dense<1.0> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>, v_threshold = dense<1.5> : tensor<f32>} : tensor<3xf32> -> tensor<3xi1>
  snn.output %5 : tensor<3xi1>
}
