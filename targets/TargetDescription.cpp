//===- TargetDescription.cpp - hardware target descriptions ---------------===//

#include "targets/TargetDescription.h"
#include "targets/JSONText.h"
#include "targets/SchemaValidator.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <set>

using namespace llvm;

namespace snc::targets {

// Declared here to hide llvm::json, which `using namespace llvm` brings in.
using json = nlohmann::json;

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

StringRef getFamilyName(TargetFamily family) {
  switch (family) {
  case TargetFamily::Manycore:
    return "manycore";
  case TargetFamily::FPGA:
    return "fpga";
  case TargetFamily::SFQ:
    return "sfq";
  }
  return "manycore";
}

StringRef getDecayKindName(DecayKind kind) {
  switch (kind) {
  case DecayKind::Multiplier:
    return "multiplier";
  case DecayKind::Shift:
    return "shift";
  case DecayKind::None:
    return "none";
  }
  return "none";
}

StringRef getRoundingModeName(RoundingMode mode) {
  switch (mode) {
  case RoundingMode::NearestEven:
    return "nearest_even";
  case RoundingMode::Stochastic:
    return "stochastic";
  case RoundingMode::Floor:
    return "floor";
  case RoundingMode::TowardZero:
    return "toward_zero";
  }
  return "nearest_even";
}

//===----------------------------------------------------------------------===//
// Accessors
//===----------------------------------------------------------------------===//

std::optional<int64_t> TargetDescription::getCapacity(StringRef field) const {
  auto it = capacity.find(field.str());
  if (it == capacity.end())
    return std::nullopt;
  return it->second;
}

StringRef TargetDescription::getSource(StringRef pointer) const {
  auto it = sources.find(pointer.str());
  return it == sources.end() ? StringRef() : StringRef(it->second);
}

std::optional<int64_t> TargetDescription::neuronsPerCore() const {
  return getCapacity("neurons_per_core");
}

std::optional<int64_t> TargetDescription::synapticBytesPerCore() const {
  return getCapacity("synaptic_bytes_per_core");
}

std::optional<int64_t> TargetDescription::coresPerChip() const {
  return getCapacity("cores_per_chip");
}

std::optional<int64_t> TargetDescription::chips() const {
  std::optional<int64_t> x = getCapacity("chips_x");
  std::optional<int64_t> y = getCapacity("chips_y");
  if (!x || !y)
    return std::nullopt;
  return *x * *y;
}

std::optional<int64_t> TargetDescription::cores() const {
  if (std::optional<int64_t> perChip = coresPerChip())
    if (std::optional<int64_t> n = chips())
      return *perChip * *n;
  return getCapacity("cores");
}

std::optional<int64_t> TargetDescription::routerEntries() const {
  return getCapacity("router_entries");
}

unsigned TargetDescription::stateBits() const {
  return std::max(numeric.currentBits, numeric.voltageBits);
}

//===----------------------------------------------------------------------===//
// Reading a validated document
//===----------------------------------------------------------------------===//

namespace {

constexpr StringLiteral SourceSuffix = "_source";

/// Every "<field>_source" string, keyed by the pointer of <field>.
void collectSources(const json &value, const std::string &pointer,
                    std::map<std::string, std::string> &sources) {
  if (value.is_object()) {
    for (const auto &member : value.items()) {
      StringRef name = member.key();
      const auto *text = member.value().get_ptr<const json::string_t *>();
      if (text && name.ends_with(SourceSuffix)) {
        sources[pointer + "/" +
                escapeJSONPointerToken(name.drop_back(SourceSuffix.size()))] =
            *text;
        continue;
      }
      collectSources(member.value(),
                     pointer + "/" + escapeJSONPointerToken(name), sources);
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i)
      collectSources(value[i], pointer + "/" + std::to_string(i), sources);
  }
}

TargetFamily familyFromName(StringRef name) {
  if (name == "fpga")
    return TargetFamily::FPGA;
  if (name == "sfq")
    return TargetFamily::SFQ;
  return TargetFamily::Manycore;
}

DecayKind decayFromName(StringRef name) {
  if (name == "multiplier")
    return DecayKind::Multiplier;
  if (name == "shift")
    return DecayKind::Shift;
  return DecayKind::None;
}

RoundingMode roundingFromName(StringRef name) {
  if (name == "stochastic")
    return RoundingMode::Stochastic;
  if (name == "floor")
    return RoundingMode::Floor;
  if (name == "toward_zero")
    return RoundingMode::TowardZero;
  return RoundingMode::NearestEven;
}

// Readers of a document the schema accepted: a member that is absent or of
// another type reads as std::nullopt (or null), never as an exception.

const json *getObject(const json &object, StringRef field) {
  const json *member = getJSONMember(object, field);
  return member && member->is_object() ? member : nullptr;
}

std::optional<StringRef> getString(const json &object, StringRef field) {
  if (const json *member = getJSONMember(object, field))
    if (const auto *text = member->get_ptr<const json::string_t *>())
      return StringRef(*text);
  return std::nullopt;
}

std::optional<bool> getBoolean(const json &object, StringRef field) {
  if (const json *member = getJSONMember(object, field))
    if (const auto *b = member->get_ptr<const json::boolean_t *>())
      return *b;
  return std::nullopt;
}

std::optional<int64_t> getInteger(const json &object, StringRef field) {
  if (const json *member = getJSONMember(object, field))
    return getJSONInteger(*member);
  return std::nullopt;
}

unsigned getBits(const json &object, StringRef field) {
  return static_cast<unsigned>(getInteger(object, field).value_or(0));
}

/// The family's typed capacity section, from the generic map.
void readCapacitySection(TargetDescription &t) {
  auto get = [&](const char *field, int64_t fallback) {
    return t.getCapacity(field).value_or(fallback);
  };
  auto optional = [&](const char *field) { return t.getCapacity(field); };
  switch (t.family) {
  case TargetFamily::Manycore: {
    ManycoreCapacity c;
    c.coresPerChip = get("cores_per_chip", c.coresPerChip);
    c.chipsX = get("chips_x", c.chipsX);
    c.chipsY = get("chips_y", c.chipsY);
    c.neuronsPerCore = get("neurons_per_core", c.neuronsPerCore);
    c.synapticBytesPerCore =
        get("synaptic_bytes_per_core", c.synapticBytesPerCore);
    c.sramBytesPerCore = optional("sram_bytes_per_core");
    c.dramBytesPerChip = optional("dram_bytes_per_chip");
    c.routerEntries = get("router_entries", c.routerEntries);
    c.keyBits = get("key_bits", c.keyBits);
    c.maskBits = get("mask_bits", c.maskBits);
    c.linksPerChip = optional("links_per_chip");
    c.clockHz = optional("clock_hz");
    c.pesPerQpe = get("pes_per_qpe", c.pesPerQpe);
    c.rowHeaderBytes = get("row_header_bytes", c.rowHeaderBytes);
    c.synapseBytes = get("synapse_bytes", c.synapseBytes);
    c.neuronBytes = get("neuron_bytes", c.neuronBytes);
    c.ringBufferSlotBytes =
        get("ring_buffer_slot_bytes", c.ringBufferSlotBytes);
    c.cyclesPerNeuron = get("cycles_per_neuron", c.cyclesPerNeuron);
    c.cyclesPerSynapticEvent =
        get("cycles_per_synaptic_event", c.cyclesPerSynapticEvent);
    c.cyclesPerPacket = get("cycles_per_packet", c.cyclesPerPacket);
    t.manycore = c;
    break;
  }
  case TargetFamily::FPGA: {
    FPGACapacity c;
    c.lutInputs = get("lut_inputs", 0);
    c.luts = get("luts", 0);
    c.flipFlops = get("flip_flops", 0);
    c.bramBlocks = get("bram_blocks", 0);
    c.bramBitsPerBlock = get("bram_bits_per_block", 0);
    c.spramBlocks = optional("spram_blocks");
    c.spramBitsPerBlock = optional("spram_bits_per_block");
    c.dspBlocks = get("dsp_blocks", 0);
    c.neuronsPerCore = get("neurons_per_core", 0);
    c.synapticBytesPerCore = get("synaptic_bytes_per_core", 0);
    c.cores = optional("cores");
    c.cyclesPerSynapticOp = optional("cycles_per_synaptic_op");
    c.clockHz = optional("clock_hz");
    t.fpga = c;
    break;
  }
  case TargetFamily::SFQ: {
    SFQCapacity c;
    auto text = t.capacityText.find("cell_library");
    if (text != t.capacityText.end())
      c.cellLibrary = text->second;
    c.jjBudget = optional("jj_budget");
    c.jjPerDie = optional("jj_per_die");
    c.clockHz = get("clock_hz", 0);
    c.pins = optional("pins");
    c.jjPerJtl = optional("jj_per_jtl");
    c.jjPerSplitter = optional("jj_per_splitter");
    c.jjPerMerger = optional("jj_per_merger");
    c.jjPerDff = optional("jj_per_dff");
    c.jjPerNdro = optional("jj_per_ndro");
    c.jjPerAnd2 = optional("jj_per_and2");
    c.jjPerOr2 = optional("jj_per_or2");
    c.jjPerXor = optional("jj_per_xor");
    c.jjPerNot = optional("jj_per_not");
    c.mergerMinSeparationFs = optional("merger_min_separation_fs");
    c.fanout = optional("fanout");
    auto timing = [&](const std::string &cell) {
      SFQCellTiming timing;
      timing.delayFs = t.getCapacity(cell + "_delay_fs");
      timing.setupFs = t.getCapacity(cell + "_setup_fs");
      timing.holdFs = t.getCapacity(cell + "_hold_fs");
      return timing;
    };
    c.jtlTiming = timing("jtl");
    c.splitterTiming = timing("splitter");
    c.mergerTiming = timing("merger");
    c.dffTiming = timing("dff");
    c.ndroTiming = timing("ndro");
    c.and2Timing = timing("and2");
    c.or2Timing = timing("or2");
    c.xorTiming = timing("xor");
    c.notTiming = timing("not");
    c.neuronTiming = timing("neuron");
    c.neuronMinSeparationFs = optional("neuron_min_separation_fs");
    c.jjPerNeuronInput = optional("jj_per_neuron_input");
    c.jjPerNeuronCore = optional("jj_per_neuron_core");
    t.sfq = c;
    break;
  }
  }
}

/// Fills `result` from a document the schema accepted.
void readDescription(const json &root, TargetDescription &result) {
  result.name = getString(root, "name").value_or("").str();
  result.family = familyFromName(getString(root, "family").value_or(""));
  result.description = getString(root, "description").value_or("").str();
  if (const json *notes = getJSONMember(root, "notes");
      notes && notes->is_array())
    for (const json &note : *notes) {
      const auto *text = note.get_ptr<const json::string_t *>();
      result.notes.push_back(text ? *text : "");
    }

  NumericFormat &numeric = result.numeric;
  if (const json *n = getObject(root, "numeric")) {
    const json *weightBits = getJSONMember(*n, "weight_bits");
    if (weightBits && weightBits->is_string()) {
      numeric.ternary = true;
      numeric.weightBits = 2;
    } else if (weightBits) {
      numeric.weightBits =
          static_cast<unsigned>(getJSONInteger(*weightBits).value_or(0));
    }
    numeric.weightSigned = getBoolean(*n, "weight_signed").value_or(true);
    numeric.currentBits = getBits(*n, "current_bits");
    numeric.voltageBits = getBits(*n, "voltage_bits");
    numeric.thresholdBits = getBits(*n, "threshold_bits");
    if (const json *decay = getObject(*n, "decay")) {
      numeric.decay = decayFromName(getString(*decay, "kind").value_or(""));
      numeric.decayFractionBits = getBits(*decay, "fraction_bits");
    }
    if (const json *rounding = getObject(*n, "rounding")) {
      numeric.rounding =
          roundingFromName(getString(*rounding, "mode").value_or(""));
      if (std::optional<int64_t> seed = getInteger(*rounding, "seed"))
        numeric.seed = static_cast<uint64_t>(*seed);
    }
    numeric.saturate = getBoolean(*n, "saturate").value_or(false);
  }

  if (const json *d = getObject(root, "delay")) {
    result.delay.min = getInteger(*d, "min").value_or(0);
    result.delay.max = getInteger(*d, "max").value_or(0);
    result.delay.extendedMax = getInteger(*d, "extended_max");
  }

  if (const json *c = getObject(root, "capacity")) {
    for (const auto &member : c->items()) {
      StringRef name = member.key();
      if (name.ends_with(SourceSuffix))
        continue;
      if (const auto *text = member.value().get_ptr<const json::string_t *>())
        result.capacityText[name.str()] = *text;
      else if (std::optional<int64_t> number = getJSONInteger(member.value()))
        result.capacity[name.str()] = *number;
    }
  }

  collectSources(root, "", result.sources);
  result.backend = getString(root, "backend").value_or("").str();
  readCapacitySection(result);
}

/// What the schema cannot express: relations between fields.
std::vector<ValidationError> checkConsistency(const TargetDescription &t) {
  std::vector<ValidationError> errors;
  if (t.delay.min > t.delay.max)
    errors.push_back({"/delay", "min " + std::to_string(t.delay.min) +
                                    " is greater than max " +
                                    std::to_string(t.delay.max)});
  if (t.delay.extendedMax && *t.delay.extendedMax < t.delay.max)
    errors.push_back(
        {"/delay", "extended_max " + std::to_string(*t.delay.extendedMax) +
                       " is less than max " + std::to_string(t.delay.max)});
  if (t.numeric.ternary && !t.numeric.weightSigned)
    errors.push_back(
        {"/numeric/weight_signed", "ternary weights {-1, 0, +1} are signed"});
  std::optional<int64_t> synaptic = t.synapticBytesPerCore();
  std::optional<int64_t> sram = t.getCapacity("sram_bytes_per_core");
  if (synaptic && sram && *synaptic > *sram)
    errors.push_back({"/capacity", "synaptic_bytes_per_core " +
                                       std::to_string(*synaptic) +
                                       " is greater than sram_bytes_per_core " +
                                       std::to_string(*sram)});
  return errors;
}

std::string joinErrors(const std::vector<ValidationError> &errors,
                       StringRef fileName) {
  std::vector<std::string> lines;
  for (const ValidationError &e : errors)
    lines.push_back(e.format(fileName));
  return join(lines, "\n");
}

/// Reads and parses `path`; checks its name against `expectedName` if set.
bool loadFile(StringRef path, StringRef expectedName,
              const SchemaValidator &validator, TargetDescription &result,
              std::string &error) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
      MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    error = (path + ": cannot read: " + buffer.getError().message()).str();
    return false;
  }
  TargetDescription description;
  if (!parseTarget((*buffer)->getBuffer(), path, validator, description, error))
    return false;
  if (!expectedName.empty() && description.name != expectedName) {
    error = (path + ": /name: " + describeJSONValue(json(description.name)) +
             " differs from the file name; a file \"" + expectedName +
             ".json\" must describe the target \"" + expectedName + "\"")
                .str();
    return false;
  }
  description.path = path.str();
  result = std::move(description);
  return true;
}

