#pragma once
// The accessibility mirror: what this frame showed, for the web shell to keep a hidden DOM of
// for screen readers (web-shell/access.js): the texts (headings among them) and the controls,
// each with its name, state and rectangle, in reading order, and what to announce.
#include <cstdint>
#include <string>
#include <string_view>

namespace pyprep::ui {

// `announcement` is said once per new `announcement_id`.
std::string access_mirror_json(std::string_view screen, std::uint64_t announcement_id, std::string_view announcement);

}  // namespace pyprep::ui
