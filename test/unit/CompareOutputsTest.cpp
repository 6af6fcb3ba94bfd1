//===- CompareOutputsTest.cpp - snc verify's comparison -------------------===//

#include "runtime/CompareOutputs.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace snc::runtime;

namespace {

NpyArray spikes(std::vector<int64_t> shape, std::vector<int> values) {
  NpyArray array = NpyArray::zeros(NpyDType::Bool, shape);
  for (size_t i = 0; i < values.size(); ++i)
    array.setDouble(i, values[i]);
  return array;
}

TEST(CompareOutputs, EqualRunsHaveNoMismatch) {
  int64_t compared = 0;
  auto a = spikes({3, 2}, {0, 1, 1, 0, 0, 0});
  EXPECT_FALSE(firstMismatch({a}, {a}, 0, compared).has_value());
  EXPECT_EQ(compared, 6);
}

TEST(CompareOutputs, NamesTheFirstStepAndElement) {
  int64_t compared = 0;
  auto ref = spikes({3, 2}, {0, 1, 1, 0, 0, 1});
  auto sim = spikes({3, 2}, {0, 1, 1, 1, 0, 0});
  std::optional<OutputMismatch> m = firstMismatch({ref}, {sim}, 0, compared);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->output, 0u);
  EXPECT_EQ(m->step, 1);
  EXPECT_EQ(m->element, 1);
  EXPECT_EQ(m->simulated, 1);
  EXPECT_EQ(m->reference, 0);
}

TEST(CompareOutputs, LatencyShiftAlignsTheSimulatedRun) {
  int64_t compared = 0;
  auto ref = spikes({2, 1}, {1, 0});
  auto late = spikes({3, 1}, {0, 1, 0});
  EXPECT_FALSE(firstMismatch({ref}, {late}, 1, compared).has_value());
  // Without the shift the same runs differ at step 0.
  EXPECT_EQ(firstMismatch({ref}, {late}, 0, compared)->step, 0);
  // A simulated run too short for the shift is missing values.
  auto shortRun = spikes({2, 1}, {0, 1});
  std::optional<OutputMismatch> m =
      firstMismatch({ref}, {shortRun}, 1, compared);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->step, 1);
  EXPECT_TRUE(std::isnan(m->simulated));
}

TEST(CompareOutputs, ChecksEveryOutputInOrder) {
  int64_t compared = 0;
  auto same = spikes({1, 2}, {1, 0});
  auto ref = spikes({1, 1}, {1});
  auto sim = spikes({1, 1}, {0});
  std::optional<OutputMismatch> m =
      firstMismatch({same, ref}, {same, sim}, 0, compared);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->output, 1u);
  EXPECT_EQ(compared, 3);
  EXPECT_TRUE(firstMismatch({same, ref}, {same}, 0, compared).has_value());
}

} // namespace
