//===- NIRReader.cpp - read a NIR HDF5 file -------------------------------===//
//
// HDF5 through its C++ API. Its exceptions stay in this file: every entry
// point catches them and turns them into an error message. snc runs this in
// the child process of ReadIsolated.cpp: the reader names each object before
// touching it, so that a crash inside libhdf5 is reported with its path.
// Every dataset's declared size is checked against ReadLimits.h before
// anything is allocated for it.
//
//===----------------------------------------------------------------------===//

#include "nir/NIRReaderInProcess.h"
#include "nir/ReadLimits.h"

#include <H5Cpp.h>

#include <cstring>
#include <fstream>
#include <set>
#include <sys/stat.h>

namespace snc::nir {

bool isShapeLikeDataset(const std::string &name) {
  static const std::set<std::string> names = {
      "shape",       "input_shape", "input_type", "output_type",
      "stride",      "padding",     "dilation",   "groups",
      "kernel_size", "start_dim",   "end_dim"};
  if (names.count(name))
    return true;
  return name.rfind("input_type.", 0) == 0 ||
         name.rfind("output_type.", 0) == 0;
}

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

std::string bytesText(int64_t bytes) {
  const char *units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  double value = double(bytes);
  int unit = 0;
  while (value >= 1024 && unit < 6) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, unit ? "%.1f %s" : "%.0f %s", value,
                units[unit]);
  return text;
}

/// How datasets are read: with a 64 KiB type-conversion buffer instead of
/// libhdf5's default 1 MiB, which it zeroes on every read (most of the time
/// of reading a small NIR file, and fresh pages in the reading child).
const H5::DSetMemXferPropList &transfer() {
  static const H5::DSetMemXferPropList list = [] {
    H5::DSetMemXferPropList l;
    l.setBuffer(64 * 1024, nullptr, nullptr);
    return l;
  }();
  return list;
}

/// One file being read: the progress hook and what is left of the budget.
class Reader {
public:
  Reader(const ReadProgress &progress, int64_t fileBytes)
      : progress(progress), fileBytes(fileBytes),
        budget(dataBudgetBytes(fileBytes)) {}

  void reading(const std::string &where) const {
    if (progress)
      progress(where);
  }

  std::string readVersion(const H5::H5File &h5);
  Node readNode(const H5::Group &group, const std::string &where);

private:
  const ReadProgress &progress;
  int64_t fileBytes;
  int64_t budget; // bytes of declared data still allowed

  std::vector<int64_t> dimsOf(const H5::DataSet &ds, const std::string &where,
                              int64_t maxElements);
  std::vector<std::string> readStrings(const H5::DataSet &ds,
                                       const std::string &where);
  Array readArray(const H5::DataSet &ds, const std::string &where,
                  int64_t maxElements);
  MetadataValue readMetadataValue(const H5::DataSet &ds,
                                  const std::string &where);
  std::unique_ptr<Graph> readGraph(const H5::Group &group,
                                   const std::string &where);
};

/// The dataset's dimensions, after checking that its declared size fits
/// `maxElements` and what is left of the file's data budget (which it then
/// takes).
std::vector<int64_t> Reader::dimsOf(const H5::DataSet &ds,
                                    const std::string &where,
                                    int64_t maxElements) {
  reading(where);
  H5::DataSpace space = ds.getSpace();
  if (space.getSimpleExtentType() == H5S_NULL)
    formatError(where, "has no data (null dataspace)");
  int rank = space.getSimpleExtentNdims();
  if (rank < 0 || rank > H5S_MAX_RANK)
    formatError(where, "has an invalid rank");
  std::vector<hsize_t> dims(rank);
  space.getSimpleExtentDims(dims.data());
  std::string declared;
  int64_t count = 1;
  bool overflow = false;
  for (hsize_t d : dims) {
    declared += (declared.empty() ? "" : ", ") + std::to_string(d);
    if (d != 0 && (d > hsize_t(INT64_MAX) || count > INT64_MAX / int64_t(d)))
      overflow = true;
    else
      count *= int64_t(d);
  }
  declared = "(" + declared + (dims.size() == 1 ? ",)" : ")");
  if (overflow || count > maxElements)
    formatError(where, "declares shape " + declared +
                           ", but holds one value per tensor dimension (at "
                           "most " +
                           std::to_string(maxElements) + ")");
  int64_t elementBytes = int64_t(ds.getDataType().getSize());
  if (elementBytes <= 0 || count > (INT64_MAX / 2) / elementBytes)
    formatError(where, "declares shape " + declared +
                           " of an element type too large to read");
  int64_t bytes = count * elementBytes;
  if (bytes > budget) {
    int64_t limit = dataBudgetBytes(fileBytes);
    std::string left =
        budget == limit ? ""
                        : "; other datasets took " + bytesText(limit - budget);
    formatError(where, "declares shape " + declared + " (" + bytesText(bytes) +
                           "), more data than a file of " +
                           bytesText(fileBytes) + " can hold (at most " +
                           bytesText(limit) + ": gzip compresses at most " +
                           std::to_string(kMaxCompressionRatio) + ":1" + left +
                           ")");
  }
  budget -= bytes;
  return std::vector<int64_t>(dims.begin(), dims.end());
}

