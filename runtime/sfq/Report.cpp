//===- Report.cpp - size, timing and energy of an SFQ netlist -------------===//

#include "runtime/sfq/Report.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <limits>

namespace snc::runtime::sfq {

namespace {

constexpr int64_t kUnset = std::numeric_limits<int64_t>::min();

std::string ps(int64_t fs) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.3f", double(fs) / 1000);
  return text;
}

std::string fixed(double value, int digits) {
  char text[64];
  std::snprintf(text, sizeof(text), "%.*f", digits, value);
  return text;
}

std::string jsonString(const std::string &s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      char code[8];
      std::snprintf(code, sizeof(code), "\\u%04x", c);
      out += code;
      continue;
    }
    out += c;
  }
  return out + "\"";
}

/// When a pulse leaves an output slot, relative to the tick that started
/// its cycle (at time 0 on the clock's input pin): the latest and earliest
/// time over all paths, the asynchronous cells on the latest path and the
/// cell that launched it.
struct Arrival {
  int64_t late = kUnset, early = kUnset;
  unsigned cells = 0;
  uint32_t launch = 0;
  bool valid() const { return late != kUnset; }
};

/// The static timing walk: memoized over output slots, with a loop check.
class TimingWalk {
public:
  TimingWalk(const Netlist &n, const CellLibrary &l)
      : netlist(n), library(l), outputCell(n.outputSinks().size()),
        driver(n.numInputSlots(), -1), arrivals(n.outputSinks().size()),
        state(n.outputSinks().size(), 0) {
    for (uint32_t c = 0; c < n.numCells(); ++c)
      for (unsigned p = 0; p < n.numOutputs(c); ++p)
        outputCell[n.outputBase(c) + p] = c;
    const std::vector<int64_t> &sinks = n.outputSinks();
    for (size_t o = 0; o < sinks.size(); ++o)
      if (sinks[o] >= 0)
        driver[size_t(sinks[o])] = int64_t(o);
  }

  /// The output slot driving input `pin` of `cell`, or -1.
  int64_t driverOf(uint32_t cell, unsigned pin) const {
    return driver[netlist.inputBase(cell) + pin];
  }

  /// The arrival of pulses leaving output slot `o`; false on a loop.
  bool arrival(int64_t o, Arrival &result, std::string &error) {
    if (state[size_t(o)] == 2) {
      result = arrivals[size_t(o)];
      return true;
    }
    uint32_t c = outputCell[size_t(o)];
    const Cell &cell = netlist.cell(c);
    if (state[size_t(o)] == 1) {
      error = "asynchronous loop through cell '" + cell.name + "' (" +
              cellKindName(cell.kind) +
              "): pulses around it never stop; a loop needs a clocked cell";
      return false;
    }
    state[size_t(o)] = 1;
    Arrival a;
    int64_t delay = library.timing(cell.kind).delayFs;
    if (cell.kind == CellKind::DCSFQ) {
      a.late = a.early = 0;
      a.launch = c;
    } else if (isClocked(cell.kind)) {
      Arrival clock;
      if (!clockArrival(c, clock, error))
        return false;
      if (clock.valid()) {
        a.late = clock.late + delay;
        a.early = clock.early + delay;
        a.launch = c;
      }
    } else {
      for (unsigned p = 0; p < netlist.numInputs(c); ++p) {
        int64_t d = driverOf(c, p);
        if (d < 0)
          continue;
        Arrival in;
        if (!arrival(d, in, error))
          return false;
        if (!in.valid())
          continue;
        if (!a.valid() || in.late + delay > a.late) {
          a.late = in.late + delay;
          a.cells = in.cells + 1;
          a.launch = in.launch;
        }
        a.early = a.early == kUnset ? in.early + delay
                                    : std::min(a.early, in.early + delay);
      }
    }
    arrivals[size_t(o)] = a;
    state[size_t(o)] = 2;
    result = a;
    return true;
  }

  /// When the clock reaches clocked cell `c`'s clock pin.
  bool clockArrival(uint32_t c, Arrival &result, std::string &error) {
    result = Arrival();
    int64_t d = driverOf(c, netlist.numInputs(c) - 1);
    return d < 0 || arrival(d, result, error);
  }

private:
  const Netlist &netlist;
  const CellLibrary &library;
  std::vector<uint32_t> outputCell; // per output slot
  std::vector<int64_t> driver;      // per input slot: output slot or -1
  std::vector<Arrival> arrivals;
  std::vector<uint8_t> state; // 0 new, 1 on the walk, 2 done
};

