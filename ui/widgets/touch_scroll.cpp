#include "widgets/touch_scroll.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "widgets/code_editor.h"
#include "widgets/imgui_adapter.h"

namespace pyprep::ui {
namespace {

constexpr float kGlideTimeConstant = 0.325f;  // seconds for the glide speed to fall to 1/e
constexpr float kMinGlideSpeed = 30.0f;       // logical px/s below which gliding stops
constexpr Uint32 kHoldToSelectMs = 450;       // as long as a phone's press-and-hold

bool is_left_button(const SDL_Event& e) {
  return (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) && e.button.button == SDL_BUTTON_LEFT;
}

}  // namespace

bool TouchScroll::observe(const SDL_Event& event, float slop_pixels) {
  if (event.type == SDL_MOUSEBUTTONDOWN && is_left_button(event)) {
    const bool was_gliding = phase_ == Phase::Gliding &&
                             std::hypot(velocity_.x, velocity_.y) > 4 * kMinGlideSpeed;
    phase_ = Phase::Pressed;
    press_at_ = last_at_ = ImVec2(float(event.button.x), float(event.button.y));
    last_ms_ = press_ms_ = event.button.timestamp;
    velocity_ = ImVec2(0, 0);
    return was_gliding;  // a touch that stops a fast glide only stops it
  }
  if (event.type == SDL_MOUSEMOTION && (phase_ == Phase::Pressed || phase_ == Phase::Dragging)) {
    const ImVec2 at(float(event.motion.x), float(event.motion.y));
    if (phase_ == Phase::Pressed) {
      // A finger's jitter during a tap: ImGui keeps the press where it went down, so a drag that
      // starts slowly does not select the first characters under it.
      if (std::hypot(at.x - press_at_.x, at.y - press_at_.y) < slop_pixels) return true;
      if (event.motion.timestamp - press_ms_ >= kHoldToSelectMs && editor_at(press_at_.x, press_at_.y)) {
        phase_ = Phase::Selecting;  // ImGui sees the drag and selects
        return false;
      }
      start_drag(at);
    }
    track(at, event.motion.timestamp);
    return true;
  }
  if (event.type == SDL_MOUSEBUTTONUP && is_left_button(event)) {
    if (phase_ != Phase::Dragging) {  // a tap, or the end of a selection
      phase_ = Phase::Idle;
      return false;
    }
    // A pause before lifting the finger means no glide.
    const bool recent = event.button.timestamp - last_ms_ < 80;
    phase_ = recent && std::hypot(velocity_.x, velocity_.y) > kMinGlideSpeed ? Phase::Gliding : Phase::Idle;
    return true;
  }
  return false;
}

void TouchScroll::start_drag(ImVec2 at) {
  phase_ = Phase::Dragging;
  axis_ = std::fabs(at.x - press_at_.x) > std::fabs(at.y - press_at_.y) ? 0 : 1;
  editor_ = axis_ == 0 && editor_scrolls_sideways_at(press_at_.x, press_at_.y);
  window_ = editor_ ? 0 : scrollable_window_under_pointer(axis_);
  if (window_ == 0 && !editor_ && axis_ == 0) {  // a sideways drag over something that only scrolls vertically
    axis_ = 1;
    window_ = scrollable_window_under_pointer(axis_);
  }
  // Cancel the press ImGui has seen: releasing away from the widget fires nothing.
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
  last_at_ = press_at_;
}

void TouchScroll::track(ImVec2 at, Uint32 timestamp_ms) {
  const ImVec2 delta(last_at_.x - at.x, last_at_.y - at.y);
  pending_.x += delta.x;
  pending_.y += delta.y;
  const float dt = std::max(1u, timestamp_ms - last_ms_) / 1000.0f;
  // Smoothed velocity over the last few samples.
  const float blend = std::min(1.0f, dt / 0.05f);
  velocity_.x += (delta.x / dt - velocity_.x) * blend;
  velocity_.y += (delta.y / dt - velocity_.y) * blend;
  last_at_ = at;
  last_ms_ = timestamp_ms;
}

void TouchScroll::update() {
  if (phase_ == Phase::Gliding) {
    const float dt = std::min(ImGui::GetIO().DeltaTime, 0.05f);
    pending_.x += velocity_.x * dt;
    pending_.y += velocity_.y * dt;
    const float decay = std::exp(-dt / kGlideTimeConstant);
    velocity_.x *= decay;
    velocity_.y *= decay;
    if (std::hypot(velocity_.x, velocity_.y) < kMinGlideSpeed) phase_ = Phase::Idle;
  }
  const float amount = axis_ == 0 ? pending_.x : pending_.y;
  pending_ = ImVec2(0, 0);
  if (amount == 0.0f) return;
  if (editor_) {
    if (!scroll_editor_sideways(amount) && phase_ == Phase::Gliding) phase_ = Phase::Idle;
    return;
  }
  if (window_ == 0) return;
  // At an edge the glide has nowhere to go.
  if (scroll_window_by(window_, axis_, amount) == WindowScroll::AtEdge && phase_ == Phase::Gliding) phase_ = Phase::Idle;
}

}  // namespace pyprep::ui
