//===- CellLibrary.h - timing and size of SFQ cells -------------*- C++ -*-===//
//
// Per cell type: the delay from an input (the clock, for clocked cells) to
// the output, the setup and hold windows of clocked cells, the merger's and
// the neuron ports' minimum pulse separations and the junction counts. The
// numbers come from an SFQ target description's "capacity" section (RSFQlib
// junction counts, PyLSE delays; targets/sfq-rsfq.json says where each
// number comes from). Plain C++: the generic capacity map of
// targets/TargetDescription.h is passed in, so this library links no LLVM.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_SFQ_CELLLIBRARY_H
#define SNC_RUNTIME_SFQ_CELLLIBRARY_H

#include "runtime/sfq/Netlist.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>

namespace snc::runtime::sfq {

struct CellTiming {
  int64_t delayFs = 0;
  /// Clocked cells: a data pulse must arrive at least setupFs before the
  /// clock, and not within holdFs after it.
  int64_t setupFs = 0, holdFs = 0;
  int64_t junctions = 0;
};

struct CellLibrary {
  std::array<CellTiming, kNumCellKinds> cells{};
  /// A merger's two inputs closer than this fail (the second is lost).
  int64_t mergerMinSeparationFs = 0;
  /// Two pulses on one neuron port closer than this fail.
  int64_t neuronMinSeparationFs = 0;
  /// Neuron junctions: per input branch and the rest.
  int64_t jjPerNeuronInput = 0, jjPerNeuronCore = 0;

  const CellTiming &timing(CellKind kind) const {
    return cells[static_cast<unsigned>(kind)];
  }
  CellTiming &timing(CellKind kind) {
    return cells[static_cast<unsigned>(kind)];
  }
  /// Junctions of one cell of the netlist (a neuron counts its ports).
  int64_t junctions(const Netlist &netlist, uint32_t cell) const;
  /// Junctions of the whole netlist.
  int64_t junctions(const Netlist &netlist) const;
  /// Junctions per cell kind (index: CellKind), for a report's breakdown.
  std::array<int64_t, kNumCellKinds>
  junctionsByKind(const Netlist &netlist) const;
};

/// Reads the library from an SFQ target's capacity numbers
/// (TargetDescription::capacity): "<cell>_delay_fs", "<cell>_setup_fs",
/// "<cell>_hold_fs", "jj_per_<cell>", "merger_min_separation_fs",
/// "neuron_min_separation_fs", "jj_per_neuron_input", "jj_per_neuron_core".
/// Every field listed must be present (a target file may omit them, the
/// simulator may not); otherwise returns false with `error` naming the
/// missing fields. DC/SFQ and SFQ/DC converters are the circuit's boundary:
/// delay 0, no junctions counted.
bool loadCellLibrary(const std::map<std::string, int64_t> &capacity,
                     CellLibrary &library, std::string &error);

} // namespace snc::runtime::sfq

#endif // SNC_RUNTIME_SFQ_CELLLIBRARY_H
