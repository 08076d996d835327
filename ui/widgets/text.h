#pragma once
// Text in the app's fonts: single lines, wrapped, clamped to a few lines, with marked words.
// Everything drawn is recorded for the test hook's list of on-screen text.
#include <imgui.h>

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "theme.h"

namespace pyprep::ui {

// The pixel size `role`'s font is drawn at.
float font_px(const Theme& theme, FontRole role);
ImVec2 text_size(const Theme& theme, FontRole role, std::string_view text, float wrap_width = -1.0f);
// The width of the widest word of `text` (words end at spaces and line breaks).
float widest_word(ImFont* font, float size, std::string_view text);
float widest_word(const Theme& theme, FontRole role, std::string_view text);
// Draws text at `at`, wrapped at `wrap_width` when positive, and records it for frame_texts().
void add_text(ImDrawList* draw, ImFont* font, float size, ImVec2 at, ImU32 color, std::string_view text,
              float wrap_width = 0);

// One line of text at the cursor, never wrapped (numbers, right-aligned values).
void text_line(const Theme& theme, FontRole role, ImU32 color, std::string_view text);
// Text wrapped to the available width.
void wrapped_text(const Theme& theme, FontRole role, ImU32 color, std::string_view text);
// Text wrapped to `width` and cut after `max_lines` lines with an ellipsis; returns its height.
float clamped_text(const Theme& theme, FontRole role, ImU32 color, std::string_view text, float width,
                   int max_lines);
// Text wrapped to the available width with the byte ranges [first, second) of `marks` on a
// `mark` background (the words of a typed answer that matched a key point); returns its height.
float marked_text(const Theme& theme, std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& marks,
                  ImU32 mark);

}  // namespace pyprep::ui
