// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-lower-delays{max-delay=2}))' | FileCheck %s

// snn-lower-delays{max-delay=2} splits synapse delays above 2 into hops
// through relay populations "<projection>.relay<k>" (snn.discrete_lif with
// decay 0, gain 1, bias 0, v_threshold 0.5, v_reset 0: a relay re-emits its
// single input spike in the same step), each fed by a projection of weight
// 1.0 : f32.
//
// q (one long synapse, 5 = 2+2+1): hops of max-delay, then the last hop
// with the original weight and the remaining delay; it keeps the name q.
//
// p: its targets receive both short synapses (delays 1, 2) and long ones
// (3, 4, 7), so a sum of separate parts would change the order in which
// each target's inputs are accumulated. Instead every synapse gets a neuron
// in a final relay population (here p.relay3), ordered by descending total
// delay (then source, then CSR order): synapse delays 7, 4, 3, 2, 1 map to
// neurons 0..4; a synapse of delay d reaches it after d - min(d, 2) steps
// (7: 2+2+1 through p.relay1 and p.relay2; 4: 2; 3: 1; 2 and 1: 0), and one
// projection named p carries the weights with delay min(d, 2). One
// accumulator per target, fed in the original order: bit-identical floats.

// CHECK-LABEL: snn.network @net
// CHECK-NEXT: %{{[0-9]+}} = snn.sparse_projection %x {delays = array<i64: 0, 1, 2, 0>, name = "p.relay3.in0", row_ptr = array<i64: 0, 1, 2, 4>, targets = array<i64: 4, 2, 1, 3>, weights = dense<1.000000e+00> : tensor<f32>} : tensor<3xi1> -> tensor<5xf32>
// CHECK-NEXT: %{{[0-9]+}} = snn.sparse_projection %x {delays = array<i64: 2>, name = "p.relay1.in", row_ptr = array<i64: 0, 1, 1, 1>, targets = array<i64: 0>, weights = dense<1.000000e+00> : tensor<f32>} : tensor<3xi1> -> tensor<1xf32>
// CHECK-NEXT: %{{[0-9]+}} = snn.discrete_lif %{{[0-9]+}} {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.000000e+00> : tensor<f64>, gain = dense<1.000000e+00> : tensor<f64>, name = "p.relay1", v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<5.000000e-01> : tensor<f64>} : tensor<1xf32> -> tensor<1xi1>
// CHECK-NEXT: %{{[0-9]+}} = snn.sparse_projection %{{[0-9]+}} {delays = array<i64: 2>, name = "p.relay2.in", row_ptr = array<i64: 0, 1>, targets = array<i64: 0>, weights = dense<1.000000e+00> : tensor<f32>} : tensor<1xi1> -> tensor<1xf32>
// CHECK-NEXT: %{{[0-9]+}} = snn.discrete_lif %{{[0-9]+}} {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.000000e+00> : tensor<f64>, gain = dense<1.000000e+00> : tensor<f64>, name = "p.relay2", v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<5.000000e-01> : tensor<f64>} : tensor<1xf32> -> tensor<1xi1>
// CHECK-NEXT: %{{[0-9]+}} = snn.sparse_projection %{{[0-9]+}} {delays = array<i64: 1>, name = "p.relay3.in2", row_ptr = array<i64: 0, 1>, targets = array<i64: 0>, weights = dense<1.000000e+00> : tensor<f32>} : tensor<1xi1> -> tensor<5xf32>
// CHECK-NEXT: %{{[0-9]+}} = snn.add %{{[0-9]+}}, %{{[0-9]+}} {name = "p.relay3.sum"} : tensor<5xf32>
// CHECK-NEXT: %{{[0-9]+}} = snn.discrete_lif %{{[0-9]+}} {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.000000e+00> : tensor<f64>, gain = dense<1.000000e+00> : tensor<f64>, name = "p.relay3", v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<5.000000e-01> : tensor<f64>} : tensor<5xf32> -> tensor<5xi1>
// CHECK-NEXT: %{{[0-9]+}} = snn.sparse_projection %{{[0-9]+}} {delays = array<i64: 2, 2, 2, 2, 1>, name = "p", row_ptr = array<i64: 0, 1, 2, 3, 4, 5>, targets = array<i64: 1, 0, 1, 1, 0>, weights = dense<[2.500000e-01, 5.000000e-01, 7.500000e-01, 1.250000e-01, 5.000000e-01]> : tensor<5xf32>} : tensor<5xi1> -> tensor<2xf32>
// CHECK-NEXT: %{{[0-9]+}} = snn.sparse_projection %x {delays = array<i64: 2>, name = "q.relay1.in", row_ptr = array<i64: 0, 1, 1, 1>, targets = array<i64: 0>, weights = dense<1.000000e+00> : tensor<f32>} : tensor<3xi1> -> tensor<1xf32>
// CHECK-NEXT: %{{[0-9]+}} = snn.discrete_lif %{{[0-9]+}} {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.000000e+00> : tensor<f64>, gain = dense<1.000000e+00> : tensor<f64>, name = "q.relay1", v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<5.000000e-01> : tensor<f64>} : tensor<1xf32> -> tensor<1xi1>
// CHECK-NEXT: %{{[0-9]+}} = snn.sparse_projection %{{[0-9]+}} {delays = array<i64: 2>, name = "q.relay2.in", row_ptr = array<i64: 0, 1>, targets = array<i64: 0>, weights = dense<1.000000e+00> : tensor<f32>} : tensor<1xi1> -> tensor<1xf32>
// CHECK-NEXT: %{{[0-9]+}} = snn.discrete_lif %{{[0-9]+}} {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<0.000000e+00> : tensor<f64>, gain = dense<1.000000e+00> : tensor<f64>, name = "q.relay2", v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<5.000000e-01> : tensor<f64>} : tensor<1xf32> -> tensor<1xi1>
// CHECK-NEXT: %{{[0-9]+}} = snn.sparse_projection %{{[0-9]+}} {delays = array<i64: 1>, name = "q", row_ptr = array<i64: 0, 1>, targets = array<i64: 1>, weights = dense<2.000000e+00> : tensor<1xf32>} : tensor<1xi1> -> tensor<2xf32>
// CHECK-NEXT: %{{[0-9]+}} = snn.add %{{[0-9]+}}, %{{[0-9]+}} : tensor<2xf32>
// CHECK-NEXT: %{{[0-9]+}} = snn.discrete_lif %{{[0-9]+}} {bias = dense<0.000000e+00> : tensor<f64>, decay = dense<5.000000e-01> : tensor<f64>, gain = dense<1.000000e+00> : tensor<f64>, name = "n", v_reset = dense<0.000000e+00> : tensor<f64>, v_threshold = dense<6.000000e-01> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
// CHECK-NEXT: snn.output %{{[0-9]+}} : tensor<2xi1>
// CHECK-NEXT: }
snn.network @net(%x: tensor<3xi1>) -> (s: tensor<2xi1>) attributes {dt = 1.0 : f64, scheme = #snn<scheme euler>} {
  %p = snn.sparse_projection %x {name = "p", row_ptr = array<i64: 0, 2, 3, 5>, targets = array<i64: 0, 1, 1, 0, 1>, weights = dense<[0.5, 0.25, 0.75, 0.5, 0.125]> : tensor<5xf32>, delays = array<i64: 1, 7, 3, 4, 2>} : tensor<3xi1> -> tensor<2xf32>
  %q = snn.sparse_projection %x {name = "q", row_ptr = array<i64: 0, 1, 1, 1>, targets = array<i64: 1>, weights = dense<2.0> : tensor<f32>, delays = array<i64: 5>} : tensor<3xi1> -> tensor<2xf32>
  %sum = snn.add %p, %q : tensor<2xf32>
  %s = snn.discrete_lif %sum {name = "n", decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<0.6> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  snn.output %s : tensor<2xi1>
}

