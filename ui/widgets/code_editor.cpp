#include "widgets/code_editor.h"

#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "core/text/python_lexer.h"
#include "widgets/colors.h"
#include "widgets/frame_records.h"
#include "widgets/imgui_adapter.h"
#include "widgets/markdown.h"
#include "widgets/text.h"

namespace pyprep::ui {
namespace {

constexpr int kIndent = 4;

struct Key {
  const char* label;
  const char* text;  // typed as characters; null for the named keys below
  ImGuiKey key;
  bool shift;
};
constexpr std::array<Key, 17> kKeys = {{
    {"Tab", nullptr, ImGuiKey_Tab, false}, {"Untab", nullptr, ImGuiKey_Tab, true},
    {":", ":", ImGuiKey_None, false},      {"(", "(", ImGuiKey_None, false},
    {")", ")", ImGuiKey_None, false},      {"[", "[", ImGuiKey_None, false},
    {"]", "]", ImGuiKey_None, false},      {"{", "{", ImGuiKey_None, false},
    {"}", "}", ImGuiKey_None, false},      {"=", "=", ImGuiKey_None, false},
    {"\"", "\"", ImGuiKey_None, false},    {"'", "'", ImGuiKey_None, false},
    {"_", "_", ImGuiKey_None, false},      {"#", "#", ImGuiKey_None, false},
    {"←", nullptr, ImGuiKey_LeftArrow, false}, {"→", nullptr, ImGuiKey_RightArrow, false},
    {"Undo", nullptr, ImGuiKey_Z, false},  // Ctrl+Z
}};

// This frame's key rects, for key_row_press (which runs before the next frame is drawn).
std::vector<std::pair<Rect, std::size_t>>& key_rects() {
  static std::vector<std::pair<Rect, std::size_t>> rects;
  return rects;
}

// The active editor as this frame drew it.
struct EditorArea {
  ImGuiID id = 0;
  Rect rect{};
  float max_scroll_x = 0;  // how far its longest line reaches past its right edge
};
EditorArea& editor_area() {
  static EditorArea area;
  return area;
}

std::size_t line_start(const char* buf, int at) {
  while (at > 0 && buf[at - 1] != '\n') --at;
  return static_cast<std::size_t>(at);
}

int callback(ImGuiInputTextCallbackData* data) {
  auto* state = static_cast<CodeEditorState*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
    if (data->EventChar == '\t') {
      state->tab_typed = true;
      return 1;  // dropped: spaces go in instead, in the next callback
    }
    // Enter indents the new line; a line break inside pasted text keeps the paste as it is.
    if (data->EventChar == '\n' && ImGui::IsKeyPressed(ImGuiKey_Enter)) state->newline_typed = true;
    return 0;
  }
  // CallbackAlways: the buffer as it stands after this frame's typing.
  const bool shift_tab = ImGui::IsKeyPressed(ImGuiKey_Tab) && ImGui::GetIO().KeyShift;
  if (state->newline_typed) {
    state->newline_typed = false;
    // The line before the new one: its indentation, one level deeper after a ':'.
    const int cursor = data->CursorPos;
    if (cursor > 0 && data->Buf[cursor - 1] == '\n') {
      const std::size_t start = line_start(data->Buf, cursor - 1);
      std::size_t indent = 0;
      while (start + indent < static_cast<std::size_t>(cursor - 1) && data->Buf[start + indent] == ' ') ++indent;
      std::string_view line(data->Buf + start, static_cast<std::size_t>(cursor - 1) - start);
      while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
      if (!line.empty() && line.back() == ':') indent += kIndent;
      if (indent) data->InsertChars(cursor, std::string(indent, ' ').c_str());
    }
  }
  if (state->tab_typed) {
    state->tab_typed = false;
    if (data->HasSelection()) data->DeleteChars(std::min(data->SelectionStart, data->SelectionEnd),
                                                std::abs(data->SelectionEnd - data->SelectionStart));
    const int column = data->CursorPos - static_cast<int>(line_start(data->Buf, data->CursorPos));
    data->InsertChars(data->CursorPos, std::string(kIndent - column % kIndent, ' ').c_str());
  }
  if (shift_tab) {
    const int start = static_cast<int>(line_start(data->Buf, data->CursorPos));
    int spaces = 0;
    while (spaces < kIndent && start + spaces < data->BufTextLen && data->Buf[start + spaces] == ' ') ++spaces;
    if (spaces) {
      const int cursor = data->CursorPos;
      data->DeleteChars(start, spaces);
      data->CursorPos = std::max(start, cursor - spaces);
      data->SelectionStart = data->SelectionEnd = data->CursorPos;
    }
  }
  return 0;
}

}  // namespace

