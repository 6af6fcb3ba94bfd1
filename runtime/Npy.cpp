//===- Npy.cpp - Reader and writer of NumPy .npy files --------------------===//
//
// File layout (numpy/lib/format.py): the magic "\x93NUMPY", a major and a
// minor version byte, the header length (uint16 in version 1.0, uint32 in
// 2.0 and 3.0, little-endian), then the header: the repr() of a Python dict
// with the keys 'descr', 'fortran_order' and 'shape', padded with spaces and
// a final '\n'. The raw element data follows immediately.
//
//===----------------------------------------------------------------------===//

#include "runtime/Npy.h"

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

#ifdef _WIN32
#include <process.h>
#else
#include <unistd.h>
#endif

using namespace snc::runtime;

namespace {

constexpr char Magic[] = "\x93NUMPY";
constexpr size_t MagicLen = sizeof(Magic) - 1;
/// numpy aligns the start of the data to this many bytes so that files can be
/// memory mapped.
constexpr size_t ArrayAlign = 64;
/// numpy leaves room in the header for the first dimension to grow to this
/// many digits (so that arrays can be appended to in place); we do the same so
/// that our files are byte-identical to numpy's.
constexpr size_t GrowthAxisMaxDigits = 21;
/// Bound on the nesting of tuples, lists and dicts in a header, so that a
/// malicious header cannot exhaust the stack.
constexpr unsigned MaxNesting = 16;

struct DTypeInfo {
  NpyDType type;
  const char *name; // numpy's name
  const char *code; // kind and size as in the descr, without byte order
  size_t size;
};

constexpr DTypeInfo DTypeTable[] = {
    {NpyDType::Bool, "bool", "b1", 1},
    {NpyDType::UInt8, "uint8", "u1", 1},
    {NpyDType::Int8, "int8", "i1", 1},
    {NpyDType::Int16, "int16", "i2", 2},
    {NpyDType::Int32, "int32", "i4", 4},
    {NpyDType::Int64, "int64", "i8", 8},
    {NpyDType::UInt16, "uint16", "u2", 2},
    {NpyDType::UInt32, "uint32", "u4", 4},
    {NpyDType::UInt64, "uint64", "u8", 8},
    {NpyDType::Float32, "float32", "f4", 4},
    {NpyDType::Float64, "float64", "f8", 8},
};

const DTypeInfo *findDType(NpyDType t) {
  for (const DTypeInfo &info : DTypeTable)
    if (info.type == t)
      return &info;
  return nullptr;
}

std::string errnoMessage(int err) {
  // Some C libraries do not set errno on stdio failures.
  if (err == 0)
    return "I/O error";
  return std::generic_category().message(err);
}

/// Text from a file, made safe for a one-line error message.
std::string sanitize(std::string_view text) {
  constexpr size_t MaxLen = 40;
  std::string result;
  for (char c : text.substr(0, MaxLen)) {
    unsigned char u = static_cast<unsigned char>(c);
    result += (u < 0x20 || u >= 0x7f) ? '?' : c;
  }
  if (text.size() > MaxLen)
    result += "...";
  return result;
}

/// Product of the dimensions; false on a negative dimension or if the
/// product does not fit in size_t.
bool checkedElementCount(const std::vector<int64_t> &shape, size_t &count,
                         std::string &error) {
  // A zero dimension makes the array empty even if the other dimensions
  // alone would overflow, so overflow is only an error at the end.
  constexpr uint64_t MaxCount = std::numeric_limits<size_t>::max();
  uint64_t product = 1;
  bool overflow = false;
  for (int64_t dim : shape) {
    if (dim < 0) {
      error = "negative dimension " + std::to_string(dim);
      return false;
    }
    uint64_t d = static_cast<uint64_t>(dim);
    if (d == 0)
      product = 0;
    else if (product != 0 && d > MaxCount / product)
      overflow = true;
    else
      product *= d;
  }
  if (overflow && product != 0) {
    error = "too many elements";
    return false;
  }
  count = static_cast<size_t>(product);
  return true;
}

bool checkedByteCount(const std::vector<int64_t> &shape, size_t elementSize,
                      size_t &byteCount, std::string &error) {
  size_t count;
  if (!checkedElementCount(shape, count, error))
    return false;
  if (count > std::numeric_limits<size_t>::max() / elementSize) {
    error = "too many elements";
    return false;
  }
  byteCount = count * elementSize;
  return true;
}

/// Python's repr() of the shape tuple: "()", "(5,)", "(2, 3)".
std::string shapeRepr(const std::vector<int64_t> &shape) {
  std::string text = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i != 0)
      text += ", ";
    text += std::to_string(shape[i]);
  }
  if (shape.size() == 1)
    text += ",";
  return text + ")";
}

