//===- SFQReportTest.cpp - the SFQ report, Verilog netlist and JoSIM deck -===//
//
// The report's junction counts, pins, depth, critical path, hold slack,
// maximum clock, budget messages and energy estimate on netlists derived by
// hand; the Verilog netlist read back into the same netlist (and simulated
// the same); the JoSIM deck's instance lines.
//
//===----------------------------------------------------------------------===//

#include "SFQTestSupport.h"

#include "runtime/sfq/JosimDeck.h"
#include "runtime/sfq/NetlistVerilog.h"
#include "runtime/sfq/Report.h"

using namespace snc::sfqtest;

namespace {

// A DFF launching through a JTL and a splitter into an AND2:
//   clk -> split (c0, c1: 4.3 ps each)
//   x -> d0.d, c0 -> d0.clk; d0.q -> j (JTL) -> s (SPLIT)
//   s.q0 -> g.a, s.q1 -> probe p; y -> g.b, c1 -> g.clk; g.q -> probe o
Netlist dffToAnd() {
  Netlist n;
  uint32_t clk = n.addCell(CellKind::DCSFQ, "clk");
  uint32_t x = n.addCell(CellKind::DCSFQ, "x");
  uint32_t y = n.addCell(CellKind::DCSFQ, "y");
  uint32_t d0 = n.addCell(CellKind::DFF, "d0");
  uint32_t j = n.addCell(CellKind::JTL, "j");
  uint32_t s = n.addCell(CellKind::Split, "s");
  uint32_t g = n.addCell(CellKind::And2, "g");
  uint32_t p = n.addCell(CellKind::SFQDC, "p");
  uint32_t o = n.addCell(CellKind::SFQDC, "o");
  std::vector<Pin> ticks = addSplitterTree(n, {clk, 0}, 2, "cs");
  n.connect({x, 0}, {d0, 0});
  n.connect(ticks[0], {d0, 1});
  n.connect({d0, 0}, {j, 0});
  n.connect({j, 0}, {s, 0});
  n.connect({s, 0}, {g, 0});
  n.connect({s, 1}, {p, 0});
  n.connect({y, 0}, {g, 1});
  n.connect(ticks[1], {g, 2});
  n.connect({g, 0}, {o, 0});
  return n;
}

NetlistReport analyze(const Netlist &n, DieBudget budget = {}) {
  NetlistReport report;
  std::string error;
  EXPECT_TRUE(analyzeNetlist(n, rsfqLibrary(), budget, report, error)) << error;
  return report;
}

} // namespace

