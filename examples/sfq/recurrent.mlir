// A small recurrent network for the SFQ backend: 4 inputs -> 6 leak-free
// integrate-and-fire neurons with ternary input and recurrent weights (a
// ring of excitation and inhibition) -> 3 readout neurons. A recurrent
// spike of step s reaches its target at step s + 1.
snn.network @recurrent(%x: tensor<4xi1>) -> (spikes: tensor<3xi1>) attributes {dt = 1.0 : f64} {
  %in = snn.linear %x {name = "fc_in", weight = dense<[[1.0, 0.0, 1.0, -1.0], [0.0, 1.0, 1.0, 0.0], [1.0, 1.0, 0.0, 0.0], [-1.0, 0.0, 1.0, 1.0], [0.0, 1.0, -1.0, 1.0], [1.0, 0.0, 0.0, 1.0]]> : tensor<6x4xf32>} : tensor<4xi1> -> tensor<6xf32>
  %rec = snn.sparse_projection %h {name = "ring", row_ptr = array<i64: 0, 2, 3, 4, 5, 6, 7>, targets = array<i64: 1, 3, 2, 0, 5, 4, 0>, weights = dense<[1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0]> : tensor<7xf32>} : tensor<6xi1> -> tensor<6xf32>
  %sum = snn.add %in, %rec {name = "sum"} : tensor<6xf32>
  %h = snn.discrete_lif %sum {name = "hidden", decay = dense<1.0> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>, v_threshold = dense<1.5> : tensor<f32>} : tensor<6xf32> -> tensor<6xi1>
  %o = snn.linear %h {name = "fc_out", weight = dense<[[1.0, 1.0, 0.0, -1.0, 0.0, 1.0], [0.0, -1.0, 1.0, 1.0, 1.0, 0.0], [1.0, 0.0, -1.0, 0.0, 1.0, 1.0]]> : tensor<3x6xf32>} : tensor<6xi1> -> tensor<3xf32>
  %s = snn.discrete_lif %o {name = "readout", decay = dense<1.0> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>, v_threshold = dense<0.5> : tensor<f32>} : tensor<3xf32> -> tensor<3xi1>
  snn.output %s : tensor<3xi1>
}
