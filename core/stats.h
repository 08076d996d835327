#pragma once
// Statistics derived from a replayed collection at a given time.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/collection.h"
#include "core/session.h"

namespace pyprep {

// Pass rate of reviews made at least one whole day after the card's previous review (the
// retention FSRS aims at; same-day learning steps would inflate it).
struct Retention {
  int passed = 0;
  int total = 0;
  double rate() const { return total > 0 ? double(passed) / total : 0.0; }
  bool operator==(const Retention&) const = default;
};

// Suspended cards are counted as suspended, not by their state.
struct StateCounts {
  int new_cards = 0;
  int learning = 0;
  int review = 0;
  int relearning = 0;
  int suspended = 0;
  bool operator==(const StateCounts&) const = default;
};

// Mean current retrievability of a group of cards; a new card counts as 0 (nothing learnt yet),
// so mastery grows as cards are studied, not only as they are remembered.
struct Mastery {
  double mean_retrievability = 0.0;
  int cards = 0;
};

inline constexpr int kForecastDays = 30;
// Days of review history the app keeps in its stats: 17 weeks, the Stats screen's calendar.
inline constexpr int kHistoryDays = 7 * 17;

struct Stats {
  Retention retention_7d;  // reviews today and the 6 days before
  Retention retention_30d;
  Retention retention_all;
  std::vector<int> reviews_per_day;  // oldest first; the last entry is today
  // Consecutive study days ending today, or yesterday while today has no review yet.
  int streak_days = 0;
  // Cards falling due on each of the next days; [0] is today, overdue cards included.
  std::array<int, kForecastDays> due_forecast{};
  std::vector<Mastery> topic_mastery;  // indexed like bank().topics
  std::array<Mastery, 4> level_mastery;  // indexed by Level
  StateCounts counts;
  // Code tasks: how many the bank has, how many the user solved (a run passed every case), and
  // all runs of the user's code.
  int code_tasks = 0;
  int code_solved = 0;
  std::int64_t code_runs = 0;
};

Stats compute_stats(const Collection& collection, const DayClock& clock, std::int64_t now_ms,
                    int history_days = 30);

}  // namespace pyprep
