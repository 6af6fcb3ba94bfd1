//===- TargetsTest.cpp - Tests of target descriptions and their schema ----===//
//
// Every bundled target validates and reads back its numbers; every class of
// error (JSON syntax, unknown property, missing property, wrong type, out of
// range, not in an enum, a broken schema) gives its exact one-line message.
//
// SNC_TARGETS_DIR is the source tree's targets/ folder; SNC_TEST_TARGETS_DIR
// is test/lit/targets, which holds the bad-*.json inputs.
//
//===----------------------------------------------------------------------===//

#include "targets/JSONText.h"
#include "targets/SchemaValidator.h"
#include "targets/TargetDescription.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#ifndef SNC_TARGETS_DIR
#error "SNC_TARGETS_DIR must name the source tree's targets/ folder"
#endif
#ifndef SNC_TEST_TARGETS_DIR
#error "SNC_TEST_TARGETS_DIR must name test/lit/targets"
#endif

using namespace snc::targets;

namespace {

std::string bundledDir() { return SNC_TARGETS_DIR; }

std::string testFile(llvm::StringRef name) {
  llvm::SmallString<256> path(SNC_TEST_TARGETS_DIR);
  llvm::sys::path::append(path, name);
  return std::string(path);
}

std::string readFile(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return "";
  return (*buffer)->getBuffer().str();
}

TargetRegistryOptions bundledOptions() {
  TargetRegistryOptions options;
  options.searchDirs = {bundledDir()};
  return options;
}

/// Loads a file from test/lit/targets and returns its error ("" if none).
std::string loadError(llvm::StringRef name) {
  TargetDescription target;
  std::string error;
  EXPECT_FALSE(
      loadTarget(testFile(name), TargetRegistryOptions(), target, error));
  return error;
}

const SchemaValidator &bundledValidator() {
  std::string error;
  const SchemaValidator *validator = getBundledTargetValidator(error);
  EXPECT_NE(validator, nullptr) << error;
  return *validator;
}

/// Parses `text` as "t.json" against the bundled schema; returns the error.
std::string parseError(llvm::StringRef text) {
  TargetDescription target;
  std::string error;
  EXPECT_FALSE(parseTarget(text, "t.json", bundledValidator(), target, error));
  return error;
}

/// The text of test/lit/targets/good-custom.json with `from` replaced by
/// `to` (which must occur exactly once).
std::string goodWith(llvm::StringRef from, llvm::StringRef to) {
  std::string text = readFile(testFile("good-custom.json"));
  size_t at = text.find(from.str());
  EXPECT_NE(at, std::string::npos) << from.str();
  EXPECT_EQ(text.find(from.str(), at + 1), std::string::npos) << from.str();
  if (at != std::string::npos)
    text.replace(at, from.size(), to.str());
  return text;
}

std::string schemaError(llvm::StringRef schema) {
  std::string error;
  EXPECT_EQ(SchemaValidator::create(schema, "s.json", error), nullptr);
  return error;
}

//===----------------------------------------------------------------------===//
// The bundled schema and targets
//===----------------------------------------------------------------------===//

TEST(TargetSchema, CompiledInCopyMatchesTheSourceFile) {
  std::string onDisk = readFile(bundledDir() + "/schema.json");
  ASSERT_FALSE(onDisk.empty());
  EXPECT_EQ(std::string(getBundledTargetSchema()), onDisk)
      << "rebuild: the embedded schema is stale";
}

TEST(TargetSchema, BundledSchemaLoads) {
  std::string error;
  EXPECT_NE(getBundledTargetValidator(error), nullptr);
  EXPECT_EQ(error, "");
}

TEST(BundledTargets, EveryFileValidates) {
  std::vector<std::string> errors;
  std::vector<TargetSummary> targets = listTargets(bundledDir(), &errors);
  for (const std::string &error : errors)
    ADD_FAILURE() << error;
  std::vector<std::string> names;
  for (const TargetSummary &target : targets)
    names.push_back(target.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "fpga-artix7-100t", "fpga-ice40-up5k", "sfq-rsfq",
                       "sfq-rsfq-unbounded", "spinnaker2", "spinnaker2-48"}));

  // Every *.json but the schema is a target, listed above.
  std::error_code ec;
  size_t files = 0;
  for (llvm::sys::fs::directory_iterator it(bundledDir(), ec), end;
       !ec && it != end; it.increment(ec)) {
    llvm::StringRef file = llvm::sys::path::filename(it->path());
    if (file.ends_with(".json") && file != "schema.json")
      ++files;
  }
  EXPECT_EQ(files, targets.size());
}

TEST(BundledTargets, ListingGivesFamilyAndDescription) {
  std::vector<TargetSummary> targets = listTargets(bundledDir());
  ASSERT_EQ(targets.size(), 6u);
  EXPECT_EQ(targets[0].family, TargetFamily::FPGA);
  EXPECT_EQ(targets[2].family, TargetFamily::SFQ);
  EXPECT_EQ(targets[3].family, TargetFamily::SFQ);
  EXPECT_EQ(targets[4].family, TargetFamily::Manycore);
  EXPECT_EQ(targets[4].path, bundledDir() + "/spinnaker2.json");
  EXPECT_EQ(targets[4].description.substr(0, 11), "SpiNNaker2,");
  for (const TargetSummary &target : targets)
    EXPECT_FALSE(target.description.empty()) << target.name;
}

