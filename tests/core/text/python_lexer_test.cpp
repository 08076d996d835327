#include <doctest/doctest.h>

#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "ui/platform/bank_dir.h"
#include "core/text/python_lexer.h"

using namespace pyprep::python;
using K = TokenKind;

namespace {

struct Piece {
  TokenKind kind;
  std::string text;
  bool operator==(const Piece&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Piece& p) {
  return os << "{" << int(p.kind) << ", \"" << p.text << "\"}";
}

// True when the tokens cover the source in order, without gaps or empty tokens.
bool covers(std::string_view source, const std::vector<Token>& tokens) {
  std::size_t at = 0;
  for (const Token& t : tokens) {
    if (t.offset != at || t.length == 0) return false;
    at += t.length;
  }
  return at == source.size();
}

// The tokens as (kind, text), without whitespace and newlines unless asked for.
std::vector<Piece> lex(std::string_view source, bool with_layout = false) {
  const std::vector<Token> tokens = tokenize(source);
  CHECK(covers(source, tokens));
  std::vector<Piece> pieces;
  for (const Token& t : tokens) {
    if (!with_layout && (t.kind == K::Whitespace || t.kind == K::Newline)) continue;
    pieces.push_back({t.kind, std::string(source.substr(t.offset, t.length))});
  }
  return pieces;
}

}  // namespace

TEST_CASE("python lexer: a function definition with every token kind around it") {
  const std::vector<Piece> expected = {
      {K::Decorator, "@functools.cache"},
      {K::Keyword, "def"},
      {K::FunctionName, "fib"},
      {K::Operator, "("},
      {K::Identifier, "n"},
      {K::Operator, ":"},
      {K::Builtin, "int"},
      {K::Operator, ")"},
      {K::Operator, "->"},
      {K::Builtin, "int"},
      {K::Operator, ":"},
      {K::Comment, "# memoised"},
      {K::Keyword, "return"},
      {K::Identifier, "n"},
      {K::Keyword, "if"},
      {K::Identifier, "n"},
      {K::Operator, "<"},
      {K::Number, "2"},
      {K::Keyword, "else"},
      {K::Identifier, "fib"},
      {K::Operator, "("},
      {K::Identifier, "n"},
      {K::Operator, "-"},
      {K::Number, "1"},
      {K::Operator, ")"},
      {K::Operator, "+"},
      {K::Builtin, "None"},
  };
  CHECK(lex("@functools.cache\ndef fib(n: int) -> int:  # memoised\n"
            "    return n if n < 2 else fib(n-1) + None\n") == expected);
}

TEST_CASE("python lexer: whitespace and newlines are tokens of their own, CRLF is one newline") {
  const std::vector<Piece> expected = {{K::Identifier, "x"}, {K::Whitespace, " \t"},
                                       {K::Operator, "="},   {K::Whitespace, " "},
                                       {K::Number, "1"},     {K::Newline, "\r\n"},
                                       {K::Newline, "\n"},   {K::Identifier, "y"},
                                       {K::Newline, "\r"}};
  CHECK(lex("x \t= 1\r\n\ny\r", true) == expected);
}

TEST_CASE("python lexer: class names, attributes and builtins") {
  const std::vector<Piece> expected = {
      {K::Keyword, "class"},    {K::ClassName, "Stack"},    {K::Operator, "("},
      {K::Builtin, "list"},     {K::Operator, ")"},         {K::Operator, ":"},
      {K::Identifier, "self"},  {K::Operator, "."},         {K::Identifier, "type"},
      {K::Operator, "="},       {K::Builtin, "type"},       {K::Operator, "("},
      {K::Identifier, "x"},     {K::Operator, ")"},         {K::Operator, "."},
      {K::Identifier, "print"}, {K::Keyword, "raise"},      {K::Builtin, "ValueError"},
      {K::Keyword, "from"},     {K::Operator, "."},         {K::Keyword, "import"},
      {K::Identifier, "m"},
  };
  CHECK(lex("class Stack(list):\n    self.type = type(x).print\nraise ValueError\n"
            "from . import m") == expected);
}

TEST_CASE("python lexer: strings with quotes, prefixes and escapes") {
  CHECK(lex(R"('a' "b\"c" r'\d' b"x" Rb'y' f"{x}" rf"z" u'v' t"{w}")") ==
        std::vector<Piece>{{K::String, "'a'"},   {K::String, R"("b\"c")"},
                           {K::String, R"(r'\d')"}, {K::String, R"(b"x")"},
                           {K::String, "Rb'y'"}, {K::String, R"(f"{x}")"},
                           {K::String, R"(rf"z")"}, {K::String, "u'v'"},
                           {K::String, R"(t"{w}")"}});
  // "ab" and "rx" are not prefixes, so they stay names.
  CHECK(lex("ab'c' rx\"d\"") == std::vector<Piece>{{K::Identifier, "ab"},
                                                    {K::String, "'c'"},
                                                    {K::Identifier, "rx"},
                                                    {K::String, "\"d\""}});
}

TEST_CASE("python lexer: triple-quoted strings span lines and hold single quotes") {
  CHECK(lex("s = \"\"\"one \"two\"\nthree\"\"\" + '''a''b'''") ==
        std::vector<Piece>{{K::Identifier, "s"},
                           {K::Operator, "="},
                           {K::String, "\"\"\"one \"two\"\nthree\"\"\""},
                           {K::Operator, "+"},
                           {K::String, "'''a''b'''"}});
}

TEST_CASE("python lexer: f-strings keep nested quotes, format specs and doubled braces") {
  CHECK(lex(R"(f"{d["k"]!r:>{w}} {{x}}" + f'{x:'>5}' + f"{f'{y}'}")") ==
        std::vector<Piece>{{K::String, R"(f"{d["k"]!r:>{w}} {{x}}")"},
                           {K::Operator, "+"},
                           {K::String, R"(f'{x:'>5}')"},
                           {K::Operator, "+"},
                           {K::String, R"(f"{f'{y}'}")"}});
}

TEST_CASE("python lexer: an unterminated string ends at its line, a triple-quoted one at the end") {
  CHECK(lex("x = 'open\ny = 1") == std::vector<Piece>{{K::Identifier, "x"},
                                                     {K::Operator, "="},
                                                     {K::String, "'open"},
                                                     {K::Identifier, "y"},
                                                     {K::Operator, "="},
                                                     {K::Number, "1"}});
  CHECK(lex("f\"{a\nb") == std::vector<Piece>{{K::String, "f\"{a"}, {K::Identifier, "b"}});
  CHECK(lex("'''open\n'") == std::vector<Piece>{{K::String, "'''open\n'"}});
  CHECK(lex("'esc\\\nstill'") == std::vector<Piece>{{K::String, "'esc\\\nstill'"}});
  CHECK(lex("'ends in backslash\\") == std::vector<Piece>{{K::String, "'ends in backslash\\"}});
}

TEST_CASE("python lexer: numbers in every base, with underscores, exponents and j") {
  CHECK(lex("0 42 1_000 0xFF_ff 0o17 0b1010 3.14 .5 1. 1e10 2.5E-3 3j 1_0.0_1e+1_0J") ==
        std::vector<Piece>{{K::Number, "0"},        {K::Number, "42"},      {K::Number, "1_000"},
                           {K::Number, "0xFF_ff"},  {K::Number, "0o17"},    {K::Number, "0b1010"},
                           {K::Number, "3.14"},     {K::Number, ".5"},      {K::Number, "1."},
                           {K::Number, "1e10"},     {K::Number, "2.5E-3"},  {K::Number, "3j"},
                           {K::Number, "1_0.0_1e+1_0J"}});
  CHECK(lex("x.y 1e") == std::vector<Piece>{{K::Identifier, "x"}, {K::Operator, "."},
                                            {K::Identifier, "y"}, {K::Number, "1"},
                                            {K::Identifier, "e"}});
}

TEST_CASE("python lexer: operators take the longest match") {
  CHECK(lex("a **= b // c != d := e -> ... @ f \\") ==
        std::vector<Piece>{{K::Identifier, "a"}, {K::Operator, "**="}, {K::Identifier, "b"},
                           {K::Operator, "//"},  {K::Identifier, "c"}, {K::Operator, "!="},
                           {K::Identifier, "d"}, {K::Operator, ":="},  {K::Identifier, "e"},
                           {K::Operator, "->"},  {K::Operator, "..."}, {K::Operator, "@"},
                           {K::Identifier, "f"}, {K::Operator, "\\"}});
}

TEST_CASE("python lexer: decorators only at the start of a line, matmul elsewhere") {
  CHECK(lex("  @app.route('/')\nc = a @ b\n@ property") ==
        std::vector<Piece>{{K::Decorator, "@app.route"}, {K::Operator, "("},
                           {K::String, "'/'"},           {K::Operator, ")"},
                           {K::Identifier, "c"},         {K::Operator, "="},
                           {K::Identifier, "a"},         {K::Operator, "@"},
                           {K::Identifier, "b"},         {K::Decorator, "@"},
                           {K::Builtin, "property"}});
}

TEST_CASE("python lexer: match, case and _ are soft keywords only in a match statement") {
  CHECK(lex("match cmd.split():\n    case [\"go\", _]:  # move\n        pass\n"
            "    case _:\n        pass\n") ==
        std::vector<Piece>{{K::SoftKeyword, "match"}, {K::Identifier, "cmd"},
                           {K::Operator, "."},        {K::Identifier, "split"},
                           {K::Operator, "("},        {K::Operator, ")"},
                           {K::Operator, ":"},        {K::SoftKeyword, "case"},
                           {K::Operator, "["},        {K::String, "\"go\""},
                           {K::Operator, ","},        {K::SoftKeyword, "_"},
                           {K::Operator, "]"},        {K::Operator, ":"},
                           {K::Comment, "# move"},    {K::Keyword, "pass"},
                           {K::SoftKeyword, "case"},  {K::SoftKeyword, "_"},
                           {K::Operator, ":"},        {K::Keyword, "pass"}});
  CHECK(lex("match = re.match(p, s)\n_ = case(x)\nm.match") ==
        std::vector<Piece>{{K::Identifier, "match"}, {K::Operator, "="},
                           {K::Identifier, "re"},    {K::Operator, "."},
                           {K::Identifier, "match"}, {K::Operator, "("},
                           {K::Identifier, "p"},     {K::Operator, ","},
                           {K::Identifier, "s"},     {K::Operator, ")"},
                           {K::Identifier, "_"},     {K::Operator, "="},
                           {K::Identifier, "case"},  {K::Operator, "("},
                           {K::Identifier, "x"},     {K::Operator, ")"},
                           {K::Identifier, "m"},     {K::Operator, "."},
                           {K::Identifier, "match"}});
}

TEST_CASE("python lexer: type is a soft keyword before an alias name, a builtin otherwise") {
  CHECK(lex("type Pair = tuple[int, int]\nt = type(x)") ==
        std::vector<Piece>{{K::SoftKeyword, "type"}, {K::Identifier, "Pair"},
                           {K::Operator, "="},       {K::Builtin, "tuple"},
                           {K::Operator, "["},       {K::Builtin, "int"},
                           {K::Operator, ","},       {K::Builtin, "int"},
                           {K::Operator, "]"},       {K::Identifier, "t"},
                           {K::Operator, "="},       {K::Builtin, "type"},
                           {K::Operator, "("},       {K::Identifier, "x"},
                           {K::Operator, ")"}});
}

TEST_CASE("python lexer: a line inside brackets is not a line start") {
  CHECK(lex("f(a,\n  @b)") == std::vector<Piece>{{K::Identifier, "f"}, {K::Operator, "("},
                                                 {K::Identifier, "a"}, {K::Operator, ","},
                                                 {K::Operator, "@"},   {K::Identifier, "b"},
                                                 {K::Operator, ")"}});
}

TEST_CASE("python lexer: stray characters are errors and non-ASCII letters form names") {
  CHECK(lex("$x ? café` ¿") == std::vector<Piece>{{K::Error, "$"},
                                                  {K::Identifier, "x"},
                                                  {K::Error, "?"},
                                                  {K::Identifier, "café"},
                                                  {K::Error, "`"},
                                                  {K::Identifier, "¿"}});
  CHECK(tokenize("").empty());
}

TEST_CASE("python lexer: random bytes are always covered exactly") {
  std::mt19937 rng(7);
  const std::string alphabet = "'\"\\{}()[]:#@.\n\r\t fxrb0e_j=+-*/`$\x80\xff";
  for (int round = 0; round < 2000; ++round) {
    std::string source(rng() % 40, ' ');
    for (char& c : source) c = alphabet[rng() % alphabet.size()];
    const std::vector<Token> tokens = tokenize(source);
    INFO(source);
    REQUIRE(covers(source, tokens));
  }
}

TEST_CASE("python lexer: every code solution in the bank lexes with no error tokens") {
  const pyprep::LoadedBank loaded = pyprep::load_bank_dir(PYPREP_SOURCE_DIR "/assets/bank");
  std::size_t solutions = 0;
  for (const pyprep::Card& card : loaded.bank.cards) {
    if (!card.code) continue;
    ++solutions;
    std::vector<const std::string*> sources = {&card.code->solution, &card.code->starter};
    for (const pyprep::CodeCase& test : card.code->cases) sources.push_back(&test.code);
    for (const std::string* source : sources) {
      const std::vector<Token> tokens = tokenize(*source);
      INFO(card.id);
      CHECK(covers(*source, tokens));
      for (const Token& t : tokens) {
        INFO(source->substr(t.offset, t.length));
        CHECK(t.kind != K::Error);
      }
    }
  }
  CHECK(solutions > 0);
}
