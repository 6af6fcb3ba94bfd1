// The single-LIF-neuron experiment of the NIR paper, written by hand in the
// dialect (the network of lif_norse.nir: Affine weight 1, LIF tau = 2.5 ms,
// r = 1, v_leak = 0, v_threshold = 0.1) and fed column 0 of Norse's trace.
// Euler must reproduce Norse's voltage (column 1) within 1e-5 and its spike
// steps (column 2) exactly.

// RUN: snc-npy from-csv %S/../../Inputs/lif_norse.csv --column 0 -o %t.in.npy
// RUN: snc run %s --dt 1e-4 --scheme euler --input %t.in.npy \
// RUN:   --output %t.spikes.npy --record lif.v=%t.v.npy
// RUN: snc-npy compare %t.v.npy --csv %S/../../Inputs/lif_norse.csv --column 1 --atol 1e-5 | FileCheck %s --check-prefix=VOLTAGE
// RUN: snc-npy compare %t.spikes.npy --csv %S/../../Inputs/lif_norse.csv --column 2 | FileCheck %s --check-prefix=SPIKES
// RUN: snc-npy spikes %t.spikes.npy | FileCheck %s --check-prefix=STEPS

// VOLTAGE: 0 of 1000 elements beyond atol 1e-05
// SPIKES: max abs error 0 at step 0 element 0; 0 of 1000 elements beyond atol 0
// STEPS: 0: 460 510 710 760{{$}}

snn.network @lif_norse(%input: tensor<1xf32>) -> (output: tensor<1xi1>) {
  %current = snn.affine %input {name = "affine", weight = dense<1.0> : tensor<1x1xf32>, bias = dense<0.0> : tensor<1xf32>} : tensor<1xf32> -> tensor<1xf32>
  %spikes = snn.lif %current {name = "lif", tau = dense<2.5e-3> : tensor<1xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>, v_threshold = dense<0.1> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : tensor<1xf32> -> tensor<1xi1>
  snn.output %spikes : tensor<1xi1>
}
