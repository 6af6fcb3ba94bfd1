//===- snc-npy.cpp - make, print and compare spike-train arrays -----------===//
//
// The spike I/O companion of snc: turns CSV traces into .npy inputs, prints
// arrays for FileCheck, lists spike steps, and compares traces against a
// reference with a stated tolerance. Used by the lit suite and by users.
//
//===----------------------------------------------------------------------===//

#include "passes/SplitMix64.h"
#include "runtime/Npy.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using snc::runtime::NpyArray;
using snc::runtime::NpyDType;

namespace {

const char *usage =
    "usage: snc-npy <command> [options]\n"
    "\n"
    "commands:\n"
    "  print FILE                      dtype, shape and one line per step\n"
    "  spikes FILE                     for each element, the steps it is "
    "nonzero\n"
    "  from-csv CSV -o OUT [--column K] [--dtype D]\n"
    "                                  column K (default 0) as a (rows, 1) "
    "array\n"
    "  random -o OUT --shape S --density P [--seed N] [--dtype D]\n"
    "                                  deterministic Bernoulli spikes, S like "
    "100,2,34,34\n"
    "  compare ACTUAL (--npy REF | --csv REF [--column K]) [--atol X] [--rows "
    "A:B]\n"
    "                                  max |ACTUAL - REF| over all elements "
    "(of\n"
    "                                  steps A..B-1); fails (exit 1) if it "
    "exceeds\n"
    "                                  X (default 0: exact)\n"
    "\n"
    "D is one of bool, uint8, int64, float32, float64 (default float32).\n";

int fail(const std::string &message) {
  std::fprintf(stderr, "snc-npy: error: %s\n", message.c_str());
  return 1;
}

/// Options after the command: positional arguments and --key value pairs.
struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> named;

  bool parse(int argc, char **argv, std::string &error) {
    for (int i = 2; i < argc; ++i) {
      std::string arg = argv[i];
      if (arg == "-o")
        arg = "--output";
      if (arg.rfind("--", 0) == 0) {
        if (i + 1 >= argc) {
          error = "option " + arg + " needs a value";
          return false;
        }
        named[arg.substr(2)] = argv[++i];
      } else {
        positional.push_back(arg);
      }
    }
    return true;
  }
  std::string get(const std::string &key, const std::string &fallback) const {
    auto it = named.find(key);
    return it == named.end() ? fallback : it->second;
  }
};

bool parseDType(const std::string &name, NpyDType &dtype) {
  static const std::map<std::string, NpyDType> names = {
      {"bool", NpyDType::Bool},
      {"uint8", NpyDType::UInt8},
      {"int64", NpyDType::Int64},
      {"float32", NpyDType::Float32},
      {"float64", NpyDType::Float64}};
  auto it = names.find(name);
  if (it == names.end())
    return false;
  dtype = it->second;
  return true;
}

bool parseNumber(const std::string &text, double &value) {
  char *end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return !text.empty() && end && *end == '\0';
}

/// Reads one column of a numeric CSV file.
bool readCsvColumn(const std::string &path, size_t column,
                   std::vector<double> &values, std::string &error) {
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot open";
    return false;
  }
  std::string line;
  for (size_t row = 1; std::getline(in, line); ++row) {
    if (line.empty())
      continue;
    std::stringstream fields(line);
    std::string field;
    for (size_t c = 0; c <= column; ++c)
      if (!std::getline(fields, field, ',')) {
        error = path + ":" + std::to_string(row) + ": no column " +
                std::to_string(column);
        return false;
      }
    double v;
    if (!parseNumber(field, v)) {
      error = path + ":" + std::to_string(row) + ": '" + field +
              "' is not a number";
      return false;
    }
    values.push_back(v);
  }
  return true;
}

size_t rowSize(const NpyArray &a) {
  return a.shape.empty() || a.shape[0] == 0 ? 1 : a.numElements() / a.shape[0];
}

std::string shapeString(const std::vector<int64_t> &shape) {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + (shape.size() == 1 ? ",)" : ")");
}

int printCommand(const Args &args) {
  if (args.positional.size() != 1)
    return fail("print takes one FILE");
  NpyArray a;
  std::string error;
  if (!snc::runtime::readNpy(args.positional[0], a, error))
    return fail(error);
  std::printf("dtype %s shape %s\n", snc::runtime::npyDTypeName(a.dtype),
              shapeString(a.shape).c_str());
  size_t n = rowSize(a), rows = a.numElements() / std::max<size_t>(n, 1);
  for (size_t r = 0; r < rows; ++r) {
    std::printf("%zu:", r);
    for (size_t k = 0; k < n; ++k)
      std::printf(" %.9g", a.getDouble(r * n + k));
    std::printf("\n");
  }
  return 0;
}

int spikesCommand(const Args &args) {
  if (args.positional.size() != 1)
    return fail("spikes takes one FILE");
  NpyArray a;
  std::string error;
  if (!snc::runtime::readNpy(args.positional[0], a, error))
    return fail(error);
  size_t n = rowSize(a), rows = a.numElements() / std::max<size_t>(n, 1);
  for (size_t k = 0; k < n; ++k) {
    std::printf("%zu:", k);
    for (size_t r = 0; r < rows; ++r)
      if (a.getDouble(r * n + k) != 0)
        std::printf(" %zu", r);
    std::printf("\n");
  }
  return 0;
}