//===----------------------------------------------------------------------===//
// Little-endian element access
//===----------------------------------------------------------------------===//

template <size_t N> struct UIntOfSize;
template <> struct UIntOfSize<1> { using type = uint8_t; };
template <> struct UIntOfSize<2> { using type = uint16_t; };
template <> struct UIntOfSize<4> { using type = uint32_t; };
template <> struct UIntOfSize<8> { using type = uint64_t; };

// Assembling the value byte by byte keeps the in-memory layout little-endian
// whatever the host byte order.
template <typename T> T loadLittleEndian(const uint8_t *p) {
  using U = typename UIntOfSize<sizeof(T)>::type;
  U bits = 0;
  for (size_t k = 0; k < sizeof(T); ++k)
    bits = static_cast<U>(bits | (static_cast<U>(p[k]) << (8 * k)));
  T value;
  std::memcpy(&value, &bits, sizeof(T));
  return value;
}

template <typename T> void storeLittleEndian(uint8_t *p, T value) {
  using U = typename UIntOfSize<sizeof(T)>::type;
  U bits;
  std::memcpy(&bits, &value, sizeof(T));
  for (size_t k = 0; k < sizeof(T); ++k)
    p[k] = static_cast<uint8_t>(bits >> (8 * k));
}

/// v truncated toward zero and clamped to I's range; NaN gives 0. A plain
/// cast would be undefined behaviour for out-of-range values.
template <typename I> I saturatingCast(double v) {
  if (std::isnan(v))
    return 0;
  double t = std::trunc(v);
  // Both bounds are powers of two (or zero), hence exact doubles.
  double lowest = static_cast<double>(std::numeric_limits<I>::min());
  double limit = std::ldexp(1.0, std::numeric_limits<I>::digits);
  if (t < lowest)
    return std::numeric_limits<I>::min();
  if (t >= limit)
    return std::numeric_limits<I>::max();
  return static_cast<I>(t);
}

template <typename T> struct TypeTag { using type = T; };

/// Calls fn(TypeTag<T>{}) with T the C++ type of dtype t (bool for Bool).
template <typename Fn> decltype(auto) dispatchDType(NpyDType t, Fn &&fn) {
  switch (t) {
  case NpyDType::Bool:
    return fn(TypeTag<bool>{});
  case NpyDType::UInt8:
    return fn(TypeTag<uint8_t>{});
  case NpyDType::Int8:
    return fn(TypeTag<int8_t>{});
  case NpyDType::Int16:
    return fn(TypeTag<int16_t>{});
  case NpyDType::Int32:
    return fn(TypeTag<int32_t>{});
  case NpyDType::Int64:
    return fn(TypeTag<int64_t>{});
  case NpyDType::UInt16:
    return fn(TypeTag<uint16_t>{});
  case NpyDType::UInt32:
    return fn(TypeTag<uint32_t>{});
  case NpyDType::UInt64:
    return fn(TypeTag<uint64_t>{});
  case NpyDType::Float32:
    return fn(TypeTag<float>{});
  case NpyDType::Float64:
    return fn(TypeTag<double>{});
  }
  assert(false && "invalid NpyDType");
  return fn(TypeTag<uint8_t>{});
}

//===----------------------------------------------------------------------===//
// Header dict parsing
//===----------------------------------------------------------------------===//

/// A Python literal as ast.literal_eval (which numpy uses) would see it,
/// limited to what can sensibly occur in a .npy header.
struct PyValue {
  enum class Kind { None, Bool, Int, Str, Tuple, List, Dict };
  Kind kind = Kind::None;
  bool boolValue = false;
  int64_t intValue = 0;
  bool intOverflow = false; // Python ints are unbounded; ours are not.
  std::string str;
  // Tuple and List elements; for a Dict alternately key and value.
  std::vector<PyValue> items;
};

class HeaderParser {
public:
  explicit HeaderParser(std::string_view input) : text(input) {}

