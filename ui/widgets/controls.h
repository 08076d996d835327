#pragma once
// Touch-friendly controls drawn with ImGui's draw list in the app's own look: rounded buttons with
// a pressed state, chips, segmented choices, steppers, switches, text fields, surfaces. Sizes are
// in em-derived pixels; every tappable control is at least 48 CSS px tall.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "theme.h"
#include "widgets/access.h"

namespace pyprep::ui {

struct ButtonStyle {
  ImU32 fill;
  ImU32 text;
  FontRole font = FontRole::BodySemibold;
  float label_scale = 1.0f;  // the label's size as a share of the font's (see label_scale_to_fit)
  Access access{};           // by default a button named by its label and caption
};

// The label_scale at which the widest of `labels` fits a button `width` wide (at most 1), so a
// row of buttons draws its labels alike instead of each shrinking on its own.
float label_scale_to_fit(const Theme& theme, FontRole role, const std::vector<std::string_view>& labels, float width);

// A button `size` wide and tall at the cursor; `caption` (may be empty) is a second, smaller line.
// Returns true when tapped. `target` names it in the test hook's list of on-screen targets.
bool button(const Theme& theme, const char* target, std::string_view label, std::string_view caption,
            ImVec2 size, const ButtonStyle& style);
// A full-width row: label left, value right (secondary), chevron when `chevron`. Returns tapped.
bool row_button(const Theme& theme, const char* target, std::string_view label, std::string_view value,
                bool chevron = true);
// A rounded chip; filled when selected.
bool chip(const Theme& theme, const char* target, std::string_view label, bool selected);
// A row of equal segments; returns true when the choice changed.
bool segmented(const Theme& theme, const char* target, const std::vector<std::string>& options, int& choice);
// "label   [−] value [+]"; returns true when changed. `value_text` shows the current value.
bool stepper(const Theme& theme, const char* target, std::string_view label, std::string_view value_text,
             double& value, double min, double max, double step);
// A labelled on/off switch row; returns true when toggled.
bool switch_row(const Theme& theme, const char* target, std::string_view label, bool& on);
// A checklist row (tick box + wrapped text); returns true when toggled.
bool check_row(const Theme& theme, const char* target, std::string_view text, bool& ticked);
// A tap on [min, max) drawn by the caller (named `target`, told as `access`), or the mirror's
// activation of it; `held` says whether it is pressed.
bool tap_area(const char* target, ImVec2 size, bool* held, Access access = {});
// A fingertip: no tappable control is shorter, in CSS px.
constexpr float kMinTouchPx = 48.0f;
// The height of a touch target: a row of text, and never under a fingertip.
float min_target(const Theme& theme);

// A single-line text field with a hint; true when the text changed. `width` 0: the rest of the row.
bool text_field(const Theme& theme, const char* target, const char* hint, std::string& text, float width = 0);
// A multi-line text field `lines` tall, `label` telling a screen reader what it is for; true when
// the text changed.
bool text_area(const Theme& theme, const char* target, std::string_view label, std::string& text, float lines);
// A label (wrapped) with a value on the right, over a progress bar filled to `fraction`.
void labelled_bar(const Theme& theme, std::string_view label, std::string_view value, float fraction, ImU32 color);
// A thin rounded progress bar the full available width.
void progress_bar(const Theme& theme, float fraction, ImU32 color, float height_em = 0.35f);

// A small rounded label (level badges, tags).
void badge(const Theme& theme, std::string_view text, ImU32 fill, ImU32 color);

// A rounded surface behind everything drawn between begin and end (cards in the UI guide).
void begin_surface(const Theme& theme);
void end_surface(const Theme& theme, ImU32 fill);

}  // namespace pyprep::ui
