#include "core/study/stats.h"

#include <doctest/doctest.h>

#include <vector>

#include "tests/core/rounding.h"
#include "tests/core/sample_bank.h"

using namespace pyprep;
using namespace pyprep::test;

namespace {

constexpr std::int64_t kMidnight = 1'700'006'400'000;  // 2023-11-15 00:00 UTC
constexpr std::int64_t kNoon = kMidnight + 12 * 3'600'000;
const DayClock kUtc{4, 0};

std::int64_t noon(int day) { return kNoon + day * kDayMs; }

using History = SampleCollection;

// Reviews on days -40 … -1 relative to day 0 ("today"); see the retention test for which count.
void fill(History& h) {
  h.answer(noon(-40), "a1", 4);  // first review: not a retention sample
  h.answer(noon(-35), "a2", 3);
  h.answer(noon(-33), "a2", 3);                  // pass, 2 days after
  h.answer(noon(-20), "a1", 3);                  // pass, 20 days after
  h.answer(noon(-10), "b1", 3);                  // first review
  h.answer(noon(-8), "b1", 1);                   // fail, 2 days after
  h.answer(noon(-8) + 10 * kMinuteMs, "b1", 3);  // same day: not a sample
  h.answer(noon(-1), "b1", 3);                   // pass, 7 days after
}

}  // namespace

TEST_CASE("true retention counts reviews at least a day after the previous one, over 7, 30 and all days") {
  History h;
  fill(h);
  const Stats s = compute_stats(h.collection, kUtc, noon(0));
  CHECK(s.retention_7d == Retention{1, 1});
  CHECK(s.retention_30d == Retention{2, 3});
  CHECK(s.retention_all == Retention{3, 4});
  CHECK(s.retention_all.rate() == 0.75);
  CHECK(Retention{}.rate() == 0.0);
}

TEST_CASE("reviews per day cover the last N study days, today last") {
  History h;
  fill(h);
  h.answer(noon(0), "b2", 2);
  const Stats s = compute_stats(h.collection, kUtc, noon(0) + 1, 30);
  REQUIRE(s.reviews_per_day.size() == 30);
  std::vector<int> expected(30, 0);
  expected[29] = 1;       // today
  expected[29 - 1] = 1;   // yesterday
  expected[29 - 8] = 2;
  expected[29 - 10] = 1;
  expected[29 - 20] = 1;
  CHECK(s.reviews_per_day == expected);
}

TEST_CASE("streak counts consecutive study days up to today; an unstudied today does not break it") {
  History h;
  fill(h);
  CHECK(compute_stats(h.collection, kUtc, noon(0)).streak_days == 1);  // yesterday only
  CHECK(compute_stats(h.collection, kUtc, noon(1)).streak_days == 0);  // missed today (day 0)
  h.answer(noon(0), "b2", 3);
  CHECK(compute_stats(h.collection, kUtc, noon(0) + 1).streak_days == 2);
  // 03:00 on day 1 still belongs to day 0 (days start at 04:00).
  CHECK(compute_stats(h.collection, kUtc, noon(1) - 9 * 3'600'000).streak_days == 2);
}

TEST_CASE("counts by state put suspended cards under suspended") {
  History h;
  fill(h);
  h.answer(noon(0), "b2", 2);
  h.apply(noon(0), SetSuspended{"a2", true});
  CHECK(compute_stats(h.collection, kUtc, noon(0)).counts == StateCounts{1, 1, 2, 0, 1});
}

TEST_CASE("due forecast: overdue cards count today, suspended cards not at all") {
  History h;
  h.apply(noon(-20), ChangeSettings{{.fuzz = false}});
  h.answer(noon(-20), "b3", 4);  // due day -12: overdue
  h.answer(noon(0), "b1", 4);    // due day 8 (S0 Easy 8.2956)
  h.answer(noon(0), "a1", 4);
  h.answer(noon(0), "b2", 3);    // learning, due in 10 minutes
  h.answer(noon(0), "a2", 4);
  h.apply(noon(0), SetSuspended{"a2", true});
  const Stats s = compute_stats(h.collection, kUtc, noon(0) + 1);
  std::array<int, kForecastDays> expected{};
  expected[0] = 2;
  expected[8] = 2;
  CHECK(s.due_forecast == expected);
}

TEST_CASE("mastery counts cards whose stability reaches 21 days; a fresh relearn does not count") {
  History h;
  h.answer(noon(0), "b1", 4);   // Easy: S 8.2956
  h.answer(noon(0), "b2", 3);   // Good: S 2.3065
  h.answer(noon(0), "a1", 4);
  h.answer(noon(9), "b1", 4);   // Easy again, 9 days on
  h.answer(noon(9), "a1", 4);
  h.answer(noon(40), "a1", 1);  // then forgotten: relearning, answered minutes ago
  const Stats s = compute_stats(h.collection, kUtc, noon(40) + 1);

  // The expected counts come from the scheduler's state, not from compute_stats.
  auto schedule_of = [&](const char* id) -> const Schedule& {
    for (std::size_t i = 0; i < h.bank.cards.size(); ++i)
      if (h.bank.cards[i].id == id) return h.collection.cards()[i].schedule;
    FAIL("no card " << id);
    return h.collection.cards()[0].schedule;
  };
  REQUIRE(schedule_of("b1").state == CardState::Review);
  REQUIRE(schedule_of("b1").memory.stability >= 21.0);
  REQUIRE(schedule_of("b2").memory.stability < 21.0);
  REQUIRE(schedule_of("a1").state == CardState::Relearning);

  REQUIRE(s.topic_mastery.size() == 2);
  CHECK(s.topic_mastery[0].cards == 3);  // basics: b1, b2, b3
  CHECK(s.topic_mastery[0].mastered == 1);
  CHECK(s.topic_mastery[0].share() == doctest::Approx(1.0 / 3));
  CHECK(s.topic_mastery[1].mastered == 0);  // a1 was stable, but is being relearnt
  const Mastery& junior = s.level_mastery[static_cast<int>(Level::Junior)];
  CHECK(junior.cards == 1);
  CHECK(junior.mastered == 1);
  CHECK(s.level_mastery[static_cast<int>(Level::Beginner)].cards == 2);
  CHECK(s.level_mastery[static_cast<int>(Level::Beginner)].mastered == 0);
  CHECK(Mastery{}.share() == 0.0);
}

TEST_CASE("retention windows: a review 29 days old is in the 30-day figure, one 30 days old only in all; a day apart is a sample") {
  History h;
  h.answer(noon(-31), "a1", 3);
  h.answer(noon(-30), "a1", 3);  // exactly one day after: a sample, age 30
  h.answer(noon(-32), "a2", 3);
  h.answer(noon(-29), "a2", 3);  // a sample, age 29
  h.answer(noon(-7) - kDayMs + 1, "b1", 3);
  h.answer(noon(-7), "b1", 3);   // 1 ms short of a day after: not a sample
  const Stats s = compute_stats(h.collection, kUtc, noon(0));
  CHECK(s.retention_30d == Retention{1, 1});
  CHECK(s.retention_all == Retention{2, 2});
}
