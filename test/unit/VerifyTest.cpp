//===- VerifyTest.cpp - the equivalences snc verify checks ----------------===//
//
// A backend declares bit-exact outputs or spike timing within a tolerance;
// the spike-timing comparison is checked here on hand-made arrays (no
// backend declares it yet), and the registry finds backends by the name a
// target gives and checks their external tools.
//
//===----------------------------------------------------------------------===//

#include "backends/Verify.h"

#include <gtest/gtest.h>

using namespace snc;

namespace {

/// A (steps, n) bool array spiking at `spikes` = {(step, element)}.
runtime::NpyArray spikes(int64_t steps, int64_t n,
                         std::vector<std::pair<int64_t, int64_t>> at) {
  runtime::NpyArray array =
      runtime::NpyArray::zeros(runtime::NpyDType::Bool, {steps, n});
  for (auto [t, k] : at)
    array.setDouble(size_t(t * n + k), 1);
  return array;
}

} // namespace

TEST(SpikeTiming, EqualRunsMatch) {
  int64_t compared = -1;
  auto a = spikes(10, 2, {{1, 0}, {4, 1}, {7, 0}});
  EXPECT_FALSE(backends::firstSpikeTimingMismatch({a}, {a}, 0, 0, compared));
  EXPECT_EQ(compared, 3);
}

TEST(SpikeTiming, ToleranceAndShift) {
  int64_t compared = 0;
  auto reference = spikes(10, 1, {{2, 0}, {5, 0}});
  // Shifted by 2, each spike at most 1 step off.
  auto simulated = spikes(10, 1, {{5, 0}, {6, 0}});
  EXPECT_FALSE(backends::firstSpikeTimingMismatch({reference}, {simulated}, 2,
                                                  1, compared));
  std::optional<backends::SpikeMismatch> strict =
      backends::firstSpikeTimingMismatch({reference}, {simulated}, 2, 0,
                                         compared);
  ASSERT_TRUE(strict);
  EXPECT_EQ(strict->step, 2); // the reference spike with no partner
  EXPECT_EQ(strict->element, 0);
}

TEST(SpikeTiming, ExtraAndMissingSpikes) {
  int64_t compared = 0;
  auto reference = spikes(6, 3, {{1, 2}});
  auto extra = spikes(6, 3, {{1, 2}, {3, 1}});
  std::optional<backends::SpikeMismatch> more =
      backends::firstSpikeTimingMismatch({reference}, {extra}, 0, 0, compared);
  ASSERT_TRUE(more);
  EXPECT_EQ(more->element, 1);
  EXPECT_EQ(more->step, -1);
  EXPECT_EQ(more->simulatedSpikes, 1);
  EXPECT_EQ(more->referenceSpikes, 0);

  std::optional<backends::SpikeMismatch> fewer =
      backends::firstSpikeTimingMismatch({reference}, {spikes(6, 3, {})}, 0, 0,
                                         compared);
  ASSERT_TRUE(fewer);
  EXPECT_EQ(fewer->element, 2);
  EXPECT_EQ(fewer->step, 1);
}

namespace {

/// A backend that only declares things: for the registry and tool checks.
class DeclaringBackend : public backends::Backend {
public:
  DeclaringBackend(std::string name, std::vector<backends::ExternalTool> tools)
      : name(std::move(name)), tools(std::move(tools)) {}
  llvm::StringRef getName() const override { return name; }
  llvm::StringRef getDescription() const override { return "test"; }
  backends::Capabilities getCapabilities() const override {
    backends::Capabilities capabilities;
    capabilities.tools = tools;
    return capabilities;
  }
  mlir::LogicalResult addPasses(mlir::OpPassManager &, mlir::ModuleOp,
                                snn::NetworkOp,
                                llvm::StringRef) const override {
    return mlir::failure();
  }
  mlir::LogicalResult emit(mlir::ModuleOp, snn::NetworkOp,
                           mlir::AnalysisManager *,
                           const backends::EmitOutput &,
                           llvm::raw_ostream &) const override {
    return mlir::failure();
  }
  bool simulate(const std::string &, const std::vector<runtime::NpyArray> &,
                int64_t, llvm::StringRef, backends::SimulationOutput &,
                std::string &error,
                const runtime::ProgressFn &) const override {
    error = "not a simulator";
    return false;
  }

private:
  std::string name;
  std::vector<backends::ExternalTool> tools;
};

} // namespace

// Targets name their backend, so two backends for one family coexist; a
// backend's missing tool is reported with its purpose before any work.
TEST(BackendRegistry, ByNameAndTools) {
  backends::registerBackend(std::make_unique<DeclaringBackend>(
      "fpga-a", std::vector<backends::ExternalTool>{{"sh", "to run scripts"}}));
  backends::registerBackend(std::make_unique<DeclaringBackend>(
      "fpga-b",
      std::vector<backends::ExternalTool>{
          {"snc-no-such-tool", "to simulate the generated Verilog"}}));
  targets::TargetDescription target;
  target.name = "board";
  target.path = "board.json";
  target.family = targets::TargetFamily::FPGA;
  std::string error;
  target.backend = "fpga-b";
  const backends::Backend *b = backends::findBackend(target, error);
  ASSERT_NE(b, nullptr) << error;
  EXPECT_EQ(b->getName(), "fpga-b");
  target.backend = "fpga-a";
  const backends::Backend *a = backends::findBackend(target, error);
  ASSERT_NE(a, nullptr) << error;
  EXPECT_EQ(a->getName(), "fpga-a");

  EXPECT_TRUE(backends::checkTools(*a, error)) << error;
  EXPECT_FALSE(backends::checkTools(*b, error));
  EXPECT_EQ(error, "backend 'fpga-b' needs 'snc-no-such-tool' to simulate the "
                   "generated Verilog, but it is not on PATH");

  target.backend = "fpga-c";
  EXPECT_EQ(backends::findBackend(target, error), nullptr);
  EXPECT_EQ(error, "board.json: /backend: no registered backend 'fpga-c' "
                   "(registered backends: fpga-a, fpga-b)");
}
