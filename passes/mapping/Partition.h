//===- Partition.h - cut populations into PE-sized slices -------*- C++ -*-===//
//
// A PE runs one slice: a contiguous range of one population's neurons. The
// slice must fit the PE's neuron limit and its memory: neuron state, ring
// buffers and the synaptic rows of every projection into the slice.
// partitionNetwork cuts each population into as few slices as possible and
// then evens their sizes out.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_PARTITION_H
#define SNC_PASSES_MAPPING_PARTITION_H

#include "passes/mapping/MappingModel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::mapping {

/// Checks what the mapping algorithms rely on: projection ends name
/// populations, Sparse `postFanIn` has one entry per post neuron (Shared:
/// none or one per post neuron), envelopes are empty or one range per pre
/// neuron inside the post population, and no count is negative.
bool validateNetwork(const Network &network, std::string &error);

/// The memory a PE needs for a slice [lo, hi) of a population:
///   (hi - lo) * (neuronBytes + delaySlots * ringBufferSlotBytes)
/// plus, per projection into the population,
///   Dense:  preSize rows of rowHeaderBytes + (hi - lo) * synapseBytes;
///   Sparse: rows * rowHeaderBytes + synapses * synapseBytes, where synapses
///           is the sum of postFanIn over [lo, hi) and rows is
///           min(preRows, synapses, pre neurons whose envelope meets
///           [lo, hi)): the true number of rows (pre neurons with a synapse
///           into the slice) is at most each of the three, so this is an
///           upper bound;
///   Shared: sharedBytes, the kernel, whatever the slice's size.
/// With the many-core images' sizes (PeImageSize.h, useImageSizes) this is
/// a PE image's bytes but for its header and key table, exactly when the
/// modelled rows are the true ones (test/unit/ManycoreSimMemoryTest.cpp).
/// Per-population prefix sums of postFanIn and sorted envelope ends are
/// built once, so a query costs O(projections * log(pre size)). The network
/// must pass validateNetwork; the model copies what it needs from it.
class SliceMemoryModel {
public:
  SliceMemoryModel(const Machine &machine, const Network &network);
  /// Only `population`'s incoming projections (for one-off queries).
  SliceMemoryModel(const Machine &machine, const Network &network,
                   int population);

  int64_t bytes(int population, int64_t lo, int64_t hi) const;
  /// The part of bytes() every slice of the population pays whatever its
  /// size: Dense row headers and Shared kernels.
  int64_t fixedBytes(int population) const;

private:
  struct Incoming {
    Projection::Kind kind;
    int64_t preSize = 0, preRows = 0, sharedBytes = 0;
    std::vector<int64_t> fanInPrefix; // size post size + 1 (Sparse)
    /// Non-empty envelopes' ends, each sorted (Sparse with envelopes).
    std::vector<int64_t> sortedLo, sortedHi;
    bool hasEnvelopes = false;
  };
  struct PopulationModel {
    int64_t perNeuronBytes = 0;
    std::vector<Incoming> incoming;
  };

  void build(const Network &network, int population);

  Machine machine;
  std::vector<PopulationModel> populations;
};

/// SliceMemoryModel's bytes() for one slice; O(population size) to build the
/// prefix sums, so loops should hold a SliceMemoryModel instead.
int64_t sliceMemoryBytes(const Machine &machine, const Network &network,
                         int population, int64_t lo, int64_t hi);

/// Cuts every population, in order, into contiguous slices of at most
/// neuronsPerPe neurons and memoryBytesPerPe bytes, the fewest a population
/// allows (greedy maximal slices are optimal because a sub-range never needs
/// more memory than its range). The k slices are then re-cut, each aiming
/// at an equal share of the neurons left, as far as memory allows: alike
/// slices keep their routing keys alike.
///
/// out.lowerBound is the sum over populations of the largest of
///   ceil(size / neuronsPerPe) and
///   ceil(variable / (memoryBytesPerPe - fixed)),
/// where fixed = fixedBytes() (paid by every slice) and variable = bytes()
/// of the whole population minus fixed. Any cut into k slices pays
/// k * fixed plus at least `variable`, so k * memoryBytesPerPe >= k * fixed
/// + variable: state and synapses add up across slices, and the Sparse rows
/// of the whole population, min(preRows, ...), are at most preRows, which
/// the slices' rows add up to at least. (That last step holds for honest
/// projections: preRows pre neurons each own a synapse, counted in
/// postFanIn and inside their envelope; then each slice's modelled rows are
/// at least its true rows, and the true rows add up to at least preRows.)
///
/// Fails, naming the population and the numbers, when the network is
/// invalid, one neuron alone does not fit a PE, or the slices outnumber the
/// machine's PEs.
bool partitionNetwork(const Machine &machine, const Network &network,
                      Partition &out, std::string &error);

/// Slice index range [first, first + count) of every population, from a
/// Partition whose slices are grouped by population.
struct SliceRange {
  int64_t first = 0, count = 0;
};
std::vector<SliceRange> populationSliceRanges(const Network &network,
                                              const Partition &partition);

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_PARTITION_H
