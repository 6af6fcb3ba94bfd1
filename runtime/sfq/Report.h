//===- Report.h - size, timing and energy of an SFQ netlist -----*- C++ -*-===//
//
// What the SFQ backend reports about a netlist (docs/sfq.md, "Report"):
// junctions by cell type and in total against the die's budget, pins, the
// clocked depth, the critical path between clocked cells in ps and the
// maximum clock it allows, and, after a simulation, the switching events
// and an estimate of the switching energy (events x 1e-19 J). Computed from
// the netlist and the cell library alone, so `snc compile` (on the emitted
// netlist) and the benchmarks report the same numbers. Plain C++, no MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_SFQ_REPORT_H
#define SNC_RUNTIME_SFQ_REPORT_H

#include "runtime/sfq/CellLibrary.h"
#include "runtime/sfq/Netlist.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace snc::runtime::sfq {

/// The die a netlist is checked against (from the target's capacity).
struct DieBudget {
  std::string target;               // "sfq-rsfq"
  std::optional<int64_t> junctions; // jj_budget; absent: no budget
  std::optional<int64_t> pins;
  /// Junctions of one reference die (jj_per_die), to count dies when there
  /// is no budget.
  std::optional<int64_t> junctionsPerDie;
  int64_t clockHz = 0;
};

/// One timed path from a launch point (a clocked cell's clock, or an input
/// pin at the start of its cycle) to a clocked cell's data pin.
struct TimingPath {
  std::string from;       // launching cell ("n1_3"), "" if none
  std::string to;         // capturing cell
  std::string toPin;      // its data pin ("in5")
  int64_t requiredFs = 0; // arrival after the capture's clock + its setup
  unsigned cells = 0;     // asynchronous cells (JTL, splitter, merger) on it
};

struct NetlistReport {
  std::array<int64_t, kNumCellKinds> cells{};     // by CellKind
  std::array<int64_t, kNumCellKinds> junctions{}; // by CellKind
  int64_t totalJunctions = 0;
  int64_t totalCells = 0;
  /// DCSFQ and SFQDC converters: the chip's input and output pins (the
  /// clock's included).
  int64_t pins = 0;
  /// Neuron input ports (synapses) and neurons.
  int64_t synapses = 0, neurons = 0;
  /// The fewest clocked cells on a data path from an input to an output
  /// probe, the most over the probes: the latency in cycles once paths are
  /// balanced (a recurrent back edge is a longer path and does not count).
  int64_t clockedDepth = 0;
  /// The most asynchronous cells between two clocked cells.
  int64_t asyncDepth = 0;
  /// The longest launch-to-capture path: the clock period must be at least
  /// its requiredFs. Absent when nothing is clocked.
  std::optional<TimingPath> critical;
  /// The shortest margin past a capture's hold window (negative: a hold
  /// violation at any clock).
  std::optional<int64_t> holdSlackFs;
  /// 1e15 / critical->requiredFs; 0 when nothing is clocked.
  double maxClockHz = 0;
  DieBudget budget;
  /// Dies needed: junctions over the budget or jj_per_die, rounded up.
  std::optional<int64_t> dies;
};

/// Size and timing of `netlist`. Fails (returns false, `error` naming the
/// cell) on an asynchronous loop: pulses around it would never stop.
bool analyzeNetlist(const Netlist &netlist, const CellLibrary &library,
                    const DieBudget &budget, NetlistReport &report,
                    std::string &error);

/// When a pulse launched by a tick at time 0 reaches each output probe
/// (SFQDC cell name -> earliest arrival in fs: the clock tree, the
/// launching cell's delay and the asynchronous cells on the way; 0 for a
/// probe an input pin drives without a clocked cell). A pulse of tick k
/// reaches the probe at k x period + this, which may lie in a later cycle
/// when the clock-to-output path is longer than a period. Fails on an
/// asynchronous loop, as analyzeNetlist.
bool probeArrivals(const Netlist &netlist, const CellLibrary &library,
                   std::map<std::string, int64_t> &arrivals,
                   std::string &error);

/// What one simulation produced, for the energy estimate.
struct SwitchingStats {
  int64_t steps = 0;  // network time steps presented (one inference)
  int64_t cycles = 0; // clock cycles simulated
  uint64_t events = 0;
  size_t violations = 0;
  /// The estimate's energy per switching event, in joules.
  static constexpr double kJoulesPerEvent = 1e-19;
  double energyJoules() const { return double(events) * kJoulesPerEvent; }
};

/// The budget problems, one message each ("8,412 junctions are 2,590
/// (44.5%) over sfq-rsfq's budget of 5,822 (2 dies of 5,822)"); empty if
/// the netlist fits.
std::vector<std::string> budgetProblems(const NetlistReport &report);

/// The report for people, one item a line; with `stats`, the switching
/// events and the energy estimate.
std::string reportText(const NetlistReport &report,
                       const SwitchingStats *stats = nullptr);
/// The same as JSON (report.json).
std::string reportJSON(const NetlistReport &report,
                       const SwitchingStats *stats = nullptr);

/// "5,822".
std::string withCommas(int64_t value);

} // namespace snc::runtime::sfq

#endif // SNC_RUNTIME_SFQ_REPORT_H
