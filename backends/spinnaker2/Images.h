//===- Images.h - SpiNNaker2-style per-PE memory images ---------*- C++ -*-===//
//
// A mapped many-core network (manycore::Network cut into slices, placed on
// PEs, given keys and router tables) becomes a directory of files a loader
// could copy to the machine:
//
//   pe_<index>.bin  one per used PE: header, neuron parameters and initial
//                   state, key -> row table, synaptic rows, ring buffers;
//   routes.bin      every chip's router table;
//   manifest.json   the machine, every PE's slice and memory use, the
//                   network's inputs and outputs and the update order.
//
// docs/spinnaker2-images.md gives the byte layout (ImageFormat.h is its
// code). readImages loads such a directory back, checking every file, into
// the LoadedMachine the many-core simulator (runtime/manycore) runs: the
// simulator sees only what the images hold, never the network.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_SPINNAKER2_IMAGES_H
#define SNC_BACKENDS_SPINNAKER2_IMAGES_H

#include "backends/spinnaker2/ImageFormat.h"
#include "dialects/snn/TimeStep.h"
#include "passes/mapping/KeyAllocation.h"
#include "passes/mapping/ManycoreNetwork.h"
#include "passes/mapping/MappingModel.h"
#include "passes/mapping/Route.h"
#include "runtime/IntegerNeuron.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::spinnaker2 {

/// The simulator's cost estimate: cycles a PE spends per step are
///   neurons * cyclesPerNeuron + synaptic events * cyclesPerSynapticEvent
///   + packets received * cyclesPerPacket,
/// against a real-time budget of clockHz * dtSeconds cycles per step. The
/// defaults are estimates of SpiNNaker2's ARM PEs, not measurements.
struct CostModel {
  double clockHz = 300e6;
  double dtSeconds = snn::kDefaultTimeStep; // the network's, when compiled
  int64_t cyclesPerNeuron = 100;
  int64_t cyclesPerSynapticEvent = 20;
  int64_t cyclesPerPacket = 30;
};

/// What the images need beyond the mapping results.
struct ImageOptions {
  /// SRAM of one PE the images are checked against; 0 means
  /// machine.memoryBytesPerPe + 32 KiB (SpiNNaker2: 96 KiB of synaptic
  /// memory + 32 KiB = 128 KiB).
  int64_t peBudgetBytes = 0;
  CostModel cost;
  /// Shapes of the network's inputs and outputs, by index; a missing or
  /// empty shape means {population size}.
  std::vector<std::vector<int64_t>> inputShapes, outputShapes;
};

/// Bytes of one PE image by section.
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

struct ImageSummary {
  int64_t images = 0;      // pe_<index>.bin files
  int64_t bytes = 0;       // of every file written
  int64_t budgetBytes = 0; // per PE
  int64_t largestPe = -1;  // PE with the largest image
  int64_t largestPeBytes = 0;
  std::vector<int64_t> overBudgetPes; // ascending
  int64_t synapses = 0;
  int64_t routeEntries = 0;
};

/// writeImages (ImageWriter.h) writes such a directory.

/// One entry of a PE's key -> row table: the rows of the source slice whose
/// keys match (key & mask) == key, one per source neuron, found through
/// the index of row offsets at rowsOffset in the rows section.
struct KeyTableEntry {
  uint32_t key = 0, mask = 0xFFFFFFFFu;
  uint32_t sourceSlice = 0;
  uint32_t rowsOffset = 0, rowCount = 0, rowIndexBytes = 0;
};

/// One PE image, decoded except for its synaptic rows, which stay the bytes
/// the PE would walk.
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
  const KeyTableEntry *findEntry(uint32_t key) const;
  /// The row of source neuron `j` (< entry.rowCount) of `entry`.
  format::RowView row(const KeyTableEntry &entry, uint32_t j) const {
    const uint8_t *block = rows.data() + entry.rowsOffset;
    return format::RowView(block + format::get(block + 4 * size_t(j), 4));
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

/// Loads a directory writeImages wrote. Checks the manifest's structure,
/// every image's magic, version, sizes, checksum and contents (sections in
/// bounds, rows inside their section, targets and delays inside the slice
/// and its ring buffer, headers agreeing with the manifest) and the router
/// tables, so the simulator can trust what it gets. Errors name the file:
/// "<dir>/pe_3.bin: bad magic (not an snc SpiNNaker2 image)".
bool readImages(const std::string &dir, LoadedMachine &out, std::string &error);

} // namespace snc::spinnaker2

#endif // SNC_BACKENDS_SPINNAKER2_IMAGES_H
