// RUN: snc-opt %s -split-input-file -allow-unregistered-dialect -verify-diagnostics

// Diagnostics of the neuron ops: verifyPopulation (NeuronOps.cpp),
// verifyParam (Params.cpp) and the ODS constraints.

//===----------------------------------------------------------------------===//
// Shapes
//===----------------------------------------------------------------------===//

snn.network @shape_mismatch(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.lif' op output shape must equal input shape, but 'tensor<3xf32>' -> 'tensor<4xi1>'}}
  %0 = snn.lif %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<4xi1>
  snn.output
}

// -----

snn.network @rank_mismatch(%x: tensor<2x3xf32>) -> () {
  // expected-error @+1 {{'snn.li' op output shape must equal input shape, but 'tensor<2x3xf32>' -> 'tensor<6xf32>'}}
  %0 = snn.li %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>} : tensor<2x3xf32> -> tensor<6xf32>
  snn.output
}

// -----

snn.network @dynamic_output(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.i' op input and output must be statically shaped}}
  %0 = snn.i %x {r = dense<1.0> : tensor<f64>} : tensor<3xf32> -> tensor<?xf32>
  snn.output
}

// -----

snn.network @dynamic_input() -> () {
  %x = "test.source"() : () -> tensor<?xf32>
  // expected-error @+1 {{'snn.if' op input and output must be statically shaped}}
  %0 = snn.if %x {r = dense<1.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<?xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @unranked_input() -> () {
  %x = "test.source"() : () -> tensor<*xf32>
  // expected-error @+1 {{'snn.discrete_li' op input and output must be statically shaped}}
  %0 = snn.discrete_li %x {decay = dense<0.5> : tensor<f64>, gain = dense<0.5> : tensor<f64>, bias = dense<0.0> : tensor<f64>} : tensor<*xf32> -> tensor<3xf32>
  snn.output
}

// -----

//===----------------------------------------------------------------------===//
// Parameter counts (broadcast: 1 value or one per element)
//===----------------------------------------------------------------------===//

snn.network @bad_broadcast(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.lif' op parameter 'r' has 2 values, expected 1 or 3 (one per element)}}
  %0 = snn.lif %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<[1.0, 2.0]> : tensor<2xf64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @bad_broadcast_2d(%x: tensor<2x3xf32>) -> () {
  // expected-error @+1 {{'snn.cuba_li' op parameter 'w_in' has 3 values, expected 1 or 6 (one per element)}}
  %0 = snn.cuba_li %x {tau_syn = dense<5.0e-3> : tensor<f64>, tau_mem = dense<2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, w_in = dense<[1.0, 2.0, 3.0]> : tensor<3xf64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  snn.output
}

// -----

snn.network @bad_v_init(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.li' op parameter 'v_init' has 4 values, expected 1 or 3 (one per element)}}
  %0 = snn.li %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_init = dense<0.0> : tensor<4xf64>} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @empty_param(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.i' op parameter 'r' has 0 values, expected 1 or 3 (one per element)}}
  %0 = snn.i %x {r = dense<> : tensor<0xf64>} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @discrete_bad_broadcast(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.discrete_lif' op parameter 'adapt_gain' has 2 values, expected 1 or 3 (one per element)}}
  %0 = snn.discrete_lif %x {decay = dense<0.5> : tensor<f64>, gain = dense<0.5> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, adapt_decay = dense<0.9> : tensor<f64>, adapt_gain = dense<[1.0, 2.0]> : tensor<2xf64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

//===----------------------------------------------------------------------===//
// Parameter values
//===----------------------------------------------------------------------===//

snn.network @nan_param(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.lif' op parameter 'v_threshold' element 0 is not finite}}
  %0 = snn.lif %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<0x7FF8000000000000> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @inf_param(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.discrete_li' op parameter 'gain' element 2 is not finite}}
  %0 = snn.discrete_li %x {decay = dense<0.5> : tensor<f64>, gain = dense<[1.0, 2.0, 0x7F800000]> : tensor<3xf32>, bias = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @infinite_tau(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.li' op parameter 'tau' element 1 is not finite}}
  %0 = snn.li %x {tau = dense<[1.0e-2, 0x7FF0000000000000, 1.0e-2]> : tensor<3xf64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @zero_tau(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.lif' op parameter 'tau' must be positive, but element 1 is 0.000000e+00}}
  %0 = snn.lif %x {tau = dense<[1.0e-2, 0.0, 1.0e-2]> : tensor<3xf64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @negative_tau(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.li' op parameter 'tau' must be positive, but element 0 is -2.000000e-02}}
  %0 = snn.li %x {tau = dense<-2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @negative_tau_syn(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.cuba_lif' op parameter 'tau_syn' must be positive, but element 0 is -5.000000e-03}}
  %0 = snn.cuba_lif %s {tau_syn = dense<-5.0e-3> : tensor<f64>, tau_mem = dense<2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>} : tensor<3xi1> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @zero_tau_mem(%s: tensor<3xi1>) -> () {
  // expected-error @+1 {{'snn.cuba_li' op parameter 'tau_mem' must be positive, but element 2 is 0.000000e+00}}
  %0 = snn.cuba_li %s {tau_syn = dense<5.0e-3> : tensor<f64>, tau_mem = dense<[2.0e-2, 2.0e-2, 0.0]> : tensor<3xf64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>} : tensor<3xi1> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @negative_tau_adapt(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.alif' op parameter 'tau_adapt' must be positive, but element 0 is -1.000000e+00}}
  %0 = snn.alif %x {tau = dense<2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<-1> : tensor<i32>, beta_adapt = dense<1.8> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @negative_beta_adapt(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.alif' op parameter 'beta_adapt' must be non-negative, but element 1 is -5.000000e-01}}
  %0 = snn.alif %x {tau = dense<2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<0.2> : tensor<f64>, beta_adapt = dense<[1.0, -0.5, 1.0]> : tensor<3xf64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @negative_refractory(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.lif' op 'refractory' must lie in [0, 1048576] steps, but is -1}}
  %0 = snn.lif %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, refractory = -1} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @negative_refractory_discrete(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.discrete_lif' op 'refractory' must lie in [0, 1048576] steps, but is -3}}
  %0 = snn.discrete_lif %x {decay = dense<0.5> : tensor<f64>, gain = dense<0.5> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, refractory = -3} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

//===----------------------------------------------------------------------===//
// Optional stages of the discrete ops
//===----------------------------------------------------------------------===//

snn.network @syn_decay_without_gain(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.discrete_li' op 'syn_decay' and 'syn_gain' must be given together}}
  %0 = snn.discrete_li %x {decay = dense<0.5> : tensor<f64>, gain = dense<0.5> : tensor<f64>, bias = dense<0.0> : tensor<f64>, syn_decay = dense<0.8> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @syn_gain_without_decay(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.discrete_lif' op 'syn_decay' and 'syn_gain' must be given together}}
  %0 = snn.discrete_lif %x {decay = dense<0.5> : tensor<f64>, gain = dense<0.5> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, syn_gain = dense<1.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @adapt_decay_without_gain(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.discrete_lif' op 'adapt_decay' and 'adapt_gain' must be given together}}
  %0 = snn.discrete_lif %x {decay = dense<0.5> : tensor<f64>, gain = dense<0.5> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, adapt_decay = dense<0.9> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @adapt_gain_without_decay(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.discrete_lif' op 'adapt_decay' and 'adapt_gain' must be given together}}
  %0 = snn.discrete_lif %x {decay = dense<0.5> : tensor<f64>, gain = dense<0.5> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, adapt_gain = dense<1.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

//===----------------------------------------------------------------------===//
// ODS constraints
//===----------------------------------------------------------------------===//

snn.network @spiking_result_not_i1(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.lif' op result #0 must be tensor of 1-bit signless integer values, but got 'tensor<3xf32>'}}
  %0 = snn.lif %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @numeric_result_index(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.li' op result #0 must be tensor of floating-point or signless integer wider than 1 bit values, but got 'tensor<3xindex>'}}
  %0 = snn.li %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xindex>
  snn.output
}

// -----

snn.network @input_not_tensor() -> () {
  %x = "test.source"() : () -> vector<3xf32>
  // expected-error @+1 {{'snn.i' op operand #0 must be tensor of any type values, but got 'vector<3xf32>'}}
  %0 = "snn.i"(%x) <{r = dense<1.0> : tensor<f64>}> : (vector<3xf32>) -> tensor<3xf32>
  snn.output
}

// -----

snn.network @input_not_tensor_custom() -> () {
  %x = "test.source"() : () -> vector<3xf32>
  // The custom syntax only accepts a tensor type.
  // expected-error @+1 {{custom op 'snn.i' invalid kind of type specified}}
  %0 = snn.i %x {r = dense<1.0> : tensor<f64>} : vector<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @missing_param(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.lif' op requires attribute 'tau'}}
  %0 = snn.lif %x {r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @param_not_dense(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.i' op attribute 'r' failed to satisfy constraint: per-neuron parameter (one value, or one per neuron)}}
  %0 = snn.i %x {r = 1.0 : f64} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @param_not_dense_array(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.discrete_li' op attribute 'decay' failed to satisfy constraint: per-neuron parameter (one value, or one per neuron)}}
  %0 = snn.discrete_li %x {decay = [0.5, 0.5, 0.5], gain = dense<0.5> : tensor<f64>, bias = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @refractory_not_integer(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.if' op attribute 'refractory' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = snn.if %x {r = dense<1.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, refractory = 2.0 : f64} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @reset_not_enum(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.lif' op attribute 'reset' failed to satisfy constraint: what a spike does to the membrane}}
  %0 = snn.lif %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, reset = "subtract"} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @unknown_reset(%x: tensor<3xf32>) -> () {
  // expected-error @+2 {{expected ::snc::snn::ResetMode to be one of: to_value, subtract, none}}
  // expected-error @+1 {{failed to parse SNN_ResetModeAttr parameter 'value' which is to be a `::snc::snn::ResetMode`}}
  %0 = snn.lif %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, reset = #snn<reset zero>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}

// -----

snn.network @name_not_string(%x: tensor<3xf32>) -> () {
  // expected-error @+1 {{'snn.i' op attribute 'name' failed to satisfy constraint: string attribute}}
  %0 = snn.i %x {r = dense<1.0> : tensor<f64>, name = 3 : i64} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @discardable_dense_attr(%x: tensor<3xf32>) -> () {
  // Every dense elements attribute on a neuron op is checked as a per-neuron
  // parameter (NeuronOps.cpp), including attributes the op does not declare.
  // expected-error @+1 {{'snn.li' op parameter 'extra' has 2 values, expected 1 or 3 (one per element)}}
  %0 = snn.li %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, extra = dense<[1.0, 2.0]> : tensor<2xf64>} : tensor<3xf32> -> tensor<3xf32>
  snn.output
}

// -----

snn.network @numeric_result_spikes(%x: tensor<3xf32>) -> () {
  // A non-spiking population yields numbers; i1 is a spike, not a number.
  // expected-error @+1 {{'snn.discrete_li' op result #0 must be tensor of floating-point or signless integer wider than 1 bit values, but got 'tensor<3xi1>'}}
  %0 = snn.discrete_li %x {decay = dense<0.5> : tensor<f64>, gain = dense<0.5> : tensor<f64>, bias = dense<0.0> : tensor<f64>} : tensor<3xf32> -> tensor<3xi1>
  snn.output
}
