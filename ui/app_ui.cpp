#include "app_ui.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "widgets/access_mirror.h"
#include "widgets/code_editor.h"
#include "widgets/controls.h"
#include "widgets/format.h"
#include "widgets/frame_records.h"
#include "widgets/imgui_adapter.h"
#include "widgets/markdown.h"
#include "widgets/test_hooks.h"

namespace pyprep::ui {

AppUi::AppUi(App& app, Platform& platform, std::vector<BankProblem> bank_problems)
    : app_(app), platform_(platform), bank_problems_(std::move(bank_problems)) {
  refresh_theme();
}

bool AppUi::observe(const SDL_Event& event) {
  if (event.type == SDL_MOUSEBUTTONDOWN) {  // dated when it happened: the event waited for this frame
    last_press_ms_ = platform_.now_ms() - static_cast<std::int64_t>(SDL_GetTicks() - event.button.timestamp);
  }
  if (event.type == SDL_KEYDOWN && !ImGui::GetIO().WantTextInput) press_key(event.key.keysym.sym);
  return scroll_.observe(event, 0.5f * theme_.em());  // ~8 CSS px: more is a scroll, not a tap
}

void AppUi::press_key(int key) {
  if (key == SDLK_SPACE || key == SDLK_u || key == SDLK_SLASH || (key >= SDLK_1 && key <= SDLK_4)) {
    shortcut_ = static_cast<char>(key);
  } else if (key == SDLK_ESCAPE || key == SDLK_AC_BACK) {
    back();
  }
}

double AppUi::text_scale() const { return text_scale_in_use(app_.settings(), platform_); }

// What the mirror asked since the last frame. An activation counts as a fresh press, as a tap's
// would.
void AppUi::take_access_input() {
  Platform::AccessInput input = platform_.take_access_input();
  if (!input.activate.empty()) last_press_ms_ = platform_.now_ms();
  if (input.focus) focus_ = *input.focus;
  if (input.key != 0) press_key(input.key);
  if (input.end_editing) clear_active_item();
  request_for_frame(std::move(input.activate), input.focus ? *input.focus : std::string());
}

// The keyboard's focus, drawn by the app: the canvas shows no DOM focus.
void AppUi::draw_focus_ring() const {
  if (focus_.empty()) return;
  for (const MirrorPiece& piece : mirror_pieces()) {
    if (!piece.control || piece.target != focus_ || is_empty(piece.shown)) continue;
    // Just outside the control, but inside the screen (a tab sits on its bottom edge).
    const float em = theme_.em(), out = 0.2f * em, line = 0.15f * em;
    const ImGuiViewport* screen = ImGui::GetMainViewport();
    const ImVec2 edge_min(screen->Pos.x + line, screen->Pos.y + line);
    const ImVec2 edge_max(screen->Pos.x + screen->Size.x - line, screen->Pos.y + screen->Size.y - line);
    ImGui::GetForegroundDrawList()->AddRect(
        ImVec2(std::max(piece.shown.min.x - out, edge_min.x), std::max(piece.shown.min.y - out, edge_min.y)),
        ImVec2(std::min(piece.shown.max.x + out, edge_max.x), std::min(piece.shown.max.y + out, edge_max.y)),
        theme_.colors().text, 0.7f * em, 0, line);
    return;
  }
}

// What changed without a screen announcing it: a save that failed, an outcome in Settings, a
// notice on Study.
void AppUi::announce_changes() {
  const auto changed = [](std::string& said, const std::string& now) {
    if (said == now) return false;
    said = now;
    return !now.empty();
  };
  if (changed(announced_error_, app_.save_error())) announce(announced_error_);
  if (changed(announced_setting_, settings_.message)) announce(announced_setting_);
  if (changed(announced_notice_, study_.notice)) announce(announced_notice_);
}

bool AppUi::takes_key_row_event(const SDL_Event& event) {
  if (event.type == SDL_MOUSEBUTTONDOWN && event.button.button == SDL_BUTTON_LEFT &&
      key_row_press(static_cast<float>(event.button.x), static_cast<float>(event.button.y))) {
    key_row_pressed_ = true;
    return true;
  }
  return event.type == SDL_MOUSEBUTTONUP && std::exchange(key_row_pressed_, false);
}

bool AppUi::prepare_fonts(float pixel_ratio) {
  return theme_.update_fonts(platform_.assets_dir() + "/fonts", pixel_ratio, static_cast<float>(text_scale()));
}

bool AppUi::refresh_theme() {
  const ThemeChoice choice = app_.settings().theme;
  const bool dark = choice == ThemeChoice::System ? platform_.prefers_dark() : choice == ThemeChoice::Dark;
  if (applied_dark_ == dark) return false;
  applied_dark_ = dark;
  theme_.set_dark(dark);
  return true;
}

void AppUi::go_back() {
  if (!stack_.empty()) {
    if (stack_.back() == Top::Card) {
      // A note typed just before leaving is saved, not dropped; if it cannot be, the card stays.
      if (Status saved = save_note(app_, card_, platform_.now_ms()); !saved) {
        card_.notice = saved.error().reason;
        return;
      }
    }
    stack_.pop_back();
  } else if (tab_ != Tab::Today) {
    if (tab_ == Tab::Settings) settings_.say(SettingsState::Section::None, {});
    tab_ = Tab::Today;
  }
}

void AppUi::select_tab(Tab tab) {
  if (tab == tab_) return;
  if (tab == Tab::Today) {
    back();  // the history entry of the other tab goes away with it
    return;
  }
  if (tab_ == Tab::Today) platform_.push_history();
  if (tab_ == Tab::Settings) settings_.say(SettingsState::Section::None, {});  // outcomes belong to the visit
  tab_ = tab;
}

void AppUi::open_study() {
  // Each visit starts from the question, even on the card that was open when the last one ended.
  study_.card_id.clear();
  study_.notice.clear();
  stack_.push_back(Top::Study);
  platform_.push_history();
}

void AppUi::open_practice(std::size_t card, std::int64_t deadline_ms) {
  practice_ = PracticeState{};
  practice_.card = card;
  practice_.deadline_ms = deadline_ms;
  new_code_views();
  stack_.push_back(Top::Practice);
  platform_.push_history();
}

void AppUi::open_mock() {
  mock_.start_over();
  stack_.push_back(Top::Mock);
  platform_.push_history();
}

// The open mock's question, else the report asked for, else the setup.
void AppUi::draw_mock(Ui& ui) {
  if (const MockInterview* open = app_.open_mock()) return mock_question_screen(ui, mock_, *open);
  if (const MockInterview* shown = app_.find_mock(mock_.report)) return mock_report_screen(ui, mock_, *shown);
  mock_setup_screen(ui, mock_);
}

void AppUi::open_card(std::size_t card) {
  card_ = CardScreenState{};
  card_.card = card;
  new_code_views();
  stack_.push_back(Top::Card);
  platform_.push_history();
}

const char* AppUi::screen_name() const {
  if (!stack_.empty()) {
    switch (stack_.back()) {
      case Top::Study: return "study";
      case Top::Practice: return "practice";
      case Top::Mock:
        if (app_.open_mock()) return "mock-question";
        return app_.find_mock(mock_.report) ? "mock-report" : "mock-setup";
      default: return "card";
    }
  }
  switch (tab_) {
    case Tab::Today: return "today";
    case Tab::Browse: return "browse";
    case Tab::Stats: return "stats";
    case Tab::Settings: return "settings";
  }
  return "";
}

void AppUi::draw_tab_bar(float height) {
  const Palette& c = theme_.colors();
  const float em = theme_.em();
  const ImVec2 window_pos = ImGui::GetWindowPos(), window_size = ImGui::GetWindowSize();
  const ImVec2 min(window_pos.x, ImGui::GetCursorScreenPos().y);
  const ImVec2 max(window_pos.x + window_size.x, window_pos.y + window_size.y);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImGui::PushClipRect(ImVec2(window_pos.x, min.y), max, false);  // full-bleed, over the window padding
  draw->AddRectFilled(min, max, c.surface);
  draw->AddLine(min, ImVec2(max.x, min.y), c.border, std::max(1.0f, 0.06f * em));
  struct Item { Tab tab; const char* target; const char* label; };
  const Item items[] = {{Tab::Today, "tab-today", "Today"}, {Tab::Browse, "tab-browse", "Browse"},
                        {Tab::Stats, "tab-stats", "Stats"}, {Tab::Settings, "tab-settings", "Settings"}};
  const float content_x = ImGui::GetCursorScreenPos().x;
  const float width = ImGui::GetContentRegionAvail().x / 4;
  std::vector<std::string_view> labels;
  for (const Item& item : items) labels.push_back(item.label);
  const float label_scale = label_scale_to_fit(theme_, FontRole::BodySemibold, labels, width);
  for (int i = 0; i < 4; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(content_x + width * i, min.y));
    const bool selected = tab_ == items[i].tab;
    const ImU32 color = selected ? c.primary : c.text_secondary;
    if (button(theme_, items[i].target, items[i].label, "", ImVec2(width, height),
               {c.surface, color, selected ? FontRole::BodySemibold : FontRole::Body, label_scale,
                {.role = AccessRole::Tab, .label = items[i].label, .checked = selected}})) {
      select_tab(items[i].tab);
    }
    if (selected) {
      const float bar_w = 1.6f * em;
      const float x = content_x + width * i + (width - bar_w) / 2;
      draw->AddRectFilled(ImVec2(x, min.y + 0.05f * em), ImVec2(x + bar_w, min.y + 0.25f * em), c.primary,
                          0.1f * em);
    }
  }
  ImGui::PopClipRect();
}