/// Per cell, the fewest clocked cells on a data path from an input pin to
/// it (itself included), or -1 if none reaches it: a 0-1 breadth-first
/// search that enters clocked cells through their data pins only (the clock
/// tree is not a data path). Balanced paths make every forward path equal;
/// a recurrent back edge is longer, so it does not count.
std::vector<int64_t> clockedStages(const Netlist &netlist) {
  std::vector<int64_t> stage(netlist.numCells(), -1);
  std::vector<uint32_t> slotCell(netlist.numInputSlots());
  std::vector<unsigned> slotPin(netlist.numInputSlots());
  for (uint32_t c = 0; c < netlist.numCells(); ++c)
    for (unsigned p = 0; p < netlist.numInputs(c); ++p) {
      slotCell[netlist.inputBase(c) + p] = c;
      slotPin[netlist.inputBase(c) + p] = p;
    }
  std::deque<uint32_t> queue;
  for (uint32_t c = 0; c < netlist.numCells(); ++c)
    if (netlist.cell(c).kind == CellKind::DCSFQ) {
      stage[c] = 0;
      queue.push_back(c);
    }
  const std::vector<int64_t> &sinks = netlist.outputSinks();
  while (!queue.empty()) {
    uint32_t u = queue.front();
    queue.pop_front();
    for (unsigned o = 0; o < netlist.numOutputs(u); ++o) {
      int64_t in = sinks[netlist.outputBase(u) + o];
      if (in < 0)
        continue;
      uint32_t v = slotCell[size_t(in)];
      bool clocked = isClocked(netlist.cell(v).kind);
      if (clocked && slotPin[size_t(in)] + 1 == netlist.numInputs(v))
        continue; // the clock pin
      int64_t next = stage[u] + (clocked ? 1 : 0);
      if (stage[v] >= 0 && stage[v] <= next)
        continue;
      stage[v] = next;
      if (clocked)
        queue.push_back(v);
      else
        queue.push_front(v);
    }
  }
  return stage;
}

} // namespace

