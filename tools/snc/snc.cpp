//===- snc.cpp - the snc command-line driver ------------------------------===//
//
// The only translation unit that includes CLI11: it parses arguments and
// hands plain option structs to the subcommands.
//
//===----------------------------------------------------------------------===//

#include "tools/snc/Commands.h"
#include "tools/snc/Driver.h"

#include "llvm/Support/InitLLVM.h"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

using namespace snc::driver;

/// How NIR files are read where NIR is silent (docs/nir.md).
static void addNIRConventionOptions(CLI::App *cmd, NIRConventions &nir) {
  cmd->add_option("--reset", nir.reset,
                  "How NIR neurons reset after a spike: file (to v_reset), "
                  "zero, or subtract (NIR cannot say)")
      ->check(CLI::IsMember({"file", "zero", "subtract"}))
      ->capture_default_str();
  cmd->add_option("--cuba-current", nir.cubaCurrent,
                  "Which step's synaptic current a NIR CubaLIF membrane "
                  "integrates (NIR cannot say): same-step (snnTorch, "
                  "Lava-dl; the default) or previous-step (Norse, NIR's "
                  "reference implementation)")
      ->check(CLI::IsMember({"same-step", "previous-step"}));
}

/// For measurements (bench/scale).
static void addStageTimesOption(CLI::App *cmd, bool &stageTimes) {
  cmd->add_flag("--stage-times", stageTimes,
                "Print each stage's wall time and the peak memory so far to "
                "stderr");
}

/// Progress of long commands; outputs are the same with or without it.
static void addProgressOption(CLI::App *cmd, bool &progress) {
  cmd->add_flag("--progress", progress,
                "Print each stage and the steps of long loops to stderr, at "
                "most every 0.5 s");
}

static void addRunCommand(CLI::App &app, RunOptions &run) {
  CLI::App *cmd = app.add_subcommand(
      "run", "Run a network in the reference interpreter (the golden model)");
  cmd->add_option("model", run.model, "Model file (.mlir or .mlirbc)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--input,-i", run.inputs,
                  "Input spike train per network input, in order: .npy of "
                  "shape (steps, *input_shape), bool/uint8/int/float");
  cmd->add_option("--output,-o", run.outputs,
                  "Output .npy per network output, in order: (steps, "
                  "*output_shape)")
      ->required();
  cmd->add_option("--steps", run.steps,
                  "Steps to run (default: as many as the input has)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--dt", run.dt,
                  "Time step in seconds for continuous-time networks")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--scheme", run.scheme,
                  "Integration scheme: euler (default) or exact")
      ->check(CLI::IsMember({"euler", "exact"}));
  cmd->add_option("--record", run.records,
                  "Record a variable at every step: NODE.VAR=FILE.npy "
                  "(VAR: out, v, i, a)");
  cmd->add_option("--network", run.network,
                  "Network to run when the model has several");
  addNIRConventionOptions(cmd, run.nir);
  addProgressOption(cmd, run.progress);
  addStageTimesOption(cmd, run.stageTimes);
}

static void addImportCommand(CLI::App &app, ImportCommandOptions &import) {
  CLI::App *cmd = app.add_subcommand(
      "import",
      "Translate a NIR file (.nir) into the snn dialect (.mlir or .mlirbc)");
  cmd->add_option("model", import.model, "Model file (.nir, .mlir or .mlirbc)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--output,-o", import.output,
                  "Output file: .mlirbc for MLIR bytecode, else text (default: "
                  "text on stdout)");
  addNIRConventionOptions(cmd, import.nir);
}

static void addExportCommand(CLI::App &app, ExportCommandOptions &exp) {
  CLI::App *cmd = app.add_subcommand(
      "export", "Write a continuous-time network as a NIR file (.nir)");
  cmd->add_option("model", exp.model, "Model file (.mlir, .mlirbc or .nir)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--output,-o", exp.output, "Output .nir file")->required();
  cmd->add_option("--network", exp.network,
                  "Network to export when the model has several");
}

static void addTargetsCommand(CLI::App &app, TargetsCommandOptions &tgt) {
  CLI::App *cmd = app.add_subcommand(
      "targets", "List the bundled hardware targets, or check target files");
  cmd->add_option("target", tgt.targets,
                  "Target names or .json files to validate and summarize");
  cmd->add_flag("--lit-features", tgt.litFeatures,
                "Print the lit feature of every backend whose tools are "
                "installed");
}