TEST(BundledTargets, SpiNNaker2) {
  TargetDescription t;
  std::string error;
  ASSERT_TRUE(loadTarget("spinnaker2", bundledOptions(), t, error)) << error;
  EXPECT_EQ(t.name, "spinnaker2");
  EXPECT_EQ(t.family, TargetFamily::Manycore);
  EXPECT_EQ(t.path, bundledDir() + "/spinnaker2.json");
  EXPECT_EQ(t.weightBits(), 5u);
  EXPECT_FALSE(t.ternary());
  EXPECT_TRUE(t.weightSigned());
  EXPECT_EQ(t.currentBits(), 32u);
  EXPECT_EQ(t.voltageBits(), 32u);
  EXPECT_EQ(t.stateBits(), 32u);
  EXPECT_EQ(t.thresholdBits(), 32u);
  EXPECT_EQ(t.decayKind(), DecayKind::Multiplier);
  EXPECT_EQ(t.decayFractionBits(), 16u);
  EXPECT_EQ(t.rounding(), RoundingMode::NearestEven);
  EXPECT_EQ(t.roundingSeed(), std::nullopt);
  EXPECT_TRUE(t.saturate());
  EXPECT_EQ(t.minDelay(), 0);
  EXPECT_EQ(t.maxDelay(), 7);
  EXPECT_EQ(t.delay.extendedMax, std::nullopt);
  EXPECT_EQ(t.neuronsPerCore(), 250);
  EXPECT_EQ(t.synapticBytesPerCore(), 98304);
  EXPECT_EQ(t.coresPerChip(), 152);
  EXPECT_EQ(t.chips(), 1);
  EXPECT_EQ(t.cores(), 152);
  EXPECT_EQ(t.routerEntries(), 16384);
  EXPECT_EQ(t.getCapacity("sram_bytes_per_core"), 131072);
  EXPECT_EQ(t.getCapacity("key_bits"), 32);
  EXPECT_EQ(t.getCapacity("mask_bits"), 32);
  EXPECT_EQ(t.getCapacity("links_per_chip"), 6);
  EXPECT_EQ(t.getCapacity("dram_bytes_per_chip"), 2147483648LL);
  EXPECT_EQ(t.getCapacity("clock_hz"), 300000000);
  EXPECT_EQ(t.getCapacity("pes_per_qpe"), 4);
  EXPECT_EQ(t.getCapacity("synapse_bytes"), 8);
  EXPECT_EQ(t.getCapacity("luts"), std::nullopt);
  EXPECT_EQ(t.getSource("/capacity/router_entries").str(),
            "SpiNNaker2 router (hardware-facts.md): 16,384 entries");
  EXPECT_EQ(t.getSource("/numeric/weight_bits").str(),
            "py-spinnaker2: lif weights are integers -15..15");
  EXPECT_EQ(t.getSource("/delay/max").str(),
            "py-spinnaker2: lif delays are 0..7 ticks (default tick 1 ms)");
  EXPECT_EQ(t.getSource("/capacity/synaptic_bytes_per_core").str(), "");
  EXPECT_EQ(t.notes.size(), 4u);
}

// A 48-chip board: spinnaker2.json's chip, 8 x 6 of them.
TEST(BundledTargets, SpiNNaker2Board) {
  TargetDescription chip, board;
  std::string error;
  ASSERT_TRUE(loadTarget("spinnaker2", bundledOptions(), chip, error)) << error;
  ASSERT_TRUE(loadTarget("spinnaker2-48", bundledOptions(), board, error))
      << error;
  EXPECT_EQ(board.family, TargetFamily::Manycore);
  EXPECT_EQ(board.getCapacity("chips_x"), 8);
  EXPECT_EQ(board.getCapacity("chips_y"), 6);
  EXPECT_EQ(board.chips(), 48);
  EXPECT_EQ(board.cores(), 48 * 152);
  EXPECT_NE(board.getSource("/capacity/chips_x").find("48-chip boards"),
            llvm::StringRef::npos);
  // Every other number, and its source, is the chip's.
  std::map<std::string, int64_t> capacity = board.capacity;
  capacity["chips_x"] = capacity["chips_y"] = 1;
  EXPECT_EQ(capacity, chip.capacity);
  std::map<std::string, std::string> sources = board.sources;
  sources.erase("/capacity/chips_x");
  sources.erase("/capacity/chips_y");
  EXPECT_EQ(sources, chip.sources);
  EXPECT_EQ(board.weightBits(), chip.weightBits());
  EXPECT_EQ(board.weightSigned(), chip.weightSigned());
  EXPECT_EQ(board.currentBits(), chip.currentBits());
  EXPECT_EQ(board.voltageBits(), chip.voltageBits());
  EXPECT_EQ(board.thresholdBits(), chip.thresholdBits());
  EXPECT_EQ(board.decayKind(), chip.decayKind());
  EXPECT_EQ(board.decayFractionBits(), chip.decayFractionBits());
  EXPECT_EQ(board.rounding(), chip.rounding());
  EXPECT_EQ(board.saturate(), chip.saturate());
  EXPECT_EQ(board.minDelay(), chip.minDelay());
  EXPECT_EQ(board.maxDelay(), chip.maxDelay());
}

