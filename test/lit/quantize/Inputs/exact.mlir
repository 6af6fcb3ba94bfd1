// A network whose parameters are all multiples of 1/8 within a 5-bit
// weight format (|w| <= 15/8), with integrate-and-fire (decay 1) and
// memoryless (decay 0) populations and a recurrent projection: quantized at
// scale 8 it computes exactly what the float network computes.
snn.network @exact(%x: tensor<4xi1>) -> (spikes: tensor<3xi1>) attributes {dt = 1.0 : f64} {
  %in = snn.affine %x {name = "fc1", weight = dense<[[0.5, -0.25, 0.75, 0.125], [0.25, 0.5, -0.125, 0.375], [1.0, -0.5, 0.25, 0.25]]> : tensor<3x4xf32>, bias = dense<[0.0, 0.125, -0.125]> : tensor<3xf32>} : tensor<4xi1> -> tensor<3xf32>
  %rec = snn.sparse_projection %h {name = "inhibit", row_ptr = array<i64: 0, 1, 2, 3>, targets = array<i64: 1, 2, 0>, weights = dense<[-0.375, -0.25, -0.5]> : tensor<3xf32>} : tensor<3xi1> -> tensor<3xf32>
  %sum = snn.add %in, %rec {name = "sum"} : tensor<3xf32>
  %h = snn.discrete_lif %sum {name = "if1", decay = dense<1.0> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>, reset = #snn<reset subtract>} : tensor<3xf32> -> tensor<3xi1>
  %out = snn.linear %h {name = "fc2", weight = dense<[[0.75, 0.5, 0.0], [0.0, 0.625, 0.5], [0.25, 0.25, 0.25]]> : tensor<3x3xf32>} : tensor<3xi1> -> tensor<3xf32>
  %s = snn.discrete_lif %out {name = "readout", decay = dense<0.0> : tensor<f32>, gain = dense<2.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<[0.5, 0.75, 0.25]> : tensor<3xf32>, v_reset = dense<0.0> : tensor<f32>} : tensor<3xf32> -> tensor<3xi1>
  snn.output %s : tensor<3xi1>
}
