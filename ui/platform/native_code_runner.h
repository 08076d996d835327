#pragma once
// Debian's python3 runs the grader (web-shell/runner/grade.py) in a scratch directory, one run
// at a time on a thread of its own; a run over its time limit (the job's "time_limit_s") is
// killed. The desktop's CodeRunner.
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/practice/code_run.h"

namespace pyprep::ui {

class NativeCodeRunner final : public CodeRunner {
 public:
  // `grader` is grade.py's path; `on_verdict` runs on the runner's thread when a verdict is ready
  // (the app's loop sleeps until something wakes it).
  explicit NativeCodeRunner(std::string grader, std::function<void()> on_verdict = [] {})
      : grader_(std::move(grader)), on_verdict_(std::move(on_verdict)) {}
  ~NativeCodeRunner() override;
  std::optional<std::string> cannot_run(const CodeTask&) const override { return std::nullopt; }
  void warm_up() override {}  // python3 starts in a few milliseconds
  void run(std::string job) override;
  std::optional<std::string> take_verdict() override;

 private:
  std::string grade(const std::string& job) const;

  std::string grader_;
  std::function<void()> on_verdict_;
  std::thread thread_;
  std::mutex mutex_;
  std::optional<std::string> verdict_;
};

}  // namespace pyprep::ui