TEST(BundledTargets, ICE40UP5K) {
  TargetDescription t;
  std::string error;
  ASSERT_TRUE(loadTarget("fpga-ice40-up5k", bundledOptions(), t, error))
      << error;
  EXPECT_EQ(t.family, TargetFamily::FPGA);
  EXPECT_EQ(t.weightBits(), 4u);
  EXPECT_EQ(t.stateBits(), 12u);
  EXPECT_EQ(t.thresholdBits(), 12u);
  EXPECT_EQ(t.decayKind(), DecayKind::Shift);
  EXPECT_EQ(t.decayFractionBits(), 0u);
  EXPECT_EQ(t.rounding(), RoundingMode::Floor);
  EXPECT_EQ(t.maxDelay(), 0);
  EXPECT_EQ(t.getCapacity("lut_inputs"), 4);
  EXPECT_EQ(t.getCapacity("luts"), 5280);
  EXPECT_EQ(t.getCapacity("flip_flops"), 5280);
  EXPECT_EQ(t.getCapacity("bram_blocks"), 30);
  EXPECT_EQ(t.getCapacity("bram_bits_per_block"), 4096);
  EXPECT_EQ(t.getCapacity("spram_blocks"), 4);
  EXPECT_EQ(t.getCapacity("spram_bits_per_block"), 262144);
  EXPECT_EQ(t.getCapacity("dsp_blocks"), 8);
  EXPECT_EQ(t.neuronsPerCore(), 256);
  EXPECT_EQ(t.synapticBytesPerCore(), 32768);
  EXPECT_EQ(t.cores(), 1);
  EXPECT_EQ(t.coresPerChip(), std::nullopt);
  EXPECT_EQ(t.routerEntries(), std::nullopt);
}

TEST(BundledTargets, Artix7100T) {
  TargetDescription t;
  std::string error;
  ASSERT_TRUE(loadTarget("fpga-artix7-100t", bundledOptions(), t, error))
      << error;
  EXPECT_EQ(t.weightBits(), 8u);
  EXPECT_EQ(t.currentBits(), 24u);
  EXPECT_EQ(t.voltageBits(), 24u);
  EXPECT_EQ(t.thresholdBits(), 17u);
  EXPECT_EQ(t.decayKind(), DecayKind::Multiplier);
  EXPECT_EQ(t.decayFractionBits(), 12u);
  EXPECT_EQ(t.rounding(), RoundingMode::TowardZero);
  EXPECT_TRUE(t.saturate());
  EXPECT_EQ(t.maxDelay(), 7);
  EXPECT_EQ(t.getCapacity("lut_inputs"), 6);
  EXPECT_EQ(t.getCapacity("luts"), 63400);
  EXPECT_EQ(t.getCapacity("flip_flops"), 126800);
  EXPECT_EQ(t.getCapacity("bram_blocks"), 135);
  EXPECT_EQ(t.getCapacity("bram_bits_per_block"), 36864);
  EXPECT_EQ(t.getCapacity("dsp_blocks"), 240);
  EXPECT_EQ(t.neuronsPerCore(), 256);
  EXPECT_EQ(t.synapticBytesPerCore(), 65536);
  EXPECT_EQ(t.cores(), std::nullopt); // left to the mapper
}

TEST(BundledTargets, SFQ) {
  TargetDescription t;
  std::string error;
  ASSERT_TRUE(loadTarget("sfq-rsfq", bundledOptions(), t, error)) << error;
  EXPECT_EQ(t.family, TargetFamily::SFQ);
  EXPECT_TRUE(t.ternary());
  EXPECT_EQ(t.weightBits(), 2u);
  EXPECT_EQ(t.currentBits(), 0u);
  EXPECT_EQ(t.stateBits(), 8u);
  EXPECT_EQ(t.decayKind(), DecayKind::None);
  EXPECT_EQ(t.capacityText.at("cell_library"), "RSFQlib (MIT-LL SFQ5ee)");
  EXPECT_EQ(t.getCapacity("jj_budget"), 5822);
  EXPECT_EQ(t.getCapacity("clock_hz"), 3020000000LL);
  EXPECT_EQ(t.getCapacity("jj_per_merger"), 7);
  EXPECT_EQ(t.getCapacity("merger_min_separation_fs"), 2300);
  EXPECT_EQ(t.getCapacity("fanout"), 1);
  // The per-cell timing of the typed section (PyLSE's numbers in fs).
  ASSERT_TRUE(t.sfq.has_value());
  EXPECT_EQ(t.sfq->splitterTiming.delayFs, 4300);
  EXPECT_EQ(t.sfq->splitterTiming.setupFs, std::nullopt);
  EXPECT_EQ(t.sfq->dffTiming.setupFs, 2300);
  EXPECT_EQ(t.sfq->dffTiming.holdFs, 0);
  EXPECT_EQ(t.sfq->xorTiming.holdFs, 4100);
  EXPECT_EQ(t.sfq->neuronMinSeparationFs, 8200);
  EXPECT_EQ(t.sfq->jjPerNeuronInput, 2);
  EXPECT_EQ(t.getSource("/capacity/dff_setup_fs").find("PyLSE"), 0u);
  // A hold of 0 is valid, a negative time is not.
  EXPECT_FALSE(
      overrideTarget(t, "/capacity/dff_setup_fs", "-1", "test", error));
  EXPECT_NE(error.find("/capacity/dff_setup_fs: -1 is less than the minimum 0"),
            std::string::npos)
      << error;
  EXPECT_EQ(t.neuronsPerCore(), std::nullopt);
  EXPECT_EQ(t.cores(), std::nullopt);
  EXPECT_EQ(t.sfq->jjBudget, 5822);
  EXPECT_EQ(t.sfq->jjPerDie, std::nullopt);
}

