// The single LIF neuron of the NIR paper as Lava ran it on Loihi with
// integer voltages (Lava's bit-accurate CUBA LIF): du = 4095 (the current is
// the input alone), dv = 163 (4096 * dt/tau = 163.84, truncated), input weight 10 << 6,
// threshold 25 << 6, reset to 0, 24-bit state, trunc0 rounding, and the one
// step of latency Lava's Dense layer adds.
snn.network @loihi_lif(%x: tensor<1xi32>) -> (spikes: tensor<1xi1>) attributes {dt = 1.0e-4 : f64} {
  %late = snn.delay %x {name = "dense_latency", steps = array<i64: 1>} : tensor<1xi32> -> tensor<1xi32>
  %a = snn.affine %late {name = "dense", weight = dense<640> : tensor<1x1xi32>, bias = dense<0> : tensor<1xi32>} : tensor<1xi32> -> tensor<1xi32>
  %s = snn.discrete_lif %a {name = "lif", decay = dense<3933> : tensor<i32>, gain = dense<4096> : tensor<i32>, bias = dense<0> : tensor<i32>, v_threshold = dense<1600> : tensor<i32>, v_reset = dense<0> : tensor<i32>, frac_bits = 12 : i64, rounding = #snn<rounding toward_zero>, state_bits = 24 : i64} : tensor<1xi32> -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}
