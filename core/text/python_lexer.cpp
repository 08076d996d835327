#include "core/text/python_lexer.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace pyprep::python {
namespace {

// clang-format off
// Sorted (checked below), for binary search. True, False and None are keywords to Python but
// constants to a reader, so they are highlighted with the builtins.
constexpr std::string_view kKeywords[] = {
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

// Python 3.13's builtins module, exceptions included.
constexpr std::string_view kBuiltins[] = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError",
    "Exception", "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError",
    "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError",
    "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError",
    "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError",
    "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
    "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
    "PythonFinalizationError", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
    "SystemExit", "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError",
    "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
    "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError",
    "__build_class__", "__debug__", "__import__", "abs", "aiter", "all", "anext", "any", "ascii",
    "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile",
    "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval",
    "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr",
    "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len",
    "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
    "open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set",
    "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars",
    "zip",
};
// clang-format on

static_assert(std::is_sorted(std::begin(kKeywords), std::end(kKeywords)));
static_assert(std::is_sorted(std::begin(kBuiltins), std::end(kBuiltins)));

bool is_identifier_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool is_identifier_char(unsigned char c) {
  return is_identifier_start(c) || (c >= '0' && c <= '9');
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }
bool is_line_end(char c) { return c == '\n' || c == '\r'; }
bool is_quote(char c) { return c == '\'' || c == '"'; }

bool is_keyword(std::string_view word) {
  return std::binary_search(std::begin(kKeywords), std::end(kKeywords), word);
}
bool is_builtin(std::string_view word) {
  return std::binary_search(std::begin(kBuiltins), std::end(kBuiltins), word);
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

// r, u, b, f, t (3.14 template strings) and the two-letter raw combinations, in any case.
bool is_string_prefix(std::string_view word) {
  if (word.size() == 1) {
    const char c = lower(word[0]);
    return c == 'r' || c == 'u' || c == 'b' || c == 'f' || c == 't';
  }
  if (word.size() != 2) return false;
  const char a = lower(word[0]);
  const char b = lower(word[1]);
  const char other = a == 'r' ? b : b == 'r' ? a : 0;
  return other == 'b' || other == 'f' || other == 't';
}

bool has_replacement_fields(std::string_view prefix) {
  return std::any_of(prefix.begin(), prefix.end(),
                     [](char c) { return lower(c) == 'f' || lower(c) == 't'; });
}

// Nested f-strings deeper than this are scanned as plain strings, so hostile input cannot
// exhaust the stack; Python itself rejects much shallower nesting.
constexpr int kMaxNesting = 32;

std::size_t scan_string(std::string_view s, std::size_t quote, bool formatted, int nesting);
std::size_t skip_replacement_field(std::string_view s, std::size_t i, bool single_line,
                                   int nesting);

// The format spec after ":" in a replacement field is literal text with nested fields.
std::size_t skip_format_spec(std::string_view s, std::size_t i, bool single_line, int nesting) {
  while (i < s.size()) {
    const char c = s[i];
    if (single_line && is_line_end(c)) return i;
    if (c == '}') return i + 1;
    if (c == '{' && nesting < kMaxNesting) {
      i = skip_replacement_field(s, i + 1, single_line, nesting + 1);
    } else {
      ++i;
    }
  }
  return i;
}

// From just after "{" to just after the matching "}". Since 3.12 (PEP 701) the expression may
// hold strings in the same quotes as the f-string, so nested strings are scanned as strings.
std::size_t skip_replacement_field(std::string_view s, std::size_t i, bool single_line,
                                   int nesting) {
  int depth = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (single_line && is_line_end(c)) return i;
    if (is_quote(c) && nesting < kMaxNesting) {
      std::size_t prefix_begin = i;
      while (prefix_begin > 0 && i - prefix_begin < 2 && is_identifier_char(s[prefix_begin - 1]))
        --prefix_begin;
      const std::string_view prefix = s.substr(prefix_begin, i - prefix_begin);
      const bool formatted = is_string_prefix(prefix) && has_replacement_fields(prefix);
      i = scan_string(s, i, formatted, nesting + 1);
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (c == '}') {
      if (depth == 0) return i + 1;
      --depth;
    } else if (c == ':' && depth == 0) {
      return skip_format_spec(s, i + 1, single_line, nesting);
    }
    ++i;
  }
  return i;
}

// From the opening quote to just after the closing one. A backslash escapes a quote, a
// backslash or a line end even in raw strings (r"\"" is one string).
std::size_t scan_string(std::string_view s, std::size_t quote, bool formatted, int nesting) {
  const char q = s[quote];
  const bool triple = quote + 2 < s.size() && s[quote + 1] == q && s[quote + 2] == q;
  std::size_t i = quote + (triple ? 3 : 1);
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\\') {
      const bool escapes =
          i + 1 < s.size() && (s[i + 1] == q || s[i + 1] == '\\' || is_line_end(s[i + 1]));
      i += escapes ? 2 : 1;
      if (escapes && s[i - 1] == '\r' && i < s.size() && s[i] == '\n') ++i;
      continue;
    }
    if (c == q) {
      if (!triple) return i + 1;
      if (i + 2 < s.size() && s[i + 1] == q && s[i + 2] == q) return i + 3;
    } else if (!triple && is_line_end(c)) {
      return i;
    } else if (formatted && c == '{') {
      if (i + 1 < s.size() && s[i + 1] == '{') {
        i += 2;
        continue;
      }
      if (nesting < kMaxNesting) {
        i = skip_replacement_field(s, i + 1, !triple, nesting + 1);
        continue;
      }
    }
    ++i;
  }
  return i;
}

