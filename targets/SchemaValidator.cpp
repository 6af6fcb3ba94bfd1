//===- SchemaValidator.cpp - a JSON Schema subset over nlohmann::json -----===//

#include "targets/SchemaValidator.h"
#include "targets/JSONText.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <set>
#include <string_view>
#include <utility>

using namespace llvm;

namespace snc::targets {

// Declared here to hide llvm::json, which `using namespace llvm` brings in.
using json = nlohmann::json;

//===----------------------------------------------------------------------===//
// Small helpers
//===----------------------------------------------------------------------===//

std::string ValidationError::format(StringRef fileName) const {
  return (fileName + ": " + pointer + ": " + message).str();
}

std::string escapeJSONPointerToken(StringRef token) {
  std::string result;
  for (char c : token) {
    if (c == '~')
      result += "~0";
    else if (c == '/')
      result += "~1";
    else
      result += c;
  }
  return result;
}

const json *getJSONMember(const json &object, StringRef key) {
  if (!object.is_object())
    return nullptr;
  auto it = object.find(std::string_view(key));
  return it == object.end() ? nullptr : &*it;
}

// nlohmann::json stores a number as int64_t (negative integers), uint64_t
// (non-negative ones) or double. get_ptr<const number_integer_t *>() also
// answers for uint64_t, so the helpers below switch on type().

std::optional<int64_t> getJSONInteger(const json &value) {
  switch (value.type()) {
  case json::value_t::number_integer:
    return *value.get_ptr<const json::number_integer_t *>();
  case json::value_t::number_unsigned: {
    uint64_t u = *value.get_ptr<const json::number_unsigned_t *>();
    if (u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      return static_cast<int64_t>(u);
    return std::nullopt;
  }
  case json::value_t::number_float: {
    double d = *value.get_ptr<const json::number_float_t *>();
    // [-2^63, 2^63): the doubles that convert to int64_t.
    if (std::isfinite(d) && d == std::trunc(d) && d >= -0x1p63 && d < 0x1p63)
      return static_cast<int64_t>(d);
    return std::nullopt;
  }
  default:
    return std::nullopt;
  }
}

namespace {

/// The kinds of JSON value; nlohmann::json has three kinds of number.
enum class Kind { Null, Boolean, Number, String, Array, Object };

Kind kindOf(const json &value) {
  switch (value.type()) {
  case json::value_t::boolean:
    return Kind::Boolean;
  case json::value_t::number_integer:
  case json::value_t::number_unsigned:
  case json::value_t::number_float:
    return Kind::Number;
  case json::value_t::string:
    return Kind::String;
  case json::value_t::array:
    return Kind::Array;
  case json::value_t::object:
    return Kind::Object;
  default: // null; parsing never makes binary or discarded values
    return Kind::Null;
  }
}

std::optional<StringRef> getString(const json &value) {
  if (const auto *s = value.get_ptr<const json::string_t *>())
    return StringRef(*s);
  return std::nullopt;
}

std::optional<bool> getBoolean(const json &value) {
  if (const auto *b = value.get_ptr<const json::boolean_t *>())
    return *b;
  return std::nullopt;
}

/// A non-negative integer as uint64_t (integers above INT64_MAX included).
std::optional<uint64_t> getUInt64(const json &value) {
  if (value.type() == json::value_t::number_unsigned)
    return *value.get_ptr<const json::number_unsigned_t *>();
  if (value.type() == json::value_t::number_integer) {
    int64_t i = *value.get_ptr<const json::number_integer_t *>();
    if (i >= 0)
      return static_cast<uint64_t>(i);
  }
  return std::nullopt;
}

std::optional<double> getNumber(const json &value) {
  switch (value.type()) {
  case json::value_t::number_integer:
    return static_cast<double>(
        *value.get_ptr<const json::number_integer_t *>());
  case json::value_t::number_unsigned:
    return static_cast<double>(
        *value.get_ptr<const json::number_unsigned_t *>());
  case json::value_t::number_float:
    return *value.get_ptr<const json::number_float_t *>();
  default:
    return std::nullopt;
  }
}

/// `keyword` as an array, if `schema` has it and it is one.
const json *getArrayMember(const json &schema, StringRef keyword) {
  const json *value = getJSONMember(schema, keyword);
  return value && value->is_array() ? value : nullptr;
}

/// Whether a number is an integer in [INT64_MIN, INT64_MAX], as opposed to a
/// double or an integer above INT64_MAX.
bool isInt64(const json &value) {
  return value.type() == json::value_t::number_integer ||
         (value.type() == json::value_t::number_unsigned &&
          getJSONInteger(value));
}

/// JSON equality for const and enum: 1 equals 1.0; objects compare member by
/// member, whatever their order.
bool equalJSON(const json &a, const json &b) {
  Kind kind = kindOf(a);
  if (kind != kindOf(b))
    return false;
  switch (kind) {
  case Kind::Null:
    return true;
  case Kind::Boolean:
    return *getBoolean(a) == *getBoolean(b);
  case Kind::Number:
    // Compare 64-bit integers exactly, not through doubles.
    if (isInt64(a) || isInt64(b))
      return getJSONInteger(a) == getJSONInteger(b);
    return *getNumber(a) == *getNumber(b);
  case Kind::String:
    return *getString(a) == *getString(b);
  case Kind::Array:
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), equalJSON);
  case Kind::Object:
    if (a.size() != b.size())
      return false;
    for (const auto &member : a.items()) {
      const json *other = getJSONMember(b, member.key());
      if (!other || !equalJSON(member.value(), *other))
        return false;
    }
    return true;
  }
  return false;
}

/// The pointer of member `token` of the value at `parent` ("/" is the root).
std::string childPointer(StringRef parent, StringRef token) {
  std::string result = parent == "/" ? std::string() : parent.str();
  result += '/';
  result += escapeJSONPointerToken(token);
  return result;
}

std::string childPointer(StringRef parent, size_t index) {
  return childPointer(parent, std::to_string(index));
}

/// The shortest decimal form that reads back as `d`.
std::string formatDouble(double d) {
  if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9.0e15)
    return std::to_string(static_cast<long long>(d));
  char buffer[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*g", precision, d);
    if (std::strtod(buffer, nullptr) == d)
      break;
  }
  return buffer;
}

