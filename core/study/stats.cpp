#include "core/study/stats.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace pyprep {
namespace {

void count(Retention& retention, bool passed) {
  ++retention.total;
  retention.passed += passed ? 1 : 0;
}

void add(Mastery& mastery, bool mastered) {
  ++mastery.cards;
  mastery.mastered += mastered ? 1 : 0;
}

void count_state(StateCounts& counts, const CardProgress& progress) {
  if (progress.suspended) {
    ++counts.suspended;
    return;
  }
  switch (progress.schedule.state) {
    case CardState::New: ++counts.new_cards; break;
    case CardState::Learning: ++counts.learning; break;
    case CardState::Review: ++counts.review; break;
    case CardState::Relearning: ++counts.relearning; break;
  }
}

int streak(std::vector<std::int64_t> study_days, std::int64_t today) {
  std::sort(study_days.begin(), study_days.end());
  const auto studied = [&](std::int64_t day) {
    return std::binary_search(study_days.begin(), study_days.end(), day);
  };
  std::int64_t day = studied(today) ? today : today - 1;
  int days = 0;
  for (; studied(day); --day) ++days;
  return days;
}

}  // namespace

Stats compute_stats(const Collection& collection, const DayClock& clock, std::int64_t now_ms,
                    int history_days) {
  const Bank& bank = collection.bank();
  const std::int64_t today = clock.day_of(now_ms);
  std::unordered_map<std::string_view, std::size_t> topic_index;
  for (std::size_t i = 0; i < bank.topics.size(); ++i) topic_index.emplace(bank.topics[i].id, i);

  Stats stats;
  stats.reviews_per_day.assign(static_cast<std::size_t>(std::max(history_days, 0)), 0);
  stats.topic_mastery.resize(bank.topics.size());
  std::vector<std::int64_t> study_days;

  for (std::size_t i = 0; i < bank.cards.size(); ++i) {
    const CardProgress& progress = collection.cards()[i];
    const Schedule& schedule = progress.schedule;
    const Card& card = bank.cards[i];

    for (const ReviewEntry& entry : progress.history) {
      const std::int64_t day = clock.day_of(entry.at_ms);
      const std::int64_t age = today - day;
      if (study_days.empty() || study_days.back() != day) study_days.push_back(day);
      if (age >= 0 && age < history_days) ++stats.reviews_per_day[history_days - 1 - age];
      if (entry.before.state == CardState::New ||
          elapsed_days(entry.before.last_review_ms, entry.at_ms) < 1) {
        continue;
      }
      const bool passed = entry.rating != fsrs::Rating::Again;
      count(stats.retention_all, passed);
      if (age < 30) count(stats.retention_30d, passed);
      if (age < 7) count(stats.retention_7d, passed);
    }

    count_state(stats.counts, progress);
    if (card.code) {
      ++stats.code_tasks;
      stats.code_solved += progress.attempts.solved ? 1 : 0;
      stats.code_runs += progress.attempts.runs;
    }
    if (schedule.state != CardState::New && !progress.suspended) {
      const std::int64_t offset = std::max<std::int64_t>(clock.day_of(schedule.due_ms) - today, 0);
      if (offset < kForecastDays) ++stats.due_forecast[offset];
    }

    const bool mastered =
        schedule.state == CardState::Review && schedule.memory.stability >= kMasteredStabilityDays;
    if (const auto topic = topic_index.find(card.topic); topic != topic_index.end()) {
      add(stats.topic_mastery[topic->second], mastered);
    }
    add(stats.level_mastery[static_cast<std::size_t>(card.level)], mastered);
  }
  stats.streak_days = streak(std::move(study_days), today);
  return stats;
}

}  // namespace pyprep
