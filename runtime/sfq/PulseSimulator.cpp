//===- PulseSimulator.cpp - event-driven SFQ pulse simulation -------------===//

#include "runtime/sfq/PulseSimulator.h"

#include "runtime/neuron/FixedPoint.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <queue>

namespace snc::runtime::sfq {

const char *violationKindName(ViolationKind kind) {
  switch (kind) {
  case ViolationKind::MergerHazard:
    return "merger hazard";
  case ViolationKind::Setup:
    return "setup violation";
  case ViolationKind::Hold:
    return "hold violation";
  case ViolationKind::PulseWhileBusy:
    return "pulse while busy";
  case ViolationKind::DoubleData:
    return "double data";
  }
  return "violation";
}

namespace {
std::string ps(int64_t fs) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.3f ps", static_cast<double>(fs) / 1000);
  return text;
}
} // namespace

std::string Violation::describe() const {
  return std::string(violationKindName(kind)) + " at cell '" + cell + "' pin " +
         pin + ", " + ps(timeFs) + ": " + detail;
}

int64_t cycleOf(int64_t timeFs, const ClockSpec &clock) {
  int64_t offset = timeFs - clock.phaseFs;
  int64_t cycle = offset / clock.periodFs;
  if (offset < 0 && cycle * clock.periodFs != offset)
    --cycle; // floor
  return cycle;
}

std::vector<uint32_t> pulsesPerCycle(const std::vector<int64_t> &times,
                                     const ClockSpec &clock) {
  std::vector<uint32_t> counts(
      static_cast<size_t>(clock.cycles > 0 ? clock.cycles : 0), 0);
  for (int64_t t : times) {
    int64_t c = cycleOf(t, clock);
    if (c >= 0 && c < clock.cycles)
      ++counts[static_cast<size_t>(c)];
  }
  return counts;
}

namespace {

constexpr int64_t kNever = std::numeric_limits<int64_t>::min() / 4;

struct Event {
  int64_t time;
  uint64_t seq; // scheduling order: ties at one time resolve in it
  uint32_t slot;
  bool operator>(const Event &o) const {
    return time != o.time ? time > o.time : seq > o.seq;
  }
};

struct CellState {
  int64_t lastClock = kNever;
  int64_t lastInput = kNever; // any non-clock input (splitter, merger)
  uint32_t stored = 0;        // one bit per data input (DFF, NDRO, gates)
  int64_t v = 0, sum = 0;     // neuron
};

class Simulator {
public:
  Simulator(const Netlist &n, const CellLibrary &l, const SimulationInput &in,
            SimulationResult &r)
      : netlist(n), library(l), input(in), result(r), states(n.numCells()),
        lastArrival(n.numInputSlots(), kNever), slotCell(n.numInputSlots()),
        slotPin(n.numInputSlots()), delays(n.numCells()),
        probeOf(n.numCells(), nullptr) {
    for (uint32_t c = 0; c < n.numCells(); ++c) {
      delays[c] = l.timing(n.cell(c).kind).delayFs;
      for (unsigned p = 0; p < n.numInputs(c); ++p) {
        slotCell[n.inputBase(c) + p] = c;
        slotPin[n.inputBase(c) + p] = p;
      }
      const Cell &cell = n.cell(c);
      if (cell.kind == CellKind::Neuron)
        states[c].v = saturate(cell.neuron.vInit, cell.neuron.stateBits);
      if (cell.kind == CellKind::SFQDC)
        probeOf[c] = &result.probes[cell.name]; // map nodes do not move
    }
    result.switching.assign(n.numCells(), 0);
  }

  /// Emits the stimulus of DCSFQ cell `c`. Stimuli wait in their own
  /// list, merged with the queue by time as the simulation runs, so the
  /// queue holds only pulses in flight; at one time, stimuli go first in
  /// the order they were injected, as if queued before every cell's pulse.
  void inject(uint32_t c, const std::vector<int64_t> &times) {
    int64_t sink = netlist.outputSinks()[netlist.outputBase(c)];
    for (int64_t t : times) {
      ++result.switching[c];
      if (sink >= 0)
        stimuli.push_back({t + delays[c], stimuli.size(), uint32_t(sink)});
    }
  }

