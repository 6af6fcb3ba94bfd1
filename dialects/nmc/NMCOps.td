//===- NMCOps.td - nmc dialect ops -------------------------*- tablegen -*-===//

#ifndef SNC_DIALECTS_NMC_NMCOPS_TD
#define SNC_DIALECTS_NMC_NMCOPS_TD

include "dialects/nmc/NMCDialect.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/IR/SymbolInterfaces.td"

def NMC_MappingOp : NMC_Op<"mapping", [
    Symbol, IsolatedFromAbove, SingleBlock, NoTerminator,
    DeclareOpInterfaceMethods<RegionKindInterface>,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "the mapping of one snn.network onto a many-core machine";
  let description = [{
    Holds the `nmc.slice` ops of the mapped network, grouped by population
    in population order, and the `nmc.router` ops of the chips. The
    attributes record the machine the network was mapped for; snn-place,
    snn-route and the emitters take the machine from the network's
    target (`snn.target`) and check that it is this one:

    * `target`: the target description's name;
    * `network`: the `snn.network` (a symbol of the enclosing module);
    * `chips_x`, `chips_y`: the chip mesh; `pes_per_chip` PEs per chip in
      quad-PE groups of `pes_per_qpe`;
    * `neurons_per_pe`, `memory_bytes_per_pe`: a PE's capacity;
    * `router_entries`: the entries of a chip's router table (0: no limit);
    * `lower_bound`: the fewest PEs any cut of the populations needs;
    * `cost`, `sequential_cost` (set by `snn-place`): packets x hops per
      time step of the placement and of the baseline that puts slice i on
      PE i; `seed`: the seed of the optimised placement.

    FPGA targets map onto the same ops: one chip whose PEs are neuron
    cores, slices of input populations taking none. The FPGA backend's
    `fpga-plan` adds its plan as discardable attributes (`fpga.levels` and
    resource totals here, `fpga.core` on the slices; see
    docs/backends.md).

    ```mlir
    nmc.mapping @net_mapping for @net target "spinnaker2" attributes {
        chips_x = 1 : i64, chips_y = 1 : i64, lower_bound = 2 : i64,
        memory_bytes_per_pe = 98304 : i64, neurons_per_pe = 250 : i64,
        pes_per_chip = 152 : i64, pes_per_qpe = 4 : i64,
        router_entries = 16384 : i64} {
      nmc.slice "x"[0] neurons [0, 3) bytes 312 unplaced
      nmc.slice "lif"[0] neurons [0, 3) bytes 360 unplaced
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       FlatSymbolRefAttr:$network,
                       StrAttr:$target,
                       I64Attr:$chips_x,
                       I64Attr:$chips_y,
                       I64Attr:$pes_per_chip,
                       I64Attr:$pes_per_qpe,
                       I64Attr:$neurons_per_pe,
                       I64Attr:$memory_bytes_per_pe,
                       I64Attr:$router_entries,
                       I64Attr:$lower_bound,
                       OptionalAttr<I64Attr>:$cost,
                       OptionalAttr<I64Attr>:$sequential_cost,
                       OptionalAttr<I64Attr>:$seed);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $sym_name `for` $network `target` $target attr-dict-with-keyword $body
  }];
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::Block *getBodyBlock() { return &getBody().front(); }
    /// PEs of the whole machine.
    int64_t getMachinePes() {
      return int64_t(getChipsX()) * int64_t(getChipsY()) *
             int64_t(getPesPerChip());
    }
    ::llvm::iterator_range<::mlir::Block::op_iterator<SliceOp>> getSlices();
    ::llvm::iterator_range<::mlir::Block::op_iterator<RouterOp>> getRouters();
  }];
}

def NMC_SliceOp : NMC_Op<"slice", [HasParent<"MappingOp">]> {
  let summary = "a contiguous range of one population's neurons on one PE";
  let description = [{
    Neurons `[lo, hi)` of population `population` (its name in the
    `snn.network`), the `index`-th slice of that population, whose synaptic
    rows, neuron state and ring buffers take `memory_bytes` of the PE's
    memory. `pe` is the PE's global index, or -1 before placement; a placed
    slice also names the PE's `chip` (`[x, y]`) and `qpe` (its quad-PE group
    on the chip). After routing, neuron `k` of the slice (0 .. hi - lo - 1)
    sends spikes with the multicast key `key | k`, and `mask` keeps the key's
    bits above the neuron number.

    On a machine of 4 PEs per chip in QPEs of 2:

    ```mlir
    nmc.slice "hidden"[1] neurons [4, 7) bytes 640 unplaced
    nmc.slice "hidden"[1] neurons [4, 7) bytes 640 pe 3 chip [0, 0] qpe 1
        key 0x00000004 mask 0xfffffffc
    ```
  }];
  let arguments = (ins StrAttr:$population,
                       I64Attr:$index,
                       I64Attr:$lo,
                       I64Attr:$hi,
                       I64Attr:$memory_bytes,
                       I64Attr:$pe,
                       OptionalAttr<DenseI64ArrayAttr>:$chip,
                       OptionalAttr<I64Attr>:$qpe,
                       OptionalAttr<I64Attr>:$key,
                       OptionalAttr<I64Attr>:$mask);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    MappingOp getMapping() { return ::llvm::cast<MappingOp>((*this)->getParentOp()); }
    // The I64Attr getters return uint64_t; these keep the sign.
    int64_t getLoValue() { return getLoAttr().getInt(); }
    int64_t getHiValue() { return getHiAttr().getInt(); }
    int64_t getPeValue() { return getPeAttr().getInt(); }
    int64_t getNeurons() { return getHiValue() - getLoValue(); }
    bool isPlaced() { return getPeValue() >= 0; }
    /// "slice "hidden"[2]": how diagnostics name a slice.
    std::string describe();
  }];
}

def NMC_RouterOp : NMC_Op<"router", [HasParent<"MappingOp">]> {
  let summary = "the multicast routing table of one chip";
  let description = [{
    The table of the router of chip `chip` (`[x, y]`), in priority order: a
    packet with key K takes the first entry i with `(K & masks[i]) ==
    keys[i]` and is copied to every link in the bit mask `links[i]` (bit 0
    E, 1 NE, 2 N, 3 W, 4 SW, 5 S) and every PE of the chip listed in
    `pes[i]` (by index on the chip). A packet no entry matches keeps
    travelling in the direction it arrived in (default routing).
    `entries_before` is the number of entries before table compression.

    ```mlir
    nmc.router chip [0, 0] entries_before 5 [
      key 0x00000004 mask 0xfffffffc links [E] pes [3],
      key 0x00000008 mask 0xfffffffc links [] pes [2, 3],
      key 0x00000000 mask 0xffffffe8 links [E] pes [2, 3]
    ]
    ```
  }];
  let arguments = (ins DenseI64ArrayAttr:$chip,
                       DenseI64ArrayAttr:$keys,
                       DenseI64ArrayAttr:$masks,
                       DenseI64ArrayAttr:$links,
                       TypedArrayAttrBase<DenseI64ArrayAttr,
                           "one array of chip-local PEs per entry">:$pes,
                       I64Attr:$entries_before);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    MappingOp getMapping() { return ::llvm::cast<MappingOp>((*this)->getParentOp()); }
    size_t getNumEntries() { return getKeys().size(); }
  }];
}

#endif // SNC_DIALECTS_NMC_NMCOPS_TD
