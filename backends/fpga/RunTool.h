//===- RunTool.h - running the FPGA flow's external programs ----*- C++ -*-===//
//
// Verilator, the harness it builds, yosys, nextpnr-ice40 and icepack all run
// the same way: in a directory, with a log, a time limit and an error that
// names the program, the command, the log and the log's telling lines.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_FPGA_RUNTOOL_H
#define SNC_BACKENDS_FPGA_RUNTOOL_H

#include <string>
#include <vector>

namespace snc::fpga {

/// Runs `program` (found on PATH unless it is a path) with `args` in
/// `workingDir`, stdout and stderr into `log`, stopping it after `seconds`
/// (0: no limit). On failure sets `error` (naming the program and `purpose`
/// if it is missing, else the command, the log and the log's error lines or
/// last lines) and returns false.
bool runTool(const std::string &program, const std::string &purpose,
             const std::vector<std::string> &args,
             const std::string &workingDir, const std::string &log, int seconds,
             std::string &error);

/// A file's text, or "" if it cannot be read.
std::string readTextOrEmpty(const std::string &path);

} // namespace snc::fpga

#endif // SNC_BACKENDS_FPGA_RUNTOOL_H
