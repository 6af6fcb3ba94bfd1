//===- Netlist.cpp - SFQ cell netlists ------------------------------------===//

#include "runtime/sfq/Netlist.h"

#include <map>

namespace snc::runtime::sfq {

namespace {
const char *const kKindNames[kNumCellKinds] = {
    "JTL", "SPLIT", "MERGE", "DFF",   "NDRO",  "AND2",
    "OR2", "XOR",   "NOT",   "DCSFQ", "SFQDC", "NEURON"};

/// Inputs of a cell kind (a neuron: its ports plus the clock).
unsigned kindInputs(const Cell &c) {
  switch (c.kind) {
  case CellKind::JTL:
  case CellKind::Split:
  case CellKind::SFQDC:
    return 1;
  case CellKind::Merge:
  case CellKind::DFF:
  case CellKind::Not:
    return 2;
  case CellKind::NDRO:
  case CellKind::And2:
  case CellKind::Or2:
  case CellKind::Xor:
    return 3;
  case CellKind::DCSFQ:
    return 0;
  case CellKind::Neuron:
    return static_cast<unsigned>(c.neuron.weights.size()) + 1;
  }
  return 0;
}

unsigned kindOutputs(const Cell &c) {
  if (!c.unknownType.empty())
    return 0;
  switch (c.kind) {
  case CellKind::Split:
    return 2;
  case CellKind::SFQDC:
    return 0;
  default:
    return 1;
  }
}
} // namespace

const char *cellKindName(CellKind kind) {
  return kKindNames[static_cast<unsigned>(kind)];
}

std::optional<CellKind> cellKindFromName(const std::string &name) {
  for (unsigned k = 0; k < kNumCellKinds; ++k)
    if (name == kKindNames[k])
      return static_cast<CellKind>(k);
  return std::nullopt;
}

bool isClocked(CellKind kind) {
  switch (kind) {
  case CellKind::DFF:
  case CellKind::NDRO:
  case CellKind::And2:
  case CellKind::Or2:
  case CellKind::Xor:
  case CellKind::Not:
  case CellKind::Neuron:
    return true;
  default:
    return false;
  }
}

uint32_t Netlist::append(Cell cell) {
  uint32_t index = static_cast<uint32_t>(cells.size());
  unsigned ins = cell.unknownType.empty() ? kindInputs(cell) : 0;
  unsigned outs = kindOutputs(cell);
  inputBases.push_back(inputCount);
  outputBases.push_back(static_cast<uint32_t>(sinks.size()));
  inputCount += ins;
  drivers.resize(inputCount, -1);
  driverCounts.resize(inputCount, 0);
  sinks.resize(sinks.size() + outs, -1);
  sinkCounts.resize(sinks.size(), 0);
  cells.push_back(std::move(cell));
  return index;
}

uint32_t Netlist::addCell(CellKind kind, std::string name) {
  Cell c;
  c.kind = kind;
  c.name = std::move(name);
  return append(std::move(c));
}

uint32_t Netlist::addNeuron(std::string name, NeuronParams params) {
  Cell c;
  c.kind = CellKind::Neuron;
  c.name = std::move(name);
  c.neuron = std::move(params);
  return append(std::move(c));
}

uint32_t Netlist::addCell(const std::string &typeName, std::string name) {
  Cell c;
  c.name = std::move(name);
  if (std::optional<CellKind> kind = cellKindFromName(typeName))
    c.kind = *kind;
  else
    c.unknownType = typeName.empty() ? "<empty>" : typeName;
  return append(std::move(c));
}

unsigned Netlist::numInputs(uint32_t cell) const {
  uint32_t end = cell + 1 < cells.size() ? inputBases[cell + 1] : inputCount;
  return end - inputBases[cell];
}

unsigned Netlist::numOutputs(uint32_t cell) const {
  uint32_t end = cell + 1 < cells.size() ? outputBases[cell + 1]
                                         : static_cast<uint32_t>(sinks.size());
  return end - outputBases[cell];
}

std::string Netlist::inputName(uint32_t cell, unsigned pin) const {
  const Cell &c = cells[cell];
  if (isClocked(c.kind) && pin + 1 == numInputs(cell))
    return "clk";
  switch (c.kind) {
  case CellKind::DFF:
    return "d";
  case CellKind::NDRO:
    return pin == 0 ? "set" : "reset";
  case CellKind::Merge:
  case CellKind::And2:
  case CellKind::Or2:
  case CellKind::Xor:
    return pin == 0 ? "a" : "b";
  case CellKind::Neuron:
    return "in" + std::to_string(pin);
  default:
    return "a";
  }
}

std::string Netlist::outputName(uint32_t cell, unsigned pin) const {
  if (cells[cell].kind == CellKind::Split)
    return "q" + std::to_string(pin);
  return "q";
}

void Netlist::connect(Pin from, Pin to) {
  auto pinText = [&](Pin p, bool input) {
    std::string text = "pin " + std::to_string(p.pin) + " of cell ";
    return text +
           (p.cell < cells.size() ? "'" + cells[p.cell].name + "'"
                                  : std::to_string(p.cell)) +
           (input ? " (input)" : " (output)");
  };
  if (from.cell >= cells.size() || from.pin >= numOutputs(from.cell)) {
    connectErrors.push_back("connection from a missing " +
                            pinText(from, false));
    return;
  }
  if (to.cell >= cells.size() || to.pin >= numInputs(to.cell)) {
    connectErrors.push_back("connection to a missing " + pinText(to, true));
    return;
  }
  uint32_t out = outputBases[from.cell] + from.pin;
  uint32_t in = inputBases[to.cell] + to.pin;
  if (sinkCounts[out]++ == 0)
    sinks[out] = in;
  if (driverCounts[in]++ == 0)
    drivers[in] = out;
}

std::optional<uint32_t> Netlist::findCell(const std::string &name) const {
  for (uint32_t i = 0; i < cells.size(); ++i)
    if (cells[i].name == name)
      return i;
  return std::nullopt;
}

std::optional<Pin> Netlist::sinkOf(Pin output) const {
  int64_t in = sinks[outputBases[output.cell] + output.pin];
  if (in < 0)
    return std::nullopt;
  for (uint32_t c = 0; c < cells.size(); ++c)
    if (in >= inputBases[c] && in < inputBases[c] + numInputs(c))
      return Pin{c, static_cast<uint32_t>(in - inputBases[c])};
  return std::nullopt;
}

std::optional<Pin> Netlist::driverOf(Pin input) const {
  int64_t out = drivers[inputBases[input.cell] + input.pin];
  if (out < 0)
    return std::nullopt;
  for (uint32_t c = 0; c < cells.size(); ++c)
    if (out >= outputBases[c] && out < outputBases[c] + numOutputs(c))
      return Pin{c, static_cast<uint32_t>(out - outputBases[c])};
  return std::nullopt;
}

std::vector<std::string> Netlist::validate() const {
  std::vector<std::string> errors = connectErrors;
  std::map<std::string, uint32_t> names;
  for (uint32_t c = 0; c < cells.size(); ++c) {
    const Cell &cell = cells[c];
    std::string what = "cell '" + cell.name + "' (" +
                       (cell.unknownType.empty() ? cellKindName(cell.kind)
                                                 : cell.unknownType) +
                       ")";
    if (cell.name.empty())
      errors.push_back("cell " + std::to_string(c) + " has no instance name");
    else if (!names.emplace(cell.name, c).second)
      errors.push_back(what + ": instance name used twice");
    if (!cell.unknownType.empty()) {
      errors.push_back(what + ": unknown cell type '" + cell.unknownType + "'");
      continue;
    }
    if (cell.kind == CellKind::Neuron) {
      const NeuronParams &n = cell.neuron;
      if (n.weights.empty())
        errors.push_back(what + ": a neuron needs at least one input port");
      if (n.stateBits < 2 || n.stateBits > 62)
        errors.push_back(what + ": state_bits " + std::to_string(n.stateBits) +
                         " is outside 2..62");
    }
    for (unsigned p = 0; p < numOutputs(c); ++p) {
      uint32_t count = sinkCounts[outputBases[c] + p];
      if (count != 1)
        errors.push_back(what + ": output " + outputName(c, p) + " drives " +
                         std::to_string(count) +
                         " inputs; it must drive exactly one (fan-out needs "
                         "splitters)");
    }
    for (unsigned p = 0; p < numInputs(c); ++p) {
      uint32_t count = driverCounts[inputBases[c] + p];
      bool clock = isClocked(cell.kind) && p + 1 == numInputs(c);
      if (count > 1)
        errors.push_back(what + ": input " + inputName(c, p) + " is driven " +
                         std::to_string(count) +
                         " times; it may be driven at most once (fan-in needs "
                         "mergers)");
      else if (clock && count == 0)
        errors.push_back(what + ": clock pin clk is not connected");
    }
  }
  return errors;
}

std::vector<Pin> addSplitterTree(Netlist &netlist, Pin source, unsigned count,
                                 const std::string &prefix) {
  std::vector<Pin> leaves;
  unsigned next = 0;
  // Splits `from` into `n` leaves: halves of sizes ceil(n/2) and floor(n/2),
  // so with a power of two every leaf is the same number of splitters deep.
  auto grow = [&](auto &self, Pin from, unsigned n) -> void {
    if (n <= 1) {
      if (n == 1)
        leaves.push_back(from);
      return;
    }
    uint32_t split =
        netlist.addCell(CellKind::Split, prefix + std::to_string(next++));
    netlist.connect(from, {split, 0});
    self(self, Pin{split, 0}, n - n / 2);
    self(self, Pin{split, 1}, n / 2);
  };
  grow(grow, source, count);
  return leaves;
}

} // namespace snc::runtime::sfq
