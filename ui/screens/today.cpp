// Today: what is due, the streak, a big Start button, and the focus filter (topics and levels).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "screens/screens.h"
#include "widgets/controls.h"
#include "widgets/frame_records.h"
#include "widgets/text.h"

namespace pyprep::ui {
namespace {

void count_row(const Theme& theme, const char* label, int value, ImU32 color) {
  const float em = theme.em();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const std::string number = std::to_string(value);
  const MirrorText spoken(std::string(label) + ": " + number);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddCircleFilled(ImVec2(at.x + 0.35f * em, at.y + 0.75f * em), 0.3f * em, color);
  ImGui::SetCursorScreenPos(ImVec2(at.x + 1.1f * em, at.y + 0.1f * em));
  wrapped_text(theme, FontRole::Body, theme.colors().text, label);
  const float number_w = text_size(theme, FontRole::Headline, number).x;
  ImGui::SetCursorScreenPos(ImVec2(at.x + width - number_w, at.y));
  text_line(theme, FontRole::Headline, theme.colors().text, number);
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + 1.9f * em));
}

// Chips that toggle membership of `value` in `chosen` (empty = all).
template <class T>
bool toggle(std::vector<T>& chosen, const T& value) {
  auto it = std::find(chosen.begin(), chosen.end(), value);
  if (it == chosen.end()) chosen.push_back(value);
  else chosen.erase(it);
  return true;
}

// Lays chips out left to right, wrapping to the next line when one does not fit.
void next_chip_position(const Theme& theme, float chip_width) {
  const float spacing = 0.4f * theme.em();
  ImGui::SameLine(0, spacing);
  if (ImGui::GetContentRegionAvail().x < chip_width) ImGui::NewLine();
}

float chip_width(const Theme& theme, std::string_view label) {
  return text_size(theme, FontRole::Body, label).x + 1.6f * theme.em();
}

void focus_filter(Ui& ui, TodayState& state) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const Settings& settings = ui.app.settings();
  wrapped_text(theme, FontRole::Headline, c.text, "Focus");

  std::vector<Level> levels = settings.levels;
  bool levels_changed = false;
  if (chip(theme, "level-all", "All", levels.empty())) {
    levels.clear();
    levels_changed = true;
  }
  for (Level level : kLevels) {
    const char* label = level_label(level);
    next_chip_position(theme, chip_width(theme, label));
    const std::string target = std::string("level-") + label;
    if (chip(theme, target.c_str(), label, std::count(levels.begin(), levels.end(), level) > 0)) {
      levels_changed = toggle(levels, level);
    }
  }
  if (levels_changed) {
    if (Status changed = ui.app.change_settings({.levels = levels}, ui.now_ms); !changed) {
      state.notice = changed.error().reason;
    }
  }

  const std::vector<std::string>& topics = settings.topics;
  std::string summary = "All topics";
  if (!topics.empty()) {
    const Topic* first = ui.app.bank().find_topic(topics.front());
    summary = (first ? first->title : topics.front()) +
              (topics.size() > 1 ? " +" + std::to_string(topics.size() - 1) : std::string());
  }
  if (row_button(theme, "topics", "Topics", summary, true)) state.topics_open = !state.topics_open;
  if (!state.topics_open) return;
  std::vector<std::string> chosen = topics;
  bool topics_changed = false;
  if (chip(theme, "topic-all", "All", chosen.empty())) {
    chosen.clear();
    topics_changed = true;
  }
  for (const Topic& topic : ui.app.bank().topics) {
    next_chip_position(theme, chip_width(theme, topic.title));
    const std::string target = "topic-" + topic.id;
    if (chip(theme, target.c_str(), topic.title, std::count(chosen.begin(), chosen.end(), topic.id) > 0)) {
      topics_changed = toggle(chosen, topic.id);
    }
  }
  if (topics_changed) {
    if (Status changed = ui.app.change_settings({.topics = chosen}, ui.now_ms); !changed) {
      state.notice = changed.error().reason;
    }
  }
}

