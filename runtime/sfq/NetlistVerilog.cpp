//===- NetlistVerilog.cpp - SFQ netlists as structural Verilog ------------===//

#include "runtime/sfq/NetlistVerilog.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <sstream>

namespace snc::runtime::sfq {

namespace {

const char *resetName(ResetMode mode) {
  switch (mode) {
  case ResetMode::ToValue:
    return "to_value";
  case ResetMode::Subtract:
    return "subtract";
  case ResetMode::None:
    return "none";
  }
  return "to_value";
}

bool isPlain(const std::string &name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])) ||
      name[0] == '$')
    return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '$')
      return false;
  return true;
}

/// A whole decimal integer in range.
bool parseInteger(const std::string &text, int64_t &value) {
  if (text.empty())
    return false;
  errno = 0;
  char *end = nullptr;
  long long parsed = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || end != text.c_str() + text.size())
    return false;
  value = parsed;
  return true;
}

/// The pad port of a converter cell.
std::string padName(const std::string &cell) { return "pad_" + cell; }

} // namespace

std::string verilogIdentifier(const std::string &name) {
  return isPlain(name) ? name : "\\" + name + " ";
}

std::string writeVerilog(const Netlist &netlist, const std::string &moduleName,
                         const std::string &header) {
  std::ostringstream os;
  std::istringstream lines(header);
  for (std::string line; std::getline(lines, line);)
    os << "// " << line << "\n";
  auto net = [&](uint32_t cell, unsigned pin) {
    return verilogIdentifier(netlist.cell(cell).name + "__" +
                             netlist.outputName(cell, pin));
  };
  std::vector<std::string> inputs, outputs;
  for (uint32_t c = 0; c < netlist.numCells(); ++c) {
    CellKind kind = netlist.cell(c).kind;
    if (kind == CellKind::DCSFQ)
      inputs.push_back(verilogIdentifier(padName(netlist.cell(c).name)));
    if (kind == CellKind::SFQDC)
      outputs.push_back(verilogIdentifier(padName(netlist.cell(c).name)));
  }
  os << "module " << verilogIdentifier(moduleName) << " (";
  bool first = true;
  for (const auto *list : {&inputs, &outputs})
    for (const std::string &port : *list) {
      os << (first ? "" : ", ") << port;
      first = false;
    }
  os << ");\n";
  for (const std::string &port : inputs)
    os << "  input " << port << ";\n";
  for (const std::string &port : outputs)
    os << "  output " << port << ";\n";
  const std::vector<int64_t> &sinks = netlist.outputSinks();
  // The output driving each input slot (Netlist::driverOf searches).
  std::vector<Pin> driver(netlist.numInputSlots(), Pin{~0u, 0});
  for (uint32_t c = 0; c < netlist.numCells(); ++c)
    for (unsigned p = 0; p < netlist.numOutputs(c); ++p)
      if (int64_t in = sinks[netlist.outputBase(c) + p]; in >= 0)
        driver[size_t(in)] = {c, p};
  for (uint32_t c = 0; c < netlist.numCells(); ++c)
    for (unsigned p = 0; p < netlist.numOutputs(c); ++p)
      if (sinks[netlist.outputBase(c) + p] >= 0)
        os << "  wire " << net(c, p) << ";\n";

  for (uint32_t c = 0; c < netlist.numCells(); ++c) {
    const Cell &cell = netlist.cell(c);
    os << "  " << cellKindName(cell.kind);
    if (cell.kind == CellKind::Neuron) {
      const NeuronParams &n = cell.neuron;
      std::string weights;
      for (int64_t w : n.weights)
        weights += (weights.empty() ? "" : " ") + std::to_string(w);
      os << " #(.WEIGHTS(\"" << weights << "\"), .THRESHOLD(" << n.threshold
         << "), .STATE_BITS(" << n.stateBits << "), .RESET(\""
         << resetName(n.reset) << "\"), .V_RESET(" << n.vReset << "), .V_INIT("
         << n.vInit << "))";
    }
    os << " " << verilogIdentifier(cell.name) << " (";
    std::vector<std::string> ports;
    if (cell.kind == CellKind::DCSFQ)
      ports.push_back(".pad(" + verilogIdentifier(padName(cell.name)) + ")");
    for (unsigned p = 0; p < netlist.numInputs(c); ++p) {
      Pin from = driver[netlist.inputBase(c) + p];
      ports.push_back(
          "." + netlist.inputName(c, p) + "(" +
          (from.cell != ~0u ? net(from.cell, from.pin) : std::string()) + ")");
    }
    for (unsigned p = 0; p < netlist.numOutputs(c); ++p)
      ports.push_back(
          "." + netlist.outputName(c, p) + "(" +
          (sinks[netlist.outputBase(c) + p] >= 0 ? net(c, p) : std::string()) +
          ")");
    if (cell.kind == CellKind::SFQDC)
      ports.push_back(".pad(" + verilogIdentifier(padName(cell.name)) + ")");
    for (size_t i = 0; i < ports.size(); ++i)
      os << (i ? ", " : "") << ports[i];
    os << ");\n";
  }
  os << "endmodule\n";
  return os.str();
}

