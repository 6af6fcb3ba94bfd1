//===- Passes.h - the FPGA backend's passes ---------------------*- C++ -*-===//

#ifndef SNC_BACKENDS_FPGA_PASSES_H
#define SNC_BACKENDS_FPGA_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace snc::fpga {

#define GEN_PASS_DECL
#include "backends/fpga/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "backends/fpga/Passes.h.inc"

} // namespace snc::fpga

#endif // SNC_BACKENDS_FPGA_PASSES_H