std::string formatNumber(const json &value) {
  if (std::optional<int64_t> i = getJSONInteger(value))
    return std::to_string(*i);
  if (std::optional<uint64_t> u = getUInt64(value))
    return std::to_string(*u);
  return formatDouble(*getNumber(value));
}

/// `text` in double quotes, escaped: '"', '\\', and control characters as
/// \t, \n, \r or \u00xx.
std::string quoteJSONString(StringRef text) {
  std::string result;
  raw_string_ostream os(result);
  os << '"';
  for (unsigned char c : text) {
    if (c == '"' || c == '\\')
      os << '\\';
    if (c >= 0x20) {
      os << c;
      continue;
    }
    if (c == '\t')
      os << "\\t";
    else if (c == '\n')
      os << "\\n";
    else if (c == '\r')
      os << "\\r";
    else
      os << "\\u" << format_hex_no_prefix(c, 4, /*Upper=*/false);
  }
  os << '"';
  return result;
}

bool isIntegral(const json &value) {
  if (!value.is_number())
    return false;
  if (getJSONInteger(value) || getUInt64(value))
    return true;
  double d = *getNumber(value);
  return std::isfinite(d) && d == std::trunc(d);
}

/// The JSON Schema type name of a value ("integer" for integral numbers).
StringRef typeName(const json &value) {
  switch (kindOf(value)) {
  case Kind::Null:
    return "null";
  case Kind::Boolean:
    return "boolean";
  case Kind::Number:
    return isIntegral(value) ? "integer" : "number";
  case Kind::String:
    return "string";
  case Kind::Array:
    return "array";
  case Kind::Object:
    return "object";
  }
  return "null";
}

bool isTypeName(StringRef name) {
  return name == "null" || name == "boolean" || name == "object" ||
         name == "array" || name == "number" || name == "integer" ||
         name == "string";
}

bool matchesType(const json &value, StringRef type) {
  if (type == "number")
    return value.is_number();
  if (type == "integer")
    return isIntegral(value);
  StringRef actual = typeName(value);
  return actual == type;
}

/// `typeValue` is a "type" keyword's value: a name or an array of names.
bool matchesAnyType(const json &value, const json &typeValue) {
  if (std::optional<StringRef> name = getString(typeValue))
    return matchesType(value, *name);
  if (typeValue.is_array())
    for (const json &name : typeValue)
      if (std::optional<StringRef> s = getString(name))
        if (matchesType(value, *s))
          return true;
  return false;
}

