//===- SynthReport.cpp - reading yosys and nextpnr output -----------------===//
//
// Turns yosys's `stat` text into resources per module and in total, and a
// nextpnr log into Fmax; writes the report as JSON and as a table.
//
//===----------------------------------------------------------------------===//

#include "backends/fpga/Synth.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <functional>
#include <set>
#include <sstream>

namespace snc::fpga {

const char *getSynthFamilyName(SynthFamily family) {
  return family == SynthFamily::Xilinx7 ? "xc7" : "ice40";
}

bool getSynthFamily(const targets::TargetDescription &target,
                    SynthFamily &family, std::string &error) {
  if (!target.fpga) {
    error = "target '" + target.name + "' is not an FPGA target (family " +
            targets::getFamilyName(target.family).str() +
            "): there is nothing to synthesise for it";
    return false;
  }
  switch (target.fpga->lutInputs) {
  case 6:
    family = SynthFamily::Xilinx7;
    return true;
  case 4:
    family = SynthFamily::ICE40;
    return true;
  default:
    error = "target '" + target.name + "': capacity.lut_inputs " +
            std::to_string(target.fpga->lutInputs) +
            " names no family snc synthesises for (6: Xilinx 7-series, "
            "4: iCE40)";
    return false;
  }
}

Resources &Resources::operator+=(const Resources &other) {
  luts += other.luts;
  flipFlops += other.flipFlops;
  bramBlocks += other.bramBlocks;
  spramBlocks += other.spramBlocks;
  dspBlocks += other.dspBlocks;
  return *this;
}

Resources Resources::scaled(int64_t times) const {
  Resources r;
  r.luts = luts * times;
  r.flipFlops = flipFlops * times;
  r.bramBlocks = bramBlocks * static_cast<double>(times);
  r.spramBlocks = spramBlocks * times;
  r.dspBlocks = dspBlocks * times;
  return r;
}

namespace {

bool startsWith(const std::string &s, const char *prefix) {
  return s.rfind(prefix, 0) == 0;
}

/// What `count` cells of the primitive `type` take; types that are no
/// resource (carry chains, wide muxes, I/O buffers, clock buffers) take
/// nothing.
Resources primitiveResources(SynthFamily family, const std::string &type,
                             int64_t count) {
  Resources r;
  if (family == SynthFamily::ICE40) {
    if (type == "SB_LUT4")
      r.luts = count;
    else if (startsWith(type, "SB_DFF"))
      r.flipFlops = count;
    else if (startsWith(type, "SB_RAM40_4K"))
      r.bramBlocks = static_cast<double>(count);
    else if (type == "SB_SPRAM256KA")
      r.spramBlocks = count;
    else if (type == "SB_MAC16")
      r.dspBlocks = count;
    return r;
  }
  // Xilinx 7-series: LUT RAM and shift registers occupy LUTs of a SLICEM
  // (UG474); the count is LUTs per primitive.
  static const std::map<std::string, int64_t> lutsPerCell = {
      {"LUT1", 1},      {"LUT2", 1},     {"LUT3", 1},      {"LUT4", 1},
      {"LUT5", 1},      {"LUT6", 1},     {"LUT6_2", 1},    {"SRL16E", 1},
      {"SRLC16E", 1},   {"SRLC32E", 1},  {"RAM32X1S", 1},  {"RAM32X1D", 2},
      {"RAM64X1S", 1},  {"RAM64X1D", 2}, {"RAM128X1S", 2}, {"RAM128X1D", 4},
      {"RAM256X1S", 4}, {"RAM32M", 4},   {"RAM64M", 4}};
  auto lut = lutsPerCell.find(type);
  if (lut != lutsPerCell.end())
    r.luts = lut->second * count;
  else if (startsWith(type, "FD") || startsWith(type, "LDCE") ||
           startsWith(type, "LDPE"))
    r.flipFlops = count;
  else if (type == "RAMB36E1" || type == "FIFO36E1")
    r.bramBlocks = static_cast<double>(count);
  else if (type == "RAMB18E1" || type == "FIFO18E1")
    r.bramBlocks = 0.5 * static_cast<double>(count);
  else if (type == "DSP48E1")
    r.dspBlocks = count;
  return r;
}

std::string trim(const std::string &s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos)
    return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

/// "$paramod$<hash>\neuron_core" -> "neuron_core".
std::string baseModuleName(const std::string &module) {
  size_t slash = module.rfind('\\');
  return slash == std::string::npos ? module : module.substr(slash + 1);
}

using CellCounts = std::vector<std::pair<std::string, int64_t>>;

} // namespace

bool parseYosysStat(const std::string &text, SynthReport &report,
                    std::string &error) {
  // Module sections: "=== name ===", then "Number of cells: N" followed by
  // one "type count" line per cell type up to a blank line. The "design
  // hierarchy" section repeats totals; they are recomputed here instead,
  // so per-module figures and the total come from the same numbers.
  std::map<std::string, CellCounts> modules;
  std::istringstream in(text);
  std::string line, section;
  bool inCells = false;
  int lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    std::string t = trim(line);
    if (t.size() > 8 && startsWith(t, "=== ") &&
        t.compare(t.size() - 4, 4, " ===") == 0) {
      section = trim(t.substr(4, t.size() - 8));
      inCells = false;
      if (section == "design hierarchy")
        section.clear();
      else if (!modules.emplace(section, CellCounts()).second) {
        error = "yosys stat, line " + std::to_string(lineNo) + ": module '" +
                section + "' listed twice";
        return false;
      }
      continue;
    }
    if (section.empty())
      continue;
    if (t.empty()) {
      inCells = false;
      continue;
    }
    if (startsWith(t, "Number of cells:")) {
      inCells = true;
      continue;
    }
    if (!inCells)
      continue;
    size_t space = t.find_last_of(" \t");
    std::string type =
        space == std::string::npos ? "" : trim(t.substr(0, space));
    std::string number = space == std::string::npos ? t : t.substr(space + 1);
    char *end = nullptr;
    long long count = std::strtoll(number.c_str(), &end, 10);
    if (type.empty() || number.empty() || *end != '\0' || count < 0) {
      error = "yosys stat, line " + std::to_string(lineNo) +
              ": expected a cell type and its count in module '" + section +
              "', got '" + t + "'";
      return false;
    }
    modules[section].emplace_back(type, count);
  }
  if (!modules.count(report.top)) {
    error = "yosys stat has no module '" + report.top + "' (modules:";
    for (const auto &[name, cells] : modules)
      error += " " + name;
    error += modules.empty() ? " none)" : ")";
    return false;
  }

