//===- NIRSerialize.cpp - a NIR file in memory as bytes -------------------===//
//
// Little-endian-agnostic: both ends are the same binary on the same machine,
// so integers and doubles are copied in native order.
//
//===----------------------------------------------------------------------===//

#include "nir/NIRSerialize.h"

#include <cstring>

namespace snc::nir {
namespace {

/// Nesting of NIRGraph nodes the decoder follows (the reader recurses as
/// deep as the file does; a real network nests a few levels).
constexpr int kMaxDepth = 1000;

class Writer {
public:
  std::string out;

  void u64(uint64_t v) { out.append(reinterpret_cast<char *>(&v), sizeof v); }
  void str(const std::string &s) {
    u64(s.size());
    out += s;
  }
  void array(const Array &a) {
    u64(uint64_t(a.kind));
    u64(a.shape.size());
    for (int64_t d : a.shape)
      u64(uint64_t(d));
    u64(a.values.size());
    if (!a.values.empty())
      out.append(reinterpret_cast<const char *>(a.values.data()),
                 a.values.size() * sizeof(double));
  }
  void node(const Node &n) {
    str(n.type);
    u64(n.arrays.size());
    for (const auto &[name, a] : n.arrays) {
      str(name);
      array(a);
    }
    u64(n.strings.size());
    for (const auto &[name, s] : n.strings) {
      str(name);
      str(s);
    }
    u64(n.metadata.size());
    for (const auto &[name, m] : n.metadata) {
      str(name);
      u64(m.isString);
      str(m.text);
      array(m.array);
    }
    u64(n.graph != nullptr);
    if (!n.graph)
      return;
    u64(n.graph->nodes.size());
    for (const auto &[name, child] : n.graph->nodes) {
      str(name);
      node(child);
    }
    u64(n.graph->edges.size());
    for (const auto &[from, to] : n.graph->edges) {
      str(from);
      str(to);
    }
  }
};

class Decoder {
public:
  explicit Decoder(std::string_view in) : in(in) {}

  bool atEnd() const { return pos == in.size(); }

  bool u64(uint64_t &v) {
    if (in.size() - pos < sizeof v)
      return false;
    std::memcpy(&v, in.data() + pos, sizeof v);
    pos += sizeof v;
    return true;
  }
  /// A count of items each taking at least `minBytes` more bytes.
  bool count(uint64_t &n, size_t minBytes) {
    return u64(n) && n <= (in.size() - pos) / minBytes;
  }
  bool str(std::string &s) {
    uint64_t n;
    if (!count(n, 1))
      return false;
    s.assign(in.data() + pos, n);
    pos += n;
    return true;
  }
  bool array(Array &a) {
    uint64_t kind, rank, n;
    if (!u64(kind) || kind > uint64_t(Array::Kind::Int) || !count(rank, 8))
      return false;
    a.kind = Array::Kind(kind);
    a.shape.resize(rank);
    for (int64_t &d : a.shape) {
      uint64_t v;
      if (!u64(v))
        return false;
      d = int64_t(v);
    }
    if (!count(n, sizeof(double)))
      return false;
    a.values.resize(n);
    if (n) // memcpy from/to an empty vector's null data is undefined
      std::memcpy(a.values.data(), in.data() + pos, n * sizeof(double));
    pos += n * sizeof(double);
    return true;
  }
  bool node(Node &n, int depth) {
    uint64_t count8, flag;
    if (depth > kMaxDepth || !str(n.type) || !count(count8, 8))
      return false;
    for (uint64_t i = 0; i < count8; ++i) {
      std::string name;
      if (!str(name) || !array(n.arrays[name]))
        return false;
    }
    if (!count(count8, 8))
      return false;
    for (uint64_t i = 0; i < count8; ++i) {
      std::string name;
      if (!str(name) || !str(n.strings[name]))
        return false;
    }
    if (!count(count8, 8))
      return false;
    for (uint64_t i = 0; i < count8; ++i) {
      std::string name;
      if (!str(name))
        return false;
      MetadataValue &m = n.metadata[name];
      if (!u64(flag) || !str(m.text) || !array(m.array))
        return false;
      m.isString = flag != 0;
    }
    if (!u64(flag))
      return false;
    if (!flag)
      return true;
    n.graph = std::make_unique<Graph>();
    if (!count(count8, 8))
      return false;
    n.graph->nodes.resize(count8);
    for (auto &[name, child] : n.graph->nodes)
      if (!str(name) || !node(child, depth + 1))
        return false;
    if (!count(count8, 16))
      return false;
    n.graph->edges.resize(count8);
    for (auto &[from, to] : n.graph->edges)
      if (!str(from) || !str(to))
        return false;
    return true;
  }

private:
  std::string_view in;
  size_t pos = 0;
};

} // namespace

std::string serializeFile(const File &file) {
  Writer w;
  w.str(file.version);
  w.node(file.root);
  return std::move(w.out);
}

bool deserializeFile(std::string_view bytes, File &file) {
  file = File();
  Decoder d(bytes);
  return d.str(file.version) && d.node(file.root, 0) && d.atEnd();
}

} // namespace snc::nir
