#include "core/app/app.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "core/log/backup.h"
#include "core/study/training_data.h"
#include "core/base/hash.h"

namespace pyprep {
namespace {

constexpr std::int64_t kQueuesRefreshMs = 1'000;
constexpr std::int64_t kStatsRefreshMs = 60'000;
constexpr std::int64_t kFirstRetryMs = 1'000;
constexpr std::int64_t kMaxRetryMs = 60'000;
constexpr std::int64_t kClockSlackMs = 60'000;  // clocks of two tabs or a small correction

bool stale(std::int64_t computed_at_ms, std::int64_t now_ms, std::int64_t max_age_ms) {
  // A clock that jumped backwards also makes a cached view stale.
  return now_ms < computed_at_ms || now_ms - computed_at_ms >= max_age_ms;
}

std::int64_t retry_delay_ms(int failures) {
  std::int64_t delay = kFirstRetryMs;
  for (int i = 1; i < failures && delay < kMaxRetryMs; ++i) delay *= 2;
  return std::min(delay, kMaxRetryMs);
}

bool in_queues(const StudyQueues& queues, std::size_t card) {
  for (const auto* queue : {&queues.learning, &queues.reviews, &queues.new_cards, &queues.learning_later}) {
    if (std::find(queue->begin(), queue->end(), card) != queue->end()) return true;
  }
  return false;
}

Queue queue_of(CardState state) {
  switch (state) {
    case CardState::New: return Queue::New;
    case CardState::Review: return Queue::Review;
    default: return Queue::Learning;
  }
}

}  // namespace

App::App(Bank bank, Storage& storage)
    : bank_(std::move(bank)), storage_(storage), collection_(bank_) {}

App::Entry App::entry_of(std::string record) {
  Entry entry;
  Result<Event> event = parse_record(record);
  if (event) {
    entry.key = event_key(*event);
    entry.event = std::move(*event);
  } else {
    entry.problem = "unreadable record: " + event.error().reason;
    entry.key = kept_key(record);
  }
  entry.record = std::move(record);
  return entry;
}

std::string App::kept_key(std::string_view record) {
  char key[32];
  std::snprintf(key, sizeof key, "kept:%016llx", static_cast<unsigned long long>(fnv1a64(record)));
  return key;
}

Status App::start(std::int64_t now_ms, int utc_offset_min, std::string writer) {
  utc_offset_min_ = utc_offset_min;
  writer_ = std::move(writer);
  Result<std::vector<std::string>> records = storage_.load();
  if (!records) {
    return Error{"Your saved progress could not be read (" + records.error().reason +
                 "). Nothing was changed. Reload to try again."};
  }
  started_ = true;
  take_stored(std::move(*records), now_ms);
  return ok_status();
}

// The stored set becomes the log, followed by this app's writes that are not stored yet.
void App::take_stored(std::vector<std::string> records, std::int64_t now_ms) {
  // The card on screen stays only if nobody answered or changed it meanwhile.
  const std::optional<CardProgress> shown =
      study_ ? std::optional<CardProgress>(collection_.cards()[study_->card]) : std::nullopt;
  std::vector<Entry> unsaved;
  for (const PendingWrite& write : pending_) {
    if (write.key == kClearLog) continue;
    if (const std::optional<std::size_t> at = find_entry(write.key)) unsaved.push_back(std::move(log_[*at]));
  }
  log_.clear();
  by_key_.clear();
  log_.reserve(records.size() + unsaved.size());
  by_key_.reserve(records.size() + unsaved.size());
  for (std::string& record : records) {
    Entry entry = entry_of(std::move(record));
    entry.durable = true;
    if (const auto [twin, fresh] = by_key_.try_emplace(entry.key, log_.size()); !fresh) {
      if (log_[twin->second].record == entry.record) continue;  // the same bytes stored twice
      // Another record with this identity: kept and reported, never replayed in its place.
      entry.problem = "unreadable record: another record has the identity " + entry.key;
      entry.event.reset();
      entry.key = kept_key(entry.record);
      if (!by_key_.try_emplace(entry.key, log_.size()).second) continue;
    }
    log_.push_back(std::move(entry));
  }
  // Writes the stored set already holds are durable, whatever their outcome says later.
  std::erase_if(pending_, [&](const PendingWrite& w) { return w.key != kClearLog && by_key_.count(w.key); });
  for (Entry& entry : unsaved) {
    if (by_key_.count(entry.key)) continue;
    by_key_.emplace(entry.key, log_.size());
    log_.push_back(std::move(entry));
  }
  const std::optional<std::size_t> card = study_ ? std::optional<std::size_t>(study_->card) : std::nullopt;
  rebuild(now_ms);
  if (card && study_ && study_->card == *card && collection_.cards()[*card] != *shown) {
    changed_elsewhere_ = *card;
    study_.reset();
    ++version_;
    refresh(now_ms);
  }
}

std::optional<std::size_t> App::find_entry(const std::string& key) const {
  const auto it = by_key_.find(key);
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

void App::rebuild(std::int64_t now_ms) {
  health_ = {};
  reports_.clear();
  std::uint64_t max_id = 0;
  std::vector<std::size_t> order;  // of the readable entries, in replay order
  for (std::size_t i = 0; i < log_.size(); ++i) {
    const Entry& entry = log_[i];
    if (entry.event) {
      ++health_.readable;
      max_id = std::max(max_id, entry.event->id);
      order.push_back(i);
    } else {
      ++health_.unreadable;
      max_id = std::max(max_id, record_id(entry.record).value_or(0));
      health_.problems.push_back({i, record_id(entry.record).value_or(0), entry.problem});
    }
  }
  const auto before = [&](std::size_t a, std::size_t b) { return replays_before(*log_[a].event, *log_[b].event); };
  if (!std::is_sorted(order.begin(), order.end(), before)) {  // one tab's log is in order already
    std::sort(order.begin(), order.end(), before);
  }
  std::vector<Event> events;
  events.reserve(order.size());
  for (const std::size_t i : order) {
    events.push_back(*log_[i].event);
    events.back().at_ms = std::min(events.back().at_ms, now_ms);  // the clock rule (app.h)
  }
  collection_ = Collection(bank_);
  ReplayReport replayed = replay(collection_, events);
  for (Entry& entry : log_) {
    if (entry.event) entry.problem.clear();
  }
  for (ReplayProblem& problem : replayed.problems) {
    problem.index = order[problem.index];
    log_[problem.index].problem = problem.reason;
    health_.problems.push_back(std::move(problem));
  }
  saved_count_ = 0;
  for (const Entry& entry : log_) saved_count_ += entry.durable && entry.problem.empty();
  std::sort(health_.problems.begin(), health_.problems.end(),
            [](const ReplayProblem& a, const ReplayProblem& b) { return a.index < b.index; });
  next_id_ = std::max(next_id_, max_id + 1);
  ++version_;
  refresh(now_ms);
}

void App::set_utc_offset(int utc_offset_min) {
  if (utc_offset_min == utc_offset_min_) return;
  utc_offset_min_ = utc_offset_min;
  ++version_;
}

Status App::commit(EventBody body, std::int64_t now_ms) {
  if (!started_) return Error{"Your saved progress could not be read, so nothing can be saved."};
  changed_elsewhere_.reset();
  Event event{next_id_++, now_ms, std::move(body), writer_};  // a refused event keeps its id taken
  if (Status applied = collection_.apply(event); !applied) return applied;
  ++version_;
  const bool is_review = std::holds_alternative<Review>(event.body);
  Entry entry{to_record(event), event_key(event), std::move(event), {}};
  ++health_.readable;
  write(entry.key, entry.record, is_review);
  by_key_.emplace(entry.key, log_.size());
  log_.push_back(std::move(entry));
  return ok_status();
}

void App::write(const std::string& key, const std::string& record, bool is_review) {
  PendingWrite pending;
  pending.key = key;
  pending.record = record;
  pending.is_review = is_review;
  pending.in_flight = true;
  send(pending);
  pending_.push_back(std::move(pending));
}

void App::send(const PendingWrite& write) {
  if (write.key == kClearLog) {
    storage_.clear();
  } else {
    storage_.append(write.key, write.record);
  }
}

Status App::answer(fsrs::Rating rating, std::int64_t duration_ms, std::int64_t now_ms, std::string typed_answer) {
  if (!study_) return Error{"There is no card to answer."};
  const std::size_t card = study_->card;
  Status status = commit(Review{bank_.cards[card].id, static_cast<int>(rating),
                                std::max<std::int64_t>(duration_ms, 0), std::move(typed_answer)},
                         now_ms);
  if (status) study_.reset();
  return status;
}

const AnswerScorer& App::scorer_of(std::size_t card) const {
  auto scorer = scorers_.find(card);
  if (scorer == scorers_.end()) scorer = scorers_.emplace(card, AnswerScorer(bank_.cards[card])).first;
  return scorer->second;
}

AnswerScore App::score_answer(std::size_t card, std::string_view text) const { return scorer_of(card).score(text); }

bool App::scores_typed_answers(std::size_t card) const {
  return bank_.cards[card].kind == Kind::Concept && scorer_of(card).has_terms();
}

Result<std::string> App::start_mock(const MockPlan& plan, std::int64_t now_ms) {
  if (open_mock()) return Error{"A mock interview is still open: finish or end it first."};
  const Settings& settings = collection_.settings();
  const auto eligible = [&](std::size_t card) {
    if (collection_.cards()[card].suspended) return false;
    if (bank_.cards[card].code && cannot_run(card)) return false;  // e.g. it needs processes
    return plan.mix != MockMix::Focus || in_focus(settings, bank_.cards[card]);
  };
  Result<MockQuestions> questions =
      pick_mock_questions(bank_, plan, eligible, stable_hash(writer_, static_cast<std::uint64_t>(now_ms)));
  if (!questions) return questions.error();
  MockStart start;
  start.plan = describe(plan);
  for (std::size_t card : questions->cards) start.card_ids.push_back(bank_.cards[card].id);
  start.limits_s = questions->limits_s;
  const std::string id = event_key(next_id_, writer_);  // the identity commit gives it
  if (Status begun = commit(std::move(start), now_ms); !begun) return begun.error();
  return id;
}

const MockInterview* App::open_mock() const {
  const auto& mocks = collection_.mocks();
  for (auto it = mocks.rbegin(); it != mocks.rend(); ++it)
    if (!it->ended) return &*it;
  return nullptr;
}

Status App::answer_mock(MockAnswer answer, std::int64_t now_ms) {
  const MockInterview* mock = collection_.find_mock(answer.mock);
  if (!mock || mock->ended) return Error{"This mock interview has ended."};
  const std::optional<std::size_t> current = mock->current();
  if (!current || bank_.cards[mock->cards[*current]].id != answer.card_id)
    return Error{"That question was answered already."};
  const std::string id = answer.mock;
  if (Status answered = commit(std::move(answer), now_ms); !answered) return answered;
  mock = collection_.find_mock(id);
  if (!mock->current()) return end_mock(id, now_ms);
  return ok_status();
}

Status App::end_mock(const std::string& mock, std::int64_t now_ms) {
  const MockInterview* found = collection_.find_mock(mock);
  if (!found) return Error{"There is no such mock interview."};
  if (found->ended) return ok_status();
  return commit(MockEnd{mock}, now_ms);
}

const MockReport& App::mock_report(const MockInterview& mock) const {
  if (mock.ended) {
    if (const auto kept = reports_.find(mock.id); kept != reports_.end()) return kept->second;
  }
  MockReport report =
      pyprep::mock_report(bank_, mock, [&](std::size_t card, std::string_view text) { return score_answer(card, text); });
  return reports_.insert_or_assign(mock.id, std::move(report)).first->second;
}

Status App::undo(std::int64_t now_ms) {
  const std::optional<Collection::UndoableReview> last = collection_.undoable_review(writer_);
  if (!last) return Error{"There is no answer to undo."};
  Status status = commit(Undo{last->event_id, writer_}, now_ms);
  if (status) {
    study_.reset();
    show_next_ = last->card;
  }
  return status;
}

Status App::set_suspended(std::string_view card_id, bool suspended, std::int64_t now_ms) {
  return commit(SetSuspended{std::string(card_id), suspended}, now_ms);
}

Status App::bury(std::string_view card_id, std::int64_t now_ms) {
  const DayClock day = clock();
  const std::int64_t until = day.start_of_day(day.day_of(now_ms) + 1);
  return commit(Bury{std::string(card_id), until}, now_ms);
}

Status App::reset_card(std::string_view card_id, std::int64_t now_ms) {
  return commit(ResetCard{std::string(card_id)}, now_ms);
}

Status App::change_settings(SettingsChange change, std::int64_t now_ms) {
  // Every topic chosen is the same as none: a topic added to the bank later is studied too.
  const auto chosen = [&](const Topic& t) {
    return std::find(change.topics->begin(), change.topics->end(), t.id) != change.topics->end();
  };
  if (change.topics && std::all_of(bank_.topics.begin(), bank_.topics.end(), chosen)) {
    change.topics->clear();
  }
  return commit(ChangeSettings{std::move(change)}, now_ms);
}

Status App::set_bookmarked(std::string_view card_id, bool bookmarked, std::int64_t now_ms) {
  return commit(SetBookmarked{std::string(card_id), bookmarked}, now_ms);
}

Status App::set_note(std::string_view card_id, std::string text, std::int64_t now_ms) {
  return commit(Note{std::string(card_id), std::move(text)}, now_ms);
}

Status App::reset_all_progress(std::int64_t now_ms) {
  if (!started_) return Error{"Your saved progress could not be read, so nothing can be changed."};
  // Writes still in flight land before the clear (storage keeps the order) and are cleared too.
  pending_.clear();
  log_.clear();
  by_key_.clear();
  write(kClearLog, {}, false);
  show_next_.reset();
  rebuild(now_ms);
  return ok_status();
}

Status App::set_parameters(SetParameters parameters, std::int64_t now_ms) {
  return commit(std::move(parameters), now_ms);
}

bool App::poll_storage(std::int64_t now_ms) {
  bool changed = false;
  // A reload first: an outcome polled with it may be for a write the reload already holds.
  if (std::optional<std::vector<std::string>> stored = storage_.take_reloaded()) {
    take_stored(std::move(*stored), now_ms);
    changed = true;
  }
  for (const AppendOutcome& outcome : storage_.poll()) {
    changed = true;
    const auto write = std::find_if(pending_.begin(), pending_.end(), [&](const PendingWrite& w) {
      return w.key == outcome.key && w.in_flight;
    });
    if (write == pending_.end()) continue;
    if (outcome.durable) {
      const std::optional<std::size_t> at = find_entry(write->key);
      if (at && !log_[*at].durable) {
        log_[*at].durable = true;
        saved_count_ += log_[*at].problem.empty();
      }
      pending_.erase(write);
      continue;
    }
    write->in_flight = false;
    ++write->failures;
    write->last_error = outcome.reason;
    write->retry_at_ms = now_ms + retry_delay_ms(write->failures);
  }
  for (PendingWrite& write : pending_) {
    if (write.in_flight || now_ms < write.retry_at_ms) continue;
    write.in_flight = true;
    send(write);
    changed = true;
  }
  return changed;
}

Result<std::string> App::export_backup(std::string_view app_version, std::int64_t now_ms) {
  if (!started_) return Error{"Your saved progress could not be read, so there is nothing to back up."};
  // The backup holds its own marker, so a restore also brings back when it was made.
  if (Status noted = commit(BackupMade{log_.size() + 1}, now_ms); !noted) return noted.error();
  Backup backup{std::string(app_version), now_ms, {}};
  backup.records.reserve(log_.size());
  for (const Entry& entry : log_) backup.records.push_back(entry.record);
  return write_backup(backup);
}

Result<RestoreSummary> App::restore_backup(std::string_view text, std::int64_t now_ms) {
  if (!started_) return Error{"Your saved progress could not be read, so nothing can be restored."};
  Result<Backup> backup = parse_backup(text);
  if (!backup) return Error{"Nothing was restored: " + backup.error().reason + "."};
  RestoreSummary summary;
  std::vector<Entry> added;
  std::unordered_map<std::string, std::size_t> added_keys;
  for (std::size_t i = 0; i < backup->records.size(); ++i) {
    Entry entry = entry_of(std::move(backup->records[i]));
    const std::optional<std::size_t> here = find_entry(entry.key);
    const auto twice = added_keys.find(entry.key);
    const std::string* known = here ? &log_[*here].record
                               : twice != added_keys.end() ? &added[twice->second].record
                                                           : nullptr;
    if (!known) {
      added_keys.emplace(entry.key, added.size());
      added.push_back(std::move(entry));
      continue;
    }
    if (*known != entry.record) {
      // A record that repeats an identity is kept aside, as at start (take_stored), when it came
      // from this device's own log (then its bytes are kept here) or twice in the file; one that
      // contradicts a saved answer is a forged or damaged file.
      const std::string kept = kept_key(entry.record);
      if (find_entry(kept) || added_keys.count(kept)) {
        ++summary.already_here;
        continue;
      }
      if (here) {
        return Error{"Nothing was restored: line " + std::to_string(i + 2) + " contradicts an item saved here (" +
                     entry.key + "): the file was edited or is not from PyPrep."};
      }
      entry.problem = "unreadable record: another record has the identity " + entry.key;
      entry.event.reset();
      entry.key = kept;
      added_keys.emplace(entry.key, added.size());
      added.push_back(std::move(entry));
      continue;
    }
    ++summary.already_here;
  }
  summary.added = added.size();
  for (Entry& entry : added) {
    const bool is_review = entry.event && std::holds_alternative<Review>(entry.event->body);
    summary.answers_added += is_review;
    write(entry.key, entry.record, is_review);
    by_key_.emplace(entry.key, log_.size());
    log_.push_back(std::move(entry));
  }
  if (!added.empty()) rebuild(now_ms);
  return summary;
}

Status App::start_fit() {
  if (!started_) return Error{"Your saved progress could not be read."};
  if (fit_) return Error{"The schedule is already being optimised."};
  fit_message_.clear();
  fit_ = std::make_unique<optimizer::Optimizer>(training_data(collection_),
                                                collection_.settings().scheduling.parameters);
  return ok_status();
}

const CodeTask* App::task_of(std::size_t card) const {
  return card < bank_.cards.size() && bank_.cards[card].code ? &*bank_.cards[card].code : nullptr;
}

void App::edit_draft(std::size_t card, std::string code, std::int64_t now_ms) {
  if (!task_of(card) || code == draft(card)) return;
  draft_edits_[card] = {std::move(code), now_ms};
}

void App::flush_drafts(std::int64_t now_ms) {
  auto edits = std::move(draft_edits_);
  draft_edits_.clear();
  for (auto& [card, edit] : edits) {
    const std::optional<std::string>& saved = collection_.cards()[card].draft;
    if (edit.code == saved.value_or(task_of(card)->starter)) continue;
    // A refusal (storage unreadable) keeps the text on screen; the save error says why.
    if (!commit(Draft{bank_.cards[card].id, edit.code}, now_ms)) draft_edits_[card] = std::move(edit);
  }
}

const std::string& App::draft(std::size_t card) const {
  if (auto edit = draft_edits_.find(card); edit != draft_edits_.end()) return edit->second.code;
  static const std::string kNone;
  const CodeTask* task = task_of(card);
  if (!task) return kNone;
  const std::optional<std::string>& saved = collection_.cards()[card].draft;
  return saved ? *saved : task->starter;
}

Status App::reset_draft(std::size_t card, std::int64_t now_ms) {
  if (!task_of(card)) return Error{"This card has no code task."};
  draft_edits_.erase(card);
  if (!collection_.cards()[card].draft) return ok_status();
  return commit(ResetDraft{bank_.cards[card].id}, now_ms);
}

std::optional<std::string> App::cannot_run(std::size_t card) const {
  const CodeTask* task = task_of(card);
  if (!task) return "This card has no code task.";
  if (!task->runnable) return task->why_not_runnable;
  if (!runner_) return "This build cannot run Python.";
  return runner_->cannot_run(*task);
}

Status App::run_code(std::size_t card, std::int64_t now_ms, bool measure) {
  if (std::optional<std::string> reason = cannot_run(card)) return Error{*reason};
  if (measure && !task_of(card)->scale) return Error{"This task has no input to measure growth with."};
  if (code_run_.running) return Error{"Your last run has not finished yet."};
  flush_drafts(now_ms);
  if (code_run_.card != card) code_run_.verdict.reset();
  code_run_.card = card;
  code_run_.running = true;
  code_run_.started_ms = now_ms;
  runner_->run(code_job(*task_of(card), draft(card), measure));
  return ok_status();
}

bool App::tick_code(std::int64_t now_ms) {
  for (const auto& [card, edit] : draft_edits_) {
    if (now_ms - edit.edited_ms >= kDraftPauseMs || now_ms < edit.edited_ms) {
      flush_drafts(now_ms);
      break;
    }
  }
  if (!code_run_.running || !runner_) return !draft_edits_.empty();
  if (std::optional<std::string> text = runner_->take_verdict()) {
    code_run_.running = false;
    code_run_.answered_ms = now_ms;
    Result<CodeVerdict> verdict = parse_verdict(*text);
    if (!verdict) {
      CodeVerdict unreadable;
      unreadable.status = "unavailable";
      unreadable.message = verdict.error().reason;
      verdict = std::move(unreadable);
    }
    const CodeVerdict& v = *verdict;
    // A run that never reached the user's code (no runtime here) is not an attempt at the task.
    if (v.status != "unsupported" && v.status != "unavailable") {
      (void)commit(CodeRun{bank_.cards[*code_run_.card].id, v.status, v.passed, v.total, v.duration_ms}, now_ms);
    }
    code_run_.verdict = std::move(*verdict);
  }
  return code_run_.running || !draft_edits_.empty();
}

bool App::tick(std::int64_t now_ms, const std::function<bool()>& out_of_time) {
  const bool code_busy = tick_code(now_ms);
  if (!fit_) return code_busy;
  constexpr std::size_t kStepsPerSlice = 4;
  while (!fit_->run(kStepsPerSlice) && !out_of_time()) {
  }
  if (!fit_->done()) return true;
  const optimizer::Fit result = fit_->result();
  fit_.reset();
  if (!result.optimized) {
    fit_message_ = "Kept the current parameters: " + result.note;
    return code_busy;
  }
  const FitFigures figures{result.scored_reviews, result.steps, result.log_loss_before, result.log_loss_after};
  if (Status saved = set_parameters({result.parameters, "pyprep optimizer (FSRS-6)", figures}, now_ms); !saved) {
    fit_message_ = "The fitted parameters could not be used: " + saved.error().reason;
    return code_busy;
  }
  char text[160];
  std::snprintf(text, sizeof text,
                "Log loss %.4f → %.4f on %zu of your reviews. Your schedule now uses these parameters.",
                result.log_loss_before, result.log_loss_after, result.scored_reviews);
  fit_message_ = text;
  return code_busy;
}

FitView App::fit() const {
  FitView view;
  view.message = fit_message_;
  if (fit_) {
    view.running = true;
    view.progress = fit_->total_steps() ? float(fit_->steps_done()) / float(fit_->total_steps()) : 1.0f;
  }
  return view;
}

std::int64_t App::next_change_ms(std::int64_t now_ms) {
  refresh(now_ms);
  const DayClock day = clock();
  std::int64_t next = day.start_of_day(day.day_of(now_ms) + 1);
  for (const std::size_t card : queues_.learning_later) {
    next = std::min(next, collection_.cards()[card].schedule.due_ms);
  }
  for (const PendingWrite& write : pending_) {
    if (!write.in_flight) next = std::min(next, write.retry_at_ms);
  }
  for (const auto& [card, edit] : draft_edits_) next = std::min(next, edit.edited_ms + kDraftPauseMs);
  return std::max(next, now_ms);
}

std::string App::save_error() const {
  int failed = 0;
  bool only_reviews = true;
  const PendingWrite* latest = nullptr;
  for (const PendingWrite& write : pending_) {
    if (write.failures == 0) continue;
    ++failed;
    only_reviews = only_reviews && write.is_review;
    latest = &write;
  }
  if (failed == 0) return {};
  const std::string noun = only_reviews ? "review" : "change";
  return "Could not save " + std::to_string(failed) + " " + noun + (failed == 1 ? "" : "s") + ": " +
         latest->last_error + ". It will be retried.";
}

void App::refresh(std::int64_t now_ms) {
  // The clock was set back past events already replayed: replay under the clock rule.
  if (now_ms + kClockSlackMs < collection_.last_event_ms()) return rebuild(now_ms);
  const bool changed = queues_version_ != version_;
  if (!changed && !stale(queues_at_ms_, now_ms, kQueuesRefreshMs)) return;
  queues_ = study_queues(collection_, clock(), now_ms);
  queues_version_ = version_;
  queues_at_ms_ = now_ms;

  // The card the user is looking at stays (a note or bookmark must not swap it) unless it was
  // answered or left the queues (suspended, buried, filtered out, over a limit).
  if (study_ && !in_queues(queues_, study_->card)) study_.reset();
  if (!study_) {
    std::optional<StudyCard> next;
    if (show_next_) {
      next = StudyCard{*show_next_, queue_of(collection_.cards()[*show_next_].schedule.state)};
      show_next_.reset();
    } else {
      next = next_card(queues_, now_ms, collection_);
    }
    if (!next) return;
    study_ = StudyView{next->card, next->queue, {}};
  } else if (!changed) {
    return;
  }
  // A change (settings, reset, parameters) may alter what each answer would do.
  study_->outcomes = next_states(collection_.cards()[study_->card].schedule,
                                 bank_.cards[study_->card].id, collection_.settings().scheduling,
                                 now_ms);
}

const StudyView* App::study(std::int64_t now_ms) {
  refresh(now_ms);
  return study_ ? &*study_ : nullptr;
}

TodayCounts App::today(std::int64_t now_ms) {
  refresh(now_ms);
  return today_counts(queues_);
}

const Stats& App::stats(std::int64_t now_ms) {
  if (stats_version_ != version_ || stale(stats_at_ms_, now_ms, kStatsRefreshMs)) {
    stats_ = compute_stats(collection_, clock(), now_ms, kHistoryDays);
    stats_version_ = version_;
    stats_at_ms_ = now_ms;
  }
  return stats_;
}

std::size_t App::answers_saved() const {
  std::size_t answers = 0;
  for (const CardProgress& card : collection_.cards()) answers += card.history.size();
  return answers;
}

std::vector<SearchHit> App::search(std::string_view query, const SearchFilter& filter) {
  if (!search_index_) search_index_ = std::make_unique<SearchIndex>(bank_);
  return search_index_->search(query, filter);
}

}  // namespace pyprep
