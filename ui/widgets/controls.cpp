#include "widgets/controls.h"

#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>

#include "core/text/soft_wrap.h"
#include "widgets/colors.h"
#include "widgets/frame_records.h"
#include "widgets/imgui_adapter.h"
#include "widgets/text.h"

namespace pyprep::ui {
namespace {

void draw_text(const Theme& theme, FontRole role, ImVec2 at, ImU32 color, std::string_view text) {
  add_text(ImGui::GetWindowDrawList(), theme.font(role), font_px(theme, role), at, color, text);
}

}  // namespace

// An invisible hit area at the cursor; the pressed look comes from `held`.
bool tap_area(const char* target, ImVec2 size, bool* held, Access access) {
  ImGui::PushID(target);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton("##hit", size);
  *held = ImGui::IsItemActive();
  report_target(target, min, ImVec2(min.x + size.x, min.y + size.y), std::move(access));
  ImGui::PopID();
  return tapped || take_activation(target);
}

float min_target(const Theme& theme) { return std::max(kMinTouchPx, 2.9f * theme.em()); }

float label_scale_to_fit(const Theme& theme, FontRole role, const std::vector<std::string_view>& labels, float width) {
  float widest = 0;
  for (std::string_view label : labels) widest = std::max(widest, text_size(theme, role, label).x);
  const float room = width - 0.8f * theme.em();
  return widest > room ? room / widest : 1.0f;
}

bool button(const Theme& theme, const char* target, std::string_view label, std::string_view caption,
            ImVec2 size, const ButtonStyle& style) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  bool held = false;
  Access access = style.access;
  if (access.label.empty()) access.label = caption.empty() ? std::string(label) : std::string(label) + ", " + std::string(caption);
  const bool tapped = tap_area(target, size, &held, std::move(access));
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, held ? mix(style.fill, IM_COL32(0, 0, 0, 255), 0.18f) : style.fill,
                      0.6f * theme.em());
  // A label wider than the button wraps when a second line fits, else it is drawn smaller.
  const float room = size.x - 0.8f * theme.em();
  float label_px = font_px(theme, style.font) * style.label_scale, wrap = 0;
  const ImVec2 natural = text_size(theme, style.font, label);
  ImVec2 label_size(natural.x * style.label_scale, natural.y * style.label_scale);
  if (label_size.x > room) {
    // Wrapped only between words: a word wider than the button makes it smaller instead.
    const ImVec2 wrapped = text_size(theme, style.font, label, room);
    if (caption.empty() && widest_word(theme, style.font, label) <= room && wrapped.y <= size.y - 0.4f * theme.em()) {
      wrap = room;
      label_size = wrapped;
    } else {
      label_px *= room / label_size.x;
      label_size = ImVec2(room, label_size.y * room / label_size.x);
    }
  }
  const ImVec2 caption_size = caption.empty() ? ImVec2(0, 0) : text_size(theme, FontRole::Caption, caption);
  const float gap = caption.empty() ? 0.0f : 0.05f * theme.em();
  float y = min.y + (size.y - label_size.y - caption_size.y - gap) / 2;
  add_text(draw, theme.font(style.font), label_px, ImVec2(min.x + (size.x - label_size.x) / 2, y), style.text, label,
           wrap);
  if (!caption.empty()) {
    y += label_size.y + gap;
    draw_text(theme, FontRole::Caption, ImVec2(min.x + (size.x - caption_size.x) / 2, y),
              with_alpha(style.text, 0.88f), caption);
  }
  return tapped;
}

// A full-width touch row with its label on the left, wrapped clear of the `trailing` width the
// caller draws on the right (centred on `mid_y`), and a pressed look.
struct TouchRow {
  ImVec2 min, size;
  float mid_y;
  bool tapped;
};
TouchRow touch_row(const Theme& theme, const char* target, std::string_view label, float trailing, Access access) {
  const Palette& c = theme.colors();
  const float em = theme.em();
  const float width = ImGui::GetContentRegionAvail().x;
  const float wrap = std::max(4.0f * em, width - trailing - 0.75f * em);
  const ImVec2 text = text_size(theme, FontRole::Body, label, wrap);
  TouchRow row{ImGui::GetCursorScreenPos(), ImVec2(width, std::max(min_target(theme), text.y + 0.8f * em)), 0, false};
  bool held = false;
  row.tapped = tap_area(target, row.size, &held, std::move(access));
  if (held) {
    ImGui::GetWindowDrawList()->AddRectFilled(row.min, ImVec2(row.min.x + row.size.x, row.min.y + row.size.y),
                                              c.raised, 0.5f * em);
  }
  row.mid_y = row.min.y + row.size.y / 2;
  add_text(ImGui::GetWindowDrawList(), theme.font(FontRole::Body), font_px(theme, FontRole::Body),
           ImVec2(row.min.x + 0.25f * em, row.mid_y - text.y / 2), c.text, label, wrap);
  return row;
}

