//===- ImageBuild.h - PE images from a mapped network -----------*- C++ -*-===//
//
// The in-memory half of writeImages: checks that the network and its
// mapping agree and turns every slice into the bytes of its PE's image
// (ImageFormat.h) plus the manifest's description of that PE.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_SPINNAKER2_IMAGEBUILD_H
#define SNC_BACKENDS_SPINNAKER2_IMAGEBUILD_H

#include "backends/spinnaker2/Manifest.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::spinnaker2 {

struct PeImage {
  ManifestPe info;
  std::vector<uint8_t> bytes;
};

/// The order populations update in within a step: input populations that
/// network.updateOrder leaves out come first (they only replay the input),
/// then updateOrder. Fails on bad or repeated indices, a non-input
/// population missing from updateOrder, or a delay-0 synapse whose source
/// does not update before its target.
bool populationOrder(const manycore::Network &network, std::vector<int> &order,
                     std::string &error);

/// Checks what the images and the simulator rely on: every non-input
/// population has its parameters (one per neuron, for the stages its format
/// uses) and formats within range (state and drive bits 2..64, fraction bits
/// 0..64), inputs are numbered 0..n-1 once each, synapses name existing
/// neurons, delays are 0..255 and weights fit 32 bits.
bool checkNetwork(const manycore::Network &network, std::string &error);

/// One image per slice, ascending PE index; the network must pass
/// checkNetwork.
bool buildPeImages(const manycore::Network &network,
                   const mapping::Machine &machine,
                   const mapping::Partition &partition,
                   const mapping::Placement &placement,
                   const mapping::KeyAllocation &keys,
                   const mapping::RoutingTables &tables,
                   std::vector<PeImage> &images, std::string &error);

} // namespace snc::spinnaker2

#endif // SNC_BACKENDS_SPINNAKER2_IMAGEBUILD_H
