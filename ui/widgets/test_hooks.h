#pragma once
// This frame's records (frame_records.h) as the test hook publishes them.
#include <nlohmann/json.hpp>

namespace pyprep::ui {

// The tappable things on screen, by name: {name: [x, y, w, h]} (their visible part).
const nlohmann::json& frame_targets();
// Text drawn, as [x, y, w, h, text, cut] (visible part; cut when it runs past its window's edge
// there is no scrolling to, or when wrapping broke one of its words), so tests can check that
// nothing overlaps or clips.
const nlohmann::json& frame_texts();

}  // namespace pyprep::ui
