#include "platform/native_code_runner.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace pyprep::ui {
namespace {

std::string failed(std::string_view status, const std::string& message, std::int64_t wall_ms) {
  return nlohmann::json{{"status", status}, {"message", message}, {"wall_ms", wall_ms}}.dump();
}

// The grader's last line is {"verdict": {...}}; the wall time is added as the web host does.
std::string last_verdict(const std::string& path, std::int64_t wall_ms) {
  std::ifstream in(path);
  std::string line;
  std::string last;
  while (std::getline(in, line)) last = line;
  nlohmann::json event = nlohmann::json::parse(last, nullptr, false);
  if (!event.is_object() || !event.contains("verdict")) {
    return failed("unavailable", "the grader stopped without a verdict", wall_ms);
  }
  nlohmann::json verdict = event["verdict"];
  verdict["wall_ms"] = wall_ms;
  return verdict.dump();
}

}  // namespace

NativeCodeRunner::~NativeCodeRunner() {
  if (thread_.joinable()) thread_.join();
}

void NativeCodeRunner::run(std::string job) {
  if (thread_.joinable()) thread_.join();
  thread_ = std::thread([this, job = std::move(job)] {
    std::string verdict = grade(job);
    {
      std::lock_guard lock(mutex_);
      verdict_ = std::move(verdict);
    }
    on_verdict_();
  });
}

std::optional<std::string> NativeCodeRunner::take_verdict() {
  std::lock_guard lock(mutex_);
  return std::exchange(verdict_, std::nullopt);
}

std::string NativeCodeRunner::grade(const std::string& job) const {
  const auto started = std::chrono::steady_clock::now();
  const nlohmann::json parsed = nlohmann::json::parse(job, nullptr, false);
  const auto given = parsed.is_object() ? parsed.find("time_limit_s") : parsed.end();
  const auto limit = std::chrono::seconds(given != parsed.end() && given->is_number_integer() ? given->get<int>()
                                                                                              : kRunTimeLimitS);
  auto elapsed_ms = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  };
  char scratch_template[] = "/tmp/pyprep-run-XXXXXX";
  if (!mkdtemp(scratch_template)) return failed("unavailable", "no scratch directory under /tmp", 0);
  const std::filesystem::path scratch = scratch_template;
  std::ofstream(scratch / "job.json", std::ios::binary) << job;
  const std::string job_path = (scratch / "job.json").string();
  const std::string result_path = (scratch / "result.jsonl").string();
  std::vector<std::string> args = {"/usr/bin/python3", "-I", grader_, job_path, result_path};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addchdir_np(&actions, scratch.c_str());
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  std::string verdict;
  if (spawned != 0) {
    verdict = failed("unavailable", "python3 could not start", elapsed_ms());
  } else {
    int status = 0;
    bool timed_out = false;
    while (waitpid(pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() - started > limit) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    verdict = timed_out ? failed("timeout", "Stopped after " + std::to_string(limit.count()) + " s.", elapsed_ms())
                        : last_verdict(result_path, elapsed_ms());
  }
  std::error_code ignored;
  std::filesystem::remove_all(scratch, ignored);
  return verdict;
}

}  // namespace pyprep::ui
