// Practice: write your own solution to a code card's task and run it against the card's named
// cases, offline; then compare with the reference. The code is the app's draft for the card
// (saved as you type); a run is the app's work, not this screen's.
#include <imgui.h>

#include <string>

#include "screens/screens.h"
#include "widgets/code_editor.h"
#include "widgets/controls.h"
#include "widgets/format.h"
#include "widgets/markdown.h"

namespace pyprep::ui {
namespace {

const char* case_mark(const std::string& status) { return status == "pass" ? "✓" : "✗"; }

std::string summary(const CodeVerdict& verdict) {
  if (verdict.status == "pass") return "All " + std::to_string(verdict.total) + " cases pass.";
  if (verdict.status == "syntax") return "Syntax error" + (verdict.line ? " on line " + std::to_string(verdict.line) : std::string());
  if (verdict.status == "timeout") return "Stopped: it ran too long. " + std::to_string(verdict.passed) + " of " +
                                          std::to_string(verdict.total) + " cases passed first.";
  if (verdict.status == "unsupported" || verdict.status == "unavailable") return "Not run";
  return std::to_string(verdict.passed) + " of " + std::to_string(verdict.total) + " cases pass.";
}

void results(Ui& ui, const CodeVerdict& verdict) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  const bool passed = verdict.status == "pass";
  wrapped_text(theme, FontRole::Headline, passed ? c.good : c.again, summary(verdict));
  if (!verdict.message.empty()) {
    wrapped_text(theme, FontRole::Body, c.text,
                 verdict.message + (verdict.line && verdict.status != "syntax" ? " (line " + std::to_string(verdict.line) + ")" : ""));
  }
  for (const CaseVerdict& test : verdict.cases) {
    const bool ok = test.status == "pass";
    wrapped_text(theme, FontRole::BodySemibold, ok ? c.good : c.again, std::string(case_mark(test.status)) + "  " + test.name);
    if (ok) continue;
    ImGui::Indent(1.4f * em);
    if (!test.expected.empty() || !test.actual.empty()) {
      wrapped_text(theme, FontRole::Mono, c.text, "expected  " + test.expected);
      wrapped_text(theme, FontRole::Mono, c.text, "got       " + test.actual);
    } else if (!test.message.empty()) {
      wrapped_text(theme, FontRole::Mono, c.text, test.message);
    }
    if (test.line) wrapped_text(theme, FontRole::Caption, c.text_secondary, "at line " + std::to_string(test.line) + " of your code");
    ImGui::Unindent(1.4f * em);
  }
  if (!verdict.output.empty()) {
    wrapped_text(theme, FontRole::Caption, c.text_secondary, verdict.output_cut ? "Printed (cut short)" : "Printed");
    code_block(theme, ui.platform, "copy-output", verdict.output, "output");
  }
  if (passed) wrapped_text(theme, FontRole::Caption, c.text_secondary, "Every case passes: Good is a fair grade.");
}

}  // namespace

void practice_screen(Ui& ui, PracticeState& state) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  App& app = ui.app;
  const Card& card = app.bank().cards[state.card];
  const CodeTask& task = *card.code;
  if (!state.loaded) {
    state.text = app.draft(state.card);
    state.loaded = true;
  }
  const float row_h = std::max(48.0f, 2.9f * em);
  if (button(theme, "back", "‹ Back", "", ImVec2(5.0f * em, row_h), {c.background, c.primary})) {
    app.flush_drafts(ui.now_ms);
    ui.nav.back();
  }
  begin_content("##practice", ui.platform.safe_area().h);
  wrapped_text(theme, FontRole::Caption, c.text_secondary, "Write it yourself");
  wrapped_text(theme, FontRole::Title, c.text, card.prompt);
  markdown(theme, ui.platform, "task", task.task);

  const std::optional<std::string> cannot = app.cannot_run(state.card);
  if (code_editor(theme, "editor", state.text, state.editor)) app.edit_draft(state.card, state.text, ui.now_ms);
  key_row(theme, "key");
  if (!state.notice.empty()) wrapped_text(theme, FontRole::Body, c.again, state.notice);

  const CodeRunView& run = app.code_run();
  const bool running = run.running && run.card == state.card;
  const float half = (ImGui::GetContentRegionAvail().x - 0.5f * em) / 2;
  if (cannot) {
    wrapped_text(theme, FontRole::Body, c.text_secondary, *cannot);
  } else if (button(theme, "run", running ? "Running…" : "Run", "", ImVec2(half, row_h),
                    {running ? c.raised : c.primary, running ? c.text_secondary : c.on_primary})) {
    if (!running) {
      Status started = app.run_code(state.card, ui.now_ms);
      state.notice = started ? "" : started.error().reason;
    }
  }
  if (!cannot) ImGui::SameLine(0, 0.5f * em);
  if (!state.confirm_reset) {
    if (button(theme, "reset-code", "Reset to starter", "", ImVec2(cannot ? ImGui::GetContentRegionAvail().x : half, row_h),
               {c.raised, c.text})) {
      state.confirm_reset = true;
    }
  } else {
    wrapped_text(theme, FontRole::Body, c.text, "Replace your code with the starter? Your code is lost.");
    if (button(theme, "reset-code-cancel", "Keep my code", "", ImVec2(half, row_h), {c.raised, c.text})) {
      state.confirm_reset = false;
    }
    ImGui::SameLine(0, 0.5f * em);
    if (button(theme, "reset-code-confirm", "Reset", "", ImVec2(half, row_h), {c.again, c.on_primary})) {
      Status reset = app.reset_draft(state.card, ui.now_ms);
      state.notice = reset ? "" : reset.error().reason;
      state.text = app.draft(state.card);
      state.confirm_reset = false;
    }
  }
  if (!cannot) python_runtime_status(ui, false);

  if (run.card == state.card && run.verdict) {
    ImGui::Dummy(ImVec2(0, 0.4f * em));
    results(ui, *run.verdict);
  }
  const CodeAttempts& attempts = app.collection().cards()[state.card].attempts;
  if (attempts.runs) {
    wrapped_text(theme, FontRole::Caption, c.text_secondary,
                 count_of(attempts.runs, "run", "runs") + (attempts.solved ? ", solved" : ", not solved yet"));
  }

  ImGui::Dummy(ImVec2(0, 0.6f * em));
  if (row_button(theme, "reference", state.show_reference ? "Hide the reference" : "Compare with the reference", "",
                 false)) {
    state.show_reference = !state.show_reference;
  }
  if (state.show_reference) answer_and_code(ui, card);
  end_content();
}

}  // namespace pyprep::ui