// The second SFQ target: sfq-rsfq's cells without a die budget.
TEST(BundledTargets, SFQUnbounded) {
  TargetDescription t, die;
  std::string error;
  ASSERT_TRUE(loadTarget("sfq-rsfq-unbounded", bundledOptions(), t, error))
      << error;
  ASSERT_TRUE(loadTarget("sfq-rsfq", bundledOptions(), die, error)) << error;
  ASSERT_TRUE(t.sfq.has_value());
  EXPECT_EQ(t.sfq->jjBudget, std::nullopt);
  EXPECT_EQ(t.sfq->pins, std::nullopt);
  EXPECT_EQ(t.sfq->jjPerDie, die.sfq->jjBudget);
  EXPECT_EQ(t.backend, "sfq");
  // Every cell number is sfq-rsfq's.
  for (const auto &[field, value] : die.capacity)
    if (field != "jj_budget" && field != "pins")
      EXPECT_EQ(t.getCapacity(field), value) << field;
}

TEST(BundledTargets, NamesOfEnums) {
  EXPECT_EQ(getFamilyName(TargetFamily::FPGA).str(), "fpga");
  EXPECT_EQ(getDecayKindName(DecayKind::Multiplier).str(), "multiplier");
  EXPECT_EQ(getRoundingModeName(RoundingMode::TowardZero).str(), "toward_zero");
  EXPECT_EQ(getRoundingModeName(RoundingMode::Stochastic).str(), "stochastic");
}

//===----------------------------------------------------------------------===//
// A custom target, by path
//===----------------------------------------------------------------------===//

TEST(CustomTarget, LoadsByPathWithAllOptionalFields) {
  TargetDescription t;
  std::string error;
  ASSERT_TRUE(loadTarget(testFile("good-custom.json"), TargetRegistryOptions(),
                         t, error))
      << error;
  EXPECT_EQ(t.name, "good-custom");
  EXPECT_EQ(t.weightBits(), 6u);
  EXPECT_FALSE(t.weightSigned());
  EXPECT_EQ(t.currentBits(), 16u);
  EXPECT_EQ(t.voltageBits(), 20u);
  EXPECT_EQ(t.stateBits(), 20u);
  EXPECT_EQ(t.thresholdBits(), 18u);
  EXPECT_EQ(t.decayFractionBits(), 10u);
  EXPECT_EQ(t.rounding(), RoundingMode::Stochastic);
  EXPECT_EQ(t.roundingSeed(), 42u);
  EXPECT_FALSE(t.saturate());
  EXPECT_EQ(t.minDelay(), 1);
  EXPECT_EQ(t.maxDelay(), 16);
  EXPECT_EQ(t.delay.extendedMax, 144);
  EXPECT_EQ(t.coresPerChip(), 18);
  EXPECT_EQ(t.chips(), 6);
  EXPECT_EQ(t.cores(), 108);
  EXPECT_EQ(t.routerEntries(), 1023);
  EXPECT_EQ(t.getSource("/delay/max").str(), "test: sixteen native slots");
}

//===----------------------------------------------------------------------===//
// One test per class of error, on the files in test/lit/targets
//===----------------------------------------------------------------------===//

TEST(TargetErrors, SyntaxErrorHasLineAndColumn) {
  EXPECT_EQ(loadError("bad-syntax.json"),
            testFile("bad-syntax.json") +
                ": 4:3: invalid JSON: expected ',' or '}' after an object "
                "member");
}

TEST(TargetErrors, UnknownProperty) {
  EXPECT_EQ(loadError("bad-unknown-property.json"),
            testFile("bad-unknown-property.json") +
                ": /numeric: unknown property 'weight_signd' (did you mean "
                "'weight_signed'?)");
}

TEST(TargetErrors, MissingRequiredProperty) {
  EXPECT_EQ(loadError("bad-missing-required.json"),
            testFile("bad-missing-required.json") +
                ": /capacity: missing required property 'neurons_per_core'");
}

TEST(TargetErrors, WrongType) {
  EXPECT_EQ(loadError("bad-wrong-type.json"),
            testFile("bad-wrong-type.json") +
                ": /numeric/saturate: expected boolean, got \"yes\"");
}

TEST(TargetErrors, OutOfRange) {
  EXPECT_EQ(loadError("bad-out-of-range.json"),
            testFile("bad-out-of-range.json") +
                ": /numeric/weight_bits: 17 is greater than the maximum 16");
}

TEST(TargetErrors, NotInEnum) {
  EXPECT_EQ(loadError("bad-enum.json"),
            testFile("bad-enum.json") +
                ": /family: \"gpu\" is not one of \"manycore\", \"fpga\", "
                "\"sfq\"");
}

TEST(TargetErrors, DelayRangeOutOfOrder) {
  EXPECT_EQ(loadError("bad-delay-range.json"),
            testFile("bad-delay-range.json") +
                ": /delay: min 5 is greater than max 3");
}

TEST(TargetErrors, BadRefInTheSchemaItself) {
  std::string path = testFile("bad-schema-ref.json");
  std::string error;
  EXPECT_EQ(SchemaValidator::create(readFile(path), path, error), nullptr);
  EXPECT_EQ(error, path + ": /properties/numeric/$ref: unresolved reference "
                          "\"#/$defs/numerc\"");

  // The same, through the registry's schema override.
  TargetRegistryOptions options = bundledOptions();
  options.schemaPath = path;
  TargetDescription t;
  std::string loadError;
  EXPECT_FALSE(loadTarget("spinnaker2", options, t, loadError));
  EXPECT_EQ(loadError, error);
}