void AppUi::restore(Ui& ui, const Platform::PickedFile& picked) {
  using Section = SettingsState::Section;
  if (!picked.contents) return settings_.say(Section::Data, picked.contents.error().reason, true);
  Result<RestoreSummary> restored = app_.restore_backup(*picked.contents, ui.now_ms);
  if (!restored) return settings_.say(Section::Data, restored.error().reason, true);
  settings_.say(Section::Data, "Restored " + picked.name + ": " + count_of(restored->answers_added, "answer", "answers") +
                                   " and " + count_of(restored->added - restored->answers_added, "other item", "other items") +
                                   " added, " + count_of(restored->already_here, "item", "items") + " already here.");
}

void AppUi::draw() {
  drawn_screen_ = screen_name();  // a tap may open another screen mid-frame: publish what was drawn
  clear_frame_records();
  take_access_input();
  clear_key_rows();
  scroll_.update();
  const float em = theme_.em();
  const Rect safe = platform_.safe_area();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                      ImVec2(std::max(safe.x, safe.w) + 1.0f * em, safe.y + 0.75f * em));
  ImGui::Begin("##screen", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();

  Ui ui{app_, platform_, theme_, *this, platform_.now_ms(), bank_problems_, std::exchange(shortcut_, 0), last_press_ms_};
  if (ui.shortcut == '/' && stack_.empty()) select_tab(Tab::Browse);
  if (std::optional<Platform::PickedFile> picked = platform_.take_picked_file()) restore(ui, *picked);
  if (!stack_.empty()) {
    switch (stack_.back()) {
      case Top::Study: study_screen(ui, study_); break;
      case Top::Practice: practice_screen(ui, practice_); break;
      case Top::Mock: draw_mock(ui); break;
      default: card_screen(ui, card_); break;
    }
  } else {
    const float tab_height = 3.6f * em + safe.h;
    ImGui::BeginChild("##tab-content", ImVec2(0, -tab_height + ImGui::GetStyle().WindowPadding.y), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    switch (tab_) {
      case Tab::Today: today_screen(ui, today_); break;
      case Tab::Browse: browse_screen(ui, browse_); break;
      case Tab::Stats: stats_screen(ui); break;
      case Tab::Settings: settings_screen(ui, settings_); break;
    }
    ImGui::EndChild();
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, viewport->Pos.y + viewport->Size.y - tab_height));
    draw_tab_bar(3.6f * em);
  }
  // A fit in the background shows its progress on every screen: a thin bar along the top edge.
  if (const FitView fit = app_.fit(); fit.running) {
    const float top = viewport->Pos.y + safe.y;
    ImGui::GetForegroundDrawList()->AddRectFilled(
        ImVec2(viewport->Pos.x, top), ImVec2(viewport->Pos.x + viewport->Size.x * fit.progress, top + 0.2f * em),
        theme_.colors().primary);
  }
  draw_focus_ring();
  ImGui::End();
  announce_changes();

  platform_.set_text_fields(text_field_rects(), ImGui::GetIO().WantTextInput);
}

