#pragma once
// What the controls record as they draw, frame by frame: the tappable targets and the text on
// screen, for the test hook (test_hooks.h reads them), and the text fields' rects, for the
// keyboard proxy. Cleared at the start of each frame.
#include <imgui.h>

#include <string_view>
#include <vector>

#include "platform/platform.h"
#include "widgets/imgui_adapter.h"

namespace pyprep::ui {

// A tappable thing named `name`, where it shows inside the current window.
void report_target(const char* name, ImVec2 min, ImVec2 max);
// Text drawn over [min, max), where it shows inside `clip`.
void report_text(ImVec2 min, ImVec2 max, std::string_view text, const ScreenBox& clip);
// While one is alive, text drawn scrolls sideways by other means than its window's (the code
// editor's lines): past the edge is not cut.
struct SidewaysText {
  SidewaysText();
  ~SidewaysText();
  SidewaysText(const SidewaysText&) = delete;
  SidewaysText& operator=(const SidewaysText&) = delete;
};

// A rect where a tap should open (or keep open) the phone's keyboard.
void register_text_field(Rect rect);
const std::vector<Rect>& text_field_rects();

void clear_frame_records();

}  // namespace pyprep::ui
