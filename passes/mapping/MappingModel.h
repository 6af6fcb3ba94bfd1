//===- MappingModel.h - the many-core mapping problem -----------*- C++ -*-===//
//
// The data the many-core mapping algorithms (partition, place, route) work
// on, free of MLIR so the algorithms can be unit-tested and benchmarked on
// synthetic networks of a million neurons. The `snn-partition`,
// `snn-place` and `snn-route` passes build these structures from the IR and
// the target description, run the algorithms and write the results back as
// `nmc` IR.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_MAPPINGMODEL_H
#define SNC_PASSES_MAPPING_MAPPINGMODEL_H

#include <cstdint>
#include <string>
#include <vector>

namespace snc::mapping {

/// A many-core machine: a 2-D mesh of chips; each chip is a grid of
/// quad-PE groups (QPEs) of `pesPerQpe` processing elements (PEs). Every
/// number comes from the target description.
struct Machine {
  int chipsX = 1, chipsY = 1;
  /// QPE grid of one chip. A chip holds `qpesX * qpesY` QPE positions, of
  /// which the first `qpesPerChip` (row-major) exist (SpiNNaker2: 38 QPEs).
  int qpesX = 1, qpesY = 1;
  int qpesPerChip = 1;
  int pesPerQpe = 4;
  /// Capacity of one PE.
  int64_t neuronsPerPe = 0;
  int64_t memoryBytesPerPe = 0; // synaptic rows + neuron state + ring buffers
  /// Synaptic row format: a row (all synapses of one source neuron into one
  /// slice) is a header plus one word per synapse.
  int64_t rowHeaderBytes = 8;
  int64_t synapseBytes = 4;
  /// Neuron state + parameters per neuron, and per ring-buffer slot.
  int64_t neuronBytes = 32;
  int64_t ringBufferSlotBytes = 4;
  /// Routing table entries per chip router.
  int64_t routerEntries = 0;
  /// Whether slices of network inputs take a PE: a many-core chip runs its
  /// spike sources on PEs; an FPGA's harness puts input spikes straight on
  /// the spike bus, so only neuron slices need a core.
  bool inputsTakePes = true;

  int pesPerChip() const { return qpesPerChip * pesPerQpe; }
  int64_t chips() const { return int64_t(chipsX) * chipsY; }
  int64_t pes() const { return chips() * pesPerChip(); }
};

/// A PE, by its global index: chip-major (chip = y * chipsX + x), then QPE,
/// then the PE within its QPE.
struct PeLocation {
  int chipX = 0, chipY = 0;
  int qpe = 0;     // 0 .. qpesPerChip-1
  int peInQpe = 0; // 0 .. pesPerQpe-1
};
PeLocation locate(const Machine &machine, int64_t pe);
int64_t peIndex(const Machine &machine, const PeLocation &location);

/// The six inter-chip links of a chip router, SpiNNaker's directions on the
/// chip mesh: E (+1,0), NE (+1,+1), N (0,+1), W (-1,0), SW (-1,-1), S (0,-1).
enum class Link { East = 0, NorthEast, North, West, SouthWest, South };
constexpr int kLinks = 6;

/// Hops between two PEs: the number of chip-to-chip links on a shortest
/// path over the six links (0 on one chip; dx, dy of equal sign take
/// max(|dx|, |dy|) diagonal-assisted hops, otherwise |dx| + |dy|). The mesh
/// does not wrap around.
int64_t hops(const Machine &machine, int64_t peA, int64_t peB);

/// A population of neurons (one neuron op of the IR).
struct Population {
  std::string name;
  int64_t size = 0;
  /// Ring-buffer depth its neurons need (max incoming delay + 1).
  int64_t delaySlots = 1;
  /// A network input (spike source).
  bool input = false;
};

/// A projection from population `pre` to population `post`.
struct Projection {
  enum class Kind {
    /// Every pre neuron to every post neuron.
    Dense,
    /// Explicit synapses: `postFanIn[k]` synapses end at post neuron k
    /// (size == post size); `preRows` pre neurons have at least one synapse.
    Sparse,
    /// Weight-shared (convolution): the slice stores `sharedBytes` of
    /// kernel whatever its size; `preRows`/`postFanIn` as for Sparse
    /// describe the implied synapses, for traffic.
    Shared,
  };
  Kind kind = Kind::Dense;
  int pre = 0, post = 0;
  std::vector<int64_t> postFanIn;
  int64_t preRows = 0;
  int64_t sharedBytes = 0;
  /// Which post neurons each pre neuron reaches, as a contiguous range
  /// [postLo[i], postHi[i]) per pre neuron i (empty = all post neurons);
  /// traffic estimation and routing only need this envelope.
  std::vector<int64_t> postLo, postHi;
};

struct Network {
  std::vector<Population> populations;
  std::vector<Projection> projections;
};

/// A contiguous range of one population's neurons that one PE runs.
struct Slice {
  int population = 0;
  int64_t lo = 0, hi = 0; // [lo, hi)
  int64_t memoryBytes = 0;
};

struct Partition {
  std::vector<Slice> slices; // grouped by population, ascending lo
  /// Sum over populations of the PEs the population needs at least
  /// (ceil(size / neuronsPerPe), and ceil(total bytes / memory per PE)).
  int64_t lowerBound = 0;
};

/// Slice index -> PE index.
struct Placement {
  std::vector<int64_t> peOfSlice;
};

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_MAPPINGMODEL_H
