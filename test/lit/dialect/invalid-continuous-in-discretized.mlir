// RUN: snc-opt %s -split-input-file -verify-diagnostics

// A network with `dt` is discretized: NetworkOp::verifyRegions rejects every
// op whose meaning depends on a time step it does not carry.

snn.network @i(%x: tensor<2xf32>) -> () attributes {dt = 1.0e-4 : f64} {
  // expected-error @+1 {{'snn.i' op is continuous-time, but the network is discretized (dt = 1.000000e-04)}}
  %0 = snn.i %x {r = dense<1.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @if(%x: tensor<2xf32>) -> () attributes {dt = 1.0e-4 : f64, scheme = #snn<scheme euler>} {
  // expected-error @+1 {{'snn.if' op is continuous-time, but the network is discretized (dt = 1.000000e-04)}}
  %0 = snn.if %x {r = dense<1.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  snn.output
}

// -----

snn.network @li(%x: tensor<2xf32>) -> () attributes {dt = 1.0e-4 : f64, scheme = #snn<scheme exact>} {
  // expected-error @+1 {{'snn.li' op is continuous-time, but the network is discretized (dt = 1.000000e-04)}}
  %0 = snn.li %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @lif(%x: tensor<2xf32>) -> (s: tensor<2xi1>) attributes {dt = 5.0e-4 : f64} {
  %0 = snn.discrete_lif %x {decay = dense<0.9> : tensor<f64>, gain = dense<0.1> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  // expected-error @+1 {{'snn.lif' op is continuous-time, but the network is discretized (dt = 5.000000e-04)}}
  %1 = snn.lif %x {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}

// -----

snn.network @cuba_li(%s: tensor<2xi1>) -> () attributes {dt = 1.0e-3 : f64} {
  // expected-error @+1 {{'snn.cuba_li' op is continuous-time, but the network is discretized (dt = 1.000000e-03)}}
  %0 = snn.cuba_li %s {tau_syn = dense<5.0e-3> : tensor<f64>, tau_mem = dense<2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>} : tensor<2xi1> -> tensor<2xf32>
  snn.output
}

// -----

snn.network @cuba_lif(%s: tensor<2xi1>) -> () attributes {dt = 1.0e-4 : f64} {
  // expected-error @+1 {{'snn.cuba_lif' op is continuous-time, but the network is discretized (dt = 1.000000e-04)}}
  %0 = snn.cuba_lif %s {tau_syn = dense<5.0e-3> : tensor<f64>, tau_mem = dense<2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>} : tensor<2xi1> -> tensor<2xi1>
  snn.output
}

// -----

snn.network @alif(%x: tensor<2xf32>) -> () attributes {dt = 1.0e-4 : f64} {
  // expected-error @+1 {{'snn.alif' op is continuous-time, but the network is discretized (dt = 1.000000e-04)}}
  %0 = snn.alif %x {tau = dense<2.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, tau_adapt = dense<0.2> : tensor<f64>, beta_adapt = dense<1.8> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  snn.output
}

// -----

// A delay in seconds is continuous-time; a delay in steps is not.
snn.network @delay_seconds(%s: tensor<2xi1>) -> (d: tensor<2xi1>) attributes {dt = 1.0e-4 : f64} {
  %0 = snn.delay %s {steps = array<i64: 3>} : tensor<2xi1> -> tensor<2xi1>
  // expected-error @+1 {{'snn.delay' op is continuous-time, but the network is discretized (dt = 1.000000e-04)}}
  %1 = snn.delay %s {delay = dense<3.0e-4> : tensor<f64>} : tensor<2xi1> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}
