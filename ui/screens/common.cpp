// Pieces shared by several screens.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "screens/screens.h"
#include "widgets/controls.h"
#include "widgets/format.h"
#include "widgets/frame_records.h"
#include "widgets/markdown.h"
#include "widgets/text.h"

namespace pyprep::ui {

void screen_title(const Theme& theme, std::string_view title, std::string_view subtitle) {
  wrapped_text(theme, FontRole::Title, theme.colors().text, title);
  if (!subtitle.empty()) wrapped_text(theme, FontRole::Caption, theme.colors().text_secondary, subtitle);
  ImGui::Dummy(ImVec2(0, 0.3f * theme.em()));
}

const char* install_pitch(Platform::InstallOffer offer) {
  return offer == Platform::InstallOffer::IosHint
             ? "Install PyPrep: tap Share, then Add to Home Screen. It then opens in one tap and works offline."
             : "Install PyPrep: it then opens from your home screen in one tap and works offline.";
}

double text_scale_in_use(const Settings& settings, const Platform& platform) {
  const SettingLimits limits = setting_limits::text_scale;
  return settings.text_scale.value_or(std::clamp(platform.preferred_text_scale(), limits.lo, limits.hi));
}

std::string countdown(Ui& ui, std::int64_t left_ms) {
  if (left_ms > 0) ui.nav.redraw_at(ui.now_ms + (left_ms % 1000 == 0 ? 1000 : left_ms % 1000));
  return clock_time((left_ms + 999) / 1000);
}

float top_bar(Ui& ui, std::string_view title, std::string_view trailing) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  const float row_h = min_target(theme);
  const ImVec2 start = ImGui::GetCursorPos();
  const float width = ImGui::GetContentRegionAvail().x;
  if (button(theme, "close", "×", "", ImVec2(row_h, row_h),
             {c.background, c.text, FontRole::Title, 1.0f, {.label = "Back"}})) {
    ui.nav.back();
  }
  const float trailing_w = trailing.empty() ? 0.0f : text_size(theme, FontRole::Headline, trailing).x;
  const float title_x = start.x + row_h + 0.3f * em;
  const float room = width - (title_x - start.x) - trailing_w - 0.5f * em;
  const ImVec2 title_size = text_size(theme, FontRole::Caption, title, room);
  ImGui::SetCursorPos(ImVec2(title_x, start.y + std::max(0.0f, (row_h - title_size.y) / 2)));
  float title_h = 0;
  {
    const MirrorText heading(title, 1);  // the screen's heading, whole even where it is cut short
    title_h = clamped_text(theme, FontRole::Caption, c.text_secondary, title, room, 2);
  }
  const float height = std::max(row_h, title_h);
  if (!trailing.empty()) {
    const float trailing_h = text_size(theme, FontRole::Headline, trailing).y;
    ImGui::SetCursorPos(ImVec2(start.x + width - trailing_w, start.y + (row_h - trailing_h) / 2));
    text_line(theme, FontRole::Headline, c.text, trailing);
  }
  ImGui::SetCursorPos(ImVec2(start.x, start.y + height));
  return height;
}

void begin_content(const char* id, float bottom_reserved) {
  ImGui::BeginChild(id, ImVec2(0, -bottom_reserved), false, ImGuiWindowFlags_NoScrollbar);
}

void end_content() {
  ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));  // breathing room at the end
  ImGui::EndChild();
}

void answer_and_code(Ui& ui, const Card& card, const std::function<void()>& key_points) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  if (!card.short_answer.empty()) {
    wrapped_text(theme, FontRole::Caption, c.text_secondary, "In 30 seconds");
    markdown(theme, ui.platform, "short-answer", card.short_answer);
    ImGui::Dummy(ImVec2(0, 0.3f * em));
  }
  if (key_points) {
    key_points();
    ImGui::Dummy(ImVec2(0, 0.3f * em));
  }
  if (!card.short_answer.empty() || key_points) wrapped_text(theme, FontRole::Caption, c.text_secondary, "In depth");
  markdown(theme, ui.platform, "answer", card.answer);
  if (!card.code) return;
  ImGui::Dummy(ImVec2(0, 0.4f * em));
  wrapped_text(theme, FontRole::Headline, c.text, "Solution");
  code_block(theme, ui.platform, "copy-solution", card.code->solution);
  wrapped_text(theme, FontRole::Caption, c.text_secondary, "Complexity");
  wrapped_text(theme, FontRole::Body, c.text, card.code->complexity);
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  wrapped_text(theme, FontRole::Caption, c.text_secondary, "Alternatives");
  wrapped_text(theme, FontRole::Body, c.text, card.code->alternatives);
}