static void addQuantizeCommand(CLI::App &app, QuantizeCommandOptions &q) {
  CLI::App *cmd = app.add_subcommand(
      "quantize", "Quantize a network to a target's integer formats and "
                  "report the error against the float network");
  cmd->add_option("model", q.model, "Model file (.mlir, .mlirbc or .nir)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--target,-t", q.target,
                  "Target name (see `snc targets`) or target .json file")
      ->required();
  cmd->add_option("--calibrate", q.calibration,
                  "Calibration input, one .npy per network input: sets "
                  "numeric input scales and membrane ranges, and the spike "
                  "agreement the report gives");
  cmd->add_option("--evaluate", q.evaluation,
                  "Held-out input, one .npy per network input: the spike "
                  "agreement is measured on it (and on the calibration "
                  "input, reported apart) instead of on the calibration "
                  "input alone");
  cmd->add_option("--output,-o", q.output,
                  "Quantized IR: .mlirbc for MLIR bytecode, else text "
                  "(default: text on stdout)");
  cmd->add_option("--report", q.report,
                  "Write the quantization report (.json)");
  cmd->add_option("--method", q.method,
                  "How scales are chosen: weight clip ranges (max-abs, "
                  "percentile, mse) or candidates compared by calibrated "
                  "spike agreement (search, needs --calibrate)")
      ->check(CLI::IsMember({"max-abs", "percentile", "mse", "search"}))
      ->capture_default_str();
  cmd->add_option("--percentile", q.percentile,
                  "Percentile of |value| kept unclipped (--method percentile)")
      ->check(CLI::Range(0.0, 100.0))
      ->capture_default_str();
  cmd->add_option("--granularity", q.granularity,
                  "One scale per output channel or per layer")
      ->check(CLI::IsMember({"channel", "layer"}))
      ->capture_default_str();
  cmd->add_flag("--bias-correction", q.biasCorrection,
                "Fold the drive the weights' rounding loses on average on "
                "the calibration input into the integer biases");
  cmd->add_flag("--adaptive-rounding", q.adaptiveRounding,
                "Round weights up or down so that each neuron's average "
                "lost drive on the calibration input is near zero");
  cmd->add_flag("--fine-state", q.fineState,
                "Keep spiking populations' membrane and synaptic current "
                "2^k times finer than their weights (the drive enters "
                "through gain 2^k), k as large as the state and threshold "
                "widths allow");
  cmd->add_option("--weight-bits", q.weightBits,
                  "Override the target's weight width: 2..16, or ternary");
  cmd->add_option("--dt", q.dt,
                  "Time step in seconds for continuous-time networks")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--scheme", q.scheme, "Integration scheme: euler or exact")
      ->check(CLI::IsMember({"euler", "exact"}));
  addNIRConventionOptions(cmd, q.nir);
  cmd->add_option("--network", q.network,
                  "Network to quantize when the model has several");
  cmd->add_flag("--quiet,-q", q.quiet, "Do not print the summary");
  addProgressOption(cmd, q.progress);
}

/// Options every command that loads a model for a target shares.
template <typename Options>
static void addModelOptions(CLI::App *cmd, Options &o) {
  cmd->add_option("model", o.model, "Model file (.mlir, .mlirbc or .nir)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--target,-t", o.target,
                  "Target name (see `snc targets`) or target .json file")
      ->required();
  cmd->add_option("--calibrate", o.calibration,
                  "Calibration input for quantization, one .npy per network "
                  "input");
  cmd->add_option("--chips", o.chips,
                  "Chip mesh WIDTHxHEIGHT (e.g. 8x6) replacing a many-core "
                  "target's chips_x and chips_y");
  cmd->add_option("--seed", o.seed,
                  "Seed of placement decisions (backend option seed=N)")
      ->capture_default_str();
  cmd->add_flag("--sequential-placement", o.sequentialPlacement,
                "Place slices in order (the baseline) instead of optimising "
                "(backend option sequential-placement=true)");
  cmd->add_option("--backend-options", o.backendOptions,
                  "Options of the target's backend, as key=value pairs "
                  "separated by spaces");
  // For tests and measurements: how often the many-core form was extracted.
  cmd->add_flag("--print-extractions", o.printExtractions)->group("");
  addStageTimesOption(cmd, o.stageTimes);
  cmd->add_option("--dt", o.dt,
                  "Time step in seconds for continuous-time networks")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--scheme", o.scheme, "Integration scheme: euler or exact")
      ->check(CLI::IsMember({"euler", "exact"}));
  addNIRConventionOptions(cmd, o.nir);
  cmd->add_option("--network", o.network,
                  "Network to compile when the model has several");
  cmd->add_flag("--quiet,-q", o.quiet, "Print only errors");
  addProgressOption(cmd, o.progress);
  cmd->add_option("--mapping-format", o.mappingFormat,
                  "How the compiled IR is written: text (mapping.mlir) or "
                  "bytecode (mapping.mlirbc, for large networks)")
      ->check(CLI::IsMember({"text", "bytecode"}))
      ->capture_default_str();
}

