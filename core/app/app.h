#pragma once
// The façade the UI talks to. Each command becomes one event that is applied in memory at once
// (the UI never waits) and appended to storage; poll_storage() collects how the writes ended and
// retries failed ones with a back-off, so nothing the user did is lost. Views are derived from
// the replayed collection. Time always comes in as a parameter (UTC ms).
//
// Other writers (a second tab) append to the same storage: when storage reports that it was
// reloaded, the app takes the stored set as the truth plus its own unsaved writes, and replays.
// The clock rule: every event keeps the device's time as it was when it happened; replay orders
// by identity, not time, and counts an event stamped after the moment of replay as made at that
// moment. So one answer under a clock set a year ahead does not push later answers ahead, a clock
// corrected backwards replays at once, and no interval is ever negative.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/practice/answer_score.h"
#include "core/bank/bank.h"
#include "core/bank/search.h"
#include "core/practice/code_run.h"
#include "core/practice/mock.h"
#include "core/log/collection.h"
#include "core/srs/optimizer.h"
#include "core/srs/scheduler.h"
#include "core/study/queues.h"
#include "core/study/stats.h"
#include "core/log/storage.h"

namespace pyprep {

// The card to study now and what each answer would do (intervals to show under the buttons).
struct StudyView {
  std::size_t card = 0;  // index into bank().cards and collection().cards()
  Queue queue = Queue::New;
  Outcomes outcomes;
};

// A write not yet acknowledged as durable: a record, or clearing the whole log (empty record).
struct PendingWrite {
  std::string key;  // the storage key (event_key); kClearLog for a reset
  std::string record;
  bool is_review = false;
  bool in_flight = false;  // appended, outcome not yet polled
  int failures = 0;
  std::int64_t retry_at_ms = 0;
  std::string last_error;
};

// What the last start, reload or restore could not read or apply. Unreadable records stay in
// storage untouched and go into every backup; they do not count as saved.
struct LogHealth {
  std::size_t readable = 0;    // stored records that are events
  std::size_t unreadable = 0;  // stored records that are not (or repeat another's identity)
  std::vector<ReplayProblem> problems;  // unreadable ones and events that could not be applied;
                                        // index: position in storage order
};

struct RestoreSummary {
  std::size_t added = 0;          // records new to this device
  std::size_t answers_added = 0;  // of those, answers (reviews)
  std::size_t already_here = 0;   // records this device already had
};

// The last run of the user's code (one at a time), for the screen that started it.
struct CodeRunView {
  std::optional<std::size_t> card;  // the card it ran for; empty before the first run
  bool running = false;
  std::optional<CodeVerdict> verdict;  // of the last finished run of `card`
  std::int64_t started_ms = 0;   // when Run was taken
  std::int64_t answered_ms = 0;  // when its verdict was taken in (the next frame shows it)
};

// The optimizer run by tick() wherever the user is.
struct FitView {
  bool running = false;
  float progress = 0.0f;  // 0–1
  std::string message;    // the outcome of the last fit, or empty
};

class App {
 public:
  // `storage` must outlive the app.
  App(Bank bank, Storage& storage);
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Loads and replays the log. Unreadable or invalid events do not stop the start: they are kept
  // in health() for display. Fails only when storage cannot be read at all; the app then
  // refuses every command, so nothing is appended to a log it could not read. `writer` names
  // this writer in every event it makes (unique per tab or run, see event.h).
  [[nodiscard]] Status start(std::int64_t now_ms, int utc_offset_min, std::string writer);
  bool started() const { return started_; }
  // The time zone of the device; call it every frame (a change is rare and cheap to detect).
  void set_utc_offset(int utc_offset_min);