/// The validator named by `options` (the compiled-in one by default);
/// `storage` owns a validator read from a file.
const SchemaValidator *getValidator(const TargetRegistryOptions &options,
                                    std::unique_ptr<SchemaValidator> &storage,
                                    std::string &error) {
  if (options.schemaPath.empty())
    return getBundledTargetValidator(error);
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
      MemoryBuffer::getFile(options.schemaPath, /*IsText=*/true);
  if (!buffer) {
    error =
        options.schemaPath + ": cannot read: " + buffer.getError().message();
    return nullptr;
  }
  storage = SchemaValidator::create((*buffer)->getBuffer(), options.schemaPath,
                                    error);
  return storage.get();
}

/// "<stem>" of every target file in `dir`, sorted.
std::vector<std::string> targetFileStems(StringRef dir, std::error_code &ec) {
  std::vector<std::string> stems;
  for (sys::fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    StringRef file = sys::path::filename(it->path());
    if (!file.ends_with(".json") || file == "schema.json")
      continue;
    stems.push_back(sys::path::stem(file).str());
  }
  llvm::sort(stems);
  return stems;
}

/// The valid targets in `dir`, skipping files whose stem is in `claimed`
/// (found in an earlier directory) and adding the others to it.
std::vector<TargetSummary> listWith(StringRef dir,
                                    const SchemaValidator &validator,
                                    std::vector<std::string> *errors,
                                    std::set<std::string> &claimed) {
  std::vector<TargetSummary> result;
  std::error_code ec;
  std::vector<std::string> stems = targetFileStems(dir, ec);
  if (ec) {
    if (errors)
      errors->push_back(
          (dir + ": cannot read directory: " + ec.message()).str());
    return result;
  }
  for (const std::string &stem : stems) {
    if (!claimed.insert(stem).second)
      continue;
    SmallString<256> path(dir);
    sys::path::append(path, stem + ".json");
    TargetDescription target;
    std::string error;
    if (!loadFile(path, stem, validator, target, error)) {
      if (errors) {
        SmallVector<StringRef, 4> lines;
        StringRef(error).split(lines, '\n');
        for (StringRef line : lines)
          errors->push_back(line.str());
      }
      continue;
    }
    result.push_back(
        {target.name, target.family, target.description, target.path});
  }
  return result;
}

} // namespace

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

