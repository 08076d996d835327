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
  std::vector<Rect> text_fields{};
  std::vector<MirrorPiece> pieces{};
  int sideways = 0;        // inside a SidewaysText scope
  int mirror_text = -1;    // the piece an open MirrorText collects into
  std::string activate{}, reveal{};
};
FrameRecords& records() {
  static FrameRecords all;
  return all;
}

ScreenBox united(const ScreenBox& a, const ScreenBox& b) {
  return {ImVec2(std::min(a.min.x, b.min.x), std::min(a.min.y, b.min.y)),
          ImVec2(std::max(a.max.x, b.max.x), std::max(a.max.y, b.max.y))};
}

// The part of [min, max) inside `clip`; empty (max not past min) when none of it is.
ScreenBox shown_part(ImVec2 min, ImVec2 max, const ScreenBox& clip) {
  return {ImVec2(std::max(min.x, clip.min.x), std::max(min.y, clip.min.y)),
          ImVec2(std::min(max.x, clip.max.x), std::min(max.y, clip.max.y))};
}

}  // namespace

void report_target(const char* name, ImVec2 min, ImVec2 max, Access access) {
  FrameRecords& r = records();
  const ScreenBox shown = shown_part(min, max, window_clip_rect());
  r.pieces.push_back({.control = true, .target = name, .access = std::move(access), .box = {min, max}, .shown = shown});
  const bool whole = shown.min.x == min.x && shown.min.y == min.y && shown.max.x == max.x && shown.max.y == max.y;
  if (!whole && r.reveal == name) {
    ImGui::SetScrollHereY(0.5f);
    r.reveal.clear();
  }
  // Only what is actually visible can be tapped.
  if (is_empty(shown)) return;
  r.targets[name] = {shown.min.x, shown.min.y, shown.max.x - shown.min.x, shown.max.y - shown.min.y};
}
const std::vector<MirrorPiece>& mirror_pieces() { return records().pieces; }
const nlohmann::json& frame_targets() { return records().targets; }

void report_text(ImVec2 min, ImVec2 max, std::string_view text, const ScreenBox& clip, int heading, bool broken_word) {
  const ScreenBox shown = shown_part(min, max, clip);
  FrameRecords& r = records();
  if (r.mirror_text >= 0) {
    MirrorPiece& piece = r.pieces[static_cast<std::size_t>(r.mirror_text)];
    const bool first = piece.box.max.x <= piece.box.min.x;
    piece.box = first ? ScreenBox{min, max} : united(piece.box, {min, max});
    if (!is_empty(shown)) piece.shown = is_empty(piece.shown) ? shown : united(piece.shown, shown);
  } else if (!text.empty()) {
    r.pieces.push_back({.text = std::string(text), .heading = heading, .box = {min, max}, .shown = shown});
  }
  if (is_empty(shown) || text.empty()) return;
  // Cut: wider than what shows of it, in a window that cannot scroll sideways to reveal the rest
  // (by more than a trailing space, which wrapped lines may keep past the edge).
  const bool scrolls_sideways = records().sideways > 0 || window_scrolls_sideways();
  const float slack = 0.35f * ImGui::GetFontSize();
  const bool cut = broken_word || (!scrolls_sideways && (min.x < clip.min.x - slack || max.x > clip.max.x + slack));
  records().texts.push_back({std::lround(shown.min.x), std::lround(shown.min.y), std::lround(shown.max.x - shown.min.x),
                             std::lround(shown.max.y - shown.min.y), text, cut});
}
const nlohmann::json& frame_texts() { return records().texts; }
MirrorText::MirrorText(std::string_view text, int heading) : outer_(records().mirror_text) {
  FrameRecords& r = records();
  r.pieces.push_back({.text = std::string(text), .heading = heading});
  r.mirror_text = static_cast<int>(r.pieces.size()) - 1;
}
MirrorText::~MirrorText() { records().mirror_text = outer_; }
SidewaysText::SidewaysText() { ++records().sideways; }
SidewaysText::~SidewaysText() { --records().sideways; }

const std::vector<Rect>& text_field_rects() { return records().text_fields; }
void register_text_field(Rect rect) { records().text_fields.push_back(rect); }
void request_for_frame(std::string activate, std::string reveal) {
  records().activate = std::move(activate);
  records().reveal = std::move(reveal);
}
bool take_activation(const char* name) {
  if (records().activate != name) return false;
  records().activate.clear();
  return true;
}
void clear_frame_records() { records() = FrameRecords{}; }

}  // namespace pyprep::ui
