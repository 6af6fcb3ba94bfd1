//===- Passes.h - snc transformation passes ---------------------*- C++ -*-===//

#ifndef SNC_PASSES_PASSES_H
#define SNC_PASSES_PASSES_H

#include "dialects/snn/SNNOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace snc {

#define GEN_PASS_DECL
#include "passes/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"

} // namespace snc

#endif // SNC_PASSES_PASSES_H
