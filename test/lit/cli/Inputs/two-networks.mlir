snn.network @first(%x: tensor<1xf32>) -> (y: tensor<1xf32>) {
  snn.output %x : tensor<1xf32>
}
snn.network @second(%x: tensor<1xf32>) -> (y: tensor<1xf32>) {
  %s = snn.scale %x {scale = dense<2.0> : tensor<f64>} : tensor<1xf32> -> tensor<1xf32>
  snn.output %s : tensor<1xf32>
}
