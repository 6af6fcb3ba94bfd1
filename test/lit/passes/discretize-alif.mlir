// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))' | FileCheck %s --check-prefix=EULER
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=exact}))' | FileCheck %s --check-prefix=EXACT

// snn.alif under both schemes: the membrane as snn.lif, plus
// adapt_decay = alpha(tau_adapt) (euler 1 - dt/tau_adapt, exact
// exp(-dt/tau_adapt)) and adapt_gain = beta_adapt. Membrane time constants
// are power-of-two multiples of dt so that the euler input weight dt/tau is
// exact; the exact input weight is -expm1(-dt/tau).
// The f32 tau_adapt 0.2 is read as 0.20000000298023224. Expected values
// computed independently in Python.

// EULER-LABEL: snn.network @alif(%x: tensor<3xf32>) -> () attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme euler>} {
// EULER-NEXT: %[[A:.+]] = snn.discrete_lif %x {adapt_decay = dense<9.995000e-01> : tensor<f64>,
// EULER-SAME: adapt_gain = dense<1.800000e+00> : tensor<f64>,
// EULER-SAME: bias = dense<0.000000e+00> : tensor<f64>,
// EULER-SAME: decay = dense<9.375000e-01> : tensor<f64>,
// EULER-SAME: gain = dense<6.250000e-02> : tensor<f64>,
// EULER-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// EULER-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// EULER-NEXT: %[[B:.+]] = snn.discrete_lif %x {adapt_decay = dense<[0.99899999999999999, 9.995000e-01, 0.99985714285714288]> : tensor<3xf64>,
// EULER-SAME: adapt_gain = dense<[0.000000e+00, 5.000000e-01, 2.500000e+00]> : tensor<3xf64>,
// EULER-SAME: bias = dense<[-6.250000e-02, -3.125000e-02, -1.562500e-02]> : tensor<3xf64>,
// EULER-SAME: decay = dense<[8.750000e-01, 9.375000e-01, 9.687500e-01]> : tensor<3xf64>,
// EULER-SAME: gain = dense<[2.500000e-01, 1.250000e-01, 6.250000e-02]> : tensor<3xf64>,
// EULER-SAME: name = "adaptive",
// EULER-SAME: refractory = 1 : i64,
// EULER-SAME: reset = #snn<reset none>,
// EULER-SAME: v_init = dense<-5.000000e-01> : tensor<f64>,
// EULER-SAME: v_reset = dense<-5.000000e-01> : tensor<f64>,
// EULER-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// EULER-NEXT: %[[C:.+]] = snn.discrete_lif %x {adapt_decay = dense<0.99950000000745054> : tensor<f64>,
// EULER-SAME: adapt_gain = dense<1.000000e+00> : tensor<f64>,
// EULER-SAME: bias = dense<0.000000e+00> : tensor<f64>,
// EULER-SAME: decay = dense<9.687500e-01> : tensor<f64>,
// EULER-SAME: gain = dense<3.125000e-02> : tensor<f64>,
// EULER-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// EULER-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// EULER-NEXT:    snn.output
// EXACT-LABEL: snn.network @alif(%x: tensor<3xf32>) -> () attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme exact>} {
// EXACT-NEXT: %[[A:.+]] = snn.discrete_lif %x {adapt_decay = dense<0.99950012497916929> : tensor<f64>,
// EXACT-SAME: adapt_gain = dense<1.800000e+00> : tensor<f64>,
// EXACT-SAME: bias = dense<0.000000e+00> : tensor<f64>,
// EXACT-SAME: decay = dense<0.9394130628134758> : tensor<f64>,
// EXACT-SAME: gain = dense<0.060586937186524213> : tensor<f64>,
// EXACT-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// EXACT-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// EXACT-NEXT: %[[B:.+]] = snn.discrete_lif %x {adapt_decay = dense<[0.99900049983337502, 0.99950012497916929, 0.99985715306073863]> : tensor<3xf64>,
// EXACT-SAME: adapt_gain = dense<[0.000000e+00, 5.000000e-01, 2.500000e+00]> : tensor<3xf64>,
// EXACT-SAME: bias = dense<[-0.0587515487077023, -0.030293468593262107, -0.015383382761827959]> : tensor<3xf64>,
// EXACT-SAME: decay = dense<[0.88249690258459546, 0.9394130628134758, 0.96923323447634412]> : tensor<3xf64>,
// EXACT-SAME: gain = dense<[0.2350061948308092, 0.12117387437304843, 0.061533531047311837]> : tensor<3xf64>,
// EXACT-SAME: name = "adaptive",
// EXACT-SAME: refractory = 1 : i64,
// EXACT-SAME: reset = #snn<reset none>,
// EXACT-SAME: v_init = dense<-5.000000e-01> : tensor<f64>,
// EXACT-SAME: v_reset = dense<-5.000000e-01> : tensor<f64>,
// EXACT-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// EXACT-NEXT: %[[C:.+]] = snn.discrete_lif %x {adapt_decay = dense<0.99950012498661611> : tensor<f64>,
// EXACT-SAME: adapt_gain = dense<1.000000e+00> : tensor<f64>,
// EXACT-SAME: bias = dense<0.000000e+00> : tensor<f64>,
// EXACT-SAME: decay = dense<0.96923323447634412> : tensor<f64>,
// EXACT-SAME: gain = dense<0.030766765523655919> : tensor<f64>,
// EXACT-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// EXACT-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// EXACT-NEXT:    snn.output
snn.network @alif(%x: tensor<3xf32>) -> () {
  %a = snn.alif %x {tau = dense<0.0016> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<0.2> : tensor<f64>, beta_adapt = dense<1.8> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  %b = snn.alif %x {tau = dense<[0.0008, 0.0016, 0.0032]> : tensor<3xf64>, r = dense<2.0> : tensor<f64>, v_leak = dense<-0.5> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<-0.5> : tensor<f64>, tau_adapt = dense<[0.1, 0.2, 0.7]> : tensor<3xf64>, beta_adapt = dense<[0.0, 0.5, 2.5]> : tensor<3xf64>, v_init = dense<-0.5> : tensor<f64>, reset = #snn<reset none>, refractory = 1, name = "adaptive"} : tensor<3xf32> -> tensor<3xi1>
  %c = snn.alif %x {tau = dense<0.0032> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<0.2> : tensor<f32>, beta_adapt = dense<1> : tensor<i32>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}
