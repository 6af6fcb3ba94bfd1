// A 64-bit neuron state: the integer neuron semantics allow it, a neuron
// core's datapath (at most 62 bits) does not.
snn.network @wide(%x: tensor<4xi1>) -> (s: tensor<4xi1>) attributes {dt = 1.0e-03 : f64} {
  %0 = snn.discrete_lif %x {name = "lif", decay = dense<0> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 64 : i64, rounding = #snn<rounding nearest_even>, v_threshold = dense<1> : tensor<i64>, v_reset = dense<0> : tensor<i64>} : tensor<4xi1> -> tensor<4xi1>
  snn.output %0 : tensor<4xi1>
}
