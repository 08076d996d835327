#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "ui/platform/bank_dir.h"
#include "core/text/markdown.h"

using namespace pyprep::markdown;

namespace {

Span text(std::string s) { return {std::move(s), false, false}; }
Span bold(std::string s) { return {std::move(s), true, false}; }
Span code(std::string s) { return {std::move(s), false, true}; }
Span bold_code(std::string s) { return {std::move(s), true, true}; }

// The spans of a text that parses to a single paragraph.
Spans inline_spans(std::string_view markdown) {
  const std::vector<Block> blocks = parse(markdown);
  REQUIRE(blocks.size() == 1);
  REQUIRE(std::holds_alternative<Paragraph>(blocks[0]));
  return std::get<Paragraph>(blocks[0]).spans;
}

}  // namespace

TEST_CASE("markdown: blank lines separate paragraphs and single newlines join lines with a space") {
  const std::vector<Block> blocks = parse("First line\nsecond line.\n\n\nNext paragraph.\n");
  const std::vector<Block> expected = {Paragraph{{text("First line second line.")}},
                                       Paragraph{{text("Next paragraph.")}}};
  CHECK(blocks == expected);
}

TEST_CASE("markdown: bold, inline code and bold code become styled spans") {
  CHECK(inline_spans("Defaults run **once**, when `def` runs.") ==
        Spans{text("Defaults run "), bold("once"), text(", when "), code("def"), text(" runs.")});
  CHECK(inline_spans("**`Pipe()`**: two ends") == Spans{bold_code("Pipe()"), text(": two ends")});
  CHECK(inline_spans("**uses `with` blocks** here") ==
        Spans{bold("uses "), bold_code("with"), bold(" blocks"), text(" here")});
}

TEST_CASE("markdown: stars inside inline code are code, not bold") {
  CHECK(inline_spans("Accept `**kwargs` and **more**") ==
        Spans{text("Accept "), code("**kwargs"), text(" and "), bold("more")});
  CHECK(inline_spans("`a ** b` vs `c ** d`") == Spans{code("a ** b"), text(" vs "), code("c ** d")});
}

TEST_CASE("markdown: unbalanced markers stay literal text") {
  CHECK(inline_spans("an **open bold") == Spans{text("an **open bold")});
  CHECK(inline_spans("a `stray backtick") == Spans{text("a `stray backtick")});
  CHECK(inline_spans("2 ** 10 is 1024") == Spans{text("2 ** 10 is 1024")});
  CHECK(inline_spans("****") == Spans{text("****")});
  CHECK(inline_spans("**a** and **b") == Spans{bold("a"), text(" and **b")});
  CHECK(inline_spans("`` a ` b ``, `x") == Spans{code("a ` b"), text(", `x")});
}

TEST_CASE("markdown: bold and code may span the lines of one paragraph") {
  CHECK(inline_spans("a **bold\nrun** and `co\nde`") ==
        Spans{text("a "), bold("bold run"), text(" and "), code("co de")});
}

TEST_CASE("markdown: dash lines form one bullet list, even right after a paragraph line") {
  const std::vector<Block> blocks = parse("Why:\n- **one**: first\n- two `x`\n\n- three\n\nAfter.");
  const std::vector<Block> expected = {
      Paragraph{{text("Why:")}},
      BulletList{{{bold("one"), text(": first")}, {text("two "), code("x")}, {text("three")}}},
      Paragraph{{text("After.")}}};
  CHECK(blocks == expected);
}

TEST_CASE("markdown: a line after a bullet continues the item; a dash without a space does not") {
  const std::vector<Block> blocks = parse("- first\n  wrapped\n\n  more\n-not a bullet\n---");
  const std::vector<Block> expected = {
      BulletList{{{text("first wrapped more -not a bullet ---")}}}};
  CHECK(blocks == expected);
  CHECK(parse("-not a bullet") == std::vector<Block>{Paragraph{{text("-not a bullet")}}});
}

TEST_CASE("markdown: fenced code keeps its lines, language and indentation verbatim") {
  const std::vector<Block> blocks =
      parse("Use it:\n```python\ndef f():\n    return **x  # `tick`\n\n```\nDone.");
  const std::vector<Block> expected = {
      Paragraph{{text("Use it:")}},
      CodeBlock{"python", "def f():\n    return **x  # `tick`\n"},
      Paragraph{{text("Done.")}}};
  CHECK(blocks == expected);
  CHECK(parse("```\nplain\n```") == std::vector<Block>{CodeBlock{"", "plain"}});
}

