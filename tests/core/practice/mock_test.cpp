#include "core/practice/mock.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "core/app/app.h"
#include "tests/core/sample_bank.h"

using namespace pyprep;
using namespace pyprep::test;

namespace {

// Three topics × four levels of concept cards with match terms ("<topic>-<level>"), and two code
// tasks; each concept card has two key points: "generator … lazy" and "yield".
Bank mock_bank() {
  Bank bank;
  bank.topics = {{"basics", "Basics"}, {"async", "Async"}, {"django", "Django"}};
  const char* levels[] = {"beginner", "junior", "mid", "senior"};
  for (const Topic& topic : bank.topics) {
    for (int level = 0; level < 4; ++level) {
      Card card{.id = topic.id + "-" + levels[level], .topic = topic.id, .level = static_cast<Level>(level)};
      card.key_points = {"A generator is lazy", "It uses yield"};
      card.key_point_matches = {{.groups = {{"generator"}, {"lazy"}}}, {.groups = {{"yield"}}}};
      bank.cards.push_back(card);
    }
  }
  for (const char* id : {"code-junior", "code-senior"}) {
    Card card{.id = id, .topic = "basics", .level = id[5] == 'j' ? Level::Junior : Level::Senior, .kind = Kind::Code};
    CodeTask task;
    task.cases = {{"one", "assert f() == 1"}, {"two", "assert f() == 2"}, {"three", "assert 1"}, {"four", "assert 1"}};
    card.code = task;
    bank.cards.push_back(card);
  }
  return bank;
}

std::vector<std::string> ids(const Bank& bank, const std::vector<std::size_t>& cards) {
  std::vector<std::string> out;
  for (std::size_t card : cards) out.push_back(bank.cards[card].id);
  return out;
}

bool any_card(std::size_t) { return true; }

class IdleRunner : public CodeRunner {
 public:
  std::optional<std::string> cannot_run(const CodeTask&) const override { return std::nullopt; }
  void warm_up() override {}
  void run(std::string) override {}
  std::optional<std::string> take_verdict() override { return std::nullopt; }
};

struct MockApp {
  MockApp() : app(mock_bank(), storage) {
    REQUIRE(app.start(T0, 0, "w1").ok());
    app.attach_runner(runner);
  }
  const MockInterview& begin(MockPlan plan = {}) {
    REQUIRE(app.start_mock(plan, T0).ok());
    REQUIRE(app.open_mock() != nullptr);
    return *app.open_mock();
  }
  std::string card_id(std::size_t question) const {
    return app.bank().cards[app.open_mock()->cards[question]].id;
  }
  MemoryStorage storage;
  IdleRunner runner;
  App app;
};

}  // namespace

TEST_CASE("a mid-level mock asks four concept questions rising junior, mid, mid, senior, each from another topic first, then a code task") {
  const Bank bank = mock_bank();
  const Result<MockQuestions> picked = pick_mock_questions(bank, {MockLength::FiveQuestions, MockMix::Mid}, any_card, 7);
  REQUIRE(picked.ok());
  REQUIRE(picked->cards.size() == 5);
  std::vector<Level> levels;
  std::set<std::string> first_topics;
  for (std::size_t i = 0; i < 4; ++i) {
    levels.push_back(bank.cards[picked->cards[i]].level);
    if (i < 3) first_topics.insert(bank.cards[picked->cards[i]].topic);
  }
  CHECK(levels == std::vector<Level>{Level::Junior, Level::Mid, Level::Mid, Level::Senior});
  CHECK(first_topics.size() == 3);
  CHECK(bank.cards[picked->cards[4]].kind == Kind::Code);
  CHECK(picked->limits_s == std::vector<std::int64_t>{180, 180, 180, 180, 900});
}

TEST_CASE("the same seed picks the same mock; a junior role takes the junior code task") {
  const Bank bank = mock_bank();
  const MockPlan plan{MockLength::TenQuestions, MockMix::Junior};
  const auto first = pick_mock_questions(bank, plan, any_card, 42);
  const auto again = pick_mock_questions(bank, plan, any_card, 42);
  REQUIRE(first.ok());
  CHECK(first->cards == again->cards);
  REQUIRE(first->cards.size() == 10);  // 8 concept questions and both code tasks
  CHECK(ids(bank, {first->cards[8], first->cards[9]}) == std::vector<std::string>{"code-junior", "code-senior"});
  CHECK(bank.cards[first->cards[0]].level == Level::Beginner);
  CHECK(bank.cards[first->cards[7]].level == Level::Mid);
}

TEST_CASE("where no code task can run, 30 minutes is ten concept questions of three minutes, and five questions stay five") {
  const Bank bank = mock_bank();
  const auto no_code = [&](std::size_t card) { return !bank.cards[card].code; };
  const auto thirty = pick_mock_questions(bank, {MockLength::ThirtyMinutes, MockMix::Senior}, no_code, 1);
  REQUIRE(thirty.ok());
  CHECK(thirty->cards.size() == 10);
  CHECK(thirty->limits_s == std::vector<std::int64_t>(10, 180));
  const auto five = pick_mock_questions(bank, {MockLength::FiveQuestions, MockMix::Senior}, no_code, 1);
  REQUIRE(five.ok());
  CHECK(five->cards.size() == 5);
}

