//===- MappedNetwork.h - a network as mapped onto a machine -----*- C++ -*-===//
//
// Everything an emitter of per-core images needs, in one value: the
// many-core form and where the mapping put it (slices, PEs, keys, router
// tables). The nmc IR is its record; passes/MappingInputs.h reads it back.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_MAPPEDNETWORK_H
#define SNC_PASSES_MAPPING_MAPPEDNETWORK_H

#include "passes/mapping/KeyAllocation.h"
#include "passes/mapping/ManycoreNetwork.h"
#include "passes/mapping/MappingModel.h"
#include "passes/mapping/Route.h"

namespace snc::mapping {

struct MappedNetwork {
  /// Owned elsewhere (the analysis that extracted it).
  const manycore::Network *network = nullptr;
  Machine machine;
  Partition partition;
  Placement placement;
  KeyAllocation keys;
  /// The compressed tables; only `byChip` is set.
  RoutingTables tables;
  /// Router entries before compression, over all chips.
  int64_t entriesBefore = 0;
};

} // namespace snc::mapping

#endif // SNC_PASSES_MAPPING_MAPPEDNETWORK_H