  /// Parses the whole text as one literal surrounded by whitespace.
  bool parse(PyValue &out, std::string &error) {
    skipSpace();
    bool ok = parseValue(out, 0);
    skipSpace();
    if (ok && !atEnd())
      ok = fail("unexpected text after the dict");
    if (!ok)
      error = message;
    return ok;
  }

private:
  std::string_view text;
  size_t pos = 0;
  std::string message; // Of the first failure.

  bool atEnd() const { return pos >= text.size(); }
  char peek() const { return atEnd() ? '\0' : text[pos]; }

  bool fail(const std::string &what) {
    message = "malformed header: " + what + " at offset " + std::to_string(pos);
    return false;
  }

  void skipSpace() {
    while (!atEnd() && std::string_view(" \t\n\r\f\v").find(text[pos]) !=
                           std::string_view::npos)
      ++pos;
  }

  static bool isDigit(char c) { return c >= '0' && c <= '9'; }
  static bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           isDigit(c);
  }

  bool parseValue(PyValue &out, unsigned depth) {
    if (depth > MaxNesting)
      return fail("nesting too deep");
    char c = peek();
    if (c == '\'' || c == '"')
      return parseString(out);
    // Python 2 wrote u'...' for unicode strings.
    if ((c == 'u' || c == 'U') && pos + 1 < text.size() &&
        (text[pos + 1] == '\'' || text[pos + 1] == '"')) {
      ++pos;
      return parseString(out);
    }
    if (c == '(' || c == '[')
      return parseSequence(out, depth);
    if (c == '{')
      return parseDict(out, depth);
    if (c == '-' || c == '+' || isDigit(c))
      return parseInt(out);
    if (isNameChar(c))
      return parseName(out);
    if (atEnd())
      return fail("unexpected end");
    return fail("unexpected character '" + sanitize(std::string(1, c)) + "'");
  }

  bool parseString(PyValue &out) {
    char quote = text[pos++];
    out = PyValue();
    out.kind = PyValue::Kind::Str;
    while (!atEnd() && text[pos] != quote) {
      char c = text[pos++];
      if (c == '\n')
        return fail("newline in string");
      if (c == '\\') {
        if (atEnd())
          break;
        c = text[pos++];
        c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
      }
      out.str += c;
    }
    if (atEnd())
      return fail("unterminated string");
    ++pos; // Closing quote.
    return true;
  }

  bool parseInt(PyValue &out) {
    out = PyValue();
    out.kind = PyValue::Kind::Int;
    bool negative = false;
    while (peek() == '-' || peek() == '+') {
      negative ^= peek() == '-';
      ++pos;
      skipSpace();
    }
    if (!isDigit(peek()))
      return fail("expected a number");
    // Accumulate the magnitude as uint64 so that INT64_MIN is representable.
    uint64_t magnitude = 0;
    constexpr uint64_t Max = std::numeric_limits<uint64_t>::max();
    while (isDigit(peek())) {
      unsigned digit = static_cast<unsigned>(text[pos++] - '0');
      if (magnitude > (Max - digit) / 10)
        out.intOverflow = true;
      else
        magnitude = magnitude * 10 + digit;
    }
    // Python 2 wrote long integers with an L suffix, e.g. (3L, 4L).
    if (peek() == 'L' || peek() == 'l')
      ++pos;
    if (isNameChar(peek()) || peek() == '.')
      return fail("expected an integer");
    constexpr uint64_t MaxPositive = std::numeric_limits<int64_t>::max();
    if (magnitude > MaxPositive + (negative ? 1 : 0))
      out.intOverflow = true;
    if (out.intOverflow)
      return true;
    // Two's complement negation without signed overflow.
    uint64_t bits = negative ? ~magnitude + 1 : magnitude;
    std::memcpy(&out.intValue, &bits, sizeof(bits));
    return true;
  }

  bool parseName(PyValue &out) {
    size_t start = pos;
    while (isNameChar(peek()))
      ++pos;
    std::string_view name = text.substr(start, pos - start);
    out = PyValue();
    if (name == "True" || name == "False") {
      out.kind = PyValue::Kind::Bool;
      out.boolValue = name == "True";
      return true;
    }
    if (name == "None")
      return true;
    pos = start;
    return fail("unexpected name '" + sanitize(name) + "'");
  }

  /// A tuple "(...)" or a list "[...]". As in Python, "(x)" without a comma
  /// is just x in parentheses, not a tuple.
  bool parseSequence(PyValue &out, unsigned depth) {
    char close = text[pos] == '(' ? ')' : ']';
    bool isTuple = close == ')';
    ++pos;
    std::vector<PyValue> items;
    bool sawComma = false;
    skipSpace();
    while (peek() != close) {
      items.emplace_back();
      if (!parseValue(items.back(), depth + 1))
        return false;
      skipSpace();
      if (peek() == ',') {
        sawComma = true;
        ++pos;
        skipSpace();
      } else if (peek() != close) {
        return fail(std::string("expected ',' or '") + close + "'");
      }
    }
    ++pos; // Closing bracket.
    if (isTuple && items.size() == 1 && !sawComma) {
      out = std::move(items.front());
      return true;
    }
    out = PyValue();
    out.kind = isTuple ? PyValue::Kind::Tuple : PyValue::Kind::List;
    out.items = std::move(items);
    return true;
  }

  bool parseDict(PyValue &out, unsigned depth) {
    ++pos; // '{'
    out = PyValue();
    out.kind = PyValue::Kind::Dict;
    skipSpace();
    while (peek() != '}') {
      PyValue key;
      char c = peek();
      if (c != '\'' && c != '"')
        return fail("expected a quoted key");
      if (!parseString(key))
        return false;
      skipSpace();
      if (peek() != ':')
        return fail("expected ':' after key '" + sanitize(key.str) + "'");
      ++pos;
      skipSpace();
      PyValue value;
      if (!parseValue(value, depth + 1))
        return false;
      out.items.push_back(std::move(key));
      out.items.push_back(std::move(value));
      skipSpace();
      if (peek() == ',') {
        ++pos;
        skipSpace();
      } else if (peek() != '}') {
        return fail("expected ',' or '}'");
      }
    }
    ++pos; // '}'
    return true;
  }
};

