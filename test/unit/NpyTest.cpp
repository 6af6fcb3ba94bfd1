//===- NpyTest.cpp - Tests of the .npy reader and writer ------------------===//
//
// Round trips for every dtype, files produced by real numpy (embedded below
// byte for byte), and every error path with its message.
//
//===----------------------------------------------------------------------===//

#include "runtime/Npy.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <limits>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#ifdef _WIN32
#include <process.h>
#else
#include <unistd.h>
#endif

using namespace snc::runtime;
namespace fs = std::filesystem;

namespace {

//===----------------------------------------------------------------------===//
// Files written by numpy 1.24.2 (Debian's python3-numpy) into an
// io.BytesIO f, generated with the expression in the comment above each.
//===----------------------------------------------------------------------===//

// np.save(f, np.array([[1.5, -2, 3.25], [0, 1e-3, 65504]], dtype=np.float32))
const uint8_t NumpyFloat32x2x3[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c, 0x66, 0x34,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x32, 0x2c, 0x20, 0x33, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x00, 0x00, 0xc0, 0x3f,
    0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x50, 0x40, 0x00, 0x00, 0x00, 0x00,
    0x6f, 0x12, 0x83, 0x3a, 0x00, 0xe0, 0x7f, 0x47,
};

// np.save(f, np.array([True, False, False, True]))
const uint8_t NumpyBool4[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x7c, 0x62, 0x31,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x34, 0x2c, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x01, 0x00, 0x00, 0x01,
};

// np.save(f, np.array(3.141592653589793))
const uint8_t NumpyFloat64Scalar[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c, 0x66, 0x38,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x18, 0x2d, 0x44, 0x54,
    0xfb, 0x21, 0x09, 0x40,
};

// np.lib.format.write_array(f, np.array([1, -2, 2**63 - 1, -2**63],
// dtype=np.int64), version=(2, 0))
const uint8_t NumpyInt64V2[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x02, 0x00, 0x74, 0x00, 0x00, 0x00,
    0x7b, 0x27, 0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c,
    0x69, 0x38, 0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61,
    0x6e, 0x5f, 0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61,
    0x6c, 0x73, 0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27,
    0x3a, 0x20, 0x28, 0x34, 0x2c, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x80,
};

// np.lib.format.write_array(f, np.array([[1, 65535], [256, 0]],
// dtype=np.uint16), version=(3, 0))
const uint8_t NumpyUInt16V3[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x03, 0x00, 0x74, 0x00, 0x00, 0x00,
    0x7b, 0x27, 0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c,
    0x75, 0x32, 0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61,
    0x6e, 0x5f, 0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61,
    0x6c, 0x73, 0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27,
    0x3a, 0x20, 0x28, 0x32, 0x2c, 0x20, 0x32, 0x29, 0x2c, 0x20, 0x7d, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x01, 0x00, 0xff, 0xff,
    0x00, 0x01, 0x00, 0x00,
};

// np.save(f, np.array([1, -2, 0x01020304], dtype='>i4'))
const uint8_t NumpyBigEndianInt32[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3e, 0x69, 0x34,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x33, 0x2c, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x00, 0x00, 0x00, 0x01,
    0xff, 0xff, 0xff, 0xfe, 0x01, 0x02, 0x03, 0x04,
};

// np.save(f, np.array([0.5, -1e300], dtype='>f8'))
const uint8_t NumpyBigEndianFloat64[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3e, 0x66, 0x38,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x32, 0x2c, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x3f, 0xe0, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0xfe, 0x37, 0xe4, 0x3c, 0x88, 0x00, 0x75, 0x9c,
};

// np.save(f, np.asfortranarray(np.arange(6, dtype=np.int32).reshape(2, 3)))
const uint8_t NumpyFortranInt32[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c, 0x69, 0x34,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x54, 0x72, 0x75, 0x65,
    0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20, 0x28,
    0x32, 0x2c, 0x20, 0x33, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x00, 0x00, 0x00, 0x00,
    0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
    0x02, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00,
};

// np.save(f, np.array([1 + 2j]))
const uint8_t NumpyComplex128[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c, 0x63, 0x31,
    0x36, 0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e,
    0x5f, 0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c,
    0x73, 0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a,
    0x20, 0x28, 0x31, 0x2c, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0xf0, 0x3f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40,
};

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

constexpr NpyDType AllDTypes[] = {
    NpyDType::Bool,   NpyDType::UInt8,   NpyDType::Int8,   NpyDType::Int16,
    NpyDType::Int32,  NpyDType::Int64,   NpyDType::UInt16, NpyDType::UInt32,
    NpyDType::UInt64, NpyDType::Float32, NpyDType::Float64};

template <size_t N> std::vector<uint8_t> toVector(const uint8_t (&data)[N]) {
  return std::vector<uint8_t>(data, data + N);
}

/// A .npy image with the given header dict text (unpadded apart from the
/// final '\n') followed by `data`.
std::vector<uint8_t> makeNpy(const std::string &dict,
                             const std::vector<uint8_t> &data = {},
                             unsigned major = 1) {
  std::string text = dict + "\n";
  std::vector<uint8_t> file = {0x93, 'N', 'U', 'M', 'P', 'Y'};
  file.push_back(static_cast<uint8_t>(major));
  file.push_back(0);
  size_t lengthBytes = major == 1 ? 2 : 4;
  for (size_t k = 0; k < lengthBytes; ++k)
    file.push_back(static_cast<uint8_t>(text.size() >> (8 * k)));
  file.insert(file.end(), text.begin(), text.end());
  file.insert(file.end(), data.begin(), data.end());
  return file;
}

/// The header dict of a serialized array, with its padding.
std::string headerText(const std::vector<uint8_t> &file) {
  size_t lengthBytes = file[6] == 1 ? 2 : 4;
  size_t length = 0;
  for (size_t k = 0; k < lengthBytes; ++k)
    length |= size_t(file[8 + k]) << (8 * k);
  return std::string(file.begin() + 8 + lengthBytes,
                     file.begin() + 8 + lengthBytes + length);
}

/// The error message of parsing `file`, which must fail.
std::string parseError(const std::vector<uint8_t> &file) {
  NpyArray array;
  std::string error;
  EXPECT_FALSE(parseNpy(file.data(), file.size(), array, error));
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  return error;
}

NpyArray parseOrFail(const std::vector<uint8_t> &file) {
  NpyArray array;
  std::string error;
  EXPECT_TRUE(parseNpy(file.data(), file.size(), array, error)) << error;
  return array;
}

std::vector<uint8_t> serializeOrFail(const NpyArray &array) {
  std::vector<uint8_t> file;
  std::string error;
  EXPECT_TRUE(serializeNpy(array, file, error)) << error;
  return file;
}

std::vector<double> allDoubles(const NpyArray &array) {
  std::vector<double> values;
  for (size_t i = 0; i < array.numElements(); ++i)
    values.push_back(array.getDouble(i));
  return values;
}

/// Every test gets its own fresh directory, removed afterwards.
class NpyFileTest : public ::testing::Test {
protected:
  fs::path dir;

