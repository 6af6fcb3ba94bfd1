// RUN: snc-opt %s -split-input-file -verify-diagnostics

// The verifiers of nmc.mapping, nmc.slice and nmc.router. The machine: 2 x 2
// chips of 4 PEs (2 QPEs of 2), 4 neurons and 4096 bytes per PE, 2 router
// entries.

// A slice holds at least one neuron.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op needs 0 <= lo < hi, but has neurons [0, 0)}}
  nmc.slice "x"[0] neurons [0, 0) bytes 16 unplaced
}

// -----

// A slice fits a PE's neurons...
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op has 5 neurons, a PE runs at most 4}}
  nmc.slice "x"[0] neurons [0, 5) bytes 16 unplaced
}

// -----

// ... and its memory.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op needs 5000 bytes, a PE has 4096}}
  nmc.slice "x"[0] neurons [0, 4) bytes 5000 unplaced
}

// -----

// PEs are numbered 0 .. chips x PEs per chip - 1.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op is on PE 16, but the machine's PEs are 0..15 (or -1: not placed)}}
  nmc.slice "x"[0] neurons [0, 4) bytes 16 pe 16
}

// -----

// chip spells out where the PE is: PE 5 is the second PE of chip (1, 0).
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op 'chip' must be [1, 0], the chip of PE 5}}
  nmc.slice "x"[0] neurons [0, 4) bytes 16 pe 5 chip [0, 1] qpe 0
}

// -----

// So does qpe: PE 7 is on chip (1, 0), in its second QPE.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op 'qpe' must be 1, the QPE of PE 7}}
  nmc.slice "x"[0] neurons [0, 4) bytes 16 pe 7 chip [1, 0] qpe 0
}

// -----

// An unplaced slice has no chip.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op names a chip or QPE but no PE}}
  "nmc.slice"() <{population = "x", index = 0 : i64, lo = 0 : i64, hi = 4 : i64, memory_bytes = 16 : i64, pe = -1 : i64, chip = array<i64: 0, 0>}> : () -> ()
}

// -----

// Keys come with masks.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op needs both 'key' and 'mask', or neither}}
  nmc.slice "x"[0] neurons [0, 4) bytes 16 pe 0 key 0x10
}

// -----

// The mask leaves the low bits to the neuron number; the key has none of them.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op 'key' 0x00000011 has bits outside 'mask' 0xfffffffc}}
  nmc.slice "x"[0] neurons [0, 4) bytes 16 pe 0 key 0x11 mask 0xfffffffc
}

// -----

// Four neurons need two bits of neuron number.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op 'mask' 0xfffffffe leaves 2 keys for 4 neurons}}
  nmc.slice "x"[0] neurons [0, 4) bytes 16 pe 0 key 0x10 mask 0xfffffffe
}

// -----

// A slice's mask is ones above zeros.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op 'mask' 0xfffffff3 is not ones above zeros}}
  nmc.slice "x"[0] neurons [0, 4) bytes 16 pe 0 key 0x10 mask 0xfffffff3
}

// -----

// Keys are 32-bit words.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op 'key' and 'mask' must be 32-bit words, not 4294967296}}
  nmc.slice "x"[0] neurons [0, 4) bytes 16 pe 0 key 0x100000000 mask 0xfffffffc
}

// -----

// The slices of a population come in order...
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op does not follow slice 0 of population "x"}}
  nmc.slice "x"[1] neurons [0, 4) bytes 16 unplaced
}

// -----

// ... and cut it into consecutive ranges from neuron 0.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  nmc.slice "x"[0] neurons [0, 2) bytes 16 unplaced
  // expected-error @+1 {{'nmc.slice' op starts at neuron 3, expected 2}}
  nmc.slice "x"[1] neurons [3, 4) bytes 16 unplaced
}

// -----

// Populations start at neuron 0.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.slice' op starts at neuron 1, expected 0}}
  nmc.slice "x"[0] neurons [1, 4) bytes 16 unplaced
}

// -----

// A PE runs one slice.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  nmc.slice "x"[0] neurons [0, 2) bytes 16 pe 3
  // expected-error @+1 {{'nmc.slice' op is on PE 3, which already runs slice "x"[0]}}
  nmc.slice "x"[1] neurons [2, 4) bytes 16 pe 3
}