/// "integer", "integer or string".
std::string describeTypes(const json &typeValue) {
  if (std::optional<StringRef> name = getString(typeValue))
    return name->str();
  std::vector<std::string> names;
  if (typeValue.is_array())
    for (const json &name : typeValue)
      if (std::optional<StringRef> s = getString(name))
        names.push_back(s->str());
  return join(names, " or ");
}

/// Member names of an object, sorted (nlohmann::json keeps its members in a
/// std::map, so this is their order).
std::vector<std::string> sortedKeys(const json &object) {
  std::vector<std::string> keys;
  keys.reserve(object.size());
  for (const auto &member : object.items())
    keys.push_back(member.key());
  return keys;
}

/// Counts code points, as JSON Schema's minLength does.
size_t codePoints(StringRef text) {
  size_t count = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80)
      ++count;
  return count;
}

/// " (did you mean 'x'?)" when one of `candidates` is a likely typo of `key`.
std::string suggest(StringRef key, const std::vector<std::string> &candidates,
                    bool quoteAsJSON) {
  unsigned best = ~0u;
  StringRef bestName;
  for (const std::string &candidate : candidates) {
    unsigned distance = key.edit_distance(candidate, true, 3);
    if (distance < best) {
      best = distance;
      bestName = candidate;
    }
  }
  size_t shorter = std::min(key.size(), bestName.size());
  if (bestName.empty() || best == 0 || best > 2 || best * 3 > shorter)
    return "";
  if (quoteAsJSON)
    return " (did you mean " + describeJSONValue(json(bestName.str())) + "?)";
  return (" (did you mean '" + bestName + "'?)").str();
}

} // namespace

std::string describeJSONValue(const json &value) {
  switch (kindOf(value)) {
  case Kind::Null:
    return "null";
  case Kind::Boolean:
    return *getBoolean(value) ? "true" : "false";
  case Kind::Number:
    return formatNumber(value);
  case Kind::String: {
    StringRef text = *getString(value);
    if (codePoints(text) <= 48)
      return quoteJSONString(text);
    // Cut at a code point boundary.
    size_t cut = 45;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
      --cut;
    return quoteJSONString(text.take_front(cut).str() + "...");
  }
  case Kind::Array:
    return "array";
  case Kind::Object:
    return "object";
  }
  return "null";
}

//===----------------------------------------------------------------------===//
// The schema
//===----------------------------------------------------------------------===//

struct SchemaValidator::Impl {
  json root;
  /// Schema objects holding a "$ref" -> the schema it resolves to.
  DenseMap<const json *, const json *> refs;
  /// Schema objects holding a "pattern" -> the compiled expression.
  DenseMap<const json *, std::shared_ptr<Regex>> patterns;

  explicit Impl(json root) : root(std::move(root)) {}

  /// `keyword` of `schema`, or of the schema its $ref leads to.
  const json *lookup(const json &schema, StringRef keyword) const {
    const json *object = schema.is_object() ? &schema : nullptr;
    for (unsigned depth = 0; object && depth < 64; ++depth) {
      if (const json *value = getJSONMember(*object, keyword))
        return value;
      const json *target = refs.lookup(object);
      object = target && target->is_object() ? target : nullptr;
    }
    return nullptr;
  }
};

SchemaValidator::SchemaValidator(std::unique_ptr<Impl> impl)
    : impl(std::move(impl)) {}
SchemaValidator::~SchemaValidator() = default;

const json &SchemaValidator::getSchema() const { return impl->root; }

namespace {

bool isAnnotation(StringRef keyword) {
  return keyword == "$schema" || keyword == "$id" || keyword == "$comment" ||
         keyword == "title" || keyword == "description" ||
         keyword == "default" || keyword == "examples";
}

/// Checks a schema once, when it is loaded, and resolves its references.
class SchemaChecker {
public:
  SchemaChecker(SchemaValidator::Impl &impl, StringRef schemaName)
      : impl(impl), schemaName(schemaName) {}

