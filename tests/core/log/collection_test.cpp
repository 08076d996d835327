#include "core/log/collection.h"

#include <doctest/doctest.h>

#include <vector>

#include "tests/core/rounding.h"
#include "tests/core/sample_bank.h"

using namespace pyprep;
using namespace pyprep::test;

namespace {

Event review(std::uint64_t id, std::int64_t at, const char* card, int rating) {
  return {id, at, Review{card, rating, 5'000}};
}

// Events with ids 1, 2, ... in the order added.
struct Log {
  std::vector<Event> events;
  void add(std::int64_t at_ms, EventBody body) {
    events.push_back({events.size() + 1, at_ms, std::move(body)});
  }
  void review(std::int64_t at_ms, const char* card, int rating) {
    add(at_ms, Review{card, rating, 5'000});
  }
};

// b1: first Good, then Good 10 minutes later: it graduates into Review.
void graduate_b1(Collection& c) {
  REQUIRE(c.apply(review(1, T0, "b1", 3)).ok());
  REQUIRE(c.apply(review(2, T0 + 10 * kMinuteMs, "b1", 3)).ok());
}

}  // namespace

TEST_CASE("replay: a first Good and a Good two days later give S 10.9643 and D 2.1112") {
  const Bank bank = sample_bank();
  Collection c(bank);
  const std::vector<Event> events = {review(1, T0, "b1", 3), review(2, T0 + 2 * kDayMs, "b1", 3)};
  const ReplayReport report = replay(c, events);
  CHECK(report.applied == 2);
  CHECK(report.problems.empty());
  const CardProgress& b1 = c.cards()[0];
  CHECK(b1.schedule.state == CardState::Review);
  CHECK(round4(b1.schedule.memory.stability) == 10.9643);
  CHECK(round4(b1.schedule.memory.difficulty) == 2.1112);
  CHECK(b1.schedule.reviews == 2);
  CHECK(b1.schedule.last_review_ms == T0 + 2 * kDayMs);
  REQUIRE(b1.history.size() == 2);
  CHECK(b1.history[1].event_id == 2);
  CHECK(b1.history[1].rating == fsrs::Rating::Good);
  CHECK(b1.history[1].duration_ms == 5'000);
  CHECK(b1.history[1].before.state == CardState::Learning);
  CHECK(c.cards()[1] == CardProgress{});  // untouched cards stay new
  CHECK(c.last_event_id() == 2);
  CHECK(c.last_event_ms() == T0 + 2 * kDayMs);
}

TEST_CASE("bad events are reported with index, id and reason, skipped, and replay goes on") {
  const Bank bank = sample_bank();
  Collection c(bank);
  const std::vector<Event> events = {
      review(1, T0, "b1", 3),
      review(2, T0 + 1, "gone", 3),
      review(3, T0 + 2, "b1", 0),
      review(4, T0 + 3, "b1", 5),
      {4, T0 + 4, SetSuspended{"b1", true}},
      {3, T0 + 5, SetSuspended{"b1", true}},
      review(5, T0 - 1000, "b1", 3),
      {6, T0 + 10, Review{"b1", 2, -5}},
      review(7, T0 + 10 * kMinuteMs, "b1", 3),
  };
  const ReplayReport report = replay(c, events);
  CHECK(report.applied == 3);
  REQUIRE(report.problems.size() == 6);
  const auto problem = [&](std::size_t i) { return report.problems[i]; };
  CHECK(problem(0).index == 1);
  CHECK(problem(0).event_id == 2);
  CHECK(problem(0).reason == "card 'gone' is not in the question bank");
  CHECK(problem(1).reason == "rating 0 is out of range 1-4");
  CHECK(problem(2).reason == "rating 5 is out of range 1-4");
  CHECK(problem(3).index == 4);
  CHECK(problem(3).reason == "duplicate event id 4");
  CHECK(problem(4).reason == "event id 3 is out of order (after 4)");
  CHECK(problem(5).event_id == 6);
  CHECK(problem(5).reason == "review duration is negative");
  CHECK_FALSE(c.cards()[0].suspended);
  CHECK(c.cards()[0].history.size() == 3);  // a review stamped earlier (a corrected clock) counts
  CHECK(c.cards()[0].schedule.state == CardState::Review);
}

TEST_CASE("a skipped event keeps its id and time taken") {
  const Bank bank = sample_bank();
  Collection c(bank);
  CHECK_FALSE(c.apply(review(9, T0 + 50, "gone", 3)).ok());
  CHECK(c.last_event_id() == 9);
  CHECK(c.last_event_ms() == T0 + 50);
  CHECK(c.apply(review(9, T0 + 60, "b1", 3)).error().reason == "duplicate event id 9");
}

TEST_CASE("applying events one by one equals replaying the whole log") {
  const Bank bank = sample_bank();
  Log log;
  const char* ids[] = {"b1", "a1", "b2", "a2", "b3"};
  std::int64_t t = T0;
  for (int i = 0; i < 120; ++i) {
    t += (i % 7 == 0 ? kDayMs : 3 * kMinuteMs);
    log.review(t, ids[i % 5], 1 + (i * 7) % 4);
    if (i % 11 == 0) log.add(t, Undo{log.events.size()});
    if (i % 17 == 0) log.add(t, SetSuspended{ids[(i + 1) % 5], i % 2 == 0});
    if (i % 19 == 0) log.add(t, Bury{ids[(i + 2) % 5], t + kDayMs});
    if (i == 60) log.add(t, ResetCard{"a1"});
    if (i == 70) log.add(t, ChangeSettings{{.desired_retention = 0.8}});
    if (i == 80) log.add(t, Note{"b2", "remember"});
    if (i == 90) log.add(t, SetBookmarked{"a2", true});
  }
  Collection whole(bank);
  const ReplayReport report = replay(whole, log.events);
  CHECK(report.problems.empty());

  for (const std::size_t split : {std::size_t(0), std::size_t(37), log.events.size() - 1}) {
    CAPTURE(split);
    Collection incremental(bank);
    replay(incremental, std::span(log.events).first(split));
    for (std::size_t i = split; i < log.events.size(); ++i) {
      REQUIRE(incremental.apply(log.events[i]).ok());
    }
    CHECK(incremental.cards() == whole.cards());
    CHECK(incremental.settings() == whole.settings());
    CHECK(incremental.last_event_id() == whole.last_event_id());
  }
  Collection again(bank);
  replay(again, log.events);
  CHECK(again.cards() == whole.cards());  // deterministic
}

TEST_CASE("undo reverts the last review exactly, then the one before") {
  const Bank bank = sample_bank();
  Collection c(bank);
  REQUIRE(c.apply(review(1, T0, "b1", 3)).ok());
  const std::vector<CardProgress> after_first = c.cards();
  REQUIRE(c.apply(review(2, T0 + kMinuteMs, "a1", 1)).ok());
  const std::vector<CardProgress> after_second = c.cards();
  REQUIRE(c.apply(review(3, T0 + 10 * kMinuteMs, "b1", 3)).ok());
  REQUIRE(c.undoable_review("").has_value());
  CHECK(c.undoable_review("")->event_id == 3);
  CHECK(c.undoable_review("")->card == 0);

  REQUIRE(c.apply({4, T0 + 11 * kMinuteMs, Undo{3}}).ok());
  CHECK(c.cards() == after_second);
  REQUIRE(c.apply({5, T0 + 12 * kMinuteMs, Undo{2}}).ok());
  CHECK(c.cards() == after_first);
  CHECK(c.undoable_review("")->event_id == 1);
}

TEST_CASE("undo of anything but the last review in effect is reported") {
  const Bank bank = sample_bank();
  Collection c(bank);
  CHECK(c.apply({1, T0, Undo{1}}).error().reason == "nothing to undo");
  REQUIRE(c.apply(review(2, T0, "b1", 3)).ok());
  REQUIRE(c.apply(review(3, T0 + 1, "b1", 3)).ok());
  CHECK(c.apply({4, T0 + 2, Undo{2}}).error().reason ==
        "undo targets event 2, which is not a card's last review in effect");
  REQUIRE(c.apply({5, T0 + 3, Undo{3}}).ok());
  CHECK(c.apply({6, T0 + 4, Undo{3}}).error().reason ==
        "undo targets event 3, which is not a card's last review in effect");
}

TEST_CASE("two writers: each undoes its own last answer, the other's answers stay") {
  const Bank bank = sample_bank();
  Collection c(bank);
  REQUIRE(c.apply({1, T0, Review{"b1", 3, 1'000}, "tab-a"}).ok());
  REQUIRE(c.apply({2, T0 + 1, Review{"a1", 1, 1'000}, "tab-b"}).ok());
  const CardProgress a1_after = c.cards()[*c.card_index("a1")];
  CHECK(c.undoable_review("tab-a")->event_id == 1);
  CHECK(c.undoable_review("tab-b")->event_id == 2);
  CHECK_FALSE(c.undoable_review("tab-c").has_value());
  REQUIRE(c.apply({3, T0 + 2, Undo{1, "tab-a"}, "tab-a"}).ok());
  CHECK(c.cards()[0].history.empty());
  CHECK(c.cards()[0].schedule == Schedule{});
  CHECK(c.cards()[*c.card_index("a1")] == a1_after);
  CHECK_FALSE(c.undoable_review("tab-a").has_value());
  // The same id from two writers is two events, in writer order; a repeat is a duplicate.
  REQUIRE(c.apply({4, T0 + 3, Review{"b1", 3, 1'000}, "tab-a"}).ok());
  REQUIRE(c.apply({4, T0 + 3, Review{"b2", 3, 1'000}, "tab-b"}).ok());
  CHECK(c.apply({4, T0 + 3, Review{"b2", 3, 1'000}, "tab-b"}).error().reason == "duplicate event id tab-b:4");
  CHECK(c.apply({4, T0 + 3, Review{"b2", 3, 1'000}, "tab-a"}).error().reason ==
        "event id tab-a:4 is out of order (after tab-b:4)");
}

TEST_CASE("a card that lapses 8 times is tagged a leech and, if set, suspended; undo lifts both") {
  const Bank bank = sample_bank();
  for (const bool suspend : {false, true}) {
    CAPTURE(suspend);
    Collection c(bank);
    REQUIRE(c.apply({1, T0, ChangeSettings{{.suspend_leeches = suspend}}}).ok());
    std::uint64_t id = 2;
    REQUIRE(c.apply(review(id++, T0, "b1", 4)).ok());  // Easy: straight to Review
    for (int lapse = 1; lapse <= 8; ++lapse) {
      const std::int64_t day = T0 + lapse * 30 * kDayMs;
      CHECK_FALSE(c.cards()[0].leech);
      REQUIRE(c.apply(review(id++, day, "b1", 1)).ok());  // Again on a Review card: a lapse
      CHECK(c.cards()[0].schedule.lapses == lapse);
      if (lapse < 8) REQUIRE(c.apply(review(id++, day + 10 * kMinuteMs, "b1", 3)).ok());
    }
    CHECK(c.cards()[0].leech);
    CHECK(c.cards()[0].suspended == suspend);
    REQUIRE(c.apply({id, T0 + 300 * kDayMs, Undo{id - 1}}).ok());
    CHECK_FALSE(c.cards()[0].leech);
    CHECK_FALSE(c.cards()[0].suspended);
    CHECK(c.cards()[0].schedule.lapses == 7);
  }
}

TEST_CASE("suspend, bury, bookmark and note change only what they name") {
  const Bank bank = sample_bank();
  Collection c(bank);
  REQUIRE(c.apply({1, T0, SetSuspended{"a1", true}}).ok());
  REQUIRE(c.apply({2, T0, Bury{"b2", T0 + kDayMs}}).ok());
  REQUIRE(c.apply({3, T0, SetBookmarked{"a2", true}}).ok());
  REQUIRE(c.apply({4, T0, Note{"b3", "see PEP 380"}}).ok());
  CHECK(c.cards()[1].suspended);
  CHECK(c.cards()[2].buried_until_ms == T0 + kDayMs);
  CHECK(c.cards()[3].bookmarked);
  CHECK(c.cards()[4].note == "see PEP 380");
  CHECK(c.cards()[0] == CardProgress{});
  REQUIRE(c.apply({5, T0, SetSuspended{"a1", false}}).ok());
  REQUIRE(c.apply({6, T0, SetBookmarked{"a2", false}}).ok());
  REQUIRE(c.apply({7, T0, Note{"b3", ""}}).ok());
  CHECK_FALSE(c.cards()[1].suspended);
  CHECK_FALSE(c.cards()[3].bookmarked);
  CHECK(c.cards()[4].note.empty());
}

TEST_CASE("reset card returns it to New, keeps its history, and its reviews can no longer be undone") {
  const Bank bank = sample_bank();
  Collection c(bank);
  graduate_b1(c);
  REQUIRE(c.apply(review(3, T0 + 11 * kMinuteMs, "a1", 3)).ok());
  REQUIRE(c.apply({4, T0 + 12 * kMinuteMs, SetBookmarked{"b1", true}}).ok());
  REQUIRE(c.apply({5, T0 + 13 * kMinuteMs, ResetCard{"b1"}}).ok());
  const CardProgress& b1 = c.cards()[0];
  CHECK(b1.schedule == Schedule{});
  CHECK(b1.history.size() == 2);
  CHECK(b1.bookmarked);
  REQUIRE(c.apply({6, T0 + 14 * kMinuteMs, Undo{3}}).ok());  // a1's review is still undoable
  CHECK(c.apply({7, T0 + 15 * kMinuteMs, Undo{2}}).error().reason == "nothing to undo");
}

TEST_CASE("reset all progress returns every card to New and keeps notes, bookmarks and settings") {
  const Bank bank = sample_bank();
  Collection c(bank);
  graduate_b1(c);
  REQUIRE(c.apply({3, T0 + kDayMs, Note{"b1", "n"}}).ok());
  REQUIRE(c.apply({4, T0 + kDayMs, ChangeSettings{{.new_per_day = 3}}}).ok());
  REQUIRE(c.apply({5, T0 + kDayMs, ResetAllProgress{}}).ok());
  CHECK(c.cards()[0].schedule == Schedule{});
  CHECK(c.cards()[0].note == "n");
  CHECK(c.cards()[0].history.size() == 2);
  CHECK(c.settings().new_per_day == 3);
  CHECK_FALSE(c.undoable_review("").has_value());
}

TEST_CASE("settings and parameter events: invalid ones are reported, valid ones shape later reviews") {
  const Bank bank = sample_bank();
  Collection c(bank);
  CHECK(c.apply({1, T0, ChangeSettings{{.new_per_day = -1}}}).error().reason ==
        "setting 'new_per_day' must be a whole number from 0 to 9999");
  fsrs::Parameters w = fsrs::kDefaultParameters;
  w[20] = -1;
  CHECK(c.apply({2, T0, SetParameters{w}}).error().reason == "FSRS decay w20 must be > 0");
  w = fsrs::kDefaultParameters;
  w[2] = 3.0;  // S0(Good)
  REQUIRE(c.apply({3, T0, SetParameters{w, "test"}}).ok());
  CHECK(c.settings().scheduling.parameters == w);
  REQUIRE(c.apply(review(4, T0, "b1", 3)).ok());
  CHECK(c.cards()[0].schedule.memory.stability == 3.0);
}

TEST_CASE("a review lasting 0 ms is kept; one of -1 ms is refused as negative") {
  const Bank bank = sample_bank();
  Collection c(bank);
  REQUIRE(c.apply({1, T0, Review{"b1", 3, 0}}).ok());
  CHECK(c.apply({2, T0 + 1, Review{"b1", 3, -1}}).error().reason == "review duration is negative");
}