  // Totals per module, submodules included; the cells of the whole design.
  std::map<std::string, Resources> totals;
  std::set<std::string> open;
  std::function<bool(const std::string &, int64_t)> visit =
      [&](const std::string &module, int64_t times) -> bool {
    if (open.count(module)) {
      error = "yosys stat: module '" + module + "' contains itself";
      return false;
    }
    open.insert(module);
    Resources sum;
    for (const auto &[type, count] : modules[module]) {
      if (modules.count(type)) {
        if (!visit(type, times * count))
          return false;
        sum += totals[type].scaled(count);
      } else {
        report.cells[type] += times * count;
        sum += primitiveResources(report.family, type, count);
      }
    }
    open.erase(module);
    totals[module] = sum;
    return true;
  };
  report.cells.clear();
  report.modules.clear();
  if (!visit(report.top, 1))
    return false;
  report.total = totals[report.top];
  for (const auto &[type, count] : modules[report.top])
    if (modules.count(type))
      report.modules.push_back(
          {type, baseModuleName(type), count, {}, totals[type]});
  return true;
}

bool parseNextpnrLog(const std::string &log, PlaceAndRoute &result,
                     bool requireClock, std::string &error) {
  // "Info: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 57.23 MHz
  // (PASS at 12.00 MHz)", once after placement and once after routing: the
  // later line of a clock wins.
  static const std::string marker = "Max frequency for clock '";
  result.clocksMHz.clear();
  std::istringstream in(log);
  std::string line;
  while (std::getline(in, line)) {
    size_t at = line.find(marker);
    if (at == std::string::npos)
      continue;
    size_t nameBegin = at + marker.size();
    size_t nameEnd = line.find("': ", nameBegin);
    if (nameEnd == std::string::npos)
      continue;
    const char *number = line.c_str() + nameEnd + 3;
    char *end = nullptr;
    double mhz = std::strtod(number, &end);
    if (end == number || std::string(end).rfind(" MHz", 0) != 0) {
      error = "nextpnr log: cannot read the frequency in '" + trim(line) + "'";
      return false;
    }
    result.clocksMHz[line.substr(nameBegin, nameEnd - nameBegin)] = mhz;
  }
  result.fmaxMHz = 0;
  for (const auto &[clock, mhz] : result.clocksMHz)
    if (result.fmaxMHz == 0 || mhz < result.fmaxMHz)
      result.fmaxMHz = mhz;
  if (requireClock && result.clocksMHz.empty()) {
    error = "nextpnr log has no 'Max frequency for clock' line";
    return false;
  }
  return true;
}