TEST_CASE("a focus mock asks only eligible cards, easier first, and an empty focus is a clear error") {
  const Bank bank = mock_bank();
  const auto async_only = [&](std::size_t card) { return bank.cards[card].topic == "async"; };
  const auto picked = pick_mock_questions(bank, {MockLength::FiveQuestions, MockMix::Focus}, async_only, 3);
  REQUIRE(picked.ok());
  // Four async concept cards exist and no async code task: all four, by level.
  CHECK(ids(bank, picked->cards) ==
        std::vector<std::string>{"async-beginner", "async-junior", "async-mid", "async-senior"});
  const auto none = pick_mock_questions(bank, {MockLength::FiveQuestions, MockMix::Focus}, [](std::size_t) { return false; }, 3);
  REQUIRE(!none.ok());
  CHECK(none.error().reason == "No questions match this choice. Pick another role, or widen your focus on Today.");
}

TEST_CASE("a mock's events round-trip through records with exact fields") {
  const Event start{5, T0, MockStart{"5 questions · junior role", {"basics-mid", "code-junior"}, {180, 900}}, "w1"};
  CHECK(to_record(start) ==
        R"({"id":5,"by":"w1","at_ms":1700000000000,"type":"mock_start","plan":"5 questions · junior role","cards":["basics-mid","code-junior"],"limits_s":[180,900]})");
  const Event typed{6, T0 + 1, MockAnswer{"w1:5", "basics-mid", "typed", 61, "lazy generators"}, "w1"};
  CHECK(to_record(typed) ==
        R"({"id":6,"by":"w1","at_ms":1700000000001,"type":"mock_answer","mock":"w1:5","card":"basics-mid","how":"typed","seconds":61,"answer":"lazy generators"})");
  const Event code{7, T0 + 2, MockAnswer{"w1:5", "code-junior", "code", 400, "", 0, "fail", 3, 4}, "w1"};
  CHECK(to_record(code) ==
        R"({"id":7,"by":"w1","at_ms":1700000000002,"type":"mock_answer","mock":"w1:5","card":"code-junior","how":"code","seconds":400,"status":"fail","passed":3,"total":4})");
  const Event end{8, T0 + 3, MockEnd{"w1:5"}, "w1"};
  for (const Event& event : {start, typed, code, end}) {
    const Result<Event> back = parse_record(to_record(event));
    REQUIRE(back.ok());
    CHECK(*back == event);
  }
  CHECK(parse_record(R"({"id":1,"at_ms":0,"type":"mock_start","plan":"","cards":["a",2],"limits_s":[1,1]})").error().reason ==
        "field 'cards' must hold only strings");
}

