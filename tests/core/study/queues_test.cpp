#include "core/study/queues.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "ui/platform/bank_dir.h"
#include "tests/core/sample_bank.h"

using namespace pyprep;
using namespace pyprep::test;
using Indices = std::vector<std::size_t>;

namespace {

// 2023-11-15 00:00 UTC; with the default clock (4 am, UTC) the study day starts at 04:00.
constexpr std::int64_t kMidnight = 1'700'006'400'000;
constexpr std::int64_t kHourMs = 3'600'000;
const DayClock kUtc{4, 0};

struct Study : SampleCollection {
  StudyQueues queues(std::int64_t now_ms) const { return study_queues(collection, kUtc, now_ms); }
};

}  // namespace

TEST_CASE("a study day starts at the configured local hour, given the UTC offset") {
  const DayClock utc{4, 0};
  CHECK(utc.day_of(kMidnight + 4 * kHourMs) == utc.day_of(kMidnight + 27 * kHourMs));
  CHECK(utc.day_of(kMidnight + 4 * kHourMs - 1) == utc.day_of(kMidnight + 4 * kHourMs) - 1);
  CHECK(utc.start_of_day(utc.day_of(kMidnight + 12 * kHourMs)) == kMidnight + 4 * kHourMs);

  const DayClock berlin{4, 120};  // UTC+2: the day starts at 02:00 UTC
  CHECK(berlin.start_of_day(berlin.day_of(kMidnight + 12 * kHourMs)) == kMidnight + 2 * kHourMs);
  CHECK(berlin.day_of(kMidnight + 2 * kHourMs - 1) == berlin.day_of(kMidnight + 2 * kHourMs) - 1);

  const DayClock new_york{0, -300};  // midnight in UTC-5 is 05:00 UTC
  CHECK(new_york.start_of_day(new_york.day_of(kMidnight + 12 * kHourMs)) == kMidnight + 5 * kHourMs);
  // Before 1970 the day numbers keep counting down (floor division).
  CHECK(utc.day_of(0) == -1);
  CHECK(utc.start_of_day(-1) == -20 * kHourMs);
}

TEST_CASE("new cards interleave the topics, each topic's in level order, easier first within a turn") {
  const Study s;
  // basics: b2 (beginner), b1 (junior), b3 (mid); async: a1 (beginner), a2 (senior).
  // Turn 1: b2, a1; turn 2: b1 (junior), a2 (senior); turn 3: b3.
  CHECK(new_card_order(s.collection) == Indices{2, 1, 0, 3, 4});
  CHECK(s.queues(kMidnight + 12 * kHourMs).new_cards == Indices{2, 1, 0, 3, 4});
}

TEST_CASE("a first day with Mid and Senior, Django and Databases chosen mixes both topics") {
  const LoadedBank loaded = load_bank_dir(PYPREP_SOURCE_DIR "/assets/bank");
  Collection collection(loaded.bank);
  REQUIRE(collection.apply({1, T0, ChangeSettings{{.topics = std::vector<std::string>{"django", "databases"}, .levels = std::vector<Level>{Level::Mid, Level::Senior}}}}).ok());
  const std::vector<std::size_t> order = new_card_order(collection);
  REQUIRE(order.size() >= 20);
  int django = 0, databases = 0;
  for (std::size_t k = 0; k < 20; ++k) {
    const Card& card = loaded.bank.cards[order[k]];
    CHECK((card.level == Level::Mid || card.level == Level::Senior));
    (card.topic == "django" ? django : databases) += 1;
    if (k % 2 == 1) CHECK(loaded.bank.cards[order[k - 1]].topic != card.topic);  // they take turns
  }
  CHECK(django == 10);
  CHECK(databases == 10);
}

TEST_CASE("the level-then-topic order gives all of one level, topic by topic, then bank order") {
  Study s;
  s.settings({.new_order = NewCardOrder::LevelThenTopic});
  CHECK(new_card_order(s.collection) == Indices{2, 1, 0, 4, 3});
}

TEST_CASE("shuffled new-card order is a seeded permutation: same seed, same order") {
  Study s;
  s.settings({.new_order = NewCardOrder::Shuffled, .shuffle_seed = 1});
  const Indices first = new_card_order(s.collection);
  CHECK(new_card_order(s.collection) == first);
  s.settings({.shuffle_seed = 2});
  Indices second = new_card_order(s.collection);
  Indices sorted_first = first;
  std::sort(sorted_first.begin(), sorted_first.end());
  std::sort(second.begin(), second.end());
  CHECK(sorted_first == Indices{0, 1, 2, 3, 4});
  CHECK(second == sorted_first);
  bool some_seed_differs = false;  // 5! orders: another seed almost surely gives another order
  for (std::uint64_t seed = 2; seed < 10; ++seed) {
    s.settings({.shuffle_seed = seed});
    some_seed_differs = some_seed_differs || new_card_order(s.collection) != first;
  }
  CHECK(some_seed_differs);
}

