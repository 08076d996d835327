#include "core/log/collection.h"

#include <algorithm>
#include <array>
#include <utility>

namespace pyprep {

Collection::Collection(const Bank& bank) : bank_(&bank), cards_(bank.cards.size()) {
  index_.reserve(bank.cards.size());
  for (std::size_t i = 0; i < bank.cards.size(); ++i) index_.emplace(bank.cards[i].id, i);
}

std::optional<std::size_t> Collection::card_index(std::string_view card_id) const {
  const auto it = index_.find(card_id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::optional<Collection::UndoableReview> Collection::undoable_review(std::string_view writer) const {
  for (auto at = undo_stack_.rbegin(); at != undo_stack_.rend(); ++at) {
    const ReviewEntry& last = cards_[*at].history.back();
    if (last.writer == writer) return UndoableReview{last.event_id, *at};
  }
  return std::nullopt;
}

std::optional<std::size_t> Collection::undoable_at(std::uint64_t id, std::string_view writer) const {
  for (std::size_t at = undo_stack_.size(); at-- > 0;) {
    const ReviewEntry& last = cards_[undo_stack_[at]].history.back();
    if (last.event_id == id && last.writer == writer) return at;
  }
  return std::nullopt;
}

Status Collection::apply(const Event& event) {
  if (applied_any_ && !(last_id_ < event.id || (last_id_ == event.id && last_writer_ < event.writer))) {
    const std::string key = event_key(event);
    return Error{last_id_ == event.id && last_writer_ == event.writer
                     ? "duplicate event id " + key
                     : "event id " + key + " is out of order (after " +
                           event_key(last_id_, last_writer_) + ")"};
  }
  applied_any_ = true;
  last_id_ = event.id;
  last_writer_ = event.writer;
  last_ms_ = std::max(last_ms_, event.at_ms);
  return apply_body(event);
}

Status Collection::apply_body(const Event& event) {
  std::size_t card = 0;
  CardProgress* progress = nullptr;  // set for events about a card
  if (const std::string* card_id = card_of(event.body)) {
    const std::optional<std::size_t> found = card_index(*card_id);
    if (!found) return Error{"card '" + *card_id + "' is not in the question bank"};
    card = *found;
    progress = &cards_[card];
  }

  if (const auto* e = std::get_if<Review>(&event.body)) return review(event, *e, card);
  if (const auto* e = std::get_if<Undo>(&event.body)) return undo(*e);
  if (const auto* e = std::get_if<MockStart>(&event.body)) return mock_start(event, *e);
  if (const auto* e = std::get_if<MockAnswer>(&event.body)) return mock_answer(event, *e, card);
  if (const auto* e = std::get_if<MockEnd>(&event.body)) {
    MockInterview* mock = mock_by_id(e->mock);
    if (!mock) return Error{"mock interview " + e->mock + " never began"};
    if (!mock->ended) mock->ended_ms = event.at_ms;  // a second tab ending it too changes nothing
    mock->ended = true;
    return ok_status();
  }
  if (const auto* e = std::get_if<SetSuspended>(&event.body)) {
    progress->suspended = e->suspended;
  } else if (const auto* e = std::get_if<Bury>(&event.body)) {
    progress->buried_until_ms = e->until_ms;
  } else if (std::holds_alternative<ResetCard>(event.body)) {
    reset(*progress);
    std::erase(undo_stack_, card);
  } else if (const auto* e = std::get_if<ChangeSettings>(&event.body)) {
    return apply_settings_change(settings_, e->changes);
  } else if (const auto* e = std::get_if<SetBookmarked>(&event.body)) {
    progress->bookmarked = e->bookmarked;
  } else if (const auto* e = std::get_if<Note>(&event.body)) {
    progress->note = e->text;
  } else if (std::holds_alternative<ResetAllProgress>(event.body)) {
    for (CardProgress& each : cards_) reset(each);
    undo_stack_.clear();
    mocks_.clear();
  } else if (const auto* e = std::get_if<SetParameters>(&event.body)) {
    if (Status valid = fsrs::check_parameters(e->weights); !valid) return valid;
    settings_.scheduling.parameters = e->weights;
  } else if (std::holds_alternative<BackupMade>(event.body)) {
    last_backup_ms_ = std::max(last_backup_ms_, event.at_ms);
  } else if (const auto* e = std::get_if<Draft>(&event.body)) {
    if (!bank_->cards[card].code) return Error{"card " + e->card_id + " is not a code task"};
    progress->draft = e->code;
  } else if (const auto* e = std::get_if<ResetDraft>(&event.body)) {
    if (!bank_->cards[card].code) return Error{"card " + e->card_id + " is not a code task"};
    progress->draft.reset();
  } else if (const auto* e = std::get_if<CodeRun>(&event.body)) {
    if (!bank_->cards[card].code) return Error{"card " + e->card_id + " is not a code task"};
    if (e->passed < 0 || e->total < 0 || e->passed > e->total)
      return Error{"a run cannot pass " + std::to_string(e->passed) + " of " +
                   std::to_string(e->total) + " cases"};
    CodeAttempts& attempts = progress->attempts;
    ++attempts.runs;
    attempts.solved = attempts.solved || e->status == "pass";
    attempts.last_status = e->status;
    attempts.last_passed = e->passed;
    attempts.last_total = e->total;
  }
  return ok_status();
}

Status Collection::review(const Event& event, const Review& review, std::size_t card) {
  if (!fsrs::is_rating(review.rating)) {
    return Error{"rating " + std::to_string(review.rating) + " is out of range 1-4"};
  }
  if (review.duration_ms < 0) return Error{"review duration is negative"};
  CardProgress& progress = cards_[card];
  ReviewEntry entry{event.id, event.writer, event.at_ms, review.duration_ms,
                    static_cast<fsrs::Rating>(review.rating), progress.schedule};
  progress.schedule = next_states(progress.schedule, review.card_id, settings_.scheduling,
                                  event.at_ms)[review.rating - 1]
                          .schedule;
  const bool lapsed = progress.schedule.lapses > entry.before.lapses;
  if (lapsed && progress.schedule.lapses >= settings_.leech_lapses && !progress.leech) {
    progress.leech = entry.made_leech = true;
    if (settings_.suspend_leeches && !progress.suspended) {
      progress.suspended = entry.suspended_as_leech = true;
    }
  }
  progress.history.push_back(entry);
  undo_stack_.push_back(card);
  return ok_status();
}

const MockInterview* Collection::find_mock(std::string_view id) const {
  for (const MockInterview& mock : mocks_)
    if (mock.id == id) return &mock;
  return nullptr;
}

MockInterview* Collection::mock_by_id(std::string_view id) {
  return const_cast<MockInterview*>(std::as_const(*this).find_mock(id));
}

Status Collection::mock_start(const Event& event, const MockStart& start) {
  if (start.card_ids.empty()) return Error{"a mock interview needs at least one question"};
  if (start.limits_s.size() != start.card_ids.size())
    return Error{"a mock interview needs one time limit per question"};
  MockInterview mock;
  mock.id = event_key(event);
  mock.plan = start.plan;
  mock.started_ms = event.at_ms;
  for (std::size_t i = 0; i < start.card_ids.size(); ++i) {
    const std::optional<std::size_t> card = card_index(start.card_ids[i]);
    if (!card) return Error{"card '" + start.card_ids[i] + "' is not in the question bank"};
    if (start.limits_s[i] <= 0) return Error{"a question's time limit must be positive"};
    mock.cards.push_back(*card);
  }
  mock.limits_s = start.limits_s;
  mock.replies.resize(mock.cards.size());
  mocks_.push_back(std::move(mock));
  return ok_status();
}

Status Collection::mock_answer(const Event& event, const MockAnswer& answer, std::size_t card) {
  MockInterview* mock = mock_by_id(answer.mock);
  if (!mock) return Error{"mock interview " + answer.mock + " never began"};
  static constexpr std::array<std::string_view, 4> hows = {"typed", "aloud", "code", "skipped"};
  if (std::find(hows.begin(), hows.end(), answer.how) == hows.end())
    return Error{"a mock answer cannot be given '" + answer.how + "'"};
  if (answer.seconds < 0) return Error{"a mock answer cannot take negative time"};
  if (answer.how == "code" && (answer.passed < 0 || answer.total < 0 || answer.passed > answer.total))
    return Error{"a run cannot pass " + std::to_string(answer.passed) + " of " + std::to_string(answer.total) + " cases"};
  // The first unanswered question asking this card: a second tab's answer to the same question,
  // or one after the end, changes nothing.
  for (std::size_t i = 0; i < mock->cards.size(); ++i) {
    if (mock->cards[i] != card || mock->replies[i]) continue;
    if (mock->ended) return ok_status();
    mock->replies[i] = MockReply{answer.how, answer.seconds, event.at_ms, answer.answer,
                                 answer.self, answer.status, answer.passed, answer.total};
    return ok_status();
  }
  if (std::find(mock->cards.begin(), mock->cards.end(), card) == mock->cards.end())
    return Error{"card '" + answer.card_id + "' is not a question of mock interview " + answer.mock};
  return ok_status();
}

Status Collection::undo(const Undo& undo) {
  if (undo_stack_.empty()) return Error{"nothing to undo"};
  const std::optional<std::size_t> at = undoable_at(undo.target_id, undo.target_writer);
  if (!at) {
    return Error{"undo targets event " + event_key(undo.target_id, undo.target_writer) +
                 ", which is not a card's last review in effect"};
  }
  CardProgress& progress = cards_[undo_stack_[*at]];
  const ReviewEntry& last = progress.history.back();
  progress.schedule = last.before;
  if (last.made_leech) progress.leech = false;
  if (last.suspended_as_leech) progress.suspended = false;
  progress.history.pop_back();
  undo_stack_.erase(undo_stack_.begin() + static_cast<std::ptrdiff_t>(*at));
  return ok_status();
}

void Collection::reset(CardProgress& progress) {
  progress.schedule = Schedule{};
  progress.leech = false;
  progress.buried_until_ms = 0;
}

ReplayReport replay(Collection& collection, std::span<const Event> events) {
  ReplayReport report;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (Status status = collection.apply(events[i])) {
      ++report.applied;
    } else {
      report.problems.push_back({i, events[i].id, status.error().reason});
    }
  }
  return report;
}

}  // namespace pyprep
