#include "core/study/queues.h"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "core/base/hash.h"

namespace pyprep {
namespace {

constexpr std::int64_t kHourMs = 60 * kMinuteMs;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void sort_by_due(std::vector<std::size_t>& cards, const std::vector<CardProgress>& progress) {
  std::sort(cards.begin(), cards.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(progress[a].schedule.due_ms, a) < std::tie(progress[b].schedule.due_ms, b);
  });
}

std::size_t topic_rank(const Bank& bank, std::string_view topic) {
  for (std::size_t i = 0; i < bank.topics.size(); ++i) {
    if (bank.topics[i].id == topic) return i;
  }
  return bank.topics.size();  // cards of unlisted topics come last
}

}  // namespace

bool in_focus(const Settings& settings, const Card& card) {
  return allows(settings.topics, card.topic) && allows(settings.levels, card.level);
}

std::int64_t DayClock::day_of(std::int64_t at_ms) const {
  return floor_div(at_ms + utc_offset_min * kMinuteMs - day_start_hour * kHourMs, kDayMs);
}

std::int64_t DayClock::start_of_day(std::int64_t day) const {
  return day * kDayMs + day_start_hour * kHourMs - utc_offset_min * kMinuteMs;
}

std::vector<std::size_t> new_card_order(const Collection& collection) {
  const Bank& bank = collection.bank();
  const Settings& settings = collection.settings();
  std::vector<std::size_t> order;
  std::vector<std::uint64_t> keys(bank.cards.size());
  for (std::size_t i = 0; i < bank.cards.size(); ++i) {
    const CardProgress& progress = collection.cards()[i];
    if (progress.schedule.state != CardState::New || progress.suspended) continue;
    const Card& card = bank.cards[i];
    if (!in_focus(settings, card)) continue;
    order.push_back(i);
    keys[i] = settings.new_order == NewCardOrder::Shuffled
                  ? stable_hash(card.id, settings.shuffle_seed)
                  : static_cast<std::uint64_t>(card.level) << 32 | topic_rank(bank, card.topic);
  }
  const auto by_key = [&](std::size_t a, std::size_t b) { return std::tie(keys[a], a) < std::tie(keys[b], b); };
  std::sort(order.begin(), order.end(), by_key);
  if (settings.new_order == NewCardOrder::Interleaved) {
    // Level order within each topic (the keys above), then round robin: the n-th card of every
    // topic before the (n+1)-th of any, counting the cards already studied, so topics stay
    // level with each other from day to day; within a turn, easier cards first.
    std::vector<std::uint64_t> turn_of_topic(bank.topics.size() + 1, 0);
    for (std::size_t i = 0; i < bank.cards.size(); ++i) {
      if (collection.cards()[i].schedule.state != CardState::New && in_focus(settings, bank.cards[i]))
        ++turn_of_topic[topic_rank(bank, bank.cards[i].topic)];
    }
    for (std::size_t i : order) {
      const std::size_t topic = topic_rank(bank, bank.cards[i].topic);
      keys[i] = turn_of_topic[topic]++ << 40 | static_cast<std::uint64_t>(bank.cards[i].level) << 32 | topic;
    }
    std::sort(order.begin(), order.end(), by_key);
  }
  return order;
}

StudyQueues study_queues(const Collection& collection, const DayClock& clock, std::int64_t now_ms) {
  const Settings& settings = collection.settings();
  const std::vector<CardProgress>& cards = collection.cards();
  const std::int64_t today = clock.day_of(now_ms);
  const std::int64_t today_start = clock.start_of_day(today);
  const std::int64_t tomorrow_start = clock.start_of_day(today + 1);

  StudyQueues queues;
  std::vector<std::size_t> reviews_due;
  for (std::size_t i = 0; i < cards.size(); ++i) {
    const CardProgress& progress = cards[i];
    for (auto it = progress.history.rbegin(); it != progress.history.rend() && it->at_ms >= today_start;
         ++it) {
      ++queues.answered_today;
      if (it->before.state == CardState::New) ++queues.new_introduced_today;
      if (it->before.state == CardState::Review) ++queues.reviews_answered_today;
    }
    const Schedule& s = progress.schedule;
    if (s.state == CardState::New || progress.suspended || progress.buried_until_ms > now_ms ||
        s.due_ms >= tomorrow_start || !in_focus(settings, collection.bank().cards[i])) {
      continue;
    }
    if (s.state == CardState::Review) {
      reviews_due.push_back(i);
    } else {
      (s.due_ms <= now_ms ? queues.learning : queues.learning_later).push_back(i);
    }
  }
  sort_by_due(queues.learning, cards);
  sort_by_due(queues.learning_later, cards);
  sort_by_due(reviews_due, cards);
  const auto review_room = static_cast<std::size_t>(
      std::max(0, settings.reviews_per_day - queues.reviews_answered_today));
  reviews_due.resize(std::min(reviews_due.size(), review_room));
  queues.reviews = std::move(reviews_due);

  const auto new_room =
      static_cast<std::size_t>(std::max(0, settings.new_per_day - queues.new_introduced_today));
  if (new_room > 0) {
    std::vector<std::size_t> order = new_card_order(collection);
    std::erase_if(order, [&](std::size_t i) { return cards[i].buried_until_ms > now_ms; });
    order.resize(std::min(order.size(), new_room));
    queues.new_cards = std::move(order);
  }
  return queues;
}

TodayCounts today_counts(const StudyQueues& queues) {
  return {static_cast<int>(queues.learning.size() + queues.learning_later.size()),
          static_cast<int>(queues.reviews.size()), static_cast<int>(queues.new_cards.size()),
          queues.answered_today};
}

std::optional<StudyCard> next_card(const StudyQueues& queues, std::int64_t now_ms,
                                   const Collection& collection) {
  if (!queues.learning.empty()) return StudyCard{queues.learning.front(), Queue::Learning};
  if (!queues.reviews.empty()) return StudyCard{queues.reviews.front(), Queue::Review};
  if (!queues.new_cards.empty()) return StudyCard{queues.new_cards.front(), Queue::New};
  if (!queues.learning_later.empty()) {
    const std::size_t card = queues.learning_later.front();
    if (collection.cards()[card].schedule.due_ms <= now_ms + kLearnAheadMs) {
      return StudyCard{card, Queue::Learning};
    }
  }
  return std::nullopt;
}

}  // namespace pyprep
