//===- NIRModel.h - a NIR file in memory ------------------------*- C++ -*-===//
//
// The Neuromorphic Intermediate Representation as its HDF5 files hold it:
// nodes with typed datasets, graphs with string edges. Reading and writing
// the file (NIRFile.cpp) and mapping it to the snn dialect (Import.cpp,
// Export.cpp) are separate, so each can be tested alone.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_NIR_NIRMODEL_H
#define SNC_NIR_NIRMODEL_H

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace snc::nir {

/// A numeric dataset, with the element type it was stored with.
struct Array {
  enum class Kind { F32, F64, Int };
  Kind kind = Kind::F64;
  std::vector<int64_t> shape; // {} for a scalar
  std::vector<double> values;

  int64_t numElements() const {
    int64_t n = 1;
    for (int64_t d : shape)
      n *= d;
    return n;
  }
};

/// A metadata entry: numbers or a string.
struct MetadataValue {
  bool isString = false;
  std::string text;
  Array array;
};
using Metadata = std::map<std::string, MetadataValue>;

struct Graph;

struct Node {
  std::string type; // "LIF", "Affine", "NIRGraph", ...
  /// Numeric datasets by name; datasets of the `input_type` and
  /// `output_type` groups appear as "input_type.<name>".
  std::map<std::string, Array> arrays;
  /// String datasets other than `type` (e.g. a padding mode).
  std::map<std::string, std::string> strings;
  Metadata metadata;
  std::unique_ptr<Graph> graph; // set for NIRGraph nodes

  const Array *find(const std::string &name) const {
    auto it = arrays.find(name);
    return it == arrays.end() ? nullptr : &it->second;
  }
};

struct Graph {
  /// Nodes in the order the file lists them (HDF5 name order).
  std::vector<std::pair<std::string, Node>> nodes;
  std::vector<std::pair<std::string, std::string>> edges;

  const Node *find(const std::string &name) const {
    for (const auto &[n, node] : nodes)
      if (n == name)
        return &node;
    return nullptr;
  }
};

struct File {
  std::string version; // e.g. "0.2.0"; empty when the file has none
  Node root;           // type NIRGraph
};

/// Reads a NIR file in a child process (ReadIsolated.cpp), so that a crash
/// or hang inside libhdf5 becomes an error. On failure returns false with a
/// one-line `error` that names the file and the HDF5 object (e.g.
/// "/node/nodes/lif1/tau"). The environment variables
/// SNC_NIR_READ_CPU_SECONDS (default 20), SNC_NIR_READ_WALL_SECONDS
/// (default twice the CPU limit plus 5 s) and SNC_NIR_READ_MEMORY_MIB
/// (default 4096, on top of what snc has mapped) bound the child.
bool readNIRFile(const std::string &path, File &file, std::string &error);

/// Writes `file` in the layout the NIR Python package writes, atomically
/// (a temporary file renamed into place).
bool writeNIRFile(const std::string &path, const File &file,
                  std::string &error);

} // namespace snc::nir

#endif // SNC_NIR_NIRMODEL_H
