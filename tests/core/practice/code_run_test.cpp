#include "core/practice/code_run.h"

#include <doctest/doctest.h>

#include <deque>
#include <string>
#include <vector>

#include "core/app/app.h"
#include "tests/core/sample_bank.h"

using namespace pyprep;
using namespace pyprep::test;

namespace {

// The sample bank with card b1 turned into a code task (a3 stays a concept card).
Bank bank_with_task() {
  Bank bank = sample_bank();
  CodeTask task;
  task.task = "Write `double(x)`.";
  task.names = {"double"};
  task.starter = "def double(x):\n    ...\n";
  task.solution = "def double(x):\n    return 2 * x\n";
  task.cases = {{"two", "assert double(2) == 4"}, {"zero", "assert double(0) == 0"}};
  bank.cards[0].kind = Kind::Code;
  bank.cards[0].code = task;
  return bank;
}

// Answers runs with verdicts queued by the test; remembers the jobs it was given.
class FakeRunner : public CodeRunner {
 public:
  std::optional<std::string> cannot_run(const CodeTask& task) const override {
    if (!task.not_on_phone.empty()) return task.not_on_phone;
    return std::nullopt;
  }
  void warm_up() override {}
  void run(std::string job) override { jobs.push_back(std::move(job)); }
  std::optional<std::string> take_verdict() override {
    if (verdicts.empty() || jobs.size() <= taken) return std::nullopt;
    ++taken;
    std::string next = verdicts.front();
    verdicts.pop_front();
    return next;
  }
  std::vector<std::string> jobs;
  std::deque<std::string> verdicts;
  std::size_t taken = 0;
};

bool no_time_left() { return true; }

// An app over the task bank with a fake runner attached, started at T0.
struct RunnerApp {
  explicit RunnerApp(Bank bank = bank_with_task()) : app(std::move(bank), storage) {
    REQUIRE(app.start(T0, 0, "w1").ok());
    app.attach_runner(runner);
  }
  MemoryStorage storage;
  FakeRunner runner;
  App app;
};

}  // namespace

TEST_CASE("the job holds the solution, the promised names and the named cases") {
  const CodeTask task = *bank_with_task().cards[0].code;
  CHECK(code_job(task, "def double(x): return x + x") ==
        R"({"cases":[{"code":"assert double(2) == 4","name":"two"},{"code":"assert double(0) == 0","name":"zero"}],)"
        R"("names":["double"],"solution":"def double(x): return x + x","time_limit_s":5})");
}

TEST_CASE("a measuring job adds the scale input and the reference, and more time") {
  CodeTask task = *bank_with_task().cards[0].code;
  task.cases.clear();
  CHECK(code_job(task, "x", true) == R"({"cases":[],"names":["double"],"solution":"x","time_limit_s":5})");
  task.scale = ScaleInput{"xs = list(range(n))", "double(xs)"};
  CHECK(code_job(task, "x", true) ==
        R"j({"cases":[],"names":["double"],"reference":"def double(x):\n    return 2 * x\n",)j"
        R"j("scale":{"run":"double(xs)","setup":"xs = list(range(n))"},"solution":"x","time_limit_s":10})j");
}

TEST_CASE("a verdict's growth is read: both fits, the common n and the two times") {
  Result<CodeVerdict> verdict = parse_verdict(
      R"({"status":"pass","growth":{"yours":{"points":[[1000,0.02]],"growth":"n²"},)"
      R"("reference":{"points":[],"growth":null},"at_n":4000,"yours_s":0.37,"reference_s":0.00005}})");
  REQUIRE(verdict.ok());
  REQUIRE(verdict->growth.has_value());
  CHECK(verdict->growth->yours == "n²");
  CHECK(verdict->growth->reference.empty());  // too fast to tell
  CHECK(verdict->growth->at_n == 4000);
  CHECK(verdict->growth->yours_s == doctest::Approx(0.37));
  CHECK(verdict->growth->reference_s == doctest::Approx(0.00005));
  CHECK_FALSE(parse_verdict(R"({"status":"pass"})")->growth.has_value());
}

TEST_CASE("a verdict is read with its cases, expected and actual values and lines") {
  Result<CodeVerdict> verdict = parse_verdict(
      R"({"status":"fail","passed":1,"total":2,"cases":[{"name":"two","status":"pass"},)"
      R"({"name":"zero","status":"fail","expected":"0","actual":"None","message":"expected 0, got None","line":2}],)"
      R"("stdout":"hi\n","stdout_cut":true,"duration_ms":3.5,"wall_ms":41})");
  REQUIRE(verdict.ok());
  CHECK(verdict->status == "fail");
  CHECK(verdict->passed == 1);
  CHECK(verdict->total == 2);
  REQUIRE(verdict->cases.size() == 2);
  CHECK(verdict->cases[0].name == "two");
  CHECK(verdict->cases[0].status == "pass");
  CHECK(verdict->cases[1].expected == "0");
  CHECK(verdict->cases[1].actual == "None");
  CHECK(verdict->cases[1].message == "expected 0, got None");
  CHECK(verdict->cases[1].line == 2);
  CHECK(verdict->output == "hi\n");
  CHECK(verdict->output_cut);
  CHECK(verdict->duration_ms == 41);
}

