//===- FPGASynthTest.cpp - the synthesis report on captured tool output ---===//
//
// backends/fpga/Synth.h's parsers on yosys 0.23 `stat` text and a nextpnr
// log captured from its own runs (test/Inputs/fpga), on hand-written stat
// text, and the report's JSON and table. No tools needed.
//
//===----------------------------------------------------------------------===//

#include "backends/fpga/Synth.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace snc;
using fpga::SynthFamily;

namespace {

std::string readInput(const std::string &name) {
  std::ifstream in(std::string(SNC_TEST_INPUTS_DIR) + "/" + name);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fpga::SynthReport parse(const std::string &text, const std::string &top,
                        SynthFamily family) {
  fpga::SynthReport report;
  report.top = top;
  report.family = family;
  std::string error;
  EXPECT_TRUE(fpga::parseYosysStat(text, report, error)) << error;
  return report;
}

TEST(FPGASynthStat, NeuronUpdateOnXC7) {
  // synth_xilinx -family xc7 of rtl/neuron_update.v at the Artix-7 widths.
  // saturate: LUT4 2 + LUT6 25 = 27 LUTs; fixed_mul: LUT2 3 + LUT5 1 +
  // LUT6 2 = 6 LUTs and 2 DSP48E1; neuron_update itself: LUT2 32 + LUT3 33
  // + LUT4 4 + LUT5 18 + LUT6 82 = 169 LUTs and 78 FDRE. With 2 saturate
  // and 4 fixed_mul: 169 + 2 * 27 + 4 * 6 = 247 LUTs, 8 DSPs.
  fpga::SynthReport report =
      parse(readInput("yosys-stat-neuron_update-xc7.txt"), "neuron_update",
            SynthFamily::Xilinx7);
  EXPECT_EQ(report.total.luts, 247);
  EXPECT_EQ(report.total.flipFlops, 78);
  EXPECT_EQ(report.total.dspBlocks, 8);
  EXPECT_EQ(report.total.bramBlocks, 0);
  ASSERT_EQ(report.modules.size(), 2u);
  EXPECT_EQ(report.modules[0].name, "saturate");
  EXPECT_EQ(report.modules[0].instances, 2);
  EXPECT_EQ(report.modules[0].each.luts, 27);
  EXPECT_EQ(report.modules[1].name, "fixed_mul");
  EXPECT_EQ(report.modules[1].instances, 4);
  EXPECT_EQ(report.modules[1].each.luts, 6);
  EXPECT_EQ(report.modules[1].each.dspBlocks, 2);
  // The design's cells as yosys's "design hierarchy" section counts them.
  EXPECT_EQ(report.cells["DSP48E1"], 8);
  EXPECT_EQ(report.cells["LUT2"], 32 + 4 * 3);
  EXPECT_EQ(report.cells["IBUF"], 282);
}

TEST(FPGASynthStat, ThreeLevelsOnICE40) {
  // synth_ice40 of test/Inputs/fpga/neuron_update_pnr.v: top -> one
  // neuron_update -> 3 saturate (15 SB_LUT4) and 5 fixed_mul (1 SB_MAC16).
  // neuron_update: 155 + 3 * 15 = 200 LUTs, SB_DFF 41 + SB_DFFSR 1 = 42 FFs,
  // 5 DSPs; the top adds 16 LUTs and 145 SB_DFF: 216 LUTs, 187 FFs.
  fpga::SynthReport report =
      parse(readInput("yosys-stat-neuron_update_pnr-ice40.txt"),
            "neuron_update_pnr", SynthFamily::ICE40);
  EXPECT_EQ(report.total.luts, 216);
  EXPECT_EQ(report.total.flipFlops, 187);
  EXPECT_EQ(report.total.dspBlocks, 5);
  ASSERT_EQ(report.modules.size(), 1u);
  EXPECT_EQ(report.modules[0].name, "neuron_update");
  EXPECT_EQ(report.modules[0].each.luts, 200);
  EXPECT_EQ(report.modules[0].each.flipFlops, 42);
  EXPECT_EQ(report.cells["SB_MAC16"], 5);
  EXPECT_EQ(report.cells["SB_LUT4"], 216);
}

/// A stat section of `name` with `cells` ("TYPE COUNT" lines).
std::string section(const std::string &name, const std::string &cells) {
  return "=== " + name +
         " ===\n\n   Number of wires:  3\n"
         "   Number of cells:  9\n" +
         cells + "\n";
}

TEST(FPGASynthStat, MemoriesAndMultipleInstances) {
  // Two cores of one RAMB18E1 (half a RAMB36), a RAMB36E1, a RAM64M (4
  // LUTs), 3 LUT6 and an FDCE_1 each; the top adds a RAMB18E1 and an FDRE.
  // Total: 2 * (1.5 BRAM, 7 LUT, 1 FF) + (0.5 BRAM, 1 FF).
  std::string text =
      section("$paramod$ab\\core", "     RAMB18E1 1\n     RAMB36E1 1\n"
                                   "     RAM64M 1\n     LUT6 3\n"
                                   "     FDCE_1 1\n     CARRY4 5\n") +
      section("top", "     $paramod$ab\\core 2\n     RAMB18E1 1\n"
                     "     FDRE 1\n     IBUF 4\n") +
      "=== design hierarchy ===\n\n   top 1\n     $paramod$ab\\core 2\n";
  fpga::SynthReport report = parse(text, "top", SynthFamily::Xilinx7);
  EXPECT_EQ(report.total.bramBlocks, 3.5);
  EXPECT_EQ(report.total.luts, 14);
  EXPECT_EQ(report.total.flipFlops, 3);
  ASSERT_EQ(report.modules.size(), 1u);
  EXPECT_EQ(report.modules[0].module, "$paramod$ab\\core");
  EXPECT_EQ(report.modules[0].name, "core");
  EXPECT_EQ(report.modules[0].instances, 2);
  EXPECT_EQ(report.modules[0].each.bramBlocks, 1.5);
  EXPECT_EQ(report.cells["RAMB18E1"], 3);
  EXPECT_EQ(report.cells["CARRY4"], 10);
}

TEST(FPGASynthStat, ICE40Memories) {
  std::string text =
      section("top", "     SB_RAM40_4K 3\n     SB_RAM40_4KNR 1\n"
                     "     SB_SPRAM256KA 2\n     SB_DFFE 4\n     SB_DFFESR 2\n"
                     "     SB_LUT4 10\n     SB_CARRY 7\n     SB_IO 5\n");
  fpga::SynthReport report = parse(text, "top", SynthFamily::ICE40);
  EXPECT_EQ(report.total.bramBlocks, 4);
  EXPECT_EQ(report.total.spramBlocks, 2);
  EXPECT_EQ(report.total.flipFlops, 6);
  EXPECT_EQ(report.total.luts, 10);
  EXPECT_TRUE(report.modules.empty());
}

TEST(FPGASynthStat, Errors) {
  fpga::SynthReport report;
  report.top = "top";
  std::string error;
  EXPECT_FALSE(
      fpga::parseYosysStat(section("other", "     LUT6 1\n"), report, error));
  EXPECT_EQ(error, "yosys stat has no module 'top' (modules: other)");
  EXPECT_FALSE(
      fpga::parseYosysStat(section("top", "     LUT6 x1\n"), report, error));
  EXPECT_EQ(error, "yosys stat, line 5: expected a cell type and its count in "
                   "module 'top', got 'LUT6 x1'");
  EXPECT_FALSE(fpga::parseYosysStat(section("top", "     a 1\n") +
                                        section("a", "     top 1\n"),
                                    report, error));
  EXPECT_EQ(error, "yosys stat: module 'top' contains itself");
  EXPECT_FALSE(fpga::parseYosysStat(section("top", "") + section("top", ""),
                                    report, error));
  EXPECT_EQ(error, "yosys stat, line 6: module 'top' listed twice");
}

TEST(FPGASynthNextpnr, LastFrequencyOfEachClock) {
  // The log gives 18.17 MHz after placement and 17.26 MHz after routing.
  fpga::PlaceAndRoute result;
  std::string error;
  ASSERT_TRUE(fpga::parseNextpnrLog(
      readInput("nextpnr-ice40-neuron_update_pnr.log"), result, true, error))
      << error;
  ASSERT_EQ(result.clocksMHz.size(), 1u);
  EXPECT_EQ(result.clocksMHz.begin()->first, "clk$SB_IO_IN_$glb_clk");
  EXPECT_DOUBLE_EQ(result.fmaxMHz, 17.26);

  // Two clocks: Fmax is the slower.
  ASSERT_TRUE(fpga::parseNextpnrLog(
      "Info: Max frequency for clock 'a': 50.00 MHz (PASS at 12.00 MHz)\n"
      "Info: Max frequency for clock 'b': 31.5 MHz (PASS at 12.00 MHz)\n",
      result, true, error));
  EXPECT_EQ(result.clocksMHz.size(), 2u);
  EXPECT_DOUBLE_EQ(result.fmaxMHz, 31.5);

  EXPECT_FALSE(fpga::parseNextpnrLog("Info: nothing\n", result, true, error));
  EXPECT_EQ(error, "nextpnr log has no 'Max frequency for clock' line");
  EXPECT_TRUE(fpga::parseNextpnrLog("Info: nothing\n", result, false, error));
  EXPECT_EQ(result.fmaxMHz, 0);
  EXPECT_FALSE(fpga::parseNextpnrLog(
      "Info: Max frequency for clock 'a': fast MHz\n", result, true, error));
  EXPECT_EQ(error, "nextpnr log: cannot read the frequency in 'Info: Max "
                   "frequency for clock 'a': fast MHz'");
}

TEST(FPGASynthReport, JSONAndText) {
  fpga::SynthReport report =
      parse(readInput("yosys-stat-neuron_update-xc7.txt"), "neuron_update",
            SynthFamily::Xilinx7);
  report.target = "fpga-artix7-100t";
  report.command = "synth_xilinx -family xc7 -top neuron_update";
  report.capacity.luts = 63400;
  report.capacity.flipFlops = 126800;
  report.capacity.bramBlocks = 135;
  report.capacity.dspBlocks = 240;
  nlohmann::json j = nlohmann::json::parse(report.toJSON());
  EXPECT_EQ(j["total"]["luts"], 247);
  EXPECT_EQ(j["capacity"]["dsp_blocks"], 240);
  // 247 / 63400 = 0.39% -> 0.4; 8 / 240 = 3.33% -> 3.3.
  EXPECT_EQ(j["utilisation_percent"]["luts"], 0.4);
  EXPECT_EQ(j["utilisation_percent"]["dsp_blocks"], 3.3);
  EXPECT_FALSE(j.contains("place_and_route"));
  EXPECT_FALSE(j["total"].contains("spram_blocks")); // no SPRAM on xc7
  EXPECT_EQ(j["fits"], true);
  EXPECT_EQ(j["modules"][1]["name"], "fixed_mul");
  EXPECT_EQ(j["modules"][1]["each"]["dsp_blocks"], 2);
  std::string text = report.toText();
  EXPECT_NE(text.find("  DSP                   8        240     3.3%\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  fixed_mul x4, each: 6 LUT, 0 FF, 0 BRAM, 2 DSP\n"),
            std::string::npos)
      << text;

  // Over the part: reported, not hidden.
  report.capacity.dspBlocks = 4;
  EXPECT_FALSE(report.fits());
  EXPECT_EQ(report.overflow(), "DSP 8 > 4");
  EXPECT_NE(report.toText().find("  the design does not fit the part: DSP 8 "
                                 "> 4\n"),
            std::string::npos);

  report.placed = true;
  report.placeAndRoute = {"nextpnr-ice40", "up5k",           "sg48",   12,
                          17.26,           {{"clk", 17.26}}, "top.bin"};
  j = nlohmann::json::parse(report.toJSON());
  EXPECT_EQ(j["place_and_route"]["fmax_mhz"], 17.26);
  EXPECT_NE(report.toText().find("Fmax 17.3 MHz (target 12 MHz); bitstream "
                                 "top.bin"),
            std::string::npos);
}

TEST(FPGASynthWrapper, TwoPinsAroundTheTop) {
  // yosys JSON ports of a top with clk, 3 + 1 input bits and 2 + 1 output
  // bits: a 4-bit shift register drives the inputs in port order, the 3
  // output bits are XORed into `out`.
  std::string netlist = R"({"modules": {"core": {"ports": {
      "clk": {"direction": "input", "bits": [2]},
      "a": {"direction": "input", "bits": [3, 4, 5]},
      "b": {"direction": "input", "bits": [6]},
      "y": {"direction": "output", "bits": [7, 8]},
      "z": {"direction": "output", "bits": [9]}}}}})";
  std::string verilog, reason;
  size_t bits = 0;
  ASSERT_TRUE(
      fpga::writePlaceAndRouteWrapper(netlist, "core", verilog, bits, reason))
      << reason;
  EXPECT_EQ(bits, 8u);
  EXPECT_NE(verilog.find("module snc_pnr_top (\n    input  wire clk,\n"
                         "    output reg  out\n);\n"
                         "  reg [3:0] s = 4'd1;\n"
                         "  always @(posedge clk) s <= {s[2:0], s[3] ^ s[0]};\n"
                         "  wire [2:0] o;\n"
                         "  core design (\n      .clk(clk),\n"
                         "      .a(s[2:0]),\n      .b(s[3:3]),\n"
                         "      .y(o[1:0]),\n      .z(o[2:2])\n  );\n"
                         "  always @(posedge clk) out <= ^o;\nendmodule\n"),
            std::string::npos)
      << verilog;

  auto refused = [&](const std::string &ports) {
    std::string text = R"({"modules": {"core": {"ports": {)" + ports + "}}}}";
    EXPECT_FALSE(
        fpga::writePlaceAndRouteWrapper(text, "core", verilog, bits, reason));
    return reason;
  };
  EXPECT_EQ(refused(R"("a": {"direction": "input", "bits": [2]},
                       "y": {"direction": "output", "bits": [3]})"),
            "'core' has no 1-bit input 'clk' to time");
  EXPECT_EQ(bits, 2u);
  EXPECT_EQ(refused(R"("clk": {"direction": "input", "bits": [2]},
                       "y": {"direction": "inout", "bits": [3]})"),
            "port 'y' of 'core' is inout, which the wrapper cannot drive");
  EXPECT_EQ(refused(R"("clk": {"direction": "input", "bits": [2]})"),
            "'core' has no outputs: nothing would be left to time");
  EXPECT_FALSE(
      fpga::writePlaceAndRouteWrapper("{", "core", verilog, bits, reason));
  EXPECT_EQ(reason, "the netlist is not yosys JSON");
  EXPECT_FALSE(fpga::writePlaceAndRouteWrapper(R"({"modules": {}})", "core",
                                               verilog, bits, reason));
  EXPECT_EQ(reason, "the netlist has no module 'core' with ports");
}

