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

} // namespace snc::sfqtest

#endif // SNC_TEST_UNIT_SFQTESTSUPPORT_H
