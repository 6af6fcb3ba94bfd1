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
// the LoadedMachine the many-core simulator runs (runtime/manycore/
// Machine.h): the simulator sees only what the images hold, never the
// network.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_SPINNAKER2_IMAGES_H
#define SNC_BACKENDS_SPINNAKER2_IMAGES_H

#include "backends/spinnaker2/ImageFormat.h"
#include "passes/mapping/KeyAllocation.h"
#include "passes/mapping/ManycoreNetwork.h"
#include "passes/mapping/MappingModel.h"
#include "passes/mapping/Route.h"
#include "runtime/manycore/Machine.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::spinnaker2 {

// The images hold the many-core machine of runtime/manycore; its types are
// the images' too.
using manycore::CostModel;
using manycore::findPe;
using manycore::KeyTableEntry;
using manycore::LoadedMachine;
using manycore::LoadedPe;
using manycore::LoadedPopulation;
using manycore::LoadedPort;
using manycore::PeMemory;

/// What the images need beyond the mapping results.
struct ImageOptions {
  /// SRAM of one PE the images are checked against; 0 means
  /// machine.memoryBytesPerPe + 32 KiB (SpiNNaker2: 96 KiB of synaptic
  /// memory + 32 KiB = 128 KiB).
  int64_t peBudgetBytes = 0;
  /// Whether an image larger than the budget fails the build (the
  /// emitter: a PE that cannot hold its image is no output) rather than
  /// being listed in ImageSummary::overBudgetPes and the manifest.
  bool overBudgetIsError = false;
  CostModel cost;
  /// Shapes of the network's inputs and outputs, by index; a missing or
  /// empty shape means {population size}.
  std::vector<std::vector<int64_t>> inputShapes, outputShapes;
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

/// Loads a directory writeImages wrote. Checks the manifest's structure,
/// every image's magic, version, sizes, checksum and contents (sections in
/// bounds, rows inside their section, targets and delays inside the slice
/// and its ring buffer, headers agreeing with the manifest) and the router
/// tables, so the simulator can trust what it gets. Errors name the file:
/// "<dir>/pe_3.bin: bad magic (not an snc SpiNNaker2 image)".
bool readImages(const std::string &dir, LoadedMachine &out, std::string &error);

} // namespace snc::spinnaker2

#endif // SNC_BACKENDS_SPINNAKER2_IMAGES_H
