// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=euler}))' | FileCheck %s --check-prefix=EULER
// RUN: snc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4 scheme=exact}))' | FileCheck %s --check-prefix=EXACT

// snn.cuba_li and snn.cuba_lif under both schemes: the synapse stage gets
// syn_decay = alpha(tau_syn) (euler 1 - dt/tau_syn, exact exp(-dt/tau_syn))
// and syn_gain = w_in times the input weight of tau_syn dI/dt = -I + w_in S
// over one step (euler dt/tau_syn, exact -expm1(-dt/tau_syn)), as NIR's
// reference implementation integrates it; the membrane is discretized as
// snn.li/snn.lif with tau_mem.
// Membrane time constants are power-of-two multiples of dt so that the euler
// input weight dt/tau_mem is exact; the exact input weight is
// -expm1(-dt/tau_mem). Expected values computed independently in Python.

// EULER-LABEL: snn.network @cuba_li(%s: tensor<4xi1>) -> () attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme euler>} {
// EULER-NEXT: %[[A:.+]] = snn.discrete_li %s {bias = dense<0.000000e+00> : tensor<f64>,
// EULER-SAME: decay = dense<9.375000e-01> : tensor<f64>,
// EULER-SAME: gain = dense<6.250000e-02> : tensor<f64>,
// EULER-SAME: syn_decay = dense<0.97999999999999998> : tensor<f64>,
// EULER-SAME: syn_gain = dense<4.000000e-02> : tensor<f64>} : tensor<4xi1> -> tensor<4xf32>
// EULER-NEXT: %[[B:.+]] = snn.discrete_li %s {bias = dense<[-1.250000e-01, -6.250000e-02, -3.125000e-02, -1.562500e-02]> : tensor<4xf64>,
// EULER-SAME: decay = dense<[8.750000e-01, 9.375000e-01, 9.687500e-01, 9.843750e-01]> : tensor<4xf64>,
// EULER-SAME: gain = dense<[1.250000e-01, 1.250000e-01, 9.375000e-02, 6.250000e-02]> : tensor<4xf64>,
// EULER-SAME: name = "cuba.readout",
// EULER-SAME: syn_decay = dense<[9.000000e-01, 0.94999999999999996, 0.97999999999999998, 0.98999999999999999]> : tensor<4xf64>,
// EULER-SAME: syn_gain = dense<[5.000000e-02, -2.500000e-02, 2.000000e-02, -1.000000e-02]> : tensor<4xf64>,
// EULER-SAME: v_init = dense<2.500000e-01> : tensor<f64>} : tensor<4xi1> -> tensor<4xf64>
// EULER-NEXT:    snn.output
// EXACT-LABEL: snn.network @cuba_li(%s: tensor<4xi1>) -> () attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme exact>} {
// EXACT-NEXT: %[[A:.+]] = snn.discrete_li %s {bias = dense<0.000000e+00> : tensor<f64>,
// EXACT-SAME: decay = dense<0.9394130628134758> : tensor<f64>,
// EXACT-SAME: gain = dense<0.060586937186524213> : tensor<f64>,
// EXACT-SAME: syn_decay = dense<0.98019867330675525> : tensor<f64>,
// EXACT-SAME: syn_gain = dense<0.039602653386489398> : tensor<f64>} : tensor<4xi1> -> tensor<4xf32>
// EXACT-NEXT: %[[B:.+]] = snn.discrete_li %s {bias = dense<[-0.1175030974154046, -0.060586937186524213, -0.030766765523655919, -0.015503562994591593]> : tensor<4xf64>,
// EXACT-SAME: decay = dense<[0.88249690258459546, 0.9394130628134758, 0.96923323447634412, 0.98449643700540845]> : tensor<4xf64>,
// EXACT-SAME: gain = dense<[0.1175030974154046, 0.12117387437304843, 0.092300296570967749, 0.062014251978366373]> : tensor<4xf64>,
// EXACT-SAME: name = "cuba.readout",
// EXACT-SAME: syn_decay = dense<[0.90483741803595952, 0.95122942450071402, 0.98019867330675525, 0.99004983374916811]> : tensor<4xf64>,
// EXACT-SAME: syn_gain = dense<[0.047581290982020213, -0.024385287749642996, 0.019801326693244699, -0.009950166250831947]> : tensor<4xf64>,
// EXACT-SAME: v_init = dense<2.500000e-01> : tensor<f64>} : tensor<4xi1> -> tensor<4xf64>
// EXACT-NEXT:    snn.output
snn.network @cuba_li(%s: tensor<4xi1>) -> () {
  %a = snn.cuba_li %s {tau_syn = dense<0.005> : tensor<f64>, tau_mem = dense<0.0016> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, w_in = dense<2.0> : tensor<f64>} : tensor<4xi1> -> tensor<4xf32>
  %b = snn.cuba_li %s {tau_syn = dense<[0.001, 0.002, 0.005, 0.01]> : tensor<4xf64>, tau_mem = dense<[0.0008, 0.0016, 0.0032, 0.0064]> : tensor<4xf64>, r = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf64>, v_leak = dense<-1.0> : tensor<f64>, w_in = dense<[0.5, -0.5, 1.0, -1.0]> : tensor<4xf64>, v_init = dense<0.25> : tensor<f64>, name = "cuba.readout"} : tensor<4xi1> -> tensor<4xf64>
  snn.output
}