static void addCompileCommand(CLI::App &app, CompileCommandOptions &c) {
  CLI::App *cmd = app.add_subcommand(
      "compile", "Compile a model for a hardware target (lower delays, "
                 "quantize, partition, place, route, emit)");
  addModelOptions(cmd, c);
  cmd->add_option("--output,-o", c.output, "Output directory")->required();
  cmd->add_flag("--synth", c.synth,
                "Synthesise the output with the vendor tools (FPGA: yosys, "
                "and nextpnr-ice40 for the iCE40) and write synth.json");
}

static void addSimulateCommand(CLI::App &app, SimulateCommandOptions &s) {
  CLI::App *cmd = app.add_subcommand(
      "simulate", "Run compiled output in its backend's simulator");
  cmd->add_option("directory", s.directory, "Output of `snc compile`")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--input,-i", s.inputs,
                  "Input spike train per network input (.npy, steps first)");
  cmd->add_option("--output,-o", s.outputs, "Output .npy per network output")
      ->required();
  cmd->add_option("--steps", s.steps,
                  "Steps to run (default: as many as the input has)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--backend-options", s.backendOptions,
                  "Options of the backend's simulator, as key=value pairs "
                  "separated by spaces");
  cmd->add_flag("--quiet,-q", s.quiet, "Do not print the report");
  addProgressOption(cmd, s.progress);
}

static void addVerifyCommand(CLI::App &app, VerifyCommandOptions &v) {
  CLI::App *cmd = app.add_subcommand(
      "verify", "Compile, simulate, and check every output spike against "
                "the reference interpreter on the compiled IR");
  addModelOptions(cmd, v);
  cmd->get_option("--calibrate")
      ->description("Calibration input for quantization, one .npy per "
                    "network input (default: the --input arrays)");
  cmd->add_option("--input,-i", v.inputs,
                  "Input spike train per network input (.npy, steps first)")
      ->required();
  cmd->add_option("--output,-o", v.output,
                  "Keep the compiled output in this directory");
  cmd->add_option("--steps", v.steps,
                  "Steps to run (default: as many as the input has)")
      ->check(CLI::NonNegativeNumber);
}

static int realMain(int argc, char **argv) {
  CLI::App app{"snc: the neuromorphic compiler for spiking networks"};
  app.set_version_flag("--version", std::string("snc ") + SNC_VERSION);
  app.require_subcommand(1);
  app.failure_message([](const CLI::App *, const CLI::Error &e) {
    return std::string("snc: error: ") + e.what() +
           "\nRun with --help for more information.\n";
  });
  RunOptions run;
  addRunCommand(app, run);
  ImportCommandOptions import;
  addImportCommand(app, import);
  ExportCommandOptions exp;
  addExportCommand(app, exp);
  QuantizeCommandOptions quantize;
  addQuantizeCommand(app, quantize);
  CompileCommandOptions compile;
  addCompileCommand(app, compile);
  SimulateCommandOptions simulate;
  addSimulateCommand(app, simulate);
  VerifyCommandOptions verify;
  addVerifyCommand(app, verify);
  TargetsCommandOptions tgt;
  addTargetsCommand(app, tgt);
  // CLI11 would only say that a subcommand is required.
  std::string known;
  bool isKnown = false;
  for (const CLI::App *cmd : app.get_subcommands({})) {
    known += (known.empty() ? "" : ", ") + cmd->get_name();
    isKnown |= argc > 1 && cmd->get_name() == argv[1];
  }
  if (argc > 1 && argv[1][0] != '-' && !isKnown) {
    std::cerr << "snc: error: unknown command '" << argv[1]
              << "' (commands: " << known << ")\n";
    return UserError;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    // --help and --version end here too, with exit code 0.
    int code = app.exit(e);
    return code == 0 ? Success : UserError;
  }
  if (app.got_subcommand("run"))
    return runCommand(run);
  if (app.got_subcommand("import"))
    return importCommand(import);
  if (app.got_subcommand("export"))
    return exportCommand(exp);
  if (app.got_subcommand("quantize"))
    return quantizeCommand(quantize);
  if (app.got_subcommand("compile"))
    return compileCommand(compile);
  if (app.got_subcommand("simulate"))
    return simulateCommand(simulate);
  if (app.got_subcommand("verify"))
    return verifyCommand(verify);
  if (app.got_subcommand("targets"))
    return targetsCommand(tgt);
  return UserError;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  try {
    return realMain(argc, argv);
  } catch (const std::exception &e) {
    std::cerr << "snc: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "snc: internal error\n";
  }
  return InternalError;
}
