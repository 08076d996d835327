// Stats: true retention, streak, reviews per day, the due forecast, a calendar heatmap, and
// mastery per topic and level — as charts.
#include <imgui.h>

#include <cstdio>
#include <string>

#include "screens/screens.h"
#include "widgets/charts.h"
#include "widgets/controls.h"
#include "widgets/text.h"

namespace pyprep::ui {
namespace {

std::string percent(const Retention& retention) {
  if (retention.total == 0) return "–";
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", retention.rate() * 100);
  return text;
}

// Small figure tiles of equal width, as tall as the longest label needs: labels wrap inside
// their tile, never past it, and the tiles go on more rows when a figure or a word of a label
// (large text, a narrow phone) would not fit one tile of a single row.
void tiles(const Theme& theme, const std::vector<std::pair<std::string, std::string>>& items) {
  const Palette& c = theme.colors();
  const float em = theme.em();
  const float gap = 0.5f * em, pad = 0.7f * em;
  const float room = ImGui::GetContentRegionAvail().x;
  float widest = 0;
  for (const auto& [figure, label] : items) {
    widest = std::max({widest, text_size(theme, FontRole::Title, figure).x, widest_word(theme, FontRole::Caption, label)});
  }
  std::size_t columns = items.size();
  const auto tile_width = [&](std::size_t n) { return (room - gap * static_cast<float>(n - 1)) / static_cast<float>(n); };
  while (columns > 1 && tile_width(columns) - 2 * pad < widest) --columns;
  const float width = tile_width(columns);
  const float label_top = 2.45f * em;
  float height = 3.8f * em;
  for (const auto& item : items)
    height = std::max(height, label_top + text_size(theme, FontRole::Caption, item.second, width - 2 * pad).y + 0.6f * em);
  ImFont* font = theme.font(FontRole::Caption);
  const float label_size = font_px(theme, FontRole::Caption);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const std::size_t rows = (items.size() + columns - 1) / columns;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ImVec2 min(at.x + static_cast<float>(i % columns) * (width + gap), at.y + static_cast<float>(i / columns) * (height + gap));
    draw->AddRectFilled(min, ImVec2(min.x + width, min.y + height), c.surface, 0.75f * em);
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + 0.5f * em));
    text_line(theme, FontRole::Title, c.text, items[i].first);
    const std::string& label = items[i].second;
    add_text(draw, font, label_size, ImVec2(min.x + pad, min.y + label_top), c.text_secondary, label, width - 2 * pad);
  }
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + static_cast<float>(rows) * (height + gap) - gap));
  ImGui::Dummy(ImVec2(0, 0.3f * em));
}

void mastery_bar(const Theme& theme, std::string_view label, const Mastery& mastery, ImU32 color) {
  labelled_bar(theme, label, std::to_string(mastery.mastered) + " of " + std::to_string(mastery.cards),
               static_cast<float>(mastery.share()), color);
}

void section(const Theme& theme, std::string_view title) {
  ImGui::Dummy(ImVec2(0, 0.5f * theme.em()));
  wrapped_text(theme, FontRole::Headline, theme.colors().text, title);
}

}  // namespace

void stats_screen(Ui& ui) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  begin_content("##stats", 0);
  screen_title(theme, "Stats");
  const DayClock clock = ui.app.clock();
  const Stats& stats = ui.app.stats(ui.now_ms);

  tiles(theme, {{percent(stats.retention_7d), "retention 7 days"},
                {percent(stats.retention_30d), "retention 30 days"},
                {std::to_string(stats.streak_days), "day streak"}});
  int total = 0;
  for (int n : stats.reviews_per_day) total += n;
  tiles(theme, {{percent(stats.retention_all), "retention, all time"},
                {std::to_string(total), "reviews in the last " + std::to_string(stats.reviews_per_day.size() / 7) + " weeks"}});
  wrapped_text(theme, FontRole::Caption, c.text_secondary,
               "Retention counts answers given at least a day after the previous one: the share FSRS aims "
               "to keep at your desired retention.");

  section(theme, "Reviews per day");
  const std::vector<int> last30(stats.reviews_per_day.end() - std::min<std::size_t>(30, stats.reviews_per_day.size()),
                                stats.reviews_per_day.end());
  bar_chart(theme, last30, c.primary, 5.0f, "30 days ago", "today");

  section(theme, "Due in the next 30 days");
  bar_chart(theme, std::vector<int>(stats.due_forecast.begin(), stats.due_forecast.end()), c.hard, 5.0f, "today",
            "in 30 days");

  section(theme, "Study calendar");
  heatmap(theme, stats.reviews_per_day, clock.day_of(ui.now_ms));

  section(theme, "Mastery by level");
  wrapped_text(theme, FontRole::Caption, c.text_secondary, mastery_meaning());
  const Level levels[] = {Level::Beginner, Level::Junior, Level::Mid, Level::Senior};
  for (Level level : levels) mastery_bar(theme, level_label(level), stats.level_mastery[static_cast<int>(level)], c.easy);

  section(theme, "Mastery by topic");
  const auto& topics = ui.app.bank().topics;
  for (std::size_t i = 0; i < topics.size() && i < stats.topic_mastery.size(); ++i) {
    mastery_bar(theme, topics[i].title, stats.topic_mastery[i], c.good);
  }

  section(theme, "Cards");
  const StateCounts& counts = stats.counts;
  tiles(theme, {{std::to_string(counts.new_cards), "new"},
                {std::to_string(counts.learning + counts.relearning), "learning"},
                {std::to_string(counts.review), "in review"},
                {std::to_string(counts.suspended), "suspended"}});

  section(theme, "Code tasks");
  tiles(theme, {{std::to_string(stats.code_solved) + " / " + std::to_string(stats.code_tasks), "solved"},
                {std::to_string(stats.code_runs), stats.code_runs == 1 ? "run" : "runs"}});
  wrapped_text(theme, FontRole::Caption, c.text_secondary,
               "Solved: a run of your own code passed every case of the task.");
  end_content();
}

}  // namespace pyprep::ui
