//===- Emitter.h - SFQ netlist files from the sfq IR ------------*- C++ -*-===//
//
// The SFQ backend's emitter: a read-only walk of the network's finished
// sfq.circuit (passes/sfq/BuildNetlist.h) into a Design (Design.h), whose
// files it writes or prints.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_SFQ_EMITTER_H
#define SNC_BACKENDS_SFQ_EMITTER_H

#include "backends/Backend.h"

namespace snc::sfqbackend {

mlir::LogicalResult emitSFQ(mlir::ModuleOp module, snn::NetworkOp network,
                            const backends::EmitOutput &output,
                            llvm::raw_ostream &summary);

} // namespace snc::sfqbackend

#endif // SNC_BACKENDS_SFQ_EMITTER_H
