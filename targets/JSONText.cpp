//===- JSONText.cpp - reading JSON text with nlohmann/json ----------------===//
//
// nlohmann/json decides whether text is JSON and builds the value. When it
// rejects the text, describeSyntaxError() turns its error (a byte offset and
// a message) into the diagnostics snc gave with its previous parser, LLVM's
// llvm::json: positions and reasons were kept so that messages, tests and
// users' habits stay as they were.
//
//===----------------------------------------------------------------------===//

#include "targets/JSONText.h"
#include "targets/SchemaValidator.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/ConvertUTF.h"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>

using namespace llvm;

namespace snc::targets {

// Declared here to hide llvm::json, which `using namespace llvm` brings in.
using json = nlohmann::json;

namespace {

/// The pointer of member `token` of the value at `parent` ("/" is the root).
std::string childPointer(StringRef parent, StringRef token) {
  std::string result = parent == "/" ? std::string() : parent.str();
  result += '/';
  result += escapeJSONPointerToken(token);
  return result;
}

/// "<line>:<column>: invalid JSON: <reason>" for an error found at byte
/// `offset`. Positions follow the parser snc used before nlohmann/json
/// (LLVM's), so messages stay as they were: `offset` is just past the
/// offending character, whose 1-based column is then offset - line start
/// (never less than 1); a few errors (text after the document, bad UTF-8)
/// give the character's own offset.
std::string syntaxError(StringRef text, size_t offset, StringRef reason) {
  offset = std::min(offset, text.size());
  size_t line = 1, lineStart = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  size_t column = std::max<size_t>(offset - lineStart, 1);
  return (Twine(line) + ":" + Twine(column) + ": invalid JSON: " + reason)
      .str();
}

bool isJSONSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// The characters read as one number by LLVM's parser, whose positions and
/// messages for bad numbers ("1-2", "--1") are kept.
bool isNumberChar(char c) {
  return isDigit(c) || c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E';
}

size_t endOfNumberChars(StringRef text, size_t pos) {
  while (pos < text.size() && isNumberChar(text[pos]))
    ++pos;
  return pos;
}

/// Records the first error of a SAX parse and accepts everything else.
class ParseErrorCatcher : public nlohmann::json_sax<json> {
public:
  /// The offset just past the last character the lexer read (text.size() + 1
  /// if it read the end of the text).
  size_t end = 0;
  /// nlohmann's exception id: 101 for syntax errors, 406 for a number that
  /// overflows a double.
  int id = 0;
  std::string message;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t &) override { return true; }
  bool string(string_t &) override { return true; }
  bool binary(binary_t &) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t &) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }

  bool parse_error(std::size_t position, const std::string &,
                   const json::exception &error) override {
    end = position;
    id = error.id;
    message = error.what();
    return false; // stop; nothing is thrown
  }
};

/// Where nlohmann's lexer ends the token at `pos`: just past it, or, for a
/// token it rejects, just past the character it stopped at (text.size() + 1
/// at the end of the text). `isNumber` tells whether it is a valid number.
size_t tokenEnd(StringRef text, size_t pos, bool &isNumber) {
  isNumber = false;
  size_t size = text.size();
  auto at = [&](size_t i) { return i < size ? text[i] : '\0'; };
  char first = text[pos];
  if (first == '"') {
    size_t i = pos + 1;
    while (i < size && text[i] != '"')
      i += text[i] == '\\' ? 2 : 1;
    return i < size ? i + 1 : size + 1;
  }
  if (first == 't' || first == 'f' || first == 'n') {
    StringRef literal = first == 't' ? "true" : first == 'f' ? "false" : "null";
    for (size_t i = 1; i < literal.size(); ++i)
      if (pos + i >= size || text[pos + i] != literal[i])
        return std::min(pos + i, size) + 1;
    return pos + literal.size();
  }
  if (first != '-' && !isDigit(first))
    return pos + 1; // a structural character, NUL (the end to nlohmann) or
                    // one it rejects
  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  size_t i = pos + (first == '-');
  if (at(i) == '0') {
    ++i;
  } else if (isDigit(at(i))) {
    while (isDigit(at(i)))
      ++i;
  } else {
    return std::min(i, size) + 1;
  }
  if (at(i) == '.') {
    if (!isDigit(at(++i)))
      return std::min(i, size) + 1;
    while (isDigit(at(i)))
      ++i;
  }
  if (at(i) == 'e' || at(i) == 'E') {
    ++i;
    if (at(i) == '+' || at(i) == '-')
      ++i;
    if (!isDigit(at(i)))
      return std::min(i, size) + 1;
    while (isDigit(at(i)))
      ++i;
  }
  isNumber = true;
  return i;
}