/// Maps a descr string such as '<f8' to a dtype; bigEndian is set when the
/// data must be byte-swapped.
bool parseDescr(const std::string &descr, NpyDType &dtype, bool &bigEndian,
                std::string &error) {
  std::string_view code = descr;
  // '=' (native) never appears in files numpy writes; like a missing byte
  // order, read it as little-endian, the byte order of all our hosts.
  char order = '=';
  if (!code.empty() &&
      std::string_view("<>=|").find(code.front()) != std::string_view::npos) {
    order = code.front();
    code.remove_prefix(1);
  }
  for (const DTypeInfo &info : DTypeTable) {
    if (code == info.code) {
      dtype = info.type;
      bigEndian = order == '>' && info.size > 1;
      return true;
    }
  }
  error = "unsupported dtype '" + sanitize(descr) + "'";
  char kind = code.empty() ? '\0' : code.front();
  switch (kind) {
  case 'c':
    error += " (complex)";
    break;
  case 'O':
    error += " (Python objects)";
    break;
  case 'U':
    error += " (unicode strings)";
    break;
  case 'S':
  case 'a':
    error += " (byte strings)";
    break;
  case 'V':
    error += " (raw or structured data)";
    break;
  case 'M':
  case 'm':
    error += " (datetime)";
    break;
  default:
    break;
  }
  return false;
}