const char* level_label(Level level) {
  switch (level) {
    case Level::Beginner: return "Beginner";
    case Level::Junior: return "Junior";
    case Level::Mid: return "Mid";
    case Level::Senior: return "Senior";
  }
  return "";
}

std::string card_status(const App& app, std::size_t card, std::int64_t now_ms) {
  const CardProgress& progress = app.progress(card);
  if (progress.suspended) return "Suspended";
  switch (progress.schedule.state) {
    case CardState::New: return "New";
    case CardState::Learning:
    case CardState::Relearning: return "Learning";
    case CardState::Review: break;
  }
  const std::int64_t wait = progress.schedule.due_ms - now_ms;
  if (wait <= 0) return "Due now";
  return "Due in " + short_interval(wait);
}

BackupOutcome backup_now(Ui& ui) {
  Result<std::string> text = ui.app.export_backup(PYPREP_VERSION, ui.now_ms);
  if (!text) return {false, text.error().reason};
  const std::string name = "pyprep-backup-" + local_date(ui.now_ms, ui.app.clock().utc_offset_min) + ".jsonl";
  Result<std::string> saved = ui.platform.save_file(name, *text);
  if (!saved) return {false, "The backup could not be saved: " + saved.error().reason + "."};
  return {true, *saved};
}

void start_problems(const Ui& ui) {
  const ImU32 color = ui.theme.colors().again;
  if (!ui.theme.font_error().empty()) wrapped_text(ui.theme, FontRole::Caption, color, ui.theme.font_error());
  for (const BankProblem& problem : ui.bank_problems) wrapped_text(ui.theme, FontRole::Caption, color, problem.text());
}

bool backup_suggested(const Ui& ui) {
  constexpr std::int64_t kBackupAgeMs = 7 * kDayMs;
  const std::optional<bool> persisted = ui.platform.storage_persisted();
  const std::int64_t last = ui.app.last_backup_ms();
  return persisted == false && ui.app.saved_count() > 0 && (last == 0 || ui.now_ms - last > kBackupAgeMs);
}

namespace {

std::string megabytes(std::int64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

}  // namespace

void python_runtime_status(Ui& ui, bool offer_download) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float width = ImGui::GetContentRegionAvail().x, row_h = min_target(theme);
  const Platform::PythonRuntime runtime = ui.platform.python_runtime();
  using State = Platform::PythonRuntime::State;
  switch (runtime.state) {
    case State::Downloading:
      wrapped_text(theme, FontRole::Caption, c.text_secondary,
                   "Downloading Python for offline use: " + megabytes(runtime.done_bytes) + " of " +
                       megabytes(runtime.total_bytes));
      progress_bar(theme, runtime.total_bytes ? float(runtime.done_bytes) / float(runtime.total_bytes) : 0.0f,
                   c.primary);
      if (button(theme, "python-cancel", "Cancel download", "", ImVec2(width, row_h), {c.raised, c.text})) {
        ui.platform.cancel_python_download();
      }
      break;
    case State::Absent:
    case State::Failed:
      wrapped_text(theme, FontRole::Caption, c.text_secondary,
                   "Code tasks run on Python in this app. It is downloaded once (" + megabytes(runtime.total_bytes) +
                       ") when you first run code; then it works offline.");
      if (offer_download && button(theme, "python-download", "Download Python for offline use",
                                   megabytes(runtime.total_bytes), ImVec2(width, 3.4f * theme.em()),
                                   {c.raised, c.primary})) {
        ui.platform.download_python();
      }
      break;
    case State::Ready:
      if (offer_download) wrapped_text(theme, FontRole::Body, c.text, "Python is on this device: code runs offline.");
      break;
    case State::Installed:
      if (offer_download) wrapped_text(theme, FontRole::Body, c.text, "Code runs with this computer's python3.");
      break;
    case State::Unknown: break;
  }
  if (!runtime.message.empty() && runtime.state != State::Downloading) {
    wrapped_text(theme, FontRole::Caption, runtime.state == State::Failed ? c.again : c.text_secondary, runtime.message);
  }
}

}  // namespace pyprep::ui
