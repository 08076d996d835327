#pragma once
// Short human forms of durations for buttons and lists: "1m", "10m", "3h", "4d", "2.5mo", "1.2y".
#include <cstddef>
#include <cstdint>
#include <string>

namespace pyprep::ui {

std::string short_interval(std::int64_t milliseconds);
// "m:ss" of a count of seconds (negative counts as 0): a countdown.
std::string clock_time(std::int64_t seconds);
// A share 0–1 as a round "64%".
std::string percent(double share);
// "1 answer", "3 answers".
std::string count_of(std::size_t n, const char* one, const char* many);
// The local calendar date of a UTC time, "2026-12-01".
std::string local_date(std::int64_t utc_ms, int utc_offset_min);

// The proleptic Gregorian date `days` days after 1970-01-01.
struct CivilDate {
  std::int64_t year;
  int month;  // 1-12
  int day;    // 1-31
};
CivilDate civil_date(std::int64_t days);
// "Jan" .. "Dec"
const char* month_abbreviation(int month);

}  // namespace pyprep::ui
