#pragma once
// One function per screen. A screen draws from the core's App views and changes things only
// through App commands (which append events) or its own small UI state below.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/app/app.h"
#include "core/bank/bank_loader.h"
#include "core/bank/search.h"
#include "platform/platform.h"
#include "theme.h"
#include "widgets/code_editor.h"

namespace pyprep::ui {

enum class Tab { Today, Browse, Stats, Settings };

// Where the user is. The four tabs are roots; Study and Card sit on top of them. The browser's
// Back button and the in-app back arrows both go through Navigator::back().
class Navigator {
 public:
  virtual ~Navigator() = default;
  virtual void select_tab(Tab tab) = 0;
  virtual void open_study() = 0;
  virtual void open_card(std::size_t card) = 0;
  // Write your own solution to its task; with `deadline_ms`, as a mock question (a clock, and
  // no reference until the report).
  virtual void open_practice(std::size_t card, std::int64_t deadline_ms = 0) = 0;
  virtual void open_mock() = 0;  // the open mock interview, else the setup of a new one
  virtual void back() = 0;  // like the system Back button
  // The screen looks different from `at_ms` on without any input (e.g. a button starts taking
  // taps): draw a frame then.
  virtual void redraw_at(std::int64_t at_ms) = 0;
  // Says `text` to a screen reader user (the mirror's live region): what a tap changed.
  virtual void announce(std::string text) = 0;
};

// What the mastery figures count, in one line (the definition is core/study/stats.h's).
inline std::string mastery_meaning() {
  const std::string days = std::to_string(static_cast<int>(kMasteredStabilityDays));
  return "Mastered: cards you would still recall " + days + " days after your last review (FSRS "
         "stability of " + days + " days or more).";
}

// Everything a screen needs this frame.
struct Ui {
  App& app;
  Platform& platform;
  const Theme& theme;
  Navigator& nav;
  std::int64_t now_ms;
  const std::vector<BankProblem>& bank_problems;
  char shortcut = 0;  // a desktop keyboard shortcut pressed this frame: ' ', '1'–'4', 'u', '/'
  std::int64_t press_ms = 0;  // when the last press (finger or mouse button) went down
};

struct StudyState {
  std::string card_id;            // the card on screen
  std::int64_t shown_at_ms = 0;   // when it appeared: the review's duration
  bool revealed = false;
  std::int64_t revealed_at_ms = 0;
  bool answered = false;          // the card before this one was just answered: announce the next
  std::vector<bool> ticked;       // key points the user says they covered
  std::string notice;             // e.g. a command's error
  bool typing = false;            // the user chose to type the answer
  bool focus_typed = false;       // the field is new: the next frame gives it the keyboard
  std::string typed;              // what they typed (or dictated) before revealing
  AnswerScore typed_score;        // what it covered, scored on reveal
};

struct BrowseState {
  std::string query;
  int topic = -1;  // index into bank().topics; -1 = all
  bool bookmarked_only = false;
  // The hits of the last search and what it was for: searched again only when that changes.
  std::vector<SearchHit> hits;
  std::string searched_query;
  int searched_topic = -2;
  bool searched_bookmarked = false;
};

struct CardScreenState {
  std::size_t card = 0;
  std::string note_draft;
  bool note_loaded = false;
  std::int64_t note_edited_ms = 0;  // the last keystroke: the note is saved a moment after it
  bool confirm_reset = false;
  bool show_tests = false;
  std::string notice;  // a command's error
};

// Writes the note typed on the Card screen when it differs from the saved one.
Status save_note(App& app, const CardScreenState& state, std::int64_t now_ms);

struct PracticeState {
  std::size_t card = 0;
  std::string text;     // the editor's text: the app's draft of the card once loaded
  bool loaded = false;
  CodeEditorState editor;
  bool confirm_reset = false;
  bool show_reference = false;
  std::int64_t seen_runs = -1;  // the runs shown; a new one scrolls its verdict into view
  std::string notice;   // a command's error
  std::int64_t deadline_ms = 0;  // a mock question's end; 0 outside a mock
};

struct MockState {
  MockPlan plan;
  std::string report;  // the mock whose report is on screen; empty: the open mock or the setup
  std::string question;  // "<mock>/<question>" on screen, so a new one starts clean
  std::string typed;
  bool aloud = false;   // the user answers out loud and rates it
  bool confirm_end = false;
  std::vector<bool> model_shown;  // per question of the report
  std::string notice;   // a command's error
  void start_over() {  // the plan chosen last stays
    const MockPlan kept = plan;
    *this = {};
    plan = kept;
  }
};

struct SettingsState {
  bool confirm_reset_all = false;
  // The outcome of the last action, shown in its section only; a new action replaces it.
  enum class Section { None, Study, Schedule, Python, Data, Progress };
  Section message_at = Section::None;
  std::string message;
  bool message_failed = false;
  void say(Section at, std::string text, bool failed = false) {
    message_at = at;
    message = std::move(text);
    message_failed = failed;
  }
  std::string message_in(Section at) const { return message_at == at ? message : std::string(); }
};

struct TodayState {
  bool topics_open = false;
  bool install_suggested = false;  // shown on this visit, until installed or put off
  std::string backup_message;
  std::string notice;  // a command's error
};

void today_screen(Ui& ui, TodayState& state);
void study_screen(Ui& ui, StudyState& state);
void browse_screen(Ui& ui, BrowseState& state);
void card_screen(Ui& ui, CardScreenState& state);
void practice_screen(Ui& ui, PracticeState& state);
void mock_setup_screen(Ui& ui, MockState& state);
void mock_question_screen(Ui& ui, MockState& state, const MockInterview& mock);
void mock_report_screen(Ui& ui, MockState& state, const MockInterview& mock);
void stats_screen(Ui& ui);
void settings_screen(Ui& ui, SettingsState& state);

// Shared pieces of screens.
void screen_title(const Theme& theme, std::string_view title, std::string_view subtitle = {});
// A scrolling region for a screen's content, leaving `bottom_reserved` pixels below it.
void begin_content(const char* id, float bottom_reserved);
void end_content();
// A card's answer: the 30-second version, then `key_points` (drawn by the caller, so they are in
// reach without scrolling past the whole answer), then the answer in depth and, for code cards,
// the solution, complexity and alternatives.
void answer_and_code(Ui& ui, const Card& card, const std::function<void()>& key_points = {});
const char* level_label(Level level);
// Exports a backup and hands it to the platform; says how it went.
struct BackupOutcome {
  bool saved = false;
  std::string message;
};
BackupOutcome backup_now(Ui& ui);
// Suggests a backup when the browser may evict the data and the last one is over a week old.
bool backup_suggested(const Ui& ui);

// What went wrong at start (a font that did not load, bank files or cards that did not), in red.
void start_problems(const Ui& ui);
std::string card_status(const App& app, std::size_t card, std::int64_t now_ms);
// Why and how to install the app, for the offer the platform makes.
const char* install_pitch(Platform::InstallOffer offer);
// The text size in use: the one chosen in Settings, else the one the platform asks for.
double text_scale_in_use(const Settings& settings, const Platform& platform);
// A countdown's "m:ss" for `left_ms`, asking for a frame when the shown second changes.
std::string countdown(Ui& ui, std::int64_t left_ms);
// The close (×) row of a screen on top, with `title` beside it and `trailing` (may be empty) at
// the right; returns the row's height.
float top_bar(Ui& ui, std::string_view title, std::string_view trailing);
// Where the Python for code tasks stands: downloading (with Cancel), failed, absent (with a
// Download button when `offer_download`), ready.
void python_runtime_status(Ui& ui, bool offer_download);

}  // namespace pyprep::ui