bool row_button(const Theme& theme, const char* target, std::string_view label, std::string_view value,
                bool chevron) {
  const Palette& c = theme.colors();
  const float em = theme.em();
  const float value_w = value.empty() ? 0.0f : text_size(theme, FontRole::Body, value).x + 0.2f * em;
  const float chevron_w = chevron ? 0.7f * em : 0.0f;
  const TouchRow row = touch_row(theme, target, label, value_w + chevron_w,
                                 {.label = value.empty() ? std::string(label) : std::string(label) + ", " + std::string(value)});
  const float right = row.min.x + row.size.x - 0.25f * em - chevron_w;
  const float text_y = row.mid_y - font_px(theme, FontRole::Body) / 2;
  if (chevron) draw_text(theme, FontRole::Body, ImVec2(right + 0.15f * em, text_y), c.text_secondary, "›");
  draw_text(theme, FontRole::Body, ImVec2(right - value_w, text_y), c.text_secondary, value);
  return row.tapped;
}

bool chip(const Theme& theme, const char* target, std::string_view label, bool selected) {
  const Palette& c = theme.colors();
  const float em = theme.em();
  const ImVec2 label_size = text_size(theme, FontRole::Body, label);
  const ImVec2 size(label_size.x + 1.6f * em, min_target(theme));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  bool held = false;
  const bool tapped = tap_area(target, size, &held, {.role = AccessRole::Toggle, .label = std::string(label), .checked = selected});
  // The visible pill is slimmer than its hit area.
  const float pill_h = 2.2f * em;
  const ImVec2 pill_min(min.x, min.y + (size.y - pill_h) / 2), pill_max(min.x + size.x, pill_min.y + pill_h);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 fill = selected ? c.primary : (held ? c.border : c.raised);
  draw->AddRectFilled(pill_min, pill_max, fill, pill_h / 2);
  draw_text(theme, FontRole::Body, ImVec2(min.x + 0.8f * em, min.y + (size.y - label_size.y) / 2),
            selected ? c.on_primary : c.text, label);
  return tapped;
}

bool segmented(const Theme& theme, const char* target, const std::vector<std::string>& options, int& choice) {
  const Palette& c = theme.colors();
  const float em = theme.em();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = min_target(theme);
  // Segments side by side while every label fits its share of the row, else one per row.
  float widest = 0;
  for (const std::string& option : options) widest = std::max(widest, text_size(theme, FontRole::BodySemibold, option).x);
  const std::size_t columns = widest + 1.0f * em <= width / static_cast<float>(options.size()) ? options.size() : 1;
  const float each = width / static_cast<float>(columns);
  const float total_h = height * static_cast<float>((options.size() + columns - 1) / columns);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, ImVec2(min.x + width, min.y + total_h), c.raised, 0.6f * em);
  bool changed = false;
  for (std::size_t i = 0; i < options.size(); ++i) {
    const ImVec2 at(min.x + each * static_cast<float>(i % columns), min.y + height * static_cast<float>(i / columns));
    ImGui::SetCursorScreenPos(at);
    const std::string name = std::string(target) + "-" + std::to_string(i);
    bool held = false;
    const Access access{.role = AccessRole::Toggle, .label = options[i], .checked = choice == static_cast<int>(i)};
    if (tap_area(name.c_str(), ImVec2(each, height), &held, access) && choice != static_cast<int>(i)) {
      choice = static_cast<int>(i);
      changed = true;
    }
    const bool chosen = choice == static_cast<int>(i);
    if (chosen) {
      draw->AddRectFilled(ImVec2(at.x + 0.2f * em, at.y + 0.2f * em),
                          ImVec2(at.x + each - 0.2f * em, at.y + height - 0.2f * em), c.surface, 0.45f * em);
    }
    const ImVec2 label_size = text_size(theme, FontRole::BodySemibold, options[i]);
    draw_text(theme, chosen ? FontRole::BodySemibold : FontRole::Body,
              ImVec2(at.x + (each - label_size.x) / 2, at.y + (height - label_size.y) / 2),
              chosen ? c.text : c.text_secondary, options[i]);
  }
  ImGui::SetCursorScreenPos(min);
  ImGui::Dummy(ImVec2(width, total_h));
  return changed;
}

