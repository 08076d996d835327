#pragma once
// Running the user's code against a code task's named cases. The grader (web-shell/runner/
// grade.py) runs outside the core, behind CodeRunner: a worker with the phone's Python on the
// web, Debian's python3 on the desktop. The core builds the job and reads the verdict; both are
// JSON text only at this boundary.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bank/bank.h"
#include "core/base/result.h"

namespace pyprep {

struct CaseVerdict {
  std::string name;
  std::string status;  // pass, fail (an assertion), error (anything else raised)
  std::string expected;  // the values of a failed `assert actual == expected`, as repr()
  std::string actual;
  std::string message;  // the exception's last line
  int line = 0;         // where in the user's code it was raised; 0: not in the user's code
};

// The user's solution and the reference timed at growing n (tasks with a scale input).
struct GrowthVerdict {
  std::string yours;      // "n", "n log n", "n or n log n", …; empty: too fast to tell
  std::string reference;
  std::int64_t at_n = 0;  // the largest n both reached; 0 when none
  double yours_s = 0;
  double reference_s = 0;
  std::string error;      // why it could not be measured
};

struct CodeVerdict {
  // pass, fail, error, syntax, timeout; unsupported (not here), unavailable (no runtime)
  std::string status;
  int passed = 0;
  int total = 0;
  std::vector<CaseVerdict> cases;
  std::string message;  // the syntax error, the load error, the time limit, why unsupported
  int line = 0;         // of a syntax error or an error while the code loaded
  std::string output;   // what the code printed, capped
  bool output_cut = false;
  std::int64_t duration_ms = 0;
  std::optional<GrowthVerdict> growth;  // when measured
};

// A run is stopped after this long; measuring growth may take this much more (the grader keeps
// its timings near 3 s).
inline constexpr int kRunTimeLimitS = 5;
inline constexpr int kMeasureTimeS = 5;

// The grader's job for `solution` against `task` (with its time limit, "time_limit_s"); with `measure`, a solution that passes is also
// timed against the reference (the task needs a scale input).
std::string code_job(const CodeTask& task, std::string_view solution, bool measure = false);
Result<CodeVerdict> parse_verdict(std::string_view text);

class CodeRunner {
 public:
  virtual ~CodeRunner() = default;
  // Why this runner cannot run `task` (the phone's Python has no processes), or nullopt.
  virtual std::optional<std::string> cannot_run(const CodeTask& task) const = 0;
  // Loads the runtime ahead of a first run when it is already on the device (a code task was
  // opened); it costs memory, so only then.
  virtual void warm_up() = 0;
  // Starts grading a code_job(); one at a time.
  virtual void run(std::string job) = 0;
  // The verdict's JSON once the run ended, then nullopt until the next run ends.
  virtual std::optional<std::string> take_verdict() = 0;
};

}  // namespace pyprep