/// Extracts dtype, byte order and shape from the parsed header dict.
bool interpretHeader(const PyValue &dict, NpyDType &dtype, bool &bigEndian,
                     std::vector<int64_t> &shape, std::string &error) {
  if (dict.kind != PyValue::Kind::Dict) {
    error = "malformed header: not a dict";
    return false;
  }
  const PyValue *descr = nullptr;
  const PyValue *fortranOrder = nullptr;
  const PyValue *shapeValue = nullptr;
  for (size_t i = 0; i + 1 < dict.items.size(); i += 2) {
    const std::string &key = dict.items[i].str;
    const PyValue *value = &dict.items[i + 1];
    const PyValue **slot = key == "descr"           ? &descr
                           : key == "fortran_order" ? &fortranOrder
                           : key == "shape"         ? &shapeValue
                                                    : nullptr;
    if (!slot) {
      error = "malformed header: unexpected key '" + sanitize(key) + "'";
      return false;
    }
    if (*slot) {
      error = "malformed header: duplicate key '" + key + "'";
      return false;
    }
    *slot = value;
  }
  for (auto [value, name] :
       {std::pair(descr, "descr"), std::pair(fortranOrder, "fortran_order"),
        std::pair(shapeValue, "shape")}) {
    if (!value) {
      error = std::string("malformed header: missing key '") + name + "'";
      return false;
    }
  }

  if (descr->kind == PyValue::Kind::List) {
    error = "unsupported dtype: structured arrays are not supported";
    return false;
  }
  if (descr->kind != PyValue::Kind::Str) {
    error = "malformed header: 'descr' is not a string";
    return false;
  }
  if (!parseDescr(descr->str, dtype, bigEndian, error))
    return false;

  if (fortranOrder->kind != PyValue::Kind::Bool) {
    error = "malformed header: 'fortran_order' is not True or False";
    return false;
  }
  if (fortranOrder->boolValue) {
    error = "fortran_order arrays are not supported";
    return false;
  }

  if (shapeValue->kind != PyValue::Kind::Tuple) {
    error = "malformed header: 'shape' is not a tuple";
    return false;
  }
  shape.clear();
  for (const PyValue &dim : shapeValue->items) {
    if (dim.kind != PyValue::Kind::Int) {
      error = "malformed header: 'shape' is not a tuple of integers";
      return false;
    }
    if (dim.intOverflow) {
      error = "invalid shape: dimension too large";
      return false;
    }
    shape.push_back(dim.intValue);
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Header writing
//===----------------------------------------------------------------------===//

/// Magic, version, header length and the padded header dict: everything
/// that precedes the data, exactly as numpy's np.save writes it.
bool buildPreamble(const NpyArray &array, std::string &preamble,
                   std::string &error) {
  const DTypeInfo *info = findDType(array.dtype);
  if (!info) {
    error = "invalid array: unknown dtype";
    return false;
  }
  size_t byteCount;
  if (!checkedByteCount(array.shape, info->size, byteCount, error)) {
    error = "invalid array: " + error + " in shape " + shapeRepr(array.shape);
    return false;
  }
  if (array.bytes.size() != byteCount) {
    error = "invalid array: shape " + shapeRepr(array.shape) + " of " +
            info->name + " needs " + std::to_string(byteCount) +
            " bytes, found " + std::to_string(array.bytes.size());
    return false;
  }

  // Keys in sorted order, each followed by ", ", as numpy writes them.
  std::string dict =
      std::string("{'descr': '") + (info->size == 1 ? '|' : '<') + info->code +
      "', 'fortran_order': False, 'shape': " + shapeRepr(array.shape) + ", }";
  if (!array.shape.empty())
    dict.append(
        GrowthAxisMaxDigits - std::to_string(array.shape.front()).size(), ' ');

  // Version 1.0 stores the header length in 16 bits; fall back to 2.0 only
  // when that is too small, as numpy does, since older readers lack 2.0.
  for (unsigned major : {1u, 2u}) {
    size_t lengthBytes = major == 1 ? 2 : 4;
    size_t prefixLen = MagicLen + 2 + lengthBytes;
    size_t textLen = dict.size() + 1; // With the final '\n'.
    // numpy always pads, by a full ArrayAlign if already aligned.
    size_t padLen = ArrayAlign - (prefixLen + textLen) % ArrayAlign;
    uint64_t headerLen = textLen + padLen;
    uint64_t maxLen = major == 1 ? 0xffff : 0xffffffff;
    if (headerLen > maxLen)
      continue;
    preamble.assign(Magic, MagicLen);
    preamble += static_cast<char>(major);
    preamble += '\0';
    for (size_t k = 0; k < lengthBytes; ++k)
      preamble += static_cast<char>((headerLen >> (8 * k)) & 0xff);
    preamble += dict;
    preamble.append(padLen, ' ');
    preamble += '\n';
    return true;
  }
  error = "invalid array: header too large";
  return false;
}

int currentProcessId() {
#ifdef _WIN32
  return _getpid();
#else
  return static_cast<int>(getpid());
#endif
}

} // namespace

//===----------------------------------------------------------------------===//
// Public interface
//===----------------------------------------------------------------------===//

const char *snc::runtime::npyDTypeName(NpyDType t) {
  const DTypeInfo *info = findDType(t);
  return info ? info->name : "unknown";
}

size_t snc::runtime::npyDTypeSize(NpyDType t) {
  const DTypeInfo *info = findDType(t);
  return info ? info->size : 0;
}

size_t NpyArray::numElements() const {
  size_t count = 1;
  for (int64_t dim : shape) {
    assert(dim >= 0 && "negative dimension");
    count *= static_cast<size_t>(dim);
  }
  return count;
}

double NpyArray::getDouble(size_t i) const {
  size_t size = npyDTypeSize(dtype);
  assert(size != 0 && (i + 1) * size <= bytes.size() && "index out of range");
  const uint8_t *p = bytes.data() + i * size;
  return dispatchDType(dtype, [&](auto tag) -> double {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, bool>)
      return *p != 0 ? 1.0 : 0.0;
    else
      return static_cast<double>(loadLittleEndian<T>(p));
  });
}

