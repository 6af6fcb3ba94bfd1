//===- Design.h - an integer network as FPGA neuron cores -------*- C++ -*-===//
//
// The MLIR-free half of the FPGA backend (library SNCFPGADesign): how a
// network in the many-core form (passes/mapping/ManycoreNetwork.h) becomes
// time-multiplexed neuron cores (rtl/neuron_core.v) and the files that
// describe them, and how those files are simulated in Verilator.
//
//   planDesign   decides: which neurons each core runs (from the
//                partitioner's slices), the level each core updates in,
//                memory depths and widths, the resources each core needs,
//                and whether the design fits the part. The FPGA backend's
//                prepare pass records the plan in the IR (nmc.slice
//                attributes, see CorePlan::fields) and the emitter reads it
//                back: nothing is decided twice.
//   writeDesign  writes a planned design (top.v, one $readmemh file per
//                memory, the Verilator harness, manifest.json); read-only.
//   simulateDesign  builds the harness with Verilator (cached in the output
//                directory, rebuilt only when a source changed) and runs it.
//
// Hardware semantics (docs/fpga.md): per time step t, the harness first
// streams the step's input spikes as events; then levels 0, 1, ... run in
// order. In a level every core of that level updates its neurons, one per
// clock: drive = sat(driveBits, driveOffset + ring[t][k]), then
// stepIntegerNeuron (rtl/neuron_update.v); spikes become events {source,
// neuron} on the one spike bus; every core that subscribes to the source
// adds the weights of the source neuron's synapse row into ring[t + delay].
// A level ends when every core of it has updated and every event is
// delivered. A delay-0 synapse always goes to a core of a later level, so
// the result equals manycore::Network semantics (= the interpreter) bit for
// bit, with latency shift 0.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_FPGA_DESIGN_H
#define SNC_BACKENDS_FPGA_DESIGN_H

#include "passes/mapping/ManycoreNetwork.h"
#include "passes/mapping/MappingModel.h"
#include "runtime/Npy.h"
#include "targets/TargetDescription.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace snc::fpga {

/// Where a core memory lives (rtl/neuron_core.v's *_STYLE).
enum class MemoryKind : int {
  Block = 0,       // block RAM, initialised from its $readmemh image
  Distributed = 1, // LUT RAM (families with 6-input LUTs)
  Loaded = 2,      // SPRAM, written through the core's configuration port
                   // before the first step (synapses only)
  Registers = 3,   // flip-flops (a read-only memory: logic)
};

/// One neuron core: a slice of one (non-input) population.
struct CorePlan {
  int population = 0;       // manycore::Network population index
  int64_t lo = 0, hi = 0;   // the neurons [lo, hi) it runs
  int level = 0;            // updates after every core of a lower level
  int64_t ringSlots = 1;    // accumulator ring depth: max incoming delay + 1
  unsigned accBits = 1;     // accumulator width that cannot overflow
  int64_t synapseWords = 0; // synapse memory words (incoming synapses)
  int64_t rowIndexWords =
      0;                   // row index: one entry per subscribed source neuron
  int64_t bramHalves = 0;  // half block RAMs the core's memories take, as
                           // yosys maps them (RAMB18 on a 7-series part)
  int64_t sprams = 0;      // SPRAM blocks (a Loaded synapse memory)
  unsigned weightBits = 2; // synapse weight width (signed)
  unsigned multBits = 2;   // decay/gain multiplier width (signed)
  unsigned paramBits = 2;  // bias/threshold/adapt_gain width (signed)
  unsigned countBits = 1;  // row length width (longest row)
  bool denseRows = false;  // rows store {count, start, first target} and
                           // synapse words no target (every row contiguous)
  /// Bit i: parameter field i (CoreTables.h kParamFields) is the same for
  /// every neuron of the core, so it is a constant of the core, not a field
  /// of the parameter word (also the fields the format does not use).
  int64_t paramConstants = 0;
  MemoryKind rowMemory = MemoryKind::Block, paramMemory = MemoryKind::Block,
             stateMemory = MemoryKind::Block, ringMemory = MemoryKind::Block,
             synapseMemory = MemoryKind::Block,
             inQueueMemory = MemoryKind::Block,
             outQueueMemory = MemoryKind::Block;