  // Commands. An error means nothing was recorded (e.g. no card to answer, unknown card).
  // Answers the study card; `typed_answer` is what the user typed before grading (kept with the
  // review), empty when they answered aloud.
  Status answer(fsrs::Rating rating, std::int64_t duration_ms, std::int64_t now_ms,
                std::string typed_answer = {});
  // Which key points of a concept card `text` covers (answer_score.h); the card's terms are
  // compiled on first use.
  AnswerScore score_answer(std::size_t card, std::string_view text) const;
  // Whether the card's key points carry match terms, so a typed answer can be scored.
  bool scores_typed_answers(std::size_t card) const;
  Status undo(std::int64_t now_ms);  // the last answer not yet undone; its card is shown again
  Status set_suspended(std::string_view card_id, bool suspended, std::int64_t now_ms);
  Status bury(std::string_view card_id, std::int64_t now_ms);  // until the next day starts
  Status reset_card(std::string_view card_id, std::int64_t now_ms);
  Status change_settings(SettingsChange change, std::int64_t now_ms);
  Status set_bookmarked(std::string_view card_id, bool bookmarked, std::int64_t now_ms);
  Status set_note(std::string_view card_id, std::string text, std::int64_t now_ms);
  // Deletes the whole log on this device (the user confirmed it; a backup brings it back).
  Status reset_all_progress(std::int64_t now_ms);
  Status set_parameters(SetParameters parameters, std::int64_t now_ms);

  // Backups (format in backup.h). Export holds every record this device has, readable or not,
  // and records that a backup was made. Restore validates the whole file before changing
  // anything, then adds the records this device lacks (by identity): restoring twice changes
  // nothing, a backup from another device adds its answers.
  Result<std::string> export_backup(std::string_view app_version, std::int64_t now_ms);
  Result<RestoreSummary> restore_backup(std::string_view text, std::int64_t now_ms);

  // Code practice. A draft is what the user typed for a code task. edit_draft() keeps it in
  // memory; the log gets it once typing pauses for kDraftPauseMs (tick() writes it) or on
  // flush_drafts(), so a reload or a killed tab loses at most about a second of typing and the
  // log holds no event per keystroke.
  static constexpr std::int64_t kDraftPauseMs = 800;
  void edit_draft(std::size_t card, std::string code, std::int64_t now_ms);
  void flush_drafts(std::int64_t now_ms);
  // The unsaved edit, else the saved draft, else the task's starter.
  const std::string& draft(std::size_t card) const;
  Status reset_draft(std::size_t card, std::int64_t now_ms);  // back to the starter
  // Runs on the desktop's or the phone's Python; `runner` must outlive the app.
  void attach_runner(CodeRunner& runner) { runner_ = &runner; }
  // A code task was opened: the runner may load ahead of the first run.
  void warm_up_runner() {
    if (runner_) runner_->warm_up();
  }
  // Why card's task cannot run here, or nullopt.
  std::optional<std::string> cannot_run(std::size_t card) const;
  // Grades draft(card) against the card's cases; tick() records the verdict as a code_run event.
  // With `measure`, a passing solution is also timed against the reference at growing n.
  Status run_code(std::size_t card, std::int64_t now_ms, bool measure = false);
  const CodeRunView& code_run() const { return code_run_; }

  // Mock interviews (mock.h). start_mock picks the questions and logs them; it fails when one is
  // still open (end or finish it first) or nothing matches the plan.
  Result<std::string> start_mock(const MockPlan& plan, std::int64_t now_ms);
  // The mock begun and not ended yet, if any.
  const MockInterview* open_mock() const;
  // Answers the mock's current question (`answer.mock` and `answer.card_id` name it); the last
  // answer ends the mock.
  Status answer_mock(MockAnswer answer, std::int64_t now_ms);
  Status end_mock(const std::string& mock, std::int64_t now_ms);
  // Reports of ended mocks are kept: they change only when the log is replayed.
  const MockReport& mock_report(const MockInterview& mock) const;

  // Background work (the optimizer, a code run, a draft waiting for a pause in typing), run by
  // tick(); the optimizer runs in slices until `out_of_time()` says the frame's budget is spent.
  // Returns true while work remains.
  Status start_fit();
  bool tick(std::int64_t now_ms, const std::function<bool()>& out_of_time);
  FitView fit() const;
  // When the views change without input: the next learning card falls due or the day rolls.
  std::int64_t next_change_ms(std::int64_t now_ms);

  // Call every frame or so: takes in other writers' records, collects finished writes and
  // retries failed ones when due. Returns true when anything happened.
  bool poll_storage(std::int64_t now_ms);

  // Views.
  const Bank& bank() const { return bank_; }
  const Collection& collection() const { return collection_; }