const SchemaValidator *getBundledTargetValidator(std::string &error) {
  struct Bundled {
    std::unique_ptr<SchemaValidator> validator;
    std::string error;
    Bundled() {
      validator = SchemaValidator::create(getBundledTargetSchema(),
                                          "schema.json", error);
    }
  };
  static const Bundled bundled;
  if (!bundled.validator)
    error = bundled.error;
  return bundled.validator.get();
}

bool parseTarget(StringRef text, StringRef fileName,
                 const SchemaValidator &validator, TargetDescription &result,
                 std::string &error) {
  std::string syntaxError;
  std::optional<json> document = parseJSONText(text, syntaxError);
  if (!document) {
    error = (fileName + ": " + syntaxError).str();
    return false;
  }
  std::vector<ValidationError> errors = validator.validate(*document);
  if (!errors.empty()) {
    error = joinErrors(errors, fileName);
    return false;
  }
  if (!document->is_object()) {
    // Only a schema that admits non-objects gets here.
    error =
        (fileName + ": /: expected object, got " + describeJSONValue(*document))
            .str();
    return false;
  }
  TargetDescription description;
  readDescription(*document, description);
  errors = checkConsistency(description);
  if (!errors.empty()) {
    error = joinErrors(errors, fileName);
    return false;
  }
  description.path = fileName.str();
  description.canonicalJSON = document->dump();
  result = std::move(description);
  return true;
}