TEST(TargetErrors, NameMustMatchTheFileWhenLookedUpByName) {
  TargetRegistryOptions options;
  options.searchDirs = {SNC_TEST_TARGETS_DIR};
  TargetDescription t;
  std::string error;
  EXPECT_FALSE(loadTarget("bad-name-mismatch", options, t, error));
  EXPECT_EQ(error, testFile("bad-name-mismatch.json") +
                       ": /name: \"good-custom\" differs from the file name; "
                       "a file \"bad-name-mismatch.json\" must describe the "
                       "target \"bad-name-mismatch\"");
  // By path, the name is free.
  EXPECT_TRUE(loadTarget(testFile("bad-name-mismatch.json"), options, t, error))
      << error;
}

TEST(TargetErrors, ListingReportsEveryBadFile) {
  std::vector<std::string> errors;
  std::vector<TargetSummary> targets =
      listTargets(SNC_TEST_TARGETS_DIR, &errors);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0].name, "good-custom");
  // bad-schema-ref.json is a schema, not a target: it fails like the rest.
  std::vector<std::string> files;
  for (const std::string &error : errors) {
    llvm::StringRef line(error);
    files.push_back(
        llvm::sys::path::filename(line.take_front(line.find(": "))).str());
  }
  files.erase(std::unique(files.begin(), files.end()), files.end());
  EXPECT_EQ(files, (std::vector<std::string>{
                       "bad-delay-range.json", "bad-enum.json",
                       "bad-missing-required.json", "bad-name-mismatch.json",
                       "bad-out-of-range.json", "bad-schema-ref.json",
                       "bad-syntax.json", "bad-unknown-property.json",
                       "bad-wrong-type.json"}));
}

//===----------------------------------------------------------------------===//
// Lookup
//===----------------------------------------------------------------------===//

TEST(TargetLookup, UnknownNameSuggestsAndLists) {
  TargetDescription t;
  std::string error;
  EXPECT_FALSE(loadTarget("spinaker2", bundledOptions(), t, error));
  EXPECT_EQ(error, "unknown target 'spinaker2' (did you mean 'spinnaker2'?); "
                   "available: fpga-artix7-100t, fpga-ice40-up5k, sfq-rsfq, "
                   "sfq-rsfq-unbounded, spinnaker2, spinnaker2-48");
}

TEST(TargetLookup, PathsMustEndInJSON) {
  TargetDescription t;
  std::string error;
  EXPECT_FALSE(loadTarget("dir/spinnaker2", bundledOptions(), t, error));
  EXPECT_EQ(error, "unknown target 'dir/spinnaker2' (a target file's path "
                   "must end in .json); available: fpga-artix7-100t, "
                   "fpga-ice40-up5k, sfq-rsfq, sfq-rsfq-unbounded, spinnaker2, "
                   "spinnaker2-48");
}

TEST(TargetLookup, NoDirectories) {
  TargetDescription t;
  std::string error;
  EXPECT_FALSE(loadTarget("spinnaker2", TargetRegistryOptions(), t, error));
  EXPECT_EQ(error,
            "unknown target 'spinnaker2'; no target directory is configured");
}

TEST(TargetLookup, MissingFile) {
  TargetDescription t;
  std::string error;
  EXPECT_FALSE(
      loadTarget(testFile("nope.json"), TargetRegistryOptions(), t, error));
  EXPECT_EQ(error,
            testFile("nope.json") + ": cannot read: No such file or directory");
}

TEST(TargetLookup, FirstDirectoryWins) {
  TargetRegistryOptions options;
  options.searchDirs = {SNC_TEST_TARGETS_DIR, bundledDir()};
  std::vector<std::string> errors;
  std::vector<TargetSummary> targets = listTargets(options, &errors);
  std::vector<std::string> names;
  for (const TargetSummary &target : targets)
    names.push_back(target.name);
  EXPECT_EQ(names, (std::vector<std::string>{"fpga-artix7-100t",
                                             "fpga-ice40-up5k", "good-custom",
                                             "sfq-rsfq", "sfq-rsfq-unbounded",
                                             "spinnaker2", "spinnaker2-48"}));
  EXPECT_EQ(errors.size(), 18u); // the bad files of test/lit/targets
  TargetDescription t;
  std::string error;
  EXPECT_TRUE(loadTarget("good-custom", options, t, error)) << error;
  EXPECT_TRUE(loadTarget("sfq-rsfq", options, t, error)) << error;
}

//===----------------------------------------------------------------------===//
// Messages of the validator, on variations of good-custom.json
//===----------------------------------------------------------------------===//

TEST(TargetMessages, TernaryOrBitsSummarisesTheAlternatives) {
  EXPECT_EQ(
      parseError(goodWith("\"weight_bits\": 6", "\"weight_bits\": \"8\"")),
      "t.json: /numeric/weight_bits: expected integer or \"ternary\", "
      "got \"8\"");
  EXPECT_EQ(parseError(goodWith("\"weight_bits\": 6", "\"weight_bits\": 2.5")),
            "t.json: /numeric/weight_bits: expected integer or \"ternary\", "
            "got 2.5");
  EXPECT_EQ(parseError(goodWith("\"weight_bits\": 6", "\"weight_bits\": 0")),
            "t.json: /numeric/weight_bits: 0 is less than the minimum 1");
}

