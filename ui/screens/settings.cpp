// Settings: scheduling (retention, daily limits, day start, steps), appearance (theme, text
// size), and progress (reset with confirmation). Every change is a settings event in the log.
#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "screens/screens.h"
#include "widgets/controls.h"
#include "widgets/format.h"
#include "widgets/text.h"

namespace pyprep::ui {
namespace {

struct StepPreset {
  const char* label;
  std::vector<double> minutes;
};
const std::vector<StepPreset> kLearningPresets = {{"1m 10m", {1, 10}}, {"10m 1h", {10, 60}}, {"1m 10m 1h", {1, 10, 60}}};
const std::vector<StepPreset> kRelearningPresets = {{"10m", {10}}, {"5m 30m", {5, 30}}, {"None", {}}};

int preset_index(const std::vector<StepPreset>& presets, const std::vector<std::int64_t>& steps_ms) {
  for (std::size_t i = 0; i < presets.size(); ++i) {
    if (presets[i].minutes.size() != steps_ms.size()) continue;
    bool same = true;
    for (std::size_t j = 0; j < steps_ms.size(); ++j) {
      same = same && std::llround(presets[i].minutes[j] * kMinuteMs) == steps_ms[j];
    }
    if (same) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> labels(const std::vector<StepPreset>& presets) {
  std::vector<std::string> out;
  for (const StepPreset& preset : presets) out.emplace_back(preset.label);
  return out;
}

void group(const Theme& theme, std::string_view title) {
  ImGui::Dummy(ImVec2(0, 0.5f * theme.em()));
  wrapped_text(theme, FontRole::Caption, theme.colors().text_secondary, title);
}

template <class... Args>
std::string format(const char* pattern, Args... args) {
  char text[256];
  std::snprintf(text, sizeof text, pattern, args...);
  return text;
}

// "Optimise my schedule": the App fits FSRS to the user's own reviews in the background (a slice
// per frame, wherever the user goes), then the log loss before and after is shown.
using Section = SettingsState::Section;

void show_message(const Theme& theme, const SettingsState& state, Section at) {
  if (state.message_at != at || state.message.empty()) return;
  wrapped_text(theme, FontRole::Body, state.message_failed ? theme.colors().again : theme.colors().text,
               state.message);
}

void optimise_section(Ui& ui, SettingsState& state) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  group(theme, "SCHEDULE");
  const fsrs::Parameters& current = ui.app.settings().scheduling.parameters;
  const bool defaults = current == fsrs::kDefaultParameters;
  wrapped_text(theme, FontRole::Body, c.text,
               defaults ? "Scheduling with the FSRS-6 default parameters."
                        : "Scheduling with parameters fitted to your own reviews.");
  const float width = ImGui::GetContentRegionAvail().x;
  const FitView fit = ui.app.fit();
  if (fit.running) {
    wrapped_text(theme, FontRole::Caption, c.text_secondary, "Optimising on this device…");
    progress_bar(theme, fit.progress, c.primary, 0.5f);
    return;
  }
  if (button(theme, "optimise", "Optimise my schedule", "", ImVec2(width, 2.9f * em), {c.primary, c.on_primary})) {
    state.say(Section::Schedule, {});
    if (Status started = ui.app.start_fit(); !started) state.say(Section::Schedule, started.error().reason, true);
  }
  if (!defaults && row_button(theme, "default-parameters", "Use the default parameters", "", false)) {
    const Status reset = ui.app.set_parameters({fsrs::kDefaultParameters, "defaults"}, ui.now_ms);
    state.say(Section::Schedule, reset ? "Back to the FSRS-6 default parameters." : reset.error().reason, !reset);
  }
  show_message(theme, state, Section::Schedule);
  if (!fit.message.empty()) wrapped_text(theme, FontRole::Body, c.text_secondary, fit.message);
}

std::string days_ago(std::int64_t then_ms, std::int64_t now_ms) {
  const std::int64_t days = std::max<std::int64_t>(0, (now_ms - then_ms) / kDayMs);
  return days == 0 ? "today" : days == 1 ? "yesterday" : std::to_string(days) + " days ago";
}

// Backup and restore, what the last start could not read, and whether the browser keeps the data.
void data_section(Ui& ui, SettingsState& state) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  const LogHealth& health = ui.app.health();
  group(theme, "DATA");
  const std::size_t answers = ui.app.answers_saved();
  const std::size_t others = ui.app.saved_count() > answers ? ui.app.saved_count() - answers : 0;
  wrapped_text(theme, FontRole::Body, c.text,
               "Saved on this device: " + count_of(answers, "answer", "answers") + " and " +
                   count_of(others, "other change", "other changes") + " (settings, notes, undos, backups).");
  if (health.unreadable > 0) {
    wrapped_text(theme, FontRole::Body, c.again,
                 count_of(health.unreadable, "saved record", "saved records") +
                     " could not be read: kept untouched and included in every backup.");
  }
  if (const std::size_t skipped = health.problems.size() - health.unreadable; skipped > 0) {
    wrapped_text(theme, FontRole::Body, c.again,
                 count_of(skipped, "saved event", "saved events") + " could not be applied: kept as saved.");
  }
  for (std::size_t i = 0; i < health.problems.size() && i < 3; ++i) {
    wrapped_text(theme, FontRole::Caption, c.text_secondary, "• " + health.problems[i].reason);
  }
  const std::optional<bool> persisted = ui.platform.storage_persisted();
  if (persisted) {
    wrapped_text(theme, FontRole::Caption, c.text_secondary,
                 *persisted ? "The browser keeps this storage even when space runs low."
                            : "The browser may clear this storage when space runs low: keep a backup.");
  }
  const std::int64_t last_backup = ui.app.last_backup_ms();
  wrapped_text(theme, FontRole::Caption, c.text_secondary,
               last_backup == 0 ? std::string("No backup made yet.")
                                : "Last backup " + local_date(last_backup, ui.app.clock().utc_offset_min) + " (" +
                                      days_ago(last_backup, ui.now_ms) + ").");
  const float width = ImGui::GetContentRegionAvail().x;
  // The outcome goes above the buttons, where the finger that tapped them does not hide it.
  const std::string hint = ui.platform.pick_file_hint();
  if (!hint.empty()) wrapped_text(theme, FontRole::Body, c.text_secondary, hint);
  show_message(theme, state, Section::Data);
  if (button(theme, "backup", "Back up to a file", "", ImVec2(width, 2.9f * em), {c.primary, c.on_primary})) {
    const BackupOutcome outcome = backup_now(ui);
    state.say(Section::Data, outcome.message, !outcome.saved);
  }
  if (button(theme, "restore", "Restore from a backup", "", ImVec2(width, 2.9f * em), {c.raised, c.primary})) {
    state.say(Section::Data, {});
    ui.platform.pick_file();
  }
}

}  // namespace

void settings_screen(Ui& ui, SettingsState& state) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  const Settings& settings = ui.app.settings();
  const auto change = [&](SettingsChange asked) {
    if (Status changed = ui.app.change_settings(std::move(asked), ui.now_ms); !changed) {
      state.say(Section::Study, changed.error().reason, true);
    }
  };
  begin_content("##settings", 0);
  screen_title(theme, "Settings");

