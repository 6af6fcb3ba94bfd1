//===- Commands.h - the options and entry points of snc's commands -*- C++
//-*-===//

#ifndef SNC_TOOLS_SNC_COMMANDS_H
#define SNC_TOOLS_SNC_COMMANDS_H

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
  std::string scheme; // empty: the network's own, else euler
  std::string reset = "file";
  bool progress = false;
};

struct ImportCommandOptions {
  std::string model;
  std::string output;
  std::string reset = "file";
};

/// Writes a model (.nir or .mlir) as snn-dialect MLIR.
int importCommand(const ImportCommandOptions &options);

struct ExportCommandOptions {
  std::string model;
  std::string output;
  std::string network;
};

/// Writes a continuous-time model as a NIR file.
int exportCommand(const ExportCommandOptions &options);

/// Runs the reference interpreter; returns the process exit code.
int runCommand(const RunOptions &options);

struct QuantizeCommandOptions {
  std::string model;
  std::string network;
  std::string target;
  std::vector<std::string> calibration; // one .npy per network input
  std::string output;                   // .mlir; empty or "-": stdout
  std::string report;                   // .json; empty: none
  std::string method = "max-abs";
  double percentile = 99.9;
  std::string granularity = "channel";
  std::string weightBits;
  double dt = 0.0;
  std::string scheme;
  std::string reset = "file";
  bool quiet = false;
};

/// Quantizes a network for a target and reports what changed.
int quantizeCommand(const QuantizeCommandOptions &options);

struct TargetsCommandOptions {
  std::vector<std::string> targets; // names or .json paths to check
};

/// Lists the bundled targets, or checks and summarizes the given ones.
int targetsCommand(const TargetsCommandOptions &options);

} // namespace snc::driver

#endif // SNC_TOOLS_SNC_COMMANDS_H