namespace {

/// Tokens of the structural subset: identifiers (plain or escaped),
/// integers, strings and single punctuation characters.
struct Token {
  enum Kind { Identifier, Number, String, Punct, End } kind = End;
  std::string text;
  unsigned line = 0;
};

class Lexer {
public:
  Lexer(const std::string &text) : text(text) {}

  bool next(Token &token, std::string &error) {
    skipSpace();
    token = Token();
    token.line = line;
    if (pos >= text.size())
      return true;
    char c = text[pos];
    if (c == '\\') { // escaped identifier: up to white space
      size_t start = ++pos;
      while (pos < text.size() &&
             !std::isspace(static_cast<unsigned char>(text[pos])))
        ++pos;
      token.kind = Token::Identifier;
      token.text = text.substr(start, pos - start);
      return true;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t start = pos;
      while (pos < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[pos])) ||
              text[pos] == '_' || text[pos] == '$'))
        ++pos;
      token.kind = Token::Identifier;
      token.text = text.substr(start, pos - start);
      return true;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') {
      size_t start = pos++;
      while (pos < text.size() &&
             std::isdigit(static_cast<unsigned char>(text[pos])))
        ++pos;
      token.kind = Token::Number;
      token.text = text.substr(start, pos - start);
      if (token.text == "-") {
        error = "expected a number after '-'";
        return false;
      }
      return true;
    }
    if (c == '"') {
      size_t start = ++pos;
      while (pos < text.size() && text[pos] != '"' && text[pos] != '\n')
        ++pos;
      if (pos >= text.size() || text[pos] != '"') {
        error = "unterminated string";
        return false;
      }
      token.kind = Token::String;
      token.text = text.substr(start, pos - start);
      ++pos;
      return true;
    }
    if (std::string("();,.#").find(c) != std::string::npos) {
      token.kind = Token::Punct;
      token.text = std::string(1, c);
      ++pos;
      return true;
    }
    error = std::string("unexpected character '") + c + "'";
    return false;
  }

  unsigned currentLine() const { return line; }

private:
  void skipSpace() {
    while (pos < text.size()) {
      char c = text[pos];
      if (c == '\n') {
        ++line;
        ++pos;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        ++pos;
      } else if (text.compare(pos, 2, "//") == 0) {
        while (pos < text.size() && text[pos] != '\n')
          ++pos;
      } else if (text.compare(pos, 2, "/*") == 0) {
        size_t end = text.find("*/", pos + 2);
        for (size_t i = pos; i < std::min(end, text.size()); ++i)
          line += text[i] == '\n';
        pos = end == std::string::npos ? text.size() : end + 2;
      } else {
        return;
      }
    }
  }

  const std::string &text;
  size_t pos = 0;
  unsigned line = 1;
};

/// One instance as parsed: its type, name, parameters and port nets.
struct Instance {
  std::string type, name;
  unsigned line = 0;
  std::map<std::string, Token> params;
  std::vector<std::pair<std::string, std::string>> ports; // pin, net
};

class Parser {
public:
  Parser(const std::string &text, const std::string &file)
      : lexer(text), file(file) {}

