#include "widgets/imgui_adapter.h"

#include <imgui_internal.h>

#include <algorithm>

namespace pyprep::ui {

ImGuiID active_item_id() { return ImGui::GetActiveID(); }

void clear_active_item() { ImGui::ClearActiveID(); }

void activate_last_item() { ImGui::ActivateItemByID(ImGui::GetItemID()); }

void claim_key(ImGuiKey key, ImGuiID owner) { ImGui::SetKeyOwner(key, owner); }

bool has_queued_input() { return !ImGui::GetCurrentContext()->InputEventsQueue.empty(); }

bool has_pending_focus_change() {
  const ImGuiContext& imgui = *ImGui::GetCurrentContext();
  return imgui.NavNextActivateId != 0 || imgui.NavActivateId != 0 ||
         (imgui.WantTextInputNextFrame == 1) != imgui.IO.WantTextInput;
}

ScreenBox window_clip_rect() {
  const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
  return {clip.Min, clip.Max};
}

bool window_scrolls_sideways() { return ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_HorizontalScrollbar; }

float work_area_right() { return ImGui::GetCurrentWindow()->WorkRect.Max.x; }

void shift_work_area_right(float by) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  window->WorkRect.Max.x += by;
  window->ContentRegionRect.Max.x += by;
}

void set_next_window_scroll(ImVec2 scroll) { ImGui::SetNextWindowScroll(scroll); }

ScrollReach scroll_reach(const char* name) {
  // Only windows drawn this frame: a closed card's code blocks linger in ImGui.
  ScrollReach reach;
  const auto visit = [&](auto& self, const ImGuiWindow* window) -> void {
    if (!window->Active) return;
    reach.down = std::max(reach.down, window->Scroll.y);
    if (window->Flags & ImGuiWindowFlags_HorizontalScrollbar) reach.sideways = std::max(reach.sideways, window->Scroll.x);
    for (const ImGuiWindow* child : window->DC.ChildWindows) self(self, child);
  };
  if (ImGuiWindow* window = ImGui::FindWindowByName(name)) visit(visit, window);
  return reach;
}

ImGuiID scrollable_window_under_pointer(int axis) {
  for (ImGuiWindow* window = GImGui->HoveredWindow; window; window = window->ParentWindow) {
    if (window->ScrollMax[axis] > 0.0f && !(window->Flags & ImGuiWindowFlags_NoScrollWithMouse)) return window->ID;
    if (!(window->Flags & ImGuiWindowFlags_ChildWindow)) break;
  }
  return 0;
}

WindowScroll scroll_window_by(ImGuiID id, int axis, float amount) {
  ImGuiWindow* window = ImGui::FindWindowByID(id);
  if (!window) return WindowScroll::Missing;
  const float target = ImClamp(window->Scroll[axis] + amount, 0.0f, window->ScrollMax[axis]);
  if (axis == 0) ImGui::SetScrollX(window, target);
  else ImGui::SetScrollY(window, target);
  return target <= 0.0f || target >= window->ScrollMax[axis] ? WindowScroll::AtEdge : WindowScroll::Moved;
}

std::optional<EditedField> edited_field(ImGuiID id) {
  const ImGuiInputTextState* input = ImGui::GetInputTextState(id);
  if (!input) return std::nullopt;
  return EditedField{input->ScrollX, input->Stb.cursor, input->Stb.select_start, input->Stb.select_end,
                     input->TextW.Data, input->CurLenW};
}

void set_edited_field_scroll_x(ImGuiID id, float scroll_x) {
  if (ImGuiInputTextState* input = ImGui::GetInputTextState(id)) input->ScrollX = scroll_x;
}

int utf8_bytes(const ImWchar* begin, const ImWchar* end) { return ImTextCountUtf8BytesFromStr(begin, end); }

}  // namespace pyprep::ui
