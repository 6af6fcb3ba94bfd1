// RUN: snc-npy random -o %t.in.npy --shape 100,6 --density 0.3 --seed 5
// RUN: snc run %s --input %t.in.npy --output %t.ref.a.npy --output %t.ref.b.npy
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-lower-delays{max-delay=2}))' -o %t.lowered.mlir
// RUN: FileCheck %s < %t.lowered.mlir
// RUN: snc run %t.lowered.mlir --input %t.in.npy --output %t.low.a.npy --output %t.low.b.npy
// RUN: snc-npy compare %t.low.a.npy --npy %t.ref.a.npy | FileCheck %s --check-prefix=SAME
// RUN: snc-npy compare %t.low.b.npy --npy %t.ref.b.npy | FileCheck %s --check-prefix=SAME
// RUN: snc-npy spikes %t.ref.b.npy | FileCheck %s --check-prefix=ACTIVE

// snn.delay of spikes with per-element steps 0..7 (and a broadcast step of
// 5 feeding a population) lowered with max-delay = 2: no snn.delay is left,
// and the outputs are bit-identical.

// CHECK-NOT: snn.delay
// CHECK: snn.threshold {{.*}} {name = "axon"
// CHECK-NOT: snn.delay
// SAME: 0 of {{[0-9]+}} elements beyond atol 0
// ACTIVE: 5: {{[0-9]+ [0-9]+ [0-9]+}}
snn.network @axons(%x: tensor<6xi1>) -> (a: tensor<6xi1>, b: tensor<6xi1>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  %a = snn.delay %x {name = "axon", steps = array<i64: 0, 1, 2, 3, 5, 7>} : tensor<6xi1> -> tensor<6xi1>
  %d = snn.delay %a {steps = array<i64: 5>} : tensor<6xi1> -> tensor<6xi1>
  %c = snn.scale %d {scale = dense<0.75> : tensor<f32>} : tensor<6xi1> -> tensor<6xf32>
  %b = snn.discrete_lif %c {name = "n", decay = dense<0.9> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<6xf32> -> tensor<6xi1>
  snn.output %a, %b : tensor<6xi1>, tensor<6xi1>
}
