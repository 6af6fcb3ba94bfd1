// snn.reservoir end to end: a 10-neuron liquid (p_connect 0.3, seed 7,
// 8 excitatory + 2 inhibitory) driven by 4 spike inputs. `snc run` expands
// it with snn-materialize-reservoirs and discretizes it (dt = 1 ms, tau =
// 2 ms, euler: decay 0.5, gain 0.5).
//
// 1. Determinism: two runs give byte-identical outputs and recordings.
// 2. The liquid is active: at least one neuron spikes.
// 3. The recorded res.out equals the network output.
// 4. The exact spike trains (SPIKES) were computed independently with a
//    Python model of docs/semantics.md: SplitMix64(7), one draw per ordered
//    pair (pre outer, post inner, self-pairs skipped), a synapse iff the
//    draw < 0.3, weights by pre/post kind (w_ee 2.5, w_ei 1.5, w_ie -2,
//    w_ii -1), input k -> neuron k with w_in 3; each step
//    v = 0.5 v + 0.5 (input + recurrent), where the recurrent input carries
//    the spikes of the previous step (the back-edge of the reservoir loop),
//    spike iff v > 1, reset to 0. For instance:
//      step 0: input 1 spikes: neuron 1 gets 3, v = 1.5: spike
//      step 1: inputs 0, 2: neurons 0 and 2 spike (2 also gets 2.5 from 1)
//      step 2: inputs 2, 3 and the recurrent spikes of 0 and 2: 0 -> 6
//              (2.5), 2 -> 4 (2.5), 0 -> 9 and 2 -> 9 (1.5 each): neurons
//              2, 3, 4, 6, 9 spike.

// RUN: snc-npy random -o %t.x.npy --shape 20,4 --density 0.3 --seed 11
// RUN: snc-npy spikes %t.x.npy | FileCheck %s --match-full-lines --check-prefix=INPUT
// INPUT:      0: 1 5 9 14 17 19
// INPUT-NEXT: 1: 0 9 10 17
// INPUT-NEXT: 2: 1 2 18
// INPUT-NEXT: 3: 2 3 7 9

// RUN: snc run %s --dt 1e-3 --input %t.x.npy --output %t.out1.npy --record res.out=%t.rec1.npy
// RUN: snc run %s --dt 1e-3 --input %t.x.npy --output %t.out2.npy --record res.out=%t.rec2.npy
// RUN: cmp %t.out1.npy %t.out2.npy
// RUN: cmp %t.rec1.npy %t.rec2.npy

// RUN: snc-npy spikes %t.out1.npy | FileCheck %s --check-prefix=ACTIVE
// ACTIVE: {{^[0-9]+:( [0-9]+)+$}}

// RUN: snc-npy compare %t.rec1.npy --npy %t.out1.npy | FileCheck %s --check-prefix=RECORD
// RECORD: 0 of 200 elements beyond atol 0

// RUN: snc-npy spikes %t.out1.npy | FileCheck %s --match-full-lines --check-prefix=SPIKES
// SPIKES:      0: 1 3 5 9 12 14 17 19
// SPIKES-NEXT: 1: 0 3 9 10 17 19
// SPIKES-NEXT: 2: 1 2 3 4 6 10 11 12 13 15 18
// SPIKES-NEXT: 3: 2 3 9
// SPIKES-NEXT: 4: 2 11 19
// SPIKES-NEXT: 5: 3 4 10
// SPIKES-NEXT: 6: 2 18
// SPIKES-NEXT: 7: 3 4 10
// SPIKES-NEXT: 8:
// SPIKES-NEXT: 9: 2 3 4 5 7 11 12 13 15 19

snn.network @liquid(%x: tensor<4xi1>) -> (s: tensor<10xi1>) {
  %s = snn.reservoir %x {name = "res", exc_fraction = 0.8 : f64, p_connect = 0.3 : f64, w_ee = 2.5 : f64, w_ei = 1.5 : f64, w_ie = -2.0 : f64, w_ii = -1.0 : f64, w_in = 3.0 : f64, tau = 2.0e-3 : f64, v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 7 : i64} : tensor<4xi1> -> tensor<10xi1>
  snn.output %s : tensor<10xi1>
}