  bool parse(Netlist &netlist, std::string &error) {
    if (!advance() || !expectWord("module") || !identifier(moduleName) ||
        !skipPortList())
      return fail(error);
    while (true) {
      if (current.kind == Token::End) {
        message = "missing 'endmodule'";
        return fail(error);
      }
      if (current.kind == Token::Identifier && current.text == "endmodule")
        break;
      if (current.kind == Token::Identifier &&
          (current.text == "input" || current.text == "output" ||
           current.text == "wire")) {
        if (!skipDeclaration())
          return fail(error);
        continue;
      }
      Instance instance;
      if (!parseInstance(instance))
        return fail(error);
      instances.push_back(std::move(instance));
    }
    return build(netlist, error);
  }

private:
  bool advance() {
    std::string lexError;
    if (!lexer.next(current, lexError)) {
      message = lexError;
      line = lexer.currentLine();
      return false;
    }
    return true;
  }

  bool fail(std::string &error) {
    error = file + ":" + std::to_string(line ? line : current.line) + ": " +
            message;
    return false;
  }

  bool unexpected(const std::string &what) {
    line = current.line;
    message = "expected " + what + ", found " +
              (current.kind == Token::End ? std::string("the end of the file")
                                          : "'" + current.text + "'");
    return false;
  }

  bool expectWord(const char *word) {
    if (current.kind != Token::Identifier || current.text != word)
      return unexpected(std::string("'") + word + "'");
    return advance();
  }

  bool expectPunct(char c) {
    if (current.kind != Token::Punct || current.text[0] != c)
      return unexpected(std::string("'") + c + "'");
    return advance();
  }

  bool isPunct(char c) const {
    return current.kind == Token::Punct && current.text[0] == c;
  }

  bool identifier(std::string &into) {
    if (current.kind != Token::Identifier)
      return unexpected("a name");
    into = current.text;
    return advance();
  }

  bool skipPortList() {
    if (!expectPunct('('))
      return false;
    while (!isPunct(')')) {
      std::string port;
      if (!identifier(port))
        return false;
      if (isPunct(','))
        if (!advance())
          return false;
    }
    return advance() && expectPunct(';');
  }

  bool skipDeclaration() {
    if (!advance())
      return false;
    while (!isPunct(';')) {
      std::string name;
      if (!identifier(name))
        return false;
      if (isPunct(',') && !advance())
        return false;
    }
    return advance();
  }

  bool parseInstance(Instance &instance) {
    instance.line = current.line;
    if (!identifier(instance.type))
      return false;
    if (isPunct('#')) {
      if (!advance() || !expectPunct('('))
        return false;
      while (!isPunct(')')) {
        std::string name;
        if (!expectPunct('.') || !identifier(name) || !expectPunct('('))
          return false;
        if (current.kind != Token::Number && current.kind != Token::String)
          return unexpected("a number or a string for parameter " + name);
        instance.params[name] = current;
        if (!advance() || !expectPunct(')'))
          return false;
        if (isPunct(',')) {
          if (!advance())
            return false;
        } else if (!isPunct(')')) {
          return unexpected("',' or ')'");
        }
      }
      if (!advance())
        return false;
    }
    if (!identifier(instance.name) || !expectPunct('('))
      return false;
    while (!isPunct(')')) {
      std::string pin, net;
      if (!expectPunct('.') || !identifier(pin) || !expectPunct('('))
        return false;
      if (current.kind == Token::Identifier && !identifier(net))
        return false;
      if (!expectPunct(')'))
        return false;
      instance.ports.emplace_back(pin, net);
      if (isPunct(',')) {
        if (!advance())
          return false;
      } else if (!isPunct(')')) {
        return unexpected("',' or ')'");
      }
    }
    return advance() && expectPunct(';');
  }

  bool integerParam(const Instance &instance, const std::string &name,
                    int64_t &into) {
    auto it = instance.params.find(name);
    if (it == instance.params.end() || it->second.kind != Token::Number) {
      line = instance.line;
      message =
          "NEURON '" + instance.name + "' needs the number parameter " + name;
      return false;
    }
    if (!parseInteger(it->second.text, into)) {
      line = instance.line;
      message = "NEURON '" + instance.name + "': " + name + " " +
                it->second.text + " is out of range";
      return false;
    }
    return true;
  }

