// RUN: snc-opt %s -split-input-file -snn-to-sfq -verify-diagnostics

// What an SFQ neuron cannot compute is an error naming the population and
// the reason (integer IF neurons otherwise: decay and gain 4096 = 1 in 12
// fraction bits, no bias).

snn.network @leak(%x: tensor<2xi1>) -> (s: tensor<1xi1>) attributes {dt = 1.0 : f64, snn.target = "sfq-rsfq"} {
  %0 = snn.linear %x {name = "fc", weight = dense<[[1, 1]]> : tensor<1x2xi32>} : tensor<2xi1> -> tensor<1xi32>
  // expected-error @+1 {{snn-to-sfq: population 'lif' cannot become SFQ neurons: neuron 0 leaks (decay 3686 with 12 fraction bits, not 1); SFQ neurons integrate without leak}}
  %1 = snn.discrete_lif %0 {name = "lif", bias = dense<0> : tensor<i64>, decay = dense<3686> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>} : tensor<1xi32> -> tensor<1xi1>
  snn.output %1 : tensor<1xi1>
}

// -----

snn.network @bias(%x: tensor<2xi1>) -> (s: tensor<1xi1>) attributes {dt = 1.0 : f64, snn.target = "sfq-rsfq"} {
  %0 = snn.linear %x {name = "fc", weight = dense<[[1, 1]]> : tensor<1x2xi32>} : tensor<2xi1> -> tensor<1xi32>
  // expected-error @+1 {{snn-to-sfq: population 'lif' cannot become SFQ neurons: neuron 0 has a bias; SFQ neurons add input pulses only}}
  %1 = snn.discrete_lif %0 {name = "lif", bias = dense<1> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>} : tensor<1xi32> -> tensor<1xi1>
  snn.output %1 : tensor<1xi1>
}

// -----

snn.network @refractory(%x: tensor<2xi1>) -> (s: tensor<1xi1>) attributes {dt = 1.0 : f64, snn.target = "sfq-rsfq"} {
  %0 = snn.linear %x {name = "fc", weight = dense<[[1, 1]]> : tensor<1x2xi32>} : tensor<2xi1> -> tensor<1xi32>
  // expected-error @+1 {{snn-to-sfq: population 'lif' cannot become SFQ neurons: it has a refractory period of 2 steps; SFQ neurons have none}}
  %1 = snn.discrete_lif %0 {name = "lif", bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>, refractory = 2 : i64} : tensor<1xi32> -> tensor<1xi1>
  snn.output %1 : tensor<1xi1>
}

// -----

snn.network @weight(%x: tensor<2xi1>) -> (s: tensor<1xi1>) attributes {dt = 1.0 : f64, snn.target = "sfq-rsfq"} {
  %0 = snn.linear %x {name = "fc", weight = dense<[[1, -3]]> : tensor<1x2xi32>} : tensor<2xi1> -> tensor<1xi32>
  // expected-error @+1 {{snn-to-sfq: the synapse from 'x'[1] to 'lif'[0] has weight -3; target 'sfq-rsfq' expresses weights up to 1 (as pulse copies; max-multiplicity=3 allows this one)}}
  %1 = snn.discrete_lif %0 {name = "lif", bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>} : tensor<1xi32> -> tensor<1xi1>
  snn.output %1 : tensor<1xi1>
}

// -----

snn.network @narrow_drive(%x: tensor<5xi1>) -> (s: tensor<1xi1>) attributes {dt = 1.0 : f64, snn.target = "sfq-rsfq"} {
  // The interpreter saturates the sum at 3 bits, an SFQ neuron would not.
  // expected-error @+1 {{'fc' element 0 can reach 5, beyond i3, where the interpreter saturates; the many-core form would not}}
  %0 = snn.linear %x {name = "fc", weight = dense<[[1, 1, 1, 1, -1]]> : tensor<1x5xi32>} : tensor<5xi1> -> tensor<1xi3>
  %1 = snn.discrete_lif %0 {name = "lif", bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>} : tensor<1xi3> -> tensor<1xi1>
  snn.output %1 : tensor<1xi1>
}

// -----

// expected-error @+1 {{snn-to-sfq: target 'spinnaker2' is not an SFQ target}}
snn.network @manycore(%x: tensor<2xi1>) -> (s: tensor<1xi1>) attributes {dt = 1.0 : f64, snn.target = "spinnaker2"} {
  %0 = snn.linear %x {name = "fc", weight = dense<[[1, 1]]> : tensor<1x2xi32>} : tensor<2xi1> -> tensor<1xi32>
  %1 = snn.discrete_lif %0 {name = "lif", bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>} : tensor<1xi32> -> tensor<1xi1>
  snn.output %1 : tensor<1xi1>
}

// -----

snn.network @fires_alone(%x: tensor<2xi1>) -> (s: tensor<2xi1>) attributes {dt = 1.0 : f64, snn.target = "sfq-rsfq"} {
  %0 = snn.linear %x {name = "fc", weight = dense<[[1, 1], [0, 0]]> : tensor<2x2xi32>} : tensor<2xi1> -> tensor<2xi32>
  // expected-error @+1 {{snn-to-sfq: neuron 1 of 'lif' has no input synapses but starts above its threshold (2 > 1): it would fire with no input pulse, and an SFQ neuron cell needs an input port}}
  %1 = snn.discrete_lif %0 {name = "lif", bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>, v_init = dense<[0, 2]> : tensor<2xi64>} : tensor<2xi32> -> tensor<2xi1>
  snn.output %1 : tensor<2xi1>
}
