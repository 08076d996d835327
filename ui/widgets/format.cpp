#include "widgets/format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pyprep::ui {

std::string short_interval(std::int64_t milliseconds) {
  const double minutes = std::max<double>(0, milliseconds) / 60000.0;
  char text[32];
  if (minutes < 60) {
    std::snprintf(text, sizeof text, "%dm", std::max(1, static_cast<int>(std::lround(minutes))));
  } else if (minutes < 24 * 60) {
    std::snprintf(text, sizeof text, "%dh", static_cast<int>(std::lround(minutes / 60)));
  } else if (const double days = minutes / (24 * 60); days < 30.5) {
    std::snprintf(text, sizeof text, "%dd", static_cast<int>(std::lround(days)));
  } else if (days < 365) {
    std::snprintf(text, sizeof text, "%.1fmo", days / 30.4);
  } else {
    std::snprintf(text, sizeof text, "%.1fy", days / 365.25);
  }
  return text;
}

std::string count_of(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

CivilDate civil_date(std::int64_t days) {
  // Counting 400-year eras from 0000-03-01.
  days += 719'468;
  const std::int64_t era = (days >= 0 ? days : days - 146'096) / 146'097;
  const std::int64_t day_of_era = days - era * 146'097;
  const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_index = (5 * day_of_year + 2) / 153;  // 0 = March
  const int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  const int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

const char* month_abbreviation(int month) {
  static constexpr const char* kNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return kNames[std::clamp(month, 1, 12) - 1];
}

std::string local_date(std::int64_t utc_ms, int utc_offset_min) {
  const std::int64_t local_ms = utc_ms + std::int64_t{utc_offset_min} * 60'000;
  const std::int64_t days = local_ms / 86'400'000 - (local_ms % 86'400'000 < 0 ? 1 : 0);
  const CivilDate date = civil_date(days);
  char text[32];
  std::snprintf(text, sizeof text, "%04lld-%02d-%02d", static_cast<long long>(date.year), date.month, date.day);
  return text;
}

std::string clock_time(std::int64_t seconds) {
  seconds = std::max<std::int64_t>(seconds, 0);
  const std::string secs = std::to_string(seconds % 60);
  return std::to_string(seconds / 60) + ":" + (secs.size() < 2 ? "0" : "") + secs;
}

std::string percent(double share) { return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%"; }

}  // namespace pyprep::ui
