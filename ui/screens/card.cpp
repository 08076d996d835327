// Card: one card outside a session: the answer and code, your note and bookmark, its review
// history, and suspend / reset.
#include <imgui.h>

#include <ctime>
#include <string>

#include "screens/screens.h"
#include "widgets/controls.h"
#include "widgets/format.h"
#include "widgets/markdown.h"
#include "widgets/text.h"

namespace pyprep::ui {
namespace {

const char* rating_name(fsrs::Rating rating) {
  switch (rating) {
    case fsrs::Rating::Again: return "Again";
    case fsrs::Rating::Hard: return "Hard";
    case fsrs::Rating::Good: return "Good";
    case fsrs::Rating::Easy: return "Easy";
  }
  return "";
}

std::string local_date(std::int64_t at_ms, int utc_offset_min) {
  const std::time_t seconds = static_cast<std::time_t>(at_ms / 1000 + utc_offset_min * 60);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%d %b %Y, %H:%M", &tm);
  return text;
}

void history(Ui& ui, const CardProgress& progress) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  wrapped_text(theme, FontRole::Headline, c.text, "Your reviews");
  if (progress.history.empty()) {
    wrapped_text(theme, FontRole::Body, c.text_secondary, "Not studied yet.");
    return;
  }
  const ImU32 colors[] = {c.again, c.hard, c.good, c.easy};
  for (auto it = progress.history.rbegin(); it != progress.history.rend(); ++it) {
    const ImVec2 at = ImGui::GetCursorPos();
    wrapped_text(theme, FontRole::Body, c.text, local_date(it->at_ms, ui.app.clock().utc_offset_min));
    const char* name = rating_name(it->rating);
    ImGui::SetCursorPos(ImVec2(at.x + ImGui::GetContentRegionAvail().x - text_size(theme, FontRole::Caption, name).x -
                                   0.9f * theme.em(),
                               at.y));
    badge(theme, name, colors[static_cast<int>(it->rating) - 1], c.on_primary);
  }
}

}  // namespace

Status save_note(App& app, const CardScreenState& state, std::int64_t now_ms) {
  if (!state.note_loaded || state.note_draft == app.progress(state.card).note) return ok_status();
  return app.set_note(app.bank().cards[state.card].id, state.note_draft, now_ms);
}

