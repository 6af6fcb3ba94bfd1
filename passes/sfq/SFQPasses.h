//===- SFQPasses.h - passes producing SFQ circuits --------------*- C++ -*-===//

#ifndef SNC_PASSES_SFQ_SFQPASSES_H
#define SNC_PASSES_SFQ_SFQPASSES_H

#include "dialects/sfq/SFQOps.h"
#include "dialects/snn/SNNOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace snc::sfq {

#define GEN_PASS_DECL
#include "passes/sfq/SFQPasses.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/sfq/SFQPasses.h.inc"

} // namespace snc::sfq

#endif // SNC_PASSES_SFQ_SFQPASSES_H
