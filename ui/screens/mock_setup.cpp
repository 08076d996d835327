// Mock interview setup: how long, which role's mix (or the study focus); then Start. Below, the
// past mocks with their scores, each opening its report.
#include <imgui.h>

#include <string>
#include <vector>

#include "screens/screens.h"
#include "widgets/controls.h"
#include "widgets/format.h"
#include "widgets/text.h"

namespace pyprep::ui {

void mock_setup_screen(Ui& ui, MockState& state) {
  const Theme& theme = ui.theme;
  const Palette& c = theme.colors();
  const float em = theme.em();
  top_bar(ui, "Mock interview", "");
  const float button_h = 3.6f * em;
  begin_content("##mock-setup", button_h + ImGui::GetStyle().ItemSpacing.y + ui.platform.safe_area().h);
  screen_title(theme, "Mock interview",
               "Questions under a clock, as in an interview. The model answers wait for the report at the end.");
  wrapped_text(theme, FontRole::Headline, c.text, "Length");
  int length = static_cast<int>(state.plan.length);
  if (segmented(theme, "mock-length", {"5 questions", "10 questions", "30 min"}, length)) {
    state.plan.length = static_cast<MockLength>(length);
  }
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  wrapped_text(theme, FontRole::Headline, c.text, "Questions for");
  int mix = static_cast<int>(state.plan.mix);
  if (segmented(theme, "mock-mix", {"Junior", "Mid", "Senior", "My focus"}, mix)) {
    state.plan.mix = static_cast<MockMix>(mix);
  }
  wrapped_text(theme, FontRole::Caption, c.text_secondary,
               state.plan.mix == MockMix::Focus
                   ? "The levels and topics of your focus on Today, easier questions first."
                   : "A mix across topics, rising in difficulty from first question to last.");
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  wrapped_text(theme, FontRole::Body, c.text,
               "About " + std::to_string(kMockConceptSeconds / 60) + " minutes per question and " +
                   std::to_string(kMockCodeSeconds / 60) +
                   " per code task. Type or dictate your answer, or say it aloud and rate yourself. "
                   "Mock answers do not change your study schedule; the report shows what to study next.");
  if (!state.notice.empty()) wrapped_text(theme, FontRole::Body, c.again, state.notice);

  // Past mocks, newest first, with how the score moved.
  const std::vector<MockInterview>& mocks = ui.app.mocks();
  bool any = false;
  for (std::size_t i = mocks.size(); i-- > 0;) {
    const MockInterview& mock = mocks[i];
    if (!mock.ended) continue;
    if (!any) {
      ImGui::Dummy(ImVec2(0, 0.5f * em));
      wrapped_text(theme, FontRole::Headline, c.text, "Past mock interviews");
      any = true;
    }
    const double score = ui.app.mock_report(mock).score;
    const std::string target = "mock-past-" + std::to_string(i);
    if (row_button(theme, target.c_str(), local_date(mock.started_ms, ui.app.clock().utc_offset_min) + " · " + mock.plan,
                   percent(score))) {
      state.report = mock.id;
      state.model_shown.clear();
      ImGui::SetNextWindowScroll(ImVec2(0, 0));
    }
  }
  end_content();
  if (button(theme, "mock-start", "Start the interview", describe(state.plan),
             ImVec2(ImGui::GetContentRegionAvail().x, button_h), {c.primary, c.on_primary})) {
    Result<std::string> started = ui.app.start_mock(state.plan, ui.now_ms);
    state.notice = started ? "" : started.error().reason;
    state.question.clear();
  }
}

}  // namespace pyprep::ui
