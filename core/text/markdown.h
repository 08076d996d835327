#pragma once
// The markdown subset of card answers (assets/bank/README.md): paragraphs, "- " bullet lists,
// **bold**, `inline code` and fenced code blocks. Parsing never fails: whatever falls outside the
// subset, or is unbalanced, stays literal text, so a malformed answer still reads as written.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pyprep::markdown {

// A run of inline text in one style. Inline code may be bold ("**`x`**"); spans are flat rather
// than nested because that is the only nesting the subset has.
struct Span {
  std::string text;
  bool bold = false;
  bool code = false;
  bool operator==(const Span&) const = default;
};

using Spans = std::vector<Span>;

// Source lines joined by single spaces, so the renderer wraps to the screen width.
struct Paragraph {
  Spans spans;
  bool operator==(const Paragraph&) const = default;
};

struct BulletList {
  std::vector<Spans> items;
  bool operator==(const BulletList&) const = default;
};

struct CodeBlock {
  std::string language;  // the first word after the opening fence, e.g. "python"; may be empty
  std::string text;      // the lines between the fences, without a final newline
  bool operator==(const CodeBlock&) const = default;
};

using Block = std::variant<Paragraph, BulletList, CodeBlock>;

// Lines may end in "\n" or "\r\n". A fence that is never closed runs to the end of the text.
std::vector<Block> parse(std::string_view text);

// The words of the blocks without markup, for search: one line per list item, code blocks
// verbatim, a blank line between blocks.
std::string plain_text(const std::vector<Block>& blocks);

}  // namespace pyprep::markdown
