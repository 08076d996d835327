#include "core/code_run.h"

#include <nlohmann/json.hpp>

namespace pyprep {

using nlohmann::json;

std::string code_job(const CodeTask& task, std::string_view solution) {
  json cases = json::array();
  for (const CodeCase& test : task.cases) cases.push_back({{"name", test.name}, {"code", test.code}});
  const json job = {{"solution", solution}, {"names", task.names}, {"cases", std::move(cases)}};
  return job.dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace {

std::string text_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t number_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_number() ? it->get<std::int64_t>() : 0;
}

int small_number_of(const json& object, const char* key) {
  const std::int64_t n = number_of(object, key);
  return n < 0 || n > 1'000'000 ? 0 : static_cast<int>(n);
}

}  // namespace

Result<CodeVerdict> parse_verdict(std::string_view text) {
  const json value = json::parse(text, nullptr, false);
  if (!value.is_object()) return Error{"the runner's answer is not a JSON object"};
  CodeVerdict verdict;
  verdict.status = text_of(value, "status");
  if (verdict.status.empty()) return Error{"the runner's answer has no status"};
  verdict.passed = small_number_of(value, "passed");
  verdict.total = small_number_of(value, "total");
  verdict.message = text_of(value, "message");
  verdict.line = small_number_of(value, "line");
  verdict.output = text_of(value, "stdout");
  auto cut = value.find("stdout_cut");
  verdict.output_cut = cut != value.end() && cut->is_boolean() && cut->get<bool>();
  verdict.duration_ms = number_of(value, "wall_ms");
  if (auto cases = value.find("cases"); cases != value.end() && cases->is_array()) {
    for (const json& item : *cases) {
      if (!item.is_object()) continue;
      verdict.cases.push_back({text_of(item, "name"), text_of(item, "status"),
                               text_of(item, "expected"), text_of(item, "actual"),
                               text_of(item, "message"), small_number_of(item, "line")});
    }
  }
  return verdict;
}

}  // namespace pyprep