bool stepper(const Theme& theme, const char* target, std::string_view label, std::string_view value_text,
             double& value, double min_value, double max_value, double step) {
  const Palette& c = theme.colors();
  const float em = theme.em();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = min_target(theme);
  const float button_w = height;
  const float value_w = 4.2f * em;
  // Where the label does not fit beside the controls it goes above them, wrapped; which one
  // depends only on the label and the width, so a tap on + never moves the buttons.
  const float label_room = width - 2 * button_w - value_w - 1.0f * em;
  const bool stacked = text_size(theme, FontRole::Body, label).x > label_room;
  const float label_h = stacked ? text_size(theme, FontRole::Body, label, width - 0.25f * em).y + 0.3f * em : 0.0f;
  const float row_y = min.y + label_h;
  const float text_y = row_y + (height - font_px(theme, FontRole::Body)) / 2;
  add_text(ImGui::GetWindowDrawList(), theme.font(FontRole::Body), font_px(theme, FontRole::Body),
           ImVec2(min.x + 0.25f * em, stacked ? min.y + 0.3f * em : text_y), c.text, label,
           stacked ? width - 0.25f * em : 0.0f);
  float x = min.x + width - 2 * button_w - value_w;
  bool changed = false;
  const double before = value;
  const auto step_button = [&](const char* suffix, const char* glyph, double direction, const char* spoken) {
    ImGui::SetCursorScreenPos(ImVec2(x, row_y));
    const std::string name = std::string(target) + suffix;
    const bool enabled = direction < 0 ? value > min_value + 1e-9 : value < max_value - 1e-9;
    bool held = false;
    const Access access{.label = std::string(spoken) + " " + std::string(label) + ", now " + std::string(value_text)};
    if (tap_area(name.c_str(), ImVec2(button_w, height), &held, access) && enabled) {
      value = std::clamp(std::round((value + direction * step) / step) * step, min_value, max_value);
    }
    const ImVec2 center(x + button_w / 2, row_y + height / 2);
    ImGui::GetWindowDrawList()->AddCircleFilled(center, 0.95f * em, held && enabled ? c.border : c.raised);
    const ImVec2 glyph_size = text_size(theme, FontRole::Headline, glyph);
    draw_text(theme, FontRole::Headline, ImVec2(center.x - glyph_size.x / 2, center.y - glyph_size.y / 2),
              enabled ? c.primary : with_alpha(c.text_secondary, 0.5f), glyph);
  };
  step_button("-minus", "−", -1, "Less");
  x += button_w;
  const ImVec2 value_size = text_size(theme, FontRole::BodySemibold, value_text);
  draw_text(theme, FontRole::BodySemibold, ImVec2(x + (value_w - value_size.x) / 2, text_y), c.text, value_text);
  x += value_w;
  step_button("-plus", "+", +1, "More");
  changed = value != before;
  ImGui::SetCursorScreenPos(min);
  ImGui::Dummy(ImVec2(width, label_h + height));
  return changed;
}

bool switch_row(const Theme& theme, const char* target, std::string_view label, bool& on) {
  const Palette& c = theme.colors();
  const float em = theme.em();
  const float track_w = 2.6f * em, track_h = 1.5f * em;
  const TouchRow row = touch_row(theme, target, label, track_w,
                                 {.role = AccessRole::Switch, .label = std::string(label), .checked = on});
  if (row.tapped) on = !on;
  const ImVec2 track_min(row.min.x + row.size.x - track_w - 0.25f * em, row.mid_y - track_h / 2);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(track_min, ImVec2(track_min.x + track_w, track_min.y + track_h), on ? c.primary : c.border,
                      track_h / 2);
  const float knob_x = on ? track_min.x + track_w - track_h / 2 : track_min.x + track_h / 2;
  draw->AddCircleFilled(ImVec2(knob_x, track_min.y + track_h / 2), track_h / 2 - 0.15f * em, c.surface);
  return row.tapped;
}

