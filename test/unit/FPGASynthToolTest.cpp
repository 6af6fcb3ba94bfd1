//===- FPGASynthToolTest.cpp - the synthesis flow with the real tools -----===//
//
// Runs backends/fpga/Synth.h's flow with yosys 0.23 (and nextpnr-ice40 and
// icepack) on rtl/neuron_update.v for both bundled FPGA parts, and on broken
// inputs for the diagnostics. CMake registers it only when yosys is found.
//
//===----------------------------------------------------------------------===//

#include "backends/fpga/Synth.h"
#include "runtime/FileIO.h"
#include "targets/TargetDescription.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace snc;

namespace {

targets::TargetDescription loadTarget(const std::string &name) {
  targets::TargetDescription target;
  std::string error;
  EXPECT_TRUE(targets::loadTarget(name, targets::getDefaultRegistryOptions(),
                                  target, error))
      << error;
  return target;
}

/// A fresh directory, removed by the destructor.
struct ScratchDir {
  std::string path;
  ScratchDir() {
    llvm::SmallString<128> dir;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("snc-synth", dir));
    path = std::string(dir);
  }
  ~ScratchDir() { llvm::sys::fs::remove_directories(path); }
  std::string file(const std::string &name) const { return path + "/" + name; }
  bool has(const std::string &name) const {
    return llvm::sys::fs::exists(file(name));
  }
  /// Names in the directory, to find temporaries left behind.
  std::vector<std::string> list() const {
    std::vector<std::string> names;
    std::error_code ec;
    for (llvm::sys::fs::directory_iterator it(path, ec), end; it != end && !ec;
         it.increment(ec))
      names.push_back(llvm::sys::path::filename(it->path()).str());
    return names;
  }
  void noTemporaries() const {
    for (const std::string &name : list())
      EXPECT_EQ(name.find(".tmp."), std::string::npos) << name;
  }
};

