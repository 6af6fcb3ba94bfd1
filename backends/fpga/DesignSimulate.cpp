//===- DesignSimulate.cpp - a written design in Verilator -----------------===//
//
// simulateDesign: builds the harness of a design directory with Verilator
// into <dir>/obj (skipped when a hash of every source and flag matches the
// stamp of the last build), writes the inputs into <dir>/run, runs the
// harness there with a time limit and reads its outputs back. One build
// serves every run: X values are always randomisable (--x-initial unique)
// and the run chooses zeros or a seed.
//
//===----------------------------------------------------------------------===//

#include "backends/fpga/Design.h"
#include "backends/fpga/EmbeddedFiles.h"
#include "backends/fpga/RunTool.h"
#include "runtime/FileIO.h"

#include "llvm/Support/Program.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace snc::fpga {

namespace {

constexpr int kRunSeconds = 600;

uint64_t fnv1a(uint64_t hash, const std::string &text) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

bool build(const std::string &directory, std::string &error) {
  if (!llvm::sys::findProgramByName("verilator")) {
    error = "verilator was not found on PATH: the FPGA design in " + directory +
            " cannot be simulated";
    return false;
  }
  std::string absolute = std::filesystem::absolute(directory).string();
  // The environment's compiler flags are dropped (a sanitizer build's would
  // reach Verilator's make); ccache caches the model's objects.
  std::vector<std::string> command = {"-u", "CFLAGS",   "-u", "CXXFLAGS",
                                      "-u", "CPPFLAGS", "-u", "LDFLAGS"};
  if (llvm::sys::findProgramByName("ccache"))
    command.push_back("OBJCACHE=ccache");
  std::vector<std::string> flags = {
      "--cc",
      "--exe",
      "--build",
      "-j",
      "2",
      "-Wall",
      "--x-assign",
      "unique",
      "--x-initial",
      "unique",
      "-I.",
      "--Mdir",
      "obj",
      "-o",
      "Vtop_harness",
      "--top-module",
      "top",
      "-CFLAGS",
      "-std=c++17 -I" + absolute,
      "-MAKEFLAGS",
      "-s --no-print-directory OPT_SLOW=-O0 OPT_GLOBAL=-O0"};
  uint64_t hash = 0xcbf29ce484222325ull;
  for (const std::string &flag : flags)
    hash = fnv1a(hash, flag + "\n");
  std::vector<std::string> sources = {"top.v", "design_table.h"};
  for (const auto &file : embeddedDesignFiles())
    sources.push_back(file.path);
  for (const auto &source : sources) {
    std::string text;
    if (!runtime::readWholeFile(directory + "/" + source, text, error))
      return false;
    hash = fnv1a(fnv1a(hash, source), text);
  }
  std::string stamp = std::to_string(hash);
  std::string obj = directory + "/obj";
  std::string old;
  std::string ignored;
  if (std::filesystem::exists(obj + "/Vtop_harness") &&
      runtime::readWholeFile(obj + "/stamp", old, ignored) && old == stamp)
    return true;
  std::error_code ec;
  std::filesystem::create_directories(obj, ec);
  std::filesystem::remove(obj + "/stamp", ec);
  command.push_back("verilator");
  command.insert(command.end(), flags.begin(), flags.end());
  command.push_back("top.v");
  command.push_back("harness_main.cpp");
  if (!runTool("env", "to build the Verilator model", command, directory,
               obj + "/build.log", /*seconds=*/0, error)) {
    error = "building the Verilator model of " + directory + ": " + error;
    return false;
  }
  return runtime::writeFileAtomically(obj + "/stamp", stamp, error);
}

} // namespace

bool simulateDesign(const std::string &directory,
                    const std::vector<runtime::NpyArray> &inputs,
                    const SimulateOptions &options, SimulateResult &result,
                    std::string &error) {
  std::string text;
  if (!runtime::readWholeFile(directory + "/manifest.json", text, error))
    return false;
  nlohmann::json manifest;
  try {
    manifest = nlohmann::json::parse(text);
    if (manifest.at("format") != "snc-fpga-design-1")
      throw std::runtime_error("unknown format");
    size_t expected = manifest.at("inputs").size();
    if (inputs.size() != expected) {
      error = directory + ": the design takes " + std::to_string(expected) +
              " inputs, " + std::to_string(inputs.size()) + " given";
      return false;
    }
  } catch (const std::exception &e) {
    error = directory + "/manifest.json: not an FPGA design manifest (" +
            e.what() + ")";
    return false;
  }
  if (options.xInitial != "" && options.xInitial != "unique") {
    error = "x-initial '" + options.xInitial + "' is not \"\" or \"unique\"";
    return false;
  }
  if (!build(directory, error))
    return false;

  std::string run = directory + "/run";
  std::error_code ec;
  std::filesystem::remove_all(run, ec);
  std::filesystem::create_directories(run, ec);
  if (ec) {
    error = run + ": " + ec.message();
    return false;
  }
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!runtime::writeNpy(run + "/input" + std::to_string(i) + ".npy",
                           inputs[i], error))
      return false;
  std::vector<std::string> args = {"run", "run", std::to_string(options.steps)};
  if (options.xInitial == "unique") {
    args.push_back("+verilator+rand+reset+2");
    args.push_back(
        "+verilator+seed+" +
        std::to_string(options.xInitialSeed ? options.xInitialSeed : 1));
  } else {
    args.push_back("+verilator+rand+reset+0");
  }
  std::string harness =
      std::filesystem::absolute(directory + "/obj/Vtop_harness").string();
  if (!runTool(harness, "to simulate the design", args, directory,
               run + "/harness.log", kRunSeconds, error)) {
    error = "the Verilator simulation of " + directory + " failed: " + error;
    return false;
  }

  result = SimulateResult();
  try {
    const auto &outputs = manifest.at("outputs");
    const auto &cores = manifest.at("cores");
    for (size_t o = 0; o < outputs.size(); ++o) {
      runtime::NpyArray array;
      if (!runtime::readNpy(run + "/output" + std::to_string(o) + ".npy", array,
                            error))
        return false;
      result.outputs.push_back(std::move(array));
      const auto &output = outputs[o];
      int64_t size = output.at("size");
      std::string name = output.at("name");
      std::vector<std::string> where(static_cast<size_t>(size));
      for (int64_t k = 0; k < size; ++k)
        where[size_t(k)] = "input '" + name + "' neuron " + std::to_string(k);
      for (const auto &c : output.at("cores")) {
        size_t index = c;
        const auto &core = cores.at(index);
        int64_t lo = core.at("lo"), hi = core.at("hi");
        for (int64_t k = lo; k < hi && k < size; ++k)
          where[size_t(k)] = "core " + std::to_string(index) +
                             " (population '" + name + "' neuron " +
                             std::to_string(k) + ")";
      }
      result.locations.push_back(std::move(where));
    }
  } catch (const std::exception &e) {
    error = directory + "/manifest.json: " + e.what();
    return false;
  }
  std::ifstream stats(run + "/stats.txt");
  std::string key;
  int64_t value;
  while (stats >> key >> value) {
    if (key == "cycles_total")
      result.cyclesTotal = value;
    else if (key == "cycles_max_step")
      result.cyclesMaxStep = value;
    else if (key == "cycles_load")
      result.cyclesLoad = value;
    else if (key == "synaptic_events")
      result.synapticEvents = value;
  }
  return true;
}

} // namespace snc::fpga
