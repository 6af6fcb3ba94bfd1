// RUN: snc-opt %s -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-lower-delays))'
// RUN: snc-opt %s -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-lower-delays{max-delay=0}))'

// max-delay is required and must be at least 1 (the default 0 is an error).
// expected-error @+1 {{snn-lower-delays needs max-delay >= 1 (got 0)}}
snn.network @n(%x: tensor<2xi1>) -> () attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  snn.output
}
