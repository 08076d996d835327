// Pieces shared by several screens.
#include <imgui.h>

#include "screens/screens.h"
#include "widgets/controls.h"
#include "widgets/format.h"
#include "widgets/markdown.h"

namespace pyprep::ui {

void screen_title(const Theme& theme, std::string_view title, std::string_view subtitle) {
  wrapped_text(theme, FontRole::Title, theme.colors().text, title);
  if (!subtitle.empty()) wrapped_text(theme, FontRole::Caption, theme.colors().text_secondary, subtitle);
  ImGui::Dummy(ImVec2(0, 0.3f * theme.em()));
}

void begin_content(const char* id, float bottom_reserved) {
  ImGui::BeginChild(id, ImVec2(0, -bottom_reserved), false, ImGuiWindowFlags_NoScrollbar);
}

void end_content() {
  ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));  // breathing room at the end
  ImGui::EndChild();
}

void answer_and_code(Ui& ui, const Card& card) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
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
  const CardProgress& progress = app.collection().cards()[card];
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

bool backup_suggested(const Ui& ui) {
  constexpr std::int64_t kBackupAgeMs = 7 * kDayMs;
  const std::optional<bool> persisted = ui.platform.storage_persisted();
  const std::int64_t last = ui.app.collection().last_backup_ms();
  return persisted == false && ui.app.saved_count() > 0 && (last == 0 || ui.now_ms - last > kBackupAgeMs);
}

}  // namespace pyprep::ui
