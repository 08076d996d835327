// Study: the prompt; Show answer; the answer, code and key points to tick; the four grades at the
// bottom, each with the interval it would give; undo of the last answer; progress through today.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "screens/screens.h"
#include "widgets/colors.h"
#include "widgets/controls.h"
#include "widgets/format.h"
#include "widgets/frame_records.h"
#include "widgets/imgui_adapter.h"
#include "widgets/markdown.h"
#include "widgets/text.h"

namespace pyprep::ui {
namespace {

constexpr std::int64_t kLongestCountedMs = 20 * kMinuteMs;  // a card left open is not study time
constexpr std::int64_t kFreshButtonMs = 400;  // a button this new ignores taps (longer than a double tap)

void header(Ui& ui, StudyState& state, const Card* card) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  const float row_h = min_target(theme);
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 start = ImGui::GetCursorPos();
  if (button(theme, "close", "×", "", ImVec2(row_h, row_h),
             {c.background, c.text, FontRole::Title, 1.0f, {.label = "Back"}})) {
    ui.nav.back();
  }
  const TodayCounts today = ui.app.today(ui.now_ms);
  const int left = today.learning + today.reviews + today.new_cards;
  // What is left by kind: new and due cards go down as they are answered; cards answered Again
  // come back within minutes and are counted apart, so the first two visibly shrink.
  const std::string progress = std::to_string(today.new_cards) + " new · " + std::to_string(today.reviews) +
                               " due · " + std::to_string(today.learning) + " again soon";
  const bool can_undo = ui.app.can_undo();
  {  // between × and Undo, wrapping onto a second line rather than running under Undo
    const float x = start.x + row_h + 0.3f * em;
    const float room = width - (x - start.x) - (can_undo ? 5.0f * em : 0.0f);
    const ImVec2 size = text_size(theme, FontRole::Caption, progress, room);
    ImFont* font = theme.font(FontRole::Caption);
    const ImVec2 origin = ImGui::GetWindowPos();
    add_text(ImGui::GetWindowDrawList(), font, font_px(theme, FontRole::Caption),
             ImVec2(origin.x + x - ImGui::GetScrollX(), origin.y + start.y + std::max(0.0f, (row_h - size.y) / 2)),
             c.text_secondary, progress, room);
  }
  if (can_undo) {
    ImGui::SetCursorPos(ImVec2(start.x + width - 5.0f * em, start.y));
    if (button(theme, "undo", "↩ Undo", "", ImVec2(5.0f * em, row_h),
               {c.background, c.primary, FontRole::BodySemibold, 1.0f, {.label = "Undo the last answer"}}) ||
        ui.shortcut == 'u') {
      state.notice.clear();
      if (Status undone = ui.app.undo(ui.now_ms); !undone) state.notice = undone.error().reason;
      state.card_id.clear();  // the undone card comes back as if new on screen
    }
  }
  ImGui::SetCursorPos(ImVec2(start.x, start.y + row_h));
  const float done = left + today.answered > 0 ? float(today.answered) / float(left + today.answered) : 1.0f;
  progress_bar(theme, done, c.primary, 0.3f);
  if (card) {
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    const Topic* topic = ui.app.bank().find_topic(card->topic);
    wrapped_text(theme, FontRole::Caption, c.text_secondary,
                 std::string(topic ? topic->title : card->topic) + " · " + level_label(card->level));
  }
}

void answer_section(Ui& ui, StudyState& state, const Card& card) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  ImGui::Dummy(ImVec2(0, 0.4f * em));
  ImGui::GetWindowDrawList()->AddLine(ImGui::GetCursorScreenPos(),
                                      ImVec2(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x,
                                             ImGui::GetCursorScreenPos().y),
                                      c.border, std::max(1.0f, 0.06f * em));
  ImGui::Dummy(ImVec2(0, 0.6f * em));
  if (!state.typed.empty()) {
    const std::size_t covered = static_cast<std::size_t>(std::count_if(
        state.typed_score.points.begin(), state.typed_score.points.end(), [](const PointScore& p) { return p.covered; }));
    wrapped_text(theme, FontRole::Caption, c.text_secondary,
                 "Your answer covers " + std::to_string(covered) + " of " + std::to_string(card.key_points.size()) +
                     " key points; the words that matched are marked.");
    std::vector<std::pair<std::size_t, std::size_t>> marks;
    for (const PointScore& point : state.typed_score.points)
      for (const ByteRange& range : point.matched) marks.emplace_back(range.begin, range.end);
    begin_surface(theme);
    marked_text(theme, state.typed, marks, with_alpha(c.good, 0.3f));
    end_surface(theme, c.raised);
  }
  answer_and_code(ui, card, [&] {
    wrapped_text(theme, FontRole::Headline, c.text, "Key points");
    wrapped_text(theme, FontRole::Caption, c.text_secondary,
                 state.typed.empty() ? "Tick what your answer covered."
                                     : "Ticked where your answer covers them: correct any tick, the grade follows.");
    state.ticked.resize(card.key_points.size(), false);
    for (std::size_t i = 0; i < card.key_points.size(); ++i) {
      bool ticked = state.ticked[i];
      const std::string target = "point-" + std::to_string(i);
      if (check_row(theme, target.c_str(), card.key_points[i], ticked)) state.ticked[i] = ticked;
    }
  });
}