  group(theme, "STUDY");
  double retention = settings.scheduling.desired_retention;
  if (stepper(theme, "retention", "Desired retention", format("%.0f%%", retention * 100), retention, 0.70, 0.97, 0.01)) {
    change({.desired_retention = std::round(retention * 100) / 100});
  }
  wrapped_text(theme, FontRole::Caption, c.text_secondary,
               "Higher means more reviews and fewer lapses. 90% suits most people.");
  double new_per_day = settings.new_per_day;
  if (stepper(theme, "new-per-day", "New cards per day", std::to_string(settings.new_per_day), new_per_day, 0, 100, 5)) {
    change({.new_per_day = std::llround(new_per_day)});
  }
  double reviews_per_day = settings.reviews_per_day;
  if (stepper(theme, "reviews-per-day", "Max reviews per day", std::to_string(settings.reviews_per_day),
              reviews_per_day, 10, 1000, 10)) {
    change({.reviews_per_day = std::llround(reviews_per_day)});
  }
  double start_hour = settings.day_start_hour;
  const SettingLimits hours = setting_limits::day_start_hour;
  if (stepper(theme, "day-start", "Next day starts at", format("%02d:00", settings.day_start_hour), start_hour,
              hours.lo, hours.hi, 1)) {
    change({.day_start_hour = std::llround(start_hour)});
  }
  wrapped_text(theme, FontRole::Body, c.text, "Learning steps");
  int learning = preset_index(kLearningPresets, settings.scheduling.learning_steps_ms);
  if (segmented(theme, "learning-steps", labels(kLearningPresets), learning)) {
    change({.learning_steps_min = kLearningPresets[learning].minutes});
  }
  wrapped_text(theme, FontRole::Body, c.text, "Relearning steps");
  int relearning = preset_index(kRelearningPresets, settings.scheduling.relearning_steps_ms);
  if (segmented(theme, "relearning-steps", labels(kRelearningPresets), relearning)) {
    change({.relearning_steps_min = kRelearningPresets[relearning].minutes});
  }
  bool suspend_leeches = settings.suspend_leeches;
  const std::string leeches = "Suspend cards forgotten " + std::to_string(settings.leech_lapses) + " times";
  if (switch_row(theme, "suspend-leeches", leeches, suspend_leeches)) {
    change({.suspend_leeches = suspend_leeches});
  }
  show_message(theme, state, Section::Study);

