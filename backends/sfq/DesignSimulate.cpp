//===- DesignSimulate.cpp - running an SFQ design in the pulse simulator --===//
//
// Reads only the directory: manifest.json for the pins, clock and cell
// library, netlist.v for the circuit. Step s of a network input is a pulse
// in cycle s, `input_offset_fs` into it; an output probe's pulse in cycle
// s + latency is the spike of step s.
//
//===----------------------------------------------------------------------===//

#include "backends/sfq/Design.h"
#include "runtime/FileIO.h"
#include "runtime/sfq/CellLibrary.h"
#include "runtime/sfq/NetlistVerilog.h"
#include "runtime/sfq/PulseSimulator.h"
#include "runtime/sfq/Report.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

namespace snc::sfqbackend {

using namespace runtime::sfq;

namespace {

int64_t elementsOf(const std::vector<int64_t> &shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

/// The manifest's fields; throws (caught by the caller) on a wrong type.
void readManifest(const nlohmann::json &m, Design &d) {
  if (m.at("format") != "snc-sfq-netlist-1")
    throw std::runtime_error("format is not snc-sfq-netlist-1");
  d.target = m.at("target");
  d.module = m.at("module");
  const auto &clock = m.at("clock");
  d.clockInput = clock.at("input");
  d.periodFs = clock.at("period_fs");
  d.inputOffsetFs = clock.at("input_offset_fs");
  if (d.periodFs <= 0 || d.inputOffsetFs < 0 || d.inputOffsetFs >= d.periodFs)
    throw std::runtime_error("the clock period or input offset is out of "
                             "range");
  auto ports = [](const nlohmann::json &list, bool output) {
    std::vector<DesignPort> result;
    for (const auto &p : list) {
      DesignPort port;
      port.name = p.at("name");
      port.shape = p.at("shape").get<std::vector<int64_t>>();
      port.cells =
          p.at(output ? "probes" : "cells").get<std::vector<std::string>>();
      if (output)
        port.latency = p.at("latency").get<std::vector<int64_t>>();
      for (int64_t dim : port.shape)
        if (dim < 0)
          throw std::runtime_error("a negative dimension in '" + port.name +
                                   "'");
      if (int64_t(port.cells.size()) != elementsOf(port.shape) ||
          (output && port.latency.size() != port.cells.size()))
        throw std::runtime_error("the pins of '" + port.name +
                                 "' do not match its shape");
      for (int64_t l : port.latency)
        if (l < 0 || l > (int64_t(1) << 20))
          throw std::runtime_error("a latency of '" + port.name +
                                   "' is out of range");
      result.push_back(std::move(port));
    }
    return result;
  };
  d.inputs = ports(m.at("inputs"), false);
  d.outputs = ports(m.at("outputs"), true);
  for (const auto &[field, value] : m.at("cell_library").items())
    d.capacity[field] = value.get<int64_t>();
  const auto &budget = m.at("budget");
  d.budget.target = d.target;
  auto limit = [&](const char *key) -> std::optional<int64_t> {
    if (budget.at(key).is_null())
      return std::nullopt;
    return budget.at(key).get<int64_t>();
  };
  d.budget.junctions = limit("jj_budget");
  d.budget.pins = limit("pins");
  d.budget.junctionsPerDie = limit("jj_per_die");
  d.budget.clockHz = budget.at("clock_hz");
}

std::string describePs(int64_t fs) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.3f ps", double(fs) / 1000);
  return text;
}

std::string describeViolations(const std::vector<Violation> &violations) {
  std::string text = std::to_string(violations.size()) + " timing violation" +
                     (violations.size() == 1 ? "" : "s") +
                     "; first: " + violations.front().describe();
  for (size_t i = 1; i < violations.size() && i < 4; ++i)
    text += "\n  then: " + violations[i].describe();
  return text;
}

} // namespace

bool loadDesign(const std::string &directory, Design &design,
                std::string &error) {
  std::string manifestPath = directory + "/manifest.json", text;
  if (!runtime::readWholeFile(manifestPath, text, error))
    return false;
  design = Design();
  try {
    readManifest(nlohmann::json::parse(text), design);
  } catch (const std::exception &e) {
    error = manifestPath + ": not an SFQ netlist manifest (" + e.what() + ")";
    return false;
  }
  std::string netlistPath = directory + "/netlist.v";
  return runtime::readWholeFile(netlistPath, text, error) &&
         readVerilog(text, netlistPath, design.netlist, error);
}

bool simulateDesign(const std::string &directory,
                    const std::vector<runtime::NpyArray> &inputs, int64_t steps,
                    SimulateResult &result, std::string &error) {
  Design design;
  if (!loadDesign(directory, design, error))
    return false;
  std::string manifestPath = directory + "/manifest.json";
  std::string netlistPath = directory + "/netlist.v";
  CellLibrary library;
  if (!loadCellLibrary(design.capacity, library, error)) {
    error = manifestPath + ": " + error;
    return false;
  }
  // Static timing first: a path longer than the period delivers its pulse
  // a cycle late without breaking any cell's window.
  NetlistReport report;
  std::map<std::string, int64_t> probeOffsets;
  if (!analyzeNetlist(design.netlist, library, design.budget, report, error) ||
      !probeArrivals(design.netlist, library, probeOffsets, error)) {
    error = netlistPath + ": " + error;
    return false;
  }
  if (report.critical && report.critical->requiredFs > design.periodFs) {
    error = netlistPath + ": timing: the path from '" + report.critical->from +
            "' to '" + report.critical->to + "' pin " + report.critical->toPin +
            " needs " + describePs(report.critical->requiredFs) +
            " (setup included), the clock period is " +
            describePs(design.periodFs);
    return false;
  }

  if (inputs.size() != design.inputs.size()) {
    error = "the circuit takes " + std::to_string(design.inputs.size()) +
            " input(s), " + std::to_string(inputs.size()) + " given";
    return false;
  }
  int64_t available = -1;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const runtime::NpyArray &array = inputs[i];
    const DesignPort &port = design.inputs[i];
    std::vector<int64_t> perStep(
        array.shape.begin() + (array.shape.empty() ? 0 : 1), array.shape.end());
    if (array.shape.empty() || perStep != port.shape) {
      error =
          (array.source.empty() ? "input " + std::to_string(i) : array.source) +
          ": expected (steps, " + std::to_string(elementsOf(port.shape)) +
          "...) for '" + port.name + "', got " +
          std::to_string(array.shape.size()) + " dimensions";
      return false;
    }
    available =
        available < 0 ? array.shape[0] : std::min(available, array.shape[0]);
  }
  if (steps < 0)
    steps = std::max<int64_t>(available, 0);
  if (available >= 0 && steps > available) {
    error = "asked for " + std::to_string(steps) + " steps, the inputs hold " +
            std::to_string(available);
    return false;
  }
  int64_t maxLatency = 0, maxOffset = 0;
  for (const DesignPort &port : design.outputs)
    for (int64_t l : port.latency)
      maxLatency = std::max(maxLatency, l);
  for (const auto &[probe, offset] : probeOffsets)
    maxOffset = std::max(maxOffset, offset);
  // Cycles enough for the last step's pulses to reach the probes.
  maxLatency += maxOffset / design.periodFs;

