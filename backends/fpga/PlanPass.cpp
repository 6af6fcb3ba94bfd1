//===- PlanPass.cpp - fpga-plan -------------------------------------------===//
//
// Plans the neuron cores of a partitioned network (Design.h's planDesign on
// the many-core form and the slices snn-partition recorded) and records the
// plan in the nmc IR (PlanAttrs.h).
//
//===----------------------------------------------------------------------===//

#include "backends/fpga/Passes.h"
#include "backends/fpga/PlanAttrs.h"
#include "passes/ManycoreAnalysis.h"

namespace snc::fpga {
#define GEN_PASS_DEF_FPGAPLAN
#include "backends/fpga/Passes.h.inc"
} // namespace snc::fpga

using namespace mlir;

namespace snc::fpga {
namespace {

constexpr llvm::StringLiteral kPass = "fpga-plan";

struct PlanPass : public impl::FpgaPlanBase<PlanPass> {
  using FpgaPlanBase::FpgaPlanBase;

  void runOnOperation() override {
    FailureOr<snn::NetworkOp> network =
        findNetwork(getOperation(), networkName, kPass);
    if (failed(network))
      return signalPassFailure();
    FailureOr<nmc::MappingOp> mapping =
        findMapping(getOperation(), *network, kPass);
    if (failed(mapping))
      return signalPassFailure();
    auto &analysis = getChildAnalysis<ManycoreAnalysis>(*network);
    FailureOr<const manycore::Network *> form = analysis.getForm();
    if (failed(form))
      return signalPassFailure();
    FailureOr<MappingInputs> inputs =
        loadMappingInputs(*mapping, *network, analysis, kPass);
    if (failed(inputs))
      return signalPassFailure();
    if (!inputs->target->fpga) {
      mapping->emitError() << kPass << ": target '" << inputs->target->name
                           << "' is not an FPGA target";
      return signalPassFailure();
    }
    DesignPlan plan;
    std::string error;
    if (!planDesign(**form, inputs->partition.slices, *inputs->target, plan,
                    error)) {
      network->emitError() << kPass << ": " << error;
      return signalPassFailure();
    }
    if (failed(recordPlan(*mapping, *inputs, **form, plan, kPass)))
      return signalPassFailure();
    // Only nmc attributes changed; the network's form stands.
    markAnalysesPreserved<ManycoreAnalysis>();
  }
};

} // namespace
} // namespace snc::fpga
