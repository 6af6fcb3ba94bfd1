//===- TargetDescription.h - hardware target descriptions -------*- C++ -*-===//
//
// A target description says what a piece of neuromorphic hardware can hold
// and compute: its number formats (weight, state and threshold widths, how
// decay and rounding work), the synaptic delays it supports and its capacity
// (neurons and synaptic memory per core, cores, router tables, FPGA
// resources, Josephson-junction budgets). Descriptions are JSON files in
// targets/, checked against targets/schema.json; see docs/targets.md.
//
// Passes read the typed accessors below; everything else in a file (the
// sources of its numbers, family-specific capacity entries) stays available
// through the generic maps.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TARGETS_TARGETDESCRIPTION_H
#define SNC_TARGETS_TARGETDESCRIPTION_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace snc::targets {

class SchemaValidator;

enum class TargetFamily { Manycore, FPGA, SFQ };
enum class DecayKind {
  Multiplier, // x -= x * k / 2^fraction_bits (Loihi: 12 fraction bits)
  Shift,      // x -= x >> shift (Xylo)
  None,       // no leak
};
enum class RoundingMode { NearestEven, Stochastic, Floor, TowardZero };

/// "manycore", "fpga", "sfq" (the spelling in the files).
llvm::StringRef getFamilyName(TargetFamily family);
/// "multiplier", "shift", "none".
llvm::StringRef getDecayKindName(DecayKind kind);
/// "nearest_even", "stochastic", "floor", "toward_zero".
llvm::StringRef getRoundingModeName(RoundingMode mode);

/// The "numeric" section.
struct NumericFormat {
  /// Weights are {-1, 0, +1}; `weightBits` is then 2 (their storage width).
  bool ternary = false;
  unsigned weightBits = 0;
  /// Signed weights span +-(2^(bits-1) - 1); unsigned ones 0 .. 2^bits - 1.
  bool weightSigned = true;
  unsigned currentBits = 0; // 0: no synaptic-current state
  unsigned voltageBits = 0;
  unsigned thresholdBits = 0;
  DecayKind decay = DecayKind::None;
  unsigned decayFractionBits = 0; // Multiplier only
  RoundingMode rounding = RoundingMode::NearestEven;
  std::optional<uint64_t> seed; // Stochastic only
  bool saturate = false;
};

/// The "delay" section, in time steps (ticks).
struct DelayRange {
  int64_t min = 0;
  int64_t max = 0;
  /// Longer delays the target reaches through extra resources (SpiNNaker's
  /// delay-extension cores), if any.
  std::optional<int64_t> extendedMax;
};

/// The "capacity" section of a many-core target; optional fields hold the
/// defaults docs/targets.md gives.
struct ManycoreCapacity {
  int64_t coresPerChip = 1;
  int64_t chipsX = 1, chipsY = 1;
  int64_t neuronsPerCore = 0;
  int64_t synapticBytesPerCore = 0;
  std::optional<int64_t> sramBytesPerCore, dramBytesPerChip;
  int64_t routerEntries = 0;
  int64_t keyBits = 32, maskBits = 32;
  std::optional<int64_t> linksPerChip, clockHz;
  int64_t pesPerQpe = 4;
  int64_t rowHeaderBytes = 8, synapseBytes = 4;
  int64_t neuronBytes = 32, ringBufferSlotBytes = 4;
  int64_t cyclesPerNeuron = 100, cyclesPerSynapticEvent = 20,
          cyclesPerPacket = 30;
};

/// The "capacity" section of an FPGA target.
struct FPGACapacity {
  int64_t lutInputs = 0, luts = 0, flipFlops = 0;
  int64_t bramBlocks = 0, bramBitsPerBlock = 0;
  std::optional<int64_t> spramBlocks, spramBitsPerBlock;
  int64_t dspBlocks = 0;
  int64_t neuronsPerCore = 0, synapticBytesPerCore = 0;
  std::optional<int64_t> cores, cyclesPerSynapticOp, clockHz;
};

/// One SFQ cell's timing in femtoseconds ("<cell>_delay_fs", "_setup_fs",
/// "_hold_fs"); setup and hold exist for clocked cells only.
struct SFQCellTiming {
  std::optional<int64_t> delayFs, setupFs, holdFs;
};

/// The "capacity" section of a single-flux-quantum target.
struct SFQCapacity {
  std::string cellLibrary;
  /// Junctions on the die; absent: no budget (several dies, jjPerDie).
  std::optional<int64_t> jjBudget, jjPerDie;
  int64_t clockHz = 0;
  std::optional<int64_t> pins;
  std::optional<int64_t> jjPerJtl, jjPerSplitter, jjPerMerger, jjPerDff,
      jjPerNdro, jjPerAnd2, jjPerOr2, jjPerXor, jjPerNot;
  std::optional<int64_t> mergerMinSeparationFs, fanout;
  SFQCellTiming jtlTiming, splitterTiming, mergerTiming, dffTiming, ndroTiming,
      and2Timing, or2Timing, xorTiming, notTiming, neuronTiming;
  /// Two pulses on one neuron input port closer than this fail.
  std::optional<int64_t> neuronMinSeparationFs;
  /// A neuron's junctions: per input branch, and for the rest.
  std::optional<int64_t> jjPerNeuronInput, jjPerNeuronCore;
};

/// One parsed, validated target description.
struct TargetDescription {
  std::string name;
  TargetFamily family = TargetFamily::Manycore;
  std::string description;
  std::vector<std::string> notes;
  /// The backend that compiles for it (`snc targets` lists them); empty if
  /// the file names none.
  std::string backend;
  /// The file it was read from.
  std::string path;
  /// The document as canonical JSON (no whitespace, keys sorted): what
  /// `snn.target` carries, so a later tool sees this exact description.
  std::string canonicalJSON;

