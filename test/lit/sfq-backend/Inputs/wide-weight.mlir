// Already integer: fc1's weight 2 is beyond sfq-rsfq's ternary weights.
snn.network @wide(%x: tensor<2xi1>) -> (y: tensor<1xi1>) attributes {dt = 1.0 : f64} {
  %0 = snn.linear %x {name = "fc1", weight = dense<[[2, 1]]> : tensor<1x2xi32>} : tensor<2xi1> -> tensor<1xi32>
  %1 = snn.discrete_lif %0 {bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, name = "if", rounding = #snn<rounding nearest_even>, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>} : tensor<1xi32> -> tensor<1xi1>
  snn.output %1 : tensor<1xi1>
}
