//===- NMCDialect.td - the nmc dialect definition ----------*- tablegen -*-===//
//
// The `nmc` dialect: a spiking network mapped onto a many-core machine
// (SpiNNaker-style), as the snn-partition, snn-place and snn-route passes
// produce it: which PE runs which neurons, with which multicast keys, and
// what every chip's router holds.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_DIALECTS_NMC_NMCDIALECT_TD
#define SNC_DIALECTS_NMC_NMCDIALECT_TD

include "mlir/IR/OpBase.td"

def NMC_Dialect : Dialect {
  let name = "nmc";
  let cppNamespace = "::snc::nmc";
  let summary = "A spiking network mapped onto a many-core machine";
  let description = [{
    An `nmc.mapping` records how the populations of one `snn.network` are
    run by a many-core target: the machine it was mapped for, one
    `nmc.slice` per processing element (PE) in use, and one `nmc.router` per
    chip whose multicast router holds entries. The mapping passes fill it in
    step by step:

    * `snn-partition` cuts every population into slices that fit a PE
      (`pe = -1`: not placed yet);
    * `snn-place` gives every slice a PE (`pe`, `chip`, `qpe`) and records
      the traffic cost of the placement;
    * `snn-route` gives every slice its multicast key and mask and adds the
      compressed router tables.

    The algorithms and the machine model are described in
    `passes/mapping/MappingModel.h` and `docs/routing.md`. A PE is named by
    its global index: chip-major (chip = y * chips_x + x), then its quad-PE
    group (QPE), then its place in the QPE.
  }];
}

class NMC_Op<string mnemonic, list<Trait> traits = []>
    : Op<NMC_Dialect, mnemonic, traits>;

#endif // SNC_DIALECTS_NMC_NMCDIALECT_TD
