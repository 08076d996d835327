#include "core/log/settings.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/base/enum_names.h"

namespace pyprep {
namespace {

constexpr std::array<std::string_view, 3> kOrderNames = {"interleaved", "level_topic", "shuffled"};
constexpr std::array<std::string_view, 3> kThemeNames = {"system", "light", "dark"};

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

std::string from_to(SettingLimits limits) { return "from " + number(limits.lo) + " to " + number(limits.hi); }

// What each setting accepts, in words; the key is its name in the log.
std::string expectation(std::string_view key) {
  namespace lim = setting_limits;
  const std::pair<std::string_view, SettingLimits> whole_numbers[] = {
      {"max_interval_days", lim::max_interval_days}, {"new_per_day", lim::new_per_day},
      {"reviews_per_day", lim::reviews_per_day},     {"day_start_hour", lim::day_start_hour},
      {"leech_lapses", lim::leech_lapses}};
  for (const auto& [name, limits] : whole_numbers) {
    if (key == name) return "a whole number " + from_to(limits);
  }
  if (key == "desired_retention") return "a number " + from_to(lim::desired_retention);
  if (key == "text_scale") return "a number " + from_to(lim::text_scale);
  if (key == "learning_steps_min" || key == "relearning_steps_min") {
    return "an array of minutes, each > 0 and at most a year";
  }
  if (key == "topics") return "an array of strings";
  if (key == "levels") return R"(an array of "beginner", "junior", "mid", "senior")";
  if (key == "new_order") return R"("level_topic" or "shuffled")";
  if (key == "theme") return R"("system", "light" or "dark")";
  if (key == "shuffle_seed") return "a whole number >= 0";
  return "true or false";  // fuzz, suspend_leeches
}

// Copies an asked-for value into its setting when it is within limits; the key names it in errors.
template <class T, class Field>
Status set_within(const std::optional<T>& asked, SettingLimits limits, std::string_view key, Field& field) {
  if (!asked) return ok_status();
  if (!(*asked >= limits.lo && *asked <= limits.hi)) return refused_setting(key);
  field = static_cast<Field>(*asked);
  return ok_status();
}

template <class T>
void set(const std::optional<T>& asked, T& field) {
  if (asked) field = *asked;
}

Status set_steps(const std::optional<std::vector<double>>& asked, std::string_view key,
                 std::vector<std::int64_t>& steps_ms) {
  if (!asked) return ok_status();
  std::vector<std::int64_t> out;
  for (double minutes : *asked) {
    if (!(minutes > setting_limits::step_minutes.lo && minutes <= setting_limits::step_minutes.hi)) {
      return refused_setting(key);
    }
    out.push_back(std::llround(minutes * kMinuteMs));
  }
  steps_ms = std::move(out);
  return ok_status();
}

}  // namespace

std::string_view new_order_name(NewCardOrder order) { return kOrderNames[static_cast<std::size_t>(order)]; }
std::optional<NewCardOrder> parse_new_order(std::string_view name) {
  return enum_from_name<NewCardOrder>(kOrderNames, name);
}
std::string_view theme_name(ThemeChoice theme) { return kThemeNames[static_cast<std::size_t>(theme)]; }
std::optional<ThemeChoice> parse_theme(std::string_view name) { return enum_from_name<ThemeChoice>(kThemeNames, name); }

Error refused_setting(std::string_view key) {
  return Error{"setting '" + std::string(key) + "' must be " + expectation(key)};
}

Status apply_settings_change(Settings& settings, const SettingsChange& change) {
  namespace lim = setting_limits;
  Settings s = settings;
  SchedulingSettings& sched = s.scheduling;
  for (Status status : {
           set_within(change.desired_retention, lim::desired_retention, "desired_retention", sched.desired_retention),
           set_within(change.max_interval_days, lim::max_interval_days, "max_interval_days", sched.max_interval_days),
           set_steps(change.learning_steps_min, "learning_steps_min", sched.learning_steps_ms),
           set_steps(change.relearning_steps_min, "relearning_steps_min", sched.relearning_steps_ms),
           set_within(change.new_per_day, lim::new_per_day, "new_per_day", s.new_per_day),
           set_within(change.reviews_per_day, lim::reviews_per_day, "reviews_per_day", s.reviews_per_day),
           set_within(change.day_start_hour, lim::day_start_hour, "day_start_hour", s.day_start_hour),
           set_within(change.leech_lapses, lim::leech_lapses, "leech_lapses", s.leech_lapses),
           set_within(change.text_scale, lim::text_scale, "text_scale", s.text_scale),
       }) {
    if (!status) return status;
  }
  set(change.fuzz, sched.fuzz);
  set(change.topics, s.topics);
  set(change.levels, s.levels);
  // Every level chosen is the same as none: a level added to the bank later is studied too.
  const auto chosen = [&](Level l) { return std::find(s.levels.begin(), s.levels.end(), l) != s.levels.end(); };
  if (std::all_of(std::begin(kLevels), std::end(kLevels), chosen)) s.levels.clear();
  set(change.new_order, s.new_order);
  set(change.shuffle_seed, s.shuffle_seed);
  set(change.suspend_leeches, s.suspend_leeches);
  set(change.theme, s.theme);
  settings = std::move(s);
  return ok_status();
}

}  // namespace pyprep
