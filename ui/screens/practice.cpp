// Practice: write your own solution to a code card's task and run it against the card's named
// cases, offline; then compare with the reference. The code is the app's draft for the card
// (saved as you type); a run is the app's work, not this screen's.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "screens/screens.h"
#include "widgets/code_editor.h"
#include "widgets/controls.h"
#include "widgets/format.h"
#include "widgets/markdown.h"
#include "widgets/text.h"

namespace pyprep::ui {
namespace {

const char* case_mark(const std::string& status) { return status == "pass" ? "✓" : "✗"; }

std::string duration(double seconds) {
  char text[32];
  if (seconds >= 1) std::snprintf(text, sizeof text, "%.1f s", seconds);
  else if (seconds >= 0.01) std::snprintf(text, sizeof text, "%.0f ms", seconds * 1e3);
  else std::snprintf(text, sizeof text, "%.2f ms", seconds * 1e3);
  return text;
}

std::string with_thousands(std::int64_t n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), " ");
  return digits;
}

void growth(const Theme& theme, const GrowthVerdict& g) {
  const Palette& c = theme.colors();
  wrapped_text(theme, FontRole::Headline, c.text, "Growth, measured on this device");
  if (!g.error.empty()) {
    wrapped_text(theme, FontRole::Body, c.again, "Could not measure: " + g.error);
    return;
  }
  auto fit = [](const std::string& label) { return label.empty() ? std::string("too fast to tell") : "≈ " + label; };
  wrapped_text(theme, FontRole::Body, c.text, "Yours " + fit(g.yours) + ", the reference " + fit(g.reference) + ".");
  if (g.at_n > 0) {
    wrapped_text(theme, FontRole::Body, c.text_secondary,
                 "At n = " + with_thousands(g.at_n) + ": " + duration(g.yours_s) + " against " + duration(g.reference_s) + ".");
  }
  wrapped_text(theme, FontRole::Caption, c.text_secondary,
               "Timed at n = 125, 250, 500, … up to 512 000 (median of 3, about 3 s in all); the growth is the "
               "slope of time against n. n and n log n look alike at these sizes, so both are named.");
}

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
  if (verdict.growth) growth(theme, *verdict.growth);
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
    ImGui::SetNextWindowScroll(ImVec2(0, 0));  // a task opens at its top, whatever was open before
    if (!app.cannot_run(state.card)) app.warm_up_runner();
    state.text = app.draft(state.card);
    state.seen_runs = app.progress(state.card).attempts.runs;
    state.loaded = true;
  }
  const float row_h = min_target(theme);
  if (button(theme, "back", "‹ Back", "", ImVec2(5.0f * em, row_h),
             {c.background, c.primary, FontRole::BodySemibold, 1.0f, {.label = "Back"}})) {
    app.flush_drafts(ui.now_ms);
    ui.nav.back();
  }
  // The key row is pinned above the phone's keyboard (or the bottom edge), outside the scrolling
  // content, so it is at hand while typing and nothing moves when editing starts or ends.
  const float bottom_inset = std::max(ui.platform.safe_area().h, ui.platform.keyboard_inset());
  // The keys use the screen's whole width, as a phone keyboard does: at large text the content's
  // margins would make them too narrow for a thumb.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float key_margin = 0.01f * viewport->Size.x;
  const float key_row_w = viewport->Size.x - 2 * key_margin;
  const float key_row_h = key_row_height(theme, key_row_w);
  const bool in_mock = state.deadline_ms > 0;
  if (in_mock) {  // a mock question: its clock beside Back; when it runs out, the mock takes over
    const std::int64_t left_ms = state.deadline_ms - ui.now_ms;
    if (left_ms <= 0) {
      app.flush_drafts(ui.now_ms);
      ui.nav.back();
    }
    const std::string left = countdown(ui, left_ms) + " left";
    ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - text_size(theme, FontRole::Headline, left).x);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (row_h - text_size(theme, FontRole::Headline, left).y) / 2);
    text_line(theme, FontRole::Headline, left_ms < 30'000 ? c.again : c.text, left);
  }
  begin_content("##practice", bottom_inset + key_row_h + ImGui::GetStyle().ItemSpacing.y);
  wrapped_text(theme, FontRole::Caption, c.text_secondary, in_mock ? "Mock interview: write it, run it, go back to hand it in" : "Write it yourself");
  wrapped_text(theme, FontRole::Title, c.text, card.prompt);
  markdown(theme, ui.platform, "task", task.task);

  const std::optional<std::string> cannot = app.cannot_run(state.card);
  if (code_editor(theme, "editor", state.text, state.editor)) app.edit_draft(state.card, state.text, ui.now_ms);
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
    // A new verdict scrolls into view: the user tapped Run above and the results grow below.
    const std::int64_t runs = app.progress(state.card).attempts.runs;
    if (runs != state.seen_runs) {
      state.seen_runs = runs;
      ImGui::SetScrollHereY(0.15f);
    }
    results(ui, *run.verdict);
    if (run.verdict->status == "pass" && task.scale && !run.verdict->growth && !running && !in_mock) {
      if (button(theme, "measure", "Measure growth against the reference", "about 3 seconds",
                 ImVec2(ImGui::GetContentRegionAvail().x, 3.4f * em), {c.raised, c.primary})) {
        Status started = app.run_code(state.card, ui.now_ms, true);
        state.notice = started ? "" : started.error().reason;
      }
    }
  }
  const CodeAttempts& attempts = app.progress(state.card).attempts;
  if (attempts.runs) {
    wrapped_text(theme, FontRole::Caption, c.text_secondary,
                 count_of(attempts.runs, "run", "runs") + (attempts.solved ? ", solved" : ", not solved yet"));
  }

  ImGui::Dummy(ImVec2(0, 0.6f * em));
  if (in_mock) {
    wrapped_text(theme, FontRole::Caption, c.text_secondary, "The reference waits for the report.");
  } else if (row_button(theme, "reference", state.show_reference ? "Hide the reference" : "Compare with the reference",
                        "", false)) {
    state.show_reference = !state.show_reference;
  }
  if (state.show_reference && !in_mock) answer_and_code(ui, card);
  end_content();
  ImGui::SetCursorScreenPos(ImVec2(viewport->Pos.x + key_margin, viewport->Pos.y + viewport->Size.y - bottom_inset - key_row_h));
  key_row(theme, "key", key_row_w);
}

}  // namespace pyprep::ui
