//===- SchemaValidator.cpp - a JSON Schema subset over llvm::json ---------===//

#include "targets/SchemaValidator.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>
#include <utility>

using namespace llvm;

namespace snc::targets {

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

namespace {

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

std::string formatNumber(const json::Value &value) {
  if (std::optional<int64_t> i = value.getAsInteger())
    return std::to_string(*i);
  if (std::optional<uint64_t> u = value.getAsUINT64())
    return std::to_string(*u);
  return formatDouble(*value.getAsNumber());
}

bool isIntegral(const json::Value &value) {
  if (value.kind() != json::Value::Number)
    return false;
  if (value.getAsInteger() || value.getAsUINT64())
    return true;
  double d = *value.getAsNumber();
  return std::isfinite(d) && d == std::trunc(d);
}

/// The JSON Schema type name of a value ("integer" for integral numbers).
StringRef typeName(const json::Value &value) {
  switch (value.kind()) {
  case json::Value::Null:
    return "null";
  case json::Value::Boolean:
    return "boolean";
  case json::Value::Number:
    return isIntegral(value) ? "integer" : "number";
  case json::Value::String:
    return "string";
  case json::Value::Array:
    return "array";
  case json::Value::Object:
    return "object";
  }
  return "null";
}

bool isTypeName(StringRef name) {
  return name == "null" || name == "boolean" || name == "object" ||
         name == "array" || name == "number" || name == "integer" ||
         name == "string";
}

bool matchesType(const json::Value &value, StringRef type) {
  if (type == "number")
    return value.kind() == json::Value::Number;
  if (type == "integer")
    return isIntegral(value);
  StringRef actual = typeName(value);
  return actual == type;
}

/// `typeValue` is a "type" keyword's value: a name or an array of names.
bool matchesAnyType(const json::Value &value, const json::Value &typeValue) {
  if (std::optional<StringRef> name = typeValue.getAsString())
    return matchesType(value, *name);
  if (const json::Array *names = typeValue.getAsArray())
    for (const json::Value &name : *names)
      if (std::optional<StringRef> s = name.getAsString())
        if (matchesType(value, *s))
          return true;
  return false;
}

/// "integer", "integer or string".
std::string describeTypes(const json::Value &typeValue) {
  if (std::optional<StringRef> name = typeValue.getAsString())
    return name->str();
  std::vector<std::string> names;
  if (const json::Array *array = typeValue.getAsArray())
    for (const json::Value &name : *array)
      if (std::optional<StringRef> s = name.getAsString())
        names.push_back(s->str());
  return join(names, " or ");
}

/// Member names of an object, sorted (llvm::json::Object is unordered).
std::vector<std::string> sortedKeys(const json::Object &object) {
  std::vector<std::string> keys;
  keys.reserve(object.size());
  for (const auto &member : object)
    keys.push_back(member.first.str());
  llvm::sort(keys);
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
    return " (did you mean " + describeJSONValue(json::Value(bestName)) + "?)";
  return (" (did you mean '" + bestName + "'?)").str();
}

} // namespace

std::string describeJSONValue(const json::Value &value) {
  switch (value.kind()) {
  case json::Value::Null:
    return "null";
  case json::Value::Boolean:
    return *value.getAsBoolean() ? "true" : "false";
  case json::Value::Number:
    return formatNumber(value);
  case json::Value::String: {
    StringRef text = *value.getAsString();
    std::string shortened = text.str();
    if (codePoints(text) > 48) {
      // Cut at a code point boundary.
      size_t cut = 45;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
      shortened = text.take_front(cut).str() + "...";
    }
    std::string result;
    raw_string_ostream os(result);
    os << json::Value(shortened);
    return os.str();
  }
  case json::Value::Array:
    return "array";
  case json::Value::Object:
    return "object";
  }
  return "null";
}

//===----------------------------------------------------------------------===//
// Parsing JSON text
//===----------------------------------------------------------------------===//

namespace {

/// llvm::json's messages, reworded for people editing a file by hand.
std::string rewordParseMessage(StringRef message) {
  static const std::pair<const char *, const char *> table[] = {
      {"Expected , or } after object property",
       "expected ',' or '}' after an object member"},
      {"Expected , or ] after array element",
       "expected ',' or ']' after an array element"},
      {"Expected : after object key", "expected ':' after an object key"},
      {"Expected object key",
       "expected an object key (a string in double quotes; no trailing "
       "commas)"},
      {"Unexpected EOF", "unexpected end of file"},
      {"Text after end of document", "text after the end of the document"},
      {"Invalid JSON value (true?)", "invalid value (did you mean true?)"},
      {"Invalid JSON value (false?)", "invalid value (did you mean false?)"},
      {"Invalid JSON value (null?)", "invalid value (did you mean null?)"},
  };
  for (const auto &[from, to] : table)
    if (message == from)
      return to;
  std::string result = message.str();
  if (!result.empty())
    result[0] = toLower(result[0]);
  return result;
}

/// Finds duplicate object keys in text that llvm::json already accepted.
class DuplicateKeyFinder {
public:
  explicit DuplicateKeyFinder(StringRef text) : text(text) {}

