//===- Passes.td - the FPGA backend's passes ---------------*- tablegen -*-===//

#ifndef SNC_BACKENDS_FPGA_PASSES_TD
#define SNC_BACKENDS_FPGA_PASSES_TD

include "mlir/Pass/PassBase.td"

def FpgaPlan : Pass<"fpga-plan", "::mlir::ModuleOp"> {
  let summary = "Plan the neuron cores of a partitioned network for an FPGA";
  let description = [{
    Reads the `nmc.mapping` that `snn-partition` left for the module's
    snn.network (the only one, or the one named by `network`) on an FPGA
    target, plans the design (backends/fpga/Design.h: each non-input slice
    becomes a time-multiplexed neuron core; the level it updates in, its
    accumulator ring and memories, the block RAM it needs) and records the
    plan in the IR, where the emitter reads it back:

    * on every non-input `nmc.slice`, `fpga.core`: a dictionary of the
      core's fields (`CorePlan::fields`);
    * on the `nmc.mapping`, `fpga.levels` (how many levels a time step
      runs), `fpga.block_rams` and `fpga.part_block_rams`, `fpga.sprams`
      and `fpga.part_sprams` (what the cores need and what the part has).

    Fails, naming the population and the resource, when the network does
    not fit the part or needs something a core cannot do.
  }];
  let options = [
    Option<"networkName", "network", "std::string", "\"\"",
           "The snn.network to plan (default: the module's only one)">
  ];
}

#endif // SNC_BACKENDS_FPGA_PASSES_TD