/// The token nlohmann's lexer was reading when it stopped.
struct OffendingToken {
  /// Its first character (text.size() at the end of the text).
  size_t start = 0;
  /// Where a number that ends right at `start` begins ("0" in "01").
  std::optional<size_t> numberBefore;
};

/// Re-reads the tokens as nlohmann's lexer did, up to the one it was reading
/// when it stopped (`end` is just past the last character it read).
OffendingToken findOffendingToken(StringRef text, size_t end) {
  OffendingToken token;
  size_t pos = 0;
  std::optional<size_t> numberStart, numberEnd;
  for (;;) {
    while (pos < text.size() && isJSONSpace(text[pos]))
      ++pos;
    token.start = pos;
    if (pos >= text.size())
      break;
    bool isNumber;
    size_t next = tokenEnd(text, pos, isNumber);
    if (next >= end)
      break;
    numberStart = isNumber ? std::optional<size_t>(pos) : std::nullopt;
    numberEnd = next;
    pos = next;
  }
  if (numberStart && numberEnd == token.start)
    token.numberBefore = numberStart;
  return token;
}

/// Explains why nlohmann/json rejected `text`, in the words and at the
/// positions of the parser snc used before (LLVM's, which decided by the
/// first character of a token where nlohmann reads the whole token): an
/// unexpected token is located at its first character, and the reason names
/// what was expected there. Errors the old parser did not have (it accepted
/// lone UTF-16 surrogates, "01", "+1", ".5", "1." and numbers beyond a
/// double) are located where nlohmann stopped.
std::string describeSyntaxError(StringRef text) {
  ParseErrorCatcher catcher;
  json::sax_parse(text.begin(), text.end(), &catcher);
  size_t size = text.size();
  if (catcher.message.empty()) // unreachable: the same parser failed before
    return syntaxError(text, size, "not JSON");
  // Where the lexer stopped, at most the end of the text.
  size_t end = std::min(catcher.end, size);
  if (catcher.id == 406)
    return syntaxError(text, end, "number out of range");

  // "... syntax error while parsing <context> - <problem>[; expected <x>]",
  // where <problem> is "unexpected <token>" or the lexer's message.
  StringRef message = catcher.message;
  StringRef context, problem;
  StringRef marker = "while parsing ";
  size_t at = message.find(marker);
  if (at != StringRef::npos) {
    std::tie(context, problem) =
        message.drop_front(at + marker.size()).split(" - ");
  }
  if (context.empty() || problem.empty())
    return syntaxError(text, end, message);
  bool lexerError = !problem.starts_with("unexpected ");
  bool afterDocument = problem.ends_with("; expected end of input");

  OffendingToken token = findOffendingToken(text, catcher.end);
  size_t start = token.start;
  size_t pastStart = std::min(start + 1, size);
  char first = start < size ? text[start] : '\0';

  // "01", "1-2": one (bad) number to the old parser.
  if (token.numberBefore && isNumberChar(first))
    return syntaxError(text, endOfNumberChars(text, *token.numberBefore),
                       "invalid JSON value (number?)");
  if (afterDocument)
    return syntaxError(text, start, "text after the end of the document");
  if (context == "object separator")
    return syntaxError(text, pastStart, "expected ':' after an object key");
  if (context == "object")
    return syntaxError(text, pastStart,
                       "expected ',' or '}' after an object member");
  if (context == "array")
    return syntaxError(text, pastStart,
                       "expected ',' or ']' after an array element");
  bool badString = lexerError && first == '"';
  if (context == "object key" && !badString)
    return syntaxError(text, pastStart,
                       "expected an object key (a string in double quotes; no "
                       "trailing commas)");

  // A value, or the string of a key.
  if (start >= size)
    return syntaxError(text, size, "unexpected end of file");
  if (!lexerError) // ',', ':', '}', ']' or NUL
    return syntaxError(text, start + 1, "invalid JSON value");
  if (badString) {
    if (problem.contains("missing closing quote"))
      return syntaxError(text, size, "unterminated string");
    if (problem.contains("control character"))
      return syntaxError(text, end,
                         catcher.end == size ? "unterminated string"
                                             : "control character in string");
    if (problem.contains("forbidden character after backslash"))
      return syntaxError(text, end,
                         catcher.end > size ? "unterminated string"
                                            : "invalid escape sequence");
    if (problem.contains("must be followed by 4 hex digits")) {
      // The old parser read four characters after "\u" before checking them.
      size_t afterU = std::min(catcher.end - 1, size);
      while (afterU > 0 && isHexDigit(text[afterU - 1]))
        --afterU;
      return syntaxError(text, afterU + 4, "invalid \\u escape sequence");
    }
    if (problem.contains("surrogate"))
      return syntaxError(text, end,
                         "invalid \\u escape sequence (unpaired UTF-16 "
                         "surrogate)");
    return syntaxError(text, end, problem.split("; last read").first);
  }
  if (first == 't')
    return syntaxError(text, end, "invalid value (did you mean true?)");
  if (first == 'f')
    return syntaxError(text, end, "invalid value (did you mean false?)");
  if (first == 'n')
    return syntaxError(text, end, "invalid value (did you mean null?)");
  if (isNumberChar(first))
    return syntaxError(text, endOfNumberChars(text, start),
                       "invalid JSON value (number?)");
  return syntaxError(text, start + 1, "invalid JSON value");
}

