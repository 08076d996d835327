#include "core/app/app.h"
#include "core/log/backup.h"

#include <doctest/doctest.h>

#include <string>
#include <tuple>
#include <vector>

#include "tests/core/sample_bank.h"

using namespace pyprep;
using namespace pyprep::test;
using fsrs::Rating;

namespace {

constexpr std::int64_t kMidnight = 1'700'006'400'000;  // 2023-11-15 00:00 UTC
constexpr std::int64_t kNoon = kMidnight + 12 * 3'600'000;
constexpr std::int64_t kTomorrowStart = kMidnight + 28 * 3'600'000;  // 04:00 next day

std::size_t shown(App& app, std::int64_t now_ms) {
  const StudyView* view = app.study(now_ms);
  REQUIRE(view != nullptr);
  return view->card;
}

}  // namespace

TEST_CASE("start on an empty log shows the first new card with its four outcomes") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  const StudyView* view = app.study(kNoon);
  REQUIRE(view != nullptr);
  CHECK(view->card == 2);  // b2: beginner, first topic
  CHECK(view->queue == Queue::New);
  CHECK(view->outcomes[0].interval_ms == kMinuteMs);
  CHECK(view->outcomes[1].interval_ms == 5 * kMinuteMs + 30'000);
  CHECK(view->outcomes[2].interval_ms == 10 * kMinuteMs);
  CHECK(view->outcomes[3].interval_ms >= kDayMs);
  CHECK(app.today(kNoon) == TodayCounts{0, 0, 5, 0});
  CHECK(app.health().problems.empty());
}

