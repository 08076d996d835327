#pragma once
// Reads a review log in py-fsrs's CSV format (card_id,review_rating,review_time,review_duration)
// into a bank of placeholder cards and review events. Shared by the benchmarks.
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/bank/bank.h"
#include "core/log/event.h"

namespace pyprep::bench {

struct Log {
  Bank bank;
  std::vector<Event> events;
};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
inline std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// "2024-03-29T20:32:32.250000+00:00" (fraction optional, offset always +00:00 in this data).
inline std::int64_t parse_utc_ms(const std::string& t) {
  const auto num = [&](std::size_t at, std::size_t len) { return std::stoll(t.substr(at, len)); };
  const std::int64_t days = days_from_civil(num(0, 4), unsigned(num(5, 2)), unsigned(num(8, 2)));
  std::int64_t ms = ((days * 24 + num(11, 2)) * 60 + num(14, 2)) * 60'000 + num(17, 2) * 1000;
  if (t.size() > 19 && t[19] == '.') ms += num(20, 3);
  return ms;
}

inline bool read_log(const char* path, Log& log) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  std::getline(in, line);  // header
  std::unordered_map<std::string, std::size_t> seen;
  while (std::getline(in, line)) {
    std::stringstream fields(line);
    std::string card, rating, time, duration;
    std::getline(fields, card, ',');
    std::getline(fields, rating, ',');
    std::getline(fields, time, ',');
    std::getline(fields, duration, ',');
    if (seen.emplace(card, log.bank.cards.size()).second) {
      log.bank.cards.push_back(Card{.id = card, .topic = "josh"});
    }
    log.events.push_back(Event{log.events.size() + 1, parse_utc_ms(time),
                               Review{card, std::stoi(rating), std::stoll(duration)}});
  }
  log.bank.topics.push_back(Topic{"josh", "josh"});
  return true;
}

}  // namespace pyprep::bench
