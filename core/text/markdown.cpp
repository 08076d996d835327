#include "core/text/markdown.h"

#include <algorithm>
#include <cstddef>

namespace pyprep::markdown {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::size_t leading_spaces(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

std::size_t backtick_run(std::string_view s, std::size_t at) {
  std::size_t end = at;
  while (end < s.size() && s[end] == '`') ++end;
  return end - at;
}

// An opening fence: three or more backticks, indented at most three spaces (the usual markdown rule,
// so an indented code line starting with ``` is not mistaken for one), then an info string
// without backticks (otherwise the line is inline code such as "```a``` b").
struct Fence {
  std::size_t indent = 0;
  std::size_t ticks = 0;
  std::string_view language;  // the info string's first word
};

bool parse_opening_fence(std::string_view line, Fence& fence) {
  const std::size_t indent = leading_spaces(line);
  if (indent > 3) return false;
  const std::size_t ticks = backtick_run(line, indent);
  if (ticks < 3) return false;
  const std::string_view info = trim(line.substr(indent + ticks));
  if (info.find('`') != std::string_view::npos) return false;
  fence = {indent, ticks, info.substr(0, info.find_first_of(" \t"))};
  return true;
}

bool is_closing_fence(std::string_view line, const Fence& opening) {
  const std::string_view t = trim(line);
  return t.size() >= opening.ticks && backtick_run(t, 0) == t.size();
}

// "- item" (or a bare "-", an empty item), indented at most three spaces; returns the item text.
bool parse_bullet(std::string_view line, std::string_view& item) {
  const std::size_t indent = leading_spaces(line);
  if (indent > 3 || indent >= line.size() || line[indent] != '-') return false;
  const std::string_view rest = line.substr(indent + 1);
  if (!rest.empty() && !is_space(rest.front())) return false;
  item = trim(rest);
  return true;
}

struct CodeRange {
  std::size_t begin = 0;  // the opening backticks
  std::size_t end = 0;    // past the closing backticks
  std::size_t ticks = 0;
};

// Code spans bind tighter than bold, so "`**kwargs`" is code, not a delimiter. A
// backtick run closes only on a run of the same length; an unmatched run is literal text.
std::vector<CodeRange> find_code_spans(std::string_view s) {
  std::vector<CodeRange> ranges;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '`') {
      ++i;
      continue;
    }
    const std::size_t ticks = backtick_run(s, i);
    std::size_t j = i + ticks;
    std::size_t close = std::string_view::npos;
    while (j < s.size()) {
      if (s[j] != '`') {
        ++j;
        continue;
      }
      const std::size_t run = backtick_run(s, j);
      if (run == ticks) {
        close = j;
        break;
      }
      j += run;
    }
    if (close == std::string_view::npos) {
      i += ticks;
      continue;
    }
    ranges.push_back({i, close + ticks, ticks});
    i = close + ticks;
  }
  return ranges;
}

std::string code_span_text(std::string_view s, const CodeRange& r) {
  std::string_view content = s.substr(r.begin + r.ticks, r.end - r.begin - 2 * r.ticks);
  // One space on each side lets code start or end with a backtick ("`` `x` ``").
  const bool padded = content.size() >= 2 && content.front() == ' ' && content.back() == ' ';
  if (padded && content.find_first_not_of(' ') != std::string_view::npos) {
    content = content.substr(1, content.size() - 2);
  }
  return std::string(content);
}

// "**" delimiters outside code that pair up: an opener is followed by a non-space, a closer
// follows a non-space, and bold is never empty. Scanning once suffices: when an opener finds no
// closer after it, no later opener can either, so every remaining "**" is literal.
std::vector<std::size_t> paired_bold_delimiters(std::string_view s,
                                                const std::vector<CodeRange>& code) {
  std::vector<std::size_t> paired;
  std::size_t open = std::string_view::npos;
  auto next_code = code.begin();
  for (std::size_t i = 0; i + 1 < s.size();) {
    if (next_code != code.end() && i >= next_code->begin) {
      i = next_code->end;
      ++next_code;
      continue;
    }
    if (s[i] != '*' || s[i + 1] != '*') {
      ++i;
      continue;
    }
    const bool can_open = i + 2 < s.size() && !is_space(s[i + 2]);
    const bool can_close = i > 0 && !is_space(s[i - 1]);
    if (open != std::string_view::npos && can_close && i > open + 2) {
      paired.push_back(open);
      paired.push_back(i);
      open = std::string_view::npos;
    } else if (open == std::string_view::npos && can_open) {
      open = i;
    }
    i += 2;
  }
  return paired;
}

