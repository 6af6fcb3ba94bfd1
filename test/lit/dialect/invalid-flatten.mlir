// RUN: snc-opt %s -split-input-file -allow-unregistered-dialect -verify-diagnostics

// Diagnostics of snn.flatten (FlattenOp::verify).

snn.network @end_out_of_range(%x: tensor<2x3x4xi1>) -> () {
  // expected-error @+1 {{'snn.flatten' op dimensions 0..3 are out of range for 'tensor<2x3x4xi1>'}}
  %0 = snn.flatten %x {start_dim = 0, end_dim = 3} : tensor<2x3x4xi1> -> tensor<24xi1>
  snn.output
}

// -----

snn.network @start_after_end(%x: tensor<2x3x4xi1>) -> () {
  // expected-error @+1 {{'snn.flatten' op dimensions 2..1 are out of range for 'tensor<2x3x4xi1>'}}
  %0 = snn.flatten %x {start_dim = 2, end_dim = 1} : tensor<2x3x4xi1> -> tensor<2x3x4xi1>
  snn.output
}

// -----

snn.network @rank0(%x: tensor<f32>) -> () {
  // expected-error @+1 {{'snn.flatten' op dimensions 0..0 are out of range for 'tensor<f32>'}}
  %0 = snn.flatten %x {start_dim = 0, end_dim = 0} : tensor<f32> -> tensor<1xf32>
  snn.output
}

// -----

snn.network @element_type(%x: tensor<2x3xi1>) -> () {
  // expected-error @+1 {{'snn.flatten' op must not change the element type}}
  %0 = snn.flatten %x {start_dim = 0, end_dim = 1} : tensor<2x3xi1> -> tensor<6xf32>
  snn.output
}

// -----

snn.network @wrong_shape(%x: tensor<2x3x4xi1>) -> () {
  // expected-error @+1 {{'snn.flatten' op output shape must be [2, 12], but is 'tensor<6x4xi1>'}}
  %0 = snn.flatten %x {start_dim = 1, end_dim = 2} : tensor<2x3x4xi1> -> tensor<6x4xi1>
  snn.output
}

// -----

snn.network @dynamic_output(%x: tensor<2x3xi1>) -> () {
  // expected-error @+1 {{'snn.flatten' op input and output must be statically shaped}}
  %0 = snn.flatten %x {start_dim = 0, end_dim = 1} : tensor<2x3xi1> -> tensor<?xi1>
  snn.output
}

// -----

snn.network @missing_end_dim(%x: tensor<2x3xi1>) -> () {
  // expected-error @+1 {{'snn.flatten' op requires attribute 'end_dim'}}
  %0 = snn.flatten %x {start_dim = 0} : tensor<2x3xi1> -> tensor<6xi1>
  snn.output
}

// -----

snn.network @start_dim_not_i64(%x: tensor<2x3xi1>) -> () {
  // expected-error @+1 {{'snn.flatten' op attribute 'start_dim' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = snn.flatten %x {start_dim = 0 : i32, end_dim = 1} : tensor<2x3xi1> -> tensor<6xi1>
  snn.output
}