std::string readText(const std::string &path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The cell counts yosys itself gives for the whole design (the "design
/// hierarchy" section of its stat), to check the report's own totals.
std::map<std::string, int64_t> yosysDesignCells(const std::string &stat) {
  std::map<std::string, int64_t> cells;
  std::istringstream in(stat);
  std::string line;
  bool hierarchy = false, inCells = false;
  while (std::getline(in, line)) {
    if (line.find("=== design hierarchy ===") != std::string::npos)
      hierarchy = true;
    else if (hierarchy && line.find("Number of cells:") != std::string::npos)
      inCells = true;
    else if (inCells && line.empty())
      break;
    else if (inCells) {
      std::istringstream fields(line);
      std::string type;
      int64_t count = 0;
      fields >> type >> count;
      cells[type] = count;
    }
  }
  return cells;
}

const std::string root = SNC_SOURCE_DIR;

/// neuron_update and the primitives it instantiates (rtl/ holds one module
/// per file and includes nothing).
std::vector<std::string> neuronUpdateFiles() {
  return {root + "/rtl/fixed_mul.v", root + "/rtl/saturate.v",
          root + "/rtl/neuron_update.v"};
}

fpga::SynthOptions
neuronOptions(std::vector<std::pair<std::string, int64_t>> parameters) {
  fpga::SynthOptions options;
  options.includeDirs = {root};
  options.parameters = std::move(parameters);
  options.timeoutSeconds = 300;
  return options;
}

TEST(FPGASynthTool, NeuronUpdateOnArtix7) {
  // The Artix-7 target's widths (24-bit state, 17-bit threshold), Loihi's
  // decay (12 fraction bits, toward zero), synaptic current: four products
  // (R(syn_decay, i), R(syn_gain, x), R(decay, v), R(gain, drive)) of 20 x
  // 24 bits. A DSP48E1 multiplies 25 x 18, so each takes 2: 8 DSPs.
  ScratchDir dir;
  fpga::SynthReport report;
  std::string error;
  ASSERT_TRUE(fpga::synthesizeDesign(dir.path, "neuron_update",
                                     neuronUpdateFiles(),
                                     loadTarget("fpga-artix7-100t"),
                                     neuronOptions({{"STATE_BITS", 24},
                                                    {"INPUT_BITS", 24},
                                                    {"MULT_BITS", 20},
                                                    {"FRAC_BITS", 12},
                                                    {"PARAM_BITS", 17},
                                                    {"ROUNDING", 2},
                                                    {"HAS_SYNAPSE", 1}}),
                                     report, error))
      << error;
  EXPECT_EQ(report.family, fpga::SynthFamily::Xilinx7);
  EXPECT_EQ(report.command, "synth_xilinx -family xc7 -top neuron_update");
  EXPECT_NE(report.toolVersion.find("Yosys 0.23"), std::string::npos);
  EXPECT_EQ(report.total.dspBlocks, 8);
  EXPECT_GT(report.total.luts, 50);
  EXPECT_LT(report.total.luts, 2000);
  // Outputs are registered: v, i (24 bits each), spike, out_valid at least.
  EXPECT_GE(report.total.flipFlops, 50);
  EXPECT_EQ(report.total.bramBlocks, 0);
  EXPECT_TRUE(report.fits());
  EXPECT_EQ(report.capacity.luts, 63400);
  // The four products are fixed_mul instances of 2 DSPs each.
  bool sawMul = false;
  for (const fpga::ModuleResources &m : report.modules)
    if (m.name == "fixed_mul") {
      sawMul = true;
      EXPECT_EQ(m.instances * m.each.dspBlocks, 8);
      EXPECT_EQ(m.instanceNames.size(), 4u);
    }
  EXPECT_TRUE(sawMul);
  // The totals agree with yosys's own count of the whole design.
  std::string stat = readText(dir.file("synth-stat.txt"));
  std::map<std::string, int64_t> design = yosysDesignCells(stat);
  ASSERT_FALSE(design.empty()) << stat;
  EXPECT_EQ(report.cells, design);
  EXPECT_TRUE(dir.has("synth.ys"));
  EXPECT_TRUE(dir.has("yosys.log"));
  EXPECT_TRUE(dir.has("top.json"));
  EXPECT_FALSE(report.placed); // no place and route for the Artix-7
  dir.noTemporaries();
}

TEST(FPGASynthTool, NeuronUpdateOnICE40) {
  // The iCE40 widths of rtl/README.md: 12-bit state, 8-bit multipliers,
  // synapse and adaptation: five products (the four above and
  // R(adapt_decay, a)), one SB_MAC16 (16 x 16) each.
  ScratchDir dir;
  fpga::SynthOptions options = neuronOptions({{"STATE_BITS", 12},
                                              {"INPUT_BITS", 12},
                                              {"MULT_BITS", 8},
                                              {"FRAC_BITS", 4},
                                              {"PARAM_BITS", 12},
                                              {"HAS_SYNAPSE", 1},
                                              {"ADAPTIVE", 1}});
  fpga::SynthReport report;
  std::string error;
  ASSERT_TRUE(fpga::synthesizeDesign(
      dir.path, "neuron_update", neuronUpdateFiles(),
      loadTarget("fpga-ice40-up5k"), options, report, error))
      << error;
  EXPECT_EQ(report.family, fpga::SynthFamily::ICE40);
  EXPECT_EQ(report.command,
            "synth_ice40 -noflatten -top neuron_update -dsp -spram");
  EXPECT_EQ(report.total.dspBlocks, 5);
  EXPECT_GT(report.total.luts, 50);
  EXPECT_LT(report.total.luts, 1000);
  EXPECT_GE(report.total.flipFlops, 12 * 3 + 2);
  EXPECT_EQ(report.capacity.spramBlocks, 4);
  EXPECT_TRUE(report.fits());
  EXPECT_EQ(report.cells,
            yosysDesignCells(readText(dir.file("synth-stat.txt"))));
  // About 300 port bits, more than the SG48 package's pins: placed and
  // routed inside the two-pin wrapper, so timed between registers.
  if (llvm::sys::findProgramByName("nextpnr-ice40") &&
      llvm::sys::findProgramByName("icepack")) {
    ASSERT_TRUE(report.placed) << report.placeAndRouteSkipped;
    EXPECT_TRUE(report.placeAndRoute.wrapped);
    EXPECT_GT(report.placeAndRoute.fmaxMHz, 5);
    EXPECT_LT(report.placeAndRoute.fmaxMHz, 300);
    EXPECT_NE(readText(dir.file("pnr_wrapper.v"))
                  .find("module snc_pnr_top (\n    input  wire clk,\n"),
              std::string::npos);
    EXPECT_TRUE(dir.has("pnr.json"));
    EXPECT_TRUE(dir.has("top.bin"));
  }
  dir.noTemporaries();
}

TEST(FPGASynthTool, PlaceAndRouteOnUP5K) {
  if (!llvm::sys::findProgramByName("nextpnr-ice40") ||
      !llvm::sys::findProgramByName("icepack"))
    GTEST_SKIP() << "nextpnr-ice40 or icepack not on PATH";
  ScratchDir dir;
  fpga::SynthOptions options = neuronOptions({});
  // Far above what an iCE40 reaches: nextpnr reports the Fmax it got
  // instead of failing.
  options.clockMHz = 100;
  fpga::SynthReport report;
  std::string error;
  ASSERT_TRUE(fpga::synthesizeDesign(
      dir.path, "neuron_update_pnr",
      {root + "/test/Inputs/fpga/neuron_update_pnr.v"},
      loadTarget("fpga-ice40-up5k"), options, report, error))
      << error;
  ASSERT_TRUE(report.placed) << report.placeAndRouteSkipped;
  EXPECT_FALSE(report.placeAndRoute.wrapped); // 2 pins: placed as it is
  EXPECT_FALSE(dir.has("pnr_wrapper.v"));
  EXPECT_EQ(report.placeAndRoute.device, "up5k");
  EXPECT_EQ(report.placeAndRoute.targetMHz, 100);
  // One clock, whatever nextpnr names it; a combinational neuron step on
  // an iCE40 runs at a few tens of MHz.
  ASSERT_EQ(report.placeAndRoute.clocksMHz.size(), 1u);
  EXPECT_GT(report.placeAndRoute.fmaxMHz, 5);
  EXPECT_LT(report.placeAndRoute.fmaxMHz, 300);
  // The wrapper holds the unit (5 MACs) under the top.
  ASSERT_EQ(report.modules.size(), 1u);
  EXPECT_EQ(report.modules[0].name, "neuron_update");
  EXPECT_EQ(report.modules[0].instanceNames,
            std::vector<std::string>{"unit"}); // its name in the wrapper
  EXPECT_EQ(report.modules[0].each.dspBlocks, 5);
  // An UP5K bitstream is 104090 bytes (icepack's fixed size for the part).
  uint64_t size = 0;
  ASSERT_FALSE(llvm::sys::fs::file_size(dir.file("top.bin"), size));
  EXPECT_EQ(size, 104090u);
  EXPECT_TRUE(dir.has("top.asc"));
  EXPECT_NE(report.toText().find("MHz (target 100 MHz, not met); bitstream "
                                 "top.bin\n"),
            std::string::npos)
      << report.toText();
  dir.noTemporaries();
}

TEST(FPGASynthTool, OverThePartSkipsPlaceAndRoute) {
  // Nine 16 x 16 products, one SB_MAC16 each: one more than the UP5K's 8.
  // The report says so; nextpnr is not run.
  ScratchDir dir;
  fpga::SynthReport report;
  std::string error;
  ASSERT_TRUE(fpga::synthesizeDesign(
      dir.path, "nine_macs", {root + "/test/Inputs/fpga/nine_macs.v"},
      loadTarget("fpga-ice40-up5k"), fpga::SynthOptions(), report, error))
      << error;
  EXPECT_EQ(report.total.dspBlocks, 9);
  EXPECT_FALSE(report.fits());
  EXPECT_EQ(report.overflow(), "DSP 9 > 8");
  EXPECT_FALSE(report.placed);
  EXPECT_EQ(report.placeAndRouteSkipped,
            "the design does not fit the part: DSP 9 > 8");
  EXPECT_FALSE(dir.has("nextpnr.log"));
  EXPECT_FALSE(dir.has("top.bin"));
  EXPECT_NE(report.toText().find("the design does not fit the part: DSP 9 > "
                                 "8\nplace and route skipped: the design "
                                 "does not fit the part: DSP 9 > 8\n"),
            std::string::npos)
      << report.toText();
}

TEST(FPGASynthTool, UnwrappableTopIsNotPlaced) {
  // 61 port bits and no clk: more than the package's pins, and the wrapper
  // has no clock to drive the design with. The report says why.
  ScratchDir dir;
  std::string source = dir.file("wide.v"), error;
  ASSERT_TRUE(runtime::writeFileAtomically(
      source,
      "module wide(input wire [59:0] a, output wire y);\n"
      "  assign y = ^a;\nendmodule\n",
      error));
  fpga::SynthReport report;
  ASSERT_TRUE(fpga::synthesizeDesign(dir.path, "wide", {source},
                                     loadTarget("fpga-ice40-up5k"),
                                     fpga::SynthOptions(), report, error))
      << error;
  EXPECT_FALSE(report.placed);
  EXPECT_EQ(report.placeAndRouteSkipped,
            "'wide' has 61 port bits, more than the package's pins, and "
            "cannot be wrapped: 'wide' has no 1-bit input 'clk' to time");
  EXPECT_FALSE(dir.has("nextpnr.log"));
}

TEST(FPGASynthTool, NextpnrFailureQuotesItsLog) {
  // A "nextpnr-ice40" that fails as nextpnr does: its error line is quoted,
  // nothing half-written stays.
  ScratchDir dir;
  std::string fake = dir.file("failing-nextpnr"), error;
  ASSERT_TRUE(runtime::writeFileAtomically(
      fake,
      "#!/bin/sh\necho 'Info: Placed 0 cells based on constraints.'\n"
      "echo \"ERROR: Unable to place cell 'x', no BELs remaining\" >&2\n"
      "exit 255\n",
      error));
  llvm::sys::fs::setPermissions(fake, llvm::sys::fs::all_all);
  fpga::SynthOptions options = neuronOptions({});
  options.nextpnr = fake;
  fpga::SynthReport report;
  EXPECT_FALSE(fpga::synthesizeDesign(
      dir.path, "neuron_update_pnr",
      {root + "/test/Inputs/fpga/neuron_update_pnr.v"},
      loadTarget("fpga-ice40-up5k"), options, report, error));
  EXPECT_NE(error.find(fake + " failed (exit status 255)"), std::string::npos)
      << error;
  EXPECT_NE(error.find("its log is " + dir.file("nextpnr.log") +
                       "\n  ERROR: Unable to place cell 'x', no BELs "
                       "remaining"),
            std::string::npos)
      << error;
  EXPECT_FALSE(dir.has("top.asc"));
  EXPECT_FALSE(dir.has("top.bin"));
  dir.noTemporaries();
}

TEST(FPGASynthTool, YosysFailureQuotesItsLog) {
  ScratchDir dir;
  std::string source = dir.file("broken.v"), error;
  ASSERT_TRUE(runtime::writeFileAtomically(
      source,
      "module broken(input wire a, output wire y);\n  assign y = ;\n"
      "endmodule\n",
      error));
  fpga::SynthReport report;
  EXPECT_FALSE(fpga::synthesizeDesign(dir.path, "broken", {source},
                                      loadTarget("fpga-artix7-100t"),
                                      fpga::SynthOptions(), report, error));
  EXPECT_NE(error.find("yosys failed (exit status 1)"), std::string::npos)
      << error;
  EXPECT_NE(error.find(dir.file("yosys.log")), std::string::npos) << error;
  EXPECT_NE(error.find("ERROR"), std::string::npos) << error;
  EXPECT_NE(error.find("broken.v:2"), std::string::npos) << error;
  EXPECT_FALSE(dir.has("top.json"));
  EXPECT_FALSE(dir.has("synth-stat.txt"));
  dir.noTemporaries();
}

TEST(FPGASynthTool, MissingToolIsNamed) {
  ScratchDir dir;
  fpga::SynthOptions options;
  options.yosys = "snc-test-no-such-yosys";
  fpga::SynthReport report;
  std::string error;
  EXPECT_FALSE(fpga::synthesizeDesign(dir.path, "top", {dir.file("top.v")},
                                      loadTarget("fpga-artix7-100t"), options,
                                      report, error));
  EXPECT_EQ(error.find("snc-test-no-such-yosys not found on PATH (needed to "
                       "synthesise for fpga-artix7-100t;"),
            0u)
      << error;
  EXPECT_FALSE(dir.has("top.json"));
}

TEST(FPGASynthTool, SlowToolIsStopped) {
  // A "yosys" that never finishes: stopped after the time limit.
  ScratchDir dir;
  std::string fake = dir.file("slow-yosys"), error;
  ASSERT_TRUE(
      runtime::writeFileAtomically(fake, "#!/bin/sh\nexec sleep 60\n", error));
  llvm::sys::fs::setPermissions(fake, llvm::sys::fs::all_all);
  fpga::SynthOptions options;
  options.yosys = fake;
  options.timeoutSeconds = 1;
  fpga::SynthReport report;
  EXPECT_FALSE(fpga::synthesizeDesign(dir.path, "top", {dir.file("top.v")},
                                      loadTarget("fpga-artix7-100t"), options,
                                      report, error));
  EXPECT_NE(error.find("did not finish within 1 s and was stopped"),
            std::string::npos)
      << error;
  dir.noTemporaries();
}

} // namespace