  std::vector<std::string> run() {
    check(impl.root, "/");
    if (errors.empty())
      findCycles();
    return std::move(errors);
  }

private:
  SchemaValidator::Impl &impl;
  StringRef schemaName;
  std::vector<std::string> errors;
  /// Every schema object seen, with its pointer, in visiting order.
  std::vector<std::pair<const json *, std::string>> schemas;

  void error(StringRef pointer, const Twine &message) {
    errors.push_back((schemaName + ": " + pointer + ": " + message).str());
  }

  const json *resolve(StringRef ref, std::string &why) {
    StringRef fragment = ref;
    if (!fragment.consume_front("#")) {
      why = "unsupported reference " + describeJSONValue(json(ref.str())) +
            " (only references inside this schema, \"#/...\", are supported)";
      return nullptr;
    }
    const json *current = &impl.root;
    if (fragment.empty())
      return current;
    if (!fragment.consume_front("/")) {
      why = "unsupported reference " + describeJSONValue(json(ref.str())) +
            " (anchors are not supported; use \"#/$defs/...\")";
      return nullptr;
    }
    SmallVector<StringRef, 8> tokens;
    fragment.split(tokens, '/');
    for (StringRef rawToken : tokens) {
      std::string token;
      for (size_t i = 0; i < rawToken.size(); ++i) {
        if (rawToken[i] == '~' && i + 1 < rawToken.size() &&
            (rawToken[i + 1] == '0' || rawToken[i + 1] == '1')) {
          token += rawToken[i + 1] == '0' ? '~' : '/';
          ++i;
        } else {
          token += rawToken[i];
        }
      }
      const json *next = nullptr;
      if (current->is_object()) {
        next = getJSONMember(*current, token);
      } else if (current->is_array()) {
        size_t index;
        if (!StringRef(token).getAsInteger(10, index) &&
            index < current->size())
          next = &(*current)[index];
      }
      if (!next) {
        why = "unresolved reference " + describeJSONValue(json(ref.str()));
        return nullptr;
      }
      current = next;
    }
    if (!current->is_object() && !current->is_boolean()) {
      why = "reference " + describeJSONValue(json(ref.str())) +
            " does not lead to a schema (an object or a boolean)";
      return nullptr;
    }
    return current;
  }

  void checkSchemaMap(const json &value, StringRef pointer) {
    if (!value.is_object()) {
      error(pointer,
            "expected an object of schemas, got " + describeJSONValue(value));
      return;
    }
    for (const auto &member : value.items())
      check(member.value(), childPointer(pointer, member.key()));
  }

  void checkSchemaList(const json &value, StringRef pointer) {
    if (!value.is_array() || value.empty()) {
      error(pointer, "expected a non-empty array of schemas, got " +
                         describeJSONValue(value));
      return;
    }
    for (size_t i = 0; i < value.size(); ++i)
      check(value[i], childPointer(pointer, i));
  }

  void checkTypeName(const json &value, StringRef pointer) {
    std::optional<StringRef> name = getString(value);
    if (!name || !isTypeName(*name))
      error(pointer, "unknown type " + describeJSONValue(value));
  }

