// snn.discrete_lif with refractory = 2: after a spike the neuron skips its
// membrane update for 2 steps, holding v_reset and emitting nothing, while
// its synaptic current keeps integrating (docs/semantics.md, step 2). The
// network is already discrete (it carries dt), so `snc run` needs no --dt.
//
// "ref" and "plain": drive 1.25 on every step (CSV column 0), decay 0.5,
// gain 1, v_threshold 1, v_reset -0.5; refractory 2 and 0.
//   ref:   1.25* -> -0.5, held, held, 0.5*-0.5 + 1.25 = 1.0 (not > 1),
//          1.75* ... spikes at 0, 4, 8; v = -.5 -.5 -.5 1, repeating.
//   plain: 1.25* -> -0.5, 1.0, 1.75* -> -0.5, 1.0, ... spikes at 0, 2, 4, ...
// "syn": spikes in (CSV column 1) at steps 0 1 3 6 7, synapse
//   i = 0.5 i + x, membrane v = 0.5 v + i, v_reset 0, refractory 2.
//   step 0: i = 1,       v = 1 (not > 1)
//   step 1: i = 1.5,     v = 2: spike, v = 0, refractory for steps 2, 3
//   step 2: i = 0.75,    v = 0 (held)
//   step 3: i = 1.375,   v = 0 (held; the input spike still reaches i)
//   step 4: i = 0.6875,  v = 0.6875
//   step 5: i = 0.34375, v = 0.34375 + 0.34375 = 0.6875
//   step 6: i = 1.171875, v = 1.515625: spike, v = 0; steps 7, 8 held
//   step 9: i = 0.396484375, v = 0.396484375, ...
// Without the refractory period the same neuron would fire at 1, 3, 6, 7.

// RUN: snc-npy from-csv %S/Inputs/run-refractory.csv --column 0 --dtype float64 -o %t.drive.npy
// RUN: snc-npy from-csv %S/Inputs/run-refractory.csv --column 1 --dtype float64 -o %t.spikes.npy
// RUN: snc run %s --input %t.drive.npy %t.spikes.npy \
// RUN:   --output %t.ref.npy %t.plain.npy %t.syn.npy \
// RUN:   --record ref.v=%t.ref.v.npy syn.i=%t.syn.i.npy syn.v=%t.syn.v.npy
// RUN: snc-npy spikes %t.ref.npy | FileCheck %s --match-full-lines --check-prefix=REF-S
// RUN: snc-npy spikes %t.plain.npy | FileCheck %s --match-full-lines --check-prefix=PLAIN-S
// RUN: snc-npy spikes %t.syn.npy | FileCheck %s --match-full-lines --check-prefix=SYN-S
// RUN: snc-npy print %t.ref.v.npy | FileCheck %s --match-full-lines --check-prefix=REF-V
// RUN: snc-npy print %t.syn.i.npy | FileCheck %s --match-full-lines --check-prefix=SYN-I
// RUN: snc-npy print %t.syn.v.npy | FileCheck %s --match-full-lines --check-prefix=SYN-V

// REF-S: 0: 0 4 8
// PLAIN-S: 0: 0 2 4 6 8 10
// SYN-S: 0: 1 6

// REF-V:      dtype float64 shape (12, 1)
// REF-V-NEXT: 0: -0.5
// REF-V-NEXT: 1: -0.5
// REF-V-NEXT: 2: -0.5
// REF-V-NEXT: 3: 1
// REF-V-NEXT: 4: -0.5
// REF-V-NEXT: 5: -0.5
// REF-V-NEXT: 6: -0.5
// REF-V-NEXT: 7: 1
// REF-V-NEXT: 8: -0.5
// REF-V-NEXT: 9: -0.5
// REF-V-NEXT: 10: -0.5
// REF-V-NEXT: 11: 1

// SYN-I:      dtype float64 shape (12, 1)
// SYN-I-NEXT: 0: 1
// SYN-I-NEXT: 1: 1.5
// SYN-I-NEXT: 2: 0.75
// SYN-I-NEXT: 3: 1.375
// SYN-I-NEXT: 4: 0.6875
// SYN-I-NEXT: 5: 0.34375
// SYN-I-NEXT: 6: 1.171875
// SYN-I-NEXT: 7: 1.5859375
// SYN-I-NEXT: 8: 0.79296875
// SYN-I-NEXT: 9: 0.396484375
// SYN-I-NEXT: 10: 0.198242188
// SYN-I-NEXT: 11: 0.0991210938

// SYN-V:      dtype float64 shape (12, 1)
// SYN-V-NEXT: 0: 1
// SYN-V-NEXT: 1: 0
// SYN-V-NEXT: 2: 0
// SYN-V-NEXT: 3: 0
// SYN-V-NEXT: 4: 0.6875
// SYN-V-NEXT: 5: 0.6875
// SYN-V-NEXT: 6: 0
// SYN-V-NEXT: 7: 0
// SYN-V-NEXT: 8: 0
// SYN-V-NEXT: 9: 0.396484375
// SYN-V-NEXT: 10: 0.396484375
// SYN-V-NEXT: 11: 0.297363281

snn.network @refractory(%drive: tensor<1xf64>, %x: tensor<1xf64>) -> (ref: tensor<1xi1>, plain: tensor<1xi1>, syn: tensor<1xi1>) attributes {dt = 1.0e-3 : f64} {
  %ref = snn.discrete_lif %drive {name = "ref", decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<-0.5> : tensor<f64>, refractory = 2} : tensor<1xf64> -> tensor<1xi1>
  %plain = snn.discrete_lif %drive {name = "plain", decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<-0.5> : tensor<f64>} : tensor<1xf64> -> tensor<1xi1>
  %syn = snn.discrete_lif %x {name = "syn", syn_decay = dense<0.5> : tensor<f64>, syn_gain = dense<1.0> : tensor<f64>, decay = dense<0.5> : tensor<f64>, gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, refractory = 2} : tensor<1xf64> -> tensor<1xi1>
  snn.output %ref, %plain, %syn : tensor<1xi1>, tensor<1xi1>, tensor<1xi1>
}
