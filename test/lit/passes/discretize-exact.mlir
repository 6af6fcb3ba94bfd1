// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=exact}))' | FileCheck %s
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=exact}))' | snc-opt | FileCheck %s

// snn-discretize with the exact (zero-order hold) scheme, for every
// continuous neuron op. docs/semantics.md, with a = exp(-dt/tau) and the
// input weight w = 1 - exp(-dt/tau), computed as -expm1(-dt/tau) so that
// the low bits of dt/tau are not lost to cancellation:
//   i, if:        decay 1, gain r*dt, bias 0
//   li, lif:      decay a, gain w*r, bias w*v_leak
//   cuba_li/_lif: as li with tau_mem; syn_decay = exp(-dt/tau_syn),
//   syn_gain = w_in (1 - exp(-dt/tau_syn)) (-expm1(-0.02) = 0.0198013266932447)
//   alif:         as lif; adapt_decay = exp(-dt/tau_adapt), adapt_gain = beta_adapt
// The expected values were computed independently in Python (math.exp,
// math.expm1, IEEE double arithmetic) and are written as the MLIR printer
// prints them (e.g. li: w = -expm1(-1e-4/1e-2) = 0.009950166250831947,
// gain 2w = 0.019900332501663894, where 1 - exp(-1e-4/1e-2) would give
// 0.019900332501663787).
// f32 and integer parameters are read as doubles: the f32 tau 0.02 is
// 0.0199999995529651641845703125. A multi-dimensional per-neuron parameter
// becomes a flat vector with one value per neuron.

