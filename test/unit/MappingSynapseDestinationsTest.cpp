//===- MappingSynapseDestinationsTest.cpp - destinations from synapses ----===//
//
// synapseDestinations lists exactly the post slices holding a synapse of a
// slice, where sliceDestinations' envelopes also list the slices between.
//
//===----------------------------------------------------------------------===//

#include "passes/mapping/SliceTraffic.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace snc;
using namespace snc::mapping;

namespace {

// Two channels, as a convolution's output: pre neuron i (of 4) reaches
// post i (channel 0) and post 4 + i (channel 1). Slices of two neurons:
// pre [0, 2) [2, 4) are slices 0 and 1; post [0, 2) [2, 4) [4, 6) [6, 8)
// are slices 2..5. Pre slice 0 reaches posts 0, 1, 4, 5: slices 2 and 4;
// its envelope [0, 6) also meets slice 3. Pre slice 1 reaches posts 2, 3,
// 6, 7: slices 3 and 5 (envelope [2, 8): 3, 4, 5).
struct TwoChannels {
  manycore::Network form;
  Network mapped;
  Partition partition;

  TwoChannels() {
    for (auto [name, size] : {std::pair{"pre", 4}, std::pair{"post", 8}}) {
      manycore::Population population;
      population.name = name;
      population.size = size;
      form.populations.push_back(population);
      Population p;
      p.name = name;
      p.size = size;
      mapped.populations.push_back(p);
    }
    manycore::Projection projection;
    projection.source = 0;
    projection.target = 1;
    Projection envelope;
    envelope.kind = Projection::Kind::Sparse;
    envelope.pre = 0;
    envelope.post = 1;
    envelope.postFanIn.assign(8, 1);
    envelope.preRows = 4;
    for (int64_t i = 0; i < 4; ++i) {
      projection.synapses.push_back(manycore::makeSynapse(i, i, 1, 0));
      projection.synapses.push_back(manycore::makeSynapse(i, 4 + i, 1, 0));
      envelope.postLo.push_back(i);
      envelope.postHi.push_back(4 + i + 1);
    }
    form.projections.push_back(projection);
    mapped.projections.push_back(envelope);
    for (auto [population, lo] :
         {std::pair{0, 0}, {0, 2}, {1, 0}, {1, 2}, {1, 4}, {1, 6}})
      partition.slices.push_back({population, lo, lo + 2, 0});
  }
};

TEST(MappingSynapseDestinationsTest, OnlySlicesHoldingSynapses) {
  TwoChannels net;
  using Lists = std::vector<std::vector<int64_t>>;
  EXPECT_EQ(synapseDestinations(net.form, net.mapped, net.partition),
            (Lists{{2, 4}, {3, 5}, {}, {}, {}, {}}));
  EXPECT_EQ(sliceDestinations(net.mapped, net.partition),
            (Lists{{2, 3, 4}, {3, 4, 5}, {}, {}, {}, {}}));
}

TEST(MappingSynapseDestinationsTest, ExactInAnySynapseOrder) {
  TwoChannels net;
  std::vector<manycore::Synapse> &synapses = net.form.projections[0].synapses;
  std::reverse(synapses.begin(), synapses.end());
  EXPECT_EQ(
      synapseDestinations(net.form, net.mapped, net.partition),
      (std::vector<std::vector<int64_t>>{{2, 4}, {3, 5}, {}, {}, {}, {}}));
}

} // namespace