/// All strings of a string dataset (scalar or array), fixed or variable
/// length.
std::vector<std::string> Reader::readStrings(const H5::DataSet &ds,
                                             const std::string &where) {
  std::vector<int64_t> dims = dimsOf(ds, where, INT64_MAX);
  int64_t count = 1;
  for (int64_t d : dims)
    count *= d;
  H5::StrType fileType = ds.getStrType();
  H5::DataSpace space = ds.getSpace();
  std::vector<std::string> out;
  if (count == 0)
    return out;
  if (fileType.isVariableStr()) {
    H5::StrType memType(H5::PredType::C_S1, H5T_VARIABLE);
    memType.setCset(fileType.getCset());
    std::vector<char *> buffer(count, nullptr);
    ds.read(buffer.data(), memType, H5::DataSpace::ALL, H5::DataSpace::ALL,
            transfer());
    for (char *s : buffer)
      out.emplace_back(s ? s : "");
    H5Dvlen_reclaim(memType.getId(), space.getId(), H5P_DEFAULT, buffer.data());
    return out;
  }
  size_t size = fileType.getSize();
  std::vector<char> buffer(count * size + 1, '\0');
  ds.read(buffer.data(), fileType, H5::DataSpace::ALL, H5::DataSpace::ALL,
          transfer());
  for (int64_t i = 0; i < count; ++i) {
    std::string s(buffer.data() + i * size, size);
    out.push_back(s.substr(0, s.find('\0')));
  }
  return out;
}

bool isString(const H5::DataSet &ds) { return ds.getTypeClass() == H5T_STRING; }

Array Reader::readArray(const H5::DataSet &ds, const std::string &where,
                        int64_t maxElements) {
  Array array;
  array.shape = dimsOf(ds, where, maxElements);
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
      ds.read(raw.data(), type, H5::DataSpace::ALL, H5::DataSpace::ALL,
              transfer());
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
    ds.read(array.values.data(), H5::PredType::NATIVE_DOUBLE,
            H5::DataSpace::ALL, H5::DataSpace::ALL, transfer());
  return array;
}

