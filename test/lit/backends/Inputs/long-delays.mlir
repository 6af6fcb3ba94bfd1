// Learned heterogeneous synapse delays of 0..20 steps (DCLS-style), beyond
// SpiNNaker2's 0..7 delay slots: lowered through relay neurons.
snn.network @long_delays(%x: tensor<6xi1>) -> (spikes: tensor<10xi1>) attributes {dt = 1.0e-3 : f64} {
  %d = snn.sparse_projection %x {name = "delayed", row_ptr = array<i64: 0, 5, 10, 15, 20, 25, 30>, targets = array<i64: 0, 1, 3, 7, 9, 2, 5, 6, 7, 9, 0, 3, 4, 6, 9, 0, 1, 5, 7, 9, 1, 2, 3, 4, 6, 3, 4, 5, 7, 8>, weights = dense<[0.318, 0.491, 0.929, 0.234, 0.775, 0.384, 0.483, 0.363, 0.376, 1.14, 0.261, 0.37, 0.748, 0.765, 0.917, 0.443, 0.697, 0.248, 0.646, 0.251, 0.434, 0.991, 0.742, 0.798, 0.825, 0.968, 0.825, 1.113, 0.889, 0.754]> : tensor<30xf32>, delays = array<i64: 10, 7, 5, 0, 2, 11, 14, 7, 6, 20, 13, 1, 16, 3, 7, 1, 1, 13, 20, 1, 10, 2, 5, 6, 14, 16, 0, 9, 7, 4>} : tensor<6xi1> -> tensor<10xf32>
  %s = snn.discrete_lif %d {name = "lif", decay = dense<0.875> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>, reset = #snn<reset subtract>} : tensor<10xf32> -> tensor<10xi1>
  snn.output %s : tensor<10xi1>
}
