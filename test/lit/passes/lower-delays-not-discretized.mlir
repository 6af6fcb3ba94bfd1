// RUN: snc-opt %s -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-lower-delays{max-delay=2}))'

// The pass works on whole steps, so the network must be discretized.
// expected-error @+1 {{snn-lower-delays needs a discretized network (run snn-discretize first)}}
snn.network @n(%x: tensor<2xi1>) -> (y: tensor<2xi1>) {
  %0 = snn.delay %x {delay = dense<1.0e-3> : tensor<f64>} : tensor<2xi1> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}
