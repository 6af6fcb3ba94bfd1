//===- SFQCellTest.cpp - every SFQ cell model and violation kind ----------===//
//
// Each cell alone between sources and probes, with the sfq-rsfq library's
// PyLSE numbers: JTL 5.7 ps, splitter 4.3, merger 8.2 (separation 2.3), DFF
// 5.1 (setup 2.3, hold 0), AND2 9.2, OR2 8.0, XOR 6.5 (setup 3.7, hold 4.1),
// NOT 9.6, NDRO 5.1, neuron 10.0 (separation 8.2). Ticks are 100 ps apart.
//
//===----------------------------------------------------------------------===//

#include "SFQTestSupport.h"

using namespace snc::sfqtest;
using snc::runtime::ResetMode;
using Times = std::vector<int64_t>;
using Counts = std::vector<uint32_t>;

namespace {

ClockSpec clock(int64_t cycles) { return {"clk", 100000, cycles, 0}; }

void expectOneViolation(const SimulationResult &r, ViolationKind kind,
                        const std::string &pin, int64_t timeFs) {
  ASSERT_EQ(r.violations.size(), 1u);
  EXPECT_EQ(r.violations[0].kind, kind) << r.violations[0].describe();
  EXPECT_EQ(r.violations[0].cell, "dut");
  EXPECT_EQ(r.violations[0].pin, pin);
  EXPECT_EQ(r.violations[0].timeFs, timeFs);
  EXPECT_DOUBLE_EQ(r.violations[0].timePs(), double(timeFs) / 1000);
}

TEST(SFQCells, JTLDelaysByExactly5700fs) {
  Harness h(CellKind::JTL);
  SimulationResult r = h.run({{"a", {10000, 50000}}});
  EXPECT_EQ(r.probes["q"], (Times{15700, 55700}));
  EXPECT_TRUE(r.violations.empty());
  // Each pulse switches the source and the JTL and reaches the probe; the
  // three clock ticks (4 cycles) switch their source and probe.
  EXPECT_EQ(r.switching[h.dut], 2u);
  EXPECT_EQ(r.pulses, 2u * 3 + 3u * 2);
}

TEST(SFQCells, SplitterCopiesToBothOutputs) {
  Harness h(CellKind::Split);
  SimulationResult r = h.run({{"a", {10000}}});
  EXPECT_EQ(r.probes["q0"], (Times{14300}));
  EXPECT_EQ(r.probes["q1"], (Times{14300}));
  EXPECT_TRUE(r.violations.empty());
}

TEST(SFQCells, MergerPassesPulsesFromEitherInput) {
  Harness h(CellKind::Merge);
  // b exactly the separation (2.3 ps) after a: still fine.
  SimulationResult r = h.run({{"a", {10000}}, {"b", {30000, 32300}}});
  EXPECT_EQ(r.probes["q"], (Times{18200, 38200, 40500}));
  EXPECT_TRUE(r.violations.empty());
}

TEST(SFQCells, MergerHazardLosesTheSecondPulse) {
  Harness h(CellKind::Merge);
  SimulationResult r = h.run({{"a", {10000}}, {"b", {11000}}});
  EXPECT_EQ(r.probes["q"], (Times{18200}));
  expectOneViolation(r, ViolationKind::MergerHazard, "b", 11000);
  EXPECT_NE(r.violations[0].describe().find("1.000 ps after"),
            std::string::npos)
      << r.violations[0].describe();
}

TEST(SFQCells, SplitterBusyLosesAPulseWithinItsDelay) {
  Harness h(CellKind::Split);
  SimulationResult r = h.run({{"a", {10000, 13000}}});
  EXPECT_EQ(r.probes["q0"], (Times{14300}));
  expectOneViolation(r, ViolationKind::PulseWhileBusy, "a", 13000);
}

TEST(SFQCells, DFFStoresAndReleasesOnTheClock) {
  Harness h(CellKind::DFF);
  // d in cycle 0 and 2: released by ticks 1 and 3, 5.1 ps after each.
  SimulationResult r = h.run({{"d", {50000, 250000}}});
  EXPECT_EQ(r.probes["q"], (Times{105100, 305100}));
  EXPECT_EQ(pulsesPerCycle(r.probes["q"], clock(4)), (Counts{0, 1, 0, 1}));
  EXPECT_TRUE(r.violations.empty());
}

TEST(SFQCells, DFFSecondDataPulseBeforeTheClock) {
  Harness h(CellKind::DFF);
  SimulationResult r = h.run({{"d", {20000, 60000}}});
  EXPECT_EQ(r.probes["q"], (Times{105100}));
  expectOneViolation(r, ViolationKind::DoubleData, "d", 60000);
}

TEST(SFQCells, DFFSetupViolation) {
  Harness h(CellKind::DFF);
  // 1 ps before tick 1 (setup 2.3 ps): reported at the clock.
  SimulationResult r = h.run({{"d", {99000}}});
  expectOneViolation(r, ViolationKind::Setup, "d", 100000);
  // 2.3 ps before is enough.
  EXPECT_TRUE(h.run({{"d", {97700}}}).violations.empty());
}

TEST(SFQCells, HoldViolation) {
  Harness h(CellKind::Xor);
  // 2 ps after tick 1; the XOR's hold is 4.1 ps.
  SimulationResult r = h.run({{"a", {102000}}});
  expectOneViolation(r, ViolationKind::Hold, "a", 102000);
  EXPECT_TRUE(h.run({{"a", {104100}}}).violations.empty());
}

/// Inputs (a, b) = (0,0), (0,1), (1,0), (1,1) in cycles 0..3; outputs per
/// cycle after ticks 1..4.
Counts truthTable(CellKind kind, int64_t delayFs) {
  Harness h(kind);
  SimulationResult r =
      h.run({{"a", {250000, 350000}}, {"b", {150000, 350000}}}, 5);
  EXPECT_TRUE(r.violations.empty());
  for (int64_t t : r.probes["q"])
    EXPECT_EQ((t - delayFs) % 100000, 0) << "not a tick + delay: " << t;
  return pulsesPerCycle(r.probes["q"], clock(5));
}

TEST(SFQCells, ClockedGateTruthTables) {
  EXPECT_EQ(truthTable(CellKind::And2, 9200), (Counts{0, 0, 0, 0, 1}));
  EXPECT_EQ(truthTable(CellKind::Or2, 8000), (Counts{0, 0, 1, 1, 1}));
  EXPECT_EQ(truthTable(CellKind::Xor, 6500), (Counts{0, 0, 1, 1, 0}));
}

TEST(SFQCells, NotFiresOnTicksWithoutData) {
  Harness h(CellKind::Not);
  // a in cycles 1 and 3: ticks 1 and 3 fire (tick k+1 reads cycle k).
  SimulationResult r = h.run({{"a", {150000, 350000}}}, 5);
  EXPECT_EQ(r.probes["q"], (Times{109600, 309600}));
  EXPECT_TRUE(r.violations.empty());
}

TEST(SFQCells, NDROReadsWithoutClearing) {
  Harness h(CellKind::NDRO);
  // set in cycle 0, reset in cycle 2: ticks 1 and 2 read a one.
  SimulationResult r = h.run({{"set", {50000}}, {"reset", {250000}}}, 5);
  EXPECT_EQ(r.probes["q"], (Times{105100, 205100}));
}

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

/// Pulse times on a port: one pulse in the middle of each listed cycle.
Times inCycles(std::vector<int64_t> cycles) {
  Times t;
  for (int64_t c : cycles)
    t.push_back(c * 100000 + 50000);
  return t;
}

TEST(SFQCells, NeuronCountsAndResetsToValue) {
  // Weights +1, +1, -1, threshold 2, reset to 0. Per cycle:
  // c0: in0, in1 -> v = 2, not > 2; c1: in0 -> v = 3 fires (tick 2), v = 0;
  // c2: in2 -> v = -1; c3: in0, in1 -> v = 1; c4: in0, in1 -> v = 3 fires
  // (tick 5).
  Harness h(neuron({1, 1, -1}, 2, ResetMode::ToValue));
  SimulationResult r = h.run({{"in0", inCycles({0, 1, 3, 4})},
                              {"in1", inCycles({0, 3, 4})},
                              {"in2", inCycles({2})}},
                             6);
  EXPECT_EQ(r.probes["q"], (Times{210000, 510000})); // tick + 10 ps
  EXPECT_TRUE(r.violations.empty());
}

TEST(SFQCells, NeuronResetBySubtraction) {
  // Threshold 1, subtract: c0: 2 pulses -> v = 2 fires, v = 1; c1: none ->
  // v = 1, no; c2: 1 pulse -> v = 2 fires, v = 1; c3: 1 pulse -> 2 fires.
  Harness h(neuron({1, 1}, 1, ResetMode::Subtract));
  SimulationResult r =
      h.run({{"in0", inCycles({0, 2, 3})}, {"in1", inCycles({0})}}, 5);
  EXPECT_EQ(pulsesPerCycle(r.probes["q"], clock(5)), (Counts{0, 1, 0, 1, 1}));
}

TEST(SFQCells, NeuronSaturatesWithoutReset) {
  // 3 state bits: v in -4..3. Ten -1 pulses (cycles 0..9) stop at -4; then
  // +1 pulses in cycles 10..17 give v = -3, -2, -1, 0, 1, 2, 3, 3 (sat):
  // v > 2 first at cycle 16 (tick 17); without reset it fires again at tick
  // 18 and, with v = 3 kept, at 19 too. Without saturation v would reach
  // only -2 by cycle 17.
  Harness h(neuron({-1, 1}, 2, ResetMode::None, 3));
  Times minus = inCycles({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  Times plus = inCycles({10, 11, 12, 13, 14, 15, 16, 17});
  SimulationResult r = h.run({{"in0", minus}, {"in1", plus}}, 20);
  Counts expected(20, 0);
  expected[17] = expected[18] = expected[19] = 1;
  EXPECT_EQ(pulsesPerCycle(r.probes["q"], clock(20)), expected);
}

TEST(SFQCells, NeuronStartsFromInitialV) {
  // v starts at 2 (threshold 2): one pulse in cycle 0 makes 3 and fires at
  // tick 1; starting at 0 it would not.
  Harness h(neuron({1}, 2, ResetMode::ToValue, 8, 2));
  SimulationResult r = h.run({{"in0", inCycles({0})}});
  EXPECT_EQ(r.probes["q"], (Times{110000}));
  Harness cold(neuron({1}, 2, ResetMode::ToValue));
  EXPECT_TRUE(cold.run({{"in0", inCycles({0})}}).probes["q"].empty());
}

TEST(SFQCells, NeuronPortTooSoonAfterThePrevious) {
  // Two pulses 5 ps apart on in0 (separation 8.2 ps): the second is lost,
  // so v = 1 at tick 1 and threshold 1 is not crossed.
  Harness h(neuron({1}, 1, ResetMode::ToValue));
  SimulationResult r = h.run({{"in0", {50000, 55000}}});
  EXPECT_TRUE(r.probes["q"].empty());
  expectOneViolation(r, ViolationKind::PulseWhileBusy, "in0", 55000);
}

TEST(SFQCells, NeuronSetupViolation) {
  // The neuron's setup is 3 ps: a pulse 2 ps before tick 1.
  Harness h(neuron({1}, 0, ResetMode::ToValue));
  SimulationResult r = h.run({{"in0", {98000}}});
  expectOneViolation(r, ViolationKind::Setup, "in0", 100000);
}

TEST(SFQCells, PulsesPerCycleUsesTheClockPhase) {
  ClockSpec c{"clk", 1000, 3, 500};
  EXPECT_EQ(cycleOf(499, c), -1);
  EXPECT_EQ(cycleOf(500, c), 0);
  EXPECT_EQ(cycleOf(2499, c), 1);
  EXPECT_EQ(pulsesPerCycle({400, 600, 700, 2500, 3500}, c), (Counts{2, 0, 1}));
}

} // namespace