TEST(TargetMessages, TernaryWeightsAreSigned) {
  EXPECT_EQ(parseError(
                goodWith("\"weight_bits\": 6", "\"weight_bits\": \"ternary\"")),
            "t.json: /numeric/weight_signed: ternary weights {-1, 0, +1} are "
            "signed");
}

TEST(TargetMessages, DecayKindIsTheDiscriminator) {
  EXPECT_EQ(
      parseError(goodWith("\"kind\": \"multiplier\"", "\"kind\": \"linear\"")),
      "t.json: /numeric/decay/kind: \"linear\" is not one of "
      "\"multiplier\", \"shift\", \"none\"");
  EXPECT_EQ(
      parseError(goodWith("\"kind\": \"multiplier\"", "\"kind\": \"shift\"")),
      "t.json: /numeric/decay: unknown property 'fraction_bits'");
  EXPECT_EQ(parseError(goodWith("\"fraction_bits\": 10", "\"fractions\": 10")),
            "t.json: /numeric/decay: missing required property "
            "'fraction_bits'\n"
            "t.json: /numeric/decay: unknown property 'fractions'");
  EXPECT_EQ(
      parseError(goodWith("\"fraction_bits\": 10", "\"fraction_bits\": 33")),
      "t.json: /numeric/decay/fraction_bits: 33 is greater than the "
      "maximum 32");
}

TEST(TargetMessages, StochasticRoundingNeedsASeed) {
  EXPECT_EQ(parseError(goodWith(",\n      \"seed\": 42", "")),
            "t.json: /numeric/rounding: missing required property 'seed'");
  EXPECT_EQ(parseError(goodWith("\"stochastic\"", "\"floor\"")),
            "t.json: /numeric/rounding: unknown property 'seed'");
  EXPECT_EQ(parseError(goodWith("\"stochastic\"", "\"nearest_evn\"")),
            "t.json: /numeric/rounding/mode: \"nearest_evn\" is not one of "
            "\"nearest_even\", \"floor\", \"toward_zero\", \"stochastic\" "
            "(did you mean \"nearest_even\"?)");
}

TEST(TargetMessages, FamilyChoosesTheCapacityFields) {
  std::string error =
      parseError(goodWith("\"family\": \"manycore\"", "\"family\": \"sfq\""));
  EXPECT_EQ(error.substr(0, error.find('\n')),
            "t.json: /capacity: missing required property 'cell_library'");
}

TEST(TargetMessages, DuplicateKeysAreErrors) {
  EXPECT_EQ(parseError(goodWith("\"saturate\": false",
                                "\"saturate\": false, \"saturate\": true")),
            "t.json: /numeric: duplicate property 'saturate' at 23:24");
}

TEST(TargetMessages, SyntaxErrorsAreReworded) {
  EXPECT_EQ(parseError("{\n  \"name\": \"x\",\n}\n"),
            "t.json: 3:1: invalid JSON: expected an object key (a string in "
            "double quotes; no trailing commas)");
  EXPECT_EQ(parseError("{\"name\": tru}"),
            "t.json: 1:13: invalid JSON: invalid value (did you mean true?)");
  EXPECT_EQ(parseError(""),
            "t.json: 1:1: invalid JSON: unexpected end of file");
}

/// parseJSONText's error for `text` ("" if it parses).
std::string jsonError(llvm::StringRef text) {
  std::string error;
  if (parseJSONText(text, error))
    return "";
  return error;
}

// nlohmann/json reads the text; its errors are reported at the positions and
// in the words of the earlier parser (LLVM's): an unexpected token at its
// first character, a bad value where it goes wrong.
TEST(TargetMessages, SyntaxErrorsOfEveryKind) {
  EXPECT_EQ(jsonError("{\"a\" 1}"),
            "1:6: invalid JSON: expected ':' after an object key");
  EXPECT_EQ(jsonError("[1 2]"),
            "1:4: invalid JSON: expected ',' or ']' after an array element");
  EXPECT_EQ(jsonError("{\"a\": 1 tru}"),
            "1:9: invalid JSON: expected ',' or '}' after an object member");
  EXPECT_EQ(jsonError("{\"a\":"), "1:5: invalid JSON: unexpected end of file");
  EXPECT_EQ(jsonError("[1,]"), "1:4: invalid JSON: invalid JSON value");
  EXPECT_EQ(jsonError("{\"a\": nul"),
            "1:9: invalid JSON: invalid value (did you mean null?)");
  EXPECT_EQ(jsonError("{\"a\": --1}"),
            "1:9: invalid JSON: invalid JSON value (number?)");
  EXPECT_EQ(jsonError("[1-]"),
            "1:3: invalid JSON: invalid JSON value (number?)");
  EXPECT_EQ(jsonError("{\"a\": \"abc\n"),
            "2:1: invalid JSON: unterminated string");
  EXPECT_EQ(jsonError("{\"a\": \"a\tb\"}"),
            "1:9: invalid JSON: control character in string");
  EXPECT_EQ(jsonError("{\"a\": \"a\\qb\"}"),
            "1:10: invalid JSON: invalid escape sequence");
  EXPECT_EQ(jsonError("{\"a\": \"\\u12x4\"}"),
            "1:13: invalid JSON: invalid \\u escape sequence");
  EXPECT_EQ(jsonError("{\"a\": \"\xff\"}"),
            "1:7: invalid JSON: invalid UTF-8 sequence");
  EXPECT_EQ(jsonError("{} x"),
            "1:3: invalid JSON: text after the end of the document");
  // nlohmann/json would stop at a NUL byte or skip a byte order mark.
  EXPECT_EQ(jsonError(llvm::StringRef("{}\0x", 4)),
            "1:2: invalid JSON: text after the end of the document");
  EXPECT_EQ(jsonError("\xEF\xBB\xBF{}"),
            "1:1: invalid JSON: invalid JSON value");
}

