//===- Emitter.h - SpiNNaker2 images from the nmc IR ------------*- C++ -*-===//

#ifndef SNC_BACKENDS_SPINNAKER2_EMITTER_H
#define SNC_BACKENDS_SPINNAKER2_EMITTER_H

#include "backends/Backend.h"

namespace snc::spinnaker2 {

/// Reads the nmc.mapping of `network` (slices, PEs, keys, router tables),
/// checks its routes as snn-route does, and writes the images, routes and
/// manifest (or prints them). Changes no IR. The many-core form comes from
/// `analyses` if given (the compile pipeline's), else is extracted here.
mlir::LogicalResult emitSpiNNaker2(mlir::ModuleOp module,
                                   snn::NetworkOp network,
                                   mlir::AnalysisManager *analyses,
                                   const backends::EmitOutput &output,
                                   llvm::raw_ostream &summary);

} // namespace snc::spinnaker2

#endif // SNC_BACKENDS_SPINNAKER2_EMITTER_H
