//===- Synth.cpp - running yosys, nextpnr-ice40 and icepack ---------------===//
//
// Writes the yosys script, runs each tool with a time limit (stdout and
// stderr into a log in the directory) and moves each output into place only
// when its tool succeeded.
//
//===----------------------------------------------------------------------===//

#include "backends/fpga/Synth.h"
#include "backends/fpga/RunTool.h"

#include "runtime/FileIO.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <cctype>
#include <optional>
#include <sstream>
#include <utility>

namespace snc::fpga {

namespace {

/// The version line yosys prints ("Yosys 0.23 (git sha1 7ce5011c24b)").
std::string yosysVersion(const std::string &log) {
  std::istringstream in(readTextOrEmpty(log));
  std::string line;
  while (std::getline(in, line)) {
    size_t at = line.find("Yosys ");
    if (at != std::string::npos && line.find("git sha1") != std::string::npos)
      return line.substr(at);
  }
  return "";
}

/// Yosys splits script lines at blanks and treats '#' and ';' specially;
/// paths holding them are refused rather than half read.
bool usablePath(const std::string &path) {
  return !path.empty() &&
         path.find_first_of(" \t\n\r\"#;") == std::string::npos;
}

bool isIdentifier(const std::string &s) {
  if (s.empty() || !(std::isalpha((unsigned char)s[0]) || s[0] == '_'))
    return false;
  for (char c : s)
    if (!(std::isalnum((unsigned char)c) || c == '_' || c == '$'))
      return false;
  return true;
}

/// The nextpnr-ice40 device of an iCE40 part, told by its capacity: the
/// UltraPlus UP5K is the part with 5280 logic cells and SPRAM.
bool ice40Device(const targets::FPGACapacity &c, std::string &device) {
  if (c.luts == 5280 && c.spramBlocks && *c.spramBlocks == 4) {
    device = "up5k";
    return true;
  }
  return false;
}

bool moveIntoPlace(const std::string &temporary, const std::string &path,
                   std::string &error) {
  if (runtime::commitTemporary(temporary, path, error))
    return true;
  runtime::discardTemporary(temporary);
  return false;
}

/// A yosys script: read `verilog`, set the top's parameters, run
/// `command`, write the cell counts to `statPath` (if not empty) and the
/// netlist to `netlistPath`.
std::string yosysScript(const std::string &comment,
                        const std::vector<std::string> &verilog,
                        const SynthOptions &options, const std::string &top,
                        const std::string &command, const std::string &statPath,
                        const std::string &netlistPath) {
  std::ostringstream ys;
  ys << "# Written by snc (backends/fpga/Synth.cpp): " << comment << "\n";
  std::string includes;
  for (const std::string &dir : options.includeDirs)
    includes += " -I" + dir;
  for (const std::string &path : verilog)
    ys << "read_verilog" << includes << " " << path << "\n";
  if (!options.parameters.empty()) {
    ys << "chparam";
    for (const auto &[name, value] : options.parameters)
      ys << " -set " << name << " " << value;
    ys << " " << top << "\n";
  }
  ys << command << "\n";
  if (!statPath.empty())
    ys << "tee -q -o " << statPath << " stat\n";
  ys << "write_json " << netlistPath << "\n";
  return ys.str();
}

/// Runs yosys on `script` (written first), moving the outputs of its
/// temporaries into place only if it succeeds.
bool runYosys(const SynthOptions &options, const std::string &purpose,
              const std::string &workingDir, const std::string &scriptPath,
              const std::string &script, const std::string &log,
              const std::vector<std::pair<std::string, std::string>> &outputs,
              std::string &error) {
  if (!runtime::writeFileAtomically(scriptPath, script, error))
    return false;
  bool ran = runTool(options.yosys, purpose, {"-s", scriptPath}, workingDir,
                     log, options.timeoutSeconds, error);
  for (const auto &[temporary, path] : outputs) {
    if (!ran)
      runtime::discardTemporary(temporary);
    else if (!moveIntoPlace(temporary, path, error))
      ran = false;
  }
  return ran;
}

} // namespace

/// `path` made absolute (the tools run in the output directory).
std::string absolute(const std::string &path) {
  llvm::SmallString<256> full(path);
  llvm::sys::fs::make_absolute(full);
  return std::string(full);
}

bool synthesizeDesign(const std::string &directoryArg, const std::string &top,
                      const std::vector<std::string> &verilogArg,
                      const targets::TargetDescription &target,
                      const SynthOptions &optionsArg, SynthReport &report,
                      std::string &error) {
  const std::string directory = absolute(directoryArg);
  std::vector<std::string> verilog;
  for (const std::string &path : verilogArg)
    verilog.push_back(absolute(path));
  SynthOptions options = optionsArg;
  for (std::string &dir : options.includeDirs)
    dir = absolute(dir);
  for (std::string *program :
       {&options.yosys, &options.nextpnr, &options.icepack})
    if (program->find('/') != std::string::npos)
      *program = absolute(*program);
  report = SynthReport();
  report.target = target.name;
  report.top = top;
  if (!getSynthFamily(target, report.family, error))
    return false;
  if (!isIdentifier(top)) {
    error = "synthesis: top module name '" + top + "' is not an identifier";
    return false;
  }
  if (verilog.empty()) {
    error = "synthesis of " + top + ": no Verilog files given";
    return false;
  }
  const std::vector<std::string> dirs = {directory};
  for (const std::vector<std::string> *paths :
       {&std::as_const(verilog), &std::as_const(options.includeDirs), &dirs})
    for (const std::string &path : *paths)
      if (!usablePath(path)) {
        error = "synthesis of " + top + ": path '" + path +
                "' is empty or holds a blank, quote, '#' or ';', which a "
                "yosys script cannot carry";
        return false;
      }
  for (const auto &[name, value] : options.parameters)
    if (!isIdentifier(name)) {
      error = "synthesis of " + top + ": parameter name '" + name +
              "' is not an identifier";
      return false;
    }
  const targets::FPGACapacity &part = *target.fpga;
  report.capacity.luts = part.luts;
  report.capacity.flipFlops = part.flipFlops;
  report.capacity.bramBlocks = static_cast<double>(part.bramBlocks);
  report.capacity.spramBlocks = part.spramBlocks.value_or(0);
  report.capacity.dspBlocks = part.dspBlocks;

  if (std::error_code ec = llvm::sys::fs::create_directories(directory)) {
    error = directory + ": cannot create the directory: " + ec.message();
    return false;
  }
  auto file = [&](const char *name) {
    llvm::SmallString<256> path(directory);
    llvm::sys::path::append(path, name);
    return std::string(path);
  };
  const std::string script = file("synth.ys"), log = file("yosys.log"),
                    stat = file("synth-stat.txt"), netlist = file("top.json");
  const std::string statTemp = runtime::temporaryPathFor(stat),
                    netlistTemp = runtime::temporaryPathFor(netlist);

  // The hierarchy is kept (synth_xilinx keeps it unless told -flatten;
  // synth_ice40 needs -noflatten) so every core is counted apart.
  bool ice40 = report.family == SynthFamily::ICE40;
  std::string ice40Flags;
  if (part.dspBlocks > 0)
    ice40Flags += " -dsp"; // SB_MAC16 exists on UltraPlus parts only
  if (part.spramBlocks && *part.spramBlocks > 0)
    ice40Flags += " -spram";
  report.command = ice40 ? "synth_ice40 -noflatten -top " + top + ice40Flags
                         : "synth_xilinx -family xc7 -top " + top;
  if (!runYosys(options, "to synthesise for " + target.name, directory, script,
                yosysScript(top + " for " + target.name, verilog, options, top,
                            report.command, statTemp, netlistTemp),
                log, {{statTemp, stat}, {netlistTemp, netlist}}, error))
    return false;
  report.toolVersion = yosysVersion(log);
  if (!parseYosysStat(readTextOrEmpty(stat), report, error)) {
    error = stat + ": " + error;
    return false;
  }
  if (!addInstanceNames(readTextOrEmpty(netlist), report, error)) {
    error = netlist + ": " + error;
    return false;
  }

  if (!ice40 || !options.placeAndRoute)
    return true;
  PlaceAndRoute &pnr = report.placeAndRoute;
  if (!report.fits()) { // nextpnr would only fail on the first overflow
    report.placeAndRouteSkipped =
        "the design does not fit the part: " + report.overflow();
    return true;
  }
  if (!ice40Device(part, pnr.device)) {
    report.placeAndRouteSkipped =
        "nextpnr-ice40 has no device snc knows for target '" + target.name +
        "' (only the UP5K: 5280 LUTs and 4 SPRAM blocks)";
    return true;
  }
  // A top with more port bits than the package has pins is timed inside
  // the two-pin wrapper, synthesised flat on its own.
  std::string pnrNetlist = netlist, wrapper, reason;
  size_t portBits = 0;
  bool wrappable = writePlaceAndRouteWrapper(readTextOrEmpty(netlist), top,
                                             wrapper, portBits, reason);
  if (portBits > kDirectPlaceAndRoutePortBits) {
    if (!wrappable) {
      report.placeAndRouteSkipped =
          "'" + top + "' has " + std::to_string(portBits) +
          " port bits, more than the package's pins, and cannot be wrapped: " +
          reason;
      return true;
    }
    const std::string wrapperFile = file("pnr_wrapper.v"),
                      wrappedNetlist = file("pnr.json"),
                      wrappedTemp = runtime::temporaryPathFor(wrappedNetlist);
    std::vector<std::string> sources = verilog;
    sources.push_back(wrapperFile);
    if (!runtime::writeFileAtomically(wrapperFile, wrapper, error) ||
        !runYosys(options, "to synthesise the place-and-route wrapper",
                  directory, file("pnr.ys"),
                  yosysScript(top + " in " + kPlaceAndRouteWrapperTop +
                                  " for place and route",
                              sources, options, top,
                              std::string("synth_ice40 -top ") +
                                  kPlaceAndRouteWrapperTop + ice40Flags,
                              "", wrappedTemp),
                  file("yosys-pnr.log"), {{wrappedTemp, wrappedNetlist}},
                  error))
      return false;
    pnrNetlist = wrappedNetlist;
    pnr.wrapped = true;
  }
  pnr.tool = "nextpnr-ice40";
  pnr.package = "sg48";
  pnr.targetMHz = options.clockMHz;
  const std::string asc = file("top.asc"), bin = file("top.bin"),
                    pnrLog = file("nextpnr.log"), packLog = file("icepack.log");
  const std::string ascTemp = runtime::temporaryPathFor(asc),
                    binTemp = runtime::temporaryPathFor(bin);
  // Fmax is measured, not required: a design slower than --freq is
  // reported as such instead of failing.
  std::ostringstream freq;
  freq << options.clockMHz;
  if (!runTool(options.nextpnr, "to place and route for " + target.name,
               {"--" + pnr.device, "--package", pnr.package, "--json",
                pnrNetlist, "--asc", ascTemp, "--freq", freq.str(), "--seed",
                "1", "--timing-allow-fail"},
               directory, pnrLog, options.timeoutSeconds, error)) {
    runtime::discardTemporary(ascTemp);
    return false;
  }
  if (!moveIntoPlace(ascTemp, asc, error))
    return false;
  if (!parseNextpnrLog(readTextOrEmpty(pnrLog), pnr, false, error)) {
    error = pnrLog + ": " + error;
    return false;
  }
  if (!runTool(options.icepack, "to pack the bitstream for " + target.name,
               {asc, binTemp}, directory, packLog, options.timeoutSeconds,
               error)) {
    runtime::discardTemporary(binTemp);
    return false;
  }
  if (!moveIntoPlace(binTemp, bin, error))
    return false;
  pnr.bitstream = "top.bin";
  report.placed = true;
  return true;
}

} // namespace snc::fpga
