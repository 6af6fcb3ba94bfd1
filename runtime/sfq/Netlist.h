//===- Netlist.h - SFQ cell netlists ----------------------------*- C++ -*-===//
//
// A single-flux-quantum circuit as cells and point-to-point connections: the
// netlist the SFQ backend emits and runtime/sfq/PulseSimulator.h runs. An
// SFQ output drives exactly one input (fan-out 1), so splitters, mergers and
// the clock's splitter tree are cells of the netlist like any other.
//
// The cells, with the circuit each stands for (junction counts from the
// target's capacity section, see CellLibrary.h and docs/sfq.md):
//   JTL    Josephson transmission line (RSFQlib JTL, 2 JJs): in a -> out q.
//   SPLIT  splitter (RSFQlib SPLIT, 3 JJs): in a -> out q0, q1.
//   MERGE  merger / confluence buffer (RSFQlib MERGE, 7 JJs): a, b -> q.
//   DFF    destructive read-out flip-flop (RSFQlib DFF, 7 JJs): d, clk -> q;
//          a data pulse is stored and released by the next clock.
//   NDRO   non-destructive read-out cell (RSFQlib NDRO, 11 JJs): set, reset,
//          clk -> q; the clock reads the stored bit without clearing it.
//   AND2, OR2, XOR  clocked RSFQ gates (RSFQlib, 15/12/11 JJs): a, b, clk -> q.
//   NOT    clocked inverter (RSFQlib NOT, 8 JJs): a, clk -> q.
//   DCSFQ  DC-to-SFQ converter: an input pin of the chip (no inputs, out q).
//   SFQDC  SFQ-to-DC converter: an output probe (in a, no outputs).
//   NEURON a clocked integrate-and-fire pulse counter with K weighted input
//          ports in0..in(K-1) and clk -> q: the differential neuron of
//          Karamuftuoglu et al. (arXiv 2402.16384; two junctions per input
//          branch plus the counter, jj_per_neuron_input and
//          jj_per_neuron_core) or one built from standard cells as in Krylov
//          et al. (arXiv 2311.10721). It follows docs/semantics.md's integer
//          populations without leak: at each clock v = sat(v + sum of the
//          weights of the pulses received since the last clock), it fires one
//          pulse iff v > threshold, then resets.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_SFQ_NETLIST_H
#define SNC_RUNTIME_SFQ_NETLIST_H

#include "runtime/neuron/NeuronModes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace snc::runtime::sfq {

enum class CellKind : uint8_t {
  JTL,
  Split,
  Merge,
  DFF,
  NDRO,
  And2,
  Or2,
  Xor,
  Not,
  DCSFQ,
  SFQDC,
  Neuron,
};
constexpr unsigned kNumCellKinds = 12;

/// The cell type's name in netlists ("SPLIT"), and back.
const char *cellKindName(CellKind kind);
std::optional<CellKind> cellKindFromName(const std::string &name);

/// Whether the cell has a clock pin (its last input pin).
bool isClocked(CellKind kind);

/// A neuron cell's parameters.
struct NeuronParams {
  /// One weight per input port (ternary targets: +1 or -1).
  std::vector<int64_t> weights;
  unsigned stateBits = 8;
  int64_t threshold = 0;
  ResetMode reset = ResetMode::ToValue;
  int64_t vReset = 0;
  int64_t vInit = 0;
};

struct Cell {
  CellKind kind = CellKind::JTL;
  std::string name;
  NeuronParams neuron; // NEURON only
  /// The type name as given, if it named no known cell (validate() reports).
  std::string unknownType;
};

/// One pin of one cell: an input or an output, by cell and pin index.
struct Pin {
  uint32_t cell = 0;
  uint32_t pin = 0;
  bool operator==(const Pin &o) const { return cell == o.cell && pin == o.pin; }
};

class Netlist {
public:
  /// Adds a cell; returns its index.
  uint32_t addCell(CellKind kind, std::string name);
  uint32_t addNeuron(std::string name, NeuronParams params);
  /// Adds a cell by type name; an unknown name is kept and reported by
  /// validate() (the emitted netlist may name cells this library lacks).
  uint32_t addCell(const std::string &typeName, std::string name);

  /// Connects output `from` to input `to`. Fan-out above 1 or a second
  /// driver is recorded and reported by validate().
  void connect(Pin from, Pin to);

  /// Every problem, one clear message each ("cell 'n3' (NEURON): clock pin
  /// clk is not connected"); empty when the netlist can be simulated.
  std::vector<std::string> validate() const;

  size_t numCells() const { return cells.size(); }
  const Cell &cell(uint32_t index) const { return cells[index]; }
  std::optional<uint32_t> findCell(const std::string &name) const;

  unsigned numInputs(uint32_t cell) const;
  unsigned numOutputs(uint32_t cell) const;
  /// The pin's name ("clk", "in3", "q1").
  std::string inputName(uint32_t cell, unsigned pin) const;
  std::string outputName(uint32_t cell, unsigned pin) const;
  /// The input an output drives (the first, if several), if any.
  std::optional<Pin> sinkOf(Pin output) const;
  /// The output driving an input (the first, if several), if any.
  std::optional<Pin> driverOf(Pin input) const;

  /// Flat pin numbering for the simulator: the first input / output slot.
  uint32_t inputBase(uint32_t cell) const { return inputBases[cell]; }
  uint32_t outputBase(uint32_t cell) const { return outputBases[cell]; }
  uint32_t numInputSlots() const { return inputCount; }
  /// The input slot each output slot drives, or -1.
  const std::vector<int64_t> &outputSinks() const { return sinks; }

private:
  uint32_t append(Cell cell);

  std::vector<Cell> cells;
  std::vector<uint32_t> inputBases, outputBases;
  uint32_t inputCount = 0;
  std::vector<int64_t> sinks;             // per output slot: input slot or -1
  std::vector<uint32_t> sinkCounts;       // per output slot: connections made
  std::vector<int64_t> drivers;           // per input slot: output slot or -1
  std::vector<uint32_t> driverCounts;     // per input slot: connections made
  std::vector<std::string> connectErrors; // pins out of range
};

/// Adds a balanced tree of SPLIT cells so `source` reaches `count` inputs;
/// returns the `count` outputs to connect (just `source` if count is 1).
/// Splitter names are `prefix` + index.
std::vector<Pin> addSplitterTree(Netlist &netlist, Pin source, unsigned count,
                                 const std::string &prefix);

} // namespace snc::runtime::sfq

#endif // SNC_RUNTIME_SFQ_NETLIST_H