  NumericFormat numeric;
  DelayRange delay;
  /// The capacity section of the target's family; the other two are empty.
  std::optional<ManycoreCapacity> manycore;
  std::optional<FPGACapacity> fpga;
  std::optional<SFQCapacity> sfq;
  /// The "capacity" section's numbers by field name ("router_entries").
  std::map<std::string, int64_t> capacity;
  /// Its text fields ("cell_library").
  std::map<std::string, std::string> capacityText;
  /// Citations, by the JSON pointer of the field they cite
  /// ("/capacity/router_entries" for "router_entries_source").
  std::map<std::string, std::string> sources;

  /// A capacity number, if the file gives it.
  std::optional<int64_t> getCapacity(llvm::StringRef field) const;
  /// The citation of the field at `pointer`, or "".
  llvm::StringRef getSource(llvm::StringRef pointer) const;

  // Capacity, as passes need it. Absent when the family has no such notion
  // (an FPGA has no router table) or the file leaves it out.
  std::optional<int64_t> neuronsPerCore() const;
  std::optional<int64_t> synapticBytesPerCore() const;
  std::optional<int64_t> coresPerChip() const;
  /// Chips in the machine: chips_x * chips_y.
  std::optional<int64_t> chips() const;
  /// All cores: cores_per_chip * chips for many-core chips, "cores" for an
  /// FPGA design that fixes it.
  std::optional<int64_t> cores() const;
  std::optional<int64_t> routerEntries() const;

  // Numeric format.
  unsigned weightBits() const { return numeric.weightBits; }
  bool ternary() const { return numeric.ternary; }
  bool weightSigned() const { return numeric.weightSigned; }
  unsigned currentBits() const { return numeric.currentBits; }
  unsigned voltageBits() const { return numeric.voltageBits; }
  /// The width of a neuron state word: the wider of current and voltage.
  unsigned stateBits() const;
  unsigned thresholdBits() const { return numeric.thresholdBits; }
  DecayKind decayKind() const { return numeric.decay; }
  unsigned decayFractionBits() const { return numeric.decayFractionBits; }
  RoundingMode rounding() const { return numeric.rounding; }
  std::optional<uint64_t> roundingSeed() const { return numeric.seed; }
  bool saturate() const { return numeric.saturate; }

  // Delays, in ticks.
  int64_t minDelay() const { return delay.min; }
  int64_t maxDelay() const { return delay.max; }
};

/// Where named targets are looked up.
struct TargetRegistryOptions {
  /// Directories searched in order for "<name>.json" (e.g. the source tree's
  /// targets/ folder, then the installed share/snc/targets).
  std::vector<std::string> searchDirs;
  /// A schema file to use instead of the one compiled in (for vendors
  /// trying out a schema change without rebuilding).
  std::string schemaPath;
};

/// The bundled targets: the source tree's targets/ folder, then the
/// installed share/snc/targets beside the running executable, if present.
TargetRegistryOptions getDefaultRegistryOptions();

/// A bundled target, as `snc targets` lists it.
struct TargetSummary {
  std::string name;
  TargetFamily family = TargetFamily::Manycore;
  std::string description;
  std::string path;
};

/// The text of targets/schema.json, compiled into the library.
const char *getBundledTargetSchema();

/// The validator for the compiled-in schema (built once; never null unless
/// the compiled-in schema is broken, which the unit tests rule out).
const SchemaValidator *getBundledTargetValidator(std::string &error);

/// Parses and validates description text. `fileName` prefixes every error;
/// errors are "<fileName>: <JSON pointer>: <reason>" lines (or
/// "<fileName>: <line>:<column>: invalid JSON: <reason>"), joined by '\n'.
/// Besides the schema, checks what a schema cannot say: delay.min <= max <=
/// extended_max, ternary weights are signed, synaptic memory fits the core's
/// SRAM. Returns true on success.
bool parseTarget(llvm::StringRef text, llvm::StringRef fileName,
                 const SchemaValidator &validator, TargetDescription &result,
                 std::string &error);

/// Sets the field at `pointer` (e.g. "/capacity/chips_x", which must name
/// a field of an existing object) to the JSON value `value` ("2",
/// "\"ternary\"") and checks the result as parseTarget does; `what` names
/// the override in errors ("--chips"). The description, canonicalJSON
/// included, is then that of the changed document. On failure `target` is
/// unchanged.
bool overrideTarget(TargetDescription &target, llvm::StringRef pointer,
                    llvm::StringRef value, llvm::StringRef what,
                    std::string &error);

/// Loads a target: `nameOrPath` ending in ".json" is a file path; anything
/// else is a name looked up as "<name>.json" in `options.searchDirs`, whose
/// "name" field must then equal the file's stem. Returns true on success;
/// otherwise `error` holds one line per problem.
bool loadTarget(llvm::StringRef nameOrPath,
                const TargetRegistryOptions &options, TargetDescription &result,
                std::string &error);

/// The valid targets in `dir` (every *.json but schema.json), sorted by
/// name. Files that fail to load are left out; their errors are appended to
/// `errors` if given.
std::vector<TargetSummary>
listTargets(llvm::StringRef dir, std::vector<std::string> *errors = nullptr);

/// The targets of all `options.searchDirs` (checked against
/// `options.schemaPath` if set), sorted by name. As in loadTarget, the first
/// directory holding "<name>.json" decides: a broken file there is reported,
/// not replaced by a later directory's.
std::vector<TargetSummary>
listTargets(const TargetRegistryOptions &options,
            std::vector<std::string> *errors = nullptr);

} // namespace snc::targets

#endif // SNC_TARGETS_TARGETDESCRIPTION_H
