// A network whose output type does not match its declaration.
snn.network @bad(%a: tensor<2xf32>) -> (o: tensor<2xi1>) {
  // The output is f32, but declared i1.
  snn.output %a : tensor<2xf32>
}
