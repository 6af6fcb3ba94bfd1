//===- CoreTables.h - the memory contents of one neuron core ----*- C++ -*-===//
//
// What a core's memories hold, computed from the network and the plan's
// cores and sources: the row index of every subscribed source neuron, the
// synapse words, and the bounds planDesign sizes the memories from. Both
// planDesign (sizes) and writeDesign (images) use it, so they agree.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_FPGA_CORETABLES_H
#define SNC_BACKENDS_FPGA_CORETABLES_H

#include "backends/fpga/Design.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::fpga {

struct SynapseWord {
  int64_t delay = 0, target = 0, weight = 0;
};

/// A row-index entry: the row's synapse words [start, start + count); in a
/// dense core (CorePlan::denseRows) word i of the row targets first + i.
struct RowEntry {
  int64_t start = 0, count = 0, first = 0;
};

struct CoreTables {
  /// Per source: subscribed (some synapse from it lands here) and the
  /// row-index word of its neuron 0.
  std::vector<bool> subscribed;
  std::vector<int64_t> sourceBase;
  /// Row index entries into `synapses`, in the core's format
  /// (CorePlan::denseRows): a sparse row holds its synapses sorted by
  /// target; a dense row one word per target from its first to its last,
  /// weight 0 where the row has no synapse.
  std::vector<RowEntry> rows;
  std::vector<SynapseWord> synapses;
  /// Whichever format the core uses: the dense one needs at most one
  /// synapse per target in each row, and takes denseWords synapse words.
  bool denseFits = true;
  int64_t denseWords = 0;
  /// Per neuron of the core: sum of |w| over incoming synapses plus
  /// |driveOffset|; the largest is what the accumulator must hold.
  int64_t accBound = 0;
  int64_t maxDelay = 0, maxRow = 0, maxAbsWeight = 0;
  /// Cores with a delay-0 synapse into this core.
  std::vector<int> delayZeroFromCores;
};

/// Fills `tables` for plan.cores[core] in its format (denseRows: a dense
/// core's plan must have denseFits); plan.sources must be complete.
bool buildCoreTables(const manycore::Network &network, const DesignPlan &plan,
                     int core, CoreTables &tables, std::string &error);

/// Bits of the smallest two's complement type holding every value in
/// [-bound, bound] (at least 2).
unsigned signedBitsFor(int64_t bound);
/// Bits of an unsigned value (at least 1).
unsigned unsignedBitsFor(uint64_t value);

/// The parameter word's fields, bit 0 up (rtl/neuron_core.v's PARAM_CONST
/// bit order): decay, gain, syn_decay, syn_gain, adapt_decay, bias,
/// threshold, adapt_gain, v_reset, drive_offset.
constexpr int kParamFields = 10;
/// Whether the population's format reads field `field`.
bool paramFieldUsed(const manycore::Population &population, int field);
/// Field `field` of neuron k (0 where the format does not use it).
int64_t paramFieldValue(const manycore::Population &population, int field,
                        int64_t k);

/// Widths of a core's memory words, as rtl/neuron_core.v lays them out
/// (a dense core's row word adds `first`, its synapse word drops `target`;
/// the parameter word holds the fields that are not constants; the state
/// word v and the fields the format changes: i, a, ref). A Loaded synapse
/// memory packs 2^laneBits synapse words into loadWords words of loadBits.
struct CoreWidths {
  unsigned neuronBits = 1, delayBits = 0, startBits = 1, refractBits = 1;
  unsigned synapseWord = 0, rowWord = 0, paramWord = 0, stateWord = 0;
  unsigned paramFieldBits[kParamFields] = {};
  unsigned loadBits = 0, laneBits = 0;
  int64_t loadWords = 0;
};
CoreWidths coreWidths(const manycore::Network &network, const CorePlan &core);

/// The word width of a Loaded memory: an iCE40 SPRAM block is 16K x 16.
constexpr unsigned kSpramWidth = 16;
constexpr int64_t kSpramDepth = 16384;

/// Half block RAMs a words x width memory with one read and one write port
/// takes on `part`, the way yosys 0.23 maps it: on a 7-series part (6-input
/// LUTs, 36 Kbit blocks) a deep memory of at most 9 bits in 18 Kbit halves
/// (yosys uses the parity bits), any other the cheapest tiling by RAMB18
/// (16K x 1 ... 512 x 36) or RAMB36 (32K x 1 ... 512 x 72) shapes; on an
/// iCE40 (4-input LUTs, 4 Kbit)
/// by SB_RAM40_4K shapes (2K x 2 ... 256 x 16); elsewhere by bits.
int64_t blockRamHalves(const targets::FPGACapacity &part, int64_t words,
                       int64_t width);
/// Whether the part has LUT RAM (6-input LUT families).
bool hasLutRam(const targets::FPGACapacity &part);

/// Depth of the event queues: the top's input queue and each core's.
constexpr int kEventFifoDepth = 16;
/// The spike bus word {source, neuron}: source and neuron field widths.
struct EventFields {
  unsigned srcBits = 1, evnBits = 1;
};
EventFields eventFields(const DesignPlan &plan);

/// A read-only memory's width as yosys keeps it: the bit columns that are
/// not the same in every word (`words` of (value, bits) fields, low first).
class RomColumns {
public:
  void add(const std::vector<std::pair<int64_t, unsigned>> &fields);
  unsigned varying() const;

private:
  std::vector<bool> ones, zeros;
};

} // namespace snc::fpga

#endif // SNC_BACKENDS_FPGA_CORETABLES_H