/// Finds duplicate object keys in text that nlohmann/json already accepted.
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
        value(childPointer(pointer, std::to_string(index)));
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

/// Target descriptions nest a few levels; a deeper document is hostile or
/// broken, and walking it recursively could exhaust the stack.
constexpr unsigned kMaxNestingDepth = 256;

/// The offset of the bracket that opens level kMaxNestingDepth + 1, if any
/// (strings skipped, escapes honoured).
std::optional<size_t> tooDeepAt(StringRef text) {
  unsigned depth = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxNestingDepth)
        return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<json> parseJSONText(StringRef text, std::string &error) {
  // Checked first, over the whole text, as before: nlohmann would only
  // notice bad UTF-8 inside strings.
  const auto *bytes = reinterpret_cast<const UTF8 *>(text.data());
  const UTF8 *badUTF8 = bytes;
  if (!isLegalUTF8String(&badUTF8, bytes + text.size())) {
    error = syntaxError(text, badUTF8 - bytes, "invalid UTF-8 sequence");
    return std::nullopt;
  }
  // No JSON value starts with byte 0xEF. nlohmann would skip a byte order
  // mark there (U+FEFF), which JSON text must not have (RFC 8259, section
  // 8.1) and which has never been accepted here.
  if (text.starts_with("\xEF")) {
    error = syntaxError(text, 1, "invalid JSON value");
    return std::nullopt;
  }

  if (std::optional<size_t> deep = tooDeepAt(text)) {
    error = syntaxError(text, *deep + 1,
                        "nested deeper than " +
                            std::to_string(kMaxNestingDepth) + " levels");
    return std::nullopt;
  }
  json document = json::parse(text.begin(), text.end(), /*cb=*/nullptr,
                              /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    error = describeSyntaxError(text);
    return std::nullopt;
  }
  // nlohmann ends the text at a NUL byte between tokens (inside a string it
  // is an error); whatever follows the document is not JSON.
  size_t nul = text.find('\0');
  if (nul != StringRef::npos) {
    error = syntaxError(text, nul, "text after the end of the document");
    return std::nullopt;
  }
  std::string duplicate = DuplicateKeyFinder(text).run();
  if (!duplicate.empty()) {
    error = duplicate;
    return std::nullopt;
  }
  return document;
}

} // namespace snc::targets
