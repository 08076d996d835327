#include "core/srs/scheduler.h"

#include <algorithm>
#include <optional>

namespace pyprep {
namespace {

using fsrs::Rating;

struct StepMove {
  int step;
  std::int64_t interval_ms;
};

// Where the rating moves a card within its (re)learning steps; nullopt when it graduates to (or
// stays in) Review. A New card counts as being on the first learning step.
std::optional<StepMove> step_move(const Schedule& card, const std::vector<std::int64_t>& steps,
                                  Rating rating) {
  if (steps.empty()) return std::nullopt;
  if (card.state == CardState::Review) {
    if (rating == Rating::Again) return StepMove{0, steps[0]};
    return std::nullopt;
  }
  const int last = static_cast<int>(steps.size()) - 1;
  // The steps may have been shortened by a settings change since the card entered them.
  const int step = card.state == CardState::New ? 0 : std::min(card.step, last);
  switch (rating) {
    case Rating::Again:
      return StepMove{0, steps[0]};
    case Rating::Hard:
      if (step > 0) return StepMove{step, steps[step]};
      return StepMove{0, steps.size() >= 2 ? (steps[0] + steps[1]) / 2 : steps[0] * 3 / 2};
    case Rating::Good:
      if (step < last) return StepMove{step + 1, steps[step + 1]};
      return std::nullopt;
    case Rating::Easy:
      return std::nullopt;
  }
  return std::nullopt;
}

void set_interval(Outcome& outcome, std::int64_t interval_ms, std::int64_t now_ms) {
  outcome.interval_ms = interval_ms;
  outcome.schedule.due_ms = now_ms + interval_ms;
}

// Fuzz and rounding act on each rating separately; this restores Hard ≤ Good < Easy.
void keep_order(Outcomes& outcomes, std::int64_t now_ms, int max_interval_days) {
  Outcome& hard = outcomes[1];
  Outcome& good = outcomes[2];
  Outcome& easy = outcomes[3];
  if (hard.interval_ms > good.interval_ms) set_interval(hard, good.interval_ms, now_ms);
  if (easy.interval_ms <= good.interval_ms) {
    set_interval(easy, std::min(good.interval_ms + kDayMs, max_interval_days * kDayMs), now_ms);
  }
}

}  // namespace

int elapsed_days(std::int64_t from_ms, std::int64_t to_ms) {
  return static_cast<int>(std::max<std::int64_t>(to_ms - from_ms, 0) / kDayMs);
}

Outcomes next_states(const Schedule& card, std::string_view card_id,
                     const SchedulingSettings& settings, std::int64_t now_ms) {
  const fsrs::Parameters& w = settings.parameters;
  const bool relearning = card.state == CardState::Review || card.state == CardState::Relearning;
  const std::vector<std::int64_t>& steps =
      relearning ? settings.relearning_steps_ms : settings.learning_steps_ms;
  const int days = elapsed_days(card.last_review_ms, now_ms);
  const double fuzz = fsrs::fuzz_fraction(card_id, card.reviews);
  const std::array<fsrs::MemoryState, 4> memories =
      card.state == CardState::New ? std::array<fsrs::MemoryState, 4>{} : fsrs::next_states(card.memory, days, w);
  const fsrs::IntervalDays interval_days(settings.desired_retention, w);

  Outcomes outcomes;
  for (const Rating rating : fsrs::kRatings) {
    Outcome& outcome = outcomes[static_cast<int>(rating) - 1];
    Schedule& next = outcome.schedule;
    next = card;
    next.memory = card.state == CardState::New ? fsrs::initial_state(rating, w)
                                               : memories[static_cast<int>(rating) - 1];
    next.reviews = card.reviews + 1;
    next.last_review_ms = now_ms;
    if (card.state == CardState::Review && rating == Rating::Again) ++next.lapses;

    if (const std::optional<StepMove> move = step_move(card, steps, rating)) {
      next.state = relearning ? CardState::Relearning : CardState::Learning;
      next.step = move->step;
      set_interval(outcome, move->interval_ms, now_ms);
    } else {
      next.state = CardState::Review;
      next.step = 0;
      const double ideal = interval_days(next.memory.stability);
      const int interval = settings.fuzz
                               ? fsrs::fuzzed_interval_days(ideal, settings.max_interval_days, fuzz)
                               : fsrs::rounded_interval_days(ideal, settings.max_interval_days);
      set_interval(outcome, interval * kDayMs, now_ms);
    }
  }
  keep_order(outcomes, now_ms, settings.max_interval_days);
  return outcomes;
}

}  // namespace pyprep