  group(theme, "APPEARANCE");
  int theme_choice = static_cast<int>(settings.theme);
  if (segmented(theme, "theme", {"System", "Light", "Dark"}, theme_choice)) {
    change({.theme = static_cast<ThemeChoice>(theme_choice)});
  }
  double text_scale = text_scale_in_use(settings, ui.platform);
  const SettingLimits scales = setting_limits::text_scale;
  if (stepper(theme, "text-size", "Text size", format("%.0f%%", text_scale * 100), text_scale, scales.lo, scales.hi,
              0.1)) {
    change({.text_scale = std::round(text_scale * 10) / 10});
  }

  if (const Platform::InstallOffer offer = ui.platform.install_offer(); offer != Platform::InstallOffer::None) {
    group(theme, "INSTALL");
    wrapped_text(theme, FontRole::Caption, c.text_secondary, install_pitch(offer));
    if (offer == Platform::InstallOffer::Prompt && row_button(theme, "install", "Install app", "")) {
      ui.platform.install();
    }
  }

  optimise_section(ui, state);
  group(theme, "PYTHON");
  python_runtime_status(ui, true);
  data_section(ui, state);

  group(theme, "PROGRESS");
  if (!state.confirm_reset_all) {
    if (button(theme, "reset-all", "Reset all progress", "", ImVec2(ImGui::GetContentRegionAvail().x, 2.9f * em),
               {c.raised, c.again})) {
      state.confirm_reset_all = true;
    }
  } else {
    wrapped_text(theme, FontRole::Body, c.text,
                 "This deletes every answer, note, bookmark and setting on this device. A backup "
                 "made first brings them back.");
    const float half = (ImGui::GetContentRegionAvail().x - 0.5f * em) / 2;
    if (button(theme, "reset-all-cancel", "Cancel", "", ImVec2(half, 2.9f * em), {c.raised, c.text})) {
      state.confirm_reset_all = false;
    }
    ImGui::SameLine(0, 0.5f * em);
    if (button(theme, "reset-all-confirm", "Delete", "", ImVec2(half, 2.9f * em), {c.again, c.on_primary})) {
      const Status reset = ui.app.reset_all_progress(ui.now_ms);
      state.confirm_reset_all = false;
      state.say(Section::Progress, reset ? "All progress on this device was deleted." : reset.error().reason, !reset);
    }
  }
  show_message(theme, state, Section::Progress);

  group(theme, "ABOUT");
  wrapped_text(theme, FontRole::Body, c.text,
               std::to_string(ui.app.bank().cards.size()) + " cards in " + std::to_string(ui.app.bank().topics.size()) +
                   " topics. Your progress stays on this device.");
  start_problems(ui);
  end_content();
}

}  // namespace pyprep::ui
