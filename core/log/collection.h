#pragma once
// Replay: the event log applied in order to a question bank gives every card's progress, the
// settings, notes and bookmarks. Replay is deterministic and never fails as a whole: a bad event
// is reported and skipped. Applying one more event to a replayed collection gives the same state
// as replaying the longer log.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/bank/bank.h"
#include "core/log/event.h"
#include "core/practice/mock.h"
#include "core/base/result.h"
#include "core/srs/scheduler.h"
#include "core/log/settings.h"

namespace pyprep {

struct ReviewEntry {
  std::uint64_t event_id = 0;
  std::string writer;
  std::int64_t at_ms = 0;
  std::int64_t duration_ms = 0;
  fsrs::Rating rating = fsrs::Rating::Good;
  Schedule before;  // the card's schedule before this review: what undo restores
  bool made_leech = false;
  bool suspended_as_leech = false;
  bool operator==(const ReviewEntry&) const = default;
};

// The user's own runs of a code task's cases.
struct CodeAttempts {
  std::int64_t runs = 0;
  bool solved = false;  // some run passed every case
  std::string last_status;
  std::int64_t last_passed = 0;
  std::int64_t last_total = 0;
  bool operator==(const CodeAttempts&) const = default;
};

struct CardProgress {
  Schedule schedule;
  bool suspended = false;
  bool bookmarked = false;
  bool leech = false;
  std::int64_t buried_until_ms = 0;
  std::string note;
  std::optional<std::string> draft;  // the user's code for a code task; none: the starter
  CodeAttempts attempts;
  // Every review still in effect, oldest first; resets keep it (it is what the user did).
  std::vector<ReviewEntry> history;
  bool operator==(const CardProgress&) const = default;
};

struct ReplayProblem {
  std::size_t index = 0;  // position in the replayed sequence
  std::uint64_t event_id = 0;
  std::string reason;
};

struct ReplayReport {
  std::size_t applied = 0;
  std::vector<ReplayProblem> problems;
};

class Collection {
 public:
  // The bank must outlive the collection.
  explicit Collection(const Bank& bank);

  // Applies one event, or says why it was skipped (the collection is then unchanged apart from
  // remembering the event's identity, which stays taken). Events must come in replay order
  // (replays_before); their times may go backwards (a corrected clock): intervals then count
  // from the later review and never go negative.
  Status apply(const Event& event);

  const Bank& bank() const { return *bank_; }
  const Settings& settings() const { return settings_; }
  // Indexed like bank().cards.
  const std::vector<CardProgress>& cards() const { return cards_; }
  std::optional<std::size_t> card_index(std::string_view card_id) const;

  std::uint64_t last_event_id() const { return last_id_; }
  std::int64_t last_event_ms() const { return last_ms_; }  // the latest event time seen
  std::int64_t last_backup_ms() const { return last_backup_ms_; }  // 0: never
  // Every mock interview, in the order they began.
  const std::vector<MockInterview>& mocks() const { return mocks_; }
  const MockInterview* find_mock(std::string_view id) const;
  // The review the next undo by `writer` would revert: its last one still in effect (the card
  // was not answered again since). Another tab's answers are not this writer's to undo.
  struct UndoableReview {
    std::uint64_t event_id = 0;
    std::size_t card = 0;
  };
  std::optional<UndoableReview> undoable_review(std::string_view writer) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  Status apply_body(const Event& event);
  Status review(const Event& event, const Review& review, std::size_t card);
  Status undo(const Undo& undo);
  MockInterview* mock_by_id(std::string_view id);
  Status mock_start(const Event& event, const MockStart& start);
  Status mock_answer(const Event& event, const MockAnswer& answer, std::size_t card);
  // Position in undo_stack_ of the card whose last review is (id, writer), if any.
  std::optional<std::size_t> undoable_at(std::uint64_t id, std::string_view writer) const;
  // Back to New; suspension, bookmark, note, draft, attempts and history stay. The caller also drops the card's
  // reviews from the undo stack: undoing them would bring back what the reset removed.
  static void reset(CardProgress& progress);

  const Bank* bank_;
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> index_;
  std::vector<CardProgress> cards_;
  Settings settings_;
  std::vector<std::size_t> undo_stack_;  // cards whose last history entry can be undone
  bool applied_any_ = false;  // then (last_id_, last_writer_) is the last identity seen
  std::uint64_t last_id_ = 0;
  std::string last_writer_;
  std::int64_t last_ms_ = 0;
  std::int64_t last_backup_ms_ = 0;
  std::vector<MockInterview> mocks_;
};

ReplayReport replay(Collection& collection, std::span<const Event> events);

}  // namespace pyprep