namespace {

struct Row {
  const char *key;   // capacity key in target files and synth.json
  const char *label; // for people
  double used, part;
};

std::vector<Row> rows(const SynthReport &report) {
  const Resources &u = report.total, &c = report.capacity;
  std::vector<Row> r = {
      {"luts", "LUT", double(u.luts), double(c.luts)},
      {"flip_flops", "FF", double(u.flipFlops), double(c.flipFlops)},
      {"bram_blocks",
       report.family == SynthFamily::Xilinx7 ? "BRAM36" : "BRAM (4 Kb)",
       u.bramBlocks, c.bramBlocks},
      {"dsp_blocks", "DSP", double(u.dspBlocks), double(c.dspBlocks)}};
  if (report.family == SynthFamily::ICE40)
    r.push_back({"spram_blocks", "SPRAM", double(u.spramBlocks),
                 double(c.spramBlocks)});
  return r;
}

/// Percent of the part, to 0.1; -1 when the part has none of it.
double percent(double used, double part) {
  if (part <= 0)
    return used > 0 ? -1 : 0;
  return std::round(1000.0 * used / part) / 10.0;
}

nlohmann::json toJSONValue(double value) {
  if (value == std::floor(value))
    return static_cast<int64_t>(value);
  return value;
}

nlohmann::json resourcesJSON(const SynthReport &report, const Resources &r) {
  SynthReport one = report;
  one.total = r;
  nlohmann::json j = nlohmann::json::object();
  for (const Row &row : rows(one))
    j[row.key] = toJSONValue(row.used);
  return j;
}

std::string format(double value) {
  char buffer[32];
  if (value == std::floor(value))
    std::snprintf(buffer, sizeof(buffer), "%lld",
                  static_cast<long long>(value));
  else
    std::snprintf(buffer, sizeof(buffer), "%.1f", value);
  return buffer;
}

} // namespace

std::string SynthReport::overflow() const {
  std::string over;
  for (const Row &row : rows(*this))
    if (row.used > row.part)
      over += std::string(over.empty() ? "" : ", ") + row.label + " " +
              format(row.used) + " > " + format(row.part);
  return over;
}

bool SynthReport::fits() const { return overflow().empty(); }

