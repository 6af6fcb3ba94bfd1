//===- Commands.h - the options and entry points of snc's commands -*- C++
//-*-===//

#ifndef SNC_TOOLS_SNC_COMMANDS_H
#define SNC_TOOLS_SNC_COMMANDS_H

#include <cstdint>
#include <string>
#include <vector>

namespace snc::driver {

/// How a NIR file is read where NIR itself is silent (docs/nir.md).
struct NIRConventions {
  std::string reset = "file"; // file (to v_reset), zero, subtract
  /// Which step's synaptic current a CubaLI/CubaLIF membrane integrates:
  /// same-step or previous-step; empty: same-step, announced with a note.
  std::string cubaCurrent;
};

struct RunOptions {
  std::string model;
  std::string network;
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  std::vector<std::string> records; // NODE.VAR=FILE
  long long steps = -1;
  double dt = 0.0;
  std::string scheme; // empty: the network's own, else euler
  NIRConventions nir;
  bool progress = false;
  bool stageTimes = false; // each stage's wall time and peak RSS to stderr
};

struct ImportCommandOptions {
  std::string model;
  std::string output;
  NIRConventions nir;
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
  std::vector<std::string> evaluation;  // held-out input; empty: calibration
  std::string output;                   // .mlir; empty or "-": stdout
  std::string report;                   // .json; empty: none
  std::string method = "max-abs";
  bool biasCorrection = false, adaptiveRounding = false, fineState = false;
  double percentile = 99.9;
  std::string granularity = "channel";
  std::string weightBits;
  double dt = 0.0;
  std::string scheme;
  NIRConventions nir;
  bool quiet = false;
  bool progress = false; // stages and steps to stderr
};

/// Quantizes a network for a target and reports what changed.
int quantizeCommand(const QuantizeCommandOptions &options);

struct CompileCommandOptions {
  std::string model;
  std::string network;
  std::string target;
  std::string output; // directory
  std::string chips;  // "WIDTHxHEIGHT": a many-core target's mesh
  std::vector<std::string> calibration;
  /// Shorthands for the backend options seed=N and
  /// sequential-placement=true (the SpiNNaker2 backend's).
  uint64_t seed = 1;
  bool sequentialPlacement = false;
  /// The backend's own options ("key=value ...").
  std::string backendOptions;
  bool printExtractions = false; // hidden: many-core extractions done
  bool stageTimes = false; // each stage's wall time and peak RSS to stderr
  /// After emission, run the backend's synthesis flow and write its report
  /// to <output>/synth.json.
  bool synth = false;
  double dt = 0.0;
  std::string scheme;
  NIRConventions nir;
  bool quiet = false;
  bool progress = false;              // stages to stderr
  std::string mappingFormat = "text"; // or bytecode (mapping.mlirbc)
};

/// Compiles a model for a target through its backend.
int compileCommand(const CompileCommandOptions &options);

struct SimulateCommandOptions {
  std::string directory;
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  long long steps = -1;
  /// The simulator's options ("x-initial=unique"), as the backend takes
  /// them.
  std::string backendOptions;
  bool quiet = false;
  bool progress = false; // steps to stderr
};

/// Runs compiled output in its backend's simulator.
int simulateCommand(const SimulateCommandOptions &options);

struct VerifyCommandOptions {
  std::string model;
  std::string network;
  std::string target;
  std::vector<std::string> inputs;
  std::vector<std::string> calibration;
  std::string output; // keep the compiled output here (default: temporary)
  std::string chips;  // "WIDTHxHEIGHT": a many-core target's mesh
  long long steps = -1;
  uint64_t seed = 1;
  bool sequentialPlacement = false;
  std::string backendOptions;
  bool printExtractions = false;
  bool stageTimes = false;
  double dt = 0.0;
  std::string scheme;
  NIRConventions nir;
  bool quiet = false;
  bool progress = false;              // stages and steps to stderr
  std::string mappingFormat = "text"; // or bytecode (mapping.mlirbc)
};

/// Compiles, simulates and compares with the interpreter; exit 0 only if
/// every output value is identical.
int verifyCommand(const VerifyCommandOptions &options);

struct TargetsCommandOptions {
  std::vector<std::string> targets; // names or .json paths to check
  bool litFeatures = false;         // print the usable backends' lit features
};

/// Lists the bundled targets, or checks and summarizes the given ones.
int targetsCommand(const TargetsCommandOptions &options);

} // namespace snc::driver

#endif // SNC_TOOLS_SNC_COMMANDS_H
