//===- PulseSimulator.h - event-driven SFQ pulse simulation -----*- C++ -*-===//
//
// Runs a netlist (Netlist.h) with timed cell models (CellLibrary.h), pulse by
// pulse, in femtoseconds, PyLSE-style: each cell is a small state machine
// whose outputs follow its inputs after the cell's delay, and whose timing
// constraints (setup and hold around the clock, the merger's separation, a
// pulse arriving while the cell still fires, a second data pulse before the
// clock) are checked on every pulse. Verilator and Icarus see none of these,
// so this simulator is the SFQ backend's checker. See docs/sfq.md.
//
// The simulation covers `cycles` clock cycles; cycle k is the window
// [phaseFs + k * periodFs, phaseFs + (k + 1) * periodFs). The clock is a
// pulse train into one DCSFQ cell, one pulse at the start of each cycle but
// the first (tick k at phaseFs + k * periodFs, 1 <= k < cycles): tick k ends
// cycle k - 1, so data that reaches a clocked cell in cycle k - 1 is
// consumed by tick k and its result leaves in cycle k. It reaches the
// clocked cells through the netlist's own splitter tree. A network's time
// step s is injected in cycle s; a cell L clocked stages deep emits step s's
// result in cycle s + L. The simulation ends with cycle `cycles - 1` (pulses
// still in flight are dropped).
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_SFQ_PULSESIMULATOR_H
#define SNC_RUNTIME_SFQ_PULSESIMULATOR_H

#include "runtime/sfq/CellLibrary.h"
#include "runtime/sfq/Netlist.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace snc::runtime::sfq {

enum class ViolationKind : uint8_t {
  /// Two merger inputs closer than the merger's minimum separation; the
  /// second pulse is lost.
  MergerHazard,
  /// A data pulse less than the cell's setup time before a clock.
  Setup,
  /// A data pulse less than the cell's hold time after a clock.
  Hold,
  /// A pulse arriving while the cell still fires from the last one: a
  /// splitter within its delay, a neuron port within its minimum
  /// separation; the pulse is lost.
  PulseWhileBusy,
  /// A second data pulse on one input of a DFF or clocked gate before the
  /// clock released the first; the second is lost.
  DoubleData,
};
const char *violationKindName(ViolationKind kind);

struct Violation {
  ViolationKind kind = ViolationKind::Setup;
  std::string cell; // instance name
  std::string pin;  // the pin of the pulse that broke the rule
  int64_t timeFs = 0;
  std::string detail; // the two pulses and the window, in ps
  double timePs() const { return static_cast<double>(timeFs) / 1000; }
  /// "setup violation at cell 'd0' pin d, 12.300 ps: ...".
  std::string describe() const;
};

struct ClockSpec {
  /// The DCSFQ cell the clock enters through.
  std::string input;
  int64_t periodFs = 0;
  int64_t cycles = 0;
  int64_t phaseFs = 0;

  int64_t tickFs(int64_t k) const { return phaseFs + k * periodFs; }
  int64_t endFs() const { return tickFs(cycles); }
};

struct SimulationInput {
  ClockSpec clock;
  /// Pulse times (fs) per input pin: DCSFQ cell name -> times. Each must lie
  /// in [tick 0, tick cycles).
  std::map<std::string, std::vector<int64_t>> pulses;
  /// A guard against netlists whose loops multiply pulses.
  uint64_t maxEvents = uint64_t(1) << 32;
};

struct SimulationResult {
  /// Pulse arrival times (fs) per output probe: SFQDC cell name -> times.
  std::map<std::string, std::vector<int64_t>> probes;
  /// Switching events per cell (index as in the netlist): the pulses it
  /// received, clock included (a DCSFQ: the pulses it emitted). Each switches
  /// the cell's junctions once: the basis of the energy estimate.
  std::vector<uint64_t> switching;
  /// All pulses simulated (the sum of `switching`).
  uint64_t pulses = 0;
  std::vector<Violation> violations;
};

/// Simulates; returns false with `error` if the netlist does not validate or
/// the input names no DCSFQ cell, has times outside the clocked window or
/// exceeds maxEvents. Timing violations are results, not errors.
bool simulate(const Netlist &netlist, const CellLibrary &library,
              const SimulationInput &input, SimulationResult &result,
              std::string &error);

/// The cycle a pulse time falls in: floor((t - phase) / period).
int64_t cycleOf(int64_t timeFs, const ClockSpec &clock);

/// Per cycle 0..cycles-1, how many of `times` fall in it (a neuron's output
/// as a spike train: 1 where it fired). Times outside the window are not
/// counted; simulate() produces none.
std::vector<uint32_t> pulsesPerCycle(const std::vector<int64_t> &times,
                                     const ClockSpec &clock);

} // namespace snc::runtime::sfq

#endif // SNC_RUNTIME_SFQ_PULSESIMULATOR_H