std::string SynthReport::toJSON() const {
  nlohmann::json j;
  j["target"] = target;
  j["top"] = top;
  j["family"] = getSynthFamilyName(family);
  j["tool"] = toolVersion;
  j["command"] = command;
  j["total"] = resourcesJSON(*this, total);
  j["capacity"] = resourcesJSON(*this, capacity);
  nlohmann::json use = nlohmann::json::object();
  for (const Row &row : rows(*this))
    use[row.key] = percent(row.used, row.part);
  j["utilisation_percent"] = use;
  j["fits"] = fits();
  j["modules"] = nlohmann::json::array();
  for (const ModuleResources &m : modules)
    j["modules"].push_back({{"module", m.module},
                            {"name", m.name},
                            {"instances", m.instances},
                            {"instance_names", m.instanceNames},
                            {"each", resourcesJSON(*this, m.each)}});
  j["cells"] = cells;
  if (hasPlanned)
    j["planned"] = {{"bram", plannedBram}, {"spram", plannedSprams}};
  if (placed) {
    const PlaceAndRoute &p = placeAndRoute;
    j["place_and_route"] = {
        {"tool", p.tool},        {"device", p.device},
        {"package", p.package},  {"target_mhz", p.targetMHz},
        {"fmax_mhz", p.fmaxMHz}, {"clocks_mhz", p.clocksMHz},
        {"wrapped", p.wrapped},  {"bitstream", p.bitstream}};
  } else if (!placeAndRouteSkipped.empty()) {
    j["place_and_route_skipped"] = placeAndRouteSkipped;
  }
  return j.dump(2) + "\n";
}

std::string SynthReport::toText() const {
  std::ostringstream os;
  os << "synthesis of " << top << " for " << target << " (" << command
     << (toolVersion.empty() ? "" : ", " + toolVersion) << "):\n";
  char line[128];
  std::snprintf(line, sizeof(line), "  %-12s %10s %10s %8s\n", "resource",
                "used", "part", "use");
  os << line;
  for (const Row &row : rows(*this)) {
    double p = percent(row.used, row.part);
    std::string use = p < 0 ? "over" : format(p) + "%";
    std::snprintf(line, sizeof(line), "  %-12s %10s %10s %8s\n", row.label,
                  format(row.used).c_str(), format(row.part).c_str(),
                  use.c_str());
    os << line;
  }
  if (!fits())
    os << "  the design does not fit the part: " << overflow() << "\n";
  for (const ModuleResources &m : modules) {
    // "u_core0 (neuron_core): ...", "u_a, u_b (neuron_core x2), each: ...",
    // or without names "neuron_core x2, each: ...".
    std::string names;
    for (const std::string &name : m.instanceNames)
      names += (names.empty() ? "" : ", ") + name;
    std::string kind = m.name + (m.instances == 1 && !names.empty()
                                     ? ""
                                     : " x" + std::to_string(m.instances));
    os << "  " << (names.empty() ? kind : names + " (" + kind + ")")
       << (m.instances == 1 && !names.empty() ? ": " : ", each: ")
       << m.each.luts << " LUT, " << m.each.flipFlops << " FF, "
       << format(m.each.bramBlocks) << " BRAM, "
       << (family == SynthFamily::ICE40
               ? std::to_string(m.each.spramBlocks) + " SPRAM, "
               : "")
       << m.each.dspBlocks << " DSP\n";
  }
  if (hasPlanned)
    os << "  planned (snc's estimate): " << format(plannedBram) << " BRAM"
       << (family == SynthFamily::ICE40
               ? ", " + std::to_string(plannedSprams) + " SPRAM"
               : "")
       << (plannedBram == total.bramBlocks && plannedSprams == total.spramBlocks
               ? ", as synthesised"
               : ", synthesised differs")
       << "\n";
  if (placed) {
    const PlaceAndRoute &p = placeAndRoute;
    os << "place and route (" << p.tool << " --" << p.device << " --package "
       << p.package << "): ";
    if (p.clocksMHz.empty())
      os << "no clock";
    else
      os << "Fmax " << format(std::round(p.fmaxMHz * 10) / 10) << " MHz";
    os << " (target " << format(p.targetMHz) << " MHz"
       << (!p.clocksMHz.empty() && p.fmaxMHz < p.targetMHz ? ", not met" : "")
       << (p.wrapped ? "; ports through the two-pin wrapper" : "")
       << "); bitstream " << p.bitstream << "\n";
  } else if (!placeAndRouteSkipped.empty()) {
    os << "place and route skipped: " << placeAndRouteSkipped << "\n";
  }
  return os.str();
}

} // namespace snc::fpga