TEST_CASE("markdown: a fence ends a list and an unclosed fence runs to the end") {
  const std::vector<Block> blocks = parse("- item\n```python\nx = 1\n\ny = 2");
  const std::vector<Block> expected = {BulletList{{{text("item")}}},
                                       CodeBlock{"python", "x = 1\n\ny = 2"}};
  CHECK(blocks == expected);
}

TEST_CASE("markdown: an indented fence strips its indentation from the code lines") {
  CHECK(parse("  ```python\n  if x:\n      y()\n  ```") ==
        std::vector<Block>{CodeBlock{"python", "if x:\n    y()"}});
}

TEST_CASE("markdown: CRLF line ends parse like LF") {
  const std::vector<Block> blocks = parse("A\r\nB\r\n\r\n- c\r\n```python\r\nx\r\n```\r\n");
  const std::vector<Block> expected = {Paragraph{{text("A B")}}, BulletList{{{text("c")}}},
                                       CodeBlock{"python", "x"}};
  CHECK(blocks == expected);
}

TEST_CASE("markdown: empty and blank input give no blocks") {
  CHECK(parse("").empty());
  CHECK(parse("\n \n\t\n").empty());
}

TEST_CASE("markdown: backticks that cannot open a fence are inline code or text") {
  CHECK(inline_spans("```a``` b") == Spans{code("a"), text(" b")});
  CHECK(inline_spans("``") == Spans{text("``")});
}

TEST_CASE("markdown: plain text drops markup and keeps one line per list item") {
  const std::vector<Block> blocks =
      parse("Use **`with`** here.\n\n- one\n- `two`\n\n```python\nx = 1\n```");
  CHECK(plain_text(blocks) == "Use with here.\n\none\ntwo\n\nx = 1");
}

TEST_CASE("markdown: random markup parses and, without fences, keeps every letter") {
  std::mt19937 rng(11);
  const std::string alphabet = "**``- \t\n\r\nab";
  for (int round = 0; round < 3000; ++round) {
    std::string source(rng() % 60, ' ');
    for (char& c : source) c = alphabet[rng() % alphabet.size()];
    INFO(source);
    const std::string plain = plain_text(parse(source));
    if (source.find("```") != std::string::npos) continue;
    CHECK(std::count(plain.begin(), plain.end(), 'a') ==
          std::count(source.begin(), source.end(), 'a'));
    CHECK(std::count(plain.begin(), plain.end(), 'b') ==
          std::count(source.begin(), source.end(), 'b'));
  }
}

TEST_CASE("markdown: every bank answer closes its fences and has no literal ** or stray backtick") {
  const pyprep::LoadedBank loaded = pyprep::load_bank_dir(PYPREP_SOURCE_DIR "/assets/bank");
  REQUIRE(loaded.bank.cards.size() > 300);
  std::vector<std::string> malformed;
  std::size_t fence_lines = 0;
  for (const pyprep::Card& card : loaded.bank.cards) {
    bool bad = false;
    auto check = [&](const Spans& spans) {
      for (const Span& span : spans) {
        if (span.code) continue;
        if (span.text.find("**") != std::string::npos || span.text.find('`') != std::string::npos)
          bad = true;
      }
    };
    for (const Block& block : parse(card.answer)) {
      if (const auto* paragraph = std::get_if<Paragraph>(&block)) check(paragraph->spans);
      if (const auto* list = std::get_if<BulletList>(&block))
        for (const Spans& item : list->items) check(item);
    }
    // An unclosed fence would turn the rest of the answer into code, out of sight of the check
    // above.
    std::size_t fences = 0;
    std::size_t line = 0;
    while (true) {
      if (card.answer.compare(line, 3, "```") == 0) ++fences;
      const std::size_t end = card.answer.find('\n', line);
      if (end == std::string::npos) break;
      line = end + 1;
    }
    fence_lines += fences;
    if (fences % 2 != 0) bad = true;
    if (bad) malformed.push_back(card.id);
  }
  CHECK(malformed == std::vector<std::string>{});
  CHECK(fence_lines > 0);
}

TEST_CASE("markdown: a fence indented four spaces is not a fence") {
  CHECK(parse("   ```python\n   x\n   ```") == std::vector<Block>{CodeBlock{"python", "x"}});
  for (const Block& block : parse("    ```python\n    x\n    ```")) {
    CHECK_FALSE(std::holds_alternative<CodeBlock>(block));
  }
}
