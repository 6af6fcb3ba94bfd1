snn.network @discrete(%x: tensor<1xf32>) -> (y: tensor<1xf32>) attributes {dt = 1.0e-4 : f64} {
  snn.output %x : tensor<1xf32>
}
snn.network @attention(%q: tensor<2x2xi1>, %k: tensor<2x2xi1>, %v: tensor<2x2xi1>) -> (y: tensor<2x2xi1>) {
  %0 = snn.attention %q, %k, %v {form = #snn<attention spike_driven>} : tensor<2x2xi1> -> tensor<2x2xi1>
  snn.output %0 : tensor<2x2xi1>
}
snn.network @refractory(%x: tensor<1xf32>) -> (y: tensor<1xi1>) {
  %0 = snn.lif %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, refractory = 3 : i64} : tensor<1xf32> -> tensor<1xi1>
  snn.output %0 : tensor<1xi1>
}
snn.network @subtract(%x: tensor<1xf32>) -> (y: tensor<1xi1>) {
  %0 = snn.lif %x {name = "lif", tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, reset = #snn<reset subtract>} : tensor<1xf32> -> tensor<1xi1>
  snn.output %0 : tensor<1xi1>
}
snn.network @previous_current(%x: tensor<1xf32>) -> (y: tensor<1xi1>) {
  %0 = snn.cuba_lif %x {name = "cuba", tau_syn = dense<5.0e-3> : tensor<f64>, tau_mem = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>, current_timing = #snn<current previous_step>} : tensor<1xf32> -> tensor<1xi1>
  snn.output %0 : tensor<1xi1>
}