TEST_CASE("a mock runs question by question; each clock starts at the previous answer; the last answer ends it") {
  MockApp m;
  const MockInterview& mock = m.begin({MockLength::FiveQuestions, MockMix::Mid});
  const std::string id = mock.id;
  CHECK(id == "w1:1");
  CHECK(mock.current() == 0u);
  CHECK(m.app.start_mock({}, T0).error().reason == "A mock interview is still open: finish or end it first.");
  REQUIRE(m.app.answer_mock({id, m.card_id(0), "typed", 50, "a generator is lazy"}, T0 + 50'000).ok());
  CHECK(m.app.open_mock()->question_started_ms(1) == T0 + 50'000);
  CHECK(m.app.answer_mock({id, m.card_id(0), "typed", 5, "again"}, T0 + 51'000).error().reason ==
        "That question was answered already.");
  REQUIRE(m.app.answer_mock({id, m.card_id(1), "aloud", 70, "", 1}, T0 + 120'000).ok());
  REQUIRE(m.app.answer_mock({id, m.card_id(2), "skipped", 180}, T0 + 300'000).ok());
  REQUIRE(m.app.answer_mock({id, m.card_id(3), "typed", 20, "yield, and a generator is lazy"}, T0 + 320'000).ok());
  const std::string task = m.card_id(4);
  REQUIRE(m.app.answer_mock({id, task, "code", 600, "", 0, "fail", 2, 4}, T0 + 920'000).ok());
  CHECK(m.app.open_mock() == nullptr);
  const MockInterview& done = m.app.collection().mocks().back();
  CHECK(done.ended);
  CHECK(done.ended_ms == T0 + 920'000);

  const MockReport report = m.app.mock_report(done);
  REQUIRE(report.questions.size() == 5);
  CHECK(report.questions[0].covered == std::vector<bool>{true, false});
  CHECK(report.questions[0].score == 0.5);
  CHECK(report.questions[1].score == 0.5);  // aloud, "partly"
  CHECK(report.questions[2].score == 0.0);
  CHECK(report.questions[3].covered == std::vector<bool>{true, true});
  CHECK(report.questions[4].score == 0.5);  // 2 of 4 cases
  CHECK(report.score == doctest::Approx((0.5 + 0.5 + 0 + 1 + 0.5) / 5));
  CHECK(report.seconds == 50 + 70 + 180 + 20 + 600);
}

TEST_CASE("mock answers leave every card's schedule alone and survive a reload, resuming at the same question") {
  MockApp m;
  const std::string id = m.begin().id;
  REQUIRE(m.app.answer_mock({id, m.card_id(0), "typed", 30, "yield"}, T0 + 30'000).ok());
  m.app.poll_storage(T0 + 30'001);
  for (const CardProgress& card : m.app.collection().cards()) CHECK(card.schedule.state == CardState::New);

  App reloaded(mock_bank(), m.storage);
  REQUIRE(reloaded.start(T0 + 40'000, 0, "w2").ok());
  const MockInterview* resumed = reloaded.open_mock();
  REQUIRE(resumed != nullptr);
  CHECK(resumed->id == id);
  CHECK(resumed->current() == 1u);
  CHECK(resumed->question_started_ms(1) == T0 + 30'000);
  CHECK(resumed->replies[0]->answer == "yield");
  CHECK(reloaded.health().problems.empty());
  REQUIRE(reloaded.end_mock(id, T0 + 50'000).ok());
  CHECK(reloaded.open_mock() == nullptr);
  const MockReport report = reloaded.mock_report(reloaded.collection().mocks().back());
  CHECK(report.questions[1].how == "unanswered");
  CHECK(report.score == doctest::Approx(0.5 / 5));
}

TEST_CASE("a report names the topics under 70%, weakest first, at most three") {
  Bank bank = mock_bank();
  MockInterview mock{"w:1", "", T0};
  mock.cards = {0, 4, 8, 1};  // basics, async, django, basics
  mock.limits_s = {180, 180, 180, 180};
  mock.replies = {MockReply{"aloud", 10, T0, "", 2}, MockReply{"aloud", 10, T0, "", 1},
                  MockReply{"skipped", 10, T0}, MockReply{"aloud", 10, T0, "", 1}};
  const MockReport report = mock_report(bank, mock, [](std::size_t, std::string_view) { return AnswerScore{}; });
  REQUIRE(report.weakest.size() == 2);  // basics averages 0.75
  CHECK(report.weakest[0].topic == "django");
  CHECK(report.weakest[0].score == 0.0);
  CHECK(report.weakest[1].topic == "async");
  CHECK(report.weakest[1].score == 0.5);
}

TEST_CASE("replay reports a mock answer to a mock that never began and ignores a second tab's answer to the same question") {
  Bank bank = mock_bank();
  Collection collection(bank);
  CHECK(collection.apply({1, T0, MockAnswer{"w:9", "basics-mid", "typed", 1, "x"}, "w"}).error().reason ==
        "mock interview w:9 never began");
  REQUIRE(collection.apply({2, T0, MockStart{"p", {"basics-mid"}, {180}}, "w"}).ok());
  REQUIRE(collection.apply({3, T0 + 5, MockAnswer{"w:2", "basics-mid", "typed", 5, "first"}, "a"}).ok());
  REQUIRE(collection.apply({3, T0 + 6, MockAnswer{"w:2", "basics-mid", "typed", 6, "second"}, "b"}).ok());
  CHECK(collection.mocks()[0].replies[0]->answer == "first");
  CHECK(collection.apply({4, T0, MockAnswer{"w:2", "async-mid", "typed", 1, "x"}, "w"}).error().reason ==
        "card 'async-mid' is not a question of mock interview w:2");
  CHECK(collection.apply({5, T0, MockAnswer{"w:2", "basics-mid", "sung", 1}, "w"}).error().reason ==
        "a mock answer cannot be given 'sung'");
}

TEST_CASE("an app that cannot run Python asks no code task: five concept questions of three minutes") {
  MemoryStorage storage;
  App app(mock_bank(), storage);
  REQUIRE(app.start(T0, 0, "w1").ok());
  REQUIRE(app.start_mock({MockLength::FiveQuestions, MockMix::Mid}, T0).ok());
  const MockInterview& mock = *app.open_mock();
  REQUIRE(mock.cards.size() == 5);
  for (std::size_t card : mock.cards) CHECK(!app.bank().cards[card].code);
  CHECK(mock.limits_s == std::vector<std::int64_t>(5, 180));
  CHECK(mock.plan == "5 questions · mid-level role");
}

TEST_CASE("a question's clock starts at the latest reply before it, never at its own") {
  MockInterview mock;
  mock.started_ms = 1'000;
  MockReply first;
  first.at_ms = 5'000;
  MockReply second;
  second.at_ms = 9'000;
  mock.replies = {first, second, std::nullopt};
  CHECK(mock.question_started_ms(0) == 1'000);
  CHECK(mock.question_started_ms(1) == 5'000);
  CHECK(mock.question_started_ms(2) == 9'000);
}
