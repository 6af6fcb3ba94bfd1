//===- VerifyTest.cpp - the equivalences snc verify checks ----------------===//
//
// A backend declares bit-exact outputs or spike timing within a tolerance;
// the spike-timing comparison is checked here on hand-made arrays (no
// backend declares it yet).
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