  void check(const json &schema, StringRef pointer) {
    if (schema.is_boolean())
      return;
    if (!schema.is_object()) {
      error(pointer, "a schema must be an object or a boolean, got " +
                         describeJSONValue(schema));
      return;
    }
    schemas.emplace_back(&schema, pointer.str());
    // Members in sorted order (see sortedKeys).
    for (const auto &member : schema.items()) {
      const std::string &keyword = member.key();
      const json &value = member.value();
      std::string at = childPointer(pointer, keyword);
      if (isAnnotation(keyword) || keyword == "const")
        continue;
      if (keyword == "type") {
        if (value.is_array()) {
          if (value.empty())
            error(at, "expected at least one type name");
          for (size_t i = 0; i < value.size(); ++i)
            checkTypeName(value[i], childPointer(at, i));
        } else {
          checkTypeName(value, at);
        }
      } else if (keyword == "enum") {
        if (!value.is_array() || value.empty())
          error(at,
                "expected a non-empty array, got " + describeJSONValue(value));
      } else if (keyword == "minimum" || keyword == "maximum") {
        if (!value.is_number())
          error(at, "expected a number, got " + describeJSONValue(value));
      } else if (keyword == "minLength") {
        std::optional<int64_t> n = getJSONInteger(value);
        if (!n || *n < 0)
          error(at, "expected a non-negative integer, got " +
                        describeJSONValue(value));
      } else if (keyword == "pattern") {
        std::optional<StringRef> text = getString(value);
        std::string why;
        if (!text) {
          error(at, "expected a string, got " + describeJSONValue(value));
        } else {
          auto regex = std::make_shared<Regex>(*text);
          if (!regex->isValid(why))
            error(at, "invalid pattern: " + why);
          else
            impl.patterns[&schema] = std::move(regex);
        }
      } else if (keyword == "required") {
        if (!value.is_array()) {
          error(at, "expected an array of property names, got " +
                        describeJSONValue(value));
          continue;
        }
        for (size_t i = 0; i < value.size(); ++i)
          if (!value[i].is_string())
            error(childPointer(at, i), "expected a property name, got " +
                                           describeJSONValue(value[i]));
      } else if (keyword == "properties" || keyword == "$defs") {
        checkSchemaMap(value, at);
      } else if (keyword == "additionalProperties" || keyword == "items") {
        check(value, at);
      } else if (keyword == "oneOf" || keyword == "anyOf") {
        checkSchemaList(value, at);
      } else if (keyword == "$ref") {
        std::optional<StringRef> ref = getString(value);
        std::string why;
        if (!ref) {
          error(at, "expected a string, got " + describeJSONValue(value));
        } else if (const json *target = resolve(*ref, why)) {
          impl.refs[&schema] = target;
        } else {
          error(at, why);
        }
      } else {
        error(at, "unsupported keyword '" + keyword + "'");
      }
    }
  }

  /// A $ref, oneOf or anyOf applies another schema to the same value; a loop
  /// of those would never terminate.
  void findCycles() {
    DenseMap<const json *, std::string> pointers;
    for (const auto &[object, pointer] : schemas)
      pointers.try_emplace(object, pointer);
    auto successors = [&](const json *object) {
      SmallVector<const json *, 4> result;
      if (const json *target = impl.refs.lookup(object))
        if (target->is_object())
          result.push_back(target);
      for (StringRef keyword : {"oneOf", "anyOf"})
        if (const json *branches = getArrayMember(*object, keyword))
          for (const json &branch : *branches)
            if (branch.is_object())
              result.push_back(&branch);
      return result;
    };
    enum Color { White, Grey, Black };
    DenseMap<const json *, Color> color;
    std::function<bool(const json *)> visit = [&](const json *object) -> bool {
      Color &c = color[object];
      if (c == Grey) {
        auto it = pointers.find(object);
        error(it == pointers.end() ? "/" : StringRef(it->second),
              "cycle of $ref/oneOf/anyOf that never descends into the "
              "document");
        return false;
      }
      if (c == Black)
        return true;
      c = Grey;
      for (const json *next : successors(object))
        if (!visit(next))
          return false;
      color[object] = Black;
      return true;
    };
    for (const auto &entry : schemas)
      if (!visit(entry.first))
        return;
  }
};

//===----------------------------------------------------------------------===//
// Validation
//===----------------------------------------------------------------------===//

struct Violation {
  std::string pointer;
  std::string message;
  /// A type, const or enum mismatch of the value itself, which an
  /// alternative's summary ("expected integer or \"ternary\"") can replace.
  bool valueMismatch = false;
};
using Violations = std::vector<Violation>;

class Validation {
public:
  explicit Validation(const SchemaValidator::Impl &impl) : impl(impl) {}

