// 60 inputs into one neuron: small (40 + 2 x 60 junctions and the clock),
// but 60 inputs, the output and the clock need 62 pins; sfq-rsfq has 40.
snn.network @many_pins(%x: tensor<60xi1>) -> (y: tensor<1xi1>) attributes {dt = 1.0 : f64} {
  %a = snn.linear %x {name = "fc", weight = dense<1.0> : tensor<1x60xf32>} : tensor<60xi1> -> tensor<1xf32>
  %y = snn.discrete_lif %a {name = "sum", decay = dense<1.0> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>, v_threshold = dense<2.5> : tensor<f32>} : tensor<1xf32> -> tensor<1xi1>
  snn.output %y : tensor<1xi1>
}