  // The read side screens use: the settings, one card's progress, the mock interviews, backups.
  const Settings& settings() const { return collection_.settings(); }
  const CardProgress& progress(std::size_t card) const { return collection_.cards()[card]; }
  const std::vector<MockInterview>& mocks() const { return collection_.mocks(); }
  const MockInterview* find_mock(std::string_view id) const { return collection_.find_mock(id); }
  std::int64_t last_backup_ms() const { return collection_.last_backup_ms(); }
  std::size_t answers_saved() const;
  bool can_undo() const { return collection_.undoable_review(writer_).has_value(); }
  // Searches the bank (search.h); the index is built on the first search.
  std::vector<SearchHit> search(std::string_view query, const SearchFilter& filter);
  DayClock clock() const { return {collection_.settings().day_start_hour, utc_offset_min_}; }
  // nullptr when nothing is left to study for now. The card stays the same until it is answered
  // or something changes, even if another falls due meanwhile.
  const StudyView* study(std::int64_t now_ms);
  // The card that was on screen until another tab answered or changed it (cleared by the next
  // command of this app), so the UI can say why the card changed.
  std::optional<std::size_t> study_changed_elsewhere() const { return changed_elsewhere_; }
  TodayCounts today(std::int64_t now_ms);
  const Stats& stats(std::int64_t now_ms);
  const LogHealth& health() const { return health_; }
  const std::string& writer() const { return writer_; }

  // Records durably in the log that are in effect (readable and applied): those loaded plus the
  // writes acknowledged since.
  std::uint64_t saved_count() const { return saved_count_; }
  const std::vector<PendingWrite>& pending_writes() const { return pending_; }
  // "Could not save 1 review: <reason>. It will be retried." or empty when no write failed.
  std::string save_error() const;

 private:
  // One record of the log as this app knows it.
  struct Entry {
    std::string record;
    std::string key;             // event_key, or "kept:<hash>" for an unreadable record
    std::optional<Event> event;  // empty: unreadable (`problem` says why)
    std::string problem;         // why it is unreadable or could not be applied
    bool durable = false;        // stored, as far as this app knows
  };
  static std::string kept_key(std::string_view record);
  static Entry entry_of(std::string record);
  void take_stored(std::vector<std::string> records, std::int64_t now_ms);
  void rebuild(std::int64_t now_ms);
  Status commit(EventBody body, std::int64_t now_ms);
  void write(const std::string& key, const std::string& record, bool is_review);
  void send(const PendingWrite& write);  // starts the write (again)
  void refresh(std::int64_t now_ms);
  bool tick_code(std::int64_t now_ms);
  const CodeTask* task_of(std::size_t card) const;
  std::optional<std::size_t> find_entry(const std::string& key) const;
  const AnswerScorer& scorer_of(std::size_t card) const;

  Bank bank_;
  Storage& storage_;
  Collection collection_;
  bool started_ = false;
  std::string writer_;
  int utc_offset_min_ = 0;
  std::uint64_t next_id_ = 1;
  std::vector<Entry> log_;  // storage order; this app's writes at the end
  std::unordered_map<std::string, std::size_t> by_key_;
  LogHealth health_;

  struct DraftEdit {
    std::string code;
    std::int64_t edited_ms = 0;
  };
  std::unordered_map<std::size_t, DraftEdit> draft_edits_;  // by card; not yet in the log
  CodeRunner* runner_ = nullptr;
  CodeRunView code_run_;
  mutable std::unordered_map<std::size_t, AnswerScorer> scorers_;  // by card, compiled on first use
  mutable std::unordered_map<std::string, MockReport> reports_;  // of ended mocks, by id; cleared on replay

  std::unique_ptr<optimizer::Optimizer> fit_;
  std::string fit_message_;

  std::vector<PendingWrite> pending_;
  std::uint64_t saved_count_ = 0;

  // Derived views are cached: recomputed after a change (a new `version_`) or once they are older
  // than a refresh interval, since time alone makes cards due.
  std::uint64_t version_ = 1;
  std::uint64_t queues_version_ = 0;
  std::int64_t queues_at_ms_ = 0;
  StudyQueues queues_;
  std::optional<StudyView> study_;
  std::unique_ptr<SearchIndex> search_index_;
  std::optional<std::size_t> show_next_;  // the card an undo brought back
  std::optional<std::size_t> changed_elsewhere_;
  std::uint64_t stats_version_ = 0;
  std::int64_t stats_at_ms_ = 0;
  Stats stats_;
};

}  // namespace pyprep
