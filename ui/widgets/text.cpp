#include "widgets/text.h"

#include <algorithm>
#include <cfloat>
#include <string>

#include "widgets/frame_records.h"
#include "widgets/imgui_adapter.h"

namespace pyprep::ui {
namespace {

// True when a word of `text` is wider than `wrap_width`: wrapping would break it mid-word.
bool breaks_a_word(ImFont* font, float size, std::string_view text, float wrap_width) {
  return wrap_width > 0 && widest_word(font, size, text) > wrap_width + 0.5f;
}

// Text at the cursor as an ImGui item, wrapped at `wrap_pos` (ImGui's PushTextWrapPos).
void text_item(const Theme& theme, FontRole role, ImU32 color, std::string_view text, float wrap_pos, int heading) {
  const bool broken =
      wrap_pos == 0.0f && breaks_a_word(theme.font(role), font_px(theme, role), text, ImGui::GetContentRegionAvail().x);
  ImGui::PushFont(theme.font(role));
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(wrap_pos);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  report_text(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), text, window_clip_rect(), heading, broken);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

}  // namespace

float widest_word(ImFont* font, float size, std::string_view text) {
  float widest = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find_first_of(" \n", start), text.size());
    widest = std::max(widest, font->CalcTextSizeA(size, FLT_MAX, -1, text.data() + start, text.data() + end).x);
    start = end + 1;
  }
  return widest;
}
float widest_word(const Theme& theme, FontRole role, std::string_view text) {
  return widest_word(theme.font(role), font_px(theme, role), text);
}

float font_px(const Theme& theme, FontRole role) { return theme.font(role)->FontSize * ImGui::GetIO().FontGlobalScale; }

ImVec2 text_size(const Theme& theme, FontRole role, std::string_view text, float wrap_width) {
  ImFont* font = theme.font(role);
  return font->CalcTextSizeA(font_px(theme, role), FLT_MAX, wrap_width, text.data(), text.data() + text.size());
}

void add_text(ImDrawList* draw, ImFont* font, float size, ImVec2 at, ImU32 color, std::string_view text,
              float wrap_width) {
  draw->AddText(font, size, at, color, text.data(), text.data() + text.size(), wrap_width);
  const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap_width, text.data(), text.data() + text.size());
  report_text(at, ImVec2(at.x + extent.x, at.y + extent.y), text, {draw->GetClipRectMin(), draw->GetClipRectMax()}, 0,
              breaks_a_word(font, size, text, wrap_width));
}

void text_line(const Theme& theme, FontRole role, ImU32 color, std::string_view text) {
  text_item(theme, role, color, text, -1.0f, 0);  // no wrapping, whatever a surface around it asks
}

void wrapped_text(const Theme& theme, FontRole role, ImU32 color, std::string_view text) {
  // Titles and headlines in paragraphs are headings; a single line in a large font is a figure.
  text_item(theme, role, color, text, 0.0f, role == FontRole::Title ? 1 : role == FontRole::Headline ? 2 : 0);
}

float clamped_text(const Theme& theme, FontRole role, ImU32 color, std::string_view text, float width,
                   int max_lines) {
  ImFont* font = theme.font(role);
  const float size = font_px(theme, role);
  const float line_h = size * 1.3f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const char* p = text.data();
  const char* end = text.data() + text.size();
  int line = 0;
  while (p < end && line < max_lines) {
    const char* wrap = font->CalcWordWrapPositionA(size / font->FontSize, p, end, width);
    if (wrap == p) wrap = p + 1;
    std::string shown(p, wrap);
    if (line == max_lines - 1 && wrap < end) {  // last allowed line and more text: ellipsis
      const float dots = font->CalcTextSizeA(size, FLT_MAX, -1, "…").x;
      const char* cut = font->CalcWordWrapPositionA(size / font->FontSize, p, end, width - dots);
      shown = std::string(p, cut);
      while (!shown.empty() && shown.back() == ' ') shown.pop_back();
      shown += "…";
    }
    add_text(draw, font, size, ImVec2(at.x, at.y + line * line_h), color, shown);
    p = wrap;
    while (p < end && (*p == ' ' || *p == '\n')) ++p;
    ++line;
  }
  const float height = std::max(1, line) * line_h;
  ImGui::Dummy(ImVec2(width, height));
  return height;
}

float marked_text(const Theme& theme, std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& marks,
                  ImU32 mark) {
  const Palette& c = theme.colors();
  ImFont* font = theme.font(FontRole::Body);
  const float size = font_px(theme, FontRole::Body);
  const float line_h = size * 1.35f;
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const auto x_of = [&](const char* from, const char* to) { return font->CalcTextSizeA(size, FLT_MAX, -1, from, to).x; };
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* p = begin;
  int line = 0;
  while (p < end) {
    const char* newline = std::find(p, end, '\n');
    const char* wrap = font->CalcWordWrapPositionA(size / font->FontSize, p, newline, width);
    if (wrap == p && p < newline) wrap = p + 1;
    const float y = at.y + static_cast<float>(line) * line_h;
    for (const auto& [from, to] : marks) {  // behind the words they mark
      const char* a = std::max(p, begin + from);
      const char* b = std::min(wrap, begin + to);
      if (a >= b) continue;
      const float left = at.x + x_of(p, a), right = at.x + x_of(p, b);
      draw->AddRectFilled(ImVec2(left - 1, y), ImVec2(right + 1, y + line_h - 0.1f * size), mark, 0.2f * size);
    }
    add_text(draw, font, size, ImVec2(at.x, y + (line_h - size) / 2), c.text, std::string_view(p, wrap - p));
    p = wrap;
    if (p < end && *p == '\n') ++p;
    else while (p < end && *p == ' ') ++p;
    ++line;
  }
  const float height = static_cast<float>(std::max(1, line)) * line_h;
  ImGui::Dummy(ImVec2(width, height));
  return height;
}

}  // namespace pyprep::ui
