// A mock interview's question: its countdown, the prompt, and the answer — typed or dictated,
// aloud and self-rated, or code written in the practice editor. When the clock runs out, what is
// there is handed in. No model answer is shown until the report.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>

#include "screens/screens.h"
#include "widgets/controls.h"
#include "widgets/format.h"
#include "widgets/markdown.h"
#include "widgets/text.h"

namespace pyprep::ui {
namespace {

// The code answer: the last run made during this question, or not run.
MockAnswer code_answer(const App& app, std::size_t card, std::int64_t question_started_ms) {
  MockAnswer answer;
  answer.how = "code";
  const CodeRunView& run = app.code_run();
  if (run.card == card && run.verdict && !run.running && run.answered_ms >= question_started_ms) {
    answer.status = run.verdict->status;
    answer.passed = run.verdict->passed;
    answer.total = run.verdict->total;
  } else {
    answer.status = "not_run";
    answer.total = static_cast<std::int64_t>(app.bank().cards[card].code->cases.size());
  }
  return answer;
}

}  // namespace

void mock_question_screen(Ui& ui, MockState& state, const MockInterview& mock) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  App& app = ui.app;
  const std::size_t question = *mock.current();
  const std::size_t card_index = mock.cards[question];
  const Card& card = app.bank().cards[card_index];
  const std::string on_screen = mock.id + "/" + std::to_string(question);
  if (state.question != on_screen) {  // a new question starts clean, at its top
    state.start_over();
    state.question = on_screen;
    ImGui::SetNextWindowScroll(ImVec2(0, 0));
    new_code_views();
  }
  const std::int64_t started_ms = mock.question_started_ms(question);
  const std::int64_t limit_ms = mock.limits_s[question] * 1000;
  const std::int64_t elapsed_ms = std::clamp<std::int64_t>(ui.now_ms - started_ms, 0, limit_ms);
  const std::int64_t left_ms = limit_ms - elapsed_ms;
  const bool is_code = card.code && !card.code->cases.empty();

  const auto hand_in = [&](MockAnswer answer) {
    answer.mock = mock.id;
    answer.card_id = card.id;
    answer.seconds = elapsed_ms / 1000;
    const bool last = question + 1 == mock.cards.size();
    const std::string id = mock.id;
    if (Status given = app.answer_mock(std::move(answer), ui.now_ms); !given) {
      state.notice = given.error().reason;
      return;
    }
    app.flush_drafts(ui.now_ms);
    if (last) state.report = id;
  };
  const auto typed_or_skipped = [&] {
    MockAnswer answer;
    answer.how = state.typed.empty() ? "skipped" : "typed";
    answer.answer = state.typed;
    return answer;
  };

  top_bar(ui, "Question " + std::to_string(question + 1) + " of " + std::to_string(mock.cards.size()),
          countdown(ui, left_ms));
  progress_bar(theme, static_cast<float>(elapsed_ms) / static_cast<float>(limit_ms),
               left_ms < 30'000 ? c.again : c.primary, 0.3f);
  const float button_h = 3.6f * em;
  begin_content("##mock-question", button_h + ImGui::GetStyle().ItemSpacing.y + ui.platform.safe_area().h);
  const Topic* topic = app.bank().find_topic(card.topic);
  wrapped_text(theme, FontRole::Caption, c.text_secondary,
               std::string(topic ? topic->title : card.topic) + " · " + level_label(card.level));
  wrapped_text(theme, FontRole::Title, c.text, card.prompt);
  if (is_code) {
    markdown(theme, ui.platform, "mock-task", card.code->task);
    const MockAnswer code = code_answer(app, card_index, started_ms);
    wrapped_text(theme, FontRole::Body, c.text_secondary,
                 code.status == "not_run" ? "Not run yet: write it, run it, then hand it in."
                                          : "Last run: " + std::to_string(code.passed) + " of " +
                                                std::to_string(code.total) + " cases pass.");
    if (row_button(theme, "mock-write-code", "Write the code", "")) {
      ui.nav.open_practice(card_index, started_ms + limit_ms);
    }
  } else if (!state.aloud) {
    wrapped_text(theme, FontRole::Caption, c.text_secondary, "Your answer (typed or dictated)");
    text_area(theme, "mock-typed", "Your answer", state.typed, 6);
    if (ImGui::IsItemActive()) ImGui::SetScrollHereY(0.3f);  // clear of the phone's keyboard
    if (row_button(theme, "mock-aloud", "Answer aloud instead", "", false)) state.aloud = true;
  } else {
    wrapped_text(theme, FontRole::Body, c.text, "Say your answer out loud, as to an interviewer. How did it go?");
    const std::array<const char*, 3> targets = {"mock-missed", "mock-partly", "mock-got-it"};
    const std::array<const char*, 3> labels = {"Missed it", "Partly", "Got it"};
    const float gap = 0.4f * em;
    const float each = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
    const float scale = label_scale_to_fit(theme, FontRole::BodySemibold, {labels.begin(), labels.end()}, each);
    for (int i = 0; i < 3; ++i) {
      if (i > 0) ImGui::SameLine(0, gap);
      if (button(theme, targets[i], labels[i], "", ImVec2(each, button_h), {c.raised, c.text, FontRole::BodySemibold, scale})) {
        MockAnswer answer;
        answer.how = "aloud";
        answer.self = i;
        hand_in(answer);
      }
    }
    if (row_button(theme, "mock-type-instead", "Type it instead", "", false)) state.aloud = false;
  }
  if (!state.notice.empty()) wrapped_text(theme, FontRole::Body, c.again, state.notice);
  if (const std::string error = app.save_error(); !error.empty()) wrapped_text(theme, FontRole::Body, c.again, error);
  ImGui::Dummy(ImVec2(0, 0.6f * em));
  if (!state.confirm_end) {
    if (row_button(theme, "mock-end", "End the interview now", "", false)) state.confirm_end = true;
  } else {
    wrapped_text(theme, FontRole::Body, c.text, "End here? The questions left count as unanswered.");
    const float half = (ImGui::GetContentRegionAvail().x - 0.5f * em) / 2;
    if (button(theme, "mock-end-cancel", "Keep going", "", ImVec2(half, min_target(theme)), {c.raised, c.text})) {
      state.confirm_end = false;
    }
    ImGui::SameLine(0, 0.5f * em);
    if (button(theme, "mock-end-confirm", "End it", "", ImVec2(half, min_target(theme)), {c.again, c.on_primary})) {
      const std::string id = mock.id;
      if (!state.typed.empty()) hand_in(typed_or_skipped());  // what was typed is kept
      if (Status ended = app.end_mock(id, ui.now_ms); !ended) state.notice = ended.error().reason;
      else state.report = id;
    }
  }
  end_content();

  // Out of time: what is there is handed in, and the next question's clock starts.
  if (left_ms <= 0) {
    hand_in(is_code ? code_answer(app, card_index, started_ms) : typed_or_skipped());
    return;
  }
  if (state.aloud && !is_code) return;  // the ratings hand it in
  const bool last = question + 1 == mock.cards.size();
  const char* label = is_code ? "Hand in the code" : state.typed.empty() ? "Skip" : last ? "Finish" : "Next question";
  if (button(theme, "mock-next", label, last && !is_code ? "then the report" : "",
             ImVec2(ImGui::GetContentRegionAvail().x, button_h), {c.primary, c.on_primary})) {
    hand_in(is_code ? code_answer(app, card_index, started_ms) : typed_or_skipped());
  }
}

}  // namespace pyprep::ui