void append_span(Spans& spans, std::string text, bool bold, bool code) {
  if (text.empty()) return;
  if (!spans.empty() && spans.back().bold == bold && spans.back().code == code) {
    spans.back().text += text;
    return;
  }
  spans.push_back({std::move(text), bold, code});
}

Spans parse_inline(std::string_view s) {
  const std::vector<CodeRange> code = find_code_spans(s);
  const std::vector<std::size_t> bold = paired_bold_delimiters(s, code);
  Spans spans;
  std::string text;
  bool in_bold = false;
  auto next_code = code.begin();
  auto next_bold = bold.begin();
  std::size_t i = 0;
  while (i < s.size()) {
    if (next_code != code.end() && i == next_code->begin) {
      append_span(spans, std::move(text), in_bold, false);
      text.clear();
      append_span(spans, code_span_text(s, *next_code), in_bold, true);
      i = next_code->end;
      ++next_code;
    } else if (next_bold != bold.end() && i == *next_bold) {
      append_span(spans, std::move(text), in_bold, false);
      text.clear();
      in_bold = !in_bold;
      i += 2;
      ++next_bold;
    } else {
      std::size_t stop = s.size();
      if (next_code != code.end()) stop = std::min(stop, next_code->begin);
      if (next_bold != bold.end()) stop = std::min(stop, *next_bold);
      text.append(s.substr(i, stop - i));
      i = stop;
    }
  }
  append_span(spans, std::move(text), in_bold, false);
  return spans;
}

class Parser {
 public:
  std::vector<Block> run(std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      take(line);
      start = end + 1;
    }
    if (in_fence_) {
      finish_code_block();
    }
    finish_paragraph();
    finish_list();
    return std::move(blocks_);
  }

 private:
  void take(std::string_view line) {
    if (in_fence_) {
      if (is_closing_fence(line, fence_)) {
        finish_code_block();
      } else {
        // Lines keep their own indentation beyond the fence's.
        const std::size_t strip = std::min(fence_.indent, leading_spaces(line));
        if (code_lines_++ > 0) code_.text += '\n';
        code_.text.append(line.substr(strip));
      }
      return;
    }
    Fence fence;
    std::string_view item;
    if (parse_opening_fence(line, fence)) {
      finish_paragraph();
      finish_list();
      in_fence_ = true;
      fence_ = fence;
      code_ = {std::string(fence.language), {}};
      code_lines_ = 0;
    } else if (trim(line).empty()) {
      finish_paragraph();
      blank_since_item_ = true;
    } else if (parse_bullet(line, item)) {
      // A list may follow a paragraph line directly; a blank line between items keeps one list.
      finish_paragraph();
      items_.emplace_back(item);
      blank_since_item_ = false;
    } else if (!items_.empty() && (!blank_since_item_ || leading_spaces(line) >= 2)) {
      // A lazy continuation line, or an indented paragraph that still belongs to the item.
      items_.back() += ' ';
      items_.back() += trim(line);
      blank_since_item_ = false;
    } else {
      finish_list();
      if (!paragraph_.empty()) paragraph_ += ' ';
      paragraph_ += trim(line);
    }
  }

  void finish_paragraph() {
    if (paragraph_.empty()) return;
    blocks_.emplace_back(Paragraph{parse_inline(paragraph_)});
    paragraph_.clear();
  }

  void finish_list() {
    if (items_.empty()) return;
    BulletList list;
    for (const std::string& item : items_) list.items.push_back(parse_inline(item));
    blocks_.emplace_back(std::move(list));
    items_.clear();
  }

  void finish_code_block() {
    blocks_.emplace_back(std::move(code_));
    code_ = {};
    in_fence_ = false;
  }

  std::vector<Block> blocks_;
  std::string paragraph_;
  std::vector<std::string> items_;
  bool blank_since_item_ = false;
  bool in_fence_ = false;
  Fence fence_;
  CodeBlock code_;
  std::size_t code_lines_ = 0;
};

void append_spans(std::string& out, const Spans& spans) {
  for (const Span& span : spans) out += span.text;
}

}  // namespace

std::vector<Block> parse(std::string_view text) { return Parser().run(text); }

std::string plain_text(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& block : blocks) {
    if (!out.empty()) out += "\n\n";
    if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
      append_spans(out, paragraph->spans);
    } else if (const auto* list = std::get_if<BulletList>(&block)) {
      for (std::size_t i = 0; i < list->items.size(); ++i) {
        if (i > 0) out += '\n';
        append_spans(out, list->items[i]);
      }
    } else if (const auto* code = std::get_if<CodeBlock>(&block)) {
      out += code->text;
    }
  }
  return out;
}

}  // namespace pyprep::markdown
