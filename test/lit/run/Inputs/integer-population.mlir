snn.network @xylo(%x: tensor<1xi8>) -> (v: tensor<1xi8>) attributes {dt = 1.0e-3 : f64} {
  %0 = snn.discrete_li %x {name = "n", decay = dense<7> : tensor<i8>, gain = dense<8> : tensor<i8>, bias = dense<0> : tensor<i8>, frac_bits = 3 : i64, rounding = #snn<rounding ceil>} : tensor<1xi8> -> tensor<1xi8>
  snn.output %0 : tensor<1xi8>
}
