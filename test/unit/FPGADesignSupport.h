//===- FPGADesignSupport.h - networks for the FPGA design tests -*- C++ -*-===//
//
// Small hand-made manycore::Networks and their slices for the FPGA design
// tests (planning, and Verilator against manycore::evaluate).
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TEST_UNIT_FPGADESIGNSUPPORT_H
#define SNC_TEST_UNIT_FPGADESIGNSUPPORT_H

#include "RandomManycoreNetwork.h"
#include "passes/SplitMix64.h"
#include "passes/mapping/ManycoreNetwork.h"
#include "passes/mapping/MappingModel.h"
#include "targets/TargetDescription.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace snc::testing {

/// Slices of at most `perCore` neurons of every population, in order.
inline std::vector<mapping::Slice> fpgaSlices(const manycore::Network &network,
                                              int64_t perCore) {
  std::vector<mapping::Slice> slices;
  for (size_t p = 0; p < network.populations.size(); ++p)
    for (int64_t lo = 0; lo < network.populations[p].size; lo += perCore)
      slices.push_back(
          {int(p), lo, std::min(lo + perCore, network.populations[p].size), 0});
  return slices;
}

/// A target with an FPGA capacity section (the tests don't need JSON).
inline targets::TargetDescription
fpgaTarget(int64_t maxDelay, int64_t bramBlocks, int64_t bitsPerBlock) {
  targets::TargetDescription t;
  t.name = "test-fpga";
  t.delay.min = 0;
  t.delay.max = maxDelay;
  targets::FPGACapacity c;
  c.bramBlocks = bramBlocks;
  c.bramBitsPerBlock = bitsPerBlock;
  c.neuronsPerCore = 256;
  t.fpga = c;
  return t;
}

} // namespace snc::testing

#endif // SNC_TEST_UNIT_FPGADESIGNSUPPORT_H
