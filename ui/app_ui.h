#pragma once
// The root of the UI: navigation (four tabs, Study and Card on top, one history entry per screen),
// the theme, touch scrolling and keyboard shortcuts; draws the current screen each frame from the
// core's App and publishes a state summary for the test hook.
#include <SDL.h>

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/app/app.h"
#include "core/bank/bank_loader.h"
#include "platform/platform.h"
#include "screens/screens.h"
#include "theme.h"
#include "widgets/touch_scroll.h"

namespace pyprep::ui {

class AppUi final : public Navigator {
 public:
  AppUi(App& app, Platform& platform, std::vector<BankProblem> bank_problems);

  // Sees every SDL event before ImGui; returns true when it consumed it (a scroll gesture).
  bool observe(const SDL_Event& event);
  // A press on a key of the code editor's key row: it types into the editor, and neither ImGui
  // nor scrolling sees it (the editor stays active). True when it took the event.
  bool takes_key_row_event(const SDL_Event& event);
  bool prepare_fonts(float pixel_ratio);  // true when the font atlas was rebuilt
  bool refresh_theme();                   // true when light/dark changed
  void go_back();                         // the platform's Back
  void draw();
  // Frames are needed without input while content glides or the optimizer runs.
  // A code run needs no frames while it runs: its verdict wakes the loop.
  bool animating() const { return scroll_.animating() || app_.fit().running; }
  std::string state_json() const;  // the test hook's summary
  std::string mirror_json() const;  // what the accessibility mirror shows of the last frame
  double text_scale() const;  // text_scale_in_use
  // The earliest time a screen asked to be drawn again (redraw_at), if still ahead of `now_ms`.
  std::optional<std::int64_t> next_redraw_ms(std::int64_t now_ms) const {
    return redraw_at_ms_ > now_ms ? std::optional(redraw_at_ms_) : std::nullopt;
  }

  // Navigator
  void select_tab(Tab tab) override;
  void open_study() override;
  void open_card(std::size_t card) override;
  void open_practice(std::size_t card, std::int64_t deadline_ms = 0) override;
  void open_mock() override;
  void back() override { platform_.request_back(); }
  void announce(std::string text) override {
    announcement_ = std::move(text);
    ++announcement_id_;
  }
  void redraw_at(std::int64_t at_ms) override {  // the earliest request still ahead counts
    if (redraw_at_ms_ <= platform_.now_ms() || at_ms < redraw_at_ms_) redraw_at_ms_ = at_ms;
  }

 private:
  enum class Top { None, Study, Card, Practice, Mock };
  const char* screen_name() const;
  nlohmann::json practice_state() const;
  nlohmann::json mock_state() const;
  void draw_mock(Ui& ui);
  void draw_tab_bar(float height);
  void restore(Ui& ui, const Platform::PickedFile& picked);
  void press_key(int key);  // a keyboard shortcut, from SDL or from the mirror
  void take_access_input();
  void draw_focus_ring() const;
  void announce_changes();

  App& app_;
  Platform& platform_;
  Theme theme_;
  std::optional<bool> applied_dark_;  // the look the style was last set to
  TouchScroll scroll_;
  const std::vector<BankProblem> bank_problems_;

  Tab tab_ = Tab::Today;
  std::vector<Top> stack_;  // screens opened on top of the tab, innermost last
  char shortcut_ = 0;
  std::int64_t last_press_ms_ = 0;  // platform time of the last press, for taps that must be fresh
  bool key_row_pressed_ = false;
  std::int64_t redraw_at_ms_ = 0;
  const char* drawn_screen_ = "";  // the screen this frame drew, for the test hook
  std::string focus_;              // the control the keyboard is on (the mirror's focus)
  std::string announcement_;       // said once by the mirror's live region, per new id
  std::uint64_t announcement_id_ = 0;
  std::string announced_error_, announced_setting_, announced_notice_;

  TodayState today_;
  StudyState study_;
  BrowseState browse_;
  CardScreenState card_;
  PracticeState practice_;
  MockState mock_;
  SettingsState settings_;
};

}  // namespace pyprep::ui
