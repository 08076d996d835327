#pragma once
// Python source split into tokens for syntax highlighting. Not a validating tokenizer: any input
// lexes, and the tokens always cover the source exactly, in order and without gaps, so the
// renderer can draw token by token and never lose a byte.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace pyprep::python {

enum class TokenKind : std::uint8_t {
  Whitespace,    // spaces, tabs and form feeds within a line
  Newline,       // "\n", "\r\n" or "\r"
  Comment,       // "#" to the end of the line
  Keyword,       // def, if, return, async, ...
  SoftKeyword,   // match/case starting a match statement or case clause, "_" in a case
                 // pattern, type starting a type alias
  Builtin,       // built-in functions, types, exceptions and constants (True, None, ...)
  Identifier,    // any other name, and every name after "." (attributes are not builtins)
  FunctionName,  // the name after def
  ClassName,     // the name after class
  Decorator,     // "@" and the dotted name after it, at the start of a line
  String,        // with its prefix and quotes; f-string replacement fields stay inside
  Number,        // integers, floats, imaginary numbers, with underscores
  Operator,      // operators, brackets and other punctuation, including "\" continuations
  Error,         // a character Python does not accept outside strings and comments ("$", "?")
};

struct Token {
  TokenKind kind = TokenKind::Error;
  std::size_t offset = 0;  // in bytes from the start of the source
  std::size_t length = 0;  // in bytes, at least 1
  bool operator==(const Token&) const = default;
};

// An unterminated string runs to the end of its line, or to the end of the source for a
// triple-quoted one. Bytes of 0x80 and above are taken as identifier characters, as Python
// allows non-ASCII letters in names.
std::vector<Token> tokenize(std::string_view source);

}  // namespace pyprep::python
