//===- SFQNetlistTest.cpp - SFQ netlist validation and the cell library ---===//

#include "SFQTestSupport.h"

using namespace snc::sfqtest;

namespace {

bool mentions(const std::vector<std::string> &errors, const std::string &text) {
  for (const std::string &e : errors)
    if (e.find(text) != std::string::npos)
      return true;
  return false;
}

std::string joined(const std::vector<std::string> &errors) {
  std::string all;
  for (const std::string &e : errors)
    all += e + "\n";
  return all;
}

TEST(SFQNetlist, AValidChainHasNoErrors) {
  Netlist n;
  uint32_t in = n.addCell(CellKind::DCSFQ, "in");
  uint32_t jtl = n.addCell("JTL", "j0");
  uint32_t out = n.addCell(CellKind::SFQDC, "out");
  n.connect({in, 0}, {jtl, 0});
  n.connect({jtl, 0}, {out, 0});
  EXPECT_TRUE(n.validate().empty()) << joined(n.validate());
  EXPECT_EQ(n.driverOf({out, 0})->cell, jtl);
  EXPECT_EQ(n.sinkOf({in, 0})->cell, jtl);
}

TEST(SFQNetlist, FanOutAboveOneNeedsSplitters) {
  Netlist n;
  uint32_t in = n.addCell(CellKind::DCSFQ, "in");
  uint32_t a = n.addCell(CellKind::SFQDC, "a");
  uint32_t b = n.addCell(CellKind::SFQDC, "b");
  n.connect({in, 0}, {a, 0});
  n.connect({in, 0}, {b, 0});
  std::vector<std::string> errors = n.validate();
  ASSERT_EQ(errors.size(), 1u) << joined(errors);
  EXPECT_EQ(errors[0], "cell 'in' (DCSFQ): output q drives 2 inputs; it must "
                       "drive exactly one (fan-out needs splitters)");
}

TEST(SFQNetlist, DanglingOutputIsAnError) {
  Netlist n;
  n.addCell(CellKind::DCSFQ, "in");
  EXPECT_TRUE(mentions(n.validate(), "cell 'in' (DCSFQ): output q drives 0"));
}

TEST(SFQNetlist, AnInputDrivenTwiceNeedsAMerger) {
  Netlist n;
  uint32_t x = n.addCell(CellKind::DCSFQ, "x");
  uint32_t y = n.addCell(CellKind::DCSFQ, "y");
  uint32_t out = n.addCell(CellKind::SFQDC, "out");
  n.connect({x, 0}, {out, 0});
  n.connect({y, 0}, {out, 0});
  EXPECT_TRUE(mentions(n.validate(),
                       "cell 'out' (SFQDC): input a is driven 2 times; it may "
                       "be driven at most once (fan-in needs mergers)"));
}

TEST(SFQNetlist, ClockedCellsNeedTheirClock) {
  Netlist n;
  uint32_t d = n.addCell(CellKind::DCSFQ, "d");
  NeuronParams p;
  p.weights = {1};
  uint32_t neuron = n.addNeuron("n0", p);
  uint32_t out = n.addCell(CellKind::SFQDC, "out");
  n.connect({d, 0}, {neuron, 0});
  n.connect({neuron, 0}, {out, 0});
  std::vector<std::string> errors = n.validate();
  ASSERT_EQ(errors.size(), 1u) << joined(errors);
  EXPECT_EQ(errors[0], "cell 'n0' (NEURON): clock pin clk is not connected");
}

TEST(SFQNetlist, UnknownTypesAndBadNeurons) {
  Netlist n;
  n.addCell("TFF", "t0");
  NeuronParams p;
  p.stateBits = 1;
  uint32_t neuron = n.addNeuron("n0", p);
  uint32_t clk = n.addCell(CellKind::DCSFQ, "clk");
  uint32_t out = n.addCell(CellKind::SFQDC, "out");
  n.connect({clk, 0}, {neuron, 0});
  n.connect({neuron, 0}, {out, 0});
  std::vector<std::string> errors = n.validate();
  EXPECT_TRUE(mentions(errors, "cell 't0' (TFF): unknown cell type 'TFF'"))
      << joined(errors);
  EXPECT_TRUE(mentions(errors, "'n0' (NEURON): a neuron needs at least one"));
  EXPECT_TRUE(mentions(errors, "state_bits 1 is outside 2..62"));
}

TEST(SFQNetlist, DuplicateNamesAndMissingPins) {
  Netlist n;
  uint32_t a = n.addCell(CellKind::DCSFQ, "x");
  uint32_t b = n.addCell(CellKind::SFQDC, "x");
  n.connect({a, 0}, {b, 0});
  n.connect({a, 1}, {b, 0}); // a DCSFQ has one output
  std::vector<std::string> errors = n.validate();
  EXPECT_TRUE(mentions(errors, "connection from a missing pin 1 of cell 'x'"))
      << joined(errors);
  EXPECT_TRUE(mentions(errors, "cell 'x' (SFQDC): instance name used twice"));
}

TEST(SFQNetlist, SimulateRefusesInvalidNetlistsAndInputs) {
  Harness h(CellKind::JTL);
  SimulationInput input;
  input.clock = {"clk", 100000, 2, 0};
  SimulationResult result;
  std::string error;
  input.pulses = {{"nope", {1000}}};
  EXPECT_FALSE(simulate(h.netlist, h.library, input, result, error));
  EXPECT_EQ(error, "'nope' is not a DCSFQ input cell of the netlist");
  input.pulses = {{"a", {250000}}};
  EXPECT_FALSE(simulate(h.netlist, h.library, input, result, error));
  EXPECT_EQ(error, "input pulse on 'a' at 250.000 ps is outside the clocked "
                   "window [0.000 ps, 200.000 ps)");
  input.pulses = {{"clk", {1000}}};
  EXPECT_FALSE(simulate(h.netlist, h.library, input, result, error));
  EXPECT_EQ(error, "'clk' carries the clock; it takes no input pulses");
  Netlist broken;
  broken.addCell(CellKind::DCSFQ, "clk");
  input.pulses.clear();
  EXPECT_FALSE(simulate(broken, h.library, input, result, error));
  EXPECT_EQ(error, "invalid netlist: cell 'clk' (DCSFQ): output q drives 0 "
                   "inputs; it must drive exactly one (fan-out needs "
                   "splitters)");
}

TEST(SFQNetlist, ALoopIsBoundedByTheWindowAndTheEventGuard) {
  // x -> merger -> splitter -> (JTL back into the merger, probe): one pulse
  // circulates every 8.2 + 4.3 + 5.7 = 18.2 ps.
  Netlist n;
  uint32_t clk = n.addCell(CellKind::DCSFQ, "clk");
  uint32_t clkProbe = n.addCell(CellKind::SFQDC, "clk_probe");
  uint32_t x = n.addCell(CellKind::DCSFQ, "x");
  uint32_t merge = n.addCell(CellKind::Merge, "m");
  uint32_t split = n.addCell(CellKind::Split, "s");
  uint32_t jtl = n.addCell(CellKind::JTL, "j");
  uint32_t out = n.addCell(CellKind::SFQDC, "out");
  n.connect({clk, 0}, {clkProbe, 0});
  n.connect({x, 0}, {merge, 0});
  n.connect({merge, 0}, {split, 0});
  n.connect({split, 0}, {jtl, 0});
  n.connect({jtl, 0}, {merge, 1});
  n.connect({split, 1}, {out, 0});
  Harness h(CellKind::JTL);
  SimulationInput input;
  input.clock = {"clk", 100000, 2, 0}; // the window ends at 200 ps
  input.pulses["x"] = {0};
  SimulationResult result;
  std::string error;
  ASSERT_TRUE(simulate(n, h.library, input, result, error)) << error;
  // Probe pulses at 8.2 + 4.3 + 18.2 k ps while below 200 ps: k = 0..10.
  ASSERT_EQ(result.probes["out"].size(), 11u);
  EXPECT_EQ(result.probes["out"][10], 12500 + 10 * 18200);
  EXPECT_TRUE(result.violations.empty());
  input.maxEvents = 20;
  EXPECT_FALSE(simulate(n, h.library, input, result, error));
  EXPECT_EQ(error, "the simulation exceeded 20 pulses (a loop in the "
                   "netlist?)");
}

TEST(SFQNetlist, SplitterTreesAreBalanced) {
  Netlist n;
  uint32_t in = n.addCell(CellKind::DCSFQ, "in");
  std::vector<Pin> leaves = addSplitterTree(n, {in, 0}, 4, "s");
  ASSERT_EQ(leaves.size(), 4u);
  EXPECT_EQ(n.numCells(), 1u + 3u);
  for (unsigned i = 0; i < 4; ++i) {
    uint32_t probe = n.addCell(CellKind::SFQDC, "p" + std::to_string(i));
    n.connect(leaves[i], {probe, 0});
  }
  EXPECT_TRUE(n.validate().empty()) << joined(n.validate());
  // Every leaf is two splitters (2 x 4.3 ps) from the source.
  Harness h(CellKind::JTL);
  SimulationInput input;
  input.clock = {"in", 100000, 2, 0}; // one tick, at 100 ps
  SimulationResult result;
  std::string error;
  ASSERT_TRUE(simulate(n, h.library, input, result, error)) << error;
  for (unsigned i = 0; i < 4; ++i)
    EXPECT_EQ(result.probes["p" + std::to_string(i)],
              (std::vector<int64_t>{108600}));
}

TEST(SFQCellLibrary, ReadsTheTargetsNumbers) {
  CellLibrary library = rsfqLibrary();
  EXPECT_EQ(library.timing(CellKind::JTL).delayFs, 5700);
  EXPECT_EQ(library.timing(CellKind::DFF).setupFs, 2300);
  EXPECT_EQ(library.timing(CellKind::Xor).holdFs, 4100);
  EXPECT_EQ(library.timing(CellKind::Merge).junctions, 7);
  EXPECT_EQ(library.mergerMinSeparationFs, 2300);
  EXPECT_EQ(library.neuronMinSeparationFs, 8200);
  // A 3-port neuron: 40 + 3 x 2 junctions; with a DCSFQ, three sources and
  // a probe (boundary cells, 0 junctions) around it.
  NeuronParams p;
  p.weights = {1, -1, 1};
  Harness h(p);
  EXPECT_EQ(library.junctions(h.netlist, h.dut), 46);
  EXPECT_EQ(library.junctions(h.netlist), 46);
  // With a balanced 4-leaf splitter tree: 3 splitters of 3 junctions.
  addSplitterTree(h.netlist, {h.netlist.addCell(CellKind::DCSFQ, "y"), 0}, 4,
                  "s");
  std::array<int64_t, kNumCellKinds> byKind =
      library.junctionsByKind(h.netlist);
  EXPECT_EQ(byKind[unsigned(CellKind::Neuron)], 46);
  EXPECT_EQ(byKind[unsigned(CellKind::Split)], 9);
  EXPECT_EQ(byKind[unsigned(CellKind::DCSFQ)], 0);
}

TEST(SFQCellLibrary, MissingFieldsAreNamed) {
  std::map<std::string, int64_t> capacity = {{"jtl_delay_fs", 5700}};
  CellLibrary library;
  std::string error;
  EXPECT_FALSE(loadCellLibrary(capacity, library, error));
  EXPECT_EQ(error.find("the SFQ target's capacity lacks jj_per_jtl, "
                       "splitter_delay_fs, "),
            0u)
      << error;
}

} // namespace
