#pragma once
// Colour maths on ImGui's packed colours.
#include <imgui.h>

namespace pyprep::ui {

// The colour `c` with alpha `a` (0..1).
ImU32 with_alpha(ImU32 c, float a);
// A mix of two colours, t = 0 gives a.
ImU32 mix(ImU32 a, ImU32 b, float t);

}  // namespace pyprep::ui