  void validate(const json &schema, const json &value,
                const std::string &pointer, Violations &out) const {
    if (std::optional<bool> b = getBoolean(schema)) {
      if (!*b)
        out.push_back({pointer, "no value is allowed here"});
      return;
    }
    const json &s = schema; // an object: checked when the schema was loaded

    if (const json *type = getJSONMember(s, "type"))
      if (!matchesAnyType(value, *type)) {
        out.push_back({pointer,
                       "expected " + describeTypes(*type) + ", got " +
                           describeJSONValue(value),
                       true});
        return;
      }
    if (const json *target = impl.refs.lookup(&s))
      validate(*target, value, pointer, out);
    if (const json *expected = getJSONMember(s, "const"))
      if (!equalJSON(value, *expected))
        out.push_back({pointer,
                       "expected " + describeJSONValue(*expected) + ", got " +
                           describeJSONValue(value),
                       true});
    if (const json *values = getArrayMember(s, "enum"))
      if (llvm::none_of(*values,
                        [&](const json &v) { return equalJSON(v, value); })) {
        std::vector<std::string> shown, names;
        for (const json &v : *values) {
          shown.push_back(describeJSONValue(v));
          if (std::optional<StringRef> name = getString(v))
            names.push_back(name->str());
        }
        std::string hint;
        if (std::optional<StringRef> text = getString(value))
          hint = suggest(*text, names, /*quoteAsJSON=*/true);
        out.push_back({pointer,
                       describeJSONValue(value) + " is not one of " +
                           join(shown, ", ") + hint,
                       true});
      }

    if (std::optional<double> number = getNumber(value)) {
      if (const json *minimum = getJSONMember(s, "minimum"))
        if (*number < *getNumber(*minimum))
          out.push_back({pointer, describeJSONValue(value) +
                                      " is less than the minimum " +
                                      describeJSONValue(*minimum)});
      if (const json *maximum = getJSONMember(s, "maximum"))
        if (*number > *getNumber(*maximum))
          out.push_back({pointer, describeJSONValue(value) +
                                      " is greater than the maximum " +
                                      describeJSONValue(*maximum)});
    }

    if (std::optional<StringRef> text = getString(value)) {
      if (const json *minLengthValue = getJSONMember(s, "minLength"))
        if (std::optional<int64_t> minLength = getJSONInteger(*minLengthValue))
          if (static_cast<int64_t>(codePoints(*text)) < *minLength)
            out.push_back({pointer, describeJSONValue(value) +
                                        " is shorter than the minimum length " +
                                        std::to_string(*minLength)});
      if (std::shared_ptr<Regex> regex = impl.patterns.lookup(&s))
        if (!regex->match(*text))
          out.push_back(
              {pointer, describeJSONValue(value) +
                            " does not match the pattern " +
                            describeJSONValue(*getJSONMember(s, "pattern"))});
    }

    if (value.is_object())
      validateObject(s, value, pointer, out);

    if (value.is_array())
      if (const json *items = getJSONMember(s, "items"))
        for (size_t i = 0; i < value.size(); ++i)
          validate(*items, value[i], childPointer(pointer, i), out);

    if (const json *branches = getArrayMember(s, "oneOf"))
      validateAlternatives(*branches, /*exactlyOne=*/true, value, pointer, out);
    if (const json *branches = getArrayMember(s, "anyOf"))
      validateAlternatives(*branches, /*exactlyOne=*/false, value, pointer,
                           out);
  }

private:
  const SchemaValidator::Impl &impl;

  void validateObject(const json &s, const json &object,
                      const std::string &pointer, Violations &out) const {
    const json *properties = getJSONMember(s, "properties");
    if (properties && !properties->is_object())
      properties = nullptr;
    if (const json *required = getArrayMember(s, "required"))
      for (const json &name : *required)
        if (std::optional<StringRef> n = getString(name))
          if (!getJSONMember(object, *n))
            out.push_back(
                {pointer, ("missing required property '" + *n + "'").str()});
    const json *additional = getJSONMember(s, "additionalProperties");
    // Members in sorted order (see sortedKeys).
    for (const auto &entry : object.items()) {
      const std::string &key = entry.key();
      const json &member = entry.value();
      std::string at = childPointer(pointer, key);
      if (const json *property =
              properties ? getJSONMember(*properties, key) : nullptr) {
        validate(*property, member, at, out);
        continue;
      }
      if (!additional)
        continue;
      if (getBoolean(*additional) == std::optional<bool>(false)) {
        std::vector<std::string> known =
            properties ? sortedKeys(*properties) : std::vector<std::string>();
        out.push_back({pointer, "unknown property '" + key + "'" +
                                    suggest(key, known, false)});
        continue;
      }
      validate(*additional, member, at, out);
    }
  }

  /// The values a discriminating property may take: its const or enum.
  std::vector<const json *> discriminatorValues(const json &schema) const {
    std::vector<const json *> values;
    if (const json *c = impl.lookup(schema, "const"))
      values.push_back(c);
    else if (const json *e = impl.lookup(schema, "enum"))
      if (e->is_array())
        for (const json &v : *e)
          values.push_back(&v);
    return values;
  }