// -----

// The mapping names an existing snn.network.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
// expected-error @+1 {{'nmc.mapping' op 'network' does not name an snn.network: @nothing}}
nmc.mapping @m for @nothing target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
}

// -----

// A chip is a whole number of QPEs.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
// expected-error @+1 {{'nmc.mapping' op 'pes_per_chip' (4) is not a multiple of 'pes_per_qpe' (3)}}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 3 : i64, router_entries = 2 : i64} {
}

// -----

// The mesh has at least one chip each way.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
// expected-error @+1 {{'nmc.mapping' op 'chips_x' must be at least 1, but is 0}}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 0 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
}

// -----

// A mapping holds slices and routers only.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'builtin.module' op is not allowed in an nmc.mapping (only nmc.slice and nmc.router are)}}
  builtin.module {}
}

// -----

// Slices live in mappings.
// expected-error @+1 {{'nmc.slice' op expects parent op 'nmc.mapping'}}
nmc.slice "x"[0] neurons [0, 4) bytes 16 unplaced

// -----

// Routers are on chips of the mesh.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.router' op is on chip (2, 0), outside the 2 x 2 mesh}}
  nmc.router chip [2, 0] entries_before 0 []
}

// -----

// One router per chip.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  nmc.router chip [1, 1] entries_before 0 []
  // expected-error @+1 {{'nmc.router' op is the second router of chip (1, 1)}}
  nmc.router chip [1, 1] entries_before 0 []
}

// -----

// Every entry has a key, a mask, links and PEs.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.router' op has 2 keys, 1 masks, 2 link sets and 2 PE sets; each entry needs one of each}}
  "nmc.router"() <{chip = array<i64: 0, 0>, entries_before = 2 : i64, keys = array<i64: 0, 4>, masks = array<i64: -4>, links = array<i64: 1, 1>, pes = [array<i64>, array<i64>]}> : () -> ()
}

// -----

// A router entry's key has no bits outside its mask.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.router' op entry 0: key 0x00000005 has bits outside its mask 0xfffffffc}}
  nmc.router chip [0, 0] entries_before 1 [
    key 0x5 mask 0xfffffffc links [E] pes []
  ]
}

// -----

// Local PEs are those of the chip...
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.router' op entry 0: PE 4 is not on the chip (0..3)}}
  nmc.router chip [0, 0] entries_before 1 [
    key 0x0 mask 0xfffffffc links [] pes [4]
  ]
}

// -----

// ... listed once each, in order.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.router' op entry 0: PEs must be ascending and distinct}}
  nmc.router chip [0, 0] entries_before 1 [
    key 0x0 mask 0xfffffffc links [] pes [2, 1]
  ]
}

// -----

// An entry sends its packets somewhere.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.router' op entry 0 routes nowhere}}
  nmc.router chip [0, 0] entries_before 1 [
    key 0x0 mask 0xfffffffc links [] pes []
  ]
}

// -----

// Six links: a seventh bit names none.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.router' op entry 0: links 64 is not a set of the 6 links}}
  "nmc.router"() <{chip = array<i64: 0, 0>, entries_before = 1 : i64, keys = array<i64: 0>, masks = array<i64: 4294967292>, links = array<i64: 64>, pes = [array<i64>]}> : () -> ()
}

// -----

// The table holds router_entries (here 2) entries.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  // expected-error @+1 {{'nmc.router' op has 3 entries, the table holds 2}}
  nmc.router chip [0, 0] entries_before 3 [
    key 0x0 mask 0xfffffffc links [E] pes [],
    key 0x4 mask 0xfffffffc links [N] pes [],
    key 0x8 mask 0xfffffffc links [S] pes []
  ]
}

// -----

// Links are named E, NE, N, W, SW and S.
snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}
nmc.mapping @m for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 4 : i64, pes_per_qpe = 2 : i64, router_entries = 2 : i64} {
  nmc.router chip [0, 0] entries_before 1 [
    // expected-error @+1 {{unknown link 'X' (expected E, NE, N, W, SW or S)}}
    key 0x0 mask 0xfffffffc links [X] pes []
  ]
}
