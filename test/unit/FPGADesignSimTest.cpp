//===- FPGADesignSimTest.cpp - generated designs in Verilator -------------===//
//
// planDesign -> writeDesign -> simulateDesign on small networks, every
// output compared bit for bit with manycore::evaluate (the many-core form's
// reference, equal to the interpreter). Registered only when Verilator is
// installed. Two designs (two Verilator builds, cached in the build tree so
// a rerun does not rebuild):
//   A (fpga-artix7-100t, 4-neuron cores): an input that is also an output;
//     a CUBA LIF layer (current read this step, refractory, reset to value)
//     in 3 cores fed with delays 0..7 and recurrent delays 1..3; an
//     adaptive LIF (previous-step current, subtract reset, refractory) in 2
//     cores fully connected at delay 0 (level 1) and recurrently at delays
//     1..7 (contiguous rows: dense cores); a discrete_li readout at delay 0
//     from both (level 2), with rows that add into the same accumulator
//     word back to back. Run with zero and with random (--x-initial unique,
//     two seeds) initial X values.
//   B (fpga-ice40-up5k, one core): 4-bit weights, 12-bit state, no delays,
//     banded rows (input i reaches neurons i..i+4: a dense core whose rows
//     start mid-core; input 3 skips neuron 5, a zero word), float inputs,
//     the step count taken from the inputs.
//
//===----------------------------------------------------------------------===//

#include "FPGADesignSupport.h"
#include "backends/fpga/Design.h"
#include "passes/mapping/ManycoreReference.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

using namespace snc;
using namespace snc::testing;