TEST_CASE("a verdict that is not an object with a status is an error, and odd fields are ignored") {
  CHECK(parse_verdict("[1]").error().reason == "the runner's answer is not a JSON object");
  CHECK(parse_verdict("{\"passed\":1}").error().reason == "the runner's answer has no status");
  Result<CodeVerdict> odd = parse_verdict(R"({"status":"syntax","line":-4,"passed":"x","stdout_cut":1,"cases":[3]})");
  REQUIRE(odd.ok());
  CHECK(odd->line == 0);
  CHECK(odd->passed == 0);
  CHECK_FALSE(odd->output_cut);
  CHECK(odd->cases.empty());
}

TEST_CASE("draft and code_run events round-trip through records") {
  const Event draft{4, T0, Draft{"b1", "def double(x):\n    return x * 2\n"}, "w1"};
  CHECK(to_record(draft) ==
        R"({"id":4,"by":"w1","at_ms":1700000000000,"type":"draft","card":"b1","code":"def double(x):\n    return x * 2\n"})");
  CHECK(parse_record(to_record(draft)).value() == draft);
  const Event run{5, T0, CodeRun{"b1", "fail", 1, 2, 37}, "w1"};
  CHECK(to_record(run) ==
        R"({"id":5,"by":"w1","at_ms":1700000000000,"type":"code_run","card":"b1","status":"fail","passed":1,"total":2,"duration_ms":37})");
  CHECK(parse_record(to_record(run)).value() == run);
  const Event reset{6, T0, ResetDraft{"b1"}, "w1"};
  CHECK(to_record(reset) == R"({"id":6,"by":"w1","at_ms":1700000000000,"type":"reset_draft","card":"b1"})");
  CHECK(parse_record(to_record(reset)).value() == reset);
}

TEST_CASE("replay keeps the last draft and counts runs; a run passing every case solves the task") {
  const Bank bank = bank_with_task();
  Collection collection(bank);
  REQUIRE(collection.apply({1, T0, Draft{"b1", "first"}}).ok());
  REQUIRE(collection.apply({2, T0, Draft{"b1", "second"}}).ok());
  REQUIRE(collection.apply({3, T0, CodeRun{"b1", "fail", 1, 2, 10}}).ok());
  const CodeAttempts& attempts = collection.cards()[0].attempts;
  CHECK(collection.cards()[0].draft == "second");
  CHECK(attempts.runs == 1);
  CHECK_FALSE(attempts.solved);
  REQUIRE(collection.apply({4, T0, CodeRun{"b1", "pass", 2, 2, 12}}).ok());
  REQUIRE(collection.apply({5, T0, CodeRun{"b1", "error", 0, 2, 9}}).ok());
  CHECK(attempts.runs == 3);
  CHECK(attempts.solved);  // a later failing run does not take it back
  CHECK(attempts.last_status == "error");
  CHECK(attempts.last_passed == 0);
  CHECK(attempts.last_total == 2);
  REQUIRE(collection.apply({6, T0, Draft{"b1", ""}}).ok());
  CHECK(collection.cards()[0].draft == "");  // an emptied editor is a draft, not the starter
  REQUIRE(collection.apply({7, T0, ResetDraft{"b1"}}).ok());
  CHECK_FALSE(collection.cards()[0].draft.has_value());
}

TEST_CASE("drafts and runs are refused for a concept card, and runs passing more than they ran") {
  const Bank bank = bank_with_task();
  Collection collection(bank);
  CHECK(collection.apply({1, T0, Draft{"a1", "x"}}).error().reason == "card a1 is not a code task");
  CHECK(collection.apply({2, T0, CodeRun{"a1", "pass", 1, 1, 1}}).error().reason == "card a1 is not a code task");
  CHECK(collection.apply({3, T0, CodeRun{"b1", "pass", 3, 2, 1}}).error().reason == "a run cannot pass 3 of 2 cases");
  CHECK(collection.apply({4, T0, CodeRun{"b1", "pass", -1, 2, 1}}).error().reason == "a run cannot pass -1 of 2 cases");
  CHECK(collection.cards()[0].attempts.runs == 0);
}

