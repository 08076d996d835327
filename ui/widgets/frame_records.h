#pragma once
// What the controls record as they draw, frame by frame: the tappable targets and the text on
// screen, for the test hook (test_hooks.h) and the accessibility mirror (access_mirror.h), and
// the text fields' rects, for the keyboard proxy. Cleared at the start of each frame.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "platform/platform.h"
#include "widgets/access.h"
#include "widgets/imgui_adapter.h"

namespace pyprep::ui {

// A tappable thing named `name` over [min, max) (the part that shows inside the current window
// counts for taps). Call it right after the item it names: a keyboard focus on it scrolls the
// window to bring it into view.
void report_target(const char* name, ImVec2 min, ImVec2 max, Access access = {});
// Text drawn over [min, max), where it shows inside `clip`; `heading` 1 or 2 for titles;
// `broken_word` when wrapping it broke a word (too wide for the width) and so cut it.
void report_text(ImVec2 min, ImVec2 max, std::string_view text, const ScreenBox& clip, int heading = 0,
                 bool broken_word = false);
// While one is alive, the text drawn is one piece of the mirror saying `text`: a paragraph drawn
// in fragments, code drawn token by token, a title cut to two lines.
class MirrorText {
 public:
  explicit MirrorText(std::string_view text, int heading = 0);
  ~MirrorText();
  MirrorText(const MirrorText&) = delete;
  MirrorText& operator=(const MirrorText&) = delete;

 private:
  int outer_;  // the one this is inside, collecting again once this ends
};
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

// The controls and texts drawn, in drawing order, for the mirror.
struct MirrorPiece {
  bool control = false;
  std::string text{};    // a text: what it says
  int heading = 0;
  std::string target{};  // a control: its name, and what a screen reader is told
  Access access{};
  ScreenBox box{};    // all of it, shown or not
  ScreenBox shown{};  // the part inside its window (empty when none)
};
const std::vector<MirrorPiece>& mirror_pieces();

// Requests for the frame being drawn (set after clear_frame_records): the control `activate`
// acts as if tapped; the one `reveal` is scrolled into view if it is not.
void request_for_frame(std::string activate, std::string reveal);
// True once when the control `name` was asked to act this frame.
bool take_activation(const char* name);

void clear_frame_records();

}  // namespace pyprep::ui
