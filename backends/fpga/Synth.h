//===- Synth.h - yosys / nextpnr resource and timing reports ----*- C++ -*-===//
//
// The MLIR-free synthesis flow of the FPGA backend (library SNCFPGASynth):
// runs yosys 0.23 on Verilog in a directory and reports the resources the
// design takes against the target's part; for an iCE40 UltraPlus UP5K it
// also places and routes with nextpnr-ice40 (Fmax) and packs a bitstream
// with icepack (top.bin); a top with more ports than the package has pins
// is placed inside a two-pin wrapper (SynthWrapper.cpp), so Fmax is that of
// the design's register-to-register paths.
//
// The vendor family follows from the target's capacity: "lut_inputs" 6 is
// a Xilinx 7-series part (synth_xilinx -family xc7), 4 an iCE40
// (synth_ice40, with -dsp when the part has DSP blocks and -spram when it
// has SPRAM). The design keeps its hierarchy so each of the top's module
// instances (the neuron cores) gets figures of its own.
//
// yosys 0.23's `stat -json` prints the hierarchy's text into its JSON when a
// design is more than two levels deep, so the text form of `stat` is what
// gets parsed.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_FPGA_SYNTH_H
#define SNC_BACKENDS_FPGA_SYNTH_H

#include "targets/TargetDescription.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace snc::fpga {

enum class SynthFamily { Xilinx7, ICE40 };

/// "xc7" or "ice40".
const char *getSynthFamilyName(SynthFamily family);

/// The family of an FPGA target (from capacity.lut_inputs); fails naming
/// the target when it is not an FPGA target or has another LUT size.
bool getSynthFamily(const targets::TargetDescription &target,
                    SynthFamily &family, std::string &error);

/// Resources in the units of the target's capacity keys.
struct Resources {
  int64_t luts = 0;      // LUTs, LUT RAM and shift registers counted in LUTs
  int64_t flipFlops = 0; // flip-flops and latches
  /// Block RAMs: RAMB36E1 (a RAMB18E1 is half of one) or SB_RAM40_4K.
  double bramBlocks = 0;
  int64_t spramBlocks = 0; // SB_SPRAM256KA
  int64_t dspBlocks = 0;   // DSP48E1 or SB_MAC16

  Resources &operator+=(const Resources &other);
  Resources scaled(int64_t times) const;
};

/// The resources of one kind of instance under the top module.
struct ModuleResources {
  std::string module; // yosys's name ("$paramod$...\neuron_core")
  std::string name;   // the module it was derived from ("neuron_core")
  int64_t instances = 0;
  /// The instances' names in the top ("u_core0"), sorted; empty when only
  /// the stat text was parsed.
  std::vector<std::string> instanceNames;
  Resources each; // one instance, its submodules included
};

struct PlaceAndRoute {
  std::string tool;    // "nextpnr-ice40"
  std::string device;  // "up5k"
  std::string package; // "sg48"
  double targetMHz = 0;
  /// The lowest "Max frequency for clock" after routing; 0 when the design
  /// has no clock.
  double fmaxMHz = 0;
  std::map<std::string, double> clocksMHz;
  std::string bitstream; // file name in the directory ("top.bin")
  /// Whether the top went through the two-pin wrapper (its ports are more
  /// than the package's pins; see writePlaceAndRouteWrapper).
  bool wrapped = false;
};

struct SynthReport {
  std::string target; // target name
  std::string top;
  SynthFamily family = SynthFamily::Xilinx7;
  std::string command;     // the synth_* line run
  std::string toolVersion; // "Yosys 0.23 (git sha1 7ce5011c24b)"
  Resources total;
  Resources capacity; // the part's, from the target
  /// The top's direct submodule instances, by module (hierarchy kept).
  std::vector<ModuleResources> modules;
  /// Every cell type of the whole design and its count.
  std::map<std::string, int64_t> cells;
  /// Set when place and route ran.
  bool placed = false;
  PlaceAndRoute placeAndRoute;
  /// Place and route was asked for but not run, and why.
  std::string placeAndRouteSkipped;
  /// What the plan expected (planDesign's block RAM and SPRAM estimate),
  /// when the caller knows it: the report shows it next to yosys's count.
  bool hasPlanned = false;
  double plannedBram = 0;
  int64_t plannedSprams = 0;

