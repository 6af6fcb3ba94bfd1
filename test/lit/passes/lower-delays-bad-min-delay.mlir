// RUN: snc-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-lower-delays{min-delay=3 max-delay=2}))'

// min-delay must not exceed max-delay.
// expected-error @+1 {{snn-lower-delays needs 0 <= min-delay <= max-delay (got min-delay = 3, max-delay = 2)}}
snn.network @n(%x: tensor<2xi1>) -> () attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  snn.output
}
