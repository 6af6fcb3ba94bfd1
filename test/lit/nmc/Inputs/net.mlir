// A quantized network (as snn-quantize makes them for SpiNNaker2): 8 spike
// inputs, 10 hidden neurons with a recurrent ring of inhibition, 6 outputs.
// On the tiny target (4 neurons per PE) it needs 2 + 3 + 2 slices.
snn.network @net(%x: tensor<8xi1>) -> (spikes: tensor<6xi1>) attributes {dt = 1.0e-03 : f64, snn.target = "spinnaker2"} {
  %in = snn.affine %x {name = "fc1", weight = dense<[[-5, 15, -11, -3, 5, -14, -13, 11], [2, -12, -4, 3, -14, 14, 1, -9], [-14, -13, -2, -2, -13, -8, -13, 2], [-2, -14, 11, 3, -12, 15, -8, 5], [5, 3, 15, -14, 3, 3, -3, -14], [-8, -14, 2, 12, -11, -6, -2, -11], [2, -12, 3, -6, 2, 11, 6, -10], [-12, 3, 3, 5, -9, -4, -12, 2], [7, -13, 3, -14, 4, -9, 0, 6], [2, -2, 9, -5, -1, 3, 14, -1]]> : tensor<10x8xi32>, bias = dense<[-1, -1, -2, 3, -2, 2, 3, -2, -3, 1]> : tensor<10xi64>} : tensor<8xi1> -> tensor<10xi32>
  %rec = snn.sparse_projection %h {name = "inhibit", row_ptr = array<i64: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10>, targets = array<i64: 1, 2, 3, 4, 5, 6, 7, 8, 9, 0>, weights = dense<-6> : tensor<10xi32>} : tensor<10xi1> -> tensor<10xi32>
  %sum = snn.add %in, %rec {name = "sum"} : tensor<10xi32>
  %h = snn.discrete_lif %sum {name = "hidden", decay = dense<58982> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 32 : i64, rounding = #snn<rounding nearest_even>, reset = #snn<reset subtract>, v_reset = dense<0> : tensor<i64>, v_threshold = dense<20> : tensor<i64>} : tensor<10xi32> -> tensor<10xi1>
  %o = snn.linear %h {name = "fc2", weight = dense<[[-6, 1, 0, 13, -5, 8, -1, -6, 4, -13], [-12, 1, -2, -10, 9, -5, -11, 14, 0, -2], [-14, 15, 6, -13, 9, 2, 3, 10, 13, 11], [-5, -5, 7, -4, 4, 0, 3, 10, -1, -13], [11, -13, 15, -7, 0, 7, 6, -13, -14, 8], [7, -6, 5, 3, 6, 11, -1, -6, 7, -3]]> : tensor<6x10xi32>} : tensor<10xi1> -> tensor<6xi32>
  %s = snn.discrete_lif %o {name = "out", decay = dense<58982> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 32 : i64, rounding = #snn<rounding nearest_even>, reset = #snn<reset subtract>, v_reset = dense<0> : tensor<i64>, v_threshold = dense<30> : tensor<i64>} : tensor<6xi32> -> tensor<6xi1>
  snn.output %s : tensor<6xi1>
}