  /// Whether every resource is within the part.
  bool fits() const;
  /// The resources over the part ("DSP 9 > 8, BRAM (4 Kb) 66 > 30"), or "".
  std::string overflow() const;
  /// The report as a JSON document (what synth.json holds).
  std::string toJSON() const;
  /// A table for people: used, part, percentage per resource, per module
  /// instance, and Fmax.
  std::string toText() const;
};

struct SynthOptions {
  /// yosys `chparam` settings for the top module.
  std::vector<std::pair<std::string, int64_t>> parameters;
  /// `-I` directories for `include (the repository root for rtl/ files).
  std::vector<std::string> includeDirs;
  /// Limit for each tool run; a run that takes longer is killed and fails.
  int timeoutSeconds = 1800;
  /// iCE40 only: place and route with nextpnr-ice40, then icepack (skipped,
  /// saying why, when the synthesised design is over the part).
  bool placeAndRoute = true;
  /// nextpnr's --freq, the clock it times against.
  double clockMHz = 12;
  /// The programs, found on PATH unless they name a path (tests replace
  /// them to check the missing-tool diagnostics).
  std::string yosys = "yosys";
  std::string nextpnr = "nextpnr-ice40";
  std::string icepack = "icepack";
};

/// Synthesises `top` from `verilog` (paths) for `target`'s part. Writes into
/// `directory` (created if needed): synth.ys (the script), yosys.log,
/// synth-stat.txt, the netlist top.json and, for place and route,
/// nextpnr.log, top.asc and top.bin. Outputs appear through a temporary
/// and a rename. Fails with a message naming the tool and its log (whose
/// error lines it quotes) when a tool is missing, fails or times out.
bool synthesizeDesign(const std::string &directory, const std::string &top,
                      const std::vector<std::string> &verilog,
                      const targets::TargetDescription &target,
                      const SynthOptions &options, SynthReport &report,
                      std::string &error);

/// Fills each report.modules entry's instanceNames from yosys's JSON
/// netlist and orders the entries by them; fails when the netlist lacks
/// the top or disagrees with the stat counts.
bool addInstanceNames(const std::string &netlistJSON, SynthReport &report,
                      std::string &error);

/// The module writePlaceAndRouteWrapper writes.
extern const char *const kPlaceAndRouteWrapperTop;
/// Tops with more port bits than this (clk included) are placed and routed
/// through the wrapper: an iCE40 UP5K in its SG48 package has 39 user I/O.
constexpr size_t kDirectPlaceAndRoutePortBits = 32;

/// Writes into `verilog` a module kPlaceAndRouteWrapperTop with two pins,
/// `clk` and `out`, around `top` (as yosys's JSON `netlistJSON` gives its
/// ports): a shift register with XOR feedback drives every input but `clk`,
/// the XOR of every output is registered into `out`. Sets `portBits` to the
/// top's port bits whenever the netlist has the top. Fails, setting
/// `reason`, when the top has no 1-bit input `clk`, no outputs, an inout
/// or a port name that is not a plain identifier.
bool writePlaceAndRouteWrapper(const std::string &netlistJSON,
                               const std::string &top, std::string &verilog,
                               size_t &portBits, std::string &reason);

/// Parses the text of yosys's `stat` (all modules, hierarchy kept) into
/// report.total, report.modules and report.cells, for `report.top` and
/// `report.family`. Fails on text without a section for the top or with a
/// malformed count.
bool parseYosysStat(const std::string &text, SynthReport &report,
                    std::string &error);

/// Reads the last "Max frequency for clock" line of each clock in a
/// nextpnr log into `result.clocksMHz` and their minimum into
/// `result.fmaxMHz`; fails when the log has none and `requireClock`.
bool parseNextpnrLog(const std::string &log, PlaceAndRoute &result,
                     bool requireClock, std::string &error);

} // namespace snc::fpga

#endif // SNC_BACKENDS_FPGA_SYNTH_H
