#include "core/srs/scheduler.h"

#include <doctest/doctest.h>

#include "tests/core/rounding.h"

using namespace pyprep;
using fsrs::Rating;
using pyprep::test::round4;

namespace {

constexpr std::int64_t T0 = 1'700'000'000'000;  // 2023-11-14 22:13:20 UTC

SchedulingSettings without_fuzz() {
  SchedulingSettings s;
  s.fuzz = false;
  return s;
}

const Outcome& of(const Outcomes& outcomes, Rating rating) {
  return outcomes[static_cast<int>(rating) - 1];
}

Schedule learning_second_step() {  // after a first Good at T0
  Schedule card;
  card.state = CardState::Learning;
  card.step = 1;
  card.memory = {2.3065, 2.1181};
  card.reviews = 1;
  card.last_review_ms = T0;
  card.due_ms = T0 + 10 * kMinuteMs;
  return card;
}

Schedule review_card() {  // graduated at T0 with S 2.3065, due two days later
  Schedule card;
  card.state = CardState::Review;
  card.memory = {2.3065, 2.1181};
  card.reviews = 2;
  card.last_review_ms = T0;
  card.due_ms = T0 + 2 * kDayMs;
  return card;
}

}  // namespace

TEST_CASE("new card: Again 1 min, Hard 5.5 min, Good 10 min (second step), Easy graduates after 8 days") {
  const Outcomes out = next_states(Schedule{}, "c", without_fuzz(), T0);
  CHECK(of(out, Rating::Again).interval_ms == 1 * kMinuteMs);
  CHECK(of(out, Rating::Hard).interval_ms == 5 * kMinuteMs + 30'000);
  CHECK(of(out, Rating::Good).interval_ms == 10 * kMinuteMs);
  CHECK(of(out, Rating::Easy).interval_ms == 8 * kDayMs);  // S0(Easy) 8.2956

  const Schedule& again = of(out, Rating::Again).schedule;
  CHECK(again.state == CardState::Learning);
  CHECK(again.step == 0);
  CHECK(again.memory == fsrs::MemoryState{0.212, 6.4133});
  CHECK(again.reviews == 1);
  CHECK(again.last_review_ms == T0);
  CHECK(again.due_ms == T0 + kMinuteMs);
  CHECK(of(out, Rating::Good).schedule.step == 1);
  CHECK(of(out, Rating::Easy).schedule.state == CardState::Review);
}

TEST_CASE("second learning step: Again restarts, Hard repeats 10 min, Good graduates at 2 days, Easy at 4") {
  const Outcomes out = next_states(learning_second_step(), "c", without_fuzz(), T0 + 10 * kMinuteMs);
  CHECK(of(out, Rating::Again).interval_ms == kMinuteMs);
  CHECK(of(out, Rating::Again).schedule.step == 0);
  CHECK(round4(of(out, Rating::Again).schedule.memory.stability) == 0.7751);  // same-day formula
  CHECK(of(out, Rating::Hard).interval_ms == 10 * kMinuteMs);
  CHECK(of(out, Rating::Hard).schedule.step == 1);
  CHECK(of(out, Rating::Good).schedule.state == CardState::Review);
  CHECK(of(out, Rating::Good).interval_ms == 2 * kDayMs);  // S stays 2.3065 (SInc 0.9945 -> 1)
  CHECK(of(out, Rating::Easy).interval_ms == 4 * kDayMs);  // S 3.9461
  CHECK(of(out, Rating::Good).schedule.reviews == 2);
}

TEST_CASE("one learning step: Hard is 1.5 times the step and Good graduates") {
  SchedulingSettings s = without_fuzz();
  s.learning_steps_ms = {10 * kMinuteMs};
  const Outcomes out = next_states(Schedule{}, "c", s, T0);
  CHECK(of(out, Rating::Again).interval_ms == 10 * kMinuteMs);
  CHECK(of(out, Rating::Hard).interval_ms == 15 * kMinuteMs);
  CHECK(of(out, Rating::Good).interval_ms == 2 * kDayMs);  // S0(Good) 2.3065
  CHECK(of(out, Rating::Good).schedule.state == CardState::Review);
}

TEST_CASE("review 2 days later: Again relearns in 10 min with a lapse; Hard 8, Good 11, Easy 19 days") {
  const Outcomes out = next_states(review_card(), "c", without_fuzz(), T0 + 2 * kDayMs);
  const Schedule& again = of(out, Rating::Again).schedule;
  CHECK(again.state == CardState::Relearning);
  CHECK(of(out, Rating::Again).interval_ms == 10 * kMinuteMs);
  CHECK(again.lapses == 1);
  CHECK(round4(again.memory.stability) == 0.6076);
  CHECK(round4(again.memory.difficulty) == 7.3945);
  CHECK(of(out, Rating::Hard).interval_ms == 8 * kDayMs);    // S 7.5133
  CHECK(of(out, Rating::Good).interval_ms == 11 * kDayMs);   // S 10.9643
  CHECK(of(out, Rating::Easy).interval_ms == 19 * kDayMs);   // S 18.5218
  CHECK(of(out, Rating::Good).schedule.lapses == 0);
  CHECK(of(out, Rating::Good).schedule.due_ms == T0 + 13 * kDayMs);
}

TEST_CASE("relearning: Hard on the only step is 15 min, Good graduates at 1 day and Easy is pushed to 2") {
  Schedule card = review_card();
  card.state = CardState::Relearning;
  card.memory = {0.6076, 7.3945};
  card.lapses = 1;
  card.last_review_ms = T0 + 2 * kDayMs;
  const Outcomes out = next_states(card, "c", without_fuzz(), T0 + 2 * kDayMs + 10 * kMinuteMs);
  CHECK(of(out, Rating::Again).interval_ms == 10 * kMinuteMs);
  CHECK(of(out, Rating::Hard).interval_ms == 15 * kMinuteMs);
  CHECK(of(out, Rating::Hard).schedule.state == CardState::Relearning);
  CHECK(of(out, Rating::Good).interval_ms == kDayMs);      // S 0.6597
  CHECK(of(out, Rating::Easy).interval_ms == 2 * kDayMs);  // S 1.1348 rounds to 1: Good < Easy
  CHECK(of(out, Rating::Good).schedule.state == CardState::Review);
  CHECK(of(out, Rating::Again).schedule.lapses == 1);  // a lapse is counted on Review cards only
}

TEST_CASE("without relearning steps a lapse goes straight back to Review") {
  SchedulingSettings s = without_fuzz();
  s.relearning_steps_ms.clear();
  const Outcomes out = next_states(review_card(), "c", s, T0 + 2 * kDayMs);
  CHECK(of(out, Rating::Again).schedule.state == CardState::Review);
  CHECK(of(out, Rating::Again).interval_ms == kDayMs);  // S 0.6076
  CHECK(of(out, Rating::Again).schedule.lapses == 1);
}

TEST_CASE("without learning steps every rating graduates; Easy stays a day above Good at 99% retention") {
  SchedulingSettings s = without_fuzz();
  s.learning_steps_ms.clear();
  s.desired_retention = 0.99;  // intervals 0.0146, 0.0888, 0.1585, 0.5699 days
  const Outcomes out = next_states(Schedule{}, "c", s, T0);
  CHECK(of(out, Rating::Again).interval_ms == kDayMs);
  CHECK(of(out, Rating::Hard).interval_ms == kDayMs);
  CHECK(of(out, Rating::Good).interval_ms == kDayMs);
  CHECK(of(out, Rating::Easy).interval_ms == 2 * kDayMs);
  for (const Outcome& o : out) CHECK(o.schedule.state == CardState::Review);
}

TEST_CASE("Hard never exceeds Good, even with decreasing steps") {
  SchedulingSettings s = without_fuzz();
  s.learning_steps_ms = {10 * kMinuteMs, 1 * kMinuteMs};  // Hard would be 5.5 min, Good 1 min
  const Outcomes out = next_states(Schedule{}, "c", s, T0);
  CHECK(of(out, Rating::Hard).interval_ms == kMinuteMs);
  CHECK(of(out, Rating::Hard).schedule.due_ms == T0 + kMinuteMs);
}

TEST_CASE("steps shortened by a settings change: a card past the last step graduates on Good") {
  SchedulingSettings s = without_fuzz();
  s.learning_steps_ms = {5 * kMinuteMs};
  const Outcomes out = next_states(learning_second_step(), "c", s, T0 + 10 * kMinuteMs);
  CHECK(of(out, Rating::Hard).interval_ms == 7 * kMinuteMs + 30'000);  // first (only) step × 1.5
  CHECK(of(out, Rating::Good).schedule.state == CardState::Review);
}

TEST_CASE("the maximum interval caps review intervals") {
  SchedulingSettings s = without_fuzz();
  s.max_interval_days = 5;
  const Outcomes out = next_states(review_card(), "c", s, T0 + 2 * kDayMs);
  CHECK(of(out, Rating::Hard).interval_ms == 5 * kDayMs);
  CHECK(of(out, Rating::Good).interval_ms == 5 * kDayMs);
  CHECK(of(out, Rating::Easy).interval_ms == 5 * kDayMs);
}

TEST_CASE("fuzzed review intervals stay in their fuzz bands, in order, the same for the same card and count") {
  const SchedulingSettings s;  // fuzz on
  const Outcomes out = next_states(review_card(), "py-list-001", s, T0 + 2 * kDayMs);
  const auto days = [&](Rating r) { return of(out, r).interval_ms / kDayMs; };
  CHECK(of(out, Rating::Hard).interval_ms % kDayMs == 0);
  // Bands by hand: Hard 7.5133 ± 1.7263 -> [6, 9], Good 10.9643 ± 2.0714 -> [9, 13],
  // Easy 18.5218 ± 2.8272 -> [16, 21].
  CHECK(days(Rating::Hard) >= 6);
  CHECK(days(Rating::Hard) <= 9);
  CHECK(days(Rating::Good) >= 9);
  CHECK(days(Rating::Good) <= 13);
  CHECK(days(Rating::Easy) >= 16);
  CHECK(days(Rating::Easy) <= 21);
  CHECK(days(Rating::Hard) <= days(Rating::Good));
  CHECK(days(Rating::Good) < days(Rating::Easy));
  // Seeded from the card id and its review count (2 before this review).
  const double fraction = fsrs::fuzz_fraction("py-list-001", 2);
  CHECK(days(Rating::Good) ==
        fsrs::fuzzed_interval_days(of(out, Rating::Good).schedule.memory.stability, 36500, fraction));
  const Outcomes again = next_states(review_card(), "py-list-001", s, T0 + 2 * kDayMs);
  for (int i = 0; i < 4; ++i) CHECK(again[i].schedule == out[i].schedule);
}

TEST_CASE("elapsed days are whole 24-hour periods and never negative") {
  CHECK(elapsed_days(0, kDayMs - 1) == 0);
  CHECK(elapsed_days(0, kDayMs) == 1);
  CHECK(elapsed_days(0, 5 * kDayMs / 2) == 2);
  CHECK(elapsed_days(5 * kDayMs, 0) == 0);
}

TEST_CASE("a clock that jumped backwards gives positive intervals and the same-day formula") {
  Schedule card = review_card();
  card.last_review_ms = T0 + 5 * kDayMs;  // later than now
  const Outcomes out = next_states(card, "c", without_fuzz(), T0);
  for (const Outcome& o : out) {
    CHECK(o.interval_ms > 0);
    CHECK(o.schedule.due_ms > T0);
  }
  CHECK(of(out, Rating::Good).schedule.memory.stability == 2.3065);  // same day: SInc kept at 1
}