// The grade the ticked key points suggest: all → Good (Easy is the user's call), half → Hard.
// The grade the ticked key points suggest; a run of the user's code on this card since it was
// shown that passed every case suggests Good.
int suggested_rating(const StudyState& state, const CodeRunView& run, std::size_t card) {
  if (run.card == card && run.verdict && run.verdict->status == "pass" && !run.running) return 3;
  if (state.ticked.empty()) return 0;
  const auto ticked = std::count(state.ticked.begin(), state.ticked.end(), true);
  if (ticked == 0) return 0;
  if (ticked * 2 < static_cast<long>(state.ticked.size())) return 1;
  return ticked == static_cast<long>(state.ticked.size()) ? 3 : 2;
}

}  // namespace

void study_screen(Ui& ui, StudyState& state) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  const StudyView* view = ui.app.study(ui.now_ms);
  const Card* card = view ? &ui.app.bank().cards[view->card] : nullptr;
  if (!card || card->id != state.card_id) {  // a new card on screen
    const std::optional<std::size_t> elsewhere = ui.app.study_changed_elsewhere();
    if (elsewhere && ui.app.bank().cards[*elsewhere].id == state.card_id) {
      state.notice = "The card you had open was answered in another tab.";
    }
    if (std::exchange(state.answered, false)) {
      ui.nav.announce(card ? "Saved. Next: " + card->prompt : std::string("Saved. All done for now."));
    }
    state.card_id = card ? card->id : "";
    state.shown_at_ms = ui.now_ms;
    state.revealed = false;
    state.ticked.assign(card ? card->key_points.size() : 0, false);
    state.typing = false;
    state.typed.clear();
    state.typed_score = {};
    set_next_window_scroll(ImVec2(0, 0));
    new_code_views();
  }

  header(ui, state, card);
  const float button_h = 3.6f * em;
  const float bottom = button_h + ImGui::GetStyle().ItemSpacing.y + ui.platform.safe_area().h;
  begin_content("##study", bottom);
  if (!card) {
    ImGui::Dummy(ImVec2(0, 3 * em));
    wrapped_text(theme, FontRole::Title, c.text, "All done for now");
    wrapped_text(theme, FontRole::Body, c.text_secondary,
                 "Nothing else is due today. New cards arrive tomorrow; learning cards come back "
                 "when their step is over.");
  } else {
    ImGui::Dummy(ImVec2(0, 0.4f * em));
    wrapped_text(theme, FontRole::Title, c.text, card->prompt);
    if (card->code && !card->code->cases.empty()) {
      const CodeAttempts& attempts = ui.app.progress(view->card).attempts;
      if (row_button(theme, "practice", "Write it yourself",
                     attempts.solved ? "solved" : attempts.runs ? count_of(attempts.runs, "run", "runs") : "")) {
        ui.nav.open_practice(view->card);
      }
    }
    if (!state.revealed && ui.app.scores_typed_answers(view->card)) {
      // Typing is optional: Show answer stays for answering aloud. Dictation is just text.
      if (!state.typing) {
        state.typing = state.focus_typed = row_button(theme, "type-answer", "Type your answer", "");
        // A tap here opens the phone's keyboard at once, for the field that replaces the row.
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        register_text_field({min.x, min.y, max.x - min.x, max.y - min.y});
      } else {
        ImGui::Dummy(ImVec2(0, 0.4f * em));
        wrapped_text(theme, FontRole::Caption, c.text_secondary, "Your answer (typed or dictated)");
        text_area(theme, "typed-answer", "Your answer", state.typed, 5);
        // The field can open below the fold (a long prompt, large text): it is brought up first,
        // and given the keyboard once it shows; while typed in, it stays clear of the keyboard.
        if (state.focus_typed && ImGui::IsItemVisible()) {
          activate_last_item();
          state.focus_typed = false;
        }
        if (state.focus_typed || ImGui::IsItemActive()) ImGui::SetScrollHereY(0.3f);
      }
    }
    if (state.revealed) answer_section(ui, state, *card);
  }
  if (!state.notice.empty()) wrapped_text(theme, FontRole::Body, c.again, state.notice);
  if (const std::string error = ui.app.save_error(); !error.empty()) wrapped_text(theme, FontRole::Body, c.again, error);
  end_content();

  const float width = ImGui::GetContentRegionAvail().x;
  if (!card) {
    if (button(theme, "finish", "Back to Today", "", ImVec2(width, button_h), {c.primary, c.on_primary})) ui.nav.back();
    return;
  }
  // Show answer and the grades take turns at the bottom of the screen: a tap in the first moment
  // after one replaced the other was meant for the one before (a double tap), so it is ignored.
  // Until then the button goes by another name (for the test hook, nothing to tap yet), and a
  // frame is asked for when it starts to count. What counts is when the finger went down, not
  // when a slow frame got to the tap: taps queued behind a stall are still a double tap.
  const auto settled = [&](std::int64_t since_ms) {
    const std::int64_t wait = since_ms + kFreshButtonMs - ui.now_ms;
    if (wait > 0) ui.nav.redraw_at(since_ms + kFreshButtonMs);
    return wait <= 0;
  };
  const auto pressed_after = [&](std::int64_t since_ms) { return ui.press_ms >= since_ms + kFreshButtonMs; };
  const auto named = [](const char* target, bool ready) { return ready ? std::string(target) : std::string(target) + "-settling"; };
  if (!state.revealed) {
    const bool ready = settled(state.shown_at_ms);
    const bool tapped =
        button(theme, named("reveal", ready).c_str(), "Show answer", "", ImVec2(width, button_h), {c.primary, c.on_primary});
    if ((tapped && ready && pressed_after(state.shown_at_ms)) || ui.shortcut == ' ') {
      state.revealed = true;
      state.revealed_at_ms = ui.now_ms;
      ui.nav.announce("Answer shown");
      if (!state.typed.empty()) {  // the key points it covers start ticked
        state.typed_score = ui.app.score_answer(view->card, state.typed);
        for (std::size_t i = 0; i < state.ticked.size() && i < state.typed_score.points.size(); ++i)
          state.ticked[i] = state.typed_score.points[i].covered;
      }
    }
    return;
  }
  const std::array<const char*, 4> targets = {"again", "hard", "good", "easy"};
  const std::array<const char*, 4> labels = {"Again", "Hard", "Good", "Easy"};
  const std::array<ImU32, 4> fills = {c.again, c.hard, c.good, c.easy};
  const int suggested = suggested_rating(state, ui.app.code_run(), view->card);
  const float gap = 0.4f * em;
  const float each = (width - 3 * gap) / 4;
  const float label_scale = label_scale_to_fit(theme, FontRole::BodySemibold, {labels.begin(), labels.end()}, each);
  const bool ready = settled(state.revealed_at_ms);
  for (int i = 0; i < 4; ++i) {
    if (i > 0) ImGui::SameLine(0, gap);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool pressed = button(theme, named(targets[i], ready).c_str(), labels[i],
                                short_interval(view->outcomes[i].interval_ms), ImVec2(each, button_h),
                                {fills[i], c.on_primary, FontRole::BodySemibold, label_scale});
    if (suggested == i + 1) {  // a ring around the grade the ticked points suggest
      ImGui::GetWindowDrawList()->AddRect(ImVec2(at.x - 0.15f * em, at.y - 0.15f * em),
                                          ImVec2(at.x + each + 0.15f * em, at.y + button_h + 0.15f * em),
                                          c.text, 0.7f * em, 0, 0.12f * em);
    }
    if ((pressed && ready && pressed_after(state.revealed_at_ms)) || ui.shortcut == '1' + i) {
      const std::int64_t duration = std::min(ui.now_ms - state.shown_at_ms, kLongestCountedMs);
      state.notice.clear();
      if (Status answered = ui.app.answer(fsrs::kRatings[i], duration, ui.now_ms, state.typed); !answered) {
        state.notice = answered.error().reason;
      } else {
        state.answered = true;
      }
    }
  }
}

}  // namespace pyprep::ui