namespace {

targets::TargetDescription bundled(const std::string &name) {
  targets::TargetDescription target;
  std::string error;
  EXPECT_TRUE(
      targets::loadTarget(std::string(SNC_TARGETS_DIR) + "/" + name + ".json",
                          targets::TargetRegistryOptions(), target, error))
      << error;
  return target;
}

manycore::Network designA() {
  SplitMix64 rng(2026);
  manycore::Network n;
  n.name = "fpga_a";
  n.populations.push_back(inputPopulation("in", 6, 0));
  runtime::IntegerNeuronFormat lif;
  lif.stateBits = 24;
  lif.fracBits = 12;
  lif.rounding = runtime::Rounding::TowardZero;
  lif.hasSynapse = true;
  lif.spiking = true;
  lif.reset = runtime::ResetMode::ToValue;
  lif.refractory = 2;
  n.populations.push_back(neuronPopulation("lif", 10, lif, 16, rng, 40, 120));
  runtime::IntegerNeuronFormat alif;
  alif.stateBits = 20;
  alif.fracBits = 4;
  alif.rounding = runtime::Rounding::Floor;
  alif.hasSynapse = true;
  alif.previousCurrent = true;
  alif.spiking = true;
  alif.adaptive = true;
  alif.reset = runtime::ResetMode::Subtract;
  alif.refractory = 1;
  n.populations.push_back(neuronPopulation("alif", 6, alif, 12, rng, 40, 120));
  runtime::IntegerNeuronFormat li;
  li.stateBits = 32;
  li.fracBits = 6;
  li.rounding = runtime::Rounding::NearestEven;
  n.populations.push_back(neuronPopulation("readout", 4, li, 20, rng, 40, 120));
  n.projections.push_back(randomProjection(n, 0, 1, 60, -20, 60, 0, 7, rng));
  n.projections.push_back(randomProjection(n, 1, 1, 30, -30, 40, 1, 3, rng));
  n.projections.push_back(randomProjection(n, 1, 2, 100, -10, 50, 0, 0, rng));
  n.projections.push_back(randomProjection(n, 2, 2, 100, -20, 30, 1, 7, rng));
  n.projections.push_back(randomProjection(n, 2, 3, 70, -20, 20, 0, 0, rng));
  n.projections.push_back(randomProjection(n, 1, 3, 40, -20, 20, 0, 5, rng));
  // Rows whose consecutive synapses add into the same ring word (the
  // engine's forwarding): every (pre, post, delay) three times.
  manycore::Projection repeated;
  repeated.source = 0;
  repeated.target = 3;
  for (int64_t pre = 0; pre < 6; ++pre)
    for (int64_t post = pre % 2; post < 4; post += 2)
      for (int copy = 0; copy < 3; ++copy)
        repeated.synapses.push_back(
            manycore::makeSynapse(pre, post, uniform(rng, -9, 9), pre % 3));
  repeated.maxDelay = 2;
  n.projections.push_back(repeated);
  n.updateOrder = {0, 1, 2, 3};
  n.outputs = {0, 1, 2, 3};
  return n;
}

manycore::Network designB() {
  SplitMix64 rng(5);
  manycore::Network n;
  n.name = "fpga_b";
  n.populations.push_back(inputPopulation("in", 8, 0));
  runtime::IntegerNeuronFormat f;
  f.stateBits = 12;
  f.fracBits = 3;
  f.rounding = runtime::Rounding::Floor;
  f.spiking = true;
  n.populations.push_back(neuronPopulation("lif", 12, f, 8, rng, 40, 120));
  // 4-bit weights: low thresholds, so that neurons spike often.
  for (auto &threshold : n.populations[1].params.threshold)
    threshold = uniform(rng, 4, 24);
  manycore::Projection band;
  band.source = 0;
  band.target = 1;
  for (int64_t pre = 0; pre < 8; ++pre)
    for (int64_t post = pre; post < pre + 5; ++post)
      if (pre != 3 || post != 5)
        band.synapses.push_back(
            manycore::makeSynapse(pre, post, uniform(rng, -7, 7), 0));
  n.projections.push_back(band);
  n.updateOrder = {0, 1};
  n.outputs = {1};
  return n;
}

std::vector<std::vector<uint8_t>> randomSpikes(const manycore::Network &n,
                                               int64_t steps, uint64_t seed) {
  SplitMix64 rng(seed);
  std::vector<std::vector<uint8_t>> inputs;
  for (const auto &p : n.populations)
    if (p.isInput) {
      std::vector<uint8_t> spikes(size_t(steps * p.size));
      for (auto &s : spikes)
        s = uniform(rng, 0, 99) < 35;
      inputs.push_back(spikes);
    }
  return inputs;
}

runtime::NpyArray asNpy(const std::vector<uint8_t> &spikes, int64_t steps,
                        int64_t size, runtime::NpyDType dtype) {
  auto array = runtime::NpyArray::zeros(dtype, {steps, size});
  for (size_t i = 0; i < spikes.size(); ++i)
    array.setDouble(i, spikes[i]);
  return array;
}

struct Design {
  std::string directory;
  fpga::DesignPlan plan;
};

Design plannedAndWritten(const manycore::Network &n,
                         const targets::TargetDescription &target,
                         int64_t perCore, const std::string &name) {
  Design d;
  d.directory = std::string(SNC_FPGA_TEST_DIR) + "/" + name;
  std::string error, summary;
  EXPECT_TRUE(
      fpga::planDesign(n, fpgaSlices(n, perCore), target, d.plan, error))
      << error;
  EXPECT_TRUE(fpga::writeDesign(n, d.plan, target, d.directory, summary, error))
      << error;
  return d;
}

// Every output, bit for bit; also the synaptic events: one per synapse of
// every spike (all populations with outgoing synapses are outputs here).
void expectMatches(const manycore::Network &n,
                   const std::vector<std::vector<uint8_t>> &spikes,
                   int64_t steps, const fpga::SimulateResult &result,
                   const std::string &what) {
  auto expected = manycore::evaluate(n, spikes, steps);
  ASSERT_EQ(result.outputs.size(), expected.size());
  std::vector<std::vector<int64_t>> history(n.populations.size());
  for (size_t o = 0; o < expected.size(); ++o) {
    const auto &population = n.populations[size_t(n.outputs[o])];
    const runtime::NpyArray &got = result.outputs[o];
    ASSERT_EQ(got.shape, (std::vector<int64_t>{steps, population.size}));
    int mismatches = 0;
    for (size_t i = 0; i < expected[o].size(); ++i)
      if (got.getInt(i) != expected[o][i] && ++mismatches <= 5)
        ADD_FAILURE() << what << ": output " << o << " step "
                      << int64_t(i) / population.size << " at "
                      << result.locations[o][i % size_t(population.size)]
                      << ": " << got.getInt(i) << ", expected "
                      << expected[o][i];
    history[size_t(n.outputs[o])] = expected[o];
  }
  int64_t events = 0;
  for (const auto &projection : n.projections) {
    const auto &spiked = history[size_t(projection.source)];
    ASSERT_FALSE(spiked.empty());
    int64_t size = n.populations[size_t(projection.source)].size;
    for (int64_t t = 0; t < steps; ++t)
      for (const auto &s : projection.synapses)
        events += spiked[size_t(t * size + s.pre)] != 0;
  }
  EXPECT_EQ(result.synapticEvents, events) << what;
  std::cout << "[ figures  ] " << what << ": " << result.cyclesTotal
            << " cycles for " << steps << " steps, at most "
            << result.cyclesMaxStep << " per step, " << result.synapticEvents
            << " synaptic events\n";
}

bool lintClean(const std::string &directory) {
  std::string command = "cd '" + directory +
                        "' && verilator --lint-only -Wall -I. top.v "
                        "> lint.log 2>&1";
  return std::system(command.c_str()) == 0;
}

TEST(FPGADesignSim, MultiCoreLevelsDelaysAndNeuronFeatures) {
  manycore::Network n = designA();
  Design d = plannedAndWritten(n, bundled("fpga-artix7-100t"), 4, "design_a");
  ASSERT_EQ(d.plan.cores.size(), 6u); // lif 3, alif 2, readout 1
  EXPECT_EQ(d.plan.levels, 3);
  EXPECT_EQ(d.plan.cores[0].ringSlots, 8);
  for (size_t c = 0; c < d.plan.cores.size(); ++c)
    EXPECT_EQ(d.plan.cores[c].denseRows, c == 3 || c == 4) << "core " << c;
  EXPECT_TRUE(lintClean(d.directory)) << d.directory << "/lint.log";

  const int64_t steps = 40;
  auto spikes = randomSpikes(n, steps, 11);
  std::vector<runtime::NpyArray> inputs = {
      asNpy(spikes[0], steps, 6, runtime::NpyDType::Bool)};
  fpga::SimulateOptions options;
  fpga::SimulateResult result;
  std::string error;
  ASSERT_TRUE(fpga::simulateDesign(d.directory, inputs, options, result, error))
      << error;
  expectMatches(n, spikes, steps, result, "design A");
  for (uint64_t seed : {1, 2}) {
    options.xInitial = "unique";
    options.xInitialSeed = seed;
    ASSERT_TRUE(
        fpga::simulateDesign(d.directory, inputs, options, result, error))
        << error;
    expectMatches(n, spikes, steps, result,
                  "design A, x-initial unique seed " + std::to_string(seed));
  }
}

TEST(FPGADesignSim, SingleIce40Core) {
  manycore::Network n = designB();
  Design d = plannedAndWritten(n, bundled("fpga-ice40-up5k"), 256, "design_b");
  ASSERT_EQ(d.plan.cores.size(), 1u);
  EXPECT_EQ(d.plan.cores[0].weightBits, 4u);
  EXPECT_TRUE(d.plan.cores[0].denseRows);
  EXPECT_EQ(d.plan.cores[0].synapseWords, 40);
  EXPECT_TRUE(lintClean(d.directory)) << d.directory << "/lint.log";
  const int64_t steps = 30;
  auto spikes = randomSpikes(n, steps, 3);
  std::vector<runtime::NpyArray> inputs = {
      asNpy(spikes[0], steps, 8, runtime::NpyDType::Float32)};
  fpga::SimulateResult result;
  std::string error;
  ASSERT_TRUE(fpga::simulateDesign(d.directory, inputs, fpga::SimulateOptions(),
                                   result, error))
      << error;
  ASSERT_EQ(result.outputs.size(), 1u);
  auto expected = manycore::evaluate(n, spikes, steps);
  int mismatches = 0;
  for (size_t i = 0; i < expected[0].size(); ++i)
    if (result.outputs[0].getInt(i) != expected[0][i] && ++mismatches <= 5)
      ADD_FAILURE() << "design B step " << int64_t(i) / 12 << " at "
                    << result.locations[0][i % 12];
  // Only the input's synapses: every input spike streams its row of 5
  // words (input 3's zero word for neuron 5 included).
  int64_t events = 0;
  for (int64_t t = 0; t < steps; ++t)
    for (int64_t pre = 0; pre < 8; ++pre)
      events += 5 * spikes[0][size_t(t * 8 + pre)];
  EXPECT_EQ(result.synapticEvents, events);
}

TEST(FPGADesignSim, MissingInputsAreReported) {
  manycore::Network n = designB();
  Design d = plannedAndWritten(n, bundled("fpga-ice40-up5k"), 256,
                               "design_b_no_inputs");
  fpga::SimulateResult result;
  std::string error;
  EXPECT_FALSE(fpga::simulateDesign(d.directory, {}, fpga::SimulateOptions(),
                                    result, error));
  EXPECT_EQ(error, d.directory + ": the design takes 1 inputs, 0 given");
}

} // namespace