// EULER-LABEL: snn.network @cuba_lif(%s: tensor<4xi1>) -> () attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme euler>} {
// EULER-NEXT: %[[A:.+]] = snn.discrete_lif %s {bias = dense<0.000000e+00> : tensor<f64>,
// EULER-SAME: decay = dense<0.9921875> : tensor<f64>,
// EULER-SAME: gain = dense<7.812500e-03> : tensor<f64>,
// EULER-SAME: syn_decay = dense<0.97999999999999998> : tensor<f64>,
// EULER-SAME: syn_gain = dense<2.000000e-02> : tensor<f64>,
// EULER-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// EULER-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<4xi1> -> tensor<4xi1>
// EULER-NEXT: %[[B:.+]] = snn.discrete_lif %s {bias = dense<3.906250e-04> : tensor<f64>,
// EULER-SAME: decay = dense<0.99609375> : tensor<f64>,
// EULER-SAME: gain = dense<7.812500e-03> : tensor<f64>,
// EULER-SAME: name = "cuba.hidden",
// EULER-SAME: refractory = 5 : i64,
// EULER-SAME: reset = #snn<reset subtract>,
// EULER-SAME: syn_decay = dense<[0.94999999999999996, 0.94999999999999996, 0.97499999999999997, 0.97499999999999997]> : tensor<4xf64>,
// EULER-SAME: syn_gain = dense<[0.15000000000000002, 0.15000000000000002, 0.075000000000000011, 0.075000000000000011]> : tensor<4xf64>,
// EULER-SAME: v_init = dense<[0.000000e+00, 1.000000e-01, 2.000000e-01, 3.000000e-01]> : tensor<4xf64>,
// EULER-SAME: v_reset = dense<-1.000000e+00> : tensor<f64>,
// EULER-SAME: v_threshold = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf64>} : tensor<4xi1> -> tensor<4xi1>
// EULER-NEXT:    snn.output
// EXACT-LABEL: snn.network @cuba_lif(%s: tensor<4xi1>) -> () attributes {dt = 1.000000e-04 : f64, scheme = #snn<scheme exact>} {
// EXACT-NEXT: %[[A:.+]] = snn.discrete_lif %s {bias = dense<0.000000e+00> : tensor<f64>,
// EXACT-SAME: decay = dense<0.99221793826024351> : tensor<f64>,
// EXACT-SAME: gain = dense<0.0077820617397564877> : tensor<f64>,
// EXACT-SAME: syn_decay = dense<0.98019867330675525> : tensor<f64>,
// EXACT-SAME: syn_gain = dense<0.019801326693244699> : tensor<f64>,
// EXACT-SAME: v_reset = dense<0.000000e+00> : tensor<f64>,
// EXACT-SAME: v_threshold = dense<1.000000e+00> : tensor<f64>} : tensor<4xi1> -> tensor<4xi1>
// EXACT-NEXT: %[[B:.+]] = snn.discrete_lif %s {bias = dense<3.89863052988251E-4> : tensor<f64>,
// EXACT-SAME: decay = dense<0.99610136947011751> : tensor<f64>,
// EXACT-SAME: gain = dense<0.00779726105976502> : tensor<f64>,
// EXACT-SAME: name = "cuba.hidden",
// EXACT-SAME: refractory = 5 : i64,
// EXACT-SAME: reset = #snn<reset subtract>,
// EXACT-SAME: syn_decay = dense<[0.95122942450071402, 0.95122942450071402, 0.97530991202833261, 0.97530991202833261]> : tensor<4xf64>,
// EXACT-SAME: syn_gain = dense<[0.14631172649785798, 0.14631172649785798, 0.074070263915002002, 0.074070263915002002]> : tensor<4xf64>,
// EXACT-SAME: v_init = dense<[0.000000e+00, 1.000000e-01, 2.000000e-01, 3.000000e-01]> : tensor<4xf64>,
// EXACT-SAME: v_reset = dense<-1.000000e+00> : tensor<f64>,
// EXACT-SAME: v_threshold = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf64>} : tensor<4xi1> -> tensor<4xi1>
// EXACT-NEXT:    snn.output
snn.network @cuba_lif(%s: tensor<4xi1>) -> () {
  %a = snn.cuba_lif %s {tau_syn = dense<0.005> : tensor<f64>, tau_mem = dense<0.0128> : tensor<f64>, r = dense<1.0> : tensor<f64>, v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>, v_reset = dense<0.0> : tensor<f64>, w_in = dense<1.0> : tensor<f64>} : tensor<4xi1> -> tensor<4xi1>
  %b = snn.cuba_lif %s {tau_syn = dense<[0.002, 0.002, 0.004, 0.004]> : tensor<4xf64>, tau_mem = dense<0.0256> : tensor<f64>, r = dense<2.0> : tensor<f64>, v_leak = dense<0.1> : tensor<f64>, v_threshold = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf64>, v_reset = dense<-1.0> : tensor<f64>, w_in = dense<3> : tensor<i32>, v_init = dense<[0.0, 0.1, 0.2, 0.3]> : tensor<4xf64>, reset = #snn<reset subtract>, refractory = 5, name = "cuba.hidden"} : tensor<4xi1> -> tensor<4xi1>
  snn.output
}
