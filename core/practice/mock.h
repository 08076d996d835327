#pragma once
// Mock interviews: a fixed list of questions answered under a clock, with no answer shown until
// the end, then a report. A mock lives in the log (mock_start, mock_answer, mock_end), so a reload
// resumes it where it was. Mock answers are not reviews: the questions are picked off the
// schedule, and nothing is learnt at answer time (the model answer is withheld), so counting them
// would move intervals for cards the scheduler did not choose and teach the optimizer from grades
// given without feedback. The report sends the user to study what was weak instead.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/practice/answer_score.h"
#include "core/bank/bank.h"
#include "core/base/result.h"

namespace pyprep {

inline constexpr std::int64_t kMockConceptSeconds = 3 * 60;
inline constexpr std::int64_t kMockCodeSeconds = 15 * 60;

// One question answered, as the log has it.
struct MockReply {
  std::string how;  // typed, aloud, code, skipped
  std::int64_t seconds = 0;
  std::int64_t at_ms = 0;  // when it was given: the next question's clock starts here
  std::string answer;
  std::int64_t self = 0;  // aloud: 0 missed, 1 partly, 2 got it
  std::string status;     // code: the grader's word, or "not_run"
  std::int64_t passed = 0;
  std::int64_t total = 0;
  bool operator==(const MockReply&) const = default;
};

struct MockInterview {
  std::string id;  // the key of its mock_start event
  std::string plan;
  std::int64_t started_ms = 0;
  std::vector<std::size_t> cards;  // bank indices, in question order
  std::vector<std::int64_t> limits_s;
  std::vector<std::optional<MockReply>> replies;  // parallel to cards
  bool ended = false;
  std::int64_t ended_ms = 0;

  // The first question not answered yet, or nullopt when all are.
  std::optional<std::size_t> current() const;
  // When the clock of question `question` started: the previous answer, or the start.
  std::int64_t question_started_ms(std::size_t question) const;
  bool operator==(const MockInterview&) const = default;
};

// What the user asks for on the setup screen.
enum class MockLength { FiveQuestions, TenQuestions, ThirtyMinutes };
// A role's mix rises in level from the first question to the last; Focus takes the study focus
// (Today's levels and topics) in level order.
enum class MockMix { Junior, Mid, Senior, Focus };
struct MockPlan {
  MockLength length = MockLength::FiveQuestions;
  MockMix mix = MockMix::Mid;
};
std::string describe(const MockPlan& plan);

struct MockQuestions {
  std::vector<std::size_t> cards;
  std::vector<std::int64_t> limits_s;
};
// Picks the questions: across topics (each topic once before any twice), levels rising along the
// role's ladder, code tasks last (one in five questions, one in a 30-minute mock; none when no
// eligible task can run, and concept questions take their time). `eligible` says which cards may
// be asked (not suspended, runnable here, in the focus for Focus). Deterministic in `seed`.
Result<MockQuestions> pick_mock_questions(const Bank& bank, const MockPlan& plan,
                                          const std::function<bool(std::size_t)>& eligible,
                                          std::uint64_t seed);

struct MockQuestionReport {
  std::size_t card = 0;
  std::string how;  // as answered; "unanswered" when the mock ended before it
  std::int64_t seconds = 0;
  std::int64_t limit_s = 0;
  double score = 0.0;                // 0–1
  std::vector<bool> covered;         // key points, typed answers only
  std::int64_t passed = 0, total = 0;  // code
  std::string status;
  std::int64_t self = 0;
  std::string answer;
};

struct MockTopicScore {
  std::string topic;
  double score = 0.0;
  int questions = 0;
};

struct MockReport {
  double score = 0.0;  // mean of the questions' scores, 0–1
  std::int64_t seconds = 0;
  std::vector<MockQuestionReport> questions;
  std::vector<MockTopicScore> weakest;  // topics under kMockWeakScore, weakest first, at most 3
};
inline constexpr double kMockWeakScore = 0.7;

// A question's score: a typed answer's share of key points covered; aloud, the user's own rating
// (got it 1, partly 0.5); code, the share of cases passed; skipped or unanswered 0. `score` scores
// a typed answer on a card (the same deterministic scorer as Study).
MockReport mock_report(const Bank& bank, const MockInterview& mock,
                       const std::function<AnswerScore(std::size_t, std::string_view)>& score);

}  // namespace pyprep
