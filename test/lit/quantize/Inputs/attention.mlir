snn.network @attention(%q: tensor<4x8xi1>, %k: tensor<4x8xi1>, %v: tensor<4x8xi1>) -> (y: tensor<4x8xf32>) attributes {dt = 1.0e-3 : f64} {
  %0 = snn.attention %q, %k, %v {name = "sdsa", form = #snn<attention spikformer>, scale = 0.000000e+00 : f64} : tensor<4x8xi1> -> tensor<4x8xf32>
  snn.output %0 : tensor<4x8xf32>
}