  static bool isRequired(const json *required, StringRef name) {
    if (required && required->is_array())
      for (const json &n : *required)
        if (getString(n) == std::optional<StringRef>(name))
          return true;
    return false;
  }

  /// Whether `schema` is the alternative meant for `value`: its type, const
  /// and enum admit the value's kind, and for objects every member with a
  /// const or enum in the schema ("kind": "multiplier") matches.
  bool isApplicable(const json &schema, const json &value) const {
    if (std::optional<bool> b = getBoolean(schema))
      return *b;
    if (const json *type = impl.lookup(schema, "type"))
      if (!matchesAnyType(value, *type))
        return false;
    if (const json *c = impl.lookup(schema, "const"))
      if (kindOf(*c) != kindOf(value))
        return false;
    if (const json *e = impl.lookup(schema, "enum"))
      if (e->is_array())
        if (llvm::none_of(
                *e, [&](const json &v) { return kindOf(v) == kindOf(value); }))
          return false;
    const json *properties = impl.lookup(schema, "properties");
    if (!value.is_object() || !properties || !properties->is_object())
      return true;
    const json *required = impl.lookup(schema, "required");
    for (const auto &entry : properties->items()) {
      const std::string &name = entry.key();
      std::vector<const json *> allowed = discriminatorValues(entry.value());
      if (allowed.empty())
        continue;
      if (const json *member = getJSONMember(value, name)) {
        if (llvm::none_of(
                allowed, [&](const json *v) { return equalJSON(*v, *member); }))
          return false;
      } else if (isRequired(required, name)) {
        return false;
      }
    }
    return true;
  }

  /// An alternative made only of checks on the value itself.
  bool isSimple(const json &schema) const {
    if (!schema.is_object())
      return false;
    for (const auto &member : schema.items()) {
      StringRef keyword = member.key();
      if (keyword == "$ref") {
        const json *target = impl.refs.lookup(&schema);
        if (!target || !isSimple(*target))
          return false;
        continue;
      }
      if (!isAnnotation(keyword) && keyword != "type" && keyword != "const" &&
          keyword != "enum" && keyword != "minimum" && keyword != "maximum" &&
          keyword != "minLength" && keyword != "pattern")
        return false;
    }
    return impl.lookup(schema, "type") || impl.lookup(schema, "const") ||
           impl.lookup(schema, "enum");
  }

  /// "integer", "\"ternary\"", "\"a\" or \"b\"".
  std::string describeAlternative(const json &schema) const {
    if (const json *c = impl.lookup(schema, "const"))
      return describeJSONValue(*c);
    if (const json *e = impl.lookup(schema, "enum")) {
      std::vector<std::string> shown;
      if (e->is_array())
        for (const json &v : *e)
          shown.push_back(describeJSONValue(v));
      return join(shown, " or ");
    }
    return describeTypes(*impl.lookup(schema, "type"));
  }

  void validateAlternatives(const json &branches, bool exactlyOne,
                            const json &value, const std::string &pointer,
                            Violations &out) const {
    std::vector<Violations> results(branches.size());
    std::vector<size_t> passing;
    for (size_t i = 0; i < branches.size(); ++i) {
      validate(branches[i], value, pointer, results[i]);
      if (results[i].empty())
        passing.push_back(i);
    }
    if (exactlyOne && passing.size() > 1) {
      out.push_back({pointer, "matches alternatives " +
                                  std::to_string(passing[0]) + " and " +
                                  std::to_string(passing[1]) +
                                  " of a oneOf; exactly one must match"});
      return;
    }
    if (!passing.empty())
      return;

    std::vector<size_t> candidates;
    for (size_t i = 0; i < branches.size(); ++i)
      if (isApplicable(branches[i], value))
        candidates.push_back(i);
    bool allSimple =
        llvm::all_of(branches, [&](const json &b) { return isSimple(b); });
    auto summary = [&]() {
      std::vector<std::string> shown;
      for (const json &branch : branches)
        shown.push_back(describeAlternative(branch));
      out.push_back({pointer,
                     "expected " + join(shown, " or ") + ", got " +
                         describeJSONValue(value),
                     true});
    };

    if (candidates.size() == 1) {
      const Violations &own = results[candidates.front()];
      bool onlyValueMismatch = llvm::all_of(own, [&](const Violation &v) {
        return v.valueMismatch && v.pointer == pointer;
      });
      if (allSimple && onlyValueMismatch)
        return summary();
      out.insert(out.end(), own.begin(), own.end());
      return;
    }
    if (candidates.empty()) {
      if (allSimple)
        return summary();
      if (reportDiscriminator(branches, value, pointer, out))
        return;
      // Every alternative asks for a type the value does not have.
      std::vector<std::string> types;
      for (const json &branch : branches) {
        const json *type = impl.lookup(branch, "type");
        if (!type) {
          types.clear();
          break;
        }
        std::string shown = describeTypes(*type);
        if (!llvm::is_contained(types, shown))
          types.push_back(shown);
      }
      if (!types.empty()) {
        out.push_back({pointer,
                       "expected " + join(types, " or ") + ", got " +
                           describeJSONValue(value),
                       true});
        return;
      }
      out.push_back({pointer, "does not match any of the " +
                                  std::to_string(branches.size()) +
                                  " alternatives"});
      return;
    }
    // Several plausible alternatives: report the closest one.
    size_t best = candidates.front();
    for (size_t i : candidates)
      if (results[i].size() < results[best].size())
        best = i;
    out.insert(out.end(), results[best].begin(), results[best].end());
  }

