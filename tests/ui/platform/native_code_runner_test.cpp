#include "ui/platform/native_code_runner.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include "core/practice/code_run.h"

using namespace pyprep;

namespace {

// Runs `job` and waits for its verdict (the runner works on a thread of its own).
CodeVerdict verdict_of(ui::NativeCodeRunner& runner, const std::string& job) {
  runner.run(job);
  for (int i = 0; i < 3000; ++i) {
    if (std::optional<std::string> text = runner.take_verdict()) {
      Result<CodeVerdict> verdict = parse_verdict(*text);
      REQUIRE(verdict.ok());
      return *verdict;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL("no verdict in 30 s");
  return {};
}

CodeTask doubling_task() {
  CodeTask task;
  task.names = {"double"};
  task.cases = {{"two", "assert double(2) == 4"}, {"zero", "assert double(0) == 0"}};
  return task;
}

}  // namespace

TEST_CASE("the desktop runner grades with Debian's python3: a pass, a failure with its values") {
  ui::NativeCodeRunner runner(PYPREP_GRADER);
  const CodeVerdict passed = verdict_of(runner, code_job(doubling_task(), "def double(x):\n    return 2 * x\n"));
  CHECK(passed.status == "pass");
  CHECK(passed.passed == 2);
  const CodeVerdict failed = verdict_of(runner, code_job(doubling_task(), "def double(x):\n    return x + 2\n"));
  CHECK(failed.status == "fail");
  REQUIRE(failed.cases.size() == 2);
  CHECK(failed.cases[1].expected == "0");
  CHECK(failed.cases[1].actual == "2");
}

TEST_CASE("the desktop runner kills a run over its time limit and then runs the next one") {
  ui::NativeCodeRunner runner(PYPREP_GRADER);
  std::string looping = code_job(doubling_task(), "def double(x):\n    while True:\n        pass\n");
  looping.replace(looping.find("\"time_limit_s\":5"), 16, "\"time_limit_s\":1");
  const auto started = std::chrono::steady_clock::now();
  const CodeVerdict stopped = verdict_of(runner, looping);
  CHECK(stopped.status == "timeout");
  CHECK(stopped.message == "Stopped after 1 s.");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  CHECK(verdict_of(runner, code_job(doubling_task(), "def double(x):\n    return 2 * x\n")).status == "pass");
}
