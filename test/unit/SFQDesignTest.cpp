//===- SFQDesignTest.cpp - SFQ design directories, written and simulated --===//
//
// backends/sfq's MLIR-free half on the hand-built two-layer network of
// SFQTestSupport.h: the files it writes, the simulation of what it wrote
// (read back from netlist.v) against the hand derivation, the budget check
// that writes nothing, and timing violations failing the simulation.
//
//===----------------------------------------------------------------------===//

#include "SFQTestSupport.h"

#include "backends/sfq/Design.h"
#include "runtime/FileIO.h"

#include <filesystem>

using namespace snc::sfqtest;
using snc::runtime::NpyArray;
using snc::runtime::NpyDType;
using snc::sfqbackend::Design;
using snc::sfqbackend::SimulateResult;

namespace {

Design twoLayerDesign() {
  snc::targets::TargetRegistryOptions options;
  options.searchDirs = {SNC_TARGETS_DIR};
  snc::targets::TargetDescription t;
  std::string error;
  EXPECT_TRUE(snc::targets::loadTarget("sfq-rsfq", options, t, error)) << error;
  Design d;
  d.target = "sfq-rsfq";
  d.module = "two_layers";
  d.clockInput = "clk";
  d.periodFs = 100000;
  d.inputOffsetFs = 50000;
  d.inputs = {{"x", {2}, {"x0", "x1"}, {}}};
  d.outputs = {{"y", {1}, {"out"}, {2}}};
  d.capacity = t.capacity;
  d.budget = {"sfq-rsfq", 5822, 40, std::nullopt, 3020000000};
  d.netlist = twoLayerNetlist();
  return d;
}

std::string freshDirectory(const std::string &name) {
  std::string dir = testing::TempDir() + "/sfq-design-" + name;
  std::filesystem::remove_all(dir);
  return dir;
}

NpyArray inputs() {
  const int x0[] = {1, 0, 0, 1, 1, 0}, x1[] = {1, 1, 0, 0, 1, 1};
  NpyArray a = NpyArray::zeros(NpyDType::Float32, {6, 2});
  for (int s = 0; s < 6; ++s) {
    a.setDouble(size_t(2 * s), x0[s]);
    a.setDouble(size_t(2 * s + 1), x1[s]);
  }
  return a;
}

} // namespace

TEST(SFQDesign, WritesAndSimulatesTheNetlist) {
  std::string dir = freshDirectory("two-layers");
  snc::runtime::sfq::NetlistReport report;
  std::string error;
  ASSERT_TRUE(writeDesign(twoLayerDesign(), dir, report, error)) << error;
  for (const char *file : {"netlist.v", "circuit.cir", "report.txt",
                           "report.json", "manifest.json"})
    EXPECT_TRUE(std::filesystem::exists(dir + "/" + file)) << file;
  EXPECT_EQ(report.totalJunctions, 159);

  SimulateResult result;
  ASSERT_TRUE(simulateDesign(dir, {inputs()}, -1, result, error)) << error;
  ASSERT_EQ(result.outputs.size(), 1u);
  const NpyArray &y = result.outputs[0];
  EXPECT_EQ(y.shape, (std::vector<int64_t>{6, 1}));
  std::vector<int> spikes;
  for (size_t s = 0; s < 6; ++s)
    spikes.push_back(int(y.getDouble(s)));
  EXPECT_EQ(spikes, (std::vector<int>{0, 0, 1, 0, 0, 1}));
  EXPECT_EQ(result.locations[0][0], "cell 'n2'");
  EXPECT_EQ(result.stats.cycles, 6 + 2 + 1);
  EXPECT_GT(result.stats.events, 0u);
  EXPECT_NE(result.report.find("no timing violation"), std::string::npos);

  // Fewer steps than the inputs hold.
  ASSERT_TRUE(simulateDesign(dir, {inputs()}, 3, result, error)) << error;
  EXPECT_EQ(result.outputs[0].shape, (std::vector<int64_t>{3, 1}));
  EXPECT_FALSE(simulateDesign(dir, {inputs()}, 7, result, error));
  EXPECT_EQ(error, "asked for 7 steps, the inputs hold 6");
  EXPECT_FALSE(simulateDesign(dir, {}, -1, result, error));
  EXPECT_EQ(error, "the circuit takes 1 input(s), 0 given");
}

