//===- JosimDeck.cpp - SFQ netlists as JoSIM SPICE decks ------------------===//

#include "runtime/sfq/JosimDeck.h"

#include <cctype>
#include <cstdio>
#include <sstream>
#include <vector>

namespace snc::runtime::sfq {

namespace {

/// A JoSIM name: letters, digits and '_' kept, anything else '_'; a name
/// that changed gets `unique` appended so two cannot meet.
std::string josimName(const std::string &name, uint64_t unique) {
  std::string out;
  bool changed = false;
  for (char c : name) {
    bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    out += keep ? c : '_';
    changed |= !keep;
  }
  return changed || out.empty() ? out + "_" + std::to_string(unique) : out;
}

std::string ps(int64_t fs) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.3fp", double(fs) / 1000);
  return text;
}

} // namespace

std::string writeJosimDeck(const Netlist &netlist, const std::string &header,
                           int64_t periodFs, int64_t cycles) {
  std::ostringstream os;
  std::istringstream lines(header);
  for (std::string line; std::getline(lines, line);)
    os << "* " << line << "\n";
  const std::vector<int64_t> &sinks = netlist.outputSinks();
  // Node of each input slot: the net of the output driving it.
  std::vector<std::string> inputNode(netlist.numInputSlots());
  std::vector<std::string> cellName(netlist.numCells());
  for (uint32_t c = 0; c < netlist.numCells(); ++c)
    cellName[c] = josimName(netlist.cell(c).name, c);
  auto outputNode = [&](uint32_t c, unsigned p) {
    return cellName[c] + "_" + netlist.outputName(c, p);
  };
  for (uint32_t c = 0; c < netlist.numCells(); ++c)
    for (unsigned p = 0; p < netlist.numOutputs(c); ++p)
      if (int64_t in = sinks[netlist.outputBase(c) + p]; in >= 0)
        inputNode[size_t(in)] = outputNode(c, p);
  for (uint32_t c = 0; c < netlist.numCells(); ++c) {
    const Cell &cell = netlist.cell(c);
    std::string subcircuit = cellKindName(cell.kind);
    if (cell.kind == CellKind::Neuron) {
      const NeuronParams &n = cell.neuron;
      subcircuit += "_K" + std::to_string(n.weights.size());
      os << "* " << cell.name << ": weights";
      for (int64_t w : n.weights)
        os << " " << w;
      os << ", threshold " << n.threshold << ", " << n.stateBits
         << "-bit state\n";
    }
    os << "X" << cellName[c] << " " << subcircuit;
    if (cell.kind == CellKind::DCSFQ)
      os << " pad_" << cellName[c];
    for (unsigned p = 0; p < netlist.numInputs(c); ++p) {
      const std::string &node = inputNode[netlist.inputBase(c) + p];
      // An unconnected input gets a node of its own.
      os << " "
         << (node.empty() ? cellName[c] + "_" + netlist.inputName(c, p) + "_nc"
                          : node);
    }
    for (unsigned p = 0; p < netlist.numOutputs(c); ++p)
      os << " " << outputNode(c, p);
    if (cell.kind == CellKind::SFQDC)
      os << " pad_" << cellName[c];
    os << "\n";
  }
  os << ".tran 0.25p " << ps(periodFs * cycles) << " 0 0.25p\n";
  os << ".end\n";
  return os.str();
}

} // namespace snc::runtime::sfq