  void SetUp() override {
    const ::testing::TestInfo *info =
        ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string("snc-npy-") + info->test_suite_name() + "-" +
                       info->name() + "-" + std::to_string(getpid());
    for (char &c : name)
      if (c == '/')
        c = '_';
    dir = fs::path(::testing::TempDir()) / name;
    fs::remove_all(dir);
    ASSERT_TRUE(fs::create_directories(dir));
  }

  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  std::vector<std::string> dirEntries() const {
    std::vector<std::string> names;
    for (const fs::directory_entry &entry : fs::directory_iterator(dir))
      names.push_back(entry.path().filename().string());
    return names;
  }
};

//===----------------------------------------------------------------------===//
// Element access
//===----------------------------------------------------------------------===//

TEST(NpyArrayTest, DTypeNamesAndSizes) {
  const char *names[] = {"bool",   "uint8",   "int8",   "int16",
                         "int32",  "int64",   "uint16", "uint32",
                         "uint64", "float32", "float64"};
  size_t sizes[] = {1, 1, 1, 2, 4, 8, 2, 4, 8, 4, 8};
  for (size_t i = 0; i < std::size(AllDTypes); ++i) {
    EXPECT_STREQ(npyDTypeName(AllDTypes[i]), names[i]);
    EXPECT_EQ(npyDTypeSize(AllDTypes[i]), sizes[i]);
  }
}

TEST(NpyArrayTest, ZerosAndNumElements) {
  NpyArray scalar = NpyArray::zeros(NpyDType::Float64, {});
  EXPECT_EQ(scalar.numElements(), 1u);
  EXPECT_EQ(scalar.bytes.size(), 8u);
  EXPECT_EQ(scalar.getDouble(0), 0.0);

  NpyArray cube = NpyArray::zeros(NpyDType::Int16, {2, 3, 4});
  EXPECT_EQ(cube.dtype, NpyDType::Int16);
  EXPECT_EQ(cube.shape, (std::vector<int64_t>{2, 3, 4}));
  EXPECT_EQ(cube.numElements(), 24u);
  EXPECT_EQ(cube.bytes, std::vector<uint8_t>(48, 0));

  EXPECT_EQ(NpyArray::zeros(NpyDType::Int32, {3, 0}).numElements(), 0u);
  EXPECT_TRUE(NpyArray::zeros(NpyDType::Int32, {3, 0}).bytes.empty());
}

TEST(NpyArrayTest, Conversions) {
  NpyArray f64 = NpyArray::zeros(NpyDType::Float64, {6});
  const double nan = std::numeric_limits<double>::quiet_NaN();
  double in[] = {2.7, -2.7, nan, 1e300, -1e300, -0.0};
  int64_t expected[] = {2,
                        -2,
                        0,
                        std::numeric_limits<int64_t>::max(),
                        std::numeric_limits<int64_t>::min(),
                        0};
  for (size_t i = 0; i < 6; ++i)
    f64.setDouble(i, in[i]);
  for (size_t i = 0; i < 6; ++i)
    EXPECT_EQ(f64.getInt(i), expected[i]) << i;
  EXPECT_TRUE(std::isnan(f64.getDouble(2)));

  NpyArray b = NpyArray::zeros(NpyDType::Bool, {4});
  b.setDouble(0, 0.5);
  b.setDouble(1, 0.0);
  b.setDouble(2, -3.0);
  b.setDouble(3, nan); // numpy: bool(nan) is True.
  EXPECT_EQ(b.bytes, (std::vector<uint8_t>{1, 0, 1, 1}));
  EXPECT_EQ(b.getDouble(0), 1.0);
  EXPECT_EQ(b.getInt(2), 1);
  EXPECT_EQ(b.getInt(1), 0);
  b.bytes[1] = 7; // Any nonzero byte reads as true.
  EXPECT_EQ(b.getDouble(1), 1.0);

  NpyArray i8 = NpyArray::zeros(NpyDType::Int8, {4});
  i8.setDouble(0, 300);
  i8.setDouble(1, -300);
  i8.setDouble(2, -7.9);
  i8.setDouble(3, 127.5);
  EXPECT_EQ(allDoubles(i8), (std::vector<double>{127, -128, -7, 127}));

  NpyArray u8 = NpyArray::zeros(NpyDType::UInt8, {2});
  u8.setDouble(0, -5);
  u8.setDouble(1, 255.9);
  EXPECT_EQ(u8.bytes, (std::vector<uint8_t>{0, 255}));

  NpyArray i16 = NpyArray::zeros(NpyDType::Int16, {1});
  i16.setDouble(0, 0x0102); // Little-endian in memory.
  EXPECT_EQ(i16.bytes, (std::vector<uint8_t>{0x02, 0x01}));

  NpyArray u64 = NpyArray::zeros(NpyDType::UInt64, {2});
  u64.setDouble(0, 1e20);
  u64.setDouble(1, 12345);
  EXPECT_EQ(u64.bytes[0], 0xff);
  EXPECT_EQ(u64.getDouble(0), 18446744073709551615.0);
  EXPECT_EQ(u64.getInt(0), -1); // Wraps like numpy's astype(np.int64).
  EXPECT_EQ(u64.getInt(1), 12345);

  NpyArray i64 = NpyArray::zeros(NpyDType::Int64, {2});
  i64.setDouble(0, -9.3e18);
  i64.setDouble(1, 9223372036854775808.0);
  EXPECT_EQ(i64.getInt(0), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(i64.getInt(1), std::numeric_limits<int64_t>::max());

  NpyArray f32 = NpyArray::zeros(NpyDType::Float32, {3});
  f32.setDouble(0, 0.1);
  f32.setDouble(1, -1e300);
  f32.setDouble(2, -5.5);
  EXPECT_EQ(f32.getDouble(0), static_cast<double>(0.1f));
  EXPECT_EQ(f32.getDouble(1), -std::numeric_limits<double>::infinity());
  EXPECT_EQ(f32.getInt(2), -5);
}

//===----------------------------------------------------------------------===//
// Round trips
//===----------------------------------------------------------------------===//

class NpyRoundTripTest : public NpyFileTest,
                         public ::testing::WithParamInterface<NpyDType> {};

/// Random bit patterns (0/1 for bool) so that every byte of every element,
/// NaN payloads included, must survive unchanged.
NpyArray randomArray(NpyDType dtype, std::vector<int64_t> shape,
                     std::mt19937 &rng) {
  NpyArray array = NpyArray::zeros(dtype, std::move(shape));
  std::uniform_int_distribution<int> byte(0, 255);
  for (uint8_t &b : array.bytes)
    b = static_cast<uint8_t>(dtype == NpyDType::Bool ? byte(rng) & 1
                                                     : byte(rng));
  return array;
}

TEST_P(NpyRoundTripTest, FileAndMemory) {
  NpyDType dtype = GetParam();
  std::mt19937 rng(1234);
  std::vector<std::vector<int64_t>> shapes = {{}, {5}, {2, 3, 4}, {0}, {3, 0}};
  for (const std::vector<int64_t> &shape : shapes) {
    SCOPED_TRACE(::testing::PrintToString(shape));
    NpyArray array = randomArray(dtype, shape, rng);

    std::vector<uint8_t> image = serializeOrFail(array);
    EXPECT_EQ(image.size() % 64, array.bytes.size() % 64);
    NpyArray parsed = parseOrFail(image);
    EXPECT_EQ(parsed.dtype, dtype);
    EXPECT_EQ(parsed.shape, shape);
    EXPECT_EQ(parsed.bytes, array.bytes);

    std::string path = (dir / "array.npy").string();
    std::string error;
    ASSERT_TRUE(writeNpy(path, array, error)) << error;
    NpyArray read;
    ASSERT_TRUE(readNpy(path, read, error)) << error;
    EXPECT_EQ(read.dtype, dtype);
    EXPECT_EQ(read.shape, shape);
    EXPECT_EQ(read.bytes, array.bytes);
    EXPECT_EQ(dirEntries(), std::vector<std::string>{"array.npy"});
  }
}

TEST_P(NpyRoundTripTest, Values) {
  NpyDType dtype = GetParam();
  NpyArray array = NpyArray::zeros(dtype, {2, 3, 4});
  for (size_t i = 0; i < array.numElements(); ++i)
    array.setDouble(i, static_cast<double>(i % 7) - 2.0);
  NpyArray parsed = parseOrFail(serializeOrFail(array));
  for (size_t i = 0; i < parsed.numElements(); ++i)
    EXPECT_EQ(parsed.getDouble(i), array.getDouble(i)) << i;
}

INSTANTIATE_TEST_SUITE_P(AllDTypes, NpyRoundTripTest,
                         ::testing::ValuesIn(AllDTypes),
                         [](const ::testing::TestParamInfo<NpyDType> &param) {
                           return std::string(npyDTypeName(param.param));
                         });

//===----------------------------------------------------------------------===//
// Files written by numpy
//===----------------------------------------------------------------------===//

TEST(NpyNumpyFileTest, Float32Matrix) {
  std::vector<uint8_t> file = toVector(NumpyFloat32x2x3);
  NpyArray array = parseOrFail(file);
  EXPECT_EQ(array.dtype, NpyDType::Float32);
  EXPECT_EQ(array.shape, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(allDoubles(array),
            (std::vector<double>{1.5, -2, 3.25, 0, static_cast<double>(1e-3f),
                                 65504}));
  // Our writer produces numpy's bytes exactly, from the parsed array...
  EXPECT_EQ(serializeOrFail(array), file);
  // ...and from one built element by element.
  NpyArray built = NpyArray::zeros(NpyDType::Float32, {2, 3});
  double values[] = {1.5, -2, 3.25, 0, 1e-3, 65504};
  for (size_t i = 0; i < 6; ++i)
    built.setDouble(i, values[i]);
  EXPECT_EQ(serializeOrFail(built), file);
}

TEST(NpyNumpyFileTest, Bool) {
  std::vector<uint8_t> file = toVector(NumpyBool4);
  NpyArray array = parseOrFail(file);
  EXPECT_EQ(array.dtype, NpyDType::Bool);
  EXPECT_EQ(array.shape, std::vector<int64_t>{4});
  EXPECT_EQ(allDoubles(array), (std::vector<double>{1, 0, 0, 1}));
  EXPECT_EQ(serializeOrFail(array), file);
}

TEST(NpyNumpyFileTest, Float64Scalar) {
  std::vector<uint8_t> file = toVector(NumpyFloat64Scalar);
  NpyArray array = parseOrFail(file);
  EXPECT_EQ(array.dtype, NpyDType::Float64);
  EXPECT_TRUE(array.shape.empty());
  EXPECT_EQ(array.numElements(), 1u);
  EXPECT_EQ(array.getDouble(0), 3.141592653589793);
  EXPECT_EQ(array.getInt(0), 3);
  EXPECT_EQ(serializeOrFail(array), file);
}

TEST(NpyNumpyFileTest, Int64Version2) {
  std::vector<uint8_t> file = toVector(NumpyInt64V2);
  ASSERT_EQ(file[6], 2);
  NpyArray array = parseOrFail(file);
  EXPECT_EQ(array.dtype, NpyDType::Int64);
  EXPECT_EQ(array.shape, std::vector<int64_t>{4});
  EXPECT_EQ(array.getInt(0), 1);
  EXPECT_EQ(array.getInt(1), -2);
  EXPECT_EQ(array.getInt(2), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(array.getInt(3), std::numeric_limits<int64_t>::min());
  // Written back as version 1.0, the oldest that fits, with the same data.
  std::vector<uint8_t> written = serializeOrFail(array);
  EXPECT_EQ(written[6], 1);
  EXPECT_TRUE(std::equal(written.end() - 32, written.end(), file.end() - 32));
}

TEST(NpyNumpyFileTest, UInt16Version3) {
  NpyArray array = parseOrFail(toVector(NumpyUInt16V3));
  EXPECT_EQ(array.dtype, NpyDType::UInt16);
  EXPECT_EQ(array.shape, (std::vector<int64_t>{2, 2}));
  EXPECT_EQ(allDoubles(array), (std::vector<double>{1, 65535, 256, 0}));
}

TEST(NpyNumpyFileTest, BigEndianIsSwapped) {
  NpyArray ints = parseOrFail(toVector(NumpyBigEndianInt32));
  EXPECT_EQ(ints.dtype, NpyDType::Int32);
  EXPECT_EQ(allDoubles(ints), (std::vector<double>{1, -2, 0x01020304}));
  EXPECT_EQ(ints.bytes[8], 0x04); // Little-endian in memory.

  NpyArray doubles = parseOrFail(toVector(NumpyBigEndianFloat64));
  EXPECT_EQ(doubles.dtype, NpyDType::Float64);
  EXPECT_EQ(allDoubles(doubles), (std::vector<double>{0.5, -1e300}));
}

TEST(NpyNumpyFileTest, ComplexIsRejected) {
  EXPECT_EQ(parseError(toVector(NumpyComplex128)),
            "unsupported dtype '<c16' (complex)");
}

TEST(NpyNumpyFileTest, FortranOrderIsRejected) {
  EXPECT_EQ(parseError(toVector(NumpyFortranInt32)),
            "fortran_order arrays are not supported");
}

//===----------------------------------------------------------------------===//
// Header parsing
//===----------------------------------------------------------------------===//

TEST(NpyHeaderTest, AcceptsVariants) {
  struct Case {
    std::string dict;
    NpyDType dtype;
    std::vector<int64_t> shape;
  };
  Case cases[] = {
      {"{'descr':'<f8','fortran_order':False,'shape':(2,3)}",
       NpyDType::Float64,
       {2, 3}},
      {"  { \"descr\" : \"<f4\" ,\n\t'fortran_order' : False , "
       "'shape' : ( 2 , 3 , ) , }   ",
       NpyDType::Float32,
       {2, 3}},
      {"{'shape': (5,), 'fortran_order': False, 'descr': '=i4', }",
       NpyDType::Int32,
       {5}},
      {"{'descr': 'u2', 'fortran_order': False, 'shape': ()}",
       NpyDType::UInt16,
       {}},
      {"{'descr': u'<i2', 'fortran_order': False, 'shape': (3L, 1L), }",
       NpyDType::Int16,
       {3, 1}},
      {"{'descr': '>u1', 'fortran_order': False, 'shape': (1, 1, 1, 3)}",
       NpyDType::UInt8,
       {1, 1, 1, 3}},
      {"{'descr': '|i1', 'fortran_order': False, 'shape': (0,)}",
       NpyDType::Int8,
       {0}},
  };
  for (const Case &c : cases) {
    SCOPED_TRACE(c.dict);
    size_t size = 1;
    for (int64_t dim : c.shape)
      size *= static_cast<size_t>(dim);
    size *= npyDTypeSize(c.dtype);
    std::vector<uint8_t> data(size);
    for (size_t i = 0; i < size; ++i)
      data[i] = static_cast<uint8_t>(i + 1);
    NpyArray array = parseOrFail(makeNpy(c.dict, data));
    EXPECT_EQ(array.dtype, c.dtype);
    EXPECT_EQ(array.shape, c.shape);
    EXPECT_EQ(array.bytes, data);
  }
}

TEST(NpyHeaderTest, SingleByteBigEndianIsNotSwapped) {
  NpyArray array = parseOrFail(makeNpy(
      "{'descr': '>i1', 'fortran_order': False, 'shape': (2,)}", {0x80, 1}));
  EXPECT_EQ(allDoubles(array), (std::vector<double>{-128, 1}));
}

TEST(NpyHeaderTest, BigEndianFromVersion2Header) {
  NpyArray array = parseOrFail(
      makeNpy("{'descr': '>u2', 'fortran_order': False, 'shape': (2,)}",
              {0x01, 0x02, 0xff, 0x00}, 2));
  EXPECT_EQ(array.bytes, (std::vector<uint8_t>{0x02, 0x01, 0x00, 0xff}));
}

//===----------------------------------------------------------------------===//
// Parse errors
//===----------------------------------------------------------------------===//

TEST(NpyParseErrorTest, BadMagic) {
  EXPECT_EQ(parseError({'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0}),
            "not a .npy file (bad magic)");
  EXPECT_EQ(parseError({}), "not a .npy file (bad magic)");
  std::vector<uint8_t> file = toVector(NumpyBool4);
  file[1] = 'n';
  EXPECT_EQ(parseError(file), "not a .npy file (bad magic)");
}

TEST(NpyParseErrorTest, TruncatedHeader) {
  std::vector<uint8_t> file = toVector(NumpyFloat32x2x3);
  EXPECT_EQ(parseError(std::vector<uint8_t>(file.begin(), file.begin() + 50)),
            "truncated header: expected 118 bytes, found 40");
  for (size_t size : {3, 7, 9}) {
    SCOPED_TRACE(size);
    EXPECT_NE(
        parseError(std::vector<uint8_t>(file.begin(), file.begin() + size))
            .find("truncated header"),
        std::string::npos);
  }
  // A version 2.0 length field is 4 bytes.
  file = toVector(NumpyInt64V2);
  EXPECT_NE(parseError(std::vector<uint8_t>(file.begin(), file.begin() + 11))
                .find("truncated header"),
            std::string::npos);
}

TEST(NpyParseErrorTest, TruncatedData) {
  std::vector<uint8_t> file = toVector(NumpyFloat32x2x3);
  file.resize(file.size() - 4);
  EXPECT_EQ(parseError(file), "data truncated: expected 24 bytes, found 20");
  file.resize(128); // Header only.
  EXPECT_EQ(parseError(file), "data truncated: expected 24 bytes, found 0");
}

TEST(NpyParseErrorTest, TrailingData) {
  std::vector<uint8_t> file = toVector(NumpyFloat32x2x3);
  file.push_back(0);
  EXPECT_EQ(parseError(file),
            "unexpected trailing data: expected 24 bytes, found 25");
}

TEST(NpyParseErrorTest, UnsupportedDType) {
  auto errorFor = [](const std::string &descr) {
    return parseError(makeNpy("{'descr': " + descr +
                              ", 'fortran_order': False, 'shape': (1,), }"));
  };
  EXPECT_EQ(errorFor("'<c8'"), "unsupported dtype '<c8' (complex)");
  EXPECT_EQ(errorFor("'|O'"), "unsupported dtype '|O' (Python objects)");
  EXPECT_EQ(errorFor("'<U5'"), "unsupported dtype '<U5' (unicode strings)");
  EXPECT_EQ(errorFor("'|S3'"), "unsupported dtype '|S3' (byte strings)");
  EXPECT_EQ(errorFor("'<M8[ns]'"), "unsupported dtype '<M8[ns]' (datetime)");
  EXPECT_EQ(errorFor("'<f2'"), "unsupported dtype '<f2'");
  EXPECT_EQ(errorFor("'<i3'"), "unsupported dtype '<i3'");
  EXPECT_EQ(errorFor("[('x', '<f4'), ('y', '<f4')]"),
            "unsupported dtype: structured arrays are not supported");
  // Control characters from the file do not break the one-line message.
  EXPECT_EQ(errorFor("'<x\\n'"), "unsupported dtype '<x?'");
}

TEST(NpyParseErrorTest, FortranOrder) {
  EXPECT_EQ(parseError(makeNpy("{'descr': '<f8', 'fortran_order': True, "
                               "'shape': (2, 2), }",
                               std::vector<uint8_t>(32))),
            "fortran_order arrays are not supported");
}

TEST(NpyParseErrorTest, MalformedHeaderDict) {
  const char *dicts[] = {
      "",
      "{",
      "{'descr': '<f8'",
      "{'descr': '<f8' 'fortran_order': False, 'shape': ()}",
      "{'descr' '<f8', 'fortran_order': False, 'shape': ()}",
      "{descr: '<f8', 'fortran_order': False, 'shape': ()}",
      "{'descr': '<f8, 'fortran_order': False, 'shape': ()}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2,}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2.5,)}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 'a')}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2)}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': [2]}",
      "{'descr': '<f8', 'fortran_order': 0, 'shape': ()}",
      "{'descr': '<f8', 'fortran_order': false, 'shape': ()}",
      "{'descr': 8, 'fortran_order': False, 'shape': ()}",
      "{'descr': '<f8', 'shape': ()}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (), 'x': 1}",
      "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': ()}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': ()} x",
      "{'descr': '<f8', 'fortran_order': False, 'shape': ()}}",
      "['descr', '<f8']",
      "{'descr': '<f8', 'fortran_order': False, 'shape': "
      "((((((((((((((((((((((((((((((((1,),),),),),),),),),),),),),),),),),)"
      ",),),),),),),),),),),),),),),)}",
  };
  for (const char *dict : dicts) {
    SCOPED_TRACE(dict);
    EXPECT_NE(parseError(makeNpy(dict, std::vector<uint8_t>(8)))
                  .find("malformed header"),
              std::string::npos);
  }
  EXPECT_EQ(parseError(makeNpy("{'descr': '<f8', 'shape': ()}")),
            "malformed header: missing key 'fortran_order'");
  EXPECT_EQ(parseError(makeNpy("{'descr': '<f8', 'fortran_order': False, "
                               "'shape': (), 'extra': 1}")),
            "malformed header: unexpected key 'extra'");
  EXPECT_EQ(parseError(makeNpy("{'descr': '<f8' 'shape': ()}")),
            "malformed header: expected ',' or '}' at offset 16");
}

TEST(NpyParseErrorTest, InvalidShape) {
  EXPECT_EQ(parseError(makeNpy(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (2, -1)}")),
            "invalid shape (2, -1): negative dimension -1");
  EXPECT_EQ(
      parseError(makeNpy("{'descr': '<f8', 'fortran_order': False, 'shape': "
                         "(4294967296, 4294967296)}")),
      "invalid shape (4294967296, 4294967296): too many elements");
  EXPECT_EQ(parseError(makeNpy("{'descr': '<f8', 'fortran_order': False, "
                               "'shape': (99999999999999999999,)}")),
            "invalid shape: dimension too large");
}

TEST(NpyParseErrorTest, UnsupportedVersion) {
  std::vector<uint8_t> file = toVector(NumpyBool4);
  file[6] = 4;
  EXPECT_EQ(parseError(file), "unsupported .npy format version 4.0");
  file[6] = 1;
  file[7] = 1;
  EXPECT_EQ(parseError(file), "unsupported .npy format version 1.1");
}

//===----------------------------------------------------------------------===//
// Writer
//===----------------------------------------------------------------------===//

TEST(NpyWriterTest, HeaderLayout) {
  std::vector<uint8_t> file =
      serializeOrFail(NpyArray::zeros(NpyDType::Float32, {3, 4}));
  ASSERT_EQ(file.size(), 128u + 48u);
  EXPECT_EQ(std::string(file.begin(), file.begin() + 8),
            std::string("\x93NUMPY\x01\x00", 8));
  std::string header = headerText(file);
  EXPECT_EQ((10 + header.size()) % 64, 0u);
  EXPECT_EQ(header.back(), '\n');
  EXPECT_EQ(header.rfind("{'descr': '<f4', 'fortran_order': False, "
                         "'shape': (3, 4), }",
                         0),
            0u);
  EXPECT_EQ(header.find_first_not_of(' ', header.find('}') + 1),
            header.size() - 1);

  EXPECT_NE(headerText(serializeOrFail(NpyArray::zeros(NpyDType::Bool, {5})))
                .find("'descr': '|b1'"),
            std::string::npos);
  EXPECT_NE(headerText(serializeOrFail(NpyArray::zeros(NpyDType::Int8, {})))
                .find("'shape': (), }"),
            std::string::npos);
}

TEST(NpyWriterTest, Version2ForHugeHeaders) {
  // Only a header over 65535 bytes needs version 2.0.
  NpyArray array =
      NpyArray::zeros(NpyDType::Int32, std::vector<int64_t>(22000, 1));
  array.setDouble(0, 42);
  std::vector<uint8_t> file = serializeOrFail(array);
  EXPECT_EQ(file[6], 2);
  EXPECT_EQ((12 + headerText(file).size()) % 64, 0u);
  NpyArray parsed = parseOrFail(file);
  EXPECT_EQ(parsed.shape, array.shape);
  EXPECT_EQ(parsed.getInt(0), 42);
}

TEST(NpyWriterTest, RejectsInconsistentArrays) {
  std::vector<uint8_t> file;
  std::string error;
  NpyArray array = NpyArray::zeros(NpyDType::Float64, {2, 3});
  array.bytes.pop_back();
  EXPECT_FALSE(serializeNpy(array, file, error));
  EXPECT_EQ(error, "invalid array: shape (2, 3) of float64 needs 48 bytes, "
                   "found 47");
  array.shape = {-2, 3};
  EXPECT_FALSE(serializeNpy(array, file, error));
  EXPECT_EQ(error, "invalid array: negative dimension -2 in shape (-2, 3)");
}

//===----------------------------------------------------------------------===//
// Files
//===----------------------------------------------------------------------===//

TEST_F(NpyFileTest, WriteToMissingDirectoryFails) {
  std::string path = (dir / "missing" / "a.npy").string();
  std::string error;
  EXPECT_FALSE(writeNpy(path, NpyArray::zeros(NpyDType::Float32, {2}), error));
  EXPECT_EQ(error.rfind(path + ": cannot create", 0), 0u) << error;
  EXPECT_NE(error.find("No such file or directory"), std::string::npos)
      << error;
  EXPECT_FALSE(fs::exists(path));
  EXPECT_TRUE(dirEntries().empty());
}

TEST_F(NpyFileTest, FailedRenameLeavesNoFile) {
  // The target is a directory: the temporary file is written, but cannot be
  // renamed over it, and must be cleaned up.
  fs::path target = dir / "target.npy";
  ASSERT_TRUE(fs::create_directory(target));
  std::string error;
  EXPECT_FALSE(
      writeNpy(target.string(), NpyArray::zeros(NpyDType::Int32, {4}), error));
  EXPECT_EQ(error.rfind(target.string() + ": cannot rename", 0), 0u) << error;
  EXPECT_EQ(dirEntries(), std::vector<std::string>{"target.npy"});
  EXPECT_TRUE(fs::is_directory(target));
}

TEST_F(NpyFileTest, InvalidArrayIsNotWritten) {
  std::string path = (dir / "bad.npy").string();
  NpyArray array = NpyArray::zeros(NpyDType::Int16, {3});
  array.bytes.push_back(0);
  std::string error;
  EXPECT_FALSE(writeNpy(path, array, error));
  EXPECT_EQ(error.rfind(path + ": invalid array", 0), 0u) << error;
  EXPECT_TRUE(dirEntries().empty());
}

TEST_F(NpyFileTest, OverwritesExistingFile) {
  std::string path = (dir / "a.npy").string();
  std::string error;
  NpyArray first = NpyArray::zeros(NpyDType::Float64, {100});
  ASSERT_TRUE(writeNpy(path, first, error)) << error;
  NpyArray second = NpyArray::zeros(NpyDType::UInt8, {3});
  second.setDouble(2, 9);
  ASSERT_TRUE(writeNpy(path, second, error)) << error;
  NpyArray read;
  ASSERT_TRUE(readNpy(path, read, error)) << error;
  EXPECT_EQ(read.dtype, NpyDType::UInt8);
  EXPECT_EQ(read.bytes, (std::vector<uint8_t>{0, 0, 9}));
  EXPECT_EQ(fs::file_size(path), 128u + 3u);
  EXPECT_EQ(dirEntries(), std::vector<std::string>{"a.npy"});
}

TEST_F(NpyFileTest, ReadsNumpyFile) {
  std::string path = (dir / "numpy.npy").string();
  std::FILE *file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  std::fwrite(NumpyUInt16V3, 1, sizeof(NumpyUInt16V3), file);
  std::fclose(file);
  NpyArray array;
  std::string error;
  ASSERT_TRUE(readNpy(path, array, error)) << error;
  EXPECT_EQ(allDoubles(array), (std::vector<double>{1, 65535, 256, 0}));
}

TEST_F(NpyFileTest, ReadErrorsArePrefixedWithPath) {
  std::string path = (dir / "missing.npy").string();
  NpyArray array;
  std::string error;
  EXPECT_FALSE(readNpy(path, array, error));
  EXPECT_EQ(error, path + ": cannot open: No such file or directory");

  path = (dir / "text.npy").string();
  std::FILE *file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  std::fputs("hello, world\n", file);
  std::fclose(file);
  EXPECT_FALSE(readNpy(path, array, error));
  EXPECT_EQ(error, path + ": not a .npy file (bad magic)");

  EXPECT_FALSE(readNpy(dir.string(), array, error));
  EXPECT_EQ(error.rfind(dir.string() + ": ", 0), 0u) << error;
}

TEST_F(NpyFileTest, FailedReadLeavesOutputUnchanged) {
  std::string path = (dir / "truncated.npy").string();
  std::FILE *file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  std::fwrite(NumpyFloat32x2x3, 1, sizeof(NumpyFloat32x2x3) - 1, file);
  std::fclose(file);
  NpyArray array = NpyArray::zeros(NpyDType::Int8, {2});
  std::string error;
  EXPECT_FALSE(readNpy(path, array, error));
  EXPECT_EQ(error, path + ": data truncated: expected 24 bytes, found 23");
  EXPECT_EQ(array.dtype, NpyDType::Int8);
  EXPECT_EQ(array.shape, std::vector<int64_t>{2});
}

} // namespace