int64_t NpyArray::getInt(size_t i) const {
  size_t size = npyDTypeSize(dtype);
  assert(size != 0 && (i + 1) * size <= bytes.size() && "index out of range");
  const uint8_t *p = bytes.data() + i * size;
  return dispatchDType(dtype, [&](auto tag) -> int64_t {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, bool>) {
      return *p != 0 ? 1 : 0;
    } else if constexpr (std::is_floating_point_v<T>) {
      return saturatingCast<int64_t>(
          static_cast<double>(loadLittleEndian<T>(p)));
    } else if constexpr (std::is_same_v<T, uint64_t>) {
      // Reinterpret the bits: wraps modulo 2^64 without relying on
      // implementation-defined conversions.
      uint64_t value = loadLittleEndian<uint64_t>(p);
      int64_t result;
      std::memcpy(&result, &value, sizeof(result));
      return result;
    } else {
      return static_cast<int64_t>(loadLittleEndian<T>(p));
    }
  });
}

void NpyArray::setDouble(size_t i, double v) {
  size_t size = npyDTypeSize(dtype);
  assert(size != 0 && (i + 1) * size <= bytes.size() && "index out of range");
  uint8_t *p = bytes.data() + i * size;
  dispatchDType(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, bool>)
      *p = v != 0 ? 1 : 0; // NaN is true, as in numpy.
    else if constexpr (std::is_floating_point_v<T>)
      storeLittleEndian<T>(p, static_cast<T>(v)); // IEEE: overflow to inf.
    else
      storeLittleEndian<T>(p, saturatingCast<T>(v));
  });
}

NpyArray NpyArray::zeros(NpyDType dtype, std::vector<int64_t> shape) {
  NpyArray array;
  array.dtype = dtype;
  array.shape = std::move(shape);
  array.bytes.assign(array.numElements() * npyDTypeSize(dtype), 0);
  return array;
}

bool snc::runtime::parseNpy(const uint8_t *data, size_t size, NpyArray &out,
                            std::string &error) {
  if (size == 0 ||
      std::memcmp(data, Magic, size < MagicLen ? size : MagicLen) != 0) {
    error = "not a .npy file (bad magic)";
    return false;
  }
  if (size < MagicLen + 2) {
    error = "truncated header: file is only " + std::to_string(size) +
            " bytes long";
    return false;
  }
  unsigned major = data[MagicLen], minor = data[MagicLen + 1];
  if ((major != 1 && major != 2 && major != 3) || minor != 0) {
    error = "unsupported .npy format version " + std::to_string(major) + "." +
            std::to_string(minor);
    return false;
  }
  // Version 3.0 differs from 2.0 only in allowing UTF-8 in the header, which
  // can only matter for the field names of structured dtypes.
  size_t lengthBytes = major == 1 ? 2 : 4;
  size_t prefixLen = MagicLen + 2 + lengthBytes;
  if (size < prefixLen) {
    error = "truncated header: file is only " + std::to_string(size) +
            " bytes long";
    return false;
  }
  uint64_t headerLen = 0;
  for (size_t k = 0; k < lengthBytes; ++k)
    headerLen |= static_cast<uint64_t>(data[MagicLen + 2 + k]) << (8 * k);
  if (headerLen > size - prefixLen) {
    error = "truncated header: expected " + std::to_string(headerLen) +
            " bytes, found " + std::to_string(size - prefixLen);
    return false;
  }

  std::string_view headerText(reinterpret_cast<const char *>(data) + prefixLen,
                              static_cast<size_t>(headerLen));
  PyValue dict;
  NpyArray array;
  bool bigEndian = false;
  if (!HeaderParser(headerText).parse(dict, error) ||
      !interpretHeader(dict, array.dtype, bigEndian, array.shape, error))
    return false;

  size_t elementSize = npyDTypeSize(array.dtype);
  size_t expected;
  if (!checkedByteCount(array.shape, elementSize, expected, error)) {
    error = "invalid shape " + shapeRepr(array.shape) + ": " + error;
    return false;
  }
  size_t dataOffset = prefixLen + static_cast<size_t>(headerLen);
  size_t found = size - dataOffset;
  if (found < expected) {
    error = "data truncated: expected " + std::to_string(expected) +
            " bytes, found " + std::to_string(found);
    return false;
  }
  if (found > expected) {
    error = "unexpected trailing data: expected " + std::to_string(expected) +
            " bytes, found " + std::to_string(found);
    return false;
  }

  array.bytes.assign(data + dataOffset, data + size);
  if (bigEndian)
    for (size_t offset = 0; offset < expected; offset += elementSize)
      std::reverse(array.bytes.data() + offset,
                   array.bytes.data() + offset + elementSize);
  out = std::move(array);
  return true;
}

