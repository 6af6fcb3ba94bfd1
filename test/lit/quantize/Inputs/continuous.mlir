snn.network @continuous(%x: tensor<1xi1>) -> (s: tensor<1xi1>) {
  %0 = snn.lif %x {name = "lif", tau = dense<1.0e-2> : tensor<1xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : tensor<1xi1> -> tensor<1xi1>
  snn.output %0 : tensor<1xi1>
}
