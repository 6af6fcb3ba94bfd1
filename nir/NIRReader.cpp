//===- NIRReader.cpp - read a NIR HDF5 file -------------------------------===//
//
// HDF5 through its C++ API. Its exceptions stay in this file: every entry
// point catches them and turns them into an error message.
//
//===----------------------------------------------------------------------===//

#include "nir/NIRModel.h"

#include <H5Cpp.h>

#include <cstring>
#include <fstream>

namespace snc::nir {
namespace {

/// An error inside the file, thrown to unwind the recursive reader.
struct FormatError {
  std::string where; // HDF5 object path
  std::string what;
};

[[noreturn]] void formatError(const std::string &where,
                              const std::string &what) {
  throw FormatError{where, what};
}

std::string join(const std::string &group, const std::string &name) {
  return group == "/" ? "/" + name : group + "/" + name;
}

/// Datasets larger than this are not network parameters.
constexpr int64_t kMaxElements = int64_t(1) << 31;

std::vector<int64_t> dimsOf(const H5::DataSet &ds) {
  H5::DataSpace space = ds.getSpace();
  if (space.getSimpleExtentType() == H5S_NULL)
    formatError(ds.getObjName(), "has no data (null dataspace)");
  int rank = space.getSimpleExtentNdims();
  std::vector<hsize_t> dims(rank);
  space.getSimpleExtentDims(dims.data());
  int64_t count = 1;
  for (hsize_t d : dims) {
    if (d > hsize_t(kMaxElements) || (count *= int64_t(d)) > kMaxElements)
      formatError(ds.getObjName(), "is too large to be a parameter");
  }
  return std::vector<int64_t>(dims.begin(), dims.end());
}

/// All strings of a string dataset (scalar or array), fixed or variable
/// length.
std::vector<std::string> readStrings(const H5::DataSet &ds) {
  H5::StrType fileType = ds.getStrType();
  H5::DataSpace space = ds.getSpace();
  hssize_t count = space.getSimpleExtentNpoints();
  std::vector<std::string> out;
  if (fileType.isVariableStr()) {
    H5::StrType memType(H5::PredType::C_S1, H5T_VARIABLE);
    memType.setCset(fileType.getCset());
    std::vector<char *> buffer(count, nullptr);
    ds.read(buffer.data(), memType);
    for (char *s : buffer)
      out.emplace_back(s ? s : "");
    H5Dvlen_reclaim(memType.getId(), space.getId(), H5P_DEFAULT, buffer.data());
    return out;
  }
  size_t size = fileType.getSize();
  std::vector<char> buffer(count * size + 1, '\0');
  ds.read(buffer.data(), fileType);
  for (hssize_t i = 0; i < count; ++i) {
    std::string s(buffer.data() + i * size, size);
    out.push_back(s.substr(0, s.find('\0')));
  }
  return out;
}

bool isString(const H5::DataSet &ds) { return ds.getTypeClass() == H5T_STRING; }

Array readArray(const H5::DataSet &ds, const std::string &where) {
  Array array;
  array.shape = dimsOf(ds);
  switch (ds.getTypeClass()) {
  case H5T_FLOAT:
    array.kind =
        ds.getFloatType().getSize() == 4 ? Array::Kind::F32 : Array::Kind::F64;
    break;
  case H5T_INTEGER:
    array.kind = Array::Kind::Int;
    break;
  case H5T_ENUM: {
    // h5py stores numpy booleans as an enum over a small integer: read the
    // raw integers (HDF5 converts enums only to enums).
    array.kind = Array::Kind::Int;
    H5::DataType type = ds.getDataType();
    size_t size = type.getSize();
    if (size > 8)
      formatError(where, "is an enum wider than 64 bits");
    std::vector<uint8_t> raw(array.numElements() * size);
    if (!raw.empty())
      ds.read(raw.data(), type);
    for (int64_t i = 0; i < array.numElements(); ++i) {
      int64_t v = 0;
      std::memcpy(&v, raw.data() + i * size, size);
      array.values.push_back(double(v));
    }
    return array;
  }
  default:
    formatError(where, "is neither numeric nor a string");
  }
  array.values.resize(array.numElements());
  if (!array.values.empty())
    ds.read(array.values.data(), H5::PredType::NATIVE_DOUBLE);
  return array;
}

MetadataValue readMetadataValue(const H5::DataSet &ds,
                                const std::string &where) {
  MetadataValue value;
  if (isString(ds)) {
    value.isString = true;
    std::vector<std::string> strings = readStrings(ds);
    value.text = strings.empty() ? "" : strings.front();
  } else {
    value.array = readArray(ds, where);
  }
  return value;
}

struct Child {
  std::string name;
  bool isGroup;
};

std::vector<Child> childrenOf(const H5::Group &group) {
  std::vector<Child> children;
  for (hsize_t i = 0, n = group.getNumObjs(); i < n; ++i)
    children.push_back(
        {group.getObjnameByIdx(i), group.getObjTypeByIdx(i) == H5G_GROUP});
  return children;
}

Node readNode(const H5::Group &group, const std::string &where);

std::unique_ptr<Graph> readGraph(const H5::Group &group,
                                 const std::string &where) {
  auto graph = std::make_unique<Graph>();
  if (!group.nameExists("nodes") ||
      group.childObjType("nodes") != H5O_TYPE_GROUP)
    formatError(where, "is a NIRGraph without a 'nodes' group");
  H5::Group nodes = group.openGroup("nodes");
  for (const Child &child : childrenOf(nodes)) {
    std::string path = join(join(where, "nodes"), child.name);
    if (!child.isGroup)
      formatError(path, "is a dataset, but nodes must be groups");
    graph->nodes.emplace_back(child.name,
                              readNode(nodes.openGroup(child.name), path));
  }
  if (!group.nameExists("edges"))
    return graph; // a graph without edges stores none
  std::string edgesPath = join(where, "edges");
  if (group.childObjType("edges") != H5O_TYPE_DATASET)
    formatError(edgesPath, "must be a dataset of node-name pairs");
  H5::DataSet edges = group.openDataSet("edges");
  std::vector<int64_t> dims = dimsOf(edges);
  bool empty = !dims.empty() && dims[0] == 0;
  if (!empty && (!isString(edges) || dims.size() != 2 || dims[1] != 2))
    formatError(edgesPath, "must be an (N, 2) array of node names");
  if (empty)
    return graph;
  std::vector<std::string> names = readStrings(edges);
  for (size_t i = 0; i + 1 < names.size(); i += 2)
    graph->edges.emplace_back(names[i], names[i + 1]);
  return graph;
}

Node readNode(const H5::Group &group, const std::string &where) {
  Node node;
  if (!group.nameExists("type") ||
      group.childObjType("type") != H5O_TYPE_DATASET)
    formatError(where, "has no 'type' dataset");
  H5::DataSet typeSet = group.openDataSet("type");
  if (!isString(typeSet))
    formatError(join(where, "type"), "must be a string");
  std::vector<std::string> type = readStrings(typeSet);
  node.type = type.empty() ? "" : type.front();

  for (const Child &child : childrenOf(group)) {
    std::string path = join(where, child.name);
    if (child.name == "type" || child.name == "nodes" || child.name == "edges")
      continue;
    if (child.isGroup) {
      H5::Group sub = group.openGroup(child.name);
      for (const Child &entry : childrenOf(sub)) {
        if (entry.isGroup)
          continue; // nested groups carry nothing snc reads
        std::string entryPath = join(path, entry.name);
        H5::DataSet ds = sub.openDataSet(entry.name);
        if (child.name == "metadata")
          node.metadata[entry.name] = readMetadataValue(ds, entryPath);
        else if (!isString(ds))
          node.arrays[child.name + "." + entry.name] = readArray(ds, entryPath);
      }
      continue;
    }
    H5::DataSet ds = group.openDataSet(child.name);
    if (isString(ds)) {
      std::vector<std::string> strings = readStrings(ds);
      node.strings[child.name] = strings.empty() ? "" : strings.front();
    } else {
      node.arrays[child.name] = readArray(ds, path);
    }
  }
  if (node.type == "NIRGraph")
    node.graph = readGraph(group, where);
  return node;
}

} // namespace

bool readNIRFile(const std::string &path, File &file, std::string &error) {
  H5::Exception::dontPrint();
  file = File();
  if (!std::ifstream(path)) {
    error = path + ": cannot open file";
    return false;
  }
  try {
    if (!H5::H5File::isHdf5(path)) {
      error = path + ": not an HDF5 file";
      return false;
    }
    H5::H5File h5(path, H5F_ACC_RDONLY);
    if (h5.nameExists("version")) {
      H5::DataSet version = h5.openDataSet("version");
      if (isString(version)) {
        std::vector<std::string> v = readStrings(version);
        file.version = v.empty() ? "" : v.front();
      }
    }
    if (!h5.nameExists("node") || h5.childObjType("node") != H5O_TYPE_GROUP) {
      error = path + ": not a NIR file (no '/node' group)";
      return false;
    }
    file.root = readNode(h5.openGroup("node"), "/node");
    if (file.root.type != "NIRGraph") {
      error = path + ": /node: the top node must be a NIRGraph, not '" +
              file.root.type + "'";
      return false;
    }
    return true;
  } catch (const FormatError &e) {
    error = path + ": " + e.where + ": " + e.what;
  } catch (const H5::Exception &e) {
    error = path + ": cannot read HDF5 data (truncated or corrupt file?): " +
            e.getDetailMsg();
  } catch (const std::exception &e) {
    error = path + ": cannot read: " + e.what();
  }
  return false;
}

} // namespace snc::nir