std::size_t scan_number(std::string_view s, std::size_t i) {
  auto digits = [&](auto accept) {
    while (i < s.size() && (accept(s[i]) || s[i] == '_')) ++i;
  };
  if (s[i] == '0' && i + 1 < s.size() &&
      std::string_view("xXoObB").find(s[i + 1]) != std::string_view::npos) {
    const bool hex = lower(s[i + 1]) == 'x';
    i += 2;
    if (hex)
      digits(is_hex_digit);
    else
      digits(is_digit);
    return i;
  }
  digits(is_digit);
  if (i < s.size() && s[i] == '.') {
    ++i;
    digits(is_digit);
  }
  if (i < s.size() && lower(s[i]) == 'e') {
    const std::size_t sign = i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-') ? 1 : 0;
    if (i + 1 + sign < s.size() && is_digit(s[i + 1 + sign])) {
      i += 1 + sign;
      digits(is_digit);
    }
  }
  if (i < s.size() && lower(s[i]) == 'j') ++i;
  return i;
}

// Longest first, so "**=" wins over "**" and "*".
constexpr std::array<std::string_view, 24> kMultiCharOperators = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=",
    ">=",  "==",  "!=",  "+=",  "-=",  "*=", "/=", "%=", "&=", "|=", "^=", "@="};
constexpr std::string_view kSingleCharOperators = "+-*/%@&|^~<>()[]{},:;.=\\";

std::size_t operator_length(std::string_view s, std::size_t i) {
  const std::string_view rest = s.substr(i);
  for (std::string_view op : kMultiCharOperators) {
    if (rest[0] == op[0] && rest.starts_with(op)) return op.size();  // first char: cheap reject
  }
  return kSingleCharOperators.find(s[i]) != std::string_view::npos ? 1 : 0;
}

std::size_t line_end(std::string_view s, std::size_t i) {
  while (i < s.size() && !is_line_end(s[i])) ++i;
  return i;
}

// Whether the line from `i` ends in ":" before any comment, as match and case statements do.
bool line_ends_with_colon(std::string_view s, std::size_t i) {
  const std::size_t end = line_end(s, i);
  char last = 0;
  while (i < end) {
    const char c = s[i];
    if (c == '#') break;
    if (is_quote(c)) {
      i = std::min(scan_string(s, i, false, kMaxNesting), end);
      last = c;
      continue;
    }
    if (!is_blank(c)) last = c;
    ++i;
  }
  return last == ':';
}

std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && is_blank(s[i])) ++i;
  return i;
}

class Lexer {
 public:
  explicit Lexer(std::string_view source) : s_(source) {}

  std::vector<Token> run() {
    while (i_ < s_.size()) step();
    return std::move(tokens_);
  }