bool code_editor(const Theme& theme, const char* target, std::string& text, CodeEditorState& state, int min_lines) {
  const Palette& c = theme.colors();
  const float em = theme.em();
  ImFont* font = theme.font(FontRole::Mono);
  const float size = font_px(theme, FontRole::Mono);
  const int lines = std::max(min_lines, 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1);
  const ImVec2 pad(0.5f * em, 0.5f * em);
  const float digit_w = font->CalcTextSizeA(size, FLT_MAX, -1, "0").x;
  const float gutter = digit_w * 3 + 0.6f * em;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 frame(width - gutter, lines * size + 2 * pad.y);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(top, ImVec2(top.x + width, top.y + frame.y), c.raised, 0.6f * em);

  ImGui::SetCursorScreenPos(ImVec2(top.x + gutter, top.y));
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, c.raised);
  // ImGui's own text is invisible: every token is drawn over it in its colour, and the caret too
  // (drawn twice, a glyph's edge would show both colours).
  ImGui::PushStyleColor(ImGuiCol_Text, with_alpha(c.text, 0.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, pad);
  ImGui::PushID(target);
  const bool changed = ImGui::InputTextMultiline(
      "##code", &text, frame,
      ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackCharFilter | ImGuiInputTextFlags_CallbackAlways,
      callback, &state);
  const ImGuiID id = ImGui::GetID("##code");
  const bool active = active_item_id() == id;
  // Shift-Tab dedents: keep ImGui from taking it (and the editor's focus) for tabbing between
  // widgets. Ownership set now holds for the next frame's input.
  if (active) claim_key(ImGuiKey_Tab, id);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImGui::PopID();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  ImGui::PopFont();
  if (active) draw->AddRect(top, ImVec2(top.x + width, max.y), c.primary, 0.6f * em, 0, 0.12f * em);
  if (take_activation(target)) activate_last_item();
  report_target(target, min, max, {.role = AccessRole::TextField, .label = "Your code", .value = text});
  register_text_field({min.x, min.y, max.x - min.x, max.y - min.y});

  // Line numbers, then the highlighted tokens over ImGui's plain text at the same places.
  const std::optional<EditedField> input = active ? edited_field(id) : std::nullopt;
  const float scroll_x = input ? input->scroll_x : 0.0f;
  const ImVec2 origin(min.x + pad.x - scroll_x, min.y + pad.y);
  for (int line = 0; line < lines - 1; ++line) {
    const std::string number = std::to_string(line + 1);
    const float w = font->CalcTextSizeA(size, FLT_MAX, -1, number.c_str()).x;
    add_text(draw, font, size, ImVec2(top.x + gutter - 0.3f * em - w, origin.y + line * size), c.text_secondary,
             number);
  }
  ImDrawList* over = ImGui::GetForegroundDrawList();
  const ScreenBox clip = window_clip_rect();
  over->PushClipRect(ImVec2(std::max(min.x + pad.x * 0.5f, clip.min.x), std::max(min.y, clip.min.y)),
                     ImVec2(std::min(max.x, clip.max.x), std::min(max.y, clip.max.y)), false);
  const SidewaysText scrolled_lines;
  const float widest = draw_code_tokens(theme, over, origin, text, python::tokenize(text), size);
  if (input) {
    editor_area() = {id, {min.x, min.y, max.x - min.x, max.y - min.y}, std::max(0.0f, widest + 2 * pad.x - (max.x - min.x))};
  } else if (editor_area().id == id) {
    editor_area() = {};
  }
  if (input) {  // the caret, steady (a blink would need frames while idle)
    const int cursor = std::clamp(input->caret, 0, input->length);
    int line = 0;
    int line_start = 0;
    for (int i = 0; i < cursor; ++i) {
      if (input->text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    float caret_x = 0;
    for (int i = line_start; i < cursor; ++i) caret_x += font->GetCharAdvance(input->text[i]) * size / font->FontSize;
    const ImVec2 at(origin.x + caret_x, origin.y + line * size);
    over->AddLine(at, ImVec2(at.x, at.y + size), c.text, std::max(1.0f, 0.09f * em));
  }
  over->PopClipRect();
  return changed;
}

namespace {

struct KeyGrid {
  float key_h;
  int per_row;
  int rows;
};

// Always two rows, whatever the text size: the row stays put while the keyboard opens and
// closes, and at large text it still leaves the editor most of the screen. Keys are as tall as a
// touch target needs and no taller; labels shrink to fit their key instead.
KeyGrid key_grid(const Theme& theme, float width) {
  const int count = static_cast<int>(kKeys.size());
  const int per_row = (count + 1) / 2;
  const float key_w = width / static_cast<float>(per_row);
  return {std::clamp(2.6f * theme.em(), 44.0f, std::max(44.0f, 1.3f * key_w)), per_row, 2};
}

// What a press on the key does in the field being edited.
void type_key(const Key& key) {
  ImGuiIO& io = ImGui::GetIO();
  if (key.text) {
    io.AddInputCharactersUTF8(key.text);
  } else {
    const ImGuiKey modifier = key.key == ImGuiKey_Z ? ImGuiMod_Ctrl : key.shift ? ImGuiMod_Shift : ImGuiKey_None;
    if (modifier != ImGuiKey_None) io.AddKeyEvent(modifier, true);
    io.AddKeyEvent(key.key, true);
    io.AddKeyEvent(key.key, false);
    if (modifier != ImGuiKey_None) io.AddKeyEvent(modifier, false);
  }
}

}  // namespace

float key_row_height(const Theme& theme, float width) {
  const KeyGrid grid = key_grid(theme, width);
  return grid.key_h * static_cast<float>(grid.rows);
}

void key_row(const Theme& theme, const char* target, float width) {
  const Palette& c = theme.colors();
  const float em = theme.em();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const KeyGrid grid = key_grid(theme, width);
  const float height = grid.key_h;
  const int per_row = grid.per_row, rows = grid.rows;
  const bool editing = ImGui::GetIO().WantTextInput;
  const float key_w = width / static_cast<float>(per_row);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* font = theme.font(FontRole::Mono);
  const float size = font_px(theme, FontRole::Mono);
  // The row may reach past the window's padding, into the screen's margins.
  ImGui::PushClipRect(top, ImVec2(top.x + width, top.y + grid.key_h * static_cast<float>(grid.rows)), false);
  for (std::size_t i = 0; i < kKeys.size(); ++i) {
    const float x = top.x + key_w * static_cast<float>(i % per_row);
    const float y = top.y + height * static_cast<float>(i / per_row);
    const float gap = 0.06f * key_w;  // not in em: at large text an em-sized gap would eat the key
    const ImVec2 a(x + gap, y + gap), b(x + key_w - gap, y + height - gap);
    draw->AddRectFilled(a, b, c.raised, 0.4f * em);
    const bool word = std::string_view(kKeys[i].label).size() > 1;  // Tab, Untab, Undo, arrows
    ImFont* key_font = word ? theme.font(FontRole::Caption) : font;
    float key_size = word ? font_px(theme, FontRole::Caption) : size;
    ImVec2 label = key_font->CalcTextSizeA(key_size, FLT_MAX, -1, kKeys[i].label);
    const float fit = std::min((b.x - a.x - 0.3f * em) / label.x, (b.y - a.y - 0.2f * em) / label.y);
    if (fit < 1.0f) {
      key_size *= fit;
      label = key_font->CalcTextSizeA(key_size, FLT_MAX, -1, kKeys[i].label);
    }
    add_text(draw, key_font, key_size, ImVec2((a.x + b.x - label.x) / 2, (a.y + b.y - label.y) / 2),
             editing ? c.text : c.text_secondary, kKeys[i].label);
    const std::string name = std::string(target) + "-" + std::to_string(i);
    if (editing && take_activation(name.c_str())) type_key(kKeys[i]);
    report_target(name.c_str(), a, b);
    key_rects().push_back({{a.x, a.y, b.x - a.x, b.y - a.y}, i});
    register_text_field({a.x, a.y, b.x - a.x, b.y - a.y});  // a tap keeps the phone's keyboard open
  }
  ImGui::PopClipRect();
  ImGui::Dummy(ImVec2(width, height * static_cast<float>(rows)));
}

bool key_row_press(float x, float y) {
  if (!ImGui::GetIO().WantTextInput) return false;  // nothing is being edited: an ordinary tap
  for (const auto& [rect, index] : key_rects()) {
    if (x < rect.x || x > rect.x + rect.w || y < rect.y || y > rect.y + rect.h) continue;
    type_key(kKeys[index]);
    return true;
  }
  return false;
}

void clear_key_rows() { key_rects().clear(); }

namespace {
std::optional<EditedField> edited_input() {
  const EditorArea& area = editor_area();
  return area.id != 0 && active_item_id() == area.id ? edited_field(area.id) : std::nullopt;
}
}  // namespace

EditorView edited_editor() {
  const std::optional<EditedField> input = edited_input();
  if (!input) return {};
  const int a = std::min(input->selection_start, input->selection_end);
  const int b = std::max(input->selection_start, input->selection_end);
  // Positions count UTF-16 units; the byte offsets follow from the text before them.
  auto bytes = [&](int units) { return utf8_bytes(input->text, input->text + units); };
  return {input->scroll_x, bytes(a), bytes(b)};
}

bool editor_at(float x, float y) {
  const Rect& r = editor_area().rect;
  return edited_input() && x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
}

bool editor_scrolls_sideways_at(float x, float y) { return editor_at(x, y) && editor_area().max_scroll_x > 0; }

bool scroll_editor_sideways(float amount) {
  const std::optional<EditedField> input = edited_input();
  if (!input) return false;
  const float target = std::clamp(input->scroll_x + amount, 0.0f, editor_area().max_scroll_x);
  set_edited_field_scroll_x(editor_area().id, target);
  return target > 0.0f && target < editor_area().max_scroll_x;
}

}  // namespace pyprep::ui
