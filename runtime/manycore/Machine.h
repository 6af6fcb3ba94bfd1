//===- Machine.h - the many-core machine the simulator runs -----*- C++ -*-===//
//
// What the simulator (Simulator.h) runs: a mesh of chips (mapping::Machine)
// with router tables, and per used PE the contents of its memory: a slice
// of one population, its neuron format, parameters and initial state
// (runtime/neuron/IntegerNeuron.h), its key -> row table, synaptic rows
// (SynapticRow.h) and ring buffers. A backend loads its images into a
// LoadedMachine (backends/spinnaker2: readImages); the simulator sees only
// what the machine holds, never the network.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_MANYCORE_MACHINE_H
#define SNC_RUNTIME_MANYCORE_MACHINE_H

#include "passes/mapping/MappingModel.h"
#include "passes/mapping/Route.h"
#include "runtime/manycore/SynapticRow.h"
#include "runtime/neuron/IntegerNeuron.h"
#include "runtime/neuron/TimeStep.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::manycore {

/// The simulator's cost estimate: cycles a PE spends per step are
///   neurons * cyclesPerNeuron + synaptic events * cyclesPerSynapticEvent
///   + packets received * cyclesPerPacket,
/// against a real-time budget of clockHz * dtSeconds cycles per step. The
/// defaults are estimates of SpiNNaker2's ARM PEs, not measurements.
struct CostModel {
  double clockHz = 300e6;
  double dtSeconds = runtime::kDefaultTimeStep; // the network's, when compiled
  int64_t cyclesPerNeuron = 100;
  int64_t cyclesPerSynapticEvent = 20;
  int64_t cyclesPerPacket = 30;
};

/// Bytes of one PE's memory by section.
struct PeMemory {
  int64_t header = 0;
  int64_t paramsState = 0; // neuron parameters + initial state
  int64_t synapticRows = 0;
  int64_t keyTable = 0;
  int64_t ringBuffers = 0;
  int64_t total() const {
    return header + paramsState + synapticRows + keyTable + ringBuffers;
  }
};

/// One entry of a PE's key -> row table: the rows of the source slice whose
/// keys match (key & mask) == key, one per source neuron with synapses
/// here (rowCount of them), found through the index of row offsets at
/// rowsOffset in the rows section.
struct KeyTableEntry {
  uint32_t key = 0, mask = 0xFFFFFFFFu;
  uint32_t sourceSlice = 0;
  uint32_t rowsOffset = 0, rowCount = 0, rowIndexBytes = 0;
};

/// Consecutive entries of a key table.
struct KeyTableSpan {
  const KeyTableEntry *begin = nullptr, *end = nullptr;
};

/// One PE's memory, decoded except for its synaptic rows, which stay the
/// bytes the PE would walk.
struct LoadedPe {
  int64_t index = 0;
  mapping::PeLocation location;
  int population = 0;
  int64_t slice = 0;
  int64_t lo = 0, hi = 0;
  bool input = false;
  int inputIndex = -1;
  bool sends = false;
  uint32_t keyBase = 0, keyMask = 0xFFFFFFFFu;
  /// Neuron PEs only; every parameter vector holds neurons() entries.
  runtime::IntegerNeuronFormat format;
  runtime::IntegerNeuronParams params;
  std::vector<int64_t> driveOffset;
  unsigned driveBits = 32;
  std::vector<runtime::IntegerNeuronState> state; // initial
  std::vector<KeyTableEntry> keyTable;            // ascending key
  std::vector<uint8_t> rows;
  int64_t ringDepth = 1;
  std::vector<int64_t> ring; // ringDepth x neurons, slot-major
  PeMemory memory;

  int64_t neurons() const { return hi - lo; }
  /// The entry whose keys hold `key` (binary search), or null.
  const KeyTableEntry *findEntry(uint32_t key) const {
    return findEntry(
        KeyTableSpan{keyTable.data(), keyTable.data() + keyTable.size()}, key);
  }
  /// The entries that can hold a key in [first, last]: a sender's keys
  /// usually meet one or two of a receiver's many entries.
  KeyTableSpan entriesFor(uint32_t first, uint32_t last) const;
  /// The entry of `span` whose keys hold `key`, or null; `span` must
  /// contain every entry that can hold `key` (entriesFor).
  static const KeyTableEntry *findEntry(KeyTableSpan span, uint32_t key);
  /// The row of source neuron `j` of `entry` (empty when it has none).
  RowView row(const KeyTableEntry &entry, uint32_t j) const {
    return rowOfBlock(rows.data() + entry.rowsOffset, entry.rowCount, j);
  }
};

struct LoadedPopulation {
  std::string name;
  int64_t size = 0;
  bool input = false;
  int inputIndex = -1;
  bool spiking = false;
  std::vector<size_t> pes; // into LoadedMachine::pes, in slice order
};

/// A network input or output: its population and its shape (one step).
struct LoadedPort {
  int population = 0;
  std::vector<int64_t> shape;
};

struct LoadedMachine {
  std::string network;
  mapping::Machine machine;
  mapping::RoutingTables routes; // byChip only
  std::vector<LoadedPe> pes;     // ascending PE index
  std::vector<LoadedPopulation> populations;
  std::vector<int> updateOrder;
  /// Indices into `pes` in the order they update within a step.
  std::vector<size_t> peOrder;
  std::vector<LoadedPort> inputs, outputs;
  int64_t latencyShift = 0;
  int64_t budgetBytes = 0;
  CostModel cost;
};

/// The PE running neuron `neuron` of population `population`, or null if
/// there is none (for diagnostics naming the core of an output element).
const LoadedPe *findPe(const LoadedMachine &machine, int population,
                       int64_t neuron);

} // namespace snc::manycore

#endif // SNC_RUNTIME_MANYCORE_MACHINE_H
