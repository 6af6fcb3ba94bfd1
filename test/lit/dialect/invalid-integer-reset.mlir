// RUN: snc-opt %s -split-input-file -verify-diagnostics

// An integer discrete_lif resets to v_reset without saturating it (the
// interpreter, the many-core simulator and the RTL neuron all hold v in
// state_bits), so v_reset must fit the state: 8 bits hold -128 .. 127.

snn.network @too_large(%x: tensor<2xi8>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-3 : f64} {
  // expected-error @+1 {{'snn.discrete_lif' op 'v_reset' 128 does not fit the 8-bit state}}
  %0 = snn.discrete_lif %x {decay = dense<1> : tensor<i8>, gain = dense<1> : tensor<i8>, bias = dense<0> : tensor<i8>, v_threshold = dense<10> : tensor<i32>, v_reset = dense<[0, 128]> : tensor<2xi32>} : tensor<2xi8> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}

// -----

snn.network @too_small(%x: tensor<2xi1>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-3 : f64} {
  // expected-error @+1 {{'snn.discrete_lif' op 'v_reset' -9 does not fit the 4-bit state}}
  %0 = snn.discrete_lif %x {decay = dense<1> : tensor<i8>, gain = dense<1> : tensor<i8>, bias = dense<0> : tensor<i8>, v_threshold = dense<5> : tensor<i8>, v_reset = dense<-9> : tensor<i8>, state_bits = 4 : i64} : tensor<2xi1> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}

// -----

// The limits themselves are fine.
snn.network @fits(%x: tensor<2xi8>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-3 : f64} {
  %0 = snn.discrete_lif %x {decay = dense<1> : tensor<i8>, gain = dense<1> : tensor<i8>, bias = dense<0> : tensor<i8>, v_threshold = dense<10> : tensor<i32>, v_reset = dense<[-128, 127]> : tensor<2xi32>} : tensor<2xi8> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}
