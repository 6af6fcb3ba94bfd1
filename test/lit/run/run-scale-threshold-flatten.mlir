// snn.scale, snn.threshold and snn.flatten end to end:
//   x [2, 3] spikes -> scale (one factor per element) -> threshold (one
//   level per element, strict >) -> flatten [2, 3] -> [6] -> linear [1, 6]
// The final linear weighs flattened element k by 2^k, so its output is a
// binary code of the spike vector that shows the row-major order of flatten.
//
// scale     = [[0.5, 1.0, 1.5], [2.0, -1.0, 0.75]]
// threshold = [[0.25, 1.0, 1.25], [1.5, -0.5, 0.5]]
// Per element, with x = 1 / x = 0:
//   (0,0) 0.5 > 0.25 -> 1 / 0      (0,1) 1.0 > 1.0 is false -> always 0
//   (0,2) 1.5 > 1.25 -> 1 / 0      (1,0) 2.0 > 1.5 -> 1 / 0
//   (1,1) -1 > -0.5 is false, but silence gives (-0.0) > -0.5: inverted
//   (1,2) 0.75 > 0.5 -> 1 / 0
// Scaling a silent element by -1 gives -0.0 (IEEE: -1 * 0 = -0), which
// snc-npy prints as -0.
//
// The input is a deterministic random spike train pinned by INPUT; the
// expected rows follow by hand from the table above, e.g. step 0: x =
// [1 0 0; 1 1 0] -> scaled [0.5 0 0; 2 -1 0] -> spikes [1 0 0; 1 0 0] ->
// code 1 + 8 = 9; step 1: x = [1 0 1; 0 0 0] -> spikes [1 0 1; 0 1 0] ->
// code 1 + 4 + 16 = 21.

// RUN: snc-npy random -o %t.x.npy --shape 6,2,3 --density 0.5 --seed 3
// RUN: snc-npy print %t.x.npy | FileCheck %s --match-full-lines --check-prefix=INPUT
// INPUT:      dtype bool shape (6, 2, 3)
// INPUT-NEXT: 0: 1 0 0 1 1 0
// INPUT-NEXT: 1: 1 0 1 0 0 0
// INPUT-NEXT: 2: 1 1 0 0 1 1
// INPUT-NEXT: 3: 1 0 0 0 0 1
// INPUT-NEXT: 4: 0 0 1 1 0 0
// INPUT-NEXT: 5: 0 0 1 0 1 1

// RUN: snc run %s --input %t.x.npy --output %t.scaled.npy %t.flat.npy %t.code.npy
// RUN: snc-npy print %t.scaled.npy | FileCheck %s --match-full-lines --check-prefix=SCALED
// RUN: snc-npy print %t.flat.npy | FileCheck %s --match-full-lines --check-prefix=FLAT
// RUN: snc-npy print %t.code.npy | FileCheck %s --match-full-lines --check-prefix=CODE
// SCALED:      dtype float64 shape (6, 2, 3)
// SCALED-NEXT: 0: 0.5 0 0 2 -1 0
// SCALED-NEXT: 1: 0.5 0 1.5 0 -0 0
// SCALED-NEXT: 2: 0.5 1 0 0 -1 0.75
// SCALED-NEXT: 3: 0.5 0 0 0 -0 0.75
// SCALED-NEXT: 4: 0 0 1.5 2 -0 0
// SCALED-NEXT: 5: 0 0 1.5 0 -1 0.75
// FLAT:      dtype bool shape (6, 6)
// FLAT-NEXT: 0: 1 0 0 1 0 0
// FLAT-NEXT: 1: 1 0 1 0 1 0
// FLAT-NEXT: 2: 1 0 0 0 0 1
// FLAT-NEXT: 3: 1 0 0 0 1 1
// FLAT-NEXT: 4: 0 0 1 1 1 0
// FLAT-NEXT: 5: 0 0 1 0 0 1
// CODE:      dtype float64 shape (6, 1)
// CODE-NEXT: 0: 9
// CODE-NEXT: 1: 21
// CODE-NEXT: 2: 33
// CODE-NEXT: 3: 49
// CODE-NEXT: 4: 28
// CODE-NEXT: 5: 36

snn.network @elementwise(%x: tensor<2x3xi1>) -> (scaled: tensor<2x3xf64>, flat: tensor<6xi1>, code: tensor<1xf64>) attributes {dt = 1.0e-3 : f64} {
  %scaled = snn.scale %x {name = "scale", scale = dense<[[0.5, 1.0, 1.5], [2.0, -1.0, 0.75]]> : tensor<2x3xf64>} : tensor<2x3xi1> -> tensor<2x3xf64>
  %s = snn.threshold %scaled {name = "threshold", threshold = dense<[[0.25, 1.0, 1.25], [1.5, -0.5, 0.5]]> : tensor<2x3xf64>} : tensor<2x3xf64> -> tensor<2x3xi1>
  %flat = snn.flatten %s {name = "flatten", start_dim = 0, end_dim = 1} : tensor<2x3xi1> -> tensor<6xi1>
  %code = snn.linear %flat {name = "code", weight = dense<[[1.0, 2.0, 4.0, 8.0, 16.0, 32.0]]> : tensor<1x6xf64>} : tensor<6xi1> -> tensor<1xf64>
  snn.output %scaled, %flat, %code : tensor<2x3xf64>, tensor<6xi1>, tensor<1xf64>
}
