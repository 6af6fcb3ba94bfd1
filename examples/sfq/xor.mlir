// The two-layer XOR network of Krylov et al. (arXiv 2311.10721), as
// leak-free integrate-and-fire neurons with ternary weights (what sfq-rsfq
// builds): hidden neuron "or" fires when v > 0.5 (either input), "and" when
// v > 1.5 (both), the output when or - and > 0.5, each resetting to 0.
// Without a leak a lone input pulse stays on "and" (v = 1) until a pattern
// with both inputs clears it, so the truth table holds on pattern
// sequences that follow each single-input pattern with 1,1 (xor.npy: 0,0
// 0,1 1,1 1,0 1,1 -> 0 1 0 1 0).
snn.network @xor(%x: tensor<2xi1>) -> (y: tensor<1xi1>) attributes {dt = 1.0 : f64} {
  %a = snn.linear %x {name = "fc1", weight = dense<[[1.0, 1.0], [1.0, 1.0]]> : tensor<2x2xf32>} : tensor<2xi1> -> tensor<2xf32>
  %h = snn.discrete_lif %a {name = "hidden", decay = dense<1.0> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>, v_threshold = dense<[0.5, 1.5]> : tensor<2xf32>} : tensor<2xf32> -> tensor<2xi1>
  %b = snn.linear %h {name = "fc2", weight = dense<[[1.0, -1.0]]> : tensor<1x2xf32>} : tensor<2xi1> -> tensor<1xf32>
  %y = snn.discrete_lif %b {name = "out", decay = dense<1.0> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>, v_threshold = dense<0.5> : tensor<f32>} : tensor<1xf32> -> tensor<1xi1>
  snn.output %y : tensor<1xi1>
}