  /// Empty if there are none, else "<pointer>: duplicate property ...".
  std::string run() {
    value("/");
    return error;
  }

private:
  StringRef text;
  size_t pos = 0;
  std::string error;

  char peek() const { return pos < text.size() ? text[pos] : '\0'; }

  void skipSpace() {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' ||
                                 text[pos] == '\n' || text[pos] == '\r'))
      ++pos;
  }

  std::string position(size_t offset) const {
    size_t line = 1, lineStart = 0;
    for (size_t i = 0; i < offset && i < text.size(); ++i)
      if (text[i] == '\n') {
        ++line;
        lineStart = i + 1;
      }
    return std::to_string(line) + ":" + std::to_string(offset - lineStart + 1);
  }

  /// Reads a string token; simple escapes are decoded, \u escapes kept.
  std::string string() {
    std::string result;
    ++pos; // opening quote
    while (pos < text.size() && text[pos] != '"') {
      char c = text[pos++];
      if (c != '\\' || pos >= text.size()) {
        result += c;
        continue;
      }
      char e = text[pos++];
      switch (e) {
      case 'n':
        result += '\n';
        break;
      case 't':
        result += '\t';
        break;
      case 'r':
        result += '\r';
        break;
      case 'b':
        result += '\b';
        break;
      case 'f':
        result += '\f';
        break;
      case 'u':
        result += "\\u";
        break;
      default:
        result += e; // \" \\ \/
      }
    }
    ++pos; // closing quote
    return result;
  }

  void value(const std::string &pointer) {
    skipSpace();
    char c = peek();
    if (c == '{') {
      ++pos;
      StringSet<> seen;
      skipSpace();
      if (peek() == '}') {
        ++pos;
        return;
      }
      while (pos < text.size()) {
        skipSpace();
        size_t keyOffset = pos;
        std::string key = string();
        if (!seen.insert(key).second && error.empty())
          error = pointer + ": duplicate property '" + key + "' at " +
                  position(keyOffset);
        skipSpace();
        ++pos; // ':'
        value(childPointer(pointer, key));
        skipSpace();
        if (peek() == ',') {
          ++pos;
          continue;
        }
        ++pos; // '}'
        return;
      }
      return;
    }
    if (c == '[') {
      ++pos;
      skipSpace();
      if (peek() == ']') {
        ++pos;
        return;
      }
      for (size_t index = 0; pos < text.size(); ++index) {
        value(childPointer(pointer, index));
        skipSpace();
        if (peek() == ',') {
          ++pos;
          continue;
        }
        ++pos; // ']'
        return;
      }
      return;
    }
    if (c == '"') {
      string();
      return;
    }
    while (pos < text.size() && !StringRef(",]} \t\r\n").contains(text[pos]))
      ++pos;
  }
};

} // namespace

std::optional<json::Value> parseJSONText(StringRef text, std::string &error) {
  Expected<json::Value> parsed = json::parse(text);
  if (!parsed) {
    // llvm::json::ParseError logs "[<line>:<column>, byte=<offset>]: <msg>",
    // with a 1-based line and a column that points at (or just after) the
    // offending character.
    std::string logged = toString(parsed.takeError());
    StringRef rest(logged);
    unsigned line = 0, column = 0;
    if (rest.consume_front("[")) {
      size_t close = rest.find("]: ");
      StringRef where = rest.take_front(close);
      StringRef lineText, columnText;
      std::tie(lineText, columnText) = where.split(':');
      columnText = columnText.split(',').first;
      if (close != StringRef::npos && !lineText.getAsInteger(10, line) &&
          !columnText.getAsInteger(10, column)) {
        error =
            std::to_string(line) + ":" + std::to_string(std::max(column, 1u)) +
            ": invalid JSON: " + rewordParseMessage(rest.drop_front(close + 3));
        return std::nullopt;
      }
    }
    error = "invalid JSON: " + logged;
    return std::nullopt;
  }
  std::string duplicate = DuplicateKeyFinder(text).run();
  if (!duplicate.empty()) {
    error = duplicate;
    return std::nullopt;
  }
  return std::move(*parsed);
}