int fromCsvCommand(const Args &args) {
  std::string out = args.get("output", "");
  if (args.positional.size() != 1 || out.empty())
    return fail("from-csv takes CSV and -o OUT");
  NpyDType dtype;
  if (!parseDType(args.get("dtype", "float32"), dtype))
    return fail("unknown --dtype '" + args.get("dtype", "") + "'");
  double column;
  if (!parseNumber(args.get("column", "0"), column) || column < 0)
    return fail("--column must be a non-negative integer");
  std::vector<double> values;
  std::string error;
  if (!readCsvColumn(args.positional[0], size_t(column), values, error))
    return fail(error);
  NpyArray a = NpyArray::zeros(dtype, {int64_t(values.size()), 1});
  for (size_t i = 0; i < values.size(); ++i)
    a.setDouble(i, values[i]);
  if (!snc::runtime::writeNpy(out, a, error))
    return fail(error);
  return 0;
}

int randomCommand(const Args &args) {
  std::string out = args.get("output", "");
  if (out.empty() || !args.named.count("shape") || !args.named.count("density"))
    return fail("random takes -o OUT --shape S --density P");
  NpyDType dtype;
  if (!parseDType(args.get("dtype", "bool"), dtype))
    return fail("unknown --dtype '" + args.get("dtype", "") + "'");
  std::vector<int64_t> shape;
  std::stringstream dims(args.get("shape", ""));
  for (std::string dim; std::getline(dims, dim, ',');) {
    double d;
    if (!parseNumber(dim, d) || d < 0)
      return fail("--shape must be a comma-separated list of sizes");
    shape.push_back(int64_t(d));
  }
  double density, seed;
  if (!parseNumber(args.get("density", ""), density) || density < 0 ||
      density > 1)
    return fail("--density must lie in [0, 1]");
  if (!parseNumber(args.get("seed", "1"), seed))
    return fail("--seed must be an integer");
  NpyArray a = NpyArray::zeros(dtype, shape);
  snc::SplitMix64 rng{uint64_t(seed)};
  for (size_t i = 0; i < a.numElements(); ++i)
    a.setDouble(i, rng.uniform() < density ? 1.0 : 0.0);
  std::string error;
  if (!snc::runtime::writeNpy(out, a, error))
    return fail(error);
  return 0;
}

int compareCommand(const Args &args) {
  if (args.positional.size() != 1)
    return fail("compare takes one ACTUAL file");
  NpyArray actual;
  std::string error;
  if (!snc::runtime::readNpy(args.positional[0], actual, error))
    return fail(error);
  std::vector<double> reference;
  if (args.named.count("npy")) {
    NpyArray ref;
    if (!snc::runtime::readNpy(args.get("npy", ""), ref, error))
      return fail(error);
    for (size_t i = 0; i < ref.numElements(); ++i)
      reference.push_back(ref.getDouble(i));
  } else if (args.named.count("csv")) {
    double column;
    if (!parseNumber(args.get("column", "0"), column) || column < 0)
      return fail("--column must be a non-negative integer");
    if (!readCsvColumn(args.get("csv", ""), size_t(column), reference, error))
      return fail(error);
  } else {
    return fail("compare needs --npy REF or --csv REF");
  }
  double atol;
  if (!parseNumber(args.get("atol", "0"), atol) || atol < 0)
    return fail("--atol must be a non-negative number");
  if (reference.size() != actual.numElements())
    return fail("ACTUAL has " + std::to_string(actual.numElements()) +
                " elements but the reference has " +
                std::to_string(reference.size()));
  size_t n = rowSize(actual);
  size_t rows = reference.size() / std::max<size_t>(n, 1);
  double shiftValue;
  if (!parseNumber(args.get("shift", "0"), shiftValue) || shiftValue < 0 ||
      size_t(shiftValue) > rows)
    return fail("--shift must be a whole number of steps in [0, " +
                std::to_string(rows) + "]");
  size_t shift = size_t(shiftValue);
  // Shifted, the last `shift` steps of REF have no counterpart in ACTUAL.
  rows -= shift;
  size_t firstRow = 0, endRow = rows;
  if (args.named.count("rows")) {
    std::string spec = args.get("rows", "");
    size_t colon = spec.find(':');
    double a, b;
    if (colon == std::string::npos || !parseNumber(spec.substr(0, colon), a) ||
        !parseNumber(spec.substr(colon + 1), b) || a < 0 || b < a ||
        size_t(b) > rows)
      return fail("--rows must be A:B with 0 <= A <= B <= " +
                  std::to_string(rows));
    firstRow = size_t(a);
    endRow = size_t(b);
  }
  double worst = 0;
  size_t worstAt = firstRow * n, mismatches = 0;
  for (size_t i = firstRow * n; i < endRow * n; ++i) {
    double err = std::fabs(actual.getDouble(i + shift * n) - reference[i]);
    if (std::isnan(err))
      err = INFINITY;
    if (err > atol)
      ++mismatches;
    if (err > worst) {
      worst = err;
      worstAt = i;
    }
  }
  std::printf("max abs error %.3g at step %zu element %zu; %zu of %zu "
              "elements beyond atol %.3g\n",
              worst, worstAt / n, worstAt % n, mismatches,
              (endRow - firstRow) * n, atol);
  return mismatches ? 1 : 0;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" ||
      std::string(argv[1]) == "-h") {
    std::fputs(usage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 1 : 0;
  }
  Args args;
  std::string error;
  if (!args.parse(argc, argv, error))
    return fail(error);
  std::string command = argv[1];
  if (command == "print")
    return printCommand(args);
  if (command == "spikes")
    return spikesCommand(args);
  if (command == "from-csv")
    return fromCsvCommand(args);
  if (command == "random")
    return randomCommand(args);
  if (command == "compare")
    return compareCommand(args);
  return fail("unknown command '" + command + "' (see snc-npy --help)");
}