  bool neuronParams(const Instance &instance, NeuronParams &params) {
    int64_t bits = 0;
    if (!integerParam(instance, "THRESHOLD", params.threshold) ||
        !integerParam(instance, "STATE_BITS", bits) ||
        !integerParam(instance, "V_RESET", params.vReset) ||
        !integerParam(instance, "V_INIT", params.vInit))
      return false;
    line = instance.line;
    if (bits < 2 || bits > 62) {
      message = "NEURON '" + instance.name + "': STATE_BITS " +
                std::to_string(bits) + " is outside 2..62";
      return false;
    }
    params.stateBits = unsigned(bits);
    auto weights = instance.params.find("WEIGHTS");
    auto reset = instance.params.find("RESET");
    if (weights == instance.params.end() ||
        weights->second.kind != Token::String ||
        reset == instance.params.end() || reset->second.kind != Token::String) {
      message = "NEURON '" + instance.name +
                "' needs the string parameters WEIGHTS and RESET";
      return false;
    }
    std::istringstream list(weights->second.text);
    for (std::string w; list >> w;) {
      int64_t value = 0;
      if (parseInteger(w, value)) {
        params.weights.push_back(value);
      } else {
        message = "NEURON '" + instance.name + "': weight '" + w +
                  "' is not an integer";
        return false;
      }
    }
    const std::string &mode = reset->second.text;
    if (mode == "to_value")
      params.reset = ResetMode::ToValue;
    else if (mode == "subtract")
      params.reset = ResetMode::Subtract;
    else if (mode == "none")
      params.reset = ResetMode::None;
    else {
      message = "NEURON '" + instance.name + "': RESET '" + mode +
                "' is not to_value, subtract or none";
      return false;
    }
    return true;
  }

  /// Cells first, then one connection per net: from its driving output to
  /// each input it appears on.
  bool build(Netlist &netlist, std::string &error) {
    struct Use {
      Pin pin;
      unsigned line;
    };
    std::map<std::string, std::vector<Use>> drivers, loads;
    for (const Instance &instance : instances) {
      uint32_t cell = 0;
      if (instance.type == "NEURON") {
        NeuronParams params;
        if (!neuronParams(instance, params))
          return fail(error);
        cell = netlist.addNeuron(instance.name, std::move(params));
      } else {
        if (!cellKindFromName(instance.type)) {
          line = instance.line;
          message = "unknown cell type '" + instance.type + "' of '" +
                    instance.name + "'";
          return fail(error);
        }
        cell = netlist.addCell(instance.type, instance.name);
      }
      std::map<std::string, Pin> inputs, outputs;
      for (unsigned p = 0; p < netlist.numInputs(cell); ++p)
        inputs[netlist.inputName(cell, p)] = {cell, p};
      for (unsigned p = 0; p < netlist.numOutputs(cell); ++p)
        outputs[netlist.outputName(cell, p)] = {cell, p};
      CellKind kind = netlist.cell(cell).kind;
      for (const auto &[pin, net] : instance.ports) {
        if (pin == "pad" &&
            (kind == CellKind::DCSFQ || kind == CellKind::SFQDC))
          continue; // the module port
        if (net.empty())
          continue;
        if (auto in = inputs.find(pin); in != inputs.end())
          loads[net].push_back({in->second, instance.line});
        else if (auto out = outputs.find(pin); out != outputs.end())
          drivers[net].push_back({out->second, instance.line});
        else {
          line = instance.line;
          message = "cell '" + instance.name + "' (" + instance.type +
                    ") has no pin '" + pin + "'";
          return fail(error);
        }
      }
    }
    for (const auto &[net, uses] : loads) {
      auto driver = drivers.find(net);
      if (driver == drivers.end()) {
        line = uses.front().line;
        message = "net '" + net + "' has no driver";
        return fail(error);
      }
      if (driver->second.size() > 1) {
        line = driver->second[1].line;
        message = "net '" + net + "' has " +
                  std::to_string(driver->second.size()) +
                  " drivers (fan-in needs mergers)";
        return fail(error);
      }
      for (const Use &use : uses)
        netlist.connect(driver->second.front().pin, use.pin);
    }
    return true;
  }

  Lexer lexer;
  std::string file;
  Token current;
  std::string message, moduleName;
  unsigned line = 0;
  std::vector<Instance> instances;
};

} // namespace

bool readVerilog(const std::string &text, const std::string &fileName,
                 Netlist &netlist, std::string &error) {
  Parser parser(text, fileName);
  return parser.parse(netlist, error);
}

} // namespace snc::runtime::sfq
