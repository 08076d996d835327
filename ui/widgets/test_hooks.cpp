// The frame records behind frame_records.h and test_hooks.h.
#include "widgets/imgui_adapter.h"
#include "widgets/test_hooks.h"

#include <algorithm>
#include <cmath>

#include "widgets/frame_records.h"

namespace pyprep::ui {
namespace {

struct FrameRecords {
  nlohmann::json targets = nlohmann::json::object();
  nlohmann::json texts = nlohmann::json::array();
  std::vector<Rect> text_fields;
  int sideways = 0;  // inside a SidewaysText scope
};
FrameRecords& records() {
  static FrameRecords all;
  return all;
}

// The part of [min, max) inside `clip`; empty (max not past min) when none of it is.
ScreenBox shown_part(ImVec2 min, ImVec2 max, const ScreenBox& clip) {
  return {ImVec2(std::max(min.x, clip.min.x), std::max(min.y, clip.min.y)),
          ImVec2(std::min(max.x, clip.max.x), std::min(max.y, clip.max.y))};
}
bool is_empty(const ScreenBox& box) { return box.min.x >= box.max.x || box.min.y >= box.max.y; }

}  // namespace

void report_target(const char* name, ImVec2 min, ImVec2 max) {
  // Only what is actually visible can be tapped.
  const ScreenBox shown = shown_part(min, max, window_clip_rect());
  if (is_empty(shown)) return;
  records().targets[name] = {shown.min.x, shown.min.y, shown.max.x - shown.min.x, shown.max.y - shown.min.y};
}
const nlohmann::json& frame_targets() { return records().targets; }

void report_text(ImVec2 min, ImVec2 max, std::string_view text, const ScreenBox& clip) {
  const ScreenBox shown = shown_part(min, max, clip);
  if (is_empty(shown) || text.empty()) return;
  // Cut: wider than what shows of it, in a window that cannot scroll sideways to reveal the rest
  // (by more than a trailing space, which wrapped lines may keep past the edge).
  const bool scrolls_sideways = records().sideways > 0 || window_scrolls_sideways();
  const float slack = 0.35f * ImGui::GetFontSize();
  const bool cut = !scrolls_sideways && (min.x < clip.min.x - slack || max.x > clip.max.x + slack);
  records().texts.push_back({std::lround(shown.min.x), std::lround(shown.min.y), std::lround(shown.max.x - shown.min.x),
                             std::lround(shown.max.y - shown.min.y), text, cut});
}
const nlohmann::json& frame_texts() { return records().texts; }
SidewaysText::SidewaysText() { ++records().sideways; }
SidewaysText::~SidewaysText() { --records().sideways; }

const std::vector<Rect>& text_field_rects() { return records().text_fields; }
void register_text_field(Rect rect) { records().text_fields.push_back(rect); }
void clear_frame_records() { records() = FrameRecords{}; }

}  // namespace pyprep::ui
