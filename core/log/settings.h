#pragma once
// The user's settings, changed only through settings-change events so a replay reproduces them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bank/bank.h"
#include "core/base/result.h"
#include "core/srs/scheduler.h"

namespace pyprep {

// Interleaved: each topic's new cards in level order (easier first), the topics taking turns, so
// a day's new cards mix every chosen topic. LevelThenTopic: all of one level, topic by topic.
enum class NewCardOrder : std::uint8_t { Interleaved, LevelThenTopic, Shuffled };
enum class ThemeChoice : std::uint8_t { System, Light, Dark };

struct Settings {
  SchedulingSettings scheduling;
  int new_per_day = 20;
  int reviews_per_day = 200;
  int day_start_hour = 4;           // local time
  std::vector<std::string> topics;  // study only these topic ids; empty = all
  std::vector<Level> levels;        // study only these levels; empty = all
  NewCardOrder new_order = NewCardOrder::Interleaved;
  std::uint64_t shuffle_seed = 0;
  int leech_lapses = 8;
  bool suspend_leeches = false;
  // Presentation, kept in the log like the rest so a backup restores the whole app.
  ThemeChoice theme = ThemeChoice::System;
  std::optional<double> text_scale;  // unset: the size the browser or the system asks for
  bool operator==(const Settings&) const = default;
};

// A change of settings as the user or the log asks for it: the fields that are set change, the
// rest stay. Values are as asked; apply_settings_change checks them against the limits below.
struct SettingsChange {
  std::optional<double> desired_retention{};
  std::optional<std::int64_t> max_interval_days{};
  std::optional<std::vector<double>> learning_steps_min{};  // minutes
  std::optional<std::vector<double>> relearning_steps_min{};
  std::optional<bool> fuzz{};
  std::optional<std::int64_t> new_per_day{};
  std::optional<std::int64_t> reviews_per_day{};
  std::optional<std::int64_t> day_start_hour{};
  std::optional<std::vector<std::string>> topics{};  // empty = all
  std::optional<std::vector<Level>> levels{};        // empty or every level = all
  std::optional<NewCardOrder> new_order{};
  std::optional<std::uint64_t> shuffle_seed{};
  std::optional<std::int64_t> leech_lapses{};
  std::optional<bool> suspend_leeches{};
  std::optional<ThemeChoice> theme{};
  std::optional<double> text_scale{};
  bool operator==(const SettingsChange&) const = default;
};

// The values each setting accepts, inclusive; part of the log format, so older logs keep replaying.
struct SettingLimits {
  double lo, hi;
};
namespace setting_limits {
inline constexpr SettingLimits desired_retention{0.7, 0.99};
inline constexpr SettingLimits max_interval_days{1, 36500};
inline constexpr SettingLimits step_minutes{0, 525600};  // > 0, at most a year
inline constexpr SettingLimits new_per_day{0, 9999};
inline constexpr SettingLimits reviews_per_day{0, 99999};
inline constexpr SettingLimits day_start_hour{0, 23};
inline constexpr SettingLimits leech_lapses{1, 99};
inline constexpr SettingLimits text_scale{0.8, 2.0};
}  // namespace setting_limits

// The names the log (and a backup) gives the choices.
std::string_view new_order_name(NewCardOrder order);
std::optional<NewCardOrder> parse_new_order(std::string_view name);
std::string_view theme_name(ThemeChoice theme);
std::optional<ThemeChoice> parse_theme(std::string_view name);

// Why a value of the setting named `key` (its name in the log) is refused, the same words whether
// its type or its value is wrong: "setting 'day_start_hour' must be a whole number from 0 to 23".
Error refused_setting(std::string_view key);

// Applies a change all or nothing: the first value outside its limits refuses the whole change.
Status apply_settings_change(Settings& settings, const SettingsChange& change);

}  // namespace pyprep
