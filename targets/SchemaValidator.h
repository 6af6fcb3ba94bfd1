//===- SchemaValidator.h - JSON Schema subset, nlohmann::json ---*- C++ -*-===//
//
// Validates JSON documents against a JSON Schema (draft 2020-12 keywords)
// that is itself read at run time, so targets/schema.json stays the single
// source of truth for what a target description may contain.
//
// Supported keywords: type, enum, const, minimum, maximum, minLength,
// pattern (POSIX extended syntax through llvm::Regex), required, properties,
// additionalProperties (boolean or schema), items, oneOf, anyOf, $ref (to
// "#" or "#/json/pointer" inside the same schema) and $defs; annotations
// ($schema, $id, $comment, title, description, default, examples) are
// accepted and ignored. Any other keyword is rejected when the schema is
// loaded, so a schema never silently asks for a check the validator does
// not make.
//
// Documents are nlohmann::json values (see JSONText.h for reading them). No
// exceptions: every failure is reported through return values, and
// nlohmann::json is only used through calls that cannot throw (is_*(),
// find(), get_ptr<>() and iteration, never at() or get<>()). So the library
// needs no exception support and none can reach the MLIR code that calls
// it; with -fno-exceptions, nlohmann/json turns its (unreached) throws into
// aborts by itself.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TARGETS_SCHEMAVALIDATOR_H
#define SNC_TARGETS_SCHEMAVALIDATOR_H

#include "llvm/ADT/StringRef.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace snc::targets {

/// One violation: where in the document (a JSON pointer, "/" for the root)
/// and why.
struct ValidationError {
  std::string pointer;
  std::string message;

  /// "<file>: <pointer>: <message>".
  std::string format(llvm::StringRef fileName) const;
};

/// Escapes one reference token of a JSON pointer ('~' -> "~0", '/' -> "~1").
std::string escapeJSONPointerToken(llvm::StringRef token);

/// Renders a JSON value for a diagnostic: scalars as JSON text (numbers in
/// their shortest exact form, long strings shortened), containers as
/// "object" or "array".
std::string describeJSONValue(const nlohmann::json &value);

/// The member `key` of `object`; null if `object` is not an object or has no
/// such member.
const nlohmann::json *getJSONMember(const nlohmann::json &object,
                                    llvm::StringRef key);

/// A number as a signed 64-bit integer if it is one: an integer that fits,
/// or a floating-point number with no fractional part in range (3.0 gives 3,
/// as JSON Schema's "integer" counts it).
std::optional<int64_t> getJSONInteger(const nlohmann::json &value);

/// A loaded, checked schema.
class SchemaValidator {
public:
  ~SchemaValidator();

  /// Parses and checks a schema: syntax, known keywords, keyword value types,
  /// resolvable $refs, patterns that compile, no $ref/oneOf/anyOf cycle that
  /// would never consume any of the document. On failure returns null and
  /// sets `error` to one "<schemaName>: <pointer>: <reason>" line per
  /// problem.
  static std::unique_ptr<SchemaValidator> create(llvm::StringRef schemaText,
                                                 llvm::StringRef schemaName,
                                                 std::string &error);

  /// Validates `document`; returns its violations in a deterministic order
  /// (object members are visited in sorted order), without duplicates.
  std::vector<ValidationError> validate(const nlohmann::json &document) const;

  const nlohmann::json &getSchema() const;

  /// The parsed schema and its resolved references (opaque).
  struct Impl;

private:
  explicit SchemaValidator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl;
};

} // namespace snc::targets

#endif // SNC_TARGETS_SCHEMAVALIDATOR_H
