#pragma once
// Study queues: which cards are due today and in which order, within the daily limits and the
// topic and level filters.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/log/collection.h"

namespace pyprep {

// Study days start at a local hour (a late-night session still counts for the day before).
struct DayClock {
  int day_start_hour = 4;
  int utc_offset_min = 0;  // local time = UTC + offset

  // Study days since the one containing 1970-01-01 (local).
  std::int64_t day_of(std::int64_t at_ms) const;
  std::int64_t start_of_day(std::int64_t day) const;  // UTC ms
};

// Learning cards due this soon are shown when nothing else is left, instead of making the user
// wait for the minute they fall due.
inline constexpr std::int64_t kLearnAheadMs = 20 * kMinuteMs;

// Whether the study focus (settings' topics and levels) takes in `card`.
bool in_focus(const Settings& settings, const Card& card);

// Card indices (into Collection::cards()) in study order.
struct StudyQueues {
  std::vector<std::size_t> learning;        // (re)learning cards due now, earliest first
  std::vector<std::size_t> reviews;         // review cards due today, earliest first, within the limit
  std::vector<std::size_t> new_cards;       // within the new-card limit, in new-card order
  std::vector<std::size_t> learning_later;  // (re)learning cards due later today, earliest first
  int answered_today = 0;                   // every review today
  int new_introduced_today = 0;             // first reviews of new cards today (count towards the limit)
  int reviews_answered_today = 0;           // reviews of Review cards today (count towards the limit)
};

StudyQueues study_queues(const Collection& collection, const DayClock& clock, std::int64_t now_ms);

// What the Today screen shows.
struct TodayCounts {
  int learning = 0;  // due now or later today
  int reviews = 0;
  int new_cards = 0;
  int answered = 0;
  bool operator==(const TodayCounts&) const = default;
};
TodayCounts today_counts(const StudyQueues& queues);

enum class Queue : std::uint8_t { Learning, Review, New };
struct StudyCard {
  std::size_t card = 0;
  Queue queue = Queue::New;
  bool operator==(const StudyCard&) const = default;
};
// Learning cards due now, then reviews, then new cards, then learning cards due within the
// learn-ahead window; nothing when the day is done.
std::optional<StudyCard> next_card(const StudyQueues& queues, std::int64_t now_ms,
                                   const Collection& collection);

// Every new card passing the filters, in new-card order: by level, then topic (in the bank's
// topic order), then bank order; or shuffled by a seed.
std::vector<std::size_t> new_card_order(const Collection& collection);

}  // namespace pyprep