void card_screen(Ui& ui, CardScreenState& state) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  const Card& card = ui.app.bank().cards[state.card];
  const CardProgress& progress = ui.app.progress(state.card);
  const bool opened = !state.note_loaded;  // the first frame of a newly opened card
  if (opened) {
    state.note_draft = progress.note;
    state.note_loaded = true;
  }

  const auto shown = [&](Status done) { state.notice = done ? "" : done.error().reason; };
  const float row_h = min_target(theme);
  const ImVec2 start = ImGui::GetCursorPos();
  const float width = ImGui::GetContentRegionAvail().x;
  if (button(theme, "back", "‹ Back", "", ImVec2(5.0f * em, row_h),
             {c.background, c.primary, FontRole::BodySemibold, 1.0f, {.label = "Back"}})) {
    ui.nav.back();
  }
  ImGui::SetCursorPos(ImVec2(start.x + width - 7.0f * em, start.y));
  if (button(theme, "bookmark", progress.bookmarked ? "★ Saved" : "☆ Save", "", ImVec2(7.0f * em, row_h),
             {c.background, progress.bookmarked ? c.hard : c.primary, FontRole::BodySemibold, 1.0f,
              {.role = AccessRole::Toggle, .label = "Save this card", .checked = progress.bookmarked}})) {
    shown(ui.app.set_bookmarked(card.id, !progress.bookmarked, ui.now_ms));
  }
  ImGui::SetCursorPos(ImVec2(start.x, start.y + row_h));
  if (!state.notice.empty()) wrapped_text(theme, FontRole::Body, c.again, state.notice);

  if (opened) ImGui::SetNextWindowScroll(ImVec2(0, 0));  // at its top, whatever card was open before
  begin_content("##card", ui.platform.safe_area().h);
  const Topic* topic = ui.app.bank().find_topic(card.topic);
  wrapped_text(theme, FontRole::Caption, c.text_secondary,
               std::string(topic ? topic->title : card.topic) + " · " + level_label(card.level) + " · " +
                   card_status(ui.app, state.card, ui.now_ms));
  wrapped_text(theme, FontRole::Title, c.text, card.prompt);
  ImGui::Dummy(ImVec2(0, 0.4f * em));
  if (card.code && !card.code->cases.empty()) {
    if (button(theme, "practice", "Write it yourself", "run your code against its cases",
               ImVec2(ImGui::GetContentRegionAvail().x, 3.4f * em), {c.primary, c.on_primary})) {
      ui.nav.open_practice(state.card);
    }
    ImGui::Dummy(ImVec2(0, 0.4f * em));
  }
  answer_and_code(ui, card, [&] {
    wrapped_text(theme, FontRole::Headline, c.text, "Key points");
    // As a list: wrapped lines hang after the bullet, and `code` in a point reads as code.
    std::string points;
    for (const std::string& point : card.key_points) points += "- " + point + "\n";
    markdown(theme, ui.platform, "key-points", points);
  });
  if (card.code) {
    if (row_button(theme, "tests", state.show_tests ? "Hide tests" : "Show tests", "", false)) {
      state.show_tests = !state.show_tests;
    }
    if (state.show_tests) {
      for (std::size_t i = 0; i < card.code->cases.size(); ++i) {
        const CodeCase& test = card.code->cases[i];
        wrapped_text(theme, FontRole::Caption, c.text_secondary, test.name);
        code_block(theme, ui.platform, ("copy-case-" + std::to_string(i)).c_str(), test.code);
      }
    }
    if (!card.code->runnable) wrapped_text(theme, FontRole::Caption, c.text_secondary, card.code->why_not_runnable);
  }
  ImGui::Dummy(ImVec2(0, 0.6f * em));
  wrapped_text(theme, FontRole::Headline, c.text, "Your note");
  // Saved as the user goes: a moment after the last keystroke (not an event per keystroke), and
  // on leaving the card (AppUi::go_back).
  if (text_area(theme, "note", "Your note", state.note_draft, 4)) state.note_edited_ms = ui.now_ms;
  if (ImGui::IsItemActive()) ImGui::SetScrollHereY(0.3f);  // keep the note above the keyboard
  const bool unsaved = state.note_draft != progress.note;
  if (unsaved && ui.now_ms - state.note_edited_ms >= App::kDraftPauseMs) {
    shown(save_note(ui.app, state, ui.now_ms));
  } else if (unsaved) {
    ui.nav.redraw_at(state.note_edited_ms + App::kDraftPauseMs);
  }
  if (unsaved || !progress.note.empty()) {
    wrapped_text(theme, FontRole::Caption, c.text_secondary, unsaved ? "Saving…" : "Saved");
  }

  ImGui::Dummy(ImVec2(0, 0.6f * em));
  history(ui, progress);

  ImGui::Dummy(ImVec2(0, 0.6f * em));
  if (row_button(theme, "suspend", progress.suspended ? "Unsuspend card" : "Suspend card",
                 progress.suspended ? "hidden from study" : "", false)) {
    shown(ui.app.set_suspended(card.id, !progress.suspended, ui.now_ms));
  }
  if (!state.confirm_reset) {
    if (row_button(theme, "reset-card", "Reset progress of this card", "", false)) state.confirm_reset = true;
  } else {
    wrapped_text(theme, FontRole::Body, c.text, "Forget this card's schedule? Its review history stays.");
    const float half = (ImGui::GetContentRegionAvail().x - 0.5f * em) / 2;
    if (button(theme, "reset-card-cancel", "Cancel", "", ImVec2(half, 2.9f * em), {c.raised, c.text})) {
      state.confirm_reset = false;
    }
    ImGui::SameLine(0, 0.5f * em);
    if (button(theme, "reset-card-confirm", "Reset", "", ImVec2(half, 2.9f * em), {c.again, c.on_primary})) {
      shown(ui.app.reset_card(card.id, ui.now_ms));
      state.confirm_reset = false;
    }
  }
  end_content();
}

}  // namespace pyprep::ui
