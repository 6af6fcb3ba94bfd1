// Parameters in dense_resource blobs run as inline ones: run-conv2d.mlir's
// network with its weights and bias in blobs ("a": f64 weight and bias,
// "b": an f32 weight, read in place by the interpreter), to the same
// outputs. Each blob is "0x" + its alignment (4 bytes, little-endian) + the
// elements' bytes: a's 16 weights 1 2 4 8 16 32 64 128 -1 0 0 1 0.5 0.25
// 0.125 0.0625 as f64, a's bias 0 0.5 as f64, b's weights 1 2 4 8 16 32 64
// 128 as f32.
//
// snn.conv2d end to end on a [2, 3, 3] spike input (docs/kernels.md).
//
// "a": weight [2, 2, 2, 2], bias [0, 0.5], stride 1, no padding -> [2, 2, 2]
//      out[co][oh][ow] = bias[co] + sum_ci,kh,kw w[co][ci][kh][kw] x[ci][oh+kh][ow+kw]
// "b": groups 2 (channel co sees only input channel co), no bias,
//      stride 2, padding 1: Ho = Wo = (3 + 2 - 2) / 2 + 1 = 2 -> [2, 2, 2]
//      out[co][oh][ow] = sum_kh,kw w[co][0][kh][kw] x[co][2oh-1+kh][2ow-1+kw]
// Weights are distinct powers of two, so each sum names its inputs.
//
// The input is a deterministic random spike train pinned by INPUT (each row
// [c][h][w] row-major). Expected rows computed with Python from the
// formulas above; by hand for step 0, x0 = [0 0 0; 0 1 1; 0 0 1] and
// x1 = [0 1 0; 0 0 0; 1 1 0]:
//   a[0][0][0] = 8 (x0[1][1], w 8) + 32 (x1[0][1], w 32) = 40
//   b[0][1][1] = rows 1..2, cols 1..2 of x0 with [1 2; 4 8] = 1 + 2 + 8 = 11
//   b[1] = [0, 64 (x1[0][1] at kh=1,kw=0); 128 (x1[2][0] at 1,1), 64 (x1[2][1] at 1,0)]

// RUN: snc-npy random -o %t.x.npy --shape 3,2,3,3 --density 0.35 --seed 2
// RUN: snc-npy print %t.x.npy | FileCheck %s --match-full-lines --check-prefix=INPUT
// INPUT:      dtype bool shape (3, 2, 3, 3)
// INPUT-NEXT: 0: 0 0 0 0 1 1 0 0 1 0 1 0 0 0 0 1 1 0
// INPUT-NEXT: 1: 0 1 1 0 0 1 0 0 0 0 1 1 0 0 1 1 0 1
// INPUT-NEXT: 2: 1 1 0 1 0 1 1 0 0 0 0 0 1 0 0 0 1 0

// RUN: snc run %s --input %t.x.npy --output %t.a.npy %t.b.npy
// RUN: snc-npy print %t.a.npy | FileCheck %s --match-full-lines --check-prefix=A
// RUN: snc-npy print %t.b.npy | FileCheck %s --match-full-lines --check-prefix=B
// A:      dtype float64 shape (3, 2, 2, 2)
// A-NEXT: 0: 40 28 194 75 1.75 2 0.6875 0.625
// A-NEXT: 1: 34 187 64 162 0.75 1.3125 0.625 0.8125
// A-NEXT: 2: 71 9 149 66 -0.375 0.5 0.0625 0.625
// B:      dtype float64 shape (3, 2, 2, 2)
// B-NEXT: 0: 0 0 0 11 0 64 128 64
// B-NEXT: 1: 0 12 0 2 0 192 128 160
// B-NEXT: 2: 8 4 10 2 0 0 32 64

snn.network @conv(%x: tensor<2x3x3xi1>) -> (a: tensor<2x2x2xf64>, b: tensor<2x2x2xf64>) attributes {dt = 1.0e-3 : f64} {
  %a = snn.conv2d %x {name = "a", weight = dense_resource<a.weight> : tensor<2x2x2x2xf64>, bias = dense_resource<a.bias> : tensor<2xf64>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>} : tensor<2x3x3xi1> -> tensor<2x2x2xf64>
  %b = snn.conv2d %x {name = "b", weight = dense_resource<b.weight> : tensor<2x1x2x2xf32>, stride = array<i64: 2, 2>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 2} : tensor<2x3x3xi1> -> tensor<2x2x2xf64>
  snn.output %a, %b : tensor<2x2x2xf64>, tensor<2x2x2xf64>
}
{-#
  dialect_resources: { builtin: {
    a.weight: "0x08000000000000000000F03F0000000000000040000000000000104000000000000020400000000000003040000000000000404000000000000050400000000000006040000000000000F0BF00000000000000000000000000000000000000000000F03F000000000000E03F000000000000D03F000000000000C03F000000000000B03F",
    a.bias: "0x080000000000000000000000000000000000E03F",
    b.weight: "0x040000000000803F00000040000080400000004100008041000000420000804200000043"
  } }
#-}