MetadataValue Reader::readMetadataValue(const H5::DataSet &ds,
                                        const std::string &where) {
  MetadataValue value;
  if (isString(ds)) {
    value.isString = true;
    std::vector<std::string> strings = readStrings(ds, where);
    value.text = strings.empty() ? "" : strings.front();
  } else {
    value.array = readArray(ds, where, INT64_MAX);
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

std::unique_ptr<Graph> Reader::readGraph(const H5::Group &group,
                                         const std::string &where) {
  auto graph = std::make_unique<Graph>();
  std::string nodesPath = join(where, "nodes");
  reading(nodesPath);
  if (!group.nameExists("nodes") ||
      group.childObjType("nodes") != H5O_TYPE_GROUP)
    formatError(where, "is a NIRGraph without a 'nodes' group");
  H5::Group nodes = group.openGroup("nodes");
  for (const Child &child : childrenOf(nodes)) {
    std::string path = join(nodesPath, child.name);
    if (!child.isGroup)
      formatError(path, "is a dataset, but nodes must be groups");
    reading(path);
    graph->nodes.emplace_back(child.name,
                              readNode(nodes.openGroup(child.name), path));
  }
  std::string edgesPath = join(where, "edges");
  reading(edgesPath);
  if (!group.nameExists("edges"))
    return graph; // a graph without edges stores none
  if (group.childObjType("edges") != H5O_TYPE_DATASET)
    formatError(edgesPath, "must be a dataset of node-name pairs");
  H5::DataSet edges = group.openDataSet("edges");
  H5::DataSpace space = edges.getSpace();
  bool empty = space.getSimpleExtentType() == H5S_SIMPLE &&
               space.getSimpleExtentNpoints() == 0;
  if (empty)
    return graph;
  bool pairs = space.getSimpleExtentType() == H5S_SIMPLE &&
               space.getSimpleExtentNdims() == 2;
  if (pairs) {
    hsize_t dims[2];
    space.getSimpleExtentDims(dims);
    pairs = dims[1] == 2;
  }
  if (!isString(edges) || !pairs)
    formatError(edgesPath, "must be an (N, 2) array of node names");
  std::vector<std::string> names = readStrings(edges, edgesPath);
  for (size_t i = 0; i + 1 < names.size(); i += 2)
    graph->edges.emplace_back(names[i], names[i + 1]);
  return graph;
}

Node Reader::readNode(const H5::Group &group, const std::string &where) {
  Node node;
  std::string typePath = join(where, "type");
  reading(typePath);
  if (!group.nameExists("type") ||
      group.childObjType("type") != H5O_TYPE_DATASET)
    formatError(where, "has no 'type' dataset");
  H5::DataSet typeSet = group.openDataSet("type");
  if (!isString(typeSet))
    formatError(typePath, "must be a string");
  std::vector<std::string> type = readStrings(typeSet, typePath);
  node.type = type.empty() ? "" : type.front();

  reading(where);
  for (const Child &child : childrenOf(group)) {
    std::string path = join(where, child.name);
    if (child.name == "type" || child.name == "nodes" || child.name == "edges")
      continue;
    reading(path);
    if (child.isGroup) {
      H5::Group sub = group.openGroup(child.name);
      for (const Child &entry : childrenOf(sub)) {
        if (entry.isGroup)
          continue; // nested groups carry nothing snc reads
        std::string entryPath = join(path, entry.name);
        std::string name = child.name + "." + entry.name;
        reading(entryPath);
        H5::DataSet ds = sub.openDataSet(entry.name);
        if (child.name == "metadata")
          node.metadata[entry.name] = readMetadataValue(ds, entryPath);
        else if (!isString(ds))
          node.arrays[name] = readArray(
              ds, entryPath,
              isShapeLikeDataset(name) ? kMaxShapeElements : INT64_MAX);
      }
      continue;
    }
    H5::DataSet ds = group.openDataSet(child.name);
    int64_t maxElements =
        isShapeLikeDataset(child.name) ? kMaxShapeElements : INT64_MAX;
    if (isString(ds)) {
      std::vector<std::string> strings = readStrings(ds, path);
      node.strings[child.name] = strings.empty() ? "" : strings.front();
    } else {
      node.arrays[child.name] = readArray(ds, path, maxElements);
    }
  }
  if (node.type == "NIRGraph")
    node.graph = readGraph(group, where);
  return node;
}

std::string Reader::readVersion(const H5::H5File &h5) {
  reading("/version");
  if (!h5.nameExists("version"))
    return "";
  H5::DataSet version = h5.openDataSet("version");
  if (!isString(version))
    return "";
  std::vector<std::string> v = readStrings(version, "/version");
  return v.empty() ? "" : v.front();
}

} // namespace

bool readNIRFileInProcess(const std::string &path, File &file,
                          std::string &error, const ReadProgress &progress) {
  H5::Exception::dontPrint();
  file = File();
  struct stat info;
  if (!std::ifstream(path) || ::stat(path.c_str(), &info) != 0) {
    error = path + ": cannot open file";
    return false;
  }
  Reader reader(progress, int64_t(info.st_size));
  try {
    reader.reading("/");
    if (!H5::H5File::isHdf5(path)) {
      error = path + ": not an HDF5 file";
      return false;
    }
    H5::H5File h5(path, H5F_ACC_RDONLY);
    file.version = reader.readVersion(h5);
    reader.reading("/node");
    if (!h5.nameExists("node") || h5.childObjType("node") != H5O_TYPE_GROUP) {
      error = path + ": not a NIR file (no '/node' group)";
      return false;
    }
    file.root = reader.readNode(h5.openGroup("node"), "/node");
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