 private:
  void step() {
    const char c = s_[i_];
    const std::size_t start = i_;
    if (is_line_end(c)) {
      i_ += (c == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ? 2 : 1;
      emit(TokenKind::Newline, start);
      if (!continued_ && depth_ == 0) {
        line_start_ = true;
        case_pattern_ = false;
      }
      continued_ = false;
      return;
    }
    if (is_blank(c)) {
      i_ = skip_blanks(s_, i_);
      emit(TokenKind::Whitespace, start);
      return;
    }
    if (c == '#') {
      i_ = line_end(s_, i_);
      emit(TokenKind::Comment, start);
      return;
    }
    const bool logical_line_start = line_start_ && depth_ == 0;
    line_start_ = false;
    if (is_quote(c)) {
      i_ = scan_string(s_, i_, false, 0);
      significant(TokenKind::String, start);
    } else if (is_identifier_start(static_cast<unsigned char>(c))) {
      word(start, logical_line_start);
    } else if (is_digit(c) || (c == '.' && i_ + 1 < s_.size() && is_digit(s_[i_ + 1]))) {
      i_ = scan_number(s_, i_);
      significant(TokenKind::Number, start);
    } else if (c == '@' && logical_line_start) {
      decorator(start);
    } else if (const std::size_t length = operator_length(s_, i_); length > 0) {
      i_ += length;
      punctuation(start);
    } else {
      ++i_;
      significant(TokenKind::Error, start);
    }
  }

  void word(std::size_t start, bool logical_line_start) {
    while (i_ < s_.size() && is_identifier_char(static_cast<unsigned char>(s_[i_]))) ++i_;
    const std::string_view text = s_.substr(start, i_ - start);
    if (i_ < s_.size() && is_quote(s_[i_]) && is_string_prefix(text)) {
      i_ = scan_string(s_, i_, has_replacement_fields(text), 0);
      significant(TokenKind::String, start);
      return;
    }
    significant(classify(text, logical_line_start), start);
  }

  TokenKind classify(std::string_view text, bool logical_line_start) {
    if (expect_ != TokenKind::Error) return expect_;
    if (is_keyword(text)) return TokenKind::Keyword;
    if (after_dot_) return TokenKind::Identifier;
    if (logical_line_start && (text == "match" || text == "case") && starts_statement()) {
      case_pattern_ = text == "case";
      return TokenKind::SoftKeyword;
    }
    if (text == "_" && case_pattern_) return TokenKind::SoftKeyword;
    if (logical_line_start && text == "type" && starts_type_alias()) return TokenKind::SoftKeyword;
    if (is_builtin(text)) return TokenKind::Builtin;
    return TokenKind::Identifier;
  }

  // "match x:" / "case [a, b]:" but not "match = re.match(...)" or "match.group()".
  bool starts_statement() const {
    const std::size_t next = skip_blanks(s_, i_);
    if (next == i_ || next >= s_.size()) return false;
    const char c = s_[next];
    if (c == '=' && !(next + 1 < s_.size() && s_[next + 1] == '=')) return false;
    if (c == '.' || c == ',' || c == ')' || c == ':' || c == ';') return false;
    return line_ends_with_colon(s_, next);
  }

  // "type Alias = ..." but not "type(x)".
  bool starts_type_alias() const {
    const std::size_t next = skip_blanks(s_, i_);
    return next > i_ && next < s_.size() &&
           is_identifier_start(static_cast<unsigned char>(s_[next]));
  }

  void decorator(std::size_t start) {
    ++i_;
    while (i_ < s_.size() && is_identifier_start(static_cast<unsigned char>(s_[i_]))) {
      while (i_ < s_.size() && is_identifier_char(static_cast<unsigned char>(s_[i_]))) ++i_;
      if (i_ + 1 < s_.size() && s_[i_] == '.' &&
          is_identifier_start(static_cast<unsigned char>(s_[i_ + 1]))) {
        ++i_;
      }
    }
    significant(TokenKind::Decorator, start);
  }

  void punctuation(std::size_t start) {
    const std::string_view op = s_.substr(start, i_ - start);
    if (op == "(" || op == "[" || op == "{") ++depth_;
    if ((op == ")" || op == "]" || op == "}") && depth_ > 0) --depth_;
    significant(TokenKind::Operator, start);
    after_dot_ = op == ".";
    continued_ = op == "\\";
  }

  // A token that is not whitespace, a newline or a comment: it decides what the next name is.
  void significant(TokenKind kind, std::size_t start) {
    emit(kind, start);
    const std::string_view text = s_.substr(start, i_ - start);
    expect_ = kind == TokenKind::Keyword && text == "def"     ? TokenKind::FunctionName
              : kind == TokenKind::Keyword && text == "class" ? TokenKind::ClassName
                                                              : TokenKind::Error;
    after_dot_ = false;
    continued_ = false;
  }

  void emit(TokenKind kind, std::size_t start) { tokens_.push_back({kind, start, i_ - start}); }

  std::string_view s_;
  std::size_t i_ = 0;
  std::vector<Token> tokens_;
  bool line_start_ = true;  // nothing but blanks since the last line end
  bool continued_ = false;  // the line ends in a "\" continuation
  bool after_dot_ = false;  // the previous significant token is "."
  bool case_pattern_ = false;
  int depth_ = 0;  // open brackets: inside them a line end does not end the statement
  TokenKind expect_ = TokenKind::Error;  // FunctionName or ClassName right after def or class
};

}  // namespace

std::vector<Token> tokenize(std::string_view source) { return Lexer(source).run(); }

}  // namespace pyprep::python