// CHECK-LABEL: snn.network @all_ops(%x: tensor<3xf32>, %s: tensor<3xi1>, %m: tensor<2x2xf32>) -> () attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme exact>} {
// CHECK-NEXT: %[[I:.+]] = snn.discrete_li %x {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<1.000000e+00> : tensor<f64>,
// CHECK-SAME: gain = dense<3.0000000000000003E-4> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
// CHECK-NEXT: %[[IF:.+]] = snn.discrete_lif %x {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<1.000000e+00> : tensor<f64>,
// CHECK-SAME: gain = dense<[1.000000e-04, 2.000000e-04, 5.000000e-05]> : tensor<3xf64>,
// CHECK-SAME: reset = #snn<reset subtract>,
// CHECK-SAME: v_reset = dense<-5.000000e-01> : tensor<f64>,
// CHECK-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT: %[[LI:.+]] = snn.discrete_li %x {bias = dense<-6.4676080630407659E-4> : tensor<f64>,
// CHECK-SAME: decay = dense<0.99004983374916811> : tensor<f64>,
// CHECK-SAME: gain = dense<0.019900332501663894> : tensor<f64>,
// CHECK-SAME: name = "readout",
// CHECK-SAME: v_init = dense<-6.500000e-02> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
// CHECK-NEXT: %[[LIF:.+]] = snn.discrete_lif %x {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<[0.99004983374916811, 0.99501247919268231, 0.98019867330675525]> : tensor<3xf64>,
// CHECK-SAME: gain = dense<[0.009950166250831947, 0.0099750416146353743, 0.059403980079734096]> : tensor<3xf64>,
// CHECK-SAME: name = "hidden.lif",
// CHECK-SAME: refractory = 2 : i64,
// CHECK-SAME: reset = #snn<reset none>,
// CHECK-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: v_threshold = dense<[1.000000e+00, 1.500000e+00, 2.000000e+00]> : tensor<3xf64>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT: %[[CLI:.+]] = snn.discrete_li %s {bias = dense<0.0024937604036588436> : tensor<f64>,
// CHECK-SAME: decay = dense<0.99501247919268231> : tensor<f64>,
// CHECK-SAME: gain = dense<0.0049875208073176872> : tensor<f64>,
// CHECK-SAME: syn_decay = dense<0.98019867330675525> : tensor<f64>,
// CHECK-SAME: syn_gain = dense<[0.019801326693244699, -0.019801326693244699, 0.039602653386489398]> : tensor<3xf64>} : tensor<3xi1> -> tensor<3xf32>
// CHECK-NEXT: %[[CLIF:.+]] = snn.discrete_lif %s {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<0.99004983374916811> : tensor<f64>,
// CHECK-SAME: gain = dense<0.019900332501663894> : tensor<f64>,
// CHECK-SAME: syn_decay = dense<0.98019867330675525> : tensor<f64>,
// CHECK-SAME: syn_gain = dense<0.029701990039867048> : tensor<f64>,
// CHECK-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
// CHECK-NEXT: %[[ALIF:.+]] = snn.discrete_lif %x {adapt_decay = dense<0.99950012497916929> : tensor<f64>,
// CHECK-SAME: adapt_gain = dense<1.800000e+00> : tensor<f64>,
// CHECK-SAME: bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<0.99501247919268231> : tensor<f64>,
// CHECK-SAME: gain = dense<0.0049875208073176872> : tensor<f64>,
// CHECK-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT: %[[F32:.+]] = snn.discrete_lif %x {bias = dense<-3.4912646578272701E-4> : tensor<f64>,
// CHECK-SAME: decay = dense<0.99501247908148104> : tensor<f64>,
// CHECK-SAME: gain = dense<0.0074812813777784988> : tensor<f64>,
// CHECK-SAME: v_reset = dense<0.000000e+00> : tensor<f32>,
// CHECK-SAME: v_threshold = dense<1.000000e+00> : tensor<f32>} : tensor<3xf32> -> tensor<3xi1>
// CHECK-NEXT: %[[INT:.+]] = snn.discrete_li %x {bias = dense<[-9.9995000166662508E-5, 0.000000e+00, 9.9995000166662508E-5]> : tensor<3xf64>,
// CHECK-SAME: decay = dense<0.99990000499983333> : tensor<f64>,
// CHECK-SAME: gain = dense<2.9998500049998754E-4> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
// CHECK-NEXT: %[[GRID:.+]] = snn.discrete_li %m {bias = dense<0.000000e+00> : tensor<f64>,
// CHECK-SAME: decay = dense<[0.90483741803595952, 0.95122942450071402, 0.9672161004820059, 0.97530991202833261]> : tensor<4xf64>,
// CHECK-SAME: gain = dense<[0.095162581964040427, 0.048770575499285991, 0.032783899517994097, 0.024690087971667333]> : tensor<4xf64>} : tensor<2x2xf32> -> tensor<2x2xf32>
// CHECK-NEXT:    snn.output
snn.network @all_ops(%x: tensor<3xf32>, %s: tensor<3xi1>, %m: tensor<2x2xf32>) -> () {
  %i = snn.i %x {r = dense<3.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
  %if = snn.if %x {r = dense<[1.0, 2.0, 0.5]> : tensor<3xf64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<-0.5> : tensor<f64>, reset = #snn<reset subtract>} : tensor<3xf32> -> tensor<3xi1>
  %li = snn.li %x {tau = dense<0.01> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<-0.065> : tensor<f64>, v_init = dense<-0.065> : tensor<f64>, name = "readout"} : tensor<3xf32> -> tensor<3xf32>
  %lif = snn.lif %x {tau = dense<[0.01, 0.02, 0.005]> : tensor<3xf64>, r = dense<[1.0, 2.0, 3.0]> : tensor<3xf64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<[1.0, 1.5, 2.0]> : tensor<3xf64>, v_reset = dense<0.0> : tensor<f64>, reset = #snn<reset none>, refractory = 2, name = "hidden.lif"} : tensor<3xf32> -> tensor<3xi1>
  %cli = snn.cuba_li %s {tau_syn = dense<0.005> : tensor<f64>, tau_mem = dense<0.02> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.5> : tensor<f64>, w_in = dense<[1.0, -1.0, 2.0]> : tensor<3xf64>} : tensor<3xi1> -> tensor<3xf32>
  %clif = snn.cuba_lif %s {tau_syn = dense<0.005> : tensor<f64>, tau_mem = dense<0.01> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<1.5> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
  %alif = snn.alif %x {tau = dense<0.02> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<0.2> : tensor<f64>, beta_adapt = dense<1.8> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  %f32 = snn.lif %x {tau = dense<0.02> : tensor<f32>, r = dense<1.5> : tensor<f32>, v_leak = dense<-0.07> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>} : tensor<3xf32> -> tensor<3xi1>
  %int = snn.li %x {tau = dense<1> : tensor<i32>, r = dense<3> : tensor<i32>, v_leak = dense<[-1, 0, 1]> : tensor<3xi32>} : tensor<3xf32> -> tensor<3xf32>
  %grid = snn.li %m {tau = dense<[[0.001, 0.002], [0.003, 0.004]]> : tensor<2x2xf64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>} : tensor<2x2xf32> -> tensor<2x2xf32>
  snn.output
}
