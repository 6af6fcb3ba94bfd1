//===- JosimDeck.h - SFQ netlists as JoSIM SPICE decks ----------*- C++ -*-===//
//
// The same netlist as NetlistVerilog.h, as a deck for the JoSIM
// superconducting circuit simulator: one subcircuit instance per cell, in
// JoSIM's (JSIM's) order `X<label> <subcircuit> <nodes>`, nodes named after
// the output pin that drives them. Cells are referenced by name only (JTL,
// SPLIT, ..., NEURON_K<ports>): their definitions come from the cell library
// (RSFQlib for sfq-rsfq) and are included by whoever runs the deck, as are
// the input and clock sources. A neuron's weights and threshold, which set
// its bias currents, are in the comment above it. Plain C++, no LLVM.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_SFQ_JOSIMDECK_H
#define SNC_RUNTIME_SFQ_JOSIMDECK_H

#include "runtime/sfq/Netlist.h"

#include <cstdint>
#include <string>

namespace snc::runtime::sfq {

/// The deck; `header` lines go first as comments, `.tran` covers `cycles`
/// periods of `periodFs`.
std::string writeJosimDeck(const Netlist &netlist, const std::string &header,
                           int64_t periodFs, int64_t cycles);

} // namespace snc::runtime::sfq

#endif // SNC_RUNTIME_SFQ_JOSIMDECK_H
