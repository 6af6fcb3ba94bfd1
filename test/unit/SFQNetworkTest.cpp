//===- SFQNetworkTest.cpp - SFQ neuron networks against hand derivations and
//                          the integer neuron
//                          ------------------------------===//
//
// Networks as the SFQ backend will emit them: splitter trees for fan-out, an
// explicit clock tree, DFFs balancing paths. A network's time step s is
// injected in clock cycle s; a neuron of layer L emits step s's spike in
// cycle s + L (each clocked stage takes one cycle).
//
//===----------------------------------------------------------------------===//

#include "SFQTestSupport.h"

#include "runtime/neuron/IntegerNeuron.h"

#include <random>

using namespace snc::sfqtest;
using snc::runtime::ResetMode;

namespace {

constexpr int64_t kPeriodFs = 100000;

NeuronParams neuron(std::vector<int64_t> weights, int64_t threshold,
                    ResetMode reset, unsigned bits = 8, int64_t vInit = 0) {
  NeuronParams p;
  p.weights = std::move(weights);
  p.threshold = threshold;
  p.reset = reset;
  p.stateBits = bits;
  p.vInit = vInit;
  return p;
}

/// Step s of a 0/1 train as one pulse in the middle of cycle s.
std::vector<int64_t> pulsesOf(const std::vector<int> &train) {
  std::vector<int64_t> times;
  for (size_t s = 0; s < train.size(); ++s)
    if (train[s])
      times.push_back(int64_t(s) * kPeriodFs + kPeriodFs / 2);
  return times;
}

// 2 inputs -> 2 neurons -> 1 neuron, with a skip path x0 -> DFF -> n2 that
// balances x0 (one clocked stage short) against n0 and n1.
//
//   x0 -> split (3 leaves) -> n0.in0 (+1), n1.in0 (-1), dff.d
//   x1 -> split (2 leaves) -> n0.in1 (+1), n1.in1 (+1)
//   n0.q -> n2.in0 (+1), n1.q -> n2.in1 (+1), dff.q -> n2.in2 (-1)
//   clk -> split tree (4 leaves, all 2 splitters deep) -> n0, n1, dff, n2
//   n2.q -> out
//
// n0: threshold 1, reset to 0; n1: threshold 0, no reset; n2: threshold 1,
// reset by subtraction. Inputs over steps 0..5:
//   x0 = 1 0 0 1 1 0,  x1 = 1 1 0 0 1 1.
// n0 sums x0 + x1 = 2 1 0 1 2 1 -> v = 2 (fire, 0), 1, 1, 2 (fire, 0),
//   2 (fire, 0), 1:                       n0 = 1 0 0 1 1 0.
// n1 sums -x0 + x1 = 0 1 0 -1 0 1 -> v = 0, 1 (fire), 1 (fire), 0, 0,
//   1 (fire):                             n1 = 0 1 1 0 0 1.
// The DFF delays x0 by one cycle, so n2 sees step s's n0, n1 and x0 in the
// same cycle: sums n0 + n1 - x0 = 0 1 1 0 0 1 -> v = 0, 1, 2 (fire, 1), 1,
//   1, 2 (fire, 1):                       n2 = 0 0 1 0 0 1.
// n2 is layer 2: step s's spike appears in cycle s + 2.
TEST(SFQNetwork, TwoLayersWithPathBalancing) {
  Netlist n = twoLayerNetlist();

  SimulationInput input;
  input.clock = {"clk", kPeriodFs, 8, 0};
  input.pulses["x0"] = pulsesOf({1, 0, 0, 1, 1, 0});
  input.pulses["x1"] = pulsesOf({1, 1, 0, 0, 1, 1});
  SimulationResult result;
  std::string error;
  ASSERT_TRUE(simulate(n, rsfqLibrary(), input, result, error)) << error;
  for (const Violation &v : result.violations)
    ADD_FAILURE() << v.describe();
  EXPECT_EQ(pulsesPerCycle(result.probes["out"], input.clock),
            (std::vector<uint32_t>{0, 0, 0, 0, 1, 0, 0, 1}));
  // n2 fires on ticks 4 and 7, which reach it through two splitters
  // (8.6 ps); its output follows 10 ps later.
  EXPECT_EQ(result.probes["out"], (std::vector<int64_t>{418600, 718600}));
}

// Random ternary layers (inputs -> neurons, weights 0 leave the synapse
// out) against stepIntegerNeuron, the interpreter's integer neuron, with no
// leak (decay 1, gain 1, bias 0): 300 steps, 4-bit states so saturation
// happens, every reset mode.
TEST(SFQNetwork, MatchesTheIntegerNeuronOnRandomInputs) {
  using namespace snc::runtime;
  std::mt19937 rng(12);
  const unsigned numInputs = 5, numNeurons = 4, steps = 300;
  for (unsigned trial = 0; trial < 4; ++trial) {
    std::uniform_int_distribution<int> ternary(-1, 1), coin(0, 1),
        thresholds(-1, 3), resets(0, 2), vInits(-3, 3);
    std::vector<std::vector<int64_t>> w(numNeurons,
                                        std::vector<int64_t>(numInputs));
    IntegerNeuronFormat format;
    format.stateBits = 4;
    format.spiking = true;
    format.reset = static_cast<ResetMode>(resets(rng));
    IntegerNeuronParams params;
    Netlist n;
    uint32_t clk = n.addCell(CellKind::DCSFQ, "clk");
    std::vector<uint32_t> inputs, neurons;
    for (unsigned i = 0; i < numInputs; ++i)
      inputs.push_back(n.addCell(CellKind::DCSFQ, "x" + std::to_string(i)));
    // Each neuron's ports, in input order: (input, port).
    std::vector<std::vector<std::pair<unsigned, unsigned>>> portsOfInput(
        numInputs);
    for (unsigned k = 0; k < numNeurons; ++k) {
      NeuronParams p;
      p.stateBits = format.stateBits;
      p.reset = format.reset;
      p.threshold = thresholds(rng);
      p.vInit = vInits(rng);
      p.vReset = 0;
      for (unsigned i = 0; i < numInputs; ++i) {
        w[k][i] = ternary(rng);
        if (w[k][i] != 0) {
          portsOfInput[i].push_back({k, unsigned(p.weights.size())});
          p.weights.push_back(w[k][i]);
        }
      }
      if (p.weights.empty()) { // every neuron listens to something
        w[k][0] = 1;
        portsOfInput[0].push_back({k, 0});
        p.weights.push_back(1);
      }
      params.threshold.push_back(p.threshold);
      params.vInit.push_back(p.vInit);
      params.vReset.push_back(p.vReset);
      params.decay.push_back(1);
      params.gain.push_back(1);
      params.bias.push_back(0);
      neurons.push_back(n.addNeuron("n" + std::to_string(k), p));
    }
    std::vector<Pin> ticks = addSplitterTree(n, {clk, 0}, numNeurons, "cs");
    for (unsigned k = 0; k < numNeurons; ++k) {
      unsigned clockPin = n.numInputs(neurons[k]) - 1;
      n.connect(ticks[k], {neurons[k], clockPin});
      uint32_t probe = n.addCell(CellKind::SFQDC, "out" + std::to_string(k));
      n.connect({neurons[k], 0}, {probe, 0});
    }
    for (unsigned i = 0; i < numInputs; ++i) {
      std::vector<std::pair<unsigned, unsigned>> &ports = portsOfInput[i];
      if (ports.empty()) { // an unused input still needs its one sink
        uint32_t sink =
            n.addCell(CellKind::SFQDC, "unused" + std::to_string(i));
        n.connect({inputs[i], 0}, {sink, 0});
        continue;
      }
      std::vector<Pin> leaves =
          addSplitterTree(n, {inputs[i], 0}, unsigned(ports.size()),
                          "s" + std::to_string(i) + "_");
      for (size_t j = 0; j < ports.size(); ++j)
        n.connect(leaves[j], {neurons[ports[j].first], ports[j].second});
    }

    // Steps 0..steps-1 in cycles 0..steps-1; the spikes come one cycle on.
    SimulationInput input;
    input.clock = {"clk", kPeriodFs, steps + 1, 0};
    std::vector<std::vector<int>> x(numInputs, std::vector<int>(steps));
    for (unsigned i = 0; i < numInputs; ++i) {
      for (unsigned s = 0; s < steps; ++s)
        x[i][s] = coin(rng);
      input.pulses["x" + std::to_string(i)] = pulsesOf(x[i]);
    }
    SimulationResult result;
    std::string error;
    ASSERT_TRUE(simulate(n, rsfqLibrary(), input, result, error)) << error;
    for (const Violation &v : result.violations)
      ADD_FAILURE() << v.describe();

    unsigned spikes = 0;
    for (unsigned k = 0; k < numNeurons; ++k) {
      std::vector<uint32_t> got =
          pulsesPerCycle(result.probes["out" + std::to_string(k)], input.clock);
      IntegerNeuronState state = initialIntegerNeuron(format, params, k);
      for (unsigned s = 0; s < steps; ++s) {
        int64_t drive = 0;
        for (unsigned i = 0; i < numInputs; ++i)
          drive += w[k][i] * x[i][s];
        bool spike = stepIntegerNeuron(format, params, k, state, drive);
        spikes += spike;
        ASSERT_EQ(got[s + 1], spike ? 1u : 0u)
            << "trial " << trial << " neuron " << k << " step " << s;
      }
      EXPECT_EQ(got[0], 0u);
    }
    EXPECT_GT(spikes, 0u); // the comparison saw spikes
  }
}

// Two random ternary layers, 5 inputs -> 4 hidden -> 4 output neurons:
// hidden spikes fan out through splitter trees (to the output neurons and a
// probe each), one balanced clock tree (8 leaves, 3 splitters deep) clocks
// both layers. Hidden spikes of step s appear in cycle s + 1, output spikes
// in cycle s + 2; both must equal stepIntegerNeuron's, layer after layer.
TEST(SFQNetwork, TwoRandomLayersMatchTheIntegerNeuron) {
  using namespace snc::runtime;
  std::mt19937 rng(34);
  std::uniform_int_distribution<int> ternary(-1, 1), coin(0, 1),
      thresholds(0, 2), resets(0, 2);
  const unsigned widths[3] = {5, 4, 4};
  const unsigned steps = 250;
  IntegerNeuronFormat format;
  format.stateBits = 5;
  format.spiking = true;
  format.reset = static_cast<ResetMode>(resets(rng));

  Netlist n;
  uint32_t clk = n.addCell(CellKind::DCSFQ, "clk");
  // Each source's sinks: (cell, input pin); sources are the inputs, then
  // the neurons of each layer.
  std::vector<std::vector<Pin>> sinks[3];
  std::vector<Pin> sources[3];
  std::vector<std::vector<int64_t>> w[3]; // w[l][k][j]: layer l neuron k
  IntegerNeuronParams params[3];
  std::vector<uint32_t> clocked;
  for (unsigned i = 0; i < widths[0]; ++i)
    sources[0].push_back(
        {n.addCell(CellKind::DCSFQ, "x" + std::to_string(i)), 0});
  sinks[0].resize(widths[0]);
  for (unsigned l = 1; l < 3; ++l) {
    sinks[l].resize(widths[l]);
    for (unsigned k = 0; k < widths[l]; ++k) {
      NeuronParams p;
      p.stateBits = format.stateBits;
      p.reset = format.reset;
      p.threshold = thresholds(rng);
      std::vector<int64_t> row(widths[l - 1]);
      std::vector<unsigned> from;
      for (unsigned j = 0; j < widths[l - 1]; ++j)
        if ((row[j] = ternary(rng)) != 0) {
          from.push_back(j);
          p.weights.push_back(row[j]);
        }
      if (p.weights.empty()) {
        row[0] = 1;
        from.push_back(0);
        p.weights.push_back(1);
      }
      uint32_t cell =
          n.addNeuron("n" + std::to_string(l) + "_" + std::to_string(k), p);
      for (unsigned port = 0; port < from.size(); ++port)
        sinks[l - 1][from[port]].push_back({cell, port});
      sources[l].push_back({cell, 0});
      clocked.push_back(cell);
      w[l].push_back(row);
      params[l].threshold.push_back(p.threshold);
      params[l].vReset.push_back(0);
      params[l].decay.push_back(1);
      params[l].gain.push_back(1);
      params[l].bias.push_back(0);
    }
  }
  // Every neuron also drives a probe named after it.
  for (unsigned l = 1; l < 3; ++l)
    for (unsigned k = 0; k < widths[l]; ++k)
      sinks[l][k].push_back(
          {n.addCell(CellKind::SFQDC, "p" + n.cell(sources[l][k].cell).name),
           0});
  for (unsigned l = 0; l < 3; ++l)
    for (unsigned j = 0; j < widths[l]; ++j) {
      std::vector<Pin> &to = sinks[l][j];
      if (to.empty())
        to.push_back(
            {n.addCell(CellKind::SFQDC, "unused" + std::to_string(l * 10 + j)),
             0});
      std::vector<Pin> leaves = addSplitterTree(
          n, sources[l][j], unsigned(to.size()),
          "s" + std::to_string(l) + "_" + std::to_string(j) + "_");
      for (size_t m = 0; m < to.size(); ++m)
        n.connect(leaves[m], to[m]);
    }
  std::vector<Pin> ticks =
      addSplitterTree(n, {clk, 0}, unsigned(clocked.size()), "cs");
  for (size_t c = 0; c < clocked.size(); ++c)
    n.connect(ticks[c], {clocked[c], n.numInputs(clocked[c]) - 1});

  SimulationInput input;
  input.clock = {"clk", kPeriodFs, steps + 2, 0};
  std::vector<std::vector<int>> spikes[3]; // [l][j][s]
  spikes[0].assign(widths[0], std::vector<int>(steps));
  for (unsigned i = 0; i < widths[0]; ++i) {
    for (unsigned s = 0; s < steps; ++s)
      spikes[0][i][s] = coin(rng);
    input.pulses["x" + std::to_string(i)] = pulsesOf(spikes[0][i]);
  }
  SimulationResult result;
  std::string error;
  ASSERT_TRUE(simulate(n, rsfqLibrary(), input, result, error)) << error;
  for (const Violation &v : result.violations)
    ADD_FAILURE() << v.describe();

  for (unsigned l = 1; l < 3; ++l) {
    spikes[l].assign(widths[l], std::vector<int>(steps));
    unsigned fired = 0;
    for (unsigned k = 0; k < widths[l]; ++k) {
      IntegerNeuronState state = initialIntegerNeuron(format, params[l], k);
      std::string name = n.cell(sources[l][k].cell).name;
      std::vector<uint32_t> got =
          pulsesPerCycle(result.probes["p" + name], input.clock);
      for (unsigned s = 0; s < steps; ++s) {
        int64_t drive = 0;
        for (unsigned j = 0; j < widths[l - 1]; ++j)
          drive += w[l][k][j] * spikes[l - 1][j][s];
        spikes[l][k][s] = stepIntegerNeuron(format, params[l], k, state, drive);
        fired += spikes[l][k][s];
        ASSERT_EQ(got[s + l], uint32_t(spikes[l][k][s]))
            << name << " step " << s;
      }
    }
    EXPECT_GT(fired, 0u) << "layer " << l << " never fired";
  }
}

} // namespace
