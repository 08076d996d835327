#include "core/practice/mock.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <tuple>

#include "core/base/hash.h"

namespace pyprep {

std::optional<std::size_t> MockInterview::current() const {
  for (std::size_t i = 0; i < replies.size(); ++i)
    if (!replies[i]) return i;
  return std::nullopt;
}

std::int64_t MockInterview::question_started_ms(std::size_t question) const {
  std::int64_t at = started_ms;
  for (std::size_t i = 0; i < question && i < replies.size(); ++i)
    if (replies[i]) at = std::max(at, replies[i]->at_ms);
  return at;
}

std::string describe(const MockPlan& plan) {
  static constexpr std::array<const char*, 3> lengths = {"5 questions", "10 questions", "30 minutes"};
  static constexpr std::array<const char*, 4> mixes = {"junior role", "mid-level role", "senior role",
                                                       "your focus"};
  return std::string(lengths[static_cast<std::size_t>(plan.length)]) + " · " +
         mixes[static_cast<std::size_t>(plan.mix)];
}

namespace {

using Ladder = std::array<Level, 4>;

// The level asked at each quarter of the mock.
std::optional<Ladder> ladder_of(MockMix mix) {
  switch (mix) {
    case MockMix::Junior: return Ladder{Level::Beginner, Level::Junior, Level::Junior, Level::Mid};
    case MockMix::Mid: return Ladder{Level::Junior, Level::Mid, Level::Mid, Level::Senior};
    case MockMix::Senior: return Ladder{Level::Mid, Level::Mid, Level::Senior, Level::Senior};
    case MockMix::Focus: return std::nullopt;
  }
  return std::nullopt;
}

// `count` of `candidates`: for each, the nearest level to the ladder's, then the topic asked
// least so far, then the seed's order.
std::vector<std::size_t> pick(const Bank& bank, std::vector<std::size_t> candidates, std::size_t count,
                              const std::optional<Ladder>& ladder, std::map<std::string, int>& topic_uses,
                              std::uint64_t seed) {
  std::vector<std::size_t> picked;
  for (std::size_t i = 0; i < count && !candidates.empty(); ++i) {
    const auto cost = [&](std::size_t card) {
      const Card& c = bank.cards[card];
      const int target = ladder ? static_cast<int>((*ladder)[i * ladder->size() / count]) : 0;
      const int distance = ladder ? std::abs(static_cast<int>(c.level) - target) : 0;
      return std::make_tuple(distance, topic_uses[c.topic], stable_hash(c.id, seed));
    };
    const auto best = std::min_element(candidates.begin(), candidates.end(),
                                       [&](std::size_t a, std::size_t b) { return cost(a) < cost(b); });
    picked.push_back(*best);
    ++topic_uses[bank.cards[*best].topic];
    candidates.erase(best);
  }
  if (!ladder) {  // the focus has no ladder: easier questions first all the same
    std::stable_sort(picked.begin(), picked.end(),
                     [&](std::size_t a, std::size_t b) { return bank.cards[a].level < bank.cards[b].level; });
  }
  return picked;
}

}  // namespace

Result<MockQuestions> pick_mock_questions(const Bank& bank, const MockPlan& plan,
                                          const std::function<bool(std::size_t)>& eligible,
                                          std::uint64_t seed) {
  std::vector<std::size_t> concepts, tasks;
  for (std::size_t i = 0; i < bank.cards.size(); ++i) {
    const Card& card = bank.cards[i];
    if (!eligible(i)) continue;
    if (card.code && !card.code->cases.empty()) tasks.push_back(i);
    else if (!card.code && !card.key_point_matches.empty()) concepts.push_back(i);
  }
  std::size_t want_concepts = 0, want_tasks = 0;
  switch (plan.length) {
    case MockLength::FiveQuestions: want_concepts = 4, want_tasks = 1; break;
    case MockLength::TenQuestions: want_concepts = 8, want_tasks = 2; break;
    case MockLength::ThirtyMinutes: want_concepts = 5, want_tasks = 1; break;
  }
  if (tasks.empty()) {
    // Concept questions only: as many questions, or the code task's time in concept questions.
    if (plan.length == MockLength::ThirtyMinutes) {
      want_concepts += want_tasks * static_cast<std::size_t>(kMockCodeSeconds / kMockConceptSeconds);
    } else {
      want_concepts += want_tasks;
    }
    want_tasks = 0;
  }
  if (concepts.empty() && want_tasks == 0) {
    return Error{"No questions match this choice. Pick another role, or widen your focus on Today."};
  }
  std::map<std::string, int> topic_uses;
  const std::optional<Ladder> ladder = ladder_of(plan.mix);
  MockQuestions questions;
  questions.cards = pick(bank, std::move(concepts), want_concepts, ladder, topic_uses, seed);
  questions.limits_s.assign(questions.cards.size(), kMockConceptSeconds);
  for (std::size_t task : pick(bank, std::move(tasks), want_tasks, ladder, topic_uses, seed)) {
    questions.cards.push_back(task);
    questions.limits_s.push_back(kMockCodeSeconds);
  }
  return questions;
}

MockReport mock_report(const Bank& bank, const MockInterview& mock,
                       const std::function<AnswerScore(std::size_t, std::string_view)>& score) {
  MockReport report;
  std::map<std::string, std::pair<double, int>> by_topic;
  std::vector<std::string> topic_order;
  for (std::size_t i = 0; i < mock.cards.size(); ++i) {
    MockQuestionReport q;
    q.card = mock.cards[i];
    q.limit_s = i < mock.limits_s.size() ? mock.limits_s[i] : 0;
    q.how = "unanswered";
    if (const std::optional<MockReply>& reply = mock.replies[i]) {
      q.how = reply->how;
      q.seconds = reply->seconds;
      q.answer = reply->answer;
      q.self = reply->self;
      q.status = reply->status;
      q.passed = reply->passed;
      q.total = reply->total;
      if (reply->how == "typed") {
        const AnswerScore scored = score(q.card, reply->answer);
        for (const PointScore& point : scored.points) q.covered.push_back(point.covered);
        q.score = scored.score;
      } else if (reply->how == "aloud") {
        q.score = std::clamp<double>(static_cast<double>(reply->self), 0, 2) / 2;
      } else if (reply->how == "code" && reply->total > 0) {
        q.score = static_cast<double>(std::clamp<std::int64_t>(reply->passed, 0, reply->total)) /
                  static_cast<double>(reply->total);
      }
    }
    report.seconds += q.seconds;
    report.score += q.score;
    const std::string& topic = bank.cards[q.card].topic;
    if (!by_topic.count(topic)) topic_order.push_back(topic);
    by_topic[topic].first += q.score;
    ++by_topic[topic].second;
    report.questions.push_back(std::move(q));
  }
  if (!report.questions.empty()) report.score /= static_cast<double>(report.questions.size());
  for (const std::string& topic : topic_order) {
    const auto [total, count] = by_topic[topic];
    const double mean = total / count;
    if (mean < kMockWeakScore) report.weakest.push_back({topic, mean, count});
  }
  std::stable_sort(report.weakest.begin(), report.weakest.end(),
                   [](const MockTopicScore& a, const MockTopicScore& b) { return a.score < b.score; });
  if (report.weakest.size() > 3) report.weakest.resize(3);
  return report;
}

}  // namespace pyprep
