//===- SFQPipeline.h - the sfq lowering pipeline ----------------*- C++ -*-===//
//
// A quantized network to a finished SFQ circuit: snn-to-sfq, then on the
// circuit sfq-balance-paths, sfq-insert-splitters and sfq-insert-mergers.
// The SFQ backend appends this to the shared compile stages.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_SFQ_SFQPIPELINE_H
#define SNC_PASSES_SFQ_SFQPIPELINE_H

#include "mlir/Pass/PassManager.h"

#include <cstdint>
#include <string>

namespace snc::sfq {

struct SFQPipelineOptions {
  std::string network;          // empty: the module's only snn.network
  std::string target;           // empty: the network's snn.target
  int64_t maxMultiplicity = 0;  // 0: the target's weight range
  std::string balance = "full"; // full or retime
  int64_t maxPorts = 0;         // 0: a port per synapse
  std::string hazards = "stagger";
  int64_t inputOffsetFs = -1; // -1: half the clock period
};

/// Runs on the module.
void buildSFQPipeline(mlir::OpPassManager &pm,
                      const SFQPipelineOptions &options);

/// Registers the sfq passes and the pipeline "sfq-lower" with snc-opt.
void registerSFQPassesAndPipeline();

} // namespace snc::sfq

#endif // SNC_PASSES_SFQ_SFQPIPELINE_H