std::string withCommas(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

bool analyzeNetlist(const Netlist &netlist, const CellLibrary &library,
                    const DieBudget &budget, NetlistReport &report,
                    std::string &error) {
  report = NetlistReport();
  report.budget = budget;
  for (uint32_t c = 0; c < netlist.numCells(); ++c) {
    const Cell &cell = netlist.cell(c);
    unsigned kind = static_cast<unsigned>(cell.kind);
    ++report.cells[kind];
    report.junctions[kind] += library.junctions(netlist, c);
    if (cell.kind == CellKind::DCSFQ || cell.kind == CellKind::SFQDC)
      ++report.pins;
    if (cell.kind == CellKind::Neuron) {
      ++report.neurons;
      report.synapses += int64_t(cell.neuron.weights.size());
    }
  }
  for (unsigned k = 0; k < kNumCellKinds; ++k) {
    report.totalJunctions += report.junctions[k];
    report.totalCells += report.cells[k];
  }
  std::optional<int64_t> perDie =
      budget.junctions ? budget.junctions : budget.junctionsPerDie;
  if (perDie && *perDie > 0)
    report.dies =
        std::max<int64_t>(1, (report.totalJunctions + *perDie - 1) / *perDie);

  std::vector<int64_t> stages = clockedStages(netlist);
  for (uint32_t c = 0; c < netlist.numCells(); ++c)
    if (netlist.cell(c).kind == CellKind::SFQDC && stages[c] >= 0)
      report.clockedDepth = std::max(report.clockedDepth, stages[c]);

  TimingWalk walk(netlist, library);
  for (uint32_t c = 0; c < netlist.numCells(); ++c) {
    const Cell &cell = netlist.cell(c);
    if (!isClocked(cell.kind))
      continue;
    Arrival clock;
    if (!walk.clockArrival(c, clock, error))
      return false;
    if (!clock.valid())
      continue; // validate() reports the unconnected clock
    const CellTiming &timing = library.timing(cell.kind);
    for (unsigned p = 0; p + 1 < netlist.numInputs(c); ++p) {
      int64_t d = walk.driverOf(c, p);
      Arrival in;
      if (d < 0)
        continue;
      if (!walk.arrival(d, in, error))
        return false;
      if (!in.valid())
        continue;
      const Cell &launch = netlist.cell(in.launch);
      if (launch.kind == CellKind::DCSFQ)
        continue; // an input pin: the simulator chooses its phase
      report.asyncDepth = std::max<int64_t>(report.asyncDepth, in.cells);
      // Launched by one tick, captured by the next, a period later.
      int64_t required = in.late - clock.early + timing.setupFs;
      if (!report.critical || required > report.critical->requiredFs)
        report.critical =
            TimingPath{launch.name, cell.name, netlist.inputName(c, p),
                       required, in.cells};
      // The earliest launch must clear the capture's hold at the same tick.
      int64_t slack = in.early - clock.late - timing.holdFs;
      if (!report.holdSlackFs || slack < *report.holdSlackFs)
        report.holdSlackFs = slack;
    }
  }
  if (report.critical && report.critical->requiredFs > 0)
    report.maxClockHz = 1e15 / double(report.critical->requiredFs);
  return true;
}

bool probeArrivals(const Netlist &netlist, const CellLibrary &library,
                   std::map<std::string, int64_t> &arrivals,
                   std::string &error) {
  arrivals.clear();
  TimingWalk walk(netlist, library);
  for (uint32_t c = 0; c < netlist.numCells(); ++c) {
    if (netlist.cell(c).kind != CellKind::SFQDC)
      continue;
    Arrival in;
    int64_t d = walk.driverOf(c, 0);
    if (d >= 0 && !walk.arrival(d, in, error))
      return false;
    arrivals[netlist.cell(c).name] = in.valid() ? in.early : 0;
  }
  return true;
}

std::vector<std::string> budgetProblems(const NetlistReport &report) {
  std::vector<std::string> problems;
  const DieBudget &b = report.budget;
  if (b.junctions && report.totalJunctions > *b.junctions) {
    int64_t over = report.totalJunctions - *b.junctions;
    problems.push_back(withCommas(report.totalJunctions) +
                       " Josephson junctions are " + withCommas(over) + " (" +
                       fixed(100.0 * double(over) / double(*b.junctions), 1) +
                       "%) over " + b.target + "'s budget of " +
                       withCommas(*b.junctions) + " (it would need " +
                       std::to_string(report.dies.value_or(0)) + " dies of " +
                       withCommas(*b.junctions) + ")");
  }
  if (b.pins && report.pins > *b.pins)
    problems.push_back(std::to_string(report.pins) + " pins are " +
                       std::to_string(report.pins - *b.pins) + " over " +
                       b.target + "'s " + std::to_string(*b.pins) +
                       " (one per input, output and the clock)");
  return problems;
}

std::string reportText(const NetlistReport &r, const SwitchingStats *stats) {
  std::string out;
  auto line = [&](const std::string &key, const std::string &value) {
    std::string padded = "  " + key;
    padded.resize(std::max<size_t>(padded.size() + 1, 14), ' ');
    out += padded + value + "\n";
  };
  std::string total = withCommas(r.totalJunctions);
  if (r.budget.junctions)
    total +=
        " of " + withCommas(*r.budget.junctions) + " (" +
        fixed(100.0 * double(r.totalJunctions) / double(*r.budget.junctions),
              1) +
        "%)";
  else
    total += " (no budget)";
  if (r.dies && r.budget.junctionsPerDie && !r.budget.junctions)
    total += ": " + std::to_string(*r.dies) + " dies of " +
             withCommas(*r.budget.junctionsPerDie);
  line("junctions", total);
  for (unsigned k = 0; k < kNumCellKinds; ++k)
    if (r.cells[k] > 0)
      line("  " + std::string(cellKindName(CellKind(k))),
           withCommas(r.junctions[k]) + " in " + withCommas(r.cells[k]) +
               " cell" + (r.cells[k] == 1 ? "" : "s"));
  line("pins", std::to_string(r.pins) +
                   (r.budget.pins ? " of " + std::to_string(*r.budget.pins)
                                  : std::string()));
  line("neurons",
       withCommas(r.neurons) + ", " + withCommas(r.synapses) + " synapses");
  line("depth", std::to_string(r.clockedDepth) + " clocked stage" +
                    (r.clockedDepth == 1 ? "" : "s") + ", at most " +
                    std::to_string(r.asyncDepth) +
                    " asynchronous cells between clocked cells");
  if (r.critical) {
    line("critical",
         ps(r.critical->requiredFs) + " ps from '" + r.critical->from +
             "' to '" + r.critical->to + "' pin " + r.critical->toPin + " (" +
             std::to_string(r.critical->cells) + " cells, setup included)");
    line("max clock", fixed(r.maxClockHz / 1e9, 2) + " GHz (target clock " +
                          fixed(double(r.budget.clockHz) / 1e9, 2) + " GHz)");
  } else {
    line("critical", "no path between clocked cells");
  }
  if (r.holdSlackFs)
    line("hold slack", ps(*r.holdSlackFs) + " ps");
  if (stats) {
    line("switching", withCommas(int64_t(stats->events)) + " events over " +
                          std::to_string(stats->steps) + " steps (" +
                          std::to_string(stats->cycles) + " cycles)");
    char energy[64];
    std::snprintf(energy, sizeof(energy), "%.3g J", stats->energyJoules());
    line("energy", std::string("~") + energy +
                       " per inference (estimate: 1e-19 J per switching "
                       "event)");
    line("violations", std::to_string(stats->violations));
  }
  return out;
}

std::string reportJSON(const NetlistReport &r, const SwitchingStats *stats) {
  std::string out = "{\n";
  auto field = [&](const std::string &key, const std::string &value,
                   bool last = false) {
    out += "  " + jsonString(key) + ": " + value + (last ? "\n" : ",\n");
  };
  auto optional = [](const std::optional<int64_t> &v) {
    return v ? std::to_string(*v) : std::string("null");
  };
  field("target", jsonString(r.budget.target));
  field("junctions", std::to_string(r.totalJunctions));
  field("jj_budget", optional(r.budget.junctions));
  field("jj_per_die", optional(r.budget.junctionsPerDie));
  field("dies", optional(r.dies));
  std::string byKind = "{";
  bool first = true;
  for (unsigned k = 0; k < kNumCellKinds; ++k) {
    if (r.cells[k] == 0)
      continue;
    byKind += std::string(first ? "" : ", ") +
              jsonString(cellKindName(CellKind(k))) +
              ": {\"cells\": " + std::to_string(r.cells[k]) +
              ", \"junctions\": " + std::to_string(r.junctions[k]) + "}";
    first = false;
  }
  field("by_cell", byKind + "}");
  field("cells", std::to_string(r.totalCells));
  field("pins", std::to_string(r.pins));
  field("pin_budget", optional(r.budget.pins));
  field("neurons", std::to_string(r.neurons));
  field("synapses", std::to_string(r.synapses));
  field("clocked_depth", std::to_string(r.clockedDepth));
  field("async_depth", std::to_string(r.asyncDepth));
  if (r.critical)
    field("critical_path",
          "{\"ps\": " + ps(r.critical->requiredFs) +
              ", \"from\": " + jsonString(r.critical->from) +
              ", \"to\": " + jsonString(r.critical->to) +
              ", \"pin\": " + jsonString(r.critical->toPin) +
              ", \"cells\": " + std::to_string(r.critical->cells) + "}");
  else
    field("critical_path", "null");
  field("hold_slack_ps", r.holdSlackFs ? ps(*r.holdSlackFs) : "null");
  field("max_clock_hz", fixed(r.maxClockHz, 0));
  field("clock_hz", std::to_string(r.budget.clockHz), !stats);
  if (stats) {
    char energy[64];
    std::snprintf(energy, sizeof(energy), "%.6g", stats->energyJoules());
    field("steps", std::to_string(stats->steps));
    field("cycles", std::to_string(stats->cycles));
    field("switching_events", std::to_string(stats->events));
    field("energy_joules_estimate", energy);
    field("energy_note", jsonString("switching events x 1e-19 J: an estimate"));
    field("violations", std::to_string(stats->violations), true);
  }
  return out + "}\n";
}

} // namespace snc::runtime::sfq