bool check_row(const Theme& theme, const char* target, std::string_view text, bool& ticked) {
  const Palette& c = theme.colors();
  const float em = theme.em();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float box = 1.3f * em, gap = 0.7f * em;
  const ImVec2 body = text_size(theme, FontRole::Body, text, width - box - gap);
  const float height = std::max(min_target(theme), body.y + 0.8f * em);
  bool held = false;
  const bool tapped =
      tap_area(target, ImVec2(width, height), &held, {.role = AccessRole::Checkbox, .label = std::string(text), .checked = ticked});
  if (tapped) ticked = !ticked;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 box_min(min.x, min.y + (height - box) / 2);
  const ImVec2 box_max(box_min.x + box, box_min.y + box);
  if (ticked) {
    draw->AddRectFilled(box_min, box_max, c.good, 0.3f * em);
    const float s = box;
    const ImVec2 points[3] = {ImVec2(box_min.x + 0.22f * s, box_min.y + 0.52f * s),
                              ImVec2(box_min.x + 0.42f * s, box_min.y + 0.72f * s),
                              ImVec2(box_min.x + 0.78f * s, box_min.y + 0.3f * s)};
    draw->AddPolyline(points, 3, c.on_primary, ImDrawFlags_None, 0.14f * s);
  } else {
    draw->AddRect(box_min, box_max, held ? c.primary : c.text_secondary, 0.3f * em, 0, 0.1f * em);
  }
  ImFont* font = theme.font(FontRole::Body);
  add_text(draw, font, font_px(theme, FontRole::Body), ImVec2(min.x + box + gap, min.y + (height - body.y) / 2),
           ticked ? c.text_secondary : c.text, text, width - box - gap);
  return tapped;
}

namespace {
bool styled_input(const Theme& theme, const char* target, ImVec2 size, Access access, const std::function<bool()>& input) {
  const Palette& c = theme.colors();
  const float em = theme.em();
  ImGui::PushStyleColor(ImGuiCol_FrameBg, c.raised);
  ImGui::PushStyleColor(ImGuiCol_Text, c.text);
  ImGui::PushStyleColor(ImGuiCol_TextDisabled, c.text_secondary);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.8f * em, (size.y - font_px(theme, FontRole::Body)) / 2));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 0.6f * em);
  ImGui::PushID(target);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const bool changed = input();
  if (take_activation(target)) activate_last_item();
  const ImVec2 max = ImGui::GetItemRectMax();
  if (ImGui::IsItemActive()) {
    ImGui::GetWindowDrawList()->AddRect(min, max, c.primary, 0.6f * em, 0, 0.12f * em);
  }
  ImGui::PopID();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(3);
  report_target(target, min, max, std::move(access));
  register_text_field({min.x, min.y, max.x - min.x, max.y - min.y});
  return changed;
}
}  // namespace

bool text_field(const Theme& theme, const char* target, const char* hint, std::string& text, float width) {
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  return styled_input(theme, target, ImVec2(width, min_target(theme)),
                      {.role = AccessRole::TextField, .label = hint, .value = text}, [&] {
    ImGui::SetNextItemWidth(width);
    return ImGui::InputTextWithHint("##field", hint, &text);
  });
}

namespace {
// The shown (soft-wrapped) copy of each text area's text while it is on screen.
struct WrappedArea {
  SoftWrapped wrapped;
  std::string* text = nullptr;
  LineFit fits;
  std::string wrapped_text;  // what `wrapped` was made from, at this width and text size
  float wrapped_width = 0, wrapped_size = 0;
};

int rewrap_after_edit(ImGuiInputTextCallbackData* data) {
  auto& area = *static_cast<WrappedArea*>(data->UserData);
  const UnwrappedEdit edit = unwrap_edit(area.wrapped, std::string_view(data->Buf, data->BufTextLen),
                                         static_cast<std::size_t>(data->CursorPos));
  *area.text = edit.text;
  area.wrapped = soft_wrap(edit.text, area.fits);
  area.wrapped_text = edit.text;
  data->DeleteChars(0, data->BufTextLen);
  data->InsertChars(0, area.wrapped.shown.data(), area.wrapped.shown.data() + area.wrapped.shown.size());
  data->CursorPos = data->SelectionStart = data->SelectionEnd =
      static_cast<int>(shown_offset(area.wrapped, edit.caret));
  return 0;
}
}  // namespace

