#include "widgets/markdown.h"

#include <imgui.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/text/markdown.h"
#include "core/text/python_lexer.h"
#include "widgets/controls.h"
#include "widgets/frame_records.h"
#include "widgets/imgui_adapter.h"
#include "widgets/text.h"

namespace pyprep::ui {
namespace {

struct CodeColors {
  ImU32 keyword, builtin, string, number, comment, decorator, name, text;
};

CodeColors code_colors(const Theme& theme) {
  if (theme.dark()) {
    return {rgb(0xC792EA), rgb(0x82AAFF), rgb(0xC3E88D), rgb(0xF78C6C), rgb(0x7F8A9E), rgb(0xFFCB6B),
            rgb(0x82AAFF), theme.colors().text};
  }
  return {rgb(0x7C3AED), rgb(0x1D5FA0), rgb(0x1E7B4A), rgb(0xB45309), rgb(0x7A8291), rgb(0x9A6700),
          rgb(0x1D5FA0), theme.colors().text};
}

ImU32 token_color(const CodeColors& colors, python::TokenKind kind) {
  using python::TokenKind;
  switch (kind) {
    case TokenKind::Keyword:
    case TokenKind::SoftKeyword: return colors.keyword;
    case TokenKind::Builtin: return colors.builtin;
    case TokenKind::String: return colors.string;
    case TokenKind::Number: return colors.number;
    case TokenKind::Comment: return colors.comment;
    case TokenKind::Decorator: return colors.decorator;
    case TokenKind::FunctionName:
    case TokenKind::ClassName: return colors.name;
    default: return colors.text;
  }
}

// A piece of one span's text placed on a line.
struct Fragment {
  std::string_view text;
  FontRole role;
  bool code;
  float x, y, width;
};

// Styled spans laid out at one width: where each piece goes, and the height they take.
struct SpanLayout {
  std::vector<Fragment> fragments;
  float height = 0;
};

// Lays out styled spans word by word, wrapping at `width`. A word may run across spans
// ("`str`s"): its fragments move to the next line together.
SpanLayout layout_spans(const Theme& theme, const markdown::Spans& spans, float width) {
  const float body = font_px(theme, FontRole::Body);
  const float line_h = body * 1.4f;
  std::vector<Fragment> fragments;
  float x = 0, y = 0;
  std::size_t word_start = 0;  // first fragment of the word being placed
  float word_x = 0;            // where that word starts
  for (const markdown::Span& span : spans) {
    const FontRole role = span.code ? FontRole::Mono : (span.bold ? FontRole::BodySemibold : FontRole::Body);
    ImFont* font = theme.font(role);
    const float size = font_px(theme, role);
    // Inline code that fits on a line is never broken at its spaces (`{% url %}` stays whole).
    const bool unbroken = span.code && font->CalcTextSizeA(size, FLT_MAX, -1, span.text.data(),
                                                          span.text.data() + span.text.size()).x <= width;
    std::string_view rest = span.text;
    while (!rest.empty()) {
      const bool space = rest.front() == ' ';
      std::size_t end = space ? rest.find_first_not_of(' ') : rest.find(' ');
      if (end == std::string_view::npos) end = rest.size();
      std::string_view piece = rest.substr(0, end);
      rest.remove_prefix(end);
      const auto width_of = [&](std::string_view text) {
        return font->CalcTextSizeA(size, FLT_MAX, -1, text.data(), text.data() + text.size()).x;
      };
      float w = width_of(piece);
      if (space && !unbroken) {
        fragments.push_back({piece, role, false, x, y, w});
        x += w;
        word_start = fragments.size();
        word_x = x;
        continue;
      }
      if (x + w > width && word_x > 0) {  // the whole word so far moves to a new line
        const float shift = word_x;
        for (std::size_t i = word_start; i < fragments.size(); ++i) {
          fragments[i].x -= shift;
          fragments[i].y += line_h;
        }
        x -= shift;
        y += line_h;
        word_x = 0;
      }
      // A word wider than a whole line is broken where the line ends, between characters.
      while (x + w > width && word_x == 0 && piece.size() > 1) {
        std::size_t cut = 0;
        for (std::size_t next = 1; next <= piece.size(); ++next) {
          if (next < piece.size() && (static_cast<unsigned char>(piece[next]) & 0xC0) == 0x80) continue;
          if (x + width_of(piece.substr(0, next)) > width) break;
          cut = next;
        }
        if (cut == 0) {
          if (x == 0) break;  // not one character fits a line
        } else {
          fragments.push_back({piece.substr(0, cut), role, span.code, x, y, width_of(piece.substr(0, cut))});
          piece.remove_prefix(cut);
          w = width_of(piece);
        }
        x = 0;
        y += line_h;
        word_start = fragments.size();
      }
      fragments.push_back({piece, role, span.code, x, y, w});
      x += w;
    }
  }
  return {std::move(fragments), y + line_h};
}

// Draws a layout from `origin`; code gets one background per run on a line.
void draw_layout(const Theme& theme, const SpanLayout& layout, ImVec2 origin) {
  const Palette& c = theme.colors();
  const float em = theme.em();
  const float body = font_px(theme, FontRole::Body);
  const float line_h = body * 1.4f;
  const std::vector<Fragment>& fragments = layout.fragments;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Backgrounds of code runs (adjacent code fragments on one line, spaces between them included).
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    if (!fragments[i].code) continue;
    std::size_t last = i;
    for (std::size_t j = i + 1; j < fragments.size() && fragments[j].y == fragments[i].y; ++j) {
      if (fragments[j].code) last = j;
      else if (fragments[j].text.front() != ' ') break;
    }
    const float left = origin.x + fragments[i].x - 0.15f * em;
    const float right = origin.x + fragments[last].x + fragments[last].width + 0.15f * em;
    const float top = origin.y + fragments[i].y + 0.05f * em;
    draw->AddRectFilled(ImVec2(left, top), ImVec2(right, top + line_h - 0.15f * em), c.raised, 0.25f * em);
    i = last;
  }
  for (const Fragment& fragment : fragments) {
    if (fragment.text.front() == ' ') continue;
    const float size = font_px(theme, fragment.role);
    const float y_offset = (body - size) * 0.6f;
    add_text(draw, theme.font(fragment.role), size, ImVec2(origin.x + fragment.x, origin.y + fragment.y + y_offset),
             c.text, fragment.text);
  }
}

// A paragraph or list item: its spans, its text without markup for the mirror, and its layout at
// the width and font size it was last drawn with.
struct LaidOutSpans {
  markdown::Spans spans{};
  std::string plain{};
  float width = -1, font_size = 0;  // what `layout` was made for
  SpanLayout layout{};
};

// Lays out again only when the width or the text size changed; draws only when on screen. The
// mirror gets the paragraph either way, with its place.
void paragraph(const Theme& theme, LaidOutSpans& item, float indent) {
  const MirrorText mirrored(item.plain);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x - indent;
  const float font_size = theme.font(FontRole::Body)->FontSize;  // in device pixels: also the screen's
  if (width != item.width || font_size != item.font_size) {
    item.layout = layout_spans(theme, item.spans, width);
    item.width = width;
    item.font_size = font_size;
  }
  const ImVec2 origin(at.x + indent, at.y);
  const ImVec2 end(origin.x + width, origin.y + item.layout.height);
  if (ImGui::IsRectVisible(origin, end)) {
    draw_layout(theme, item.layout, origin);
  } else {
    report_text(origin, end, item.plain, window_clip_rect(), 0, false);
  }
  ImGui::Dummy(ImVec2(width + indent, item.layout.height));
}

LaidOutSpans laid_out(markdown::Spans spans) {
  LaidOutSpans item{.spans = std::move(spans)};
  for (const markdown::Span& span : item.spans) item.plain += span.text;
  return item;
}

// A markdown text parsed once: its blocks, each list item and paragraph with its layout.
struct ParsedText {
  std::string text;
  struct Block {
    std::vector<LaidOutSpans> paragraphs;  // one for a paragraph, one per item for a list
    bool bullets = false;
    const markdown::CodeBlock* code = nullptr;  // into `blocks`
  };
  std::vector<markdown::Block> blocks;
  std::vector<Block> shown;
};

// The texts drawn lately (a screen shows a few), most recent first.
ParsedText& parsed(std::string_view text) {
  constexpr std::size_t kKept = 8;
  static std::vector<std::unique_ptr<ParsedText>> kept;
  auto found = std::find_if(kept.begin(), kept.end(), [&](const auto& p) { return p->text == text; });
  if (found == kept.end()) {
    auto entry = std::make_unique<ParsedText>();
    entry->text = std::string(text);
    entry->blocks = markdown::parse(text);
    for (markdown::Block& block : entry->blocks) {
      ParsedText::Block& shown = entry->shown.emplace_back();
      if (auto* para = std::get_if<markdown::Paragraph>(&block)) {
        shown.paragraphs.push_back(laid_out(std::move(para->spans)));
      } else if (auto* list = std::get_if<markdown::BulletList>(&block)) {
        shown.bullets = true;
        for (markdown::Spans& item : list->items) shown.paragraphs.push_back(laid_out(std::move(item)));
      } else {
        shown.code = &std::get<markdown::CodeBlock>(block);
      }
    }
    if (kept.size() == kKept) kept.pop_back();
    found = kept.insert(kept.begin(), std::move(entry));
  } else if (found != kept.begin()) {
    std::rotate(kept.begin(), found, found + 1);
    found = kept.begin();
  }
  return **found;
}

}  // namespace