// Over the junction budget: an error saying by how much, and no file.
TEST(SFQDesign, OverBudgetWritesNothing) {
  Design d = twoLayerDesign();
  d.budget.junctions = 100;
  std::string dir = freshDirectory("over-budget");
  snc::runtime::sfq::NetlistReport report;
  std::string error;
  EXPECT_FALSE(writeDesign(d, dir, report, error));
  EXPECT_EQ(error, "the circuit does not fit sfq-rsfq: 159 Josephson "
                   "junctions are 59 (59.0%) over sfq-rsfq's budget of 100 "
                   "(it would need 2 dies of 100)");
  EXPECT_FALSE(std::filesystem::exists(dir));
}

// A 14 ps clock, inputs 7 ps into their cycle: x1's step-1 pulse at
// 14 + 7 = 21 ps passes one splitter (4.3 ps) and reaches n0 at 25.3 ps,
// 2.7 ps after n0's tick 1 at 14 + 8.6 = 22.6 ps: inside its 3 ps hold.
TEST(SFQDesign, TimingViolationFailsTheSimulation) {
  Design d = twoLayerDesign();
  d.periodFs = 14000;
  d.inputOffsetFs = 7000;
  std::string dir = freshDirectory("too-fast");
  snc::runtime::sfq::NetlistReport report;
  std::string error;
  ASSERT_TRUE(writeDesign(d, dir, report, error)) << error;
  SimulateResult result;
  EXPECT_FALSE(simulateDesign(dir, {inputs()}, -1, result, error));
  EXPECT_NE(error.find("timing violations; first: hold violation at cell "
                       "'n0' pin in1, 25.300 ps: data 2.700 ps after the "
                       "clock at 22.600 ps; hold is 3.000 ps"),
            std::string::npos)
      << error;
}

// A 12 ps clock is shorter than the critical path (n0 -> n2: 13 ps with
// setup): the compile refuses it, naming the path, and writes nothing.
TEST(SFQDesign, ClockFasterThanTheCriticalPath) {
  Design d = twoLayerDesign();
  d.periodFs = 12000;
  d.inputOffsetFs = 6000;
  std::string dir = freshDirectory("critical");
  snc::runtime::sfq::NetlistReport report;
  std::string error;
  EXPECT_FALSE(writeDesign(d, dir, report, error));
  EXPECT_EQ(error, "timing: the path from 'n0' to 'n2' pin in0 needs "
                   "13.000 ps (setup included), the clock period is "
                   "12.000 ps: the circuit runs at most at 76.92 GHz, the "
                   "target clocks it at 83.33 GHz");
  EXPECT_FALSE(std::filesystem::exists(dir));
}

// A 16 ps clock: n2's pulses reach the probe 8.6 + 10 = 18.6 ps after their
// tick, in the next cycle; they still count for the tick that fired them,
// so the spikes are those of the 100 ps clock.
TEST(SFQDesign, ClockToOutputLongerThanAPeriod) {
  Design d = twoLayerDesign();
  d.periodFs = 16000;
  d.inputOffsetFs = 8000;
  std::string dir = freshDirectory("slow-output");
  snc::runtime::sfq::NetlistReport report;
  std::string error;
  ASSERT_TRUE(writeDesign(d, dir, report, error)) << error;
  SimulateResult result;
  ASSERT_TRUE(simulateDesign(dir, {inputs()}, -1, result, error)) << error;
  std::vector<int> spikes;
  for (size_t s = 0; s < 6; ++s)
    spikes.push_back(int(result.outputs[0].getDouble(s)));
  EXPECT_EQ(spikes, (std::vector<int>{0, 0, 1, 0, 0, 1}));
}

TEST(SFQDesign, BadManifest) {
  std::string dir = freshDirectory("bad-manifest");
  snc::runtime::sfq::NetlistReport report;
  std::string error;
  ASSERT_TRUE(writeDesign(twoLayerDesign(), dir, report, error)) << error;
  ASSERT_TRUE(snc::runtime::writeFileAtomically(
      dir + "/manifest.json", "{\"format\": \"other\"}", error));
  SimulateResult result;
  EXPECT_FALSE(simulateDesign(dir, {inputs()}, -1, result, error));
  EXPECT_EQ(error, dir + "/manifest.json: not an SFQ netlist manifest "
                         "(format is not snc-sfq-netlist-1)");
}
