#pragma once
// Statistics derived from a replayed collection at a given time.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/log/collection.h"
#include "core/study/queues.h"

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

// A card is mastered when the scheduler expects it to be recalled three weeks after its last
// review: its FSRS stability (the days until recall falls to 90%) is at least 21 days. A card
// just relearnt after Again has a small stability however fresh it is, so mastery cannot be
// inflated by recent answers; new and learning cards are not mastered.
inline constexpr double kMasteredStabilityDays = 21.0;
struct Mastery {
  int mastered = 0;
  int cards = 0;
  double share() const { return cards == 0 ? 0.0 : double(mastered) / cards; }
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