  /// (name, value) pairs the IR stores, and their inverse; fromFields fails
  /// (sets error) on a missing or out-of-range field.
  std::vector<std::pair<std::string, int64_t>> fields() const;
  static bool fromFields(const std::vector<std::pair<std::string, int64_t>> &,
                         CorePlan &plan, std::string &error);
};

/// A source of spike events: an input population (fed by the harness) or
/// the neurons of one core. Event = {source index, neuron - lo}. Sources
/// list the input populations first (whole, in population order), then the
/// cores in order (sourceOfCore).
struct SourcePlan {
  int population = 0;
  int64_t lo = 0, hi = 0;
  int core = -1; // -1: a network input
};

struct DesignPlan {
  std::vector<CorePlan> cores;
  /// Derived from `cores` and the network: completeSources fills it.
  std::vector<SourcePlan> sources;
  int levels = 1;
  /// Totals against the part, for the manifest and diagnostics (block RAMs
  /// in halves: 17 is 8.5 RAMB36).
  int64_t bramHalves = 0, partBlockRams = 0;
  /// Where the top's input event queue lives.
  MemoryKind inputQueueMemory = MemoryKind::Block;
  int64_t sprams = 0, partSprams = 0;
};

/// "8.5" for 17 half blocks.
std::string blockRamText(int64_t halves);

/// The source index of core `core` (sources list the network inputs first,
/// one per input population, then the cores in order).
int sourceOfCore(const DesignPlan &plan, int core);

/// Plans the cores for `slices` (the partitioner's, in slice order; input
/// populations' slices become sources, not cores). Fails with a message
/// naming the population and the resource (which, how much over) if the
/// network does not fit the target's part, or if it needs what a core
/// cannot do.
bool planDesign(const manycore::Network &network,
                const std::vector<mapping::Slice> &slices,
                const targets::TargetDescription &target, DesignPlan &plan,
                std::string &error);

/// Fills plan.sources and plan.levels (and checks that the cores cover
/// every non-input population exactly once) after the cores were read back
/// from the IR.
bool completeSources(const manycore::Network &network, DesignPlan &plan,
                     std::string &error);

/// Writes the design into `directory` (created if needed), every file
/// through a temporary and rename: top.v, rtl/, mem/*.hex, harness_main.cpp
/// and design_table.h, manifest.json (docs/fpga.md). Fails if the plan's
/// sizes do not match the network. `summary` gets a line per core.
bool writeDesign(const manycore::Network &network, const DesignPlan &plan,
                 const targets::TargetDescription &target,
                 const std::string &directory, std::string &summary,
                 std::string &error);

struct SimulateOptions {
  int64_t steps = -1;        // -1: as long as the shortest input
  std::string xInitial;      // "" or "unique": verilator --x-initial
  uint64_t xInitialSeed = 0; // +verilator+seed+N when xInitial is "unique"
};

struct SimulateResult {
  std::vector<runtime::NpyArray> outputs; // (steps, *shape) per output
  int64_t cyclesTotal = 0, cyclesMaxStep = 0;
  /// Clocks spent before the first step writing Loaded memories through
  /// the configuration ports (not in cyclesTotal).
  int64_t cyclesLoad = 0;
  int64_t synapticEvents = 0;
  /// output index, element -> "core 3 (population 'lif1' neuron 17)".
  std::vector<std::vector<std::string>> locations;
};

/// Builds (if needed: obj/stamp holds a hash of the sources and flags) and
/// runs the harness in `directory`; inputs go to <directory>/run. Outputs
/// are (steps, size): bool spikes, or int64 v for discrete_li outputs.
bool simulateDesign(const std::string &directory,
                    const std::vector<runtime::NpyArray> &inputs,
                    const SimulateOptions &options, SimulateResult &result,
                    std::string &error);

} // namespace snc::fpga

#endif // SNC_BACKENDS_FPGA_DESIGN_H
