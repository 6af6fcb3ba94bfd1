//===- RunCommand.h - `snc run` ---------------------------------*- C++ -*-===//

#ifndef SNC_TOOLS_SNC_RUNCOMMAND_H
#define SNC_TOOLS_SNC_RUNCOMMAND_H

#include <string>
#include <vector>

namespace snc::driver {

struct RunOptions {
  std::string model;
  std::string network;
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  std::vector<std::string> records; // NODE.VAR=FILE
  long long steps = -1;
  double dt = 0.0;
  std::string scheme = "euler";
  bool progress = false;
};

/// Runs the reference interpreter; returns the process exit code.
int runCommand(const RunOptions &options);

} // namespace snc::driver

#endif // SNC_TOOLS_SNC_RUNCOMMAND_H
