snn.network @lif(%x: tensor<1xf32>) -> (spikes: tensor<1xi1>) {
  %s = snn.lif %x {name = "neuron", tau = dense<2.5e-3> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<0.1> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<1xf32> -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}