TEST_CASE("an answer applies at once, appends one record, and counts as saved after a poll") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  REQUIRE(shown(app, kNoon) == 2);
  REQUIRE(app.answer(Rating::Good, 4'000, kNoon + 5'000).ok());
  CHECK(app.collection().cards()[2].schedule.state == CardState::Learning);
  CHECK(storage.records() ==
        std::vector<std::string>{R"({"id":1,"at_ms":1700049605000,"type":"review","card":"b2","rating":3,"duration_ms":4000})"});
  CHECK(app.pending_writes().size() == 1);
  CHECK(app.saved_count() == 0);
  app.poll_storage(kNoon + 5'100);
  CHECK(app.saved_count() == 1);
  CHECK(app.pending_writes().empty());
  CHECK(app.save_error().empty());
  CHECK(shown(app, kNoon + 5'100) == 1);  // the next new card, a1
  CHECK(app.today(kNoon + 5'100) == TodayCounts{1, 0, 4, 1});
}

TEST_CASE("the saved count includes the records already in the log at start") {
  MemoryStorage storage;
  {
    App first(sample_bank(), storage);
    REQUIRE(first.start(kNoon, 0, "").ok());
    first.study(kNoon);
    REQUIRE(first.answer(Rating::Good, 1'000, kNoon).ok());
    first.poll_storage(kNoon);
    REQUIRE(first.saved_count() == 1);
  }
  App reopened(sample_bank(), storage);
  REQUIRE(reopened.start(kNoon + 60'000, 0, "").ok());
  CHECK(reopened.saved_count() == 1);
  reopened.study(kNoon + 60'000);
  REQUIRE(reopened.answer(Rating::Easy, 1'000, kNoon + 60'000).ok());
  reopened.poll_storage(kNoon + 60'000);
  CHECK(reopened.saved_count() == 2);
}

TEST_CASE("a failed append is kept, reported, retried after a back-off, and then saved") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  app.study(kNoon);
  storage.fail_next_appends(2, "disk full");
  REQUIRE(app.answer(Rating::Good, 1'000, kNoon).ok());
  app.poll_storage(kNoon);
  CHECK(app.save_error() == "Could not save 1 review: disk full. It will be retried.");
  REQUIRE(app.pending_writes().size() == 1);
  CHECK_FALSE(app.pending_writes()[0].in_flight);
  CHECK(app.collection().cards()[2].history.size() == 1);  // applied in memory meanwhile

  app.poll_storage(kNoon + 999);  // 1 s back-off not over
  CHECK_FALSE(app.pending_writes()[0].in_flight);
  app.poll_storage(kNoon + 1'000);  // retried
  CHECK(app.pending_writes()[0].in_flight);
  app.poll_storage(kNoon + 1'001);  // failed again: 2 s back-off
  CHECK(app.pending_writes()[0].failures == 2);
  app.poll_storage(kNoon + 3'000);
  CHECK_FALSE(app.pending_writes()[0].in_flight);
  app.poll_storage(kNoon + 3'001);  // retried, succeeds
  app.poll_storage(kNoon + 3'002);
  CHECK(app.pending_writes().empty());
  CHECK(app.save_error().empty());
  CHECK(app.saved_count() == 1);
  CHECK(storage.records().size() == 1);
}

TEST_CASE("the save error counts failed writes and says changes when not all are reviews") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  app.study(kNoon);
  storage.fail_next_appends(3, "quota exceeded");
  REQUIRE(app.answer(Rating::Good, 1'000, kNoon).ok());
  REQUIRE(app.answer(Rating::Easy, 1'000, kNoon).ok() == false);  // no card until the view refreshes
  app.study(kNoon);
  REQUIRE(app.answer(Rating::Easy, 1'000, kNoon).ok());
  app.poll_storage(kNoon);
  CHECK(app.save_error() == "Could not save 2 reviews: quota exceeded. It will be retried.");
  REQUIRE(app.set_bookmarked("b1", true, kNoon).ok());
  app.poll_storage(kNoon);
  CHECK(app.save_error() == "Could not save 3 changes: quota exceeded. It will be retried.");
}

TEST_CASE("restart replays the stored log; unreadable records are reported and their ids stay taken") {
  MemoryStorage storage;
  App first(sample_bank(), storage);
  REQUIRE(first.start(kNoon, 0, "").ok());
  for (int i = 0; i < 3; ++i) {
    first.study(kNoon + i);
    REQUIRE(first.answer(Rating::Good, 1'000, kNoon + i).ok());
  }
  REQUIRE(first.set_note("b1", "look at PEP 8", kNoon + 10).ok());
  std::vector<std::string> records = storage.records();
  records.insert(records.begin() + 1, "not json");
  records.push_back(R"({"id":50,"at_ms":1700049600100,"type":"teleport"})");
  MemoryStorage stored(records);

  App second(sample_bank(), stored);
  REQUIRE(second.start(kNoon + 20, 0, "").ok());
  CHECK(second.collection().cards() == first.collection().cards());
  const LogHealth& report = second.health();
  CHECK(report.readable == 4);
  CHECK(report.unreadable == 2);
  CHECK(second.saved_count() == 4);  // unreadable records are kept, not counted as saved
  REQUIRE(report.problems.size() == 2);
  CHECK(report.problems[0].index == 1);
  CHECK(report.problems[0].event_id == 0);
  CHECK(report.problems[0].reason == "unreadable record: not a JSON object");
  CHECK(report.problems[1].index == 5);
  CHECK(report.problems[1].event_id == 50);
  CHECK(report.problems[1].reason == "unreadable record: unknown event type 'teleport'");
  REQUIRE(second.set_note("b1", "", kNoon + 30).ok());
  CHECK(stored.records().back().rfind(R"({"id":51,)", 0) == 0);
  CHECK(stored.records()[1] == "not json");  // kept byte for byte
}

TEST_CASE("records stored out of id order (a retried write landing late) replay in id order") {
  MemoryStorage storage;
  App first(sample_bank(), storage);
  REQUIRE(first.start(kNoon, 0, "").ok());
  for (int i = 0; i < 3; ++i) {
    first.study(kNoon + i * kMinuteMs);
    REQUIRE(first.answer(Rating::Again, 1'000, kNoon + i * kMinuteMs).ok());
  }
  std::vector<std::string> records = storage.records();
  std::swap(records[1], records[2]);
  MemoryStorage shuffled(records);
  App second(sample_bank(), shuffled);
  REQUIRE(second.start(kNoon + kDayMs, 0, "").ok());
  CHECK(second.health().problems.empty());
  CHECK(second.collection().cards() == first.collection().cards());
}

TEST_CASE("undo reverts the last answer and shows its card again") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  REQUIRE(shown(app, kNoon) == 2);
  REQUIRE(app.answer(Rating::Good, 1'000, kNoon + 1).ok());
  REQUIRE(shown(app, kNoon + 2) == 1);
  REQUIRE(app.undo(kNoon + 3).ok());
  CHECK(app.collection().cards()[2].schedule == Schedule{});
  CHECK(app.collection().cards()[2].history.empty());
  CHECK(shown(app, kNoon + 4) == 2);
  CHECK(storage.records().back() == R"({"id":2,"at_ms":1700049600003,"type":"undo","target":1})");
  CHECK(app.undo(kNoon + 5).error().reason == "There is no answer to undo.");
}

TEST_CASE("a clock that went back an hour: the answer keeps its own time, intervals stay positive") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  app.study(kNoon);
  REQUIRE(app.answer(Rating::Good, 1'000, kNoon).ok());
  const std::int64_t earlier = kNoon - 3'600'000;
  const StudyView* view = app.study(earlier);
  REQUIRE(view != nullptr);
  for (const Outcome& o : view->outcomes) CHECK(o.interval_ms > 0);
  REQUIRE(app.answer(Rating::Good, 1'000, earlier).ok());
  CHECK(storage.records().back().find(R"("at_ms":1700046000000)") != std::string::npos);
  CHECK(app.collection().last_event_ms() == earlier);  // replayed with the first answer at `earlier`
  CHECK(app.health().problems.empty());
}

TEST_CASE("bury hides a card until the next study day; commands on unknown cards record nothing") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  REQUIRE(shown(app, kNoon) == 2);
  REQUIRE(app.bury("b2", kNoon).ok());
  CHECK(storage.records().back() ==
        R"({"id":1,"at_ms":1700049600000,"type":"bury","card":"b2","until_ms":1700107200000})");
  CHECK(kTomorrowStart == 1'700'107'200'000);
  CHECK(shown(app, kNoon + 1) == 1);
  CHECK(app.today(kNoon + 1).new_cards == 4);
  CHECK(app.today(kTomorrowStart).new_cards == 5);
  CHECK(app.set_suspended("zz", true, kNoon).error().reason == "card 'zz' is not in the question bank");
  CHECK(storage.records().size() == 1);
}

TEST_CASE("the shown card stays when it gets a note or bookmark, and goes when suspended") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  REQUIRE(shown(app, kNoon) == 2);
  REQUIRE(app.set_note("b2", "tricky", kNoon).ok());
  REQUIRE(app.set_bookmarked("b2", true, kNoon).ok());
  CHECK(shown(app, kNoon) == 2);
  CHECK(app.collection().cards()[2].note == "tricky");
  CHECK(app.collection().cards()[2].bookmarked);
  REQUIRE(app.set_suspended("b2", true, kNoon).ok());
  CHECK(shown(app, kNoon) == 1);
}

TEST_CASE("settings and parameter commands: invalid ones are refused and not stored") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  REQUIRE(app.change_settings({.new_per_day = 1}, kNoon).ok());
  CHECK(app.today(kNoon).new_cards == 1);
  CHECK(app.change_settings({.new_per_day = -1}, kNoon).error().reason ==
        "setting 'new_per_day' must be a whole number from 0 to 9999");
  fsrs::Parameters w = fsrs::kDefaultParameters;
  w[0] = -1;
  CHECK(app.set_parameters({w}, kNoon).error().reason ==
        "FSRS initial stability w0 must be > 0");
  CHECK(storage.records().size() == 1);
  w[0] = 0.3;
  REQUIRE(app.set_parameters({w, "test"}, kNoon).ok());
  CHECK(app.collection().settings().scheduling.parameters == w);
}

TEST_CASE("with nothing to study there is no card and answering is an error") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  REQUIRE(app.change_settings({.new_per_day = 0}, kNoon).ok());
  CHECK(app.study(kNoon) == nullptr);
  CHECK(app.answer(Rating::Good, 1'000, kNoon).error().reason == "There is no card to answer.");
}

TEST_CASE("reset card brings a card back as new; reset all progress deletes the log, ids stay taken") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  app.study(kNoon);
  REQUIRE(app.answer(Rating::Easy, 1'000, kNoon).ok());
  app.study(kNoon);
  REQUIRE(app.answer(Rating::Easy, 1'000, kNoon).ok());
  CHECK(app.stats(kNoon).counts.review == 2);
  REQUIRE(app.reset_card("b2", kNoon).ok());
  CHECK(app.stats(kNoon).counts.review == 1);
  REQUIRE(app.reset_all_progress(kNoon).ok());
  CHECK(app.stats(kNoon).counts.new_cards == 5);
  CHECK(app.stats(kNoon).reviews_per_day.back() == 0);
  app.poll_storage(kNoon);
  CHECK(storage.records().empty());
  CHECK(app.saved_count() == 0);
  CHECK(app.pending_writes().empty());
  REQUIRE(app.set_note("b1", "again", kNoon + 1).ok());
  CHECK(storage.records().back().rfind(R"({"id":4,)", 0) == 0);
}

TEST_CASE("start fails only when the storage cannot be read") {
  MemoryStorage storage;
  storage.fail_load("database blocked");
  App app(sample_bank(), storage);
  CHECK(app.start(kNoon, 0, "").error().reason ==
        "Your saved progress could not be read (database blocked). Nothing was changed. Reload to try again.");
  CHECK_FALSE(app.started());
  CHECK(app.set_note("b1", "lost?", kNoon).error().reason ==
        "Your saved progress could not be read, so nothing can be saved.");
  CHECK(app.reset_all_progress(kNoon).error().reason ==
        "Your saved progress could not be read, so nothing can be changed.");
  CHECK_FALSE(app.export_backup("test", kNoon).ok());
  app.poll_storage(kNoon);
  CHECK(storage.records().empty());  // nothing was appended to the log it could not read
}

TEST_CASE("the UTC offset moves the day boundary") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  CHECK(app.clock().start_of_day(app.clock().day_of(kNoon)) == kMidnight + 4 * 3'600'000);
  app.set_utc_offset(-300);
  CHECK(app.clock().start_of_day(app.clock().day_of(kNoon)) == kMidnight + 9 * 3'600'000);
}

namespace {

// Two tabs of one browser profile: one shared store; a write by one tab makes the other re-read
// everything (as the web shell does on a BroadcastChannel message).
struct SharedStore {
  std::vector<std::pair<std::string, std::string>> rows;
};

class TabStorage : public Storage {
 public:
  explicit TabStorage(SharedStore& store) : store_(store) {}
  TabStorage* other = nullptr;

  Result<std::vector<std::string>> load() override { return records(); }
  void append(std::string key, std::string record) override {
    for (const auto& row : store_.rows) {
      if (row.first == key) {
        finished_.push_back({key, row.second == record, "another record has the same id"});
        return;
      }
    }
    store_.rows.emplace_back(key, std::move(record));
    finished_.push_back({std::move(key), true, {}});
    if (other) other->changed_ = true;
  }
  void clear() override {
    store_.rows.clear();
    finished_.push_back({kClearLog, true, {}});
    if (other) other->changed_ = true;
  }
  std::vector<AppendOutcome> poll() override { return std::exchange(finished_, {}); }
  std::optional<std::vector<std::string>> take_reloaded() override {
    if (!std::exchange(changed_, false)) return std::nullopt;
    return records();
  }

 private:
  std::vector<std::string> records() const {
    std::vector<std::string> out;
    for (const auto& row : store_.rows) out.push_back(row.second);
    return out;
  }
  SharedStore& store_;
  std::vector<AppendOutcome> finished_;
  bool changed_ = false;
};

// Tabs A and B started on one store; `linked`: each hears of the other's writes.
struct TwoTabs {
  explicit TwoTabs(bool linked) {
    if (linked) {
      storage_a.other = &storage_b;
      storage_b.other = &storage_a;
    }
    REQUIRE(a.start(kNoon, 0, "aaaa").ok());
    REQUIRE(b.start(kNoon, 0, "bbbb").ok());
  }
  std::tuple<SharedStore&, App&, App&> parts() { return {store, a, b}; }

  SharedStore store;
  TabStorage storage_a{store}, storage_b{store};
  App a{sample_bank(), storage_a}, b{sample_bank(), storage_b};
};

}  // namespace

TEST_CASE("two tabs answering alternately keep all four answers, agree on counts, undo their own") {
  TwoTabs tabs(true);
  auto [store, a, b] = tabs.parts();
  std::int64_t t = kNoon;
  for (App* tab : {&a, &b, &a, &b}) {
    tab->poll_storage(t);  // what the other tab wrote
    REQUIRE(tab->study(t) != nullptr);
    REQUIRE(tab->answer(Rating::Good, 1'000, t).ok());
    tab->poll_storage(t);
    t += 1'000;
  }
  a.poll_storage(t);
  b.poll_storage(t);
  CHECK(store.rows.size() == 4);
  CHECK(a.saved_count() == 4);
  CHECK(b.saved_count() == 4);
  CHECK(a.today(t).answered == 4);
  CHECK(b.today(t).answered == 4);
  CHECK(a.collection().cards() == b.collection().cards());
  // Ids follow what each tab knew: 1 (a), 2 (b), 3 (a), 4 (b).
  CHECK(store.rows[0].first == "aaaa:1");
  CHECK(store.rows[1].first == "bbbb:2");
  CHECK(store.rows[3].first == "bbbb:4");

  // Tab A's undo takes back A's last answer (id 3), not B's later one.
  const std::string a_card = a.bank().cards[a.collection().undoable_review("aaaa")->card].id;
  REQUIRE(a.undo(t).ok());
  CHECK(store.rows.back().second.find(R"("target":3,"target_by":"aaaa")") != std::string::npos);
  b.poll_storage(t);
  CHECK(a.collection().cards() == b.collection().cards());
  CHECK(b.collection().undoable_review("bbbb")->event_id == 4);
  CHECK(b.collection().cards()[*b.collection().card_index(a_card)].history.empty());

  // A restart replays the same state from the store.
  TabStorage reopened_storage(store);
  App reopened(sample_bank(), reopened_storage);
  REQUIRE(reopened.start(t, 0, "cccc").ok());
  CHECK(reopened.collection().cards() == a.collection().cards());
  CHECK(reopened.health().problems.empty());
}

TEST_CASE("two tabs writing at once: the same id from two writers is two answers, replayed in writer order") {
  TwoTabs tabs(false);  // no messages between them
  auto [store, a, b] = tabs.parts();
  a.study(kNoon);
  b.study(kNoon);
  REQUIRE(a.answer(Rating::Again, 1'000, kNoon).ok());
  REQUIRE(b.answer(Rating::Easy, 1'000, kNoon + 5).ok());
  a.poll_storage(kNoon + 10);
  b.poll_storage(kNoon + 10);
  REQUIRE(store.rows.size() == 2);
  CHECK(store.rows[0].first == "aaaa:1");
  CHECK(store.rows[1].first == "bbbb:1");
  TabStorage later_storage(store);
  App later(sample_bank(), later_storage);
  REQUIRE(later.start(kNoon + 20, 0, "cccc").ok());
  const CardProgress& card = later.collection().cards()[2];  // b2, the first new card
  REQUIRE(card.history.size() == 2);
  CHECK(card.history[0].writer == "aaaa");
  CHECK(card.history[1].writer == "bbbb");
  CHECK(card.history[1].rating == Rating::Easy);
}

TEST_CASE("a key already taken by another record fails the write loudly; the same record is durable") {
  MemoryStorage storage;
  storage.append("k:1", "one");
  storage.append("k:1", "one");
  storage.append("k:1", "two");
  const std::vector<AppendOutcome> outcomes = storage.poll();
  REQUIRE(outcomes.size() == 3);
  CHECK(outcomes[1].durable);
  CHECK_FALSE(outcomes[2].durable);
  CHECK(outcomes[2].reason == "another record has this key");
  CHECK(storage.records() == std::vector<std::string>{"one"});
}

TEST_CASE("fake clock: a year ahead for one answer does not push later answers ahead") {
  constexpr std::int64_t kYearMs = 365 * kDayMs;
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "tab").ok());
  app.study(kNoon + kYearMs);
  REQUIRE(app.answer(Rating::Good, 1'000, kNoon + kYearMs).ok());  // the clock was a year ahead
  // Corrected: the next answer is stamped with the true time, not a year ahead.
  const StudyView* view = app.study(kNoon + kMinuteMs);
  REQUIRE(view != nullptr);
  for (const Outcome& o : view->outcomes) {
    CHECK(o.interval_ms > 0);
    CHECK(o.interval_ms < 30 * kDayMs);
  }
  REQUIRE(app.answer(Rating::Good, 1'000, kNoon + kMinuteMs).ok());
  CHECK(storage.records()[1].find(R"("at_ms":1700049660000)") != std::string::npos);
  // The year-ahead answer counts as made when the clock was corrected: its card is due soon.
  const std::size_t first = *app.collection().card_index("b2");
  CHECK(app.collection().cards()[first].schedule.due_ms < kNoon + 2 * kDayMs);
  CHECK(app.collection().last_event_ms() <= kNoon + kMinuteMs);
  // Once real time passes the stamp, it replays at its own time again (nothing was rewritten).
  MemoryStorage later_storage(storage.records());
  App later(sample_bank(), later_storage);
  REQUIRE(later.start(kNoon + kYearMs + kDayMs, 0, "tab2").ok());
  CHECK(later.collection().cards()[first].history[0].at_ms == kNoon + kYearMs);
}

TEST_CASE("fake clock: a year back and a day back give no negative intervals or replay problems") {
  for (const std::int64_t back : {365 * kDayMs, kDayMs}) {
    CAPTURE(back);
    MemoryStorage storage;
    App app(sample_bank(), storage);
    REQUIRE(app.start(kNoon, 0, "tab").ok());
    std::size_t card = shown(app, kNoon);
    REQUIRE(app.answer(Rating::Good, 1'000, kNoon).ok());
    app.study(kNoon + 10 * kMinuteMs);
    REQUIRE(app.answer(Rating::Good, 1'000, kNoon + 10 * kMinuteMs).ok());
    const std::int64_t wrong = kNoon - back;
    const StudyView* view = app.study(wrong);
    REQUIRE(view != nullptr);
    for (const Outcome& o : view->outcomes) CHECK(o.interval_ms > 0);
    REQUIRE(app.answer(Rating::Hard, 1'000, wrong).ok());
    for (const CardProgress& progress : app.collection().cards()) {
      for (const ReviewEntry& entry : progress.history) CHECK(entry.at_ms <= kNoon + 10 * kMinuteMs);
      if (progress.schedule.state != CardState::New) CHECK(progress.schedule.due_ms >= progress.schedule.last_review_ms);
    }
    CHECK(app.health().problems.empty());
    MemoryStorage again_storage(storage.records());
    App again(sample_bank(), again_storage);
    REQUIRE(again.start(kNoon + kDayMs, 0, "tab2").ok());
    CHECK(again.health().problems.empty());
    CHECK(again.collection().cards()[card].history.size() >= 1);
  }
}

TEST_CASE("fake clock: a time-zone change moves the study day at once") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kMidnight + 3'600'000, 0, "tab").ok());  // 01:00 UTC: yesterday's study day
  app.study(kMidnight + 3'600'000);
  REQUIRE(app.answer(Rating::Good, 1'000, kMidnight + 3'600'000).ok());
  CHECK(app.today(kMidnight + 3 * 3'600'000).answered == 1);
  app.set_utc_offset(120);  // 03:00 UTC is 05:00 local: a new study day began at 02:00 UTC
  CHECK(app.today(kMidnight + 3 * 3'600'000).answered == 0);
  app.set_utc_offset(120);  // the same offset again changes nothing
  CHECK(app.clock().utc_offset_min == 120);
}

TEST_CASE("the app wakes when a learning card falls due, or else at the next study day") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "tab").ok());
  CHECK(app.next_change_ms(kNoon) == kTomorrowStart);
  app.study(kNoon);
  REQUIRE(app.answer(Rating::Again, 1'000, kNoon).ok());  // learning: back in 1 minute
  const std::int64_t due = app.collection().cards()[*app.collection().card_index("b2")].schedule.due_ms;
  CHECK(due == kNoon + kMinuteMs);
  CHECK(app.next_change_ms(kNoon) == due);
}

TEST_CASE("the optimizer runs from tick() with a budget, wherever the user is, and then sleeps") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "tab").ok());
  CHECK_FALSE(app.tick(kNoon, [] { return true; }));  // nothing to do
  REQUIRE(app.start_fit().ok());
  CHECK(app.start_fit().error().reason == "The schedule is already being optimised.");
  CHECK(app.fit().running);
  int slices = 0;
  while (app.tick(kNoon, [] { return true; })) ++slices;  // a budget of one slice per tick
  CHECK_FALSE(app.fit().running);
  CHECK(app.fit().message.rfind("Kept the current parameters: ", 0) == 0);  // five cards: too few reviews
  CHECK(app.fit().message.find("parameters", 30) == std::string::npos);  // said once, not twice
  CHECK(slices >= 0);
}

TEST_CASE("backup round trip: export, reset, restore gives the identical log; twice changes nothing") {
  MemoryStorage storage({"not json", R"({"id":"x"})", "a record\nwith a line break"});
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "tab").ok());
  CHECK(app.health().unreadable == 3);
  for (int i = 0; i < 3; ++i) {
    app.study(kNoon + i);
    REQUIRE(app.answer(Rating::Good, 1'000, kNoon + i).ok());
  }
  REQUIRE(app.set_note("b1", "ünïcode ✓", kNoon + 5).ok());
  Result<std::string> backup = app.export_backup("test", kNoon + 6);
  REQUIRE(backup.ok());
  app.poll_storage(kNoon + 6);
  const std::vector<std::string> before = storage.records();
  const std::vector<CardProgress> cards = app.collection().cards();
  // 3 unreadable records, 3 answers, the note and the backup's own marker.
  CHECK(backup->rfind(R"({"format":"pyprep-backup","version":1,"app":"test","created_at_ms":1700049600006,"count":8,)", 0) == 0);
  CHECK(before.back() == R"({"id":5,"by":"tab","at_ms":1700049600006,"type":"backup","records":8})");
  CHECK(app.collection().last_backup_ms() == kNoon + 6);
  REQUIRE(app.reset_all_progress(kNoon + 7).ok());
  app.poll_storage(kNoon + 7);
  CHECK(storage.records().empty());

  Result<RestoreSummary> restored = app.restore_backup(*backup, kNoon + 8);
  REQUIRE(restored.ok());
  CHECK(restored->added == 8);
  CHECK(restored->already_here == 0);
  app.poll_storage(kNoon + 8);
  CHECK(storage.records() == before);  // byte for byte, the unreadable ones too
  CHECK(app.collection().cards() == cards);
  CHECK(app.health().unreadable == 3);
  CHECK(app.collection().last_backup_ms() == kNoon + 6);

  Result<RestoreSummary> twice = app.restore_backup(*backup, kNoon + 9);
  REQUIRE(twice.ok());
  CHECK(twice->added == 0);
  CHECK(twice->already_here == 8);
  app.poll_storage(kNoon + 9);
  CHECK(storage.records() == before);
}

TEST_CASE("a backup from another device adds its answers") {
  MemoryStorage phone_storage, laptop_storage;
  App phone(sample_bank(), phone_storage), laptop(sample_bank(), laptop_storage);
  REQUIRE(phone.start(kNoon, 0, "phone").ok());
  REQUIRE(laptop.start(kNoon, 0, "laptop").ok());
  phone.study(kNoon);
  REQUIRE(phone.answer(Rating::Good, 1'000, kNoon).ok());
  laptop.study(kNoon);
  REQUIRE(laptop.answer(Rating::Easy, 1'000, kNoon + 1).ok());
  Result<std::string> backup = phone.export_backup("test", kNoon + 2);
  REQUIRE(backup.ok());
  Result<RestoreSummary> restored = laptop.restore_backup(*backup, kNoon + 3);
  REQUIRE(restored.ok());
  CHECK(restored->added == 2);  // the phone's answer and its backup marker
  CHECK(laptop.collection().cards()[*laptop.collection().card_index("b2")].history.size() == 2);
}

TEST_CASE("broken backups get precise messages and change nothing") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "tab").ok());
  app.study(kNoon);
  REQUIRE(app.answer(Rating::Good, 1'000, kNoon).ok());
  Result<std::string> good = app.export_backup("test", kNoon + 1);
  REQUIRE(good.ok());
  app.poll_storage(kNoon + 1);
  const std::vector<std::string> before = storage.records();
  const std::string& text = *good;
  std::string edited = text;
  edited[edited.find("\"rating\":3")+9] = '4';
  std::string conflicting = text;  // the same identity with other content: a hostile file
  const std::size_t header_end = text.find('\n');
  {
    Backup forged{"test", kNoon, {R"({"id":1,"by":"tab","at_ms":1700049600000,"type":"review","card":"b2","rating":1,"duration_ms":1000})"}};
    conflicting = write_backup(forged);
  }
  const std::pair<std::string, std::string> cases[] = {
      {text.substr(0, text.size() - 10), "Nothing was restored: the backup is incomplete: it was cut short at line 3."},
      {text.substr(0, header_end + 1), "Nothing was restored: the backup is incomplete: it holds 0 of its 2 items (it was cut short)."},
      {edited, "Nothing was restored: the backup was changed or damaged after it was made (its checksum does not match)."},
      {"id,card,rating\n1,b2,3\n", "Nothing was restored: this file is not a PyPrep backup."},
      {R"({"format":"pyprep-backup","version":2,"app":"x","created_at_ms":0,"count":0,"checksum":"fnv1a64:cbf29ce484222325"})" "\n",
       "Nothing was restored: the backup was made by a newer PyPrep (format 2); update the app to restore it."},
      {conflicting, "Nothing was restored: line 2 contradicts an item saved here (tab:1): the file was edited or is not from PyPrep."},
      {std::string(kMaxBackupBytes + 1, 'x'), "Nothing was restored: the file is 64 MB; a PyPrep backup is at most 64 MB."},
      {"", "Nothing was restored: the file is empty."},
  };
  for (const auto& entry : cases) {
    // Not a structured binding: clang 14 (the asan preset) cannot capture one in CAPTURE's lambda.
    const std::string& file = entry.first;
    const std::string& message = entry.second;
    CAPTURE(message);
    Result<RestoreSummary> restored = app.restore_backup(file, kNoon + 2);
    REQUIRE_FALSE(restored.ok());
    CHECK(restored.error().reason == message);
    app.poll_storage(kNoon + 2);
    CHECK(storage.records() == before);
  }
}

TEST_CASE("a card another tab answered is not offered again after the re-read") {
  TwoTabs tabs(true);
  auto [store, a, b] = tabs.parts();
  const std::size_t first = shown(a, kNoon);
  REQUIRE(shown(b, kNoon) == first);  // both tabs show the same new card
  REQUIRE(a.answer(Rating::Good, 1'000, kNoon).ok());
  a.poll_storage(kNoon);
  b.poll_storage(kNoon + 1);
  CHECK(b.saved_count() == 1);
  CHECK(shown(b, kNoon + 1) != first);
  CHECK(b.study_changed_elsewhere() == first);  // so the screen can say why the card changed
  b.study(kNoon + 1);
  REQUIRE(b.answer(Rating::Good, 1'000, kNoon + 2).ok());
  CHECK_FALSE(b.study_changed_elsewhere().has_value());
}

TEST_CASE("records that repeat an identity or cannot be applied are kept, reported and not counted as saved") {
  const std::string review = R"({"id":7,"by":"w","at_ms":1700049600000,"type":"review","card":"b1","rating":3,"duration_ms":1})";
  const std::string twin = R"({"id":7,"by":"w","at_ms":1700049600000,"type":"review","card":"a1","rating":3,"duration_ms":1})";
  const std::string unknown_card = R"({"id":8,"by":"w","at_ms":1700049600000,"type":"review","card":"gone","rating":3,"duration_ms":1})";
  const std::string rating_9 = R"({"id":9,"by":"w","at_ms":1700049600000,"type":"review","card":"b1","rating":9,"duration_ms":1})";
  MemoryStorage storage({review, twin, review, unknown_card, rating_9});
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "tab").ok());
  CHECK(app.saved_count() == 1);
  CHECK(app.health().readable == 3);
  CHECK(app.health().unreadable == 1);
  REQUIRE(app.health().problems.size() == 3);
  CHECK(app.health().problems[0].index == 1);
  CHECK(app.health().problems[0].reason == "unreadable record: another record has the identity w:7");
  CHECK(app.health().problems[1].reason == "card 'gone' is not in the question bank");
  CHECK(app.health().problems[2].reason == "rating 9 is out of range 1-4");
  CHECK(app.collection().cards()[0].history.size() == 1);
  Result<std::string> backup = app.export_backup("test", kNoon);
  REQUIRE(backup.ok());
  for (const std::string* record : {&review, &twin, &unknown_card, &rating_9}) {
    CHECK(backup->find("\n" + *record + "\n") != std::string::npos);
  }
}

TEST_CASE("a backup holding two records with one identity restores on this device and on a new one") {
  const std::string review = R"({"id":7,"by":"w","at_ms":1700049600000,"type":"review","card":"b1","rating":3,"duration_ms":1})";
  const std::string twin = R"({"id":7,"by":"w","at_ms":1700049600000,"type":"review","card":"a1","rating":3,"duration_ms":1})";
  MemoryStorage storage({review, twin});
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "tab").ok());
  Result<std::string> backup = app.export_backup("test", kNoon);
  REQUIRE(backup.ok());
  Result<RestoreSummary> again = app.restore_backup(*backup, kNoon + 1);
  REQUIRE(again.ok());
  CHECK(again->added == 0);
  CHECK(again->already_here == 3);

  MemoryStorage fresh_storage;
  App fresh(sample_bank(), fresh_storage);
  REQUIRE(fresh.start(kNoon, 0, "new-phone").ok());
  Result<RestoreSummary> moved = fresh.restore_backup(*backup, kNoon + 2);
  REQUIRE(moved.ok());
  CHECK(moved->added == 3);
  fresh.poll_storage(kNoon + 2);
  CHECK(fresh_storage.records() == storage.records());
  CHECK(fresh.health().unreadable == 1);
  CHECK(fresh.collection().cards() == app.collection().cards());
}

TEST_CASE("a typed answer is kept with the review it was graded in") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  REQUIRE(shown(app, kNoon) == 2);
  REQUIRE(app.answer(Rating::Hard, 4'000, kNoon + 5'000, "defaults are made once").ok());
  CHECK(storage.records() == std::vector<std::string>{
                                 R"({"id":1,"at_ms":1700049605000,"type":"review","card":"b2","rating":2,)"
                                 R"("duration_ms":4000,"answer":"defaults are made once"})"});
}

TEST_CASE("score_answer marks the key points a typed answer covers, by the card's match terms") {
  Bank bank = sample_bank();
  Card& card = bank.cards[0];
  card.kind = Kind::Concept;
  card.key_points = {"Defaults are evaluated once", "Use None as the default"};
  card.key_point_matches = {{{{"default"}, {"evaluated once", "made once", "created once"}}, {}},
                            {{{"none"}}, {}}};
  MemoryStorage storage;
  App app(bank, storage);
  CHECK(app.scores_typed_answers(0));
  CHECK_FALSE(app.scores_typed_answers(1));  // no match terms
  const AnswerScore score = app.score_answer(0, "The default is made once, when def runs.");
  REQUIRE(score.points.size() == 2);
  CHECK(score.points[0].covered);
  CHECK_FALSE(score.points[1].covered);
  CHECK(score.score == 0.5);
  CHECK(app.score_answer(0, "Use None and build the list inside.").points[1].covered);
}

TEST_CASE("the read side: answers saved, undo offered, settings and search, all through the App") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  CHECK(app.answers_saved() == 0);
  CHECK_FALSE(app.can_undo());
  REQUIRE(app.study(kNoon) != nullptr);
  REQUIRE(app.answer(Rating::Good, 1'000, kNoon).ok());
  CHECK(app.answers_saved() == 1);
  CHECK(app.can_undo());
  REQUIRE(app.change_settings({.new_per_day = 3}, kNoon).ok());
  CHECK(app.settings().new_per_day == 3);
  CHECK(app.search("", {}).size() == app.bank().cards.size());
  const std::string topic = app.bank().topics.front().id;
  for (const SearchHit& hit : app.search("", {.topics = {topic}})) CHECK(app.bank().cards[hit.card].topic == topic);
}

TEST_CASE("Stats are recomputed once they are a minute old, not a millisecond later") {
  MemoryStorage storage;
  App app(sample_bank(), storage);
  REQUIRE(app.start(kNoon, 0, "").ok());
  REQUIRE(app.study(kNoon) != nullptr);
  REQUIRE(app.answer(Rating::Good, 1'000, kNoon).ok());
  // Computed a minute before the next study day starts, then asked again as it starts.
  const DayClock clock = app.clock();
  const std::int64_t next_day = clock.start_of_day(clock.day_of(kNoon) + 1);
  CHECK(app.stats(next_day - 60'000).reviews_per_day.back() == 1);  // today's review
  CHECK(app.stats(next_day - 1).reviews_per_day.back() == 1);       // still today
  CHECK(app.stats(next_day).reviews_per_day.back() == 0);           // a minute old: a new day
}
