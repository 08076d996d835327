#include "core/log/settings.h"

#include <cmath>
#include <optional>
#include <string_view>

namespace pyprep {
namespace {

using nlohmann::json;

Error bad(std::string_view key, std::string_view expected) {
  return Error{"setting '" + std::string(key) + "' must be " + std::string(expected)};
}

Result<double> number_in(const json& value, std::string_view key, double lo, double hi) {
  if (!value.is_number() || !(value.get<double>() >= lo && value.get<double>() <= hi)) {
    return bad(key, "a number from " + json(lo).dump() + " to " + json(hi).dump());
  }
  return value.get<double>();
}

Result<int> integer_in(const json& value, std::string_view key, int lo, int hi) {
  if (!value.is_number_integer() || value.get<std::int64_t>() < lo || value.get<std::int64_t>() > hi) {
    return bad(key, "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  }
  return static_cast<int>(value.get<std::int64_t>());
}

Result<bool> boolean(const json& value, std::string_view key) {
  if (!value.is_boolean()) return bad(key, "true or false");
  return value.get<bool>();
}

Result<std::vector<std::int64_t>> steps(const json& value, std::string_view key) {
  const Error error = bad(key, "an array of minutes, each > 0 and at most a year");
  if (!value.is_array()) return error;
  std::vector<std::int64_t> steps_ms;
  for (const json& minutes : value) {
    if (!minutes.is_number() || !(minutes.get<double>() > 0 && minutes.get<double>() <= 525600)) {
      return error;
    }
    steps_ms.push_back(std::llround(minutes.get<double>() * kMinuteMs));
  }
  return steps_ms;
}

Result<std::vector<std::string>> strings(const json& value, std::string_view key) {
  const Error error = bad(key, "an array of strings");
  if (!value.is_array()) return error;
  std::vector<std::string> out;
  for (const json& item : value) {
    if (!item.is_string()) return error;
    out.push_back(item.get<std::string>());
  }
  return out;
}

Result<std::vector<Level>> levels(const json& value, std::string_view key) {
  const Error error = bad(key, "an array of \"beginner\", \"junior\", \"mid\", \"senior\"");
  Result<std::vector<std::string>> names = strings(value, key);
  if (!names) return error;
  std::vector<Level> out;
  for (const std::string& name : *names) {
    const std::optional<Level> level = parse_level(name);
    if (!level) return error;
    out.push_back(*level);
  }
  return out;
}

Result<NewCardOrder> new_order(const json& value, std::string_view key) {
  if (value == "interleaved") return NewCardOrder::Interleaved;
  if (value == "level_topic") return NewCardOrder::LevelThenTopic;
  if (value == "shuffled") return NewCardOrder::Shuffled;
  return bad(key, "\"level_topic\" or \"shuffled\"");
}

Result<ThemeChoice> theme(const json& value, std::string_view key) {
  if (value == "system") return ThemeChoice::System;
  if (value == "light") return ThemeChoice::Light;
  if (value == "dark") return ThemeChoice::Dark;
  return bad(key, "\"system\", \"light\" or \"dark\"");
}

Result<std::uint64_t> seed(const json& value, std::string_view key) {
  // A JSON value built in C++ from an int is signed even when it is >= 0.
  if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<std::int64_t>() >= 0)) {
    return bad(key, "a whole number >= 0");
  }
  return value.get<std::uint64_t>();
}

// Assigns the parsed value, or reports why it could not be parsed.
template <class T, class Field>
Status assign(Result<T> parsed, Field& field) {
  if (!parsed) return parsed.error();
  field = std::move(*parsed);
  return ok_status();
}

Status apply_one(Settings& s, const std::string& key, const json& v) {
  SchedulingSettings& sched = s.scheduling;
  if (key == "desired_retention") return assign(number_in(v, key, 0.7, 0.99), sched.desired_retention);
  if (key == "max_interval_days") return assign(integer_in(v, key, 1, 36500), sched.max_interval_days);
  if (key == "learning_steps_min") return assign(steps(v, key), sched.learning_steps_ms);
  if (key == "relearning_steps_min") return assign(steps(v, key), sched.relearning_steps_ms);
  if (key == "fuzz") return assign(boolean(v, key), sched.fuzz);
  if (key == "new_per_day") return assign(integer_in(v, key, 0, 9999), s.new_per_day);
  if (key == "reviews_per_day") return assign(integer_in(v, key, 0, 99999), s.reviews_per_day);
  if (key == "day_start_hour") return assign(integer_in(v, key, 0, 23), s.day_start_hour);
  if (key == "topics") return assign(strings(v, key), s.topics);
  if (key == "levels") return assign(levels(v, key), s.levels);
  if (key == "new_order") return assign(new_order(v, key), s.new_order);
  if (key == "shuffle_seed") return assign(seed(v, key), s.shuffle_seed);
  if (key == "leech_lapses") return assign(integer_in(v, key, 1, 99), s.leech_lapses);
  if (key == "suspend_leeches") return assign(boolean(v, key), s.suspend_leeches);
  if (key == "theme") return assign(theme(v, key), s.theme);
  if (key == "text_scale") return assign(number_in(v, key, 0.8, 1.6), s.text_scale);
  return ok_status();
}

}  // namespace

Status apply_settings_changes(Settings& settings, const json& changes) {
  if (!changes.is_object()) return Error{"settings change must be a JSON object"};
  Settings changed = settings;
  for (const auto& [key, value] : changes.items()) {
    if (Status status = apply_one(changed, key, value); !status) return status;
  }
  settings = std::move(changed);
  return ok_status();
}

}  // namespace pyprep
