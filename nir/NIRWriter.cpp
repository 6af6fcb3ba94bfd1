//===- NIRWriter.cpp - write a NIR HDF5 file ------------------------------===//
//
// Writes the layout the `nir` Python package writes through h5py: strings
// as variable-length UTF-8 scalars, numbers with their numpy dtype, one group
// per node. HDF5's C++ API throws; every exception stays in this file.
//
//===----------------------------------------------------------------------===//

#include "nir/NIRModel.h"

#include <H5Cpp.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>

#include <fcntl.h>
#include <unistd.h>

namespace snc::nir {
namespace {

/// A model that cannot be written, thrown to unwind the recursive writer.
struct ModelError {
  std::string where; // HDF5 object path
  std::string what;
};

[[noreturn]] void modelError(const std::string &where,
                             const std::string &what) {
  throw ModelError{where, what};
}

std::string join(const std::string &group, const std::string &name) {
  return group == "/" ? "/" + name : group + "/" + name;
}

/// HDF5 link names: not empty, no '/', and not "." (the group itself).
void checkName(const std::string &name, const std::string &where) {
  if (name.empty() || name == "." || name.find('/') != std::string::npos)
    modelError(where, "'" + name + "' is not a valid HDF5 object name");
}

/// Each object name once per group; HDF5 would fail with a vaguer message.
void checkFree(const H5::Group &group, const std::string &name,
               const std::string &where) {
  checkName(name, where);
  if (group.nameExists(name))
    modelError(join(where, name), "is written twice (a name used twice, or "
                                  "one that NIR reserves)");
}

/// h5py's `h5py.string_dtype()`: variable length, UTF-8, NUL-terminated.
H5::StrType stringType() {
  H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  type.setCset(H5T_CSET_UTF8);
  type.setStrpad(H5T_STR_NULLTERM);
  return type;
}

void writeString(H5::Group &group, const std::string &name,
                 const std::string &text, const std::string &where) {
  checkFree(group, name, where);
  H5::StrType type = stringType();
  H5::DataSet ds = group.createDataSet(name, type, H5::DataSpace(H5S_SCALAR));
  const char *data = text.c_str();
  ds.write(&data, type);
}

void writeArray(H5::Group &group, const std::string &name, const Array &array,
                const std::string &where) {
  std::string path = join(where, name);
  checkFree(group, name, where);
  std::vector<hsize_t> dims;
  for (int64_t d : array.shape) {
    if (d < 0)
      modelError(path, "has a negative dimension");
    dims.push_back(hsize_t(d));
  }
  if (int64_t(array.values.size()) != array.numElements())
    modelError(path, "holds " + std::to_string(array.values.size()) +
                         " values, but its shape has " +
                         std::to_string(array.numElements()) + " elements");
  H5::DataSpace space = dims.empty()
                            ? H5::DataSpace(H5S_SCALAR)
                            : H5::DataSpace(int(dims.size()), dims.data());
  bool empty = array.values.empty();
  switch (array.kind) {
  case Array::Kind::F32: {
    H5::DataSet ds = group.createDataSet(name, H5::PredType::IEEE_F32LE, space);
    std::vector<float> values(array.values.begin(), array.values.end());
    if (!empty)
      ds.write(values.data(), H5::PredType::NATIVE_FLOAT);
    return;
  }
  case Array::Kind::F64: {
    H5::DataSet ds = group.createDataSet(name, H5::PredType::IEEE_F64LE, space);
    if (!empty)
      ds.write(array.values.data(), H5::PredType::NATIVE_DOUBLE);
    return;
  }
  case Array::Kind::Int: {
    std::vector<int64_t> values;
    values.reserve(array.values.size());
    for (double v : array.values) {
      // 2^63 is exact as a double; anything at or past it overflows.
      if (std::trunc(v) != v || v < -9223372036854775808.0 ||
          v >= 9223372036854775808.0)
        modelError(path,
                   "is an integer dataset, but holds " + std::to_string(v));
      values.push_back(int64_t(v));
    }
    H5::DataSet ds = group.createDataSet(name, H5::PredType::STD_I64LE, space);
    if (!empty)
      ds.write(values.data(), H5::PredType::NATIVE_INT64);
    return;
  }
  }
  modelError(path, "has an unknown element kind");
}

/// The group `name` of `parent`, created when it does not exist yet.
H5::Group subgroup(H5::Group &parent, const std::string &name,
                   const std::string &where) {
  checkName(name, where);
  if (!parent.nameExists(name))
    return parent.createGroup(name);
  if (parent.childObjType(name) != H5O_TYPE_GROUP)
    modelError(join(where, name), "is both a dataset and a group");
  return parent.openGroup(name);
}

/// NIR stores a graph's edges as an (N, 2) array of variable-length strings.
/// The `nir` package writes an empty edge list through h5py as an empty
/// float64 array of shape (0,); NIR's readers iterate it as no edges, so an
/// edgeless graph gets the same dataset.
void writeEdges(H5::Group &group, const Graph &graph,
                const std::string &where) {
  checkFree(group, "edges", where);
  if (graph.edges.empty()) {
    hsize_t zero = 0;
    group.createDataSet("edges", H5::PredType::IEEE_F64LE,
                        H5::DataSpace(1, &zero));
    return;
  }
  std::vector<const char *> names;
  names.reserve(2 * graph.edges.size());
  for (const auto &[src, dst] : graph.edges) {
    names.push_back(src.c_str());
    names.push_back(dst.c_str());
  }
  hsize_t dims[2] = {hsize_t(graph.edges.size()), 2};
  H5::StrType type = stringType();
  H5::DataSet ds = group.createDataSet("edges", type, H5::DataSpace(2, dims));
  ds.write(names.data(), type);
}

void writeNode(H5::Group &group, const Node &node, const std::string &where) {
  if (node.type.empty())
    modelError(where, "has no type");
  bool isGraph = node.type == "NIRGraph";
  if (isGraph != bool(node.graph))
    modelError(where, isGraph ? "is a NIRGraph without nodes and edges"
                              : "holds a graph, but its type is '" + node.type +
                                    "', not NIRGraph");
  writeString(group, "type", node.type, where);

  for (const auto &[name, array] : node.arrays) {
    // "input_type.input" is dataset "input" of group "input_type". Only the
    // first dot separates: the entry's own name may hold dots.
    size_t dot = name.find('.');
    if (dot == std::string::npos) {
      writeArray(group, name, array, where);
      continue;
    }
    std::string groupName = name.substr(0, dot);
    H5::Group sub = subgroup(group, groupName, where);
    writeArray(sub, name.substr(dot + 1), array, join(where, groupName));
  }
  for (const auto &[name, text] : node.strings)
    writeString(group, name, text, where);

  // The `nir` package leaves out an empty metadata group.
  if (!node.metadata.empty()) {
    std::string metaPath = join(where, "metadata");
    checkFree(group, "metadata", where);
    H5::Group meta = group.createGroup("metadata");
    for (const auto &[key, value] : node.metadata) {
      if (value.isString)
        writeString(meta, key, value.text, metaPath);
      else
        writeArray(meta, key, value.array, metaPath);
    }
  }

  if (!isGraph)
    return;
  std::string nodesPath = join(where, "nodes");
  checkFree(group, "nodes", where);
  H5::Group nodes = group.createGroup("nodes");
  for (const auto &[name, child] : node.graph->nodes) {
    checkFree(nodes, name, nodesPath);
    H5::Group sub = nodes.createGroup(name);
    writeNode(sub, child, join(nodesPath, name));
  }
  writeEdges(group, *node.graph, where);
}

/// Creates (or truncates) the HDF5 file `path`.
H5::H5File createFile(const std::string &path) {
  errno = 0;
  try {
    return H5::H5File(path, H5F_ACC_TRUNC);
  } catch (const H5::Exception &) {
    modelError("", "cannot create the temporary file '" + path + "'" +
                       (errno ? std::string(": ") + std::strerror(errno) : ""));
  }
}

/// Writes the whole file to `path`, which is created or truncated.
void writeFile(const std::string &path, const File &file) {
  H5::H5File h5 = createFile(path);
  writeString(h5, "version", file.version.empty() ? "0.2.0" : file.version,
              "/");
  {
    H5::Group node = h5.createGroup("node");
    writeNode(node, file.root, "/node");
  }
  h5.close();
}

/// Flushes a closed file to disk, so that the rename cannot expose an empty
/// file after a crash.
bool syncFile(const std::string &path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0)
    return false;
  bool ok = ::fsync(fd) == 0;
  int savedErrno = errno;
  if (::close(fd) != 0)
    return false;
  errno = savedErrno;
  return ok;
}

} // namespace

