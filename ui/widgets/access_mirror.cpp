#include "widgets/access_mirror.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "widgets/frame_records.h"

namespace pyprep::ui {
namespace {

bool holds(const ScreenBox& box, ImVec2 point) {
  return point.x >= box.min.x && point.x <= box.max.x && point.y >= box.min.y && point.y <= box.max.y;
}
ImVec2 centre(const ScreenBox& box) { return ImVec2((box.min.x + box.max.x) / 2, (box.min.y + box.max.y) / 2); }

// The control the text pieces[at] is drawn on (its label), if any: the last one drawn before it
// there (a control is drawn, then its label; one that reaches under the tab bar is not the tabs').
const MirrorPiece* control_under(const std::vector<MirrorPiece>& pieces, std::size_t at) {
  for (std::size_t i = at; i-- > 0;) {
    if (pieces[i].control && holds(pieces[i].box, centre(pieces[at].box))) return &pieces[i];
  }
  return nullptr;
}

const char* kind(const MirrorPiece& piece) {
  if (!piece.control) return piece.heading == 1 ? "h1" : piece.heading == 2 ? "h2" : "text";
  switch (piece.access.role) {
    case AccessRole::Tab: return "tab";
    case AccessRole::Toggle: return "toggle";
    case AccessRole::Checkbox: return "checkbox";
    case AccessRole::Switch: return "switch";
    case AccessRole::TextField: return "field";
    case AccessRole::Button: break;
  }
  return "button";
}

}  // namespace

std::string access_mirror_json(std::string_view screen, std::uint64_t announcement_id, std::string_view announcement) {
  const std::vector<MirrorPiece>& pieces = mirror_pieces();
  nlohmann::json nodes = nlohmann::json::array();
  for (std::size_t at = 0; at < pieces.size(); ++at) {
    const MirrorPiece& piece = pieces[at];
    std::string name = piece.control ? piece.access.label : piece.text;
    if (!piece.control && control_under(pieces, at)) continue;  // a control's label
    if (piece.control && name.empty()) {  // named by the text drawn on it
      for (std::size_t text = at + 1; text < pieces.size(); ++text) {
        if (pieces[text].control || control_under(pieces, text) != &piece) continue;
        name += (name.empty() ? "" : " ") + pieces[text].text;
      }
    }
    if (name.empty()) continue;
    // Where it shows, or where it would be when scrolled to.
    const ScreenBox& where = is_empty(piece.shown) ? piece.box : piece.shown;
    nlohmann::json node = {kind(piece), name, std::lround(where.min.x), std::lround(where.min.y),
                           std::lround(where.max.x - where.min.x), std::lround(where.max.y - where.min.y)};
    if (piece.control) {
      node.push_back(piece.target);
      node.push_back(piece.access.checked);
      node.push_back(piece.access.value);
    }
    nodes.push_back(std::move(node));
  }
  return nlohmann::json{{"screen", screen}, {"nodes", nodes}, {"announce", {announcement_id, announcement}}}.dump();
}

}  // namespace pyprep::ui