std::string AppUi::mirror_json() const { return access_mirror_json(drawn_screen_, announcement_id_, announcement_); }

nlohmann::json AppUi::practice_state() const {
  if (stack_.empty() || stack_.back() != Top::Practice) return nullptr;
  const CodeRunView& run = app_.code_run();
  nlohmann::json cases = nlohmann::json::array();
  std::string status;
  if (run.card == practice_.card && run.verdict) {
    status = run.verdict->status;
    for (const CaseVerdict& test : run.verdict->cases) {
      cases.push_back({{"name", test.name}, {"status", test.status}, {"expected", test.expected},
                       {"actual", test.actual}, {"message", test.message}, {"line", test.line}});
    }
  }
  const Platform::PythonRuntime runtime = platform_.python_runtime();
  const EditorView editor = edited_editor();
  return {{"card", app_.bank().cards[practice_.card].id},
          {"editor", {{"scroll_x", editor.scroll_x},
                      {"selection", {editor.selection_start, editor.selection_end}}}},
          {"code", app_.draft(practice_.card)},
          {"saved_draft", app_.progress(practice_.card).draft.value_or("")},
          {"running", run.running},
          {"status", status},
          {"message", run.card == practice_.card && run.verdict ? run.verdict->message : ""},
          {"cases", cases},
          {"runs", app_.progress(practice_.card).attempts.runs},
          {"duration_ms", run.card == practice_.card && run.verdict ? run.verdict->duration_ms : 0},
          {"verdict_after_ms", run.card == practice_.card && run.verdict ? run.answered_ms - run.started_ms : 0},
          {"growth", run.card == practice_.card && run.verdict && run.verdict->growth
                         ? nlohmann::json{{"yours", run.verdict->growth->yours},
                                          {"reference", run.verdict->growth->reference},
                                          {"at_n", run.verdict->growth->at_n},
                                          {"error", run.verdict->growth->error}}
                         : nlohmann::json()},
          {"python", static_cast<int>(runtime.state)},
          {"python_bytes", runtime.done_bytes}};
}