namespace {
int code_view_generation = 0;
}  // namespace

void new_code_views() { ++code_view_generation; }

void code_block(const Theme& theme, Platform& platform, const char* target, std::string_view code,
                std::string_view language) {
  ImGui::PushID(code_view_generation);
  const Palette& c = theme.colors();
  const float em = theme.em();
  const float size = font_px(theme, FontRole::Mono);
  const float line_h = size * 1.45f;
  const int lines = 1 + static_cast<int>(std::count(code.begin(), code.end(), '\n'));
  const float pad = 0.8f * em;
  const float header_h = 2.4f * em;
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const bool python = language == "python";
  // Unhighlighted code is one token per line and its line breaks.
  std::vector<python::Token> tokens;
  if (python) {
    tokens = python::tokenize(code);
  } else {
    for (std::size_t at = 0; at < code.size();) {
      const std::size_t end = std::min(code.find('\n', at), code.size());
      if (end > at) tokens.push_back({python::TokenKind::Identifier, at, end - at});
      if (end < code.size()) tokens.push_back({python::TokenKind::Newline, end, 1});
      at = end + 1;
    }
  }
  // The code scrolls sideways instead of wrapping. A sideways scrollbar takes its height from
  // the block, which would leave the block a few pixels of vertical scroll of its own, and a
  // vertical drag or wheel over it would scroll those instead of the page: make room for it.
  const float widest = draw_code_tokens(theme, nullptr, ImVec2(0, 0), code, tokens, line_h);
  const float scrollbar = widest > width - 2 * pad ? ImGui::GetStyle().ScrollbarSize : 0.0f;
  ImGui::GetWindowDrawList()->AddRectFilled(
      top, ImVec2(top.x + width, top.y + header_h + lines * line_h + 2 * pad + scrollbar), c.raised, 0.6f * em);
  // Header: language label and the Copy button.
  ImGui::SetCursorScreenPos(ImVec2(top.x + pad, top.y + (header_h - font_px(theme, FontRole::Caption)) / 2));
  text_line(theme, FontRole::Caption, c.text_secondary, python ? "Python" : language.empty() ? "Code" : language);
  const ImGuiID copied_id = ImGui::GetID(target);
  const bool copied = ImGui::GetStateStorage()->GetBool(copied_id, false);
  const float copy_w = 5.2f * em;
  ImGui::SetCursorScreenPos(ImVec2(top.x + width - copy_w, top.y));
  if (button(theme, target, copied ? "Copied" : "Copy", "", ImVec2(copy_w, std::max(kMinTouchPx, header_h)),
             {c.raised, c.primary, FontRole::Caption})) {
    platform.copy_to_clipboard(code);
    ImGui::GetStateStorage()->SetBool(copied_id, true);
  }
  ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + header_h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
  ImGui::PushID(target);
  ImGui::BeginChild("##code", ImVec2(width, lines * line_h + 2 * pad + scrollbar),
                    ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PopStyleVar();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  {
    const MirrorText mirrored(code);
    draw_code_tokens(theme, ImGui::GetWindowDrawList(), origin, code, tokens, line_h);
  }
  ImGui::Dummy(ImVec2(widest, lines * line_h));
  ImGui::EndChild();
  ImGui::PopID();
  ImGui::Dummy(ImVec2(0, 0.5f * em));
  ImGui::PopID();
}

float draw_code_tokens(const Theme& theme, ImDrawList* draw, ImVec2 origin, std::string_view code,
                       const std::vector<python::Token>& tokens, float line_h) {
  const CodeColors colors = code_colors(theme);
  ImFont* font = theme.font(FontRole::Mono);
  const float size = font_px(theme, FontRole::Mono);
  float x = 0, y = 0, widest = 0;
  for (const python::Token& token : tokens) {
    const std::string_view text = code.substr(token.offset, token.length);
    if (token.kind == python::TokenKind::Newline) {
      widest = std::max(widest, x);
      x = 0;
      y += line_h;
      continue;
    }
    // A token may span lines (a triple-quoted string): each of its lines goes on its own row.
    for (std::size_t start = 0;;) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      const std::string_view line = text.substr(start, end - start);
      const float w = font->CalcTextSizeA(size, FLT_MAX, -1, line.data(), line.data() + line.size()).x;
      if (draw && token.kind != python::TokenKind::Whitespace && !line.empty()) {
        add_text(draw, font, size, ImVec2(origin.x + x, origin.y + y), token_color(colors, token.kind), line);
      }
      x += w;
      if (end == text.size()) break;
      widest = std::max(widest, x);
      x = 0;
      y += line_h;
      start = end + 1;
    }
  }
  return std::max(widest, x);
}

void markdown(const Theme& theme, Platform& platform, const char* id, std::string_view text) {
  const float em = theme.em();
  ImGui::PushID(id);
  int code_blocks = 0;
  for (ParsedText::Block& block : parsed(text).shown) {
    if (block.code) {
      const std::string target = std::string("copy-") + id + "-" + std::to_string(code_blocks++);
      code_block(theme, platform, target.c_str(), block.code->text, block.code->language);
    }
    for (LaidOutSpans& item : block.paragraphs) {
      if (block.bullets) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(
            ImVec2(at.x + 0.45f * em, at.y + font_px(theme, FontRole::Body) * 0.72f), 0.16f * em,
            theme.colors().text_secondary);
      }
      paragraph(theme, item, block.bullets ? 1.2f * em : 0.0f);
    }
    ImGui::Dummy(ImVec2(0, 0.35f * em));
  }
  ImGui::PopID();
}

}  // namespace pyprep::ui
