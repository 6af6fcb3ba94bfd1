//===- SchemaValidator.h - a JSON Schema subset over llvm::json -*- C++ -*-===//
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
// No exceptions: every failure is reported through return values.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TARGETS_SCHEMAVALIDATOR_H
#define SNC_TARGETS_SCHEMAVALIDATOR_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

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
std::string describeJSONValue(const llvm::json::Value &value);

/// Parses JSON text. On a syntax error returns std::nullopt and sets `error`
/// to "<line>:<column>: invalid JSON: <reason>". Duplicate object keys, which
/// llvm::json accepts silently (keeping the last), are errors too:
/// "<pointer>: duplicate property '<key>' at <line>:<column>".
std::optional<llvm::json::Value> parseJSONText(llvm::StringRef text,
                                               std::string &error);

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
  std::vector<ValidationError>
  validate(const llvm::json::Value &document) const;

  const llvm::json::Value &getSchema() const;

  /// The parsed schema and its resolved references (opaque).
  struct Impl;

private:
  explicit SchemaValidator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl;
};

} // namespace snc::targets

#endif // SNC_TARGETS_SCHEMAVALIDATOR_H
