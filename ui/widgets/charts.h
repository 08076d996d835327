#pragma once
// Small charts for the Stats screen, drawn in the app's palette: bars over days and a calendar
// heatmap (weeks across, weekdays down).
#include <cstdint>
#include <string>
#include <vector>

#include "theme.h"

namespace pyprep::ui {

// Bars for `values` (left to right), the tallest filling `height_em`; labels under the first and
// last bar; the largest value written above the chart.
void bar_chart(const Theme& theme, const std::vector<int>& values, ImU32 color, float height_em,
               const std::string& first_label, const std::string& last_label);

// `per_day` oldest first, ending today, the local day `today` (days since 1970-01-01). One
// column per week, Monday at the top; weekdays labelled on the left, months above the week
// they start in.
void heatmap(const Theme& theme, const std::vector<int>& per_day, std::int64_t today);

}  // namespace pyprep::ui
