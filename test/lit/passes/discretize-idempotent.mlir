// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=exact}))' -o %t.once
// RUN: snc-opt %t.once --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=exact}))' -o %t.twice
// RUN: diff %t.once %t.twice
// The same dt spelled differently is the same dt.
// RUN: snc-opt %t.once --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=0.0001 scheme=exact}))' -o %t.spelled
// RUN: diff %t.once %t.spelled
// Without a dt option the pass keeps the network's own dt.
// RUN: snc-opt %t.once --pass-pipeline='builtin.module(snn.network(snn-discretize))' -o %t.nodt
// RUN: diff %t.once %t.nodt
// Without a scheme option the pass keeps the network's own scheme (exact
// here, not the euler default of a continuous network).
// RUN: snc-opt %t.once --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4}))' -o %t.noscheme
// RUN: diff %t.once %t.noscheme
// Twice in one pipeline.
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=exact}, snn-discretize{dt=1e-4 scheme=exact}))' -o %t.pipeline
// RUN: diff %t.once %t.pipeline
// RUN: FileCheck %s < %t.twice

// snn-discretize is idempotent for the same dt: a discretized network has no
// continuous ops left, and dt and scheme stay as recorded.
// Expected values (Python): exp(-1e-4/1e-2) = 0.99004983374916811,
// -expm1(-1e-4/1e-2) = 0.009950166250831947; delay 2e-4 / 1e-4 = 2 steps.

// CHECK-LABEL: snn.network @net(%x: tensor<2xf32>) -> (s: tensor<2xi1>) attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme exact>} {
// CHECK-NEXT:    %[[S:.+]] = snn.discrete_lif %[[D:[^ ]+]] {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.99004983374916811> : tensor<f64>, gain = dense<0.009950166250831947> : tensor<f64>, v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
// CHECK-NEXT:    %[[D]] = snn.delay %x {steps = array<i64: 2>} : tensor<2xf32> -> tensor<2xf32>
// CHECK-NEXT:    snn.output %[[S]] : tensor<2xi1>
snn.network @net(%x: tensor<2xf32>) -> (s: tensor<2xi1>) {
  %s = snn.lif %d {tau = dense<1.0e-2> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  %d = snn.delay %x {delay = dense<2.0e-4> : tensor<f64>} : tensor<2xf32> -> tensor<2xf32>
  snn.output %s : tensor<2xi1>
}