// Junctions: neurons 40 + 2 per port: n0, n1 44 each, n2 46 (134 in 3);
// DFF 7; splitters 3 + 2 + 1 = 6 (18); converters 0: 159 in all.
// Pins: clk, x0, x1, out. Depth: n2 is the second clocked stage.
// Timing: the clock reaches every cell at 8.6 ps; n0 (and n1) launch at
// 8.6 + 10 = 18.6 ps straight into n2: 18.6 - 8.6 + setup 3 = 13 ps
// (76.92 GHz). The DFF launches at 8.6 + 5.1 = 13.7 ps: hold slack
// 13.7 - 8.6 - hold 3 = 2.1 ps, the smallest.
TEST(SFQReport, TwoLayerNetwork) {
  DieBudget budget{"sfq-rsfq", 5822, 40, std::nullopt, 3020000000};
  NetlistReport r = analyze(twoLayerNetlist(), budget);
  EXPECT_EQ(r.totalJunctions, 159);
  EXPECT_EQ(r.junctions[unsigned(CellKind::Neuron)], 134);
  EXPECT_EQ(r.cells[unsigned(CellKind::Neuron)], 3);
  EXPECT_EQ(r.junctions[unsigned(CellKind::Split)], 18);
  EXPECT_EQ(r.cells[unsigned(CellKind::Split)], 6);
  EXPECT_EQ(r.junctions[unsigned(CellKind::DFF)], 7);
  EXPECT_EQ(r.pins, 4);
  EXPECT_EQ(r.neurons, 3);
  EXPECT_EQ(r.synapses, 7);
  EXPECT_EQ(r.clockedDepth, 2);
  EXPECT_EQ(r.asyncDepth, 0);
  ASSERT_TRUE(r.critical.has_value());
  EXPECT_EQ(r.critical->requiredFs, 13000);
  EXPECT_EQ(r.critical->from, "n0");
  EXPECT_EQ(r.critical->to, "n2");
  EXPECT_EQ(r.critical->toPin, "in0");
  EXPECT_EQ(r.holdSlackFs, 2100);
  EXPECT_NEAR(r.maxClockHz, 1e15 / 13000, 1);
  EXPECT_EQ(r.dies, 1);
  EXPECT_TRUE(budgetProblems(r).empty());

  std::string text = reportText(r);
  EXPECT_NE(text.find("junctions   159 of 5,822 (2.7%)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("NEURON    134 in 3 cells"), std::string::npos) << text;
  EXPECT_NE(text.find("critical    13.000 ps from 'n0' to 'n2' pin in0"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("max clock   76.92 GHz (target clock 3.02 GHz)"),
            std::string::npos)
      << text;
}

// d0 launches at 4.3 + 5.1 = 9.4 ps; the JTL (5.7) and the splitter (4.3)
// bring it to g at 19.4 ps; g's clock is at 4.3 ps, its setup 2.8 ps:
// 19.4 - 4.3 + 2.8 = 17.9 ps through 2 cells (55.87 GHz); hold slack
// 19.4 - 4.3 - 3.0 = 12.1 ps. The inputs x and y are not timed (the
// simulator chooses their phase). Junctions: splitters 2 x 3, DFF 7, JTL 2,
// AND2 15 = 30.
TEST(SFQReport, PathThroughAsynchronousCells) {
  NetlistReport r = analyze(dffToAnd());
  EXPECT_EQ(r.totalJunctions, 30);
  ASSERT_TRUE(r.critical.has_value());
  EXPECT_EQ(r.critical->requiredFs, 17900);
  EXPECT_EQ(r.critical->cells, 2u);
  EXPECT_EQ(r.critical->from, "d0");
  EXPECT_EQ(r.critical->to, "g");
  EXPECT_EQ(r.critical->toPin, "a");
  EXPECT_EQ(r.holdSlackFs, 12100);
  EXPECT_EQ(r.asyncDepth, 2);
  EXPECT_EQ(r.clockedDepth, 1); // y -> g -> o, the shortest path to o
  EXPECT_EQ(r.pins, 5);
}

// 30 junctions against 20: 10 over (50.0%), 2 dies; 5 pins against 3.
TEST(SFQReport, BudgetProblems) {
  NetlistReport r = analyze(dffToAnd(), {"tiny", 20, 3, std::nullopt, 0});
  std::vector<std::string> problems = budgetProblems(r);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], "30 Josephson junctions are 10 (50.0%) over tiny's "
                         "budget of 20 (it would need 2 dies of 20)");
  EXPECT_EQ(problems[1], "5 pins are 2 over tiny's 3 (one per input, output "
                         "and the clock)");
}

// Without a budget, jj_per_die counts dies: 159 / 100 -> 2.
TEST(SFQReport, DiesWithoutABudget) {
  NetlistReport r = analyze(twoLayerNetlist(),
                            {"unbounded", std::nullopt, std::nullopt, 100, 0});
  EXPECT_EQ(r.dies, 2);
  EXPECT_TRUE(budgetProblems(r).empty());
  EXPECT_NE(reportText(r).find("159 (no budget): 2 dies of 100"),
            std::string::npos)
      << reportText(r);
}

// 1,000 switching events x 1e-19 J = 1e-16 J, stated as an estimate.
TEST(SFQReport, EnergyEstimate) {
  NetlistReport r = analyze(twoLayerNetlist());
  SwitchingStats stats;
  stats.steps = 6;
  stats.cycles = 8;
  stats.events = 1000;
  EXPECT_DOUBLE_EQ(stats.energyJoules(), 1e-16);
  std::string text = reportText(r, &stats);
  EXPECT_NE(text.find("~1e-16 J per inference (estimate: 1e-19 J per "
                      "switching event)"),
            std::string::npos)
      << text;
  std::string json = reportJSON(r, &stats);
  EXPECT_NE(json.find("\"energy_joules_estimate\": 1e-16"), std::string::npos)
      << json;
  EXPECT_NE(json.find("\"junctions\": 159"), std::string::npos) << json;
  EXPECT_NE(json.find("\"NEURON\": {\"cells\": 3, \"junctions\": 134}"),
            std::string::npos)
      << json;
}

// clk -> cs; cs.q1 -> m (merger) -> j -> s -> back into m: a loop with no
// clocked cell; s.q1 feeds a DFF, whose timing needs the loop's.
TEST(SFQReport, AsynchronousLoopIsAnError) {
  NetlistReport report;
  std::string error;
  Netlist m;
  uint32_t c = m.addCell(CellKind::DCSFQ, "clk");
  uint32_t j = m.addCell(CellKind::JTL, "j");
  uint32_t merge = m.addCell(CellKind::Merge, "m");
  uint32_t split = m.addCell(CellKind::Split, "s");
  uint32_t dff = m.addCell(CellKind::DFF, "d");
  uint32_t cs = m.addCell(CellKind::Split, "cs");
  m.connect({c, 0}, {cs, 0});
  m.connect({cs, 0}, {dff, 1});
  m.connect({cs, 1}, {merge, 1});
  m.connect({merge, 0}, {j, 0});
  m.connect({j, 0}, {split, 0});
  m.connect({split, 0}, {merge, 0});
  m.connect({split, 1}, {dff, 0});
  EXPECT_FALSE(analyzeNetlist(m, rsfqLibrary(), {}, report, error));
  EXPECT_NE(error.find("asynchronous loop through cell"), std::string::npos)
      << error;
}

// The Verilog netlist reads back into the same cells, parameters and
// connections, and simulates to the same pulses.
TEST(SFQVerilog, RoundTrip) {
  Netlist n = twoLayerNetlist();
  std::string text = writeVerilog(n, "two_layers", "generated by a test");
  EXPECT_NE(text.find("// generated by a test\nmodule two_layers (pad_clk, "
                      "pad_x0, pad_x1, pad_out);"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  NEURON #(.WEIGHTS(\"1 1 -1\"), .THRESHOLD(1), "
                      ".STATE_BITS(8), .RESET(\"subtract\"), .V_RESET(0), "
                      ".V_INIT(0)) n2 (.in0(n0__q), .in1(n1__q), "
                      ".in2(balance_x0__q), .clk(clk_split2__q1), "
                      ".q(n2__q));"),
            std::string::npos)
      << text;
  Netlist back;
  std::string error;
  ASSERT_TRUE(readVerilog(text, "two_layers.v", back, error)) << error;
  EXPECT_TRUE(back.validate().empty());
  ASSERT_EQ(back.numCells(), n.numCells());
  for (uint32_t c = 0; c < n.numCells(); ++c) {
    EXPECT_EQ(back.cell(c).name, n.cell(c).name);
    EXPECT_EQ(back.cell(c).kind, n.cell(c).kind);
    EXPECT_EQ(back.cell(c).neuron.weights, n.cell(c).neuron.weights);
    EXPECT_EQ(back.cell(c).neuron.reset, n.cell(c).neuron.reset);
    EXPECT_EQ(back.cell(c).neuron.threshold, n.cell(c).neuron.threshold);
  }
  EXPECT_EQ(back.outputSinks(), n.outputSinks());
  EXPECT_EQ(writeVerilog(back, "two_layers", "generated by a test"), text);
}

TEST(SFQVerilog, EscapedNames) {
  Netlist n;
  uint32_t a = n.addCell(CellKind::DCSFQ, "fc1.x[0]");
  uint32_t p = n.addCell(CellKind::SFQDC, "out 0");
  n.connect({a, 0}, {p, 0});
  std::string text = writeVerilog(n, "m", "");
  EXPECT_NE(text.find("DCSFQ \\fc1.x[0]  (.pad(\\pad_fc1.x[0] ), "
                      ".q(\\fc1.x[0]__q ));"),
            std::string::npos)
      << text;
  Netlist back;
  std::string error;
  // "out 0" has a space, which an escaped identifier cannot hold: it reads
  // back as another name, so the writer's users give names without spaces.
  Netlist plain;
  uint32_t b = plain.addCell(CellKind::DCSFQ, "fc1.x[0]");
  uint32_t q = plain.addCell(CellKind::SFQDC, "o.0");
  plain.connect({b, 0}, {q, 0});
  ASSERT_TRUE(readVerilog(writeVerilog(plain, "m", ""), "m.v", back, error))
      << error;
  EXPECT_EQ(back.cell(0).name, "fc1.x[0]");
  EXPECT_EQ(back.cell(1).name, "o.0");
  EXPECT_TRUE(back.validate().empty());
}

TEST(SFQVerilog, ReadErrorsNameTheLine) {
  auto fails = [](const std::string &text) {
    Netlist n;
    std::string error;
    EXPECT_FALSE(readVerilog(text, "bad.v", n, error));
    return error;
  };
  EXPECT_EQ(fails("module m ();\n  FOO f (.a(x));\nendmodule\n"),
            "bad.v:2: unknown cell type 'FOO' of 'f'");
  EXPECT_EQ(fails("module m ();\n  JTL j (.a(x), .z(y));\nendmodule\n"),
            "bad.v:2: cell 'j' (JTL) has no pin 'z'");
  EXPECT_EQ(fails("module m ();\n\n  JTL j (.a(x), .q(y));\nendmodule\n"),
            "bad.v:3: net 'x' has no driver");
  EXPECT_EQ(fails("module m ();\n  JTL j (.a(x) .q(y));\nendmodule\n"),
            "bad.v:2: expected ',' or ')', found '.'");
  EXPECT_EQ(fails("module m ();\n  JTL j (.a(x));\n"),
            "bad.v:3: missing 'endmodule'");
  EXPECT_EQ(fails("module m ();\n  NEURON #(.THRESHOLD(1)) n (.clk(c));\n"
                  "endmodule\n"),
            "bad.v:2: NEURON 'n' needs the number parameter STATE_BITS");
  EXPECT_EQ(fails("module m ();\n  DCSFQ a (.q(x));\n  DCSFQ b (.q(x));\n"
                  "  JTL j (.a(x), .q(y));\nendmodule\n"),
            "bad.v:3: net 'x' has 2 drivers (fan-in needs mergers)");
}

// One instance per cell, JSIM order (label, subcircuit, nodes), nodes named
// after the driving output pin.
TEST(SFQJosim, InstanceLines) {
  std::string deck =
      writeJosimDeck(twoLayerNetlist(), "deck of a test", 100000, 8);
  EXPECT_EQ(deck.rfind("* deck of a test\n", 0), 0u) << deck;
  EXPECT_NE(deck.find("* n2: weights 1 1 -1, threshold 1, 8-bit state\n"
                      "Xn2 NEURON_K3 n0_q n1_q balance_x0_q clk_split2_q1 "
                      "n2_q\n"),
            std::string::npos)
      << deck;
  EXPECT_NE(deck.find("Xclk DCSFQ pad_clk clk_q\n"), std::string::npos) << deck;
  EXPECT_NE(deck.find("Xout SFQDC n2_q pad_out\n"), std::string::npos) << deck;
  EXPECT_NE(deck.find("Xbalance_x0 DFF x0_split0_q1 clk_split2_q0 "
                      "balance_x0_q\n"),
            std::string::npos)
      << deck;
  EXPECT_NE(deck.find(".tran 0.25p 800.000p 0 0.25p\n.end\n"),
            std::string::npos)
      << deck;
}