// Text that LLVM's parser accepted but nlohmann/json (rightly) does not.
TEST(TargetMessages, StricterThanBefore) {
  EXPECT_EQ(jsonError("{\"a\": 01}"),
            "1:8: invalid JSON: invalid JSON value (number?)");
  EXPECT_EQ(jsonError("{\"a\": .5}"),
            "1:8: invalid JSON: invalid JSON value (number?)");
  EXPECT_EQ(jsonError("{\"a\": 1e999}"),
            "1:11: invalid JSON: number out of range");
  EXPECT_EQ(jsonError("{\"a\": \"\\uD800\"}"),
            "1:14: invalid JSON: invalid \\u escape sequence (unpaired "
            "UTF-16 surrogate)");
}

TEST(TargetMessages, IntegralNumbersCountAsIntegers) {
  TargetDescription t;
  std::string error;
  ASSERT_TRUE(
      parseTarget(goodWith("\"weight_bits\": 6", "\"weight_bits\": 6.0"),
                  "t.json", bundledValidator(), t, error))
      << error;
  EXPECT_EQ(t.weightBits(), 6u);
  EXPECT_EQ(parseError(goodWith("\"seed\": 42", "\"seed\": 1e19")),
            "t.json: /numeric/rounding/seed: 1e+19 is greater than the "
            "maximum 4294967295");
  EXPECT_EQ(
      parseError(goodWith("\"seed\": 42", "\"seed\": 18446744073709551615")),
      "t.json: /numeric/rounding/seed: 18446744073709551615 is greater "
      "than the maximum 4294967295");
}

TEST(TargetMessages, RootMustBeAnObject) {
  EXPECT_EQ(parseError("[1, 2]"), "t.json: /: expected object, got array");
}

TEST(TargetMessages, SeveralErrorsAreSeveralLines) {
  std::string text =
      goodWith("\"cores_per_chip\": 18", "\"cores_per_chip\": 0");
  size_t at = text.find("\"key_bits\": 32");
  text.replace(at, 14, "\"key_bits\": 65");
  EXPECT_EQ(parseError(text),
            "t.json: /capacity/cores_per_chip: 0 is less than the minimum 1\n"
            "t.json: /capacity/key_bits: 65 is greater than the maximum 64");
}

TEST(TargetMessages, LongStringsAreShortened) {
  std::string error = parseError(
      goodWith("\"saturate\": false", "\"saturate\": \"a very long string that "
                                      "goes on and on and on and on\""));
  EXPECT_EQ(error, "t.json: /numeric/saturate: expected boolean, got \"a very "
                   "long string that goes on and on and on...\"");
}

//===----------------------------------------------------------------------===//
// The validator's own schema checks
//===----------------------------------------------------------------------===//

TEST(SchemaChecks, UnsupportedKeyword) {
  EXPECT_EQ(schemaError("{\"type\": \"object\", \"patternProperties\": {}}"),
            "s.json: /patternProperties: unsupported keyword "
            "'patternProperties'");
}

TEST(SchemaChecks, UnknownTypeName) {
  EXPECT_EQ(schemaError("{\"properties\": {\"a\": {\"type\": \"int\"}}}"),
            "s.json: /properties/a/type: unknown type \"int\"");
}

TEST(SchemaChecks, ExternalReference) {
  EXPECT_EQ(schemaError("{\"$ref\": \"other.json#/a\"}"),
            "s.json: /$ref: unsupported reference \"other.json#/a\" (only "
            "references inside this schema, \"#/...\", are supported)");
}

TEST(SchemaChecks, ReferenceToANonSchema) {
  EXPECT_EQ(schemaError("{\"$defs\": {\"a\": {\"type\": \"string\"}}, "
                        "\"$ref\": \"#/$defs/a/type\"}"),
            "s.json: /$ref: reference \"#/$defs/a/type\" does not lead to a "
            "schema (an object or a boolean)");
}

TEST(SchemaChecks, ReferenceCycle) {
  EXPECT_EQ(schemaError("{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, "
                        "\"b\": {\"anyOf\": [{\"$ref\": \"#/$defs/a\"}]}}, "
                        "\"$ref\": \"#/$defs/a\"}"),
            "s.json: /$defs/a: cycle of $ref/oneOf/anyOf that never descends "
            "into the document");
}

TEST(SchemaChecks, RecursionThroughPropertiesIsFine) {
  std::string error;
  auto validator = SchemaValidator::create(
      "{\"type\": \"object\", \"properties\": {\"child\": {\"$ref\": \"#\"}}, "
      "\"additionalProperties\": false}",
      "s.json", error);
  ASSERT_NE(validator, nullptr) << error;
  std::string parseError;
  auto document =
      parseJSONText("{\"child\": {\"child\": {\"x\": 1}}}", parseError);
  ASSERT_TRUE(document) << parseError;
  std::vector<ValidationError> errors = validator->validate(*document);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].format("d.json"),
            "d.json: /child/child: unknown property 'x'");
}

