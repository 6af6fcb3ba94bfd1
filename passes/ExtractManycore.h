//===- ExtractManycore.h - quantized snn IR to the many-core form -*- C++
//-*-===//
//
// Turns a quantized network (integer populations, spike inputs) into the
// populations-and-synapses form that many-core backends map
// (passes/mapping/ManycoreNetwork.h), and gives the mapping algorithms
// their view of it and of the target.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_EXTRACTMANYCORE_H
#define SNC_PASSES_EXTRACTMANYCORE_H

#include "dialects/snn/SNNOps.h"
#include "passes/mapping/ManycoreNetwork.h"
#include "passes/mapping/MappingModel.h"
#include "targets/TargetDescription.h"

namespace snc {

/// Composes the linear ops between populations into synapses. Emits an
/// error naming the op, and fails, for what cores cannot run: float
/// populations (run snn-quantize first), numeric network inputs, numeric
/// values (discrete_li outputs) feeding projections, attention, delays left
/// as `snn.delay` ops (run snn-lower-delays first), and intermediate values
/// that could saturate (the composition is exact only if none does).
mlir::FailureOr<manycore::Network>
extractManycoreNetwork(snn::NetworkOp network);

/// How many times extractManycoreNetwork ran in this process (a compile
/// should need one: see ManycoreAnalysis.h).
uint64_t getManycoreExtractionCount();

/// The partitioner's view: one Sparse projection per manycore projection,
/// fan-ins and envelopes from its synapses, ring-buffer depth from delays.
mapping::Network toMappingNetwork(const manycore::Network &network);

/// The machine a many-core target describes (capacity section), or an
/// FPGA target's part as one chip of neuron cores (inputs take no core).
bool machineFromTarget(const targets::TargetDescription &target,
                       mapping::Machine &machine, std::string &error);

} // namespace snc

#endif // SNC_PASSES_EXTRACTMANYCORE_H
