#include "widgets/charts.h"

#include <imgui.h>

#include <algorithm>
#include <numeric>
#include <string>

#include "widgets/colors.h"
#include "widgets/format.h"
#include "widgets/frame_records.h"
#include "widgets/text.h"

namespace pyprep::ui {

void bar_chart(const Theme& theme, const std::vector<int>& values, ImU32 color, float height_em,
               const std::string& first_label, const std::string& last_label) {
  // What a screen reader says of it: the figures the bars show, not each bar.
  const int total = std::accumulate(values.begin(), values.end(), 0);
  const int most = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  const MirrorText spoken(first_label + " to " + last_label + ": " + std::to_string(total) + " in all, at most " +
                          std::to_string(most) + " in a day.");
  const Palette& c = theme.colors();
  const float em = theme.em();
  const int peak = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  wrapped_text(theme, FontRole::Caption, c.text_secondary, peak > 0 ? "max " + std::to_string(peak) + " a day" : " ");
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = height_em * em;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddLine(ImVec2(at.x, at.y + height), ImVec2(at.x + width, at.y + height), c.border);
  if (peak == 0) {  // an empty chart says so rather than showing a blank
    const char* empty = "Nothing here yet";
    const ImVec2 size = text_size(theme, FontRole::Caption, empty);
    add_text(draw, theme.font(FontRole::Caption), font_px(theme, FontRole::Caption),
             ImVec2(at.x + (width - size.x) / 2, at.y + (height - size.y) / 2), c.text_secondary, empty);
  }
  const float slot = values.empty() ? width : width / static_cast<float>(values.size());
  const float bar = std::max(1.0f, slot * 0.7f);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] <= 0) continue;
    const float h = std::max(0.15f * em, height * values[i] / static_cast<float>(std::max(peak, 1)));
    const float x = at.x + slot * i + (slot - bar) / 2;
    draw->AddRectFilled(ImVec2(x, at.y + height - h), ImVec2(x + bar, at.y + height), color,
                        std::min(bar / 2, 0.2f * em), ImDrawFlags_RoundCornersTop);
  }
  ImGui::Dummy(ImVec2(width, height + 0.2f * em));
  const ImVec2 labels_at = ImGui::GetCursorPos();
  wrapped_text(theme, FontRole::Caption, c.text_secondary, first_label);
  ImGui::SetCursorPos(ImVec2(labels_at.x + width - text_size(theme, FontRole::Caption, last_label).x, labels_at.y));
  text_line(theme, FontRole::Caption, c.text_secondary, last_label);
}

void heatmap(const Theme& theme, const std::vector<int>& per_day, std::int64_t today) {
  const long studied = std::count_if(per_day.begin(), per_day.end(), [](int n) { return n > 0; });
  const MirrorText spoken("Studied on " + std::to_string(studied) + " of the last " + std::to_string(per_day.size()) +
                          " days.");
  const Palette& c = theme.colors();
  const float em = theme.em();
  const int today_weekday = static_cast<int>(((today + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
  ImFont* font = theme.font(FontRole::Caption);
  const float label_size = font_px(theme, FontRole::Caption);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float gutter = text_size(theme, FontRole::Caption, "Mon").x + 0.4f * em;
  const ImVec2 at(top.x + gutter, top.y + label_size + 0.2f * em);  // the first cell
  const float width = ImGui::GetContentRegionAvail().x - gutter;
  // Columns are weeks Monday..Sunday; the last column holds today.
  const int days = static_cast<int>(per_day.size());
  const int weeks = (days - (today_weekday + 1) + 6) / 7 + 1;
  const float gap = 0.18f * em;
  const float cell = std::min((width - gap * (weeks - 1)) / weeks, 1.3f * em);
  const int peak = per_day.empty() ? 0 : *std::max_element(per_day.begin(), per_day.end());
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int weekday : {0, 2, 4}) {
    static constexpr const char* kNames[] = {"Mon", "", "Wed", "", "Fri"};
    add_text(draw, font, label_size, ImVec2(top.x, at.y + weekday * (cell + gap) + (cell - label_size) / 2),
             c.text_secondary, kNames[weekday]);
  }
  float month_label_end = -1e9f;  // a month's name is left out where the previous one would overlap
  for (int i = 0; i < days; ++i) {
    const int back = days - 1 - i;  // days before today
    const int slot = today_weekday - back;  // weekday slots counted from this week's Monday
    const int week = weeks - 1 + (slot >= 0 ? 0 : (slot + 1) / 7 - 1);
    const int weekday = ((slot % 7) + 7) % 7;
    if (week < 0) continue;
    const ImVec2 min(at.x + week * (cell + gap), at.y + weekday * (cell + gap));
    const float level = per_day[i] == 0 || peak == 0 ? 0.0f : 0.25f + 0.75f * per_day[i] / float(peak);
    const ImU32 fill = level == 0 ? c.raised : mix(c.raised, c.good, level);
    draw->AddRectFilled(min, ImVec2(min.x + cell, min.y + cell), fill, 0.2f * em);
    const CivilDate date = civil_date(today - back);
    if (date.day == 1 || i == 0) {
      const char* name = month_abbreviation(date.month);
      const float name_w = text_size(theme, FontRole::Caption, name).x;
      const float x = std::min(min.x, at.x + width - name_w);  // the last month's name stays inside
      if (x >= month_label_end) {
        add_text(draw, font, label_size, ImVec2(x, top.y), c.text_secondary, name);
        month_label_end = x + name_w + 0.4f * em;
      }
    }
  }
  ImGui::Dummy(ImVec2(gutter + width, at.y - top.y + 7 * (cell + gap)));
}

}  // namespace pyprep::ui