nlohmann::json AppUi::mock_state() const {
  nlohmann::json past = nlohmann::json::array();
  for (const MockInterview& mock : app_.mocks()) {
    if (mock.ended) past.push_back(static_cast<int>(app_.mock_report(mock).score * 100 + 0.5));
  }
  nlohmann::json state = {{"past_scores", past}};
  if (const MockInterview* open = app_.open_mock()) {
    const std::size_t question = *open->current();
    const std::int64_t left_ms = open->limits_s[question] * 1000 - (platform_.now_ms() - open->question_started_ms(question));
    state["open"] = {{"question", question}, {"of", open->cards.size()},
                     {"card", app_.bank().cards[open->cards[question]].id}, {"left_s", std::max<std::int64_t>(left_ms, 0) / 1000}};
  }
  if (const MockInterview* shown = app_.find_mock(mock_.report)) {
    const MockReport& report = app_.mock_report(*shown);
    nlohmann::json questions = nlohmann::json::array();
    for (const MockQuestionReport& q : report.questions) {
      questions.push_back({{"card", app_.bank().cards[q.card].id}, {"how", q.how}, {"covered", q.covered},
                           {"score", q.score}, {"seconds", q.seconds}});
    }
    state["report"] = {{"score", report.score}, {"questions", questions}, {"model_shown", mock_.model_shown}};
  }
  return state;
}

std::string AppUi::state_json() const {
  // How far the screen's content is scrolled down, and the furthest any code block in it is
  // scrolled sideways.
  const ScrollReach scroll = scroll_reach("##screen");
  nlohmann::json state = {
      {"screen", drawn_screen_},
      {"depth", stack_.size() + (tab_ == Tab::Today ? 0 : 1)},
      {"cards", app_.bank().cards.size()},
      {"saved", app_.saved_count()},
      {"answered_today", app_.today(platform_.now_ms()).answered},
      {"pending", app_.pending_writes().size()},
      {"error", app_.save_error()},
      {"card", study_.card_id},
      {"revealed", study_.revealed},
      {"ticked", std::count(study_.ticked.begin(), study_.ticked.end(), true)},
      {"points", study_.ticked},
      {"typed", study_.typed},
      {"open_card", stack_.empty() || stack_.back() != Top::Card ? "" : app_.bank().cards[card_.card].id},
      {"note", stack_.empty() || stack_.back() != Top::Card ? "" : app_.progress(card_.card).note},
      {"query", browse_.query},
      {"optimizer", app_.fit().running ? "running" : app_.fit().message},
      {"practice", practice_state()},
      {"mock", mock_state()},
      {"unreadable", app_.health().unreadable},
      {"problems", app_.health().problems.size()},
      {"data_message", settings_.message_in(SettingsState::Section::Data)},
      {"last_backup_ms", app_.last_backup_ms()},
      {"started", app_.started()},
      {"theme", theme_.dark() ? "dark" : "light"},
      {"text_scale", text_scale()},
      {"focus", focus_},
      {"text_input", ImGui::GetIO().WantTextInput},
      {"scroll", scroll.down},
      {"code_scroll_x", scroll.sideways},
      {"scrolling", scroll_.dragging() || scroll_.animating()},
      {"targets", frame_targets()},
  };
  if (platform_.wants_drawn_texts()) state["texts"] = frame_texts();
  return state.dump();
}

}  // namespace pyprep::ui
