//===- ImageWriter.h - a mapped network as image files ----------*- C++ -*-===//
//
// The emitter's last step: a mapped network (MappedNetwork, as the nmc IR
// records it) becomes the files of an image directory (Images.h), built and
// checked in memory, then written to a directory or printed as text.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_SPINNAKER2_IMAGEWRITER_H
#define SNC_BACKENDS_SPINNAKER2_IMAGEWRITER_H

#include "backends/spinnaker2/ImageBuild.h"
#include "backends/spinnaker2/Images.h"
#include "backends/spinnaker2/Manifest.h"
#include "passes/mapping/MappedNetwork.h"

namespace snc::spinnaker2 {

/// Every file of an image directory, in memory.
struct ImageFiles {
  std::vector<PeImage> images; // ascending PE index
  Manifest manifest;
  std::string manifestText;
  std::vector<uint8_t> routes; // routes.bin
};

/// Builds the files of `mapped` (see writeImages for the checks).
bool buildImageFiles(const mapping::MappedNetwork &mapped,
                     const ImageOptions &options, ImageFiles &files,
                     std::string &error);

/// Writes the images of `mapped` into `outDir` (created if missing; stale
/// pe_<n>.bin files of PEs no longer used are removed). Every file is
/// written to a temporary name and then renamed, the manifest last; the
/// bytes depend only on the inputs. Fails, naming the population, slice or
/// PE, when the inputs disagree (sizes, slices not covering a population,
/// two slices on one PE, a delay-0 synapse against the update order, a
/// router table that does not carry a slice's packets to a PE holding its
/// synapses) or a value does not fit its image field (weights: int32,
/// slices: 65536 neurons, delays: 255). Images larger than the budget fail
/// with options.overBudgetIsError (naming the largest PE, its bytes and the
/// budget; nothing is written), else are written and listed in
/// summary.overBudgetPes and the manifest.
bool writeImages(const mapping::MappedNetwork &mapped,
                 const ImageOptions &options, const std::string &outDir,
                 ImageSummary &summary, std::string &error);

/// The files as text, for tests: manifest.json as written, every router
/// table entry, and each image's size and checksum.
std::string printImageFiles(const ImageFiles &files,
                            const mapping::RoutingTables &tables);

} // namespace snc::spinnaker2

#endif // SNC_BACKENDS_SPINNAKER2_IMAGEWRITER_H
