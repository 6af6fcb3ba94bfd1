// RUN: snc-opt %s | FileCheck %s
// RUN: snc-opt %s | snc-opt | FileCheck %s
// RUN: snc-opt %s --mlir-print-op-generic | snc-opt | FileCheck %s

// The custom forms of nmc.mapping, nmc.slice and nmc.router survive
// printing and parsing, and so does the generic form.

snn.network @net(%x: tensor<4xi1>) -> (y: tensor<4xi1>) {
  snn.output %x : tensor<4xi1>
}

// CHECK-LABEL: nmc.mapping @net_mapping for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, cost = 12 : i64, lower_bound = 3 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 8 : i64, pes_per_qpe = 4 : i64, router_entries = 16 : i64, seed = 1 : i64, sequential_cost = 16 : i64} {
// CHECK-NEXT: nmc.slice "x"[0] neurons [0, 2) bytes 80 pe 0 chip [0, 0] qpe 0 key 0x00000000 mask 0xfffffffe
// CHECK-NEXT: nmc.slice "x"[1] neurons [2, 4) bytes 80 pe 13 chip [1, 0] qpe 1 key 0x00000002 mask 0xfffffffe
// CHECK-NEXT: nmc.slice "out"[0] neurons [0, 3) bytes 512 pe 31 chip [1, 1] qpe 1 key 0x00000004 mask 0xfffffffc
// CHECK-NEXT: nmc.router chip [0, 0] entries_before 2 [
// CHECK-NEXT:   key 0x00000000 mask 0xfffffffe links [NE] pes [],
// CHECK-NEXT:   key 0x00000004 mask 0xfffffffc links [] pes [1, 3]
// CHECK-NEXT: ]
// CHECK-NEXT: nmc.router chip [1, 1] entries_before 0 []
// CHECK-NEXT: }
nmc.mapping @net_mapping for @net target "tiny" attributes {chips_x = 2 : i64, chips_y = 2 : i64, cost = 12 : i64, lower_bound = 3 : i64, memory_bytes_per_pe = 4096 : i64, neurons_per_pe = 4 : i64, pes_per_chip = 8 : i64, pes_per_qpe = 4 : i64, router_entries = 16 : i64, seed = 1 : i64, sequential_cost = 16 : i64} {
  nmc.slice "x"[0] neurons [0, 2) bytes 80 pe 0 chip [0, 0] qpe 0 key 0x0 mask 0xfffffffe
  nmc.slice "x"[1] neurons [2, 4) bytes 80 pe 13 chip [1, 0] qpe 1 key 2 mask 4294967294
  nmc.slice "out"[0] neurons [0, 3) bytes 512 pe 31 chip [1, 1] qpe 1 key 0x4 mask 0xfffffffc
  nmc.router chip [0, 0] entries_before 2 [
    key 0x0 mask 0xfffffffe links [NE] pes [],
    key 0x4 mask 0xfffffffc links [] pes [1, 3]
  ]
  nmc.router chip [1, 1] entries_before 0 []
}

// Before placement a slice names no PE (pe = -1 in the generic form), and
// a mapping may be empty.
// CHECK-LABEL: nmc.mapping @unplaced for @net target "spinnaker2"
// CHECK-NEXT: nmc.slice "x"[0] neurons [0, 4) bytes 160 unplaced
// CHECK-NEXT: nmc.slice "out"[0] neurons [0, 3) bytes 600 unplaced {note = "kept"}
// CHECK-NEXT: }
nmc.mapping @unplaced for @net target "spinnaker2" attributes {chips_x = 1 : i64, chips_y = 1 : i64, lower_bound = 2 : i64, memory_bytes_per_pe = 98304 : i64, neurons_per_pe = 250 : i64, pes_per_chip = 152 : i64, pes_per_qpe = 4 : i64, router_entries = 16384 : i64} {
  nmc.slice "x"[0] neurons [0, 4) bytes 160 unplaced
  nmc.slice "out"[0] neurons [0, 3) bytes 600 unplaced {note = "kept"}
}
// CHECK-LABEL: nmc.mapping @empty for @net
// CHECK-NEXT: {{^ *}}}{{$}}
nmc.mapping @empty for @net target "spinnaker2" attributes {chips_x = 1 : i64, chips_y = 1 : i64, lower_bound = 0 : i64, memory_bytes_per_pe = 98304 : i64, neurons_per_pe = 250 : i64, pes_per_chip = 152 : i64, pes_per_qpe = 4 : i64, router_entries = 16384 : i64} {
}