//===----------------------------------------------------------------------===//
// The schema
//===----------------------------------------------------------------------===//

struct SchemaValidator::Impl {
  json::Value root;
  /// Schema objects holding a "$ref" -> the schema it resolves to.
  DenseMap<const json::Object *, const json::Value *> refs;
  /// Schema objects holding a "pattern" -> the compiled expression.
  DenseMap<const json::Object *, std::shared_ptr<Regex>> patterns;

  explicit Impl(json::Value root) : root(std::move(root)) {}

  /// `keyword` of `schema`, or of the schema its $ref leads to.
  const json::Value *lookup(const json::Value &schema,
                            StringRef keyword) const {
    const json::Object *object = schema.getAsObject();
    for (unsigned depth = 0; object && depth < 64; ++depth) {
      if (const json::Value *value = object->get(keyword))
        return value;
      const json::Value *target = refs.lookup(object);
      object = target ? target->getAsObject() : nullptr;
    }
    return nullptr;
  }
};

SchemaValidator::SchemaValidator(std::unique_ptr<Impl> impl)
    : impl(std::move(impl)) {}
SchemaValidator::~SchemaValidator() = default;

const json::Value &SchemaValidator::getSchema() const { return impl->root; }

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
  std::vector<std::pair<const json::Object *, std::string>> schemas;

  void error(StringRef pointer, const Twine &message) {
    errors.push_back((schemaName + ": " + pointer + ": " + message).str());
  }

  const json::Value *resolve(StringRef ref, std::string &why) {
    StringRef fragment = ref;
    if (!fragment.consume_front("#")) {
      why = "unsupported reference " + describeJSONValue(json::Value(ref)) +
            " (only references inside this schema, \"#/...\", are supported)";
      return nullptr;
    }
    const json::Value *current = &impl.root;
    if (fragment.empty())
      return current;
    if (!fragment.consume_front("/")) {
      why = "unsupported reference " + describeJSONValue(json::Value(ref)) +
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
      const json::Value *next = nullptr;
      if (const json::Object *object = current->getAsObject()) {
        next = object->get(token);
      } else if (const json::Array *array = current->getAsArray()) {
        size_t index;
        if (!StringRef(token).getAsInteger(10, index) && index < array->size())
          next = &(*array)[index];
      }
      if (!next) {
        why = "unresolved reference " + describeJSONValue(json::Value(ref));
        return nullptr;
      }
      current = next;
    }
    if (current->kind() != json::Value::Object &&
        current->kind() != json::Value::Boolean) {
      why = "reference " + describeJSONValue(json::Value(ref)) +
            " does not lead to a schema (an object or a boolean)";
      return nullptr;
    }
    return current;
  }

  void checkSchemaMap(const json::Value &value, StringRef pointer) {
    const json::Object *object = value.getAsObject();
    if (!object) {
      error(pointer,
            "expected an object of schemas, got " + describeJSONValue(value));
      return;
    }
    for (const std::string &key : sortedKeys(*object))
      check(*object->get(key), childPointer(pointer, key));
  }

  void checkSchemaList(const json::Value &value, StringRef pointer) {
    const json::Array *array = value.getAsArray();
    if (!array || array->empty()) {
      error(pointer, "expected a non-empty array of schemas, got " +
                         describeJSONValue(value));
      return;
    }
    for (size_t i = 0; i < array->size(); ++i)
      check((*array)[i], childPointer(pointer, i));
  }

  void checkTypeName(const json::Value &value, StringRef pointer) {
    std::optional<StringRef> name = value.getAsString();
    if (!name || !isTypeName(*name))
      error(pointer, "unknown type " + describeJSONValue(value));
  }

  void check(const json::Value &schema, StringRef pointer) {
    if (schema.kind() == json::Value::Boolean)
      return;
    const json::Object *object = schema.getAsObject();
    if (!object) {
      error(pointer, "a schema must be an object or a boolean, got " +
                         describeJSONValue(schema));
      return;
    }
    schemas.emplace_back(object, pointer.str());
    for (const std::string &keyword : sortedKeys(*object)) {
      const json::Value &value = *object->get(keyword);
      std::string at = childPointer(pointer, keyword);
      if (isAnnotation(keyword) || keyword == "const")
        continue;
      if (keyword == "type") {
        if (const json::Array *names = value.getAsArray()) {
          if (names->empty())
            error(at, "expected at least one type name");
          for (size_t i = 0; i < names->size(); ++i)
            checkTypeName((*names)[i], childPointer(at, i));
        } else {
          checkTypeName(value, at);
        }
      } else if (keyword == "enum") {
        const json::Array *values = value.getAsArray();
        if (!values || values->empty())
          error(at,
                "expected a non-empty array, got " + describeJSONValue(value));
      } else if (keyword == "minimum" || keyword == "maximum") {
        if (value.kind() != json::Value::Number)
          error(at, "expected a number, got " + describeJSONValue(value));
      } else if (keyword == "minLength") {
        std::optional<int64_t> n = value.getAsInteger();
        if (!n || *n < 0)
          error(at, "expected a non-negative integer, got " +
                        describeJSONValue(value));
      } else if (keyword == "pattern") {
        std::optional<StringRef> text = value.getAsString();
        std::string why;
        if (!text) {
          error(at, "expected a string, got " + describeJSONValue(value));
        } else {
          auto regex = std::make_shared<Regex>(*text);
          if (!regex->isValid(why))
            error(at, "invalid pattern: " + why);
          else
            impl.patterns[object] = std::move(regex);
        }
      } else if (keyword == "required") {
        const json::Array *names = value.getAsArray();
        if (!names) {
          error(at, "expected an array of property names, got " +
                        describeJSONValue(value));
          continue;
        }
        for (size_t i = 0; i < names->size(); ++i)
          if (!(*names)[i].getAsString())
            error(childPointer(at, i), "expected a property name, got " +
                                           describeJSONValue((*names)[i]));
      } else if (keyword == "properties" || keyword == "$defs") {
        checkSchemaMap(value, at);
      } else if (keyword == "additionalProperties" || keyword == "items") {
        check(value, at);
      } else if (keyword == "oneOf" || keyword == "anyOf") {
        checkSchemaList(value, at);
      } else if (keyword == "$ref") {
        std::optional<StringRef> ref = value.getAsString();
        std::string why;
        if (!ref) {
          error(at, "expected a string, got " + describeJSONValue(value));
        } else if (const json::Value *target = resolve(*ref, why)) {
          impl.refs[object] = target;
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
    DenseMap<const json::Object *, std::string> pointers;
    for (const auto &[object, pointer] : schemas)
      pointers.try_emplace(object, pointer);
    auto successors = [&](const json::Object *object) {
      SmallVector<const json::Object *, 4> result;
      if (const json::Value *target = impl.refs.lookup(object))
        if (const json::Object *t = target->getAsObject())
          result.push_back(t);
      for (StringRef keyword : {"oneOf", "anyOf"})
        if (const json::Array *branches = object->getArray(keyword))
          for (const json::Value &branch : *branches)
            if (const json::Object *b = branch.getAsObject())
              result.push_back(b);
      return result;
    };
    enum Color { White, Grey, Black };
    DenseMap<const json::Object *, Color> color;
    std::function<bool(const json::Object *)> visit =
        [&](const json::Object *object) -> bool {
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
      for (const json::Object *next : successors(object))
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

  void validate(const json::Value &schema, const json::Value &value,
                const std::string &pointer, Violations &out) const {
    if (std::optional<bool> b = schema.getAsBoolean()) {
      if (!*b)
        out.push_back({pointer, "no value is allowed here"});
      return;
    }
    const json::Object &s = *schema.getAsObject();

    if (const json::Value *type = s.get("type"))
      if (!matchesAnyType(value, *type)) {
        out.push_back({pointer,
                       "expected " + describeTypes(*type) + ", got " +
                           describeJSONValue(value),
                       true});
        return;
      }
    if (const json::Value *target = impl.refs.lookup(&s))
      validate(*target, value, pointer, out);
    if (const json::Value *expected = s.get("const"))
      if (!(value == *expected))
        out.push_back({pointer,
                       "expected " + describeJSONValue(*expected) + ", got " +
                           describeJSONValue(value),
                       true});
    if (const json::Array *values = s.getArray("enum"))
      if (llvm::none_of(*values,
                        [&](const json::Value &v) { return v == value; })) {
        std::vector<std::string> shown, names;
        for (const json::Value &v : *values) {
          shown.push_back(describeJSONValue(v));
          if (std::optional<StringRef> name = v.getAsString())
            names.push_back(name->str());
        }
        std::string hint;
        if (std::optional<StringRef> text = value.getAsString())
          hint = suggest(*text, names, /*quoteAsJSON=*/true);
        out.push_back({pointer,
                       describeJSONValue(value) + " is not one of " +
                           join(shown, ", ") + hint,
                       true});
      }

    if (value.kind() == json::Value::Number) {
      double number = *value.getAsNumber();
      if (const json::Value *minimum = s.get("minimum"))
        if (number < *minimum->getAsNumber())
          out.push_back({pointer, describeJSONValue(value) +
                                      " is less than the minimum " +
                                      describeJSONValue(*minimum)});
      if (const json::Value *maximum = s.get("maximum"))
        if (number > *maximum->getAsNumber())
          out.push_back({pointer, describeJSONValue(value) +
                                      " is greater than the maximum " +
                                      describeJSONValue(*maximum)});
    }

    if (std::optional<StringRef> text = value.getAsString()) {
      if (std::optional<int64_t> minLength = s.getInteger("minLength"))
        if (static_cast<int64_t>(codePoints(*text)) < *minLength)
          out.push_back({pointer, describeJSONValue(value) +
                                      " is shorter than the minimum length " +
                                      std::to_string(*minLength)});
      if (std::shared_ptr<Regex> regex = impl.patterns.lookup(&s))
        if (!regex->match(*text))
          out.push_back({pointer, describeJSONValue(value) +
                                      " does not match the pattern " +
                                      describeJSONValue(*s.get("pattern"))});
    }

    if (const json::Object *object = value.getAsObject())
      validateObject(s, *object, pointer, out);

    if (const json::Array *array = value.getAsArray())
      if (const json::Value *items = s.get("items"))
        for (size_t i = 0; i < array->size(); ++i)
          validate(*items, (*array)[i], childPointer(pointer, i), out);

    if (const json::Array *branches = s.getArray("oneOf"))
      validateAlternatives(*branches, /*exactlyOne=*/true, value, pointer, out);
    if (const json::Array *branches = s.getArray("anyOf"))
      validateAlternatives(*branches, /*exactlyOne=*/false, value, pointer,
                           out);
  }

private:
  const SchemaValidator::Impl &impl;

  void validateObject(const json::Object &s, const json::Object &object,
                      const std::string &pointer, Violations &out) const {
    const json::Object *properties = s.getObject("properties");
    if (const json::Array *required = s.getArray("required"))
      for (const json::Value &name : *required)
        if (std::optional<StringRef> n = name.getAsString())
          if (!object.get(*n))
            out.push_back(
                {pointer, ("missing required property '" + *n + "'").str()});
    const json::Value *additional = s.get("additionalProperties");
    for (const std::string &key : sortedKeys(object)) {
      const json::Value &member = *object.get(key);
      std::string at = childPointer(pointer, key);
      if (const json::Value *property =
              properties ? properties->get(key) : nullptr) {
        validate(*property, member, at, out);
        continue;
      }
      if (!additional)
        continue;
      if (additional->getAsBoolean() == std::optional<bool>(false)) {
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
  std::vector<const json::Value *>
  discriminatorValues(const json::Value &schema) const {
    std::vector<const json::Value *> values;
    if (const json::Value *c = impl.lookup(schema, "const"))
      values.push_back(c);
    else if (const json::Value *e = impl.lookup(schema, "enum"))
      if (const json::Array *array = e->getAsArray())
        for (const json::Value &v : *array)
          values.push_back(&v);
    return values;
  }

  static bool isRequired(const json::Value *required, StringRef name) {
    if (const json::Array *names = required ? required->getAsArray() : nullptr)
      for (const json::Value &n : *names)
        if (n.getAsString() == std::optional<StringRef>(name))
          return true;
    return false;
  }

  /// Whether `schema` is the alternative meant for `value`: its type, const
  /// and enum admit the value's kind, and for objects every member with a
  /// const or enum in the schema ("kind": "multiplier") matches.
  bool isApplicable(const json::Value &schema, const json::Value &value) const {
    if (std::optional<bool> b = schema.getAsBoolean())
      return *b;
    if (const json::Value *type = impl.lookup(schema, "type"))
      if (!matchesAnyType(value, *type))
        return false;
    if (const json::Value *c = impl.lookup(schema, "const"))
      if (c->kind() != value.kind())
        return false;
    if (const json::Value *e = impl.lookup(schema, "enum"))
      if (const json::Array *values = e->getAsArray())
        if (llvm::none_of(*values, [&](const json::Value &v) {
              return v.kind() == value.kind();
            }))
          return false;
    const json::Object *object = value.getAsObject();
    const json::Value *properties = impl.lookup(schema, "properties");
    if (!object || !properties || !properties->getAsObject())
      return true;
    const json::Value *required = impl.lookup(schema, "required");
    for (const auto &[name, property] : *properties->getAsObject()) {
      std::vector<const json::Value *> allowed = discriminatorValues(property);
      if (allowed.empty())
        continue;
      if (const json::Value *member = object->get(name)) {
        if (llvm::none_of(allowed,
                          [&](const json::Value *v) { return *v == *member; }))
          return false;
      } else if (isRequired(required, name)) {
        return false;
      }
    }
    return true;
  }

  /// An alternative made only of checks on the value itself.
  bool isSimple(const json::Value &schema) const {
    const json::Object *object = schema.getAsObject();
    if (!object)
      return false;
    for (const auto &member : *object) {
      StringRef keyword = member.first;
      if (keyword == "$ref") {
        const json::Value *target = impl.refs.lookup(object);
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
  std::string describeAlternative(const json::Value &schema) const {
    if (const json::Value *c = impl.lookup(schema, "const"))
      return describeJSONValue(*c);
    if (const json::Value *e = impl.lookup(schema, "enum")) {
      std::vector<std::string> shown;
      if (const json::Array *values = e->getAsArray())
        for (const json::Value &v : *values)
          shown.push_back(describeJSONValue(v));
      return join(shown, " or ");
    }
    return describeTypes(*impl.lookup(schema, "type"));
  }

  void validateAlternatives(const json::Array &branches, bool exactlyOne,
                            const json::Value &value,
                            const std::string &pointer, Violations &out) const {
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
    bool allSimple = llvm::all_of(
        branches, [&](const json::Value &b) { return isSimple(b); });
    auto summary = [&]() {
      std::vector<std::string> shown;
      for (const json::Value &branch : branches)
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
      for (const json::Value &branch : branches) {
        const json::Value *type = impl.lookup(branch, "type");
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
  bool reportDiscriminator(const json::Array &branches,
                           const json::Value &value, const std::string &pointer,
                           Violations &out) const {
    const json::Object *object = value.getAsObject();
    if (!object)
      return false;
    const json::Value *first = impl.lookup(branches.front(), "properties");
    if (!first || !first->getAsObject())
      return false;
    for (const std::string &name : sortedKeys(*first->getAsObject())) {
      std::vector<const json::Value *> allowed;
      bool everywhere = true, requiredEverywhere = true;
      for (const json::Value &branch : branches) {
        const json::Value *properties = impl.lookup(branch, "properties");
        const json::Value *property = properties && properties->getAsObject()
                                          ? properties->getAsObject()->get(name)
                                          : nullptr;
        std::vector<const json::Value *> values =
            property ? discriminatorValues(*property)
                     : std::vector<const json::Value *>();
        if (values.empty()) {
          everywhere = false;
          break;
        }
        requiredEverywhere &= isRequired(impl.lookup(branch, "required"), name);
        for (const json::Value *v : values)
          if (llvm::none_of(allowed,
                            [&](const json::Value *a) { return *a == *v; }))
            allowed.push_back(v);
      }
      if (!everywhere)
        continue;
      const json::Value *member = object->get(name);
      if (!member) {
        if (!requiredEverywhere)
          return false;
        out.push_back({pointer, "missing required property '" + name + "'"});
        return true;
      }
      std::vector<std::string> shown, names;
      for (const json::Value *v : allowed) {
        shown.push_back(describeJSONValue(*v));
        if (std::optional<StringRef> s = v->getAsString())
          names.push_back(s->str());
      }
      std::string hint;
      if (std::optional<StringRef> text = member->getAsString())
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
  std::optional<json::Value> parsed = parseJSONText(schemaText, parseError);
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
SchemaValidator::validate(const json::Value &document) const {
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