TEST(SchemaChecks, InvalidPattern) {
  std::string error = schemaError("{\"pattern\": \"[a-\"}");
  EXPECT_EQ(error.substr(0, 34), "s.json: /pattern: invalid pattern:");
}

TEST(SchemaChecks, SyntaxErrorInTheSchema) {
  EXPECT_EQ(schemaError("{\"type\": \"object\"\n\"x\": 1}"),
            "s.json: 2:1: invalid JSON: expected ',' or '}' after an object "
            "member");
}

TEST(SchemaChecks, PointerTokensAreEscaped) {
  std::string error;
  auto validator = SchemaValidator::create(
      "{\"properties\": {\"a/b~c\": {\"type\": \"integer\"}}}", "s.json",
      error);
  ASSERT_NE(validator, nullptr) << error;
  std::string parseError;
  auto document = parseJSONText("{\"a/b~c\": true}", parseError);
  ASSERT_TRUE(document);
  std::vector<ValidationError> errors = validator->validate(*document);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pointer, "/a~1b~0c");
  EXPECT_EQ(errors[0].message, "expected integer, got true");
}

} // namespace

// The typed capacity sections hold what the file says (and the documented
// defaults), only for the target's own family.
TEST(TypedTargets, SectionsFollowTheFamily) {
  TargetDescription s, f, q;
  std::string error;
  ASSERT_TRUE(loadTarget("spinnaker2", bundledOptions(), s, error)) << error;
  ASSERT_TRUE(loadTarget("fpga-ice40-up5k", bundledOptions(), f, error))
      << error;
  ASSERT_TRUE(loadTarget("sfq-rsfq", bundledOptions(), q, error)) << error;

  EXPECT_EQ(s.backend, "spinnaker2");
  ASSERT_TRUE(s.manycore.has_value());
  EXPECT_FALSE(s.fpga || s.sfq);
  EXPECT_EQ(s.manycore->coresPerChip, 152);
  EXPECT_EQ(s.manycore->neuronsPerCore, 250);
  EXPECT_EQ(s.manycore->sramBytesPerCore, 131072);
  EXPECT_EQ(s.manycore->rowHeaderBytes, 12);
  EXPECT_EQ(s.manycore->cyclesPerPacket, 30);
  EXPECT_EQ(s.manycore->clockHz, 300000000);

  EXPECT_EQ(f.backend, "fpga");
  ASSERT_TRUE(f.fpga.has_value());
  EXPECT_FALSE(f.manycore || f.sfq);
  EXPECT_EQ(f.fpga->lutInputs, 4);
  EXPECT_EQ(f.fpga->spramBlocks, 4);
  EXPECT_EQ(f.fpga->neuronsPerCore, 256);
  EXPECT_EQ(f.fpga->cores, f.getCapacity("cores"));

  ASSERT_TRUE(q.sfq.has_value());
  EXPECT_EQ(q.sfq->cellLibrary, "RSFQlib (MIT-LL SFQ5ee)");
  EXPECT_EQ(q.sfq->jjPerMerger, 7);
  EXPECT_EQ(q.sfq->fanout, 1);
}

// The canonical JSON parses back to the same description: what snn.target
// carries is enough to find the target again.
TEST(TypedTargets, CanonicalJSONRoundTrips) {
  TargetDescription t, again;
  std::string error;
  ASSERT_TRUE(loadTarget("spinnaker2", bundledOptions(), t, error)) << error;
  const SchemaValidator *validator = getBundledTargetValidator(error);
  ASSERT_NE(validator, nullptr) << error;
  ASSERT_TRUE(parseTarget(t.canonicalJSON, "attr", *validator, again, error))
      << error;
  EXPECT_EQ(again.canonicalJSON, t.canonicalJSON);
  EXPECT_EQ(again.capacity, t.capacity);
  EXPECT_EQ(again.sources, t.sources);
  EXPECT_EQ(again.manycore->routerEntries, t.manycore->routerEntries);
  EXPECT_EQ(t.canonicalJSON.find('\n'), std::string::npos);
}

// An override changes the description as the file would, and is checked
// as the file is.
TEST(TypedTargets, OverrideIsValidated) {
  TargetDescription t;
  std::string error;
  ASSERT_TRUE(loadTarget("spinnaker2", bundledOptions(), t, error)) << error;
  std::string before = t.canonicalJSON;
  ASSERT_TRUE(overrideTarget(t, "/capacity/chips_x", "8", "--chips 8x6", error))
      << error;
  EXPECT_EQ(t.manycore->chipsX, 8);
  EXPECT_EQ(t.getCapacity("chips_x"), 8);
  EXPECT_EQ(t.path, bundledDir() + "/spinnaker2.json");
  EXPECT_NE(t.canonicalJSON.find("\"chips_x\":8"), std::string::npos);

  EXPECT_FALSE(
      overrideTarget(t, "/capacity/chips_y", "0", "--chips 8x0", error));
  EXPECT_NE(error.find("with --chips 8x0: /capacity/chips_y: 0 is less than "
                       "the minimum 1"),
            std::string::npos)
      << error;
  EXPECT_EQ(t.manycore->chipsY, 1); // unchanged on failure
  EXPECT_NE(t.canonicalJSON, before);
}