bool overrideTarget(TargetDescription &target, StringRef pointer,
                    StringRef value, StringRef what, std::string &error) {
  std::string syntaxError;
  std::optional<json> document =
      parseJSONText(target.canonicalJSON, syntaxError);
  std::optional<json> parsed = parseJSONText(value, syntaxError);
  if (!document || !parsed) {
    error = (target.path + " with " + what + ": " + syntaxError).str();
    return false;
  }
  (*document)[json::json_pointer(pointer.str())] = std::move(*parsed);
  const SchemaValidator *validator = getBundledTargetValidator(error);
  if (!validator)
    return false;
  TargetDescription changed;
  if (!parseTarget(document->dump(), (target.path + " with " + what).str(),
                   *validator, changed, error))
    return false;
  changed.path = target.path;
  target = std::move(changed);
  return true;
}

bool loadTarget(StringRef nameOrPath, const TargetRegistryOptions &options,
                TargetDescription &result, std::string &error) {
  std::unique_ptr<SchemaValidator> storage;
  const SchemaValidator *validator = getValidator(options, storage, error);
  if (!validator)
    return false;
  if (nameOrPath.ends_with(".json"))
    return loadFile(nameOrPath, "", *validator, result, error);

  bool looksLikePath = nameOrPath.contains('/') || nameOrPath.contains('\\');
  if (!looksLikePath) {
    for (const std::string &dir : options.searchDirs) {
      SmallString<256> path(dir);
      sys::path::append(path, nameOrPath + ".json");
      if (sys::fs::exists(path))
        return loadFile(path, nameOrPath, *validator, result, error);
    }
  }

  std::string message = ("unknown target '" + nameOrPath + "'").str();
  if (looksLikePath)
    message += " (a target file's path must end in .json)";
  std::set<std::string> names;
  for (const std::string &dir : options.searchDirs) {
    std::error_code ec;
    for (std::string &stem : targetFileStems(dir, ec))
      names.insert(std::move(stem));
  }
  if (options.searchDirs.empty()) {
    message += "; no target directory is configured";
  } else if (names.empty()) {
    message += "; no targets in " + join(options.searchDirs, ", ");
  } else {
    unsigned best = ~0u;
    std::string bestName;
    for (const std::string &name : names) {
      unsigned distance = nameOrPath.edit_distance(name, true, 4);
      if (distance < best) {
        best = distance;
        bestName = name;
      }
    }
    if (best <= 3)
      message += " (did you mean '" + bestName + "'?)";
    message += "; available: " +
               join(std::vector<std::string>(names.begin(), names.end()), ", ");
  }
  error = message;
  return false;
}

std::vector<TargetSummary> listTargets(StringRef dir,
                                       std::vector<std::string> *errors) {
  std::string error;
  const SchemaValidator *validator = getBundledTargetValidator(error);
  if (!validator) {
    if (errors)
      errors->push_back(error);
    return {};
  }
  std::set<std::string> claimed;
  return listWith(dir, *validator, errors, claimed);
}

std::vector<TargetSummary> listTargets(const TargetRegistryOptions &options,
                                       std::vector<std::string> *errors) {
  std::unique_ptr<SchemaValidator> storage;
  std::string error;
  const SchemaValidator *validator = getValidator(options, storage, error);
  if (!validator) {
    if (errors)
      errors->push_back(error);
    return {};
  }
  std::vector<TargetSummary> result;
  std::set<std::string> claimed;
  for (const std::string &dir : options.searchDirs)
    for (TargetSummary &summary : listWith(dir, *validator, errors, claimed))
      result.push_back(std::move(summary));
  llvm::sort(result, [](const TargetSummary &a, const TargetSummary &b) {
    return a.name < b.name;
  });
  return result;
}

} // namespace snc::targets
