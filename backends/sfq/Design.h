//===- Design.h - an SFQ netlist directory, written and simulated -*- C++ -*-=//
//
// The MLIR-free half of the SFQ backend. A design is the netlist of one
// circuit (runtime/sfq/Netlist.h) with what the emitter read from the IR to
// run it: which input pin carries which element of which network input,
// which probe records which output element and how many cycles late
// (the latency sfq-balance-paths recorded), the clock, and the cell
// library's numbers. writeDesign puts it into a directory:
//
//   netlist.v      structural Verilog of the library's cells (NetlistVerilog.h)
//   circuit.cir    the same netlist as a JoSIM deck (JosimDeck.h)
//   report.txt     junctions, pins, depth, critical path, max clock (Report.h)
//   report.json    the same for programs
//   manifest.json  the pins, the clock and the cell library; written last
//
// and simulateDesign runs the pulse simulator on what is there (the netlist
// read back from netlist.v), failing on any timing violation.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_SFQ_DESIGN_H
#define SNC_BACKENDS_SFQ_DESIGN_H

#include "runtime/Npy.h"
#include "runtime/sfq/Netlist.h"
#include "runtime/sfq/Report.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace snc::sfqbackend {

/// One network input or output and its pins, element by element
/// (flattened row-major).
struct DesignPort {
  std::string name;
  std::vector<int64_t> shape; // per step
  /// Inputs: the DCSFQ cell of each element ("" if no cell listens to it).
  /// Outputs: the SFQDC probe of each element.
  std::vector<std::string> cells;
  /// Outputs: the cycle delay of each element (step s leaves in cycle
  /// s + latency).
  std::vector<int64_t> latency;
};

struct Design {
  std::string target, module;
  std::string clockInput; // the DCSFQ cell of the clock
  int64_t periodFs = 0;
  /// Where in its cycle an input pulse is injected.
  int64_t inputOffsetFs = 0;
  std::vector<DesignPort> inputs, outputs;
  /// The target's capacity numbers (the cell library, loadCellLibrary).
  std::map<std::string, int64_t> capacity;
  runtime::sfq::DieBudget budget;
  runtime::sfq::Netlist netlist;
};

/// The files of the design, by name, as text (netlist.v, circuit.cir,
/// report.txt, report.json, manifest.json in that order). Fails if the
/// netlist does not validate, has an asynchronous loop or exceeds the die's
/// junction or pin budget (`error` says by how much).
bool renderDesign(const Design &design,
                  std::vector<std::pair<std::string, std::string>> &files,
                  runtime::sfq::NetlistReport &report, std::string &error);

/// Writes renderDesign's files into `directory` (created if missing), each
/// atomically, the manifest last; nothing is written if rendering fails.
bool writeDesign(const Design &design, const std::string &directory,
                 runtime::sfq::NetlistReport &report, std::string &error);

/// Reads a written design back: the manifest's pins, clock, cell library
/// and budget, the netlist from netlist.v. Fails with `error` naming the
/// file.
bool loadDesign(const std::string &directory, Design &design,
                std::string &error);

struct SimulateResult {
  std::vector<runtime::NpyArray> outputs; // (steps, *shape) bool
  /// Per output, per element: the neuron driving its probe.
  std::vector<std::vector<std::string>> locations;
  runtime::sfq::SwitchingStats stats;
  double seconds = 0; // wall time of the pulse simulation
  std::string report;
};

/// Runs the design in `directory` for `steps` steps (-1: as long as the
/// inputs). Fails on a bad directory or input, and on any timing violation
/// (naming the cell, the pin, the time in ps and the pulses).
bool simulateDesign(const std::string &directory,
                    const std::vector<runtime::NpyArray> &inputs, int64_t steps,
                    SimulateResult &result, std::string &error);

} // namespace snc::sfqbackend

#endif // SNC_BACKENDS_SFQ_DESIGN_H