TEST(FPGASynthNetlist, InstanceNames) {
  // Two kinds of core under the top: the entries take the instance names
  // and are ordered by them.
  fpga::SynthReport report;
  report.top = "top";
  report.modules = {{"$paramod$b\\core", "core", 1, {}, {}},
                    {"$paramod$a\\core", "core", 2, {}, {}}};
  std::string netlist = R"({"modules": {"top": {"cells": {
      "u_core2": {"type": "$paramod$a\\core"},
      "u_core0": {"type": "$paramod$b\\core"},
      "u_core1": {"type": "$paramod$a\\core"},
      "lut": {"type": "LUT6"}}}}})";
  std::string error;
  ASSERT_TRUE(fpga::addInstanceNames(netlist, report, error)) << error;
  EXPECT_EQ(report.modules[0].instanceNames,
            std::vector<std::string>{"u_core0"});
  EXPECT_EQ(report.modules[1].instanceNames,
            (std::vector<std::string>{"u_core1", "u_core2"}));
  EXPECT_NE(report.toText().find(
                "  u_core0 (core): 0 LUT, 0 FF, 0 BRAM, 0 DSP\n"
                "  u_core1, u_core2 (core x2), each: 0 LUT, 0 FF, 0 BRAM, "
                "0 DSP\n"),
            std::string::npos)
      << report.toText();

  report.modules[0].instances = 3; // stat and netlist disagree
  EXPECT_FALSE(fpga::addInstanceNames(netlist, report, error));
  EXPECT_EQ(error, "the netlist has 1 instance(s) of '$paramod$b\\core' in "
                   "'top', yosys stat 3");
  report.top = "other";
  EXPECT_FALSE(fpga::addInstanceNames(netlist, report, error));
  EXPECT_EQ(error, "the netlist has no module 'other' with cells");
}

TEST(FPGASynthFamily, FromLutInputs) {
  auto familyOf = [](const std::string &name, SynthFamily &family,
                     std::string &error) {
    targets::TargetDescription target;
    EXPECT_TRUE(targets::loadTarget(name, targets::getDefaultRegistryOptions(),
                                    target, error))
        << error;
    return fpga::getSynthFamily(target, family, error);
  };
  SynthFamily family;
  std::string error;
  ASSERT_TRUE(familyOf("fpga-artix7-100t", family, error)) << error;
  EXPECT_EQ(family, SynthFamily::Xilinx7);
  ASSERT_TRUE(familyOf("fpga-ice40-up5k", family, error)) << error;
  EXPECT_EQ(family, SynthFamily::ICE40);
  EXPECT_FALSE(familyOf("spinnaker2", family, error));
  EXPECT_EQ(error, "target 'spinnaker2' is not an FPGA target (family "
                   "manycore): there is nothing to synthesise for it");
}

} // namespace
