//===- NetlistVerilog.h - SFQ netlists as structural Verilog ----*- C++ -*-===//
//
// The SFQ backend's netlist file: one Verilog module instantiating the
// cell library's cells by name (JTL, SPLIT, ..., NEURON with its weights
// and threshold as parameters), every cell an instance named as in the
// netlist, every connection a wire named after the output pin that drives
// it. The converters are instances too; the module's ports are their pads
// (`pad_<cell>`). `snc simulate` reads the file back with readVerilog, so
// what is simulated is what was written. The reader takes the subset the
// writer produces (and any reformatting of it) and names the line of
// anything else. Plain C++, no LLVM.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_SFQ_NETLISTVERILOG_H
#define SNC_RUNTIME_SFQ_NETLISTVERILOG_H

#include "runtime/sfq/Netlist.h"

#include <string>

namespace snc::runtime::sfq {

/// The module `moduleName` for `netlist`; `header` lines go first as
/// comments.
std::string writeVerilog(const Netlist &netlist, const std::string &moduleName,
                         const std::string &header);

/// Parses a module written by writeVerilog into `netlist`. Returns false
/// with `error` ("<file>:<line>: ...") on anything else; the netlist may
/// still fail validate() (fan-out, unknown cells), which the caller checks.
bool readVerilog(const std::string &text, const std::string &fileName,
                 Netlist &netlist, std::string &error);

/// The Verilog name of a cell or net: itself if it is a plain identifier,
/// otherwise an escaped identifier ("\fc1.3 ").
std::string verilogIdentifier(const std::string &name);

} // namespace snc::runtime::sfq

#endif // SNC_RUNTIME_SFQ_NETLISTVERILOG_H
