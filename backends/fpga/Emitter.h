//===- Emitter.h - FPGA design files from the nmc IR ------------*- C++ -*-===//

#ifndef SNC_BACKENDS_FPGA_EMITTER_H
#define SNC_BACKENDS_FPGA_EMITTER_H

#include "backends/Backend.h"

namespace snc::fpga {

/// Reads the plan fpga-plan recorded on the nmc.mapping of `network` and
/// writes the design (Design.h's writeDesign): top.v, the memory images,
/// the Verilator harness and manifest.json; or, with `output.text`, prints
/// the plan per core and the design's top.v and manifest. Changes no IR.
mlir::LogicalResult emitFPGA(mlir::ModuleOp module, snn::NetworkOp network,
                             mlir::AnalysisManager *analyses,
                             const backends::EmitOutput &output,
                             llvm::raw_ostream &summary);

} // namespace snc::fpga

#endif // SNC_BACKENDS_FPGA_EMITTER_H
