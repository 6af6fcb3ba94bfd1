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
  Netlist n;
  uint32_t clk = n.addCell(CellKind::DCSFQ, "clk");
  uint32_t x0 = n.addCell(CellKind::DCSFQ, "x0");
  uint32_t x1 = n.addCell(CellKind::DCSFQ, "x1");
  uint32_t n0 = n.addNeuron("n0", neuron({1, 1}, 1, ResetMode::ToValue));
  uint32_t n1 = n.addNeuron("n1", neuron({-1, 1}, 0, ResetMode::None));
  uint32_t dff = n.addCell(CellKind::DFF, "balance_x0");
  uint32_t n2 = n.addNeuron("n2", neuron({1, 1, -1}, 1, ResetMode::Subtract));
  uint32_t out = n.addCell(CellKind::SFQDC, "out");

  std::vector<Pin> ticks = addSplitterTree(n, {clk, 0}, 4, "clk_split");
  n.connect(ticks[0], {n0, 2});
  n.connect(ticks[1], {n1, 2});
  n.connect(ticks[2], {dff, 1});
  n.connect(ticks[3], {n2, 3});
  std::vector<Pin> x0s = addSplitterTree(n, {x0, 0}, 3, "x0_split");
  n.connect(x0s[0], {n0, 0});
  n.connect(x0s[1], {n1, 0});
  n.connect(x0s[2], {dff, 0});
  std::vector<Pin> x1s = addSplitterTree(n, {x1, 0}, 2, "x1_split");
  n.connect(x1s[0], {n0, 1});
  n.connect(x1s[1], {n1, 1});
  n.connect({n0, 0}, {n2, 0});
  n.connect({n1, 0}, {n2, 1});
  n.connect({dff, 0}, {n2, 2});
  n.connect({n2, 0}, {out, 0});

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

} // namespace