  bool run(std::string &error) {
    std::stable_sort(
        stimuli.begin(), stimuli.end(),
        [](const Event &a, const Event &b) { return a.time < b.time; });
    int64_t end = input.clock.endFs();
    size_t next = 0;
    while (next < stimuli.size() || !queue.empty()) {
      Event e;
      if (next < stimuli.size() &&
          (queue.empty() || stimuli[next].time <= queue.top().time)) {
        e = stimuli[next++];
      } else {
        e = queue.top();
        queue.pop();
      }
      if (e.time >= end)
        break;
      if (++processed > input.maxEvents) {
        error = "the simulation exceeded " + std::to_string(input.maxEvents) +
                " pulses (a loop in the netlist?)";
        return false;
      }
      arrive(slotCell[e.slot], slotPin[e.slot], e.time);
    }
    for (uint64_t s : result.switching)
      result.pulses += s;
    return true;
  }

private:
  const CellTiming &timing(uint32_t c) const {
    return library.timing(netlist.cell(c).kind);
  }

  void emit(uint32_t c, unsigned outPin, int64_t t) {
    int64_t sink = netlist.outputSinks()[netlist.outputBase(c) + outPin];
    if (sink >= 0)
      queue.push({t + delays[c], nextSeq++, uint32_t(sink)});
  }

  void violate(ViolationKind kind, uint32_t c, unsigned pin, int64_t t,
               std::string detail) {
    result.violations.push_back({kind, netlist.cell(c).name,
                                 netlist.inputName(c, pin), t,
                                 std::move(detail)});
  }

  /// Checks that no data pulse of cell `c` arrived within setup before the
  /// clock at `t`.
  void checkSetup(uint32_t c, unsigned dataPins, int64_t t) {
    int64_t setup = timing(c).setupFs;
    for (unsigned p = 0; p < dataPins; ++p) {
      int64_t last = lastArrival[netlist.inputBase(c) + p];
      if (last != kNever && t - last < setup)
        violate(ViolationKind::Setup, c, p, t,
                "data at " + ps(last) + " is " + ps(t - last) +
                    " before the clock at " + ps(t) + "; setup is " +
                    ps(setup));
    }
  }

  /// A data pulse on pin `p` of clocked cell `c` at `t`: the hold check.
  void checkHold(uint32_t c, unsigned p, int64_t t) {
    const CellState &s = states[c];
    int64_t hold = timing(c).holdFs;
    if (s.lastClock != kNever && t - s.lastClock < hold)
      violate(ViolationKind::Hold, c, p, t,
              "data " + ps(t - s.lastClock) + " after the clock at " +
                  ps(s.lastClock) + "; hold is " + ps(hold));
  }

  /// Stores a data pulse of a DFF or clocked gate; a second one before the
  /// clock is lost.
  void store(uint32_t c, unsigned p, int64_t t) {
    CellState &s = states[c];
    if (s.stored & (1u << p)) {
      violate(ViolationKind::DoubleData, c, p, t,
              "a second data pulse before the clock released the first; it "
              "is lost");
      return;
    }
    s.stored |= 1u << p;
  }

  void arrive(uint32_t c, unsigned p, int64_t t) {
    ++result.switching[c];
    const Cell &cell = netlist.cell(c);
    CellState &s = states[c];
    unsigned inputs = netlist.numInputs(c);
    bool clock = isClocked(cell.kind) && p + 1 == inputs;
    int64_t &arrival = lastArrival[netlist.inputBase(c) + p];
    if (clock) {
      checkSetup(c, inputs - 1, t);
      s.lastClock = t;
      this->clock(c, t);
      return;
    }
    switch (cell.kind) {
    case CellKind::JTL:
      emit(c, 0, t);
      break;
    case CellKind::Split:
      if (s.lastInput != kNever && t - s.lastInput < timing(c).delayFs) {
        violate(ViolationKind::PulseWhileBusy, c, p, t,
                "arrives " + ps(t - s.lastInput) +
                    " after the previous pulse, while the splitter fires (" +
                    ps(timing(c).delayFs) + "); it is lost");
        return;
      }
      s.lastInput = t;
      emit(c, 0, t);
      emit(c, 1, t);
      break;
    case CellKind::Merge:
      if (s.lastInput != kNever &&
          t - s.lastInput < library.mergerMinSeparationFs) {
        violate(ViolationKind::MergerHazard, c, p, t,
                "arrives " + ps(t - s.lastInput) +
                    " after the previous input pulse; the merger needs " +
                    ps(library.mergerMinSeparationFs) + "; it is lost");
        return;
      }
      s.lastInput = t;
      emit(c, 0, t);
      break;
    case CellKind::SFQDC:
      probeOf[c]->push_back(t + delays[c]);
      break;
    case CellKind::DFF:
    case CellKind::And2:
    case CellKind::Or2:
    case CellKind::Xor:
    case CellKind::Not:
      checkHold(c, p, t);
      store(c, p, t);
      break;
    case CellKind::NDRO:
      checkHold(c, p, t);
      if (p == 0)
        s.stored = 1;
      else
        s.stored = 0;
      break;
    case CellKind::Neuron:
      if (arrival != kNever && t - arrival < library.neuronMinSeparationFs) {
        violate(ViolationKind::PulseWhileBusy, c, p, t,
                "arrives " + ps(t - arrival) +
                    " after the previous pulse on this port; the neuron "
                    "needs " +
                    ps(library.neuronMinSeparationFs) + "; it is lost");
        return;
      }
      checkHold(c, p, t);
      s.sum += cell.neuron.weights[p];
      break;
    case CellKind::DCSFQ:
      break; // no inputs
    }
    arrival = t;
  }

