// Spike-driven attention at thresholds 1 and 0 on [3, 2] spike inputs (the
// SDSA half of test/lit/run/run-attention.mlir).
snn.network @pair(%q: tensor<3x2xi1>, %k: tensor<3x2xi1>, %v: tensor<3x2xi1>) -> (sd1: tensor<3x2xi1>, sd0: tensor<3x2xi1>) attributes {dt = 1.0e-3 : f64} {
  %sd1 = snn.attention %q, %k, %v {name = "sdsa1", form = #snn<attention spike_driven>, threshold = 1.0} : tensor<3x2xi1> -> tensor<3x2xi1>
  %sd0 = snn.attention %q, %k, %v {name = "sdsa0", form = #snn<attention spike_driven>} : tensor<3x2xi1> -> tensor<3x2xi1>
  snn.output %sd1, %sd0 : tensor<3x2xi1>, tensor<3x2xi1>
}
