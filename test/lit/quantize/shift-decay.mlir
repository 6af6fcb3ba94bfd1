// RUN: snc-opt --snn-quantize=target=fpga-ice40-up5k %s | FileCheck %s

// A Xylo-style shift-decay target (iCE40: 4-bit weights, 12-bit state,
// x -= x >> s): decay 0.875 = 1 - 2^-3 becomes the multiplier 7/8 in 12
// fraction bits (3584) with ceil rounding, which is exactly v - (v >> 3).
// Weights fill +-7 at the largest power-of-two scale that represents them.

// CHECK-LABEL: snn.network @leaky
// CHECK: snn.linear %x {name = "fc", weight = dense<{{\[\[}}4, -2], [7, 1]]> : tensor<2x2xi32>} : tensor<2xi1> -> tensor<2xi32>
// CHECK: snn.discrete_lif %0 {bias = dense<0> : tensor<i64>, decay = dense<3584> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, name = "lif", rounding = #snn<rounding ceil>, state_bits = 12 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<[8, 4]> : tensor<2xi64>}
snn.network @leaky(%x: tensor<2xi1>) -> (s: tensor<2xi1>) attributes {dt = 1.0e-3 : f64} {
  %0 = snn.linear %x {name = "fc", weight = dense<[[0.5, -0.25], [1.75, 0.25]]> : tensor<2x2xf32>} : tensor<2xi1> -> tensor<2xf32>
  %1 = snn.discrete_lif %0 {name = "lif", decay = dense<0.875> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>} : tensor<2xf32> -> tensor<2xi1>
  snn.output %1 : tensor<2xi1>
}
