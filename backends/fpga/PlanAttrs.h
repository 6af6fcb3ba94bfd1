//===- PlanAttrs.h - the FPGA design plan in the nmc IR ---------*- C++ -*-===//
//
// fpga-plan records the design plan (Design.h) on the nmc.mapping that
// snn-partition made; the emitter reads it back from there. This is the one
// place that knows how: `fpga.core` on each non-input nmc.slice (the
// CorePlan's fields), `fpga.levels` and the resource totals
// (`fpga.bram_halves`, `fpga.input_queue_memory`, `fpga.part_block_rams`,
// `fpga.sprams`, `fpga.part_sprams`) on the nmc.mapping.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_FPGA_PLANATTRS_H
#define SNC_BACKENDS_FPGA_PLANATTRS_H

#include "backends/fpga/Design.h"
#include "dialects/nmc/NMCOps.h"
#include "passes/MappingInputs.h"

namespace snc::fpga {

/// The nmc.mapping of `network`; emits an error prefixed by `pass` (which
/// says to run snn-partition) if there is none.
mlir::FailureOr<nmc::MappingOp> findMapping(mlir::ModuleOp module,
                                            snn::NetworkOp network,
                                            llvm::StringRef pass);

/// The slices of `inputs` that become cores (those of non-input
/// populations), in slice order: core i is the i-th of them.
std::vector<nmc::SliceOp> coreSlices(const MappingInputs &inputs,
                                     const manycore::Network &network);

/// Records `plan` on `mapping` and its core slices (replacing an earlier
/// plan). Fails, naming the slice, if the plan's cores are not the slices.
mlir::LogicalResult recordPlan(nmc::MappingOp mapping,
                               const MappingInputs &inputs,
                               const manycore::Network &network,
                               const DesignPlan &plan, llvm::StringRef pass);

/// The plan recorded on `mapping`, its sources completed; emits an error
/// prefixed by `pass`, naming the slice or the attribute, if a part is
/// missing or does not fit the slices and the network.
mlir::FailureOr<DesignPlan> readPlan(nmc::MappingOp mapping,
                                     const MappingInputs &inputs,
                                     const manycore::Network &network,
                                     llvm::StringRef pass);

/// Whether `mapping` records a plan for every core slice (compiling an
/// edited mapping.mlir keeps it).
bool hasPlan(nmc::MappingOp mapping);

} // namespace snc::fpga

#endif // SNC_BACKENDS_FPGA_PLANATTRS_H