bool writeNIRFile(const std::string &path, const File &file,
                  std::string &error) {
  H5::Exception::dontPrint();
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  bool created = false;
  try {
    if (file.root.type != "NIRGraph") {
      error = path + ": /node: the top node must be a NIRGraph, not '" +
              file.root.type + "'";
      return false;
    }
    created = true;
    writeFile(tmp, file);
    if (!syncFile(tmp)) {
      error = path + ": cannot flush the temporary file '" + tmp +
              "': " + std::strerror(errno);
    } else if (std::rename(tmp.c_str(), path.c_str()) != 0) {
      error = path + ": cannot rename the temporary file '" + tmp +
              "' into place: " + std::strerror(errno);
    } else {
      return true;
    }
  } catch (const ModelError &e) {
    error = path + ": " + (e.where.empty() ? "" : e.where + ": ") + e.what;
  } catch (const H5::Exception &e) {
    std::string func = e.getFuncName();
    error = path +
            ": cannot write HDF5 data: " + (func.empty() ? "" : func + ": ") +
            e.getDetailMsg();
  } catch (const std::exception &e) {
    error = path + ": cannot write the file: " + e.what();
  } catch (...) {
    error = path + ": cannot write the file";
  }
  if (created)
    std::remove(tmp.c_str());
  return false;
}

} // namespace snc::nir
