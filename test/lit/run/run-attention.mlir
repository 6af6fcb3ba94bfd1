// snn.attention in both forms, end to end, on [3, 2] (tokens x features)
// spike tensors q, k, v given as three network inputs (docs/kernels.md):
//   spikformer:   out = (Q . (K^T . V)) * scale, scale = 0.5
//   spike_driven: colsum[d] = sum_n Q[n][d] K[n][d], mask = colsum > th
//                 (strict), out = mask (.) V; th = 1 and th = 0 (default).
//
// q, k and v are deterministic random spike trains pinned by Q, K, V below
// (each row is [n][d] row-major: token 0's two features, token 1's, token
// 2's). By hand for step 0, Q = [1 0; 0 1; 1 0], K = [1 0; 1 1; 1 1],
// V = [1 0; 1 0; 1 1]:
//   K^T V = [V0 + V1 + V2; V1 + V2] = [3 1; 2 1]
//   Q (K^T V) * 0.5 = [3 1; 2 1; 3 1] * 0.5 = [1.5 0.5; 1 0.5; 1.5 0.5]
//   colsum = [1 + 0 + 1, 0 + 1 + 0] = [2, 1]
//   th = 1: mask [1, 0] (1 is not > 1)  -> [1 0; 1 0; 1 0]
//   th = 0: mask [1, 1]                 -> V
// Steps 1-3 were computed the same way with Python:
//   step 1: K^T V = [2 1; 1 1], colsum [2, 1]
//   step 2: K^T V = [0 0; 2 2], colsum [0, 1] (th = 1 masks everything)
//   step 3: K^T V = [3 3; 1 1], colsum [2, 0]

// RUN: snc-npy random -o %t.q.npy --shape 4,3,2 --density 0.6 --seed 1
// RUN: snc-npy random -o %t.k.npy --shape 4,3,2 --density 0.6 --seed 5
// RUN: snc-npy random -o %t.v.npy --shape 4,3,2 --density 0.6 --seed 2
// RUN: snc-npy print %t.q.npy | FileCheck %s --match-full-lines --check-prefix=Q
// RUN: snc-npy print %t.k.npy | FileCheck %s --match-full-lines --check-prefix=K
// RUN: snc-npy print %t.v.npy | FileCheck %s --match-full-lines --check-prefix=V
// Q:      dtype bool shape (4, 3, 2)
// Q-NEXT: 0: 1 0 0 1 1 0
// Q-NEXT: 1: 0 1 1 0 1 0
// Q-NEXT: 2: 1 1 1 1 0 0
// Q-NEXT: 3: 0 0 1 1 1 1
// K:      dtype bool shape (4, 3, 2)
// K-NEXT: 0: 1 0 1 1 1 1
// K-NEXT: 1: 0 1 1 0 1 1
// K-NEXT: 2: 0 1 0 0 0 1
// K-NEXT: 3: 1 1 1 0 1 0
// V:      dtype bool shape (4, 3, 2)
// V-NEXT: 0: 1 0 1 0 1 1
// V-NEXT: 1: 0 0 1 0 1 1
// V-NEXT: 2: 1 1 0 1 1 1
// V-NEXT: 3: 1 1 1 1 1 1

// RUN: snc run %s --input %t.q.npy %t.k.npy %t.v.npy \
// RUN:   --output %t.sf.npy %t.sd1.npy %t.sd0.npy
// RUN: snc-npy print %t.sf.npy | FileCheck %s --match-full-lines --check-prefix=SPIKFORMER
// RUN: snc-npy print %t.sd1.npy | FileCheck %s --match-full-lines --check-prefix=SDSA1
// RUN: snc-npy print %t.sd0.npy | FileCheck %s --match-full-lines --check-prefix=SDSA0
// SPIKFORMER:      dtype float64 shape (4, 3, 2)
// SPIKFORMER-NEXT: 0: 1.5 0.5 1 0.5 1.5 0.5
// SPIKFORMER-NEXT: 1: 0.5 0.5 1 0.5 1 0.5
// SPIKFORMER-NEXT: 2: 1 1 1 1 0 0
// SPIKFORMER-NEXT: 3: 0 0 2 2 2 2
// SDSA1:      dtype bool shape (4, 3, 2)
// SDSA1-NEXT: 0: 1 0 1 0 1 0
// SDSA1-NEXT: 1: 0 0 1 0 1 0
// SDSA1-NEXT: 2: 0 0 0 0 0 0
// SDSA1-NEXT: 3: 1 0 1 0 1 0
// SDSA0:      dtype bool shape (4, 3, 2)
// SDSA0-NEXT: 0: 1 0 1 0 1 1
// SDSA0-NEXT: 1: 0 0 1 0 1 1
// SDSA0-NEXT: 2: 0 1 0 1 0 1
// SDSA0-NEXT: 3: 1 0 1 0 1 0

snn.network @attention(%q: tensor<3x2xi1>, %k: tensor<3x2xi1>, %v: tensor<3x2xi1>) -> (sf: tensor<3x2xf64>, sd1: tensor<3x2xi1>, sd0: tensor<3x2xi1>) attributes {dt = 1.0e-3 : f64} {
  %sf = snn.attention %q, %k, %v {name = "spikformer", form = #snn<attention spikformer>, scale = 0.5} : tensor<3x2xi1> -> tensor<3x2xf64>
  %sd1 = snn.attention %q, %k, %v {name = "sdsa1", form = #snn<attention spike_driven>, threshold = 1.0} : tensor<3x2xi1> -> tensor<3x2xi1>
  %sd0 = snn.attention %q, %k, %v {name = "sdsa0", form = #snn<attention spike_driven>} : tensor<3x2xi1> -> tensor<3x2xi1>
  snn.output %sf, %sd1, %sd0 : tensor<3x2xf64>, tensor<3x2xi1>, tensor<3x2xi1>
}
