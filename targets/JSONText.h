//===- JSONText.h - reading JSON text with nlohmann/json --------*- C++ -*-===//
//
// Parses the JSON of target descriptions and their schema with nlohmann/json,
// and reports syntax errors for people editing a file by hand: a line, a
// column and a reason in words ("expected ',' or '}' after an object
// member"), the same as before snc used nlohmann/json.
//
// No exceptions: nlohmann/json parses with allow_exceptions = false, and
// errors are examined through a SAX handler that returns false, so nothing
// is ever thrown.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TARGETS_JSONTEXT_H
#define SNC_TARGETS_JSONTEXT_H

#include "llvm/ADT/StringRef.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace snc::targets {

/// Parses JSON text. On a syntax error returns std::nullopt and sets `error`
/// to "<line>:<column>: invalid JSON: <reason>". Duplicate object keys, which
/// nlohmann::json accepts silently (keeping the last), are errors too:
/// "<pointer>: duplicate property '<key>' at <line>:<column>".
std::optional<nlohmann::json> parseJSONText(llvm::StringRef text,
                                            std::string &error);

} // namespace snc::targets

#endif // SNC_TARGETS_JSONTEXT_H
