// RUN: snc-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// `current_timing` on the current-based neurons: continuous (snn.cuba_li,
// snn.cuba_lif) and discrete with a synapse stage. The default (same_step)
// is not printed; previous_step round-trips.

// CHECK-LABEL: snn.network @timing
// CHECK: snn.cuba_lif %s {current_timing = #snn<current previous_step>,
// CHECK: snn.cuba_li %s {r =
// CHECK: snn.discrete_li %s {bias = dense<0.000000e+00> : tensor<f64>, current_timing = #snn<current previous_step>,
snn.network @timing(%s: tensor<2xi1>) -> () {
  %0 = snn.cuba_lif %s {tau_syn = dense<5.0e-3> : tensor<f64>, tau_mem = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>, current_timing = #snn<current previous_step>} : tensor<2xi1> -> tensor<2xi1>
  %1 = snn.cuba_li %s {tau_syn = dense<5.0e-3> : tensor<f64>, tau_mem = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>, current_timing = #snn<current same_step>} : tensor<2xi1> -> tensor<2xf32>
  %2 = snn.discrete_li %s {decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, syn_decay = dense<0.5> : tensor<f64>, syn_gain = dense<1.0> : tensor<f64>, current_timing = #snn<current previous_step>} : tensor<2xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @no_synapse(%s: tensor<2xi1>) -> () {
  // expected-error @+1 {{'snn.discrete_lif' op 'current_timing' needs a synapse stage ('syn_decay' and 'syn_gain')}}
  %0 = snn.discrete_lif %s {decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, current_timing = #snn<current previous_step>} : tensor<2xi1> -> tensor<2xi1>
  snn.output
}

// -----

snn.network @unknown(%s: tensor<2xi1>) -> () {
  // expected-error @+2 {{expected ::snc::snn::CurrentTiming to be one of: same_step, previous_step}}
  // expected-error @+1 {{failed to parse SNN_CurrentTimingAttr parameter 'value'}}
  %0 = snn.cuba_li %s {tau_syn = dense<5.0e-3> : tensor<f64>, tau_mem = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>, current_timing = #snn<current next_step>} : tensor<2xi1> -> tensor<2xf32>
  snn.output
}
