//===- CellLibrary.cpp - timing and size of SFQ cells ---------------------===//

#include "runtime/sfq/CellLibrary.h"

namespace snc::runtime::sfq {

int64_t CellLibrary::junctions(const Netlist &netlist, uint32_t cell) const {
  const Cell &c = netlist.cell(cell);
  if (c.kind == CellKind::Neuron)
    return jjPerNeuronCore +
           jjPerNeuronInput * static_cast<int64_t>(c.neuron.weights.size());
  return timing(c.kind).junctions;
}

int64_t CellLibrary::junctions(const Netlist &netlist) const {
  int64_t total = 0;
  for (uint32_t c = 0; c < netlist.numCells(); ++c)
    total += junctions(netlist, c);
  return total;
}

std::array<int64_t, kNumCellKinds>
CellLibrary::junctionsByKind(const Netlist &netlist) const {
  std::array<int64_t, kNumCellKinds> byKind{};
  for (uint32_t c = 0; c < netlist.numCells(); ++c)
    byKind[static_cast<unsigned>(netlist.cell(c).kind)] +=
        junctions(netlist, c);
  return byKind;
}

bool loadCellLibrary(const std::map<std::string, int64_t> &capacity,
                     CellLibrary &library, std::string &error) {
  // The capacity field prefix of each cell kind (converters have none).
  struct Entry {
    CellKind kind;
    const char *field;
  };
  const Entry entries[] = {
      {CellKind::JTL, "jtl"},      {CellKind::Split, "splitter"},
      {CellKind::Merge, "merger"}, {CellKind::DFF, "dff"},
      {CellKind::NDRO, "ndro"},    {CellKind::And2, "and2"},
      {CellKind::Or2, "or2"},      {CellKind::Xor, "xor"},
      {CellKind::Not, "not"},      {CellKind::Neuron, "neuron"}};
  std::string missing;
  auto read = [&](const std::string &field, int64_t &into) {
    auto it = capacity.find(field);
    if (it == capacity.end()) {
      missing += (missing.empty() ? "" : ", ") + field;
      return;
    }
    into = it->second;
  };
  CellLibrary result;
  for (const Entry &e : entries) {
    CellTiming &t = result.timing(e.kind);
    std::string prefix = e.field;
    read(prefix + "_delay_fs", t.delayFs);
    if (isClocked(e.kind)) {
      read(prefix + "_setup_fs", t.setupFs);
      read(prefix + "_hold_fs", t.holdFs);
    }
    if (e.kind != CellKind::Neuron)
      read("jj_per_" + prefix, t.junctions);
  }
  read("merger_min_separation_fs", result.mergerMinSeparationFs);
  read("neuron_min_separation_fs", result.neuronMinSeparationFs);
  read("jj_per_neuron_input", result.jjPerNeuronInput);
  read("jj_per_neuron_core", result.jjPerNeuronCore);
  if (!missing.empty()) {
    error = "the SFQ target's capacity lacks " + missing;
    return false;
  }
  library = result;
  return true;
}

} // namespace snc::runtime::sfq