bool snc::runtime::readNpy(const std::string &path, NpyArray &out,
                           std::string &error) {
  errno = 0;
  std::FILE *file = std::fopen(path.c_str(), "rb");
  if (!file) {
    error = path + ": cannot open: " + errnoMessage(errno);
    return false;
  }
  std::vector<uint8_t> data;
  constexpr size_t ChunkSize = size_t(1) << 20;
  bool readError = false;
  int err = 0;
  while (true) {
    size_t oldSize = data.size();
    data.resize(oldSize + ChunkSize);
    errno = 0;
    size_t n = std::fread(data.data() + oldSize, 1, ChunkSize, file);
    data.resize(oldSize + n);
    if (n < ChunkSize) {
      readError = std::ferror(file) != 0;
      err = errno;
      break;
    }
  }
  std::fclose(file);
  if (readError) {
    error = path + ": read error: " + errnoMessage(err);
    return false;
  }
  if (!parseNpy(data.data(), data.size(), out, error)) {
    error = path + ": " + error;
    return false;
  }
  out.source = path;
  return true;
}

bool snc::runtime::serializeNpy(const NpyArray &array,
                                std::vector<uint8_t> &out, std::string &error) {
  std::string preamble;
  if (!buildPreamble(array, preamble, error))
    return false;
  out.assign(preamble.begin(), preamble.end());
  out.insert(out.end(), array.bytes.begin(), array.bytes.end());
  return true;
}

bool snc::runtime::writeNpy(const std::string &path, const NpyArray &array,
                            std::string &error) {
  std::string preamble;
  if (!buildPreamble(array, preamble, error)) {
    error = path + ": " + error;
    return false;
  }

  // Write a temporary file next to the target and rename it into place:
  // rename() replaces the target atomically, so readers see either the old
  // file or the complete new one, never a partial write.
  std::string tmpPath = path + ".tmp." + std::to_string(currentProcessId());
  errno = 0;
  std::FILE *file = std::fopen(tmpPath.c_str(), "wb");
  if (!file) {
    error = path + ": cannot create: " + errnoMessage(errno);
    return false;
  }
  errno = 0;
  bool ok = std::fwrite(preamble.data(), 1, preamble.size(), file) ==
                preamble.size() &&
            (array.bytes.empty() ||
             std::fwrite(array.bytes.data(), 1, array.bytes.size(), file) ==
                 array.bytes.size()) &&
            std::fflush(file) == 0;
  int err = errno;
  // fclose flushes too and can be the first to report a full disk.
  if (std::fclose(file) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    std::remove(tmpPath.c_str());
    error = path + ": cannot write '" + tmpPath + "': " + errnoMessage(err);
    return false;
  }
  errno = 0;
  if (std::rename(tmpPath.c_str(), path.c_str()) != 0) {
    err = errno;
    std::remove(tmpPath.c_str());
    error = path + ": cannot rename '" + tmpPath +
            "' into place: " + errnoMessage(err);
    return false;
  }
  return true;
}