TEST_CASE("typing is kept in memory and written once typing pauses, then survives a restart") {
  MemoryStorage storage;
  {
    App app(bank_with_task(), storage);
    REQUIRE(app.start(T0, 0, "w1").ok());
    CHECK(app.draft(0) == "def double(x):\n    ...\n");  // the starter
    app.edit_draft(0, "def double(x):\n    r", T0 + 100);
    app.edit_draft(0, "def double(x):\n    return x", T0 + 400);
    CHECK(app.draft(0) == "def double(x):\n    return x");
    CHECK(app.next_change_ms(T0 + 400) == T0 + 400 + App::kDraftPauseMs);
    CHECK(app.tick(T0 + 1'000, no_time_left));  // 600 ms after the last key: still waiting
    CHECK(storage.records().empty());
    CHECK_FALSE(app.tick(T0 + 400 + App::kDraftPauseMs, no_time_left));
    REQUIRE(storage.records().size() == 1);
    CHECK(storage.records()[0] ==
          R"({"id":1,"by":"w1","at_ms":1700000001200,"type":"draft","card":"b1","code":"def double(x):\n    return x"})");
    app.edit_draft(0, "def double(x):\n    return x", T0 + 2'000);  // no change: nothing to write
    app.flush_drafts(T0 + 2'000);
    CHECK(storage.records().size() == 1);
  }
  App reloaded(bank_with_task(), storage);
  REQUIRE(reloaded.start(T0 + 5'000, 0, "w2").ok());
  CHECK(reloaded.draft(0) == "def double(x):\n    return x");
  REQUIRE(reloaded.reset_draft(0, T0 + 6'000).ok());
  CHECK(reloaded.draft(0) == "def double(x):\n    ...\n");
  CHECK(storage.records().size() == 2);
}

TEST_CASE("an emptied editor stays empty: only Reset brings the starter back") {
  MemoryStorage storage;
  App app(bank_with_task(), storage);
  REQUIRE(app.start(T0, 0, "w1").ok());
  app.edit_draft(0, "", T0);
  app.flush_drafts(T0 + 10);
  CHECK(app.draft(0).empty());
  App reloaded(bank_with_task(), storage);
  REQUIRE(reloaded.start(T0 + 20, 0, "w2").ok());
  CHECK(reloaded.draft(0).empty());
}

TEST_CASE("a run grades the current draft, records one code_run event, and counts in stats") {
  MemoryStorage storage;
  FakeRunner runner;
  App app(bank_with_task(), storage);
  REQUIRE(app.start(T0, 0, "w1").ok());
  CHECK(app.cannot_run(0) == "This build cannot run Python.");
  app.attach_runner(runner);
  CHECK_FALSE(app.cannot_run(0).has_value());
  CHECK(app.cannot_run(1) == "This card has no code task.");

  app.edit_draft(0, "def double(x):\n    return x + x\n", T0 + 10);
  REQUIRE(app.run_code(0, T0 + 20).ok());
  // The draft is saved before it runs, so the code that ran is in the log.
  REQUIRE(storage.records().size() == 1);
  REQUIRE(runner.jobs.size() == 1);
  CHECK(runner.jobs[0].find(R"("solution":"def double(x):\n    return x + x\n")") != std::string::npos);
  CHECK(app.code_run().running);
  CHECK(app.run_code(0, T0 + 30).error().reason == "Your last run has not finished yet.");

  CHECK(app.tick(T0 + 40, no_time_left));  // no verdict yet
  runner.verdicts.push_back(R"({"status":"pass","passed":2,"total":2,"cases":[],"wall_ms":55})");
  CHECK_FALSE(app.tick(T0 + 60, no_time_left));
  CHECK_FALSE(app.code_run().running);
  REQUIRE(app.code_run().verdict.has_value());
  CHECK(app.code_run().verdict->status == "pass");
  REQUIRE(storage.records().size() == 2);
  CHECK(storage.records()[1] ==
        R"({"id":2,"by":"w1","at_ms":1700000000060,"type":"code_run","card":"b1","status":"pass","passed":2,"total":2,"duration_ms":55})");
  const Stats& stats = app.stats(T0 + 60);
  CHECK(stats.code_tasks == 1);
  CHECK(stats.code_solved == 1);
  CHECK(stats.code_runs == 1);
}

TEST_CASE("a run that never reached the code, or an unreadable verdict, is shown but not recorded") {
  RunnerApp fixture;
  auto& [storage, runner, app] = fixture;
  REQUIRE(app.run_code(0, T0).ok());
  runner.verdicts.push_back(R"({"status":"unavailable","message":"Python could not start: offline"})");
  app.tick(T0 + 1, no_time_left);
  CHECK(app.code_run().verdict->message == "Python could not start: offline");
  REQUIRE(app.run_code(0, T0 + 2).ok());
  runner.verdicts.push_back("not json");
  app.tick(T0 + 3, no_time_left);
  CHECK(app.code_run().verdict->status == "unavailable");
  CHECK(app.code_run().verdict->message == "the runner's answer is not a JSON object");
  CHECK(storage.records().empty());
  CHECK(app.collection().cards()[0].attempts.runs == 0);
}

TEST_CASE("measuring needs a scale input") {
  RunnerApp fixture;
  auto& [storage, runner, app] = fixture;
  CHECK(app.run_code(0, T0, true).error().reason == "This task has no input to measure growth with.");
  CHECK(runner.jobs.empty());
}

TEST_CASE("a task the runner cannot run says why and starts nothing") {
  Bank bank = bank_with_task();
  bank.cards[0].code->not_on_phone = "It starts processes.";
  RunnerApp fixture(std::move(bank));
  auto& [storage, runner, app] = fixture;
  CHECK(app.run_code(0, T0).error().reason == "It starts processes.");
  CHECK(runner.jobs.empty());
}
