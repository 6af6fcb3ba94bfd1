//===- Npy.h - Reader and writer of NumPy .npy files ------------*- C++ -*-===//
//
// Loads and stores dense arrays in NumPy's .npy format (format versions 1.0,
// 2.0 and 3.0), the interchange format between snc and the Python side.
//
// Only plain numeric and boolean dtypes in C order are supported; complex,
// object, string, structured and Fortran-order arrays are rejected with an
// error message. Big-endian files are byte-swapped on read. Arrays are always
// written little-endian, in the exact byte layout numpy >= 1.23 produces.
//
// Standard library only; no exceptions, no global state. Failures are
// reported through a bool result and a one-line error message. Element
// accessors check their index with assert().
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_NPY_H
#define SNC_RUNTIME_NPY_H

#include <cstdint>
#include <string>
#include <vector>

namespace snc::runtime {

enum class NpyDType {
  Bool,
  UInt8,
  Int8,
  Int16,
  Int32,
  Int64,
  UInt16,
  UInt32,
  UInt64,
  Float32,
  Float64
};

/// Name as numpy spells it: "bool", "uint8", ..., "float64".
const char *npyDTypeName(NpyDType t);

/// Bytes per element (1 for bool).
size_t npyDTypeSize(NpyDType t);

/// A dense C-order array as stored in a .npy file (little-endian in memory).
struct NpyArray {
  NpyDType dtype = NpyDType::Float64;
  std::vector<int64_t> shape;
  std::vector<uint8_t> bytes; // numElements() * npyDTypeSize(dtype)
  /// The file readNpy read it from ("" for an array made in memory), so
  /// that a later check (e.g. of its shape) can name the file.
  std::string source;

  /// Product of shape (1 for shape {}). Dimensions must be non-negative.
  size_t numElements() const;

  /// Element i converted to double (bool -> 0/1).
  double getDouble(size_t i) const;

  /// Element i converted to int64 (floats truncated toward zero). Floats
  /// outside the int64 range saturate and NaN gives 0; uint64 values above
  /// INT64_MAX wrap modulo 2^64, as numpy's astype(np.int64).
  int64_t getInt(size_t i) const;

  /// Stores v, converting to dtype (bool: v != 0). For integer dtypes v is
  /// truncated toward zero and saturated to the dtype's range; NaN gives 0.
  void setDouble(size_t i, double v);

  /// An array of the given dtype and shape with every element zero.
  static NpyArray zeros(NpyDType dtype, std::vector<int64_t> shape);
};

/// Parses an in-memory .npy image. On failure returns false, leaves `out`
/// unchanged and sets `error` to a one-line reason without file name, e.g.
/// "not a .npy file (bad magic)", "unsupported dtype '<c16'",
/// "data truncated: expected 400 bytes, found 12",
/// "fortran_order arrays are not supported".
bool parseNpy(const uint8_t *data, size_t size, NpyArray &out,
              std::string &error);

/// Reads a file; error messages are prefixed with "<path>: ".
bool readNpy(const std::string &path, NpyArray &out, std::string &error);

/// Serializes `array` into an in-memory .npy image, byte for byte what
/// writeNpy writes. Fails (without file name in `error`) if the array is
/// inconsistent: a negative dimension, or bytes.size() not matching the shape.
bool serializeNpy(const NpyArray &array, std::vector<uint8_t> &out,
                  std::string &error);

/// Writes format version 1.0 (2.0 if the header needs it). Atomic: writes
/// "<path>.tmp.<pid>" then renames over path, so a failure never leaves a
/// partial file. Error prefixed with path.
bool writeNpy(const std::string &path, const NpyArray &array,
              std::string &error);

} // namespace snc::runtime

#endif // SNC_RUNTIME_NPY_H
