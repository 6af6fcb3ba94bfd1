//===- PeImageSize.h - the bytes of a many-core PE image --------*- C++ -*-===//
//
// One definition of what a PE image (docs/spinnaker2-images.md) takes, for
// the partitioner's memory model (Machine's byte fields, SliceMemoryModel)
// and the image builder (backends/spinnaker2/ImageBuild.cpp, whose
// ImageFormat.h checks its layout against these numbers at compile time).
//
// SliceMemoryModel counts, per slice, neurons (parameters + state), ring
// buffer slots and, per row, its header and index word plus one word per
// synapse: with machineForImages' sizes that is the image exactly, except
// for the header and the key table (an entry plus at most 4 bytes of index
// padding per source slice), which the PE's SRAM above memoryBytesPerPe
// holds (imageOverheadBytes).
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MAPPING_PEIMAGESIZE_H
#define SNC_PASSES_MAPPING_PEIMAGESIZE_H

#include "passes/mapping/MappingModel.h"

#include <cstdint>

namespace snc::mapping::image {

constexpr int64_t kHeaderBytes = 192;
constexpr int64_t kKeyEntryBytes = 24;
/// Per stored row: u32 synapse count + u32 source neuron, and its u32 word
/// in the block's index.
constexpr int64_t kRowHeaderBytes = 8;
constexpr int64_t kRowIndexWordBytes = 4;
constexpr int64_t kSynapseWordBytes = 8;
/// Per neuron: ten i64 parameters and four i64 state words.
constexpr int64_t kNeuronParamBytes = 80;
constexpr int64_t kNeuronStateBytes = 32;
/// Per neuron and ring-buffer slot: an i64 accumulator.
constexpr int64_t kRingSlotBytes = 8;

inline int64_t alignTo8(int64_t bytes) { return (bytes + 7) & ~int64_t(7); }

/// The bytes of one source slice's block: the row index (padded to 8
/// bytes), then `rows` rows holding `synapses` synapse words in all.
inline int64_t blockBytes(int64_t rows, int64_t synapses) {
  return alignTo8(rows * kRowIndexWordBytes) + rows * kRowHeaderBytes +
         synapses * kSynapseWordBytes;
}

/// What an image holds beyond SliceMemoryModel's count, at most, for a PE
/// with `blocks` key table entries (source slices).
inline int64_t imageOverheadBytes(int64_t blocks) {
  return kHeaderBytes + blocks * (kKeyEntryBytes + kRowIndexWordBytes);
}

/// `machine` with the image's sizes as its memory model.
inline void useImageSizes(Machine &machine) {
  machine.rowHeaderBytes = kRowHeaderBytes + kRowIndexWordBytes;
  machine.synapseBytes = kSynapseWordBytes;
  machine.neuronBytes = kNeuronParamBytes + kNeuronStateBytes;
  machine.ringBufferSlotBytes = kRingSlotBytes;
}

} // namespace snc::mapping::image

#endif // SNC_PASSES_MAPPING_PEIMAGESIZE_H