// Installing, suggested once, when the user has come back on a few days.
void install_suggestion(Ui& ui, TodayState& state, const Stats& stats) {
  constexpr long kDaysBeforeSuggesting = 3;
  const Platform::InstallOffer offer = ui.platform.install_offer();
  if (offer == Platform::InstallOffer::None) return;
  if (!state.install_suggested) {
    const long days = std::count_if(stats.reviews_per_day.begin(), stats.reviews_per_day.end(), [](int n) { return n > 0; });
    if (days < kDaysBeforeSuggesting || !ui.platform.take_install_suggestion()) return;
    state.install_suggested = true;
  }
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  begin_surface(theme);
  wrapped_text(theme, FontRole::Body, c.text, install_pitch(offer));
  const float width = ImGui::GetContentRegionAvail().x;
  const float gap = 0.4f * em, each = (width - gap) / 2;
  if (offer == Platform::InstallOffer::Prompt) {
    if (button(theme, "install-suggested", "Install", "", ImVec2(each, 2.9f * em), {c.primary, c.on_primary})) {
      ui.platform.install();
      state.install_suggested = false;
    }
    ImGui::SameLine(0, gap);
  }
  if (button(theme, "install-later", offer == Platform::InstallOffer::Prompt ? "Not now" : "OK", "",
             ImVec2(each, 2.9f * em), {c.raised, c.primary})) {
    state.install_suggested = false;
  }
  end_surface(theme, c.surface);
}

}  // namespace

void today_screen(Ui& ui, TodayState& state) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  begin_content("##today", 0);
  const Stats& stats = ui.app.stats(ui.now_ms);
  const ImVec2 title_at = ImGui::GetCursorPos();
  screen_title(theme, "PyPrep", "Python interview practice");
  if (stats.streak_days > 0) {
    const std::string streak = std::to_string(stats.streak_days) + "-day streak";
    const float w = text_size(theme, FontRole::Caption, streak).x + 0.9f * em;
    const ImVec2 after = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(title_at.x + ImGui::GetContentRegionAvail().x - w, title_at.y + 0.45f * em));
    badge(theme, streak, c.accent, rgb(0x1B1F2A));
    ImGui::SetCursorPos(after);
  }

  const TodayCounts today = ui.app.today(ui.now_ms);
  const int due = today.learning + today.reviews + today.new_cards;
  begin_surface(theme);
  count_row(theme, "Due reviews", today.reviews, c.good);
  count_row(theme, "Learning", today.learning, c.hard);
  count_row(theme, "New", today.new_cards, c.primary);
  ImGui::Dummy(ImVec2(0, 0.2f * em));
  const float width = ImGui::GetContentRegionAvail().x;
  const std::string caption = due == 0 ? "Nothing due. You are done for today."
                                       : std::to_string(today.answered) + " answered today";
  if (button(theme, "start", due == 0 ? "Study anyway" : "Start studying", caption, ImVec2(width, 3.6f * em),
             {due == 0 ? c.raised : c.primary, due == 0 ? c.text : c.on_primary})) {
    ui.nav.open_study();
  }
  end_surface(theme, c.surface);
  if (const MockInterview* open = ui.app.open_mock()) {
    if (row_button(theme, "mock", "Mock interview in progress",
                   std::to_string(*open->current() + 1) + " of " + std::to_string(open->cards.size()))) {
      ui.nav.open_mock();
    }
  } else if (row_button(theme, "mock", "Mock interview: timed, with a report", "")) {
    ui.nav.open_mock();
  }

  // What could lose the user's work gets said where they look first.
  if (const std::size_t problems = ui.app.health().problems.size();
      problems > 0 && row_button(theme, "data-problems",
                                 std::to_string(problems) + (problems == 1 ? " saved record" : " saved records") +
                                     " could not be used",
                                 "Details", false)) {
    ui.nav.select_tab(Tab::Settings);
  }
  if (backup_suggested(ui)) {
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    wrapped_text(theme, FontRole::Body, c.text,
                 "This browser may clear your progress when space runs low. Keep a backup file.");
    if (button(theme, "backup-suggested", "Back up now", "", ImVec2(ImGui::GetContentRegionAvail().x, 2.9f * em),
               {c.raised, c.primary})) {
      state.backup_message = backup_now(ui).message;
    }
  }
  for (const std::string* said : {&state.backup_message, &state.notice}) {
    if (!said->empty()) wrapped_text(theme, FontRole::Caption, c.text_secondary, *said);
  }

  install_suggestion(ui, state, stats);
  focus_filter(ui, state);

  ImGui::Dummy(ImVec2(0, 0.5f * em));
  wrapped_text(theme, FontRole::Headline, c.text, "Mastery by topic");
  wrapped_text(theme, FontRole::Caption, c.text_secondary, mastery_meaning());
  const auto& topics = ui.app.bank().topics;
  for (std::size_t i = 0; i < topics.size() && i < stats.topic_mastery.size(); ++i) {
    const Mastery& mastery = stats.topic_mastery[i];
    if (mastery.cards == 0) continue;
    const int percent = static_cast<int>(mastery.share() * 100 + 0.5);
    labelled_bar(theme, topics[i].title, std::to_string(percent) + "%", static_cast<float>(mastery.share()), c.good);
  }
  start_problems(ui);
  end_content();
}

}  // namespace pyprep::ui
