//===- SFQTestSupport.h - shared helpers of the SFQ tests -------*- C++ -*-===//
//
// The bundled sfq-rsfq cell library and a harness that wires one cell under
// test to a DCSFQ source per input pin and an SFQDC probe per output pin.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TEST_UNIT_SFQTESTSUPPORT_H
#define SNC_TEST_UNIT_SFQTESTSUPPORT_H

#include "runtime/sfq/PulseSimulator.h"
#include "targets/TargetDescription.h"

#include "gtest/gtest.h"

namespace snc::sfqtest {

using namespace snc::runtime::sfq;
using snc::runtime::ResetMode;

/// The cell library of targets/sfq-rsfq.json.
inline CellLibrary rsfqLibrary() {
  targets::TargetRegistryOptions options;
  options.searchDirs = {SNC_TARGETS_DIR};
  targets::TargetDescription t;
  std::string error;
  EXPECT_TRUE(targets::loadTarget("sfq-rsfq", options, t, error)) << error;
  CellLibrary library;
  EXPECT_TRUE(loadCellLibrary(t.capacity, library, error)) << error;
  return library;
}

/// One cell `dut` with a source named after each input pin ("a", "clk",
/// "in0") and a probe named after each output pin ("q", "q0"). Unclocked
/// cells still get a clock source, wired to the probe "clk_probe".
struct Harness {
  Netlist netlist;
  uint32_t dut = 0;
  CellLibrary library = rsfqLibrary();

  explicit Harness(CellKind kind) { wire(netlist.addCell(kind, "dut")); }
  explicit Harness(NeuronParams params) {
    wire(netlist.addNeuron("dut", std::move(params)));
  }

  void wire(uint32_t cell) {
    dut = cell;
    for (unsigned p = 0; p < netlist.numInputs(dut); ++p) {
      uint32_t src =
          netlist.addCell(CellKind::DCSFQ, netlist.inputName(dut, p));
      netlist.connect({src, 0}, {dut, p});
    }
    for (unsigned p = 0; p < netlist.numOutputs(dut); ++p) {
      uint32_t probe =
          netlist.addCell(CellKind::SFQDC, netlist.outputName(dut, p));
      netlist.connect({dut, p}, {probe, 0});
    }
    if (!isClocked(netlist.cell(dut).kind)) {
      uint32_t clk = netlist.addCell(CellKind::DCSFQ, "clk");
      uint32_t probe = netlist.addCell(CellKind::SFQDC, "clk_probe");
      netlist.connect({clk, 0}, {probe, 0});
    }
  }

  /// Runs `cycles` cycles of 100 ps (tick k at k * 100 ps, 1 <= k).
  SimulationResult run(std::map<std::string, std::vector<int64_t>> pulses,
                       int64_t cycles = 4) {
    SimulationInput input;
    input.clock = {"clk", 100000, cycles, 0};
    input.pulses = std::move(pulses);
    SimulationResult result;
    std::string error;
    EXPECT_TRUE(simulate(netlist, library, input, result, error)) << error;
    return result;
  }
};

inline NeuronParams neuronParams(std::vector<int64_t> weights,
                                 int64_t threshold, ResetMode reset) {
  NeuronParams p;
  p.weights = std::move(weights);
  p.threshold = threshold;
  p.reset = reset;
  return p;
}

/// SFQNetworkTest's two-layer network (TwoLayersWithPathBalancing): inputs
/// x0, x1 -> neurons n0, n1 -> n2 with a DFF balancing the skip path
/// x0 -> n2, probe "out", a 4-leaf clock tree from "clk" (every leaf two
/// splitters deep, 8.6 ps). On x0 = 1 0 0 1 1 0, x1 = 1 1 0 0 1 1 (step s
/// in cycle s), n2 fires for steps 2 and 5, in cycles 4 and 7.
inline Netlist twoLayerNetlist() {
  Netlist n;
  uint32_t clk = n.addCell(CellKind::DCSFQ, "clk");
  uint32_t x0 = n.addCell(CellKind::DCSFQ, "x0");
  uint32_t x1 = n.addCell(CellKind::DCSFQ, "x1");
  uint32_t n0 = n.addNeuron("n0", neuronParams({1, 1}, 1, ResetMode::ToValue));
  uint32_t n1 = n.addNeuron("n1", neuronParams({-1, 1}, 0, ResetMode::None));
  uint32_t dff = n.addCell(CellKind::DFF, "balance_x0");
  uint32_t n2 =
      n.addNeuron("n2", neuronParams({1, 1, -1}, 1, ResetMode::Subtract));
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
  return n;
}

} // namespace snc::sfqtest

#endif // SNC_TEST_UNIT_SFQTESTSUPPORT_H