TEST_CASE("new cards per day count the ones already introduced today") {
  Study s;
  s.settings({.new_per_day = 3});
  const std::int64_t noon = kMidnight + 12 * kHourMs;
  CHECK(s.queues(noon).new_cards == Indices{2, 1, 0});
  s.answer(noon, "b2", 3);
  s.answer(noon, "a1", 3);
  const StudyQueues q = s.queues(noon + kMinuteMs);
  CHECK(q.new_introduced_today == 2);
  CHECK(q.new_cards == Indices{0});
  // The next study day (from 04:00) has room for 3 again. Each topic has had one card, so
  // turn 2 comes next: b1 (junior) and a2 (senior), then b3.
  CHECK(s.queues(kMidnight + 28 * kHourMs).new_cards == Indices{0, 3, 4});
}

TEST_CASE("learning cards due now come first, later ones wait; counts for Today") {
  Study s;
  const std::int64_t noon = kMidnight + 12 * kHourMs;
  s.answer(noon, "b2", 1);  // due in 1 min
  s.answer(noon, "a1", 3);  // due in 10 min
  const StudyQueues now = s.queues(noon + 2 * kMinuteMs);
  CHECK(now.learning == Indices{2});
  CHECK(now.learning_later == Indices{1});
  CHECK(now.answered_today == 2);
  CHECK(today_counts(now) == TodayCounts{2, 0, 3, 2});
  CHECK(next_card(now, noon + 2 * kMinuteMs, s.collection) == StudyCard{2, Queue::Learning});
}

TEST_CASE("review cards due before the next day starts are due today, earliest first, within the limit") {
  Study s;
  const std::int64_t day1 = kMidnight + 10 * kHourMs;
  s.settings({.fuzz = false, .reviews_per_day = 1});
  s.answer(day1, "b1", 4);           // Easy: Review, due in 8 days (S0 8.2956)
  s.answer(day1 + 1000, "a1", 4);    // due 1 s after b1
  const std::int64_t due_day_morning = day1 + 8 * kDayMs - 5 * kHourMs;  // 05:00, due at 10:00
  StudyQueues q = s.queues(due_day_morning);
  CHECK(q.reviews == Indices{0});  // limit 1; b1 is due first
  CHECK(s.queues(due_day_morning - 2 * kHourMs).reviews.empty());  // 03:00: still the day before
  s.answer(due_day_morning, "b1", 3);
  q = s.queues(due_day_morning + kMinuteMs);
  CHECK(q.reviews_answered_today == 1);
  CHECK(q.reviews.empty());  // the limit is used up
  s.settings({.reviews_per_day = 200}, due_day_morning + kMinuteMs);
  CHECK(s.queues(due_day_morning + kMinuteMs).reviews == Indices{1});
}

TEST_CASE("topic and level filters, suspension and burial remove cards from every queue") {
  Study s;
  const std::int64_t noon = kMidnight + 12 * kHourMs;
  s.settings({.topics = std::vector<std::string>{"basics"}});
  CHECK(s.queues(noon).new_cards == Indices{2, 0, 4});
  s.settings({.levels = std::vector<Level>{Level::Beginner, Level::Mid}});
  CHECK(s.queues(noon).new_cards == Indices{2, 4});
  s.apply(noon, SetSuspended{"b2", true});
  CHECK(s.queues(noon).new_cards == Indices{4});
  s.apply(noon, Bury{"b3", kMidnight + 28 * kHourMs});
  CHECK(s.queues(noon).new_cards.empty());
  CHECK(s.queues(kMidnight + 28 * kHourMs).new_cards == Indices{4});  // burial ends next day
}

TEST_CASE("next card: learning due now, then reviews, then new, then learning due within 20 min") {
  Study s;
  s.settings({.new_per_day = 1});
  const std::int64_t noon = kMidnight + 12 * kHourMs;
  s.answer(noon, "b2", 3);  // learning, due in 10 min; new limit now used up
  const StudyQueues q = s.queues(noon);
  CHECK(q.new_cards.empty());
  CHECK(next_card(q, noon, s.collection) == StudyCard{2, Queue::Learning});  // 10 min ahead
  s.settings({.learning_steps_min = std::vector<double>{30}}, noon);
  s.answer(noon + 1, "b2", 1);  // again: due in 30 min, beyond the learn-ahead window
  const StudyQueues later = s.queues(noon + 2);
  CHECK(later.learning_later == Indices{2});
  CHECK_FALSE(next_card(later, noon + 2, s.collection).has_value());
  CHECK(next_card(s.queues(noon + 11 * kMinuteMs), noon + 11 * kMinuteMs, s.collection) ==
        StudyCard{2, Queue::Learning});
}
