snn.network @continuous(%x: tensor<1xf32>) -> (s: tensor<1xi1>) {
  %s = snn.lif %x {tau = dense<2.5e-3> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<0.1> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<1xf32> -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}
snn.network @discrete(%x: tensor<1xf32>) -> (y: tensor<1xf32>) attributes {dt = 1.0e-4 : f64} {
  %y = snn.scale %x {scale = dense<2.0> : tensor<f64>} : tensor<1xf32> -> tensor<1xf32>
  snn.output %y : tensor<1xf32>
}