  /// The clock of clocked cell `c` at `t`.
  void clock(uint32_t c, int64_t t) {
    const Cell &cell = netlist.cell(c);
    CellState &s = states[c];
    bool fire = false;
    switch (cell.kind) {
    case CellKind::DFF:
      fire = s.stored == 1;
      break;
    case CellKind::NDRO:
      fire = s.stored == 1;
      break;
    case CellKind::And2:
      fire = s.stored == 3;
      break;
    case CellKind::Or2:
      fire = s.stored != 0;
      break;
    case CellKind::Xor:
      fire = s.stored == 1 || s.stored == 2;
      break;
    case CellKind::Not:
      fire = s.stored == 0;
      break;
    case CellKind::Neuron: {
      const NeuronParams &n = cell.neuron;
      s.v = saturate(Wide(s.v) + Wide(s.sum), n.stateBits);
      s.sum = 0;
      fire = s.v > n.threshold;
      if (fire && n.reset == ResetMode::ToValue)
        s.v = saturate(n.vReset, n.stateBits);
      else if (fire && n.reset == ResetMode::Subtract)
        s.v = saturate(Wide(s.v) - Wide(n.threshold), n.stateBits);
      break;
    }
    default:
      break;
    }
    if (cell.kind != CellKind::NDRO)
      s.stored = 0;
    if (fire)
      emit(c, 0, t);
  }

  const Netlist &netlist;
  const CellLibrary &library;
  const SimulationInput &input;
  SimulationResult &result;
  std::vector<CellState> states;
  std::vector<int64_t> lastArrival; // per input slot
  std::vector<uint32_t> slotCell, slotPin;
  std::vector<int64_t> delays;                 // per cell
  std::vector<std::vector<int64_t> *> probeOf; // per SFQDC cell
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> queue;
  std::vector<Event> stimuli; // DCSFQ pulses, sorted by time in run()
  uint64_t nextSeq = 0, processed = 0;
};

} // namespace

bool simulate(const Netlist &netlist, const CellLibrary &library,
              const SimulationInput &input, SimulationResult &result,
              std::string &error) {
  result = SimulationResult();
  std::vector<std::string> problems = netlist.validate();
  if (!problems.empty()) {
    error = "invalid netlist: " + problems.front();
    if (problems.size() > 1)
      error += " (and " + std::to_string(problems.size() - 1) + " more)";
    return false;
  }
  const ClockSpec &clock = input.clock;
  if (clock.periodFs <= 0 || clock.cycles < 0) {
    error = "the clock needs a positive period and a cycle count >= 0";
    return false;
  }
  // The input cells by name (a lookup per input, not a search).
  std::map<std::string, uint32_t> sources;
  for (uint32_t c = 0; c < netlist.numCells(); ++c)
    if (netlist.cell(c).kind == CellKind::DCSFQ)
      sources.emplace(netlist.cell(c).name, c);
  auto source = [&](const std::string &name, uint32_t &cell) -> bool {
    auto it = sources.find(name);
    if (it == sources.end()) {
      error = "'" + name + "' is not a DCSFQ input cell of the netlist";
      return false;
    }
    cell = it->second;
    return true;
  };
  uint32_t clockCell = 0;
  if (!source(clock.input, clockCell))
    return false;
  std::vector<int64_t> ticks;
  for (int64_t k = 1; k < clock.cycles; ++k)
    ticks.push_back(clock.tickFs(k));
  Simulator simulator(netlist, library, input, result);
  simulator.inject(clockCell, ticks);
  for (const auto &[name, times] : input.pulses) {
    uint32_t cell = 0;
    if (!source(name, cell))
      return false;
    if (cell == clockCell) {
      error = "'" + name + "' carries the clock; it takes no input pulses";
      return false;
    }
    for (int64_t t : times)
      if (t < clock.tickFs(0) || t >= clock.endFs()) {
        error = "input pulse on '" + name + "' at " + ps(t) +
                " is outside the clocked window [" + ps(clock.tickFs(0)) +
                ", " + ps(clock.endFs()) + ")";
        return false;
      }
    simulator.inject(cell, times);
  }
  return simulator.run(error);
}

} // namespace snc::runtime::sfq
