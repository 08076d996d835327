#pragma once
// The few things the UI needs from ImGui beyond its public API (item activation, scroll of a
// given window, the edited text field's state, the current window's clip and work area). Only
// imgui_adapter.cpp sees ImGui's internals, so an ImGui upgrade that moves them is fixed there.
#include <imgui.h>

#include <optional>

namespace pyprep::ui {

// A box on screen, from its top-left corner `min` to its bottom-right `max`.
struct ScreenBox {
  ImVec2 min, max;
};
// True when the box holds no area (max not past min).
inline bool is_empty(const ScreenBox& box) { return box.min.x >= box.max.x || box.min.y >= box.max.y; }

// The item being interacted with (a held button, an edited field), 0 when none.
ImGuiID active_item_id();
// Ends the interaction with the active item, as a tap elsewhere would.
void clear_active_item();
// Gives the keyboard to the last item drawn, as if it were tapped.
void activate_last_item();
// Makes `owner` the only taker of `key` from the next frame's input on, away from ImGui's own
// uses of it (Tab moving between widgets).
void claim_key(ImGuiKey key, ImGuiID owner);
// True while input events wait in ImGui's queue (it hands them out over frames).
bool has_queued_input();
// True while a focus change is still to be applied (a field given the keyboard).
bool has_pending_focus_change();

// The current window's clip rect.
ScreenBox window_clip_rect();
// True when the current window scrolls sideways (has a horizontal scrollbar).
bool window_scrolls_sideways();
// The right edge of the current window's work area, and a shift of it (negative narrows it) for
// content that should keep clear of a margin.
float work_area_right();
void shift_work_area_right(float by);
// The next window to begin starts at this scroll position.
void set_next_window_scroll(ImVec2 scroll);

// The furthest the window `name` and its children drawn this frame are scrolled: down, and
// sideways among those with a horizontal scrollbar. Zeros when there is no such window.
struct ScrollReach {
  float down = 0, sideways = 0;
};
ScrollReach scroll_reach(const char* name);
// The nearest window, from the one under the pointer outwards, that can scroll along `axis`
// (0 sideways, 1 down) by the mouse; 0 when none.
ImGuiID scrollable_window_under_pointer(int axis);
// Scrolls the window `id` along `axis` by `amount`, clamped to how far it can scroll.
enum class WindowScroll { Missing, Moved, AtEdge };
WindowScroll scroll_window_by(ImGuiID id, int axis, float amount);

// What ImGui holds of the text field `id` while it is being edited. Positions count UTF-16
// units; `text` stays valid until the next frame.
struct EditedField {
  float scroll_x = 0;
  int caret = 0;
  int selection_start = 0, selection_end = 0;  // in either order
  const ImWchar* text = nullptr;
  int length = 0;
};
std::optional<EditedField> edited_field(ImGuiID id);
void set_edited_field_scroll_x(ImGuiID id, float scroll_x);
// The UTF-8 length of the UTF-16 units [begin, end).
int utf8_bytes(const ImWchar* begin, const ImWchar* end);

}  // namespace pyprep::ui
