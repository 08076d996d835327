// Browse: full-text search over prompts, answers, key points and tags; topic chips; saved cards;
// rows with the prompt, a level badge and the card's state. A tap opens the card.
#include <imgui.h>

#include <string>

#include "screens/screens.h"
#include "widgets/controls.h"
#include "widgets/frame_records.h"
#include "widgets/imgui_adapter.h"
#include "widgets/text.h"

namespace pyprep::ui {
namespace {

// Why the list is empty, naming the filter when the filter is the reason.
std::string no_results_message(const Ui& ui, const BrowseState& state) {
  const bool searched = !state.query.empty();
  const bool topic_matches = !state.hits.empty();  // before the Saved filter
  if (state.bookmarked_only) {
    if (!searched && !topic_matches) return "No card in this topic.";
    if (!searched) return "No saved cards here yet. Tap ☆ Save on a card to keep it in this list.";
    if (topic_matches) return "None of your saved cards matches. Tap ★ Saved to search all cards.";
  }
  if (state.topic >= 0 && searched) {
    return "No card in " + ui.app.bank().topics[static_cast<std::size_t>(state.topic)].title +
           " matches. Tap the topic again to search all topics, or try fewer or shorter words.";
  }
  return "No card matches. Try fewer or shorter words.";
}

// Topic chips in one row that scrolls sideways.
void chip_strip(Ui& ui, BrowseState& state) {
  const Theme& theme = ui.theme;
  const float height = min_target(theme);
  ImGui::BeginChild("##chips", ImVec2(0, height), ImGuiChildFlags_None,
                    ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoScrollbar);
  const float spacing = 0.4f * theme.em();
  if (chip(theme, "chip-all", "All", state.topic < 0 && !state.bookmarked_only)) {
    state.topic = -1;
    state.bookmarked_only = false;
  }
  ImGui::SameLine(0, spacing);
  if (chip(theme, "chip-saved", "★ Saved", state.bookmarked_only)) state.bookmarked_only = !state.bookmarked_only;
  const auto& topics = ui.app.bank().topics;
  for (std::size_t i = 0; i < topics.size(); ++i) {
    ImGui::SameLine(0, spacing);
    const std::string target = "chip-" + topics[i].id;
    const bool selected = state.topic == static_cast<int>(i);
    if (chip(theme, target.c_str(), topics[i].title, selected)) state.topic = selected ? -1 : static_cast<int>(i);
  }
  ImGui::EndChild();
}

}  // namespace

void browse_screen(Ui& ui, BrowseState& state) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  screen_title(theme, "Browse");
  // A clear button beside the field once there is something to clear.
  const float clear_w = state.query.empty() ? 0.0f : min_target(theme);
  const float gap = clear_w > 0 ? 0.4f * em : 0.0f;
  text_field(theme, "search", "Search questions, answers, tags", state.query,
             ImGui::GetContentRegionAvail().x - clear_w - gap);
  if (ui.shortcut == '/') activate_last_item();  // the search field, as if tapped
  if (clear_w > 0) {
    ImGui::SameLine(0, gap);
    // The tap ends the editing (ImGui then leaves the text alone), so the field can be emptied.
    if (button(theme, "search-clear", "×", "", ImVec2(clear_w, min_target(theme)),
               {c.raised, c.text, FontRole::BodySemibold, 1.0f, {.label = "Clear the search"}})) {
      state.query.clear();
    }
  }
  chip_strip(ui, state);

  // A new search or filter shows its results from the top.
  const bool new_list = state.query != state.searched_query || state.topic != state.searched_topic ||
                        state.bookmarked_only != state.searched_bookmarked;
  state.searched_bookmarked = state.bookmarked_only;
  if (state.query != state.searched_query || state.topic != state.searched_topic) {
    SearchFilter filter;
    if (state.topic >= 0) filter.topics.push_back(ui.app.bank().topics[state.topic].id);
    state.hits = ui.app.search(state.query, filter);
    state.searched_query = state.query;
    state.searched_topic = state.topic;
  }
  // Bookmarks change while browsing, so the Saved filter is applied each frame (cheaply, by pointer).
  std::vector<const SearchHit*> hits;
  hits.reserve(state.hits.size());
  for (const SearchHit& hit : state.hits) {
    if (!state.bookmarked_only || ui.app.progress(hit.card).bookmarked) hits.push_back(&hit);
  }
  wrapped_text(theme, FontRole::Caption, c.text_secondary,
               std::to_string(hits.size()) + (hits.size() == 1 ? " card" : " cards"));

  begin_content("##results", 0);
  if (new_list) ImGui::SetScrollY(0);
  const float row_h = 5.2f * em;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(hits.size()), row_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const SearchHit& hit = *hits[i];
      const Card& card = ui.app.bank().cards[hit.card];
      const CardProgress& progress = ui.app.progress(hit.card);
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float width = ImGui::GetContentRegionAvail().x;
      const std::string target = "result-" + std::to_string(i);
      const std::string status = card_status(ui.app, hit.card, ui.now_ms);
      bool held = false;
      // Named by the whole prompt: the row shows two lines of it.
      const bool tapped = tap_area(target.c_str(), ImVec2(width, row_h - 0.3f * em), &held,
                                   {.label = card.prompt + ", " + std::string(level_label(card.level)) + ", " + status +
                                             (progress.bookmarked ? ", saved" : "")});
      ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + width, at.y + row_h - 0.3f * em),
                                                held ? c.raised : c.surface, 0.6f * em);
      ImGui::SetCursorScreenPos(ImVec2(at.x + 0.8f * em, at.y + 0.55f * em));
      clamped_text(theme, FontRole::BodySemibold, c.text, card.prompt, width - 1.6f * em, 2);
      ImGui::SetCursorScreenPos(ImVec2(at.x + 0.8f * em, at.y + row_h - 1.95f * em));
      badge(theme, level_label(card.level), c.raised, c.text_secondary);
      ImGui::SameLine(0, 0.5f * em);
      const ImU32 status_color = status == "New" ? c.primary : status == "Due now" ? c.good : c.text_secondary;
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.15f * em);
      wrapped_text(theme, FontRole::Caption, status_color, status + (progress.bookmarked ? "  ★" : ""));
      ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + row_h));
      if (tapped) ui.nav.open_card(hit.card);
    }
  }
  clipper.End();
  if (hits.empty()) wrapped_text(theme, FontRole::Body, c.text_secondary, no_results_message(ui, state));
  end_content();
}

}  // namespace pyprep::ui
