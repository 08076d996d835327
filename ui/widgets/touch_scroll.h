#pragma once
// Drag-to-scroll for touch and mouse, as phones do it: a press that moves less than a threshold
// stays a tap; once it moves further it becomes a scroll of the window under the finger, the
// press is cancelled (no button fires), and on release the content keeps gliding with inertia.
// In the code editor being edited, a sideways drag scrolls its long lines, and a press held still
// for a moment before it moves selects text instead (ImGui's own mouse selection).
#include <SDL.h>
#include <imgui.h>

namespace pyprep::ui {

class TouchScroll {
 public:
  // Sees every SDL event before ImGui does; returns true when the event is consumed by a scroll.
  bool observe(const SDL_Event& event, float slop_pixels);
  // Applies this frame's drag and inertia; call once per frame after ImGui::NewFrame().
  void update();
  bool animating() const { return phase_ == Phase::Gliding; }
  bool dragging() const { return phase_ == Phase::Dragging; }

 private:
  enum class Phase { Idle, Pressed, Dragging, Gliding, Selecting };
  void start_drag(ImVec2 at);
  void track(ImVec2 at, Uint32 timestamp_ms);

  Phase phase_ = Phase::Idle;
  ImVec2 press_at_{};
  ImVec2 last_at_{};
  ImVec2 pending_{};   // drag distance not yet applied, in logical pixels
  ImVec2 velocity_{};  // logical pixels per second, in scroll direction
  Uint32 last_ms_ = 0;
  Uint32 press_ms_ = 0;
  int axis_ = 1;  // 0 horizontal, 1 vertical
  ImGuiID window_ = 0;  // the window being scrolled
  bool editor_ = false;  // scrolling the code editor's lines sideways rather than a window
};

}  // namespace pyprep::ui