bool text_area(const Theme& theme, const char* target, std::string_view label, std::string& text, float lines) {
  static std::unordered_map<ImGuiID, WrappedArea> areas;
  const float em = theme.em();
  const float width = ImGui::GetContentRegionAvail().x;
  ImFont* font = theme.font(FontRole::Body);
  const float size = font_px(theme, FontRole::Body);
  const float pad_x = 0.8f * em;  // styled_input's frame padding
  const float wrap_width = width - 2 * pad_x - 0.3f * em;  // room for the caret at a line's end
  WrappedArea& area = areas[ImGui::GetID(target)];
  area.text = &text;
  area.fits = [font, size, wrap_width](std::string_view line) {
    const char* end = line.data() + line.size();
    const char* at = font->CalcWordWrapPositionA(size / font->FontSize, line.data(), end, wrap_width);
    while (at < end && *at == ' ') ++at;
    return static_cast<std::size_t>(at - line.data());
  };
  // While the field is edited, ImGui owns the shown copy and the callback keeps it wrapped. When
  // the text changes under an edit (another tab answered, the screen moved on), the edit is
  // dropped, so what was being typed cannot land in what the field holds now.
  ImGui::PushID(target);
  bool editing = active_item_id() == ImGui::GetID("##area");
  ImGui::PopID();
  if (editing && text != area.wrapped_text) {
    clear_active_item();
    editing = false;
  }
  if (!editing && (text != area.wrapped_text || wrap_width != area.wrapped_width || size != area.wrapped_size)) {
    area.wrapped = soft_wrap(text, area.fits);
    area.wrapped_text = text;
    area.wrapped_width = wrap_width;
    area.wrapped_size = size;
  }
  const auto breaks = std::count(area.wrapped.shown.begin(), area.wrapped.shown.end(), '\n');
  const float pad_y = (min_target(theme) - size) / 2;
  const ImVec2 box(width, std::max(lines, static_cast<float>(breaks + 1)) * size + 2 * pad_y);
  const std::string before = text;
  styled_input(theme, target, ImVec2(width, min_target(theme)),
               {.role = AccessRole::TextField, .label = std::string(label), .value = text}, [&] {
    std::string shown = area.wrapped.shown;
    return ImGui::InputTextMultiline("##area", &shown, box, ImGuiInputTextFlags_CallbackEdit, rewrap_after_edit,
                                     &area);
  });
  return text != before;
}

void labelled_bar(const Theme& theme, std::string_view label, std::string_view value, float fraction, ImU32 color) {
  const MirrorText spoken(std::string(label) + ": " + std::string(value));
  const Palette& c = theme.colors();
  const float em = theme.em();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImFont* font = theme.font(FontRole::Body);
  const float size = font_px(theme, FontRole::Body);
  const ImVec2 value_size = text_size(theme, FontRole::Body, value);
  // The value beside the label, unless a word of the label would not fit there: then below it.
  const float beside = width - value_size.x - 0.6f * em;
  const bool below = widest_word(theme, FontRole::Body, label) > beside;
  const float wrap = below ? width : beside;
  const ImVec2 label_size = text_size(theme, FontRole::Body, label, wrap);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  add_text(draw, font, size, at, c.text, label, wrap);
  const float value_y = below ? at.y + label_size.y : at.y;
  add_text(draw, font, size, ImVec2(at.x + width - value_size.x, value_y), c.text_secondary, value);
  ImGui::Dummy(ImVec2(width, (below ? label_size.y + value_size.y : label_size.y) + 0.1f * em));
  progress_bar(theme, fraction, color, 0.45f);
  ImGui::Dummy(ImVec2(0, 0.2f * em));
}

void progress_bar(const Theme& theme, float fraction, ImU32 color, float height_em) {
  const Palette& c = theme.colors();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x, height = height_em * theme.em();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, ImVec2(min.x + width, min.y + height), c.raised, height / 2);
  const float filled = std::clamp(fraction, 0.0f, 1.0f) * width;
  if (filled > 0) draw->AddRectFilled(min, ImVec2(min.x + std::max(filled, height), min.y + height), color, height / 2);
  ImGui::Dummy(ImVec2(width, height));
}

void badge(const Theme& theme, std::string_view text, ImU32 fill, ImU32 color) {
  const float em = theme.em();
  const ImVec2 size = text_size(theme, FontRole::Caption, text);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x + 0.9f * em, min.y + size.y + 0.3f * em);
  ImGui::GetWindowDrawList()->AddRectFilled(min, max, fill, 0.4f * em);
  draw_text(theme, FontRole::Caption, ImVec2(min.x + 0.45f * em, min.y + 0.15f * em), color, text);
  ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
}

void begin_surface(const Theme& theme) {
  const float pad = 1.0f * theme.em();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + pad);
  ImGui::Indent(pad);
  ImGui::BeginGroup();
  // Content keeps clear of the surface's right padding too.
  ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - pad);
  shift_work_area_right(-pad);
}

void end_surface(const Theme& theme, ImU32 fill) {
  const float pad = 1.0f * theme.em();
  shift_work_area_right(pad);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::Unindent(pad);
  const ImVec2 min(ImGui::GetItemRectMin().x - pad, ImGui::GetItemRectMin().y - pad);
  const ImVec2 max(work_area_right(), ImGui::GetItemRectMax().y + pad);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSetCurrent(0);
  draw->AddRectFilled(min, max, fill, 0.75f * theme.em());
  draw->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(min.x, max.y));
  ImGui::Dummy(ImVec2(0, 0.6f * theme.em()));
}

}  // namespace pyprep::ui