  /// Object alternatives told apart by one member ("kind"): names the member
  /// and the values it may take.
  bool reportDiscriminator(const json &branches, const json &value,
                           const std::string &pointer, Violations &out) const {
    if (!value.is_object())
      return false;
    const json *first = impl.lookup(branches.front(), "properties");
    if (!first || !first->is_object())
      return false;
    for (const std::string &name : sortedKeys(*first)) {
      std::vector<const json *> allowed;
      bool everywhere = true, requiredEverywhere = true;
      for (const json &branch : branches) {
        const json *properties = impl.lookup(branch, "properties");
        const json *property =
            properties ? getJSONMember(*properties, name) : nullptr;
        std::vector<const json *> values = property
                                               ? discriminatorValues(*property)
                                               : std::vector<const json *>();
        if (values.empty()) {
          everywhere = false;
          break;
        }
        requiredEverywhere &= isRequired(impl.lookup(branch, "required"), name);
        for (const json *v : values)
          if (llvm::none_of(allowed,
                            [&](const json *a) { return equalJSON(*a, *v); }))
            allowed.push_back(v);
      }
      if (!everywhere)
        continue;
      const json *member = getJSONMember(value, name);
      if (!member) {
        if (!requiredEverywhere)
          return false;
        out.push_back({pointer, "missing required property '" + name + "'"});
        return true;
      }
      std::vector<std::string> shown, names;
      for (const json *v : allowed) {
        shown.push_back(describeJSONValue(*v));
        if (std::optional<StringRef> s = getString(*v))
          names.push_back(s->str());
      }
      std::string hint;
      if (std::optional<StringRef> text = getString(*member))
        hint = suggest(*text, names, /*quoteAsJSON=*/true);
      out.push_back({childPointer(pointer, name),
                     describeJSONValue(*member) + " is not one of " +
                         join(shown, ", ") + hint,
                     true});
      return true;
    }
    return false;
  }
};

} // namespace

std::unique_ptr<SchemaValidator> SchemaValidator::create(StringRef schemaText,
                                                         StringRef schemaName,
                                                         std::string &error) {
  std::string parseError;
  std::optional<json> parsed = parseJSONText(schemaText, parseError);
  if (!parsed) {
    error = (schemaName + ": " + parseError).str();
    return nullptr;
  }
  auto impl = std::make_unique<Impl>(std::move(*parsed));
  std::vector<std::string> problems = SchemaChecker(*impl, schemaName).run();
  if (!problems.empty()) {
    error = join(problems, "\n");
    return nullptr;
  }
  return std::unique_ptr<SchemaValidator>(new SchemaValidator(std::move(impl)));
}

std::vector<ValidationError>
SchemaValidator::validate(const json &document) const {
  Violations violations;
  Validation(*impl).validate(impl->root, document, "/", violations);
  std::vector<ValidationError> result;
  std::set<std::pair<std::string, std::string>> seen;
  for (Violation &v : violations)
    if (seen.insert({v.pointer, v.message}).second)
      result.push_back({std::move(v.pointer), std::move(v.message)});
  return result;
}

} // namespace snc::targets
