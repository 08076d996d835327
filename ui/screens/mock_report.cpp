// A mock interview's report: the overall score and how it moved since the last mock; the weakest
// topics with a button that studies them next; per question the time taken, the key points
// covered and missed (or the cases passed) and, a tap away, the model answer.
#include <imgui.h>

#include <string>
#include <vector>

#include "screens/screens.h"
#include "widgets/controls.h"
#include "widgets/format.h"
#include "widgets/text.h"

namespace pyprep::ui {
namespace {

std::string how_it_went(const MockQuestionReport& q) {
  if (q.how == "typed") {
    std::size_t covered = 0;
    for (bool point : q.covered) covered += point;
    return "Typed · " + std::to_string(covered) + " of " + std::to_string(q.covered.size()) + " key points";
  }
  if (q.how == "aloud") {
    static const char* ratings[] = {"missed it", "partly", "got it"};
    return std::string("Aloud · you said: ") + ratings[std::clamp<std::int64_t>(q.self, 0, 2)];
  }
  if (q.how == "code") {
    if (q.status == "not_run") return "Code · not run";
    return "Code · " + std::to_string(q.passed) + " of " + std::to_string(q.total) + " cases pass";
  }
  if (q.how == "skipped") return "Skipped";
  return "Not reached";
}

// The score of the mock that ended before this one, if any.
std::optional<double> previous_score(const App& app, const MockInterview& mock) {
  std::optional<double> previous;
  for (const MockInterview& other : app.mocks()) {
    if (other.id == mock.id) break;
    if (other.ended) previous = app.mock_report(other).score;
  }
  return previous;
}

}  // namespace

void mock_report_screen(Ui& ui, MockState& state, const MockInterview& mock) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  App& app = ui.app;
  const MockReport report = app.mock_report(mock);
  state.model_shown.resize(report.questions.size(), false);
  top_bar(ui, "Mock interview report", "");
  const float button_h = 3.6f * em;
  begin_content("##mock-report", button_h + ImGui::GetStyle().ItemSpacing.y + ui.platform.safe_area().h);
  screen_title(theme, "Your mock interview",
               local_date(mock.started_ms, app.clock().utc_offset_min) + " · " + mock.plan);

  begin_surface(theme);
  wrapped_text(theme, FontRole::Title, c.text, percent(report.score));
  wrapped_text(theme, FontRole::Body, c.text_secondary,
               count_of(report.questions.size(), "question", "questions") + ", " + clock_time(report.seconds) +
                   " in all");
  if (const std::optional<double> previous = previous_score(app, mock)) {
    const int moved = static_cast<int>((report.score - *previous) * 100 + (report.score >= *previous ? 0.5 : -0.5));
    wrapped_text(theme, FontRole::Body, moved >= 0 ? c.good : c.again,
                 (moved > 0   ? "Up " + std::to_string(moved) + " points"
                  : moved < 0 ? "Down " + std::to_string(-moved) + " points"
                              : std::string("Level")) +
                     " on your last mock (" + percent(*previous) + ").");
  }
  end_surface(theme, c.surface);

  if (!report.weakest.empty()) {
    wrapped_text(theme, FontRole::Headline, c.text, "Weakest topics");
    std::vector<std::string> topics;
    for (const MockTopicScore& weak : report.weakest) {
      const Topic* topic = app.bank().find_topic(weak.topic);
      labelled_bar(theme, topic ? topic->title : weak.topic, percent(weak.score), static_cast<float>(weak.score), c.again);
      topics.push_back(weak.topic);
    }
    if (button(theme, "mock-study-weak", "Study these topics next", "sets your focus on Today",
               ImVec2(ImGui::GetContentRegionAvail().x, 3.4f * em), {c.raised, c.primary})) {
      if (Status focused = app.change_settings({.topics = topics}, ui.now_ms); !focused) {
        state.notice = focused.error().reason;
      } else {
        ui.nav.open_study();
      }
    }
  }
  if (!state.notice.empty()) wrapped_text(theme, FontRole::Body, c.again, state.notice);

  ImGui::Dummy(ImVec2(0, 0.4f * em));
  wrapped_text(theme, FontRole::Headline, c.text, "Question by question");
  for (std::size_t i = 0; i < report.questions.size(); ++i) {
    const MockQuestionReport& q = report.questions[i];
    const Card& card = app.bank().cards[q.card];
    ImGui::PushID(static_cast<int>(i));
    begin_surface(theme);
    wrapped_text(theme, FontRole::BodySemibold, c.text, std::to_string(i + 1) + ". " + card.prompt);
    wrapped_text(theme, FontRole::Caption, c.text_secondary,
                 how_it_went(q) + " · " + clock_time(q.seconds) + " of " + clock_time(q.limit_s) + " · " + percent(q.score));
    if (!q.answer.empty()) {
      wrapped_text(theme, FontRole::Caption, c.text_secondary, "You wrote");
      wrapped_text(theme, FontRole::Body, c.text, q.answer);
    }
    for (std::size_t p = 0; p < q.covered.size() && p < card.key_points.size(); ++p) {
      wrapped_text(theme, FontRole::Body, q.covered[p] ? c.good : c.again,
                   std::string(q.covered[p] ? "✓ " : "✗ ") + card.key_points[p]);
    }
    const std::string target = "mock-model-" + std::to_string(i);
    if (row_button(theme, target.c_str(), state.model_shown[i] ? "Hide the model answer" : "Model answer", "", false)) {
      state.model_shown[i] = !state.model_shown[i];
    }
    if (state.model_shown[i]) {
      answer_and_code(ui, card, [&] {
        if (!q.covered.empty()) return;  // already listed, marked, above
        wrapped_text(theme, FontRole::Headline, c.text, "Key points");
        for (const std::string& point : card.key_points) wrapped_text(theme, FontRole::Body, c.text, "• " + point);
      });
    }
    end_surface(theme, c.surface);
    ImGui::PopID();
  }
  end_content();
  if (button(theme, "mock-done", "Done", "", ImVec2(ImGui::GetContentRegionAvail().x, button_h),
             {c.primary, c.on_primary})) {
    ui.nav.back();
  }
}

}  // namespace pyprep::ui
