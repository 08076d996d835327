#pragma once
// The append-only event log, the single source of truth: card states, settings and statistics
// are all derived by replaying it. Each event is stored as one compact JSON object (a record):
//   {"id":7,"by":"3f9c0a1b2e4d5c6f","at_ms":1711684180217,"type":"review","card":"py-list-001","rating":3,"duration_ms":8200}
// Field names are stable. Every record has id, at_ms (UTC ms, the device clock as it was) and
// type. An event's identity is (id, by): `by` names the writer (one browser tab or desktop run, a
// random id), id is a Lamport sequence number (one more than the highest id the writer knew of).
// Two writers can never produce the same identity, and replay orders events by (id, by), which
// keeps each writer's own order and puts what one tab saw before what it did next. Records from
// before writers existed have no `by` (the empty writer). The other fields by type:
//   review       card, rating (1 Again … 4 Easy), duration_ms, answer (optional: what the user
//                typed before grading; the scorer is deterministic, so what it covered follows)
//   undo         target, target_by (the identity of the review it reverts)
//   suspend / unsuspend / bookmark / unbookmark / reset_card   card
//   bury         card, until_ms (the start of the next study day)
//   note         card, text (empty removes the note)
//   settings     changes (JSON object of changed keys, see settings.h)
//   reset_all    (nothing more)
//   parameters   w (21 numbers), meta (JSON object, e.g. which optimizer run produced them)
//   backup       records (how many records the backup file made at at_ms holds)
//   draft        card, code (what the user has typed for a code task, maybe nothing)
//   reset_draft  card (back to the task's starter)
//   code_run     card, status (pass, fail, error, syntax, timeout), passed, total, duration_ms
//   mock_start   plan (what the user chose, in words), cards (ids, in question order), limits_s
//                (seconds allowed per question); the mock is named by this event's identity
//   mock_answer  mock (the mock_start's key), card, how (typed, aloud, code, skipped), seconds,
//                answer (typed), self (aloud: 0 missed, 1 partly, 2 got it), status, passed,
//                total (code)
//   mock_end     mock
// Unknown fields are ignored, so older builds can read records written by newer ones.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/base/result.h"
#include "core/log/settings.h"
#include "core/srs/fsrs.h"

namespace pyprep {

struct Review {
  std::string card_id;
  int rating = 0;  // kept as read: replay reports values outside 1–4
  std::int64_t duration_ms = 0;
  std::string typed_answer;  // empty when the user answered aloud or in their head
  bool operator==(const Review&) const = default;
};
struct Undo {
  std::uint64_t target_id = 0;
  std::string target_writer;
  bool operator==(const Undo&) const = default;
};
struct SetSuspended {
  std::string card_id;
  bool suspended = true;
  bool operator==(const SetSuspended&) const = default;
};
struct Bury {
  std::string card_id;
  std::int64_t until_ms = 0;
  bool operator==(const Bury&) const = default;
};
struct ResetCard {
  std::string card_id;
  bool operator==(const ResetCard&) const = default;
};
struct ChangeSettings {
  SettingsChange changes;
  bool operator==(const ChangeSettings&) const = default;
};
struct SetBookmarked {
  std::string card_id;
  bool bookmarked = true;
  bool operator==(const SetBookmarked&) const = default;
};
struct Note {
  std::string card_id;
  std::string text;
  bool operator==(const Note&) const = default;
};
struct ResetAllProgress {
  bool operator==(const ResetAllProgress&) const = default;
};
// The figures of the fit that produced a parameter set.
struct FitFigures {
  std::uint64_t scored_reviews = 0;
  std::uint64_t steps = 0;
  double log_loss_before = 0;
  double log_loss_after = 0;
  bool operator==(const FitFigures&) const = default;
};
struct SetParameters {
  fsrs::Parameters weights = fsrs::kDefaultParameters;
  // Where they came from, for people reading the log ("defaults", the optimizer); not replayed.
  std::string source;
  std::optional<FitFigures> fit{};
  bool operator==(const SetParameters&) const = default;
};

struct BackupMade {
  std::uint64_t records = 0;
  bool operator==(const BackupMade&) const = default;
};

struct Draft {
  std::string card_id;
  std::string code;
  bool operator==(const Draft&) const = default;
};

struct ResetDraft {
  std::string card_id;
  bool operator==(const ResetDraft&) const = default;
};

// One run of the user's code against a code task's cases.
struct CodeRun {
  std::string card_id;
  std::string status;  // as the grader said it; unknown words are kept
  std::int64_t passed = 0;
  std::int64_t total = 0;
  std::int64_t duration_ms = 0;
  bool operator==(const CodeRun&) const = default;
};

// A mock interview begins: its questions are fixed here, so a reload resumes the same ones.
struct MockStart {
  std::string plan;
  std::vector<std::string> card_ids;
  std::vector<std::int64_t> limits_s;
  bool operator==(const MockStart&) const = default;
};

// One question of a mock answered (or skipped, or out of time).
struct MockAnswer {
  std::string mock;
  std::string card_id;
  std::string how;  // typed, aloud, code, skipped
  std::int64_t seconds = 0;
  std::string answer;
  std::int64_t self = 0;
  std::string status;
  std::int64_t passed = 0;
  std::int64_t total = 0;
  bool operator==(const MockAnswer&) const = default;
};

struct MockEnd {
  std::string mock;
  bool operator==(const MockEnd&) const = default;
};

using EventBody = std::variant<Review, Undo, SetSuspended, Bury, ResetCard, ChangeSettings,
                               SetBookmarked, Note, ResetAllProgress, SetParameters, BackupMade,
                               Draft, ResetDraft, CodeRun, MockStart, MockAnswer, MockEnd>;

struct Event {
  std::uint64_t id = 0;
  std::int64_t at_ms = 0;
  EventBody body;
  std::string writer;
  bool operator==(const Event&) const = default;
};

// Replay order: by id, then by writer.
inline bool replays_before(const Event& a, const Event& b) {
  return a.id != b.id ? a.id < b.id : a.writer < b.writer;
}
// The event's identity as one string, the storage key: "<writer>:<id>", or "<id>" without writer.
std::string event_key(std::uint64_t id, std::string_view writer);
inline std::string event_key(const Event& event) { return event_key(event.id, event.writer); }

// The card an event is about, or nullptr for collection-wide events.
const std::string* card_of(const EventBody& body);

std::string to_record(const Event& event);
Result<Event> parse_record(std::string_view record);
// The id of a record parse_record rejected, when it still has one, so new events never reuse it.
std::optional<std::uint64_t> record_id(std::string_view record);

}  // namespace pyprep
