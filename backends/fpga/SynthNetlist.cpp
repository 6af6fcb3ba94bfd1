//===- SynthNetlist.cpp - reading the netlist yosys writes ----------------===//
//
// Two uses of yosys's JSON netlist: the instance names of the top's
// submodules (stat counts modules, not instances), and the ports of the top
// for the place-and-route wrapper.
//
// A generated top level has ports for a simulation harness (event inputs,
// 64-bit counters, per-core records): hundreds of bits, more than an iCE40
// package has pins. To time the logic itself, place and route runs on a
// wrapper with two pins: `clk` and one output. A shift register with XOR
// feedback drives every other input and the XOR of every output is
// registered into the pin, so no logic is optimised away and every path
// between registers is the design's own (plus one XOR tree stage).
//
//===----------------------------------------------------------------------===//

#include "backends/fpga/Synth.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace snc::fpga {

namespace {

bool isPlainIdentifier(const std::string &s) {
  if (s.empty() || !(std::isalpha((unsigned char)s[0]) || s[0] == '_'))
    return false;
  for (char c : s)
    if (!(std::isalnum((unsigned char)c) || c == '_'))
      return false;
  return true;
}

struct Port {
  std::string name;
  size_t width = 0;
};

} // namespace

const char *const kPlaceAndRouteWrapperTop = "snc_pnr_top";

bool addInstanceNames(const std::string &netlistJSON, SynthReport &report,
                      std::string &error) {
  nlohmann::json netlist =
      nlohmann::json::parse(netlistJSON, nullptr, /*allow_exceptions=*/false);
  const nlohmann::json *cells = nullptr;
  if (!netlist.is_discarded() && netlist.is_object() &&
      netlist.contains("modules") && netlist["modules"].is_object() &&
      netlist["modules"].contains(report.top)) {
    const nlohmann::json &top = netlist["modules"][report.top];
    if (top.is_object() && top.contains("cells") && top["cells"].is_object())
      cells = &top["cells"];
  }
  if (!cells) {
    error = "the netlist has no module '" + report.top + "' with cells";
    return false;
  }
  for (ModuleResources &m : report.modules) {
    m.instanceNames.clear();
    for (const auto &[name, cell] : cells->items())
      if (cell.is_object() && cell.contains("type") &&
          cell["type"].is_string() && cell["type"] == m.module)
        m.instanceNames.push_back(name);
    std::sort(m.instanceNames.begin(), m.instanceNames.end());
    if (m.instanceNames.size() != static_cast<size_t>(m.instances)) {
      error = "the netlist has " + std::to_string(m.instanceNames.size()) +
              " instance(s) of '" + m.module + "' in '" + report.top +
              "', yosys stat " + std::to_string(m.instances);
      return false;
    }
  }
  // In instance order (u_core0, u_core1, ...), which is how people name
  // them, rather than by yosys's parameter hashes.
  std::stable_sort(report.modules.begin(), report.modules.end(),
                   [](const ModuleResources &a, const ModuleResources &b) {
                     return a.instanceNames < b.instanceNames;
                   });
  return true;
}

bool writePlaceAndRouteWrapper(const std::string &netlistJSON,
                               const std::string &top, std::string &verilog,
                               size_t &portBits, std::string &reason) {
  portBits = 0;
  nlohmann::json netlist =
      nlohmann::json::parse(netlistJSON, nullptr, /*allow_exceptions=*/false);
  if (netlist.is_discarded() || !netlist.is_object() ||
      !netlist.contains("modules") || !netlist["modules"].is_object()) {
    reason = "the netlist is not yosys JSON";
    return false;
  }
  const nlohmann::json &modules = netlist["modules"];
  auto module = modules.find(top);
  if (module == modules.end() || !module->is_object() ||
      !module->contains("ports") || !(*module)["ports"].is_object()) {
    reason = "the netlist has no module '" + top + "' with ports";
    return false;
  }
  reason.clear();
  std::vector<Port> inputs, outputs;
  bool hasClock = false;
  for (const auto &[name, port] : (*module)["ports"].items()) {
    if (!port.is_object() || !port.contains("direction") ||
        !port["direction"].is_string() || !port.contains("bits") ||
        !port["bits"].is_array() || port["bits"].empty()) {
      reason = "port '" + name + "' of '" + top + "' is malformed";
      return false;
    }
    std::string direction = port["direction"].get<std::string>();
    Port p{name, port["bits"].size()};
    portBits += p.width;
    if (!isPlainIdentifier(name))
      reason = "port '" + name + "' of '" + top + "' is not a plain identifier";
    if (direction == "input" && name == "clk" && p.width == 1)
      hasClock = true;
    else if (direction == "input")
      inputs.push_back(p);
    else if (direction == "output")
      outputs.push_back(p);
    else
      reason = "port '" + name + "' of '" + top + "' is " + direction +
               ", which the wrapper cannot drive";
  }
  if (!reason.empty())
    return false;
  if (!hasClock) {
    reason = "'" + top + "' has no 1-bit input 'clk' to time";
    return false;
  }
  if (outputs.empty()) {
    reason = "'" + top + "' has no outputs: nothing would be left to time";
    return false;
  }
  size_t inputBits = 0, outputBits = 0;
  for (const Port &p : inputs)
    inputBits += p.width;
  for (const Port &p : outputs)
    outputBits += p.width;

  std::ostringstream v;
  v << "// Written by snc (backends/fpga/SynthWrapper.cpp): '" << top
    << "' between a shift register\n// that drives its " << inputBits
    << " input bits and the XOR of its " << outputBits
    << " output bits, for place and route.\n"
    << "module " << kPlaceAndRouteWrapperTop
    << " (\n    input  wire clk,\n    output reg  out\n);\n";
  if (inputBits > 0) {
    v << "  reg [" << inputBits - 1 << ":0] s = " << inputBits << "'d1;\n";
    if (inputBits == 1)
      v << "  always @(posedge clk) s <= ~s;\n";
    else
      v << "  always @(posedge clk) s <= {s[" << inputBits - 2 << ":0], s["
        << inputBits - 1 << "] ^ s[0]};\n";
  }
  v << "  wire [" << outputBits - 1 << ":0] o;\n";
  v << "  " << top << " design (\n      .clk(clk)";
  size_t at = 0;
  for (const Port &p : inputs) {
    v << ",\n      ." << p.name << "(s[" << at + p.width - 1 << ":" << at
      << "])";
    at += p.width;
  }
  at = 0;
  for (const Port &p : outputs) {
    v << ",\n      ." << p.name << "(o[" << at + p.width - 1 << ":" << at
      << "])";
    at += p.width;
  }
  v << "\n  );\n  always @(posedge clk) out <= ^o;\nendmodule\n";
  verilog = v.str();
  return true;
}

} // namespace snc::fpga
