//===- Manifest.h - manifest.json of an image directory ---------*- C++ -*-===//
//
// The manifest describes an image directory for people and tools: the
// machine, each PE's slice and memory use, the network's inputs and outputs,
// the update order and the cost model. The reader trusts no field of it that
// an image also holds: it checks that the two agree.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_SPINNAKER2_MANIFEST_H
#define SNC_BACKENDS_SPINNAKER2_MANIFEST_H

#include "backends/spinnaker2/Images.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::spinnaker2 {

constexpr const char *kManifestFormat = "snc-spinnaker2-images";
constexpr int kManifestVersion = 1;

struct ManifestPe {
  int64_t index = 0;
  mapping::PeLocation location;
  std::string file;
  int population = 0;
  int64_t slice = 0, lo = 0, hi = 0;
  uint32_t keyBase = 0, keyMask = 0xFFFFFFFFu;
  bool input = false, sends = false;
  int64_t ringDepth = 1, keyEntries = 0, synapses = 0;
  PeMemory memory;
};

struct ManifestPopulation {
  std::string name;
  int64_t size = 0;
  bool input = false;
  int inputIndex = -1;
  bool spiking = false;
  std::vector<int64_t> slices, pes; // slice order
};

struct ManifestPort {
  int population = 0;
  std::vector<int64_t> shape;
};

struct Manifest {
  std::string network;
  mapping::Machine machine;
  int64_t budgetBytes = 0;
  CostModel cost;
  int64_t latencyShift = 0;
  std::vector<int> updateOrder;
  std::vector<ManifestPopulation> populations;
  std::vector<ManifestPe> pes; // ascending index
  std::vector<ManifestPort> inputs, outputs;
  std::string routesFile = "routes.bin";
  int64_t routeEntries = 0, maxRouteEntries = 0;
};

/// The manifest as JSON text (ordered keys, two-space indent, trailing
/// newline): the same manifest always gives the same bytes.
bool manifestToJson(const Manifest &manifest, std::string &text,
                    std::string &error);

/// Parses and checks the structure of manifest text (types, ranges, indices
/// naming existing populations and PEs). Errors name the field, e.g.
/// "pes[3].slice: expected a non-negative integer".
bool manifestFromJson(const std::string &text, Manifest &manifest,
                      std::string &error);

} // namespace snc::spinnaker2

#endif // SNC_BACKENDS_SPINNAKER2_MANIFEST_H