  SimulationInput input;
  input.clock = {design.clockInput, design.periodFs, steps + maxLatency + 1, 0};
  for (size_t i = 0; i < inputs.size(); ++i) {
    const DesignPort &port = design.inputs[i];
    size_t width = port.cells.size();
    for (size_t e = 0; e < width; ++e) {
      if (port.cells[e].empty())
        continue;
      std::vector<int64_t> &times = input.pulses[port.cells[e]];
      for (int64_t s = 0; s < steps; ++s)
        if (inputs[i].getDouble(size_t(s) * width + e) != 0)
          times.push_back(s * design.periodFs + design.inputOffsetFs);
    }
  }
  SimulationResult simulated;
  auto start = std::chrono::steady_clock::now();
  if (!simulate(design.netlist, library, input, simulated, error)) {
    error = netlistPath + ": " + error;
    return false;
  }
  result = SimulateResult();
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (!simulated.violations.empty()) {
    error = netlistPath + ": " + describeViolations(simulated.violations);
    return false;
  }
  result.stats.steps = steps;
  result.stats.cycles = input.clock.cycles;
  result.stats.events = simulated.pulses;

  for (const DesignPort &port : design.outputs) {
    std::vector<int64_t> shape = {steps};
    shape.insert(shape.end(), port.shape.begin(), port.shape.end());
    runtime::NpyArray array =
        runtime::NpyArray::zeros(runtime::NpyDType::Bool, shape);
    std::vector<std::string> where;
    size_t width = port.cells.size();
    for (size_t e = 0; e < width; ++e) {
      auto probe = simulated.probes.find(port.cells[e]);
      std::optional<uint32_t> cell = design.netlist.findCell(port.cells[e]);
      if (probe == simulated.probes.end() || !cell) {
        error = manifestPath + ": output '" + port.name + "' element " +
                std::to_string(e) + ": no probe '" + port.cells[e] +
                "' in the netlist";
        return false;
      }
      std::optional<Pin> driver = design.netlist.driverOf({*cell, 0});
      where.push_back(driver ? "cell '" +
                                   design.netlist.cell(driver->cell).name + "'"
                             : "probe '" + port.cells[e] + "'");
      // A pulse launched by tick k arrives at k x period + the probe's
      // offset, whichever cycle that falls in: it is tick k's.
      std::vector<uint32_t> counts(size_t(input.clock.cycles), 0);
      int64_t offset = probeOffsets[port.cells[e]];
      for (int64_t t : probe->second) {
        int64_t k = cycleOf(t - offset, input.clock);
        if (k >= 0 && k < input.clock.cycles)
          ++counts[size_t(k)];
      }
      for (int64_t s = 0; s < steps; ++s) {
        uint32_t n = counts[size_t(s + port.latency[e])];
        if (n > 1) {
          error = netlistPath + ": probe '" + port.cells[e] + "' saw " +
                  std::to_string(n) + " pulses in cycle " +
                  std::to_string(s + port.latency[e]) +
                  " (a neuron fires at most once a cycle)";
          return false;
        }
        array.setDouble(size_t(s) * width + e, n);
      }
    }
    result.outputs.push_back(std::move(array));
    result.locations.push_back(std::move(where));
  }

  char line[256];
  std::snprintf(line, sizeof(line),
                "simulated %lld steps (%lld cycles of %.3f ps) in the SFQ "
                "pulse simulator: no timing violation\n",
                (long long)steps, (long long)input.clock.cycles,
                double(design.periodFs) / 1000);
  result.report = line;
  std::snprintf(line, sizeof(line),
                "  switching   %llu events, ~%.3g J per inference (estimate: "
                "1e-19 J per event)\n",
                (unsigned long long)simulated.pulses,
                result.stats.energyJoules());
  result.report += line;
  std::snprintf(line, sizeof(line), "  speed       %.3g pulses/s\n",
                result.seconds > 0 ? double(simulated.pulses) / result.seconds
                                   : 0.0);
  result.report += line;
  return true;
}

} // namespace snc::sfqbackend
