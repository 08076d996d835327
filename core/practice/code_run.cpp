#include "core/practice/code_run.h"

#include <nlohmann/json.hpp>

namespace pyprep {

using nlohmann::json;

std::string code_job(const CodeTask& task, std::string_view solution, bool measure) {
  json cases = json::array();
  for (const CodeCase& test : task.cases) cases.push_back({{"name", test.name}, {"code", test.code}});
  json job = {{"solution", solution}, {"names", task.names}, {"cases", std::move(cases)}};
  job["time_limit_s"] = kRunTimeLimitS;
  if (measure && task.scale) {
    job["scale"] = {{"setup", task.scale->setup}, {"run", task.scale->run}};
    job["reference"] = task.solution;
    job["time_limit_s"] = kRunTimeLimitS + kMeasureTimeS;
  }
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

double real_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_number() ? it->get<double>() : 0.0;
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
  if (auto growth = value.find("growth"); growth != value.end() && growth->is_object()) {
    GrowthVerdict g;
    auto fitted = [&](const char* side) {
      auto it = growth->find(side);
      return it != growth->end() && it->is_object() ? text_of(*it, "growth") : std::string();
    };
    g.yours = fitted("yours");
    g.reference = fitted("reference");
    g.at_n = number_of(*growth, "at_n");
    g.yours_s = real_of(*growth, "yours_s");
    g.reference_s = real_of(*growth, "reference_s");
    g.error = text_of(*growth, "error");
    verdict.growth = std::move(g);
  }
  return verdict;
}

}  // namespace pyprep
