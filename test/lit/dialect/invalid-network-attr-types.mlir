// RUN: snc-opt %s -split-input-file -verify-diagnostics

// The custom network syntax must check the inherent attributes it reads from
// `attributes {...}` (dt, scheme) rather than silently dropping an attribute
// of the wrong kind: a network with `dt = "x"` must not parse as a
// continuous-time network. NetworkOp::parse rejects them itself (the generic
// syntax reports the ODS constraints instead, see invalid-network.mlir).

// expected-error @+1 {{custom op 'snn.network' 'dt' must be a floating-point attribute (seconds)}}
snn.network @string_dt(%x: tensor<2xf32>) -> () attributes {dt = "x"} {
  snn.output
}

// -----

// expected-error @+1 {{custom op 'snn.network' 'dt' must be a floating-point attribute (seconds)}}
snn.network @integer_dt(%x: tensor<2xf32>) -> () attributes {dt = 1 : i64} {
  snn.output
}

// -----

// expected-error @+1 {{custom op 'snn.network' 'scheme' must be #snn<scheme euler|exact>}}
snn.network @string_scheme(%x: tensor<2xf32>) -> () attributes {dt = 1.0e-4 : f64, scheme = "euler"} {
  snn.output
}

// -----

// expected-error @+1 {{custom op 'snn.network' 'scheme' must be #snn<scheme euler|exact>}}
snn.network @reset_as_scheme(%x: tensor<2xf32>) -> () attributes {dt = 1.0e-4 : f64, scheme = #snn<reset subtract>} {
  snn.output
}
