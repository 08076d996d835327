#pragma once
// The user's settings, changed only through settings-change events so a replay reproduces them.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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
  double text_scale = 1.0;
  bool operator==(const Settings&) const = default;
};

// Applies a settings-change event's JSON object, all or nothing. Keys (stable, part of the log
// format): desired_retention (0.7–0.99), max_interval_days (1–36500), learning_steps_min and
// relearning_steps_min (arrays of minutes > 0), fuzz, new_per_day (0–9999), reviews_per_day
// (0–99999), day_start_hour (0–23), topics (array of topic ids), levels (array of "beginner",
// "junior", "mid", "senior"), new_order ("interleaved" | "level_topic" | "shuffled"), shuffle_seed, leech_lapses
// (1–99), suspend_leeches, theme ("system" | "light" | "dark"), text_scale (0.8–1.6). Unknown keys are ignored so logs from newer versions still replay.
Status apply_settings_changes(Settings& settings, const nlohmann::json& changes);

}  // namespace pyprep
