#pragma once
// Card scheduling on top of FSRS: learning and relearning steps in minutes, review intervals in
// days. `next_states` returns all four outcomes so the UI can show each interval under its
// button; the app commits the chosen one as a review event.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/srs/fsrs.h"

namespace pyprep {

inline constexpr std::int64_t kMinuteMs = 60'000;
inline constexpr std::int64_t kDayMs = 86'400'000;

enum class CardState : std::uint8_t { New, Learning, Review, Relearning };

struct SchedulingSettings {
  fsrs::Parameters parameters = fsrs::kDefaultParameters;
  double desired_retention = 0.9;
  int max_interval_days = 36500;
  std::vector<std::int64_t> learning_steps_ms = {1 * kMinuteMs, 10 * kMinuteMs};
  std::vector<std::int64_t> relearning_steps_ms = {10 * kMinuteMs};
  bool fuzz = true;
  bool operator==(const SchedulingSettings&) const = default;
};

// The scheduling part of a card's progress. `memory` is meaningful once the card left New.
struct Schedule {
  CardState state = CardState::New;
  fsrs::MemoryState memory;
  int step = 0;     // index into the (re)learning steps while Learning/Relearning
  int reviews = 0;  // every review counts, same-day ones too (it seeds the fuzz)
  int lapses = 0;   // Again on a Review card
  std::int64_t due_ms = 0;
  std::int64_t last_review_ms = 0;
  bool operator==(const Schedule&) const = default;
};

struct Outcome {
  Schedule schedule;
  std::int64_t interval_ms = 0;  // due_ms − now: what the button shows
};
// Indexed by rating − 1. Intervals satisfy Hard ≤ Good < Easy.
using Outcomes = std::array<Outcome, 4>;

// Whole 24-hour periods from `from_ms` to `to_ms`; 0 if the clock went backwards.
int elapsed_days(std::int64_t from_ms, std::int64_t to_ms);

Outcomes next_states(const Schedule& card, std::string_view card_id,
                     const SchedulingSettings& settings, std::int64_t now_ms);

}  // namespace pyprep
