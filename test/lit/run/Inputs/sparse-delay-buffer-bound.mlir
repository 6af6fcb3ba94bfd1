// The network of sparse-delay-buffer-bound.test: one synapse with a long
// delay onto a 1000-neuron output.
snn.network @long(%x: tensor<2xi1>) -> (y: tensor<1000xf32>) attributes {dt = 1.0e-4 : f64} {
  %0 = snn.sparse_projection %x {row_ptr = array<i64: 0, 1, 1>, targets = array<i64: 999>, weights = dense<[1.0]> : tensor<1xf32>, delays = array<i64: 300000>} : tensor<2xi1> -> tensor<1000xf32>
  snn.output %0 : tensor<1000xf32>
}
