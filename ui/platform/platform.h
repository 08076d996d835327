#pragma once
// The one interface between the UI and the outside world. One implementation per target:
// platform_native.cpp (SDL2 + OpenGL desktop) and platform_web.cpp (browser); CMake picks one.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/practice/code_run.h"
#include "core/log/storage.h"

namespace pyprep::ui {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;  // logical (CSS) pixels
};

class Platform {
 public:
  virtual ~Platform() = default;

  virtual Storage& storage() = 0;           // the review log's durable back end
  virtual std::string assets_dir() const = 0;  // holds bank/ and fonts/
  virtual std::int64_t now_ms() const = 0;     // UTC
  virtual int utc_offset_minutes() const = 0;  // local time = UTC + offset
  virtual bool prefers_dark() const = 0;
  // A random id for this tab or run: it names this writer of the log (core/log/event.h).
  virtual std::string writer_id() = 0;
  // Whether the browser promised not to evict the storage; nullopt when it cannot say.
  virtual std::optional<bool> storage_persisted() const = 0;

  // Backups. save_file hands `contents` to the user as a file (a download or the share sheet on
  // the web, a file in the data folder on the desktop) and says where it went. pick_file asks
  // the user for a file (a file chooser; on the desktop, a file dropped onto the window); once
  // one is chosen, take_picked_file() hands it over.
  virtual Result<std::string> save_file(std::string_view name, std::string_view contents) = 0;
  virtual void pick_file() = 0;
  struct PickedFile {
    std::string name;
    Result<std::string> contents;
  };
  virtual std::optional<PickedFile> take_picked_file() = 0;
  virtual std::string pick_file_hint() const = 0;  // what the user does after pick_file()

  virtual void copy_to_clipboard(std::string_view text) = 0;
  // Python for code tasks: the runner (a worker with the phone's Python on the web, Debian's
  // python3 on the desktop) and, on the web, the runtime's download for offline use.
  virtual CodeRunner& code_runner() = 0;
  struct PythonRuntime {
    enum class State { Unknown, Absent, Downloading, Ready, Failed, Installed };
    State state = State::Unknown;  // Installed: the desktop's own python3, nothing to download
    std::int64_t done_bytes = 0;
    std::int64_t total_bytes = 0;
    std::string message;  // why a download failed, or that it was cancelled
  };
  virtual PythonRuntime python_runtime() const = 0;
  virtual void download_python() = 0;
  virtual void cancel_python_download() = 0;

  // Phones open their keyboard only for a focused element: the UI reports where its text fields
  // are each frame and whether one is active, so the web shell can focus a hidden textarea
  // synchronously inside the touch that hits a field.
  virtual void set_text_fields(const std::vector<Rect>& fields, bool active) = 0;

  // One browser history entry per screen, so Back navigates inside the app: push_history() when
  // a screen opens; request_back() for in-app back arrows (the browser then reports it like its
  // own Back button); take_back_request() says a Back happened since the last call.
  virtual void push_history() = 0;
  virtual void request_back() = 0;
  virtual bool take_back_request() = 0;
  // Insets of the display cut-outs and system bars (CSS env(safe-area-inset-*)).
  virtual Rect safe_area() const = 0;  // x = left, y = top, w = right, h = bottom
  // How much of the bottom of the screen the on-screen keyboard covers (0 when closed or none).
  virtual float keyboard_inset() const = 0;

  // The accessibility mirror (web: a hidden DOM for screen readers, whose controls also take the
  // keyboard's Tab). publish_mirror() hands over what the frame showed (widgets/access_mirror.h)
  // whenever it changed; take_access_input() says what the mirror asked since the last call.
  struct AccessInput {
    std::string activate;              // act as if this control were tapped
    std::optional<std::string> focus;  // the control the keyboard is on ("" none), when it moved
    int key = 0;                       // a shortcut key pressed there (' ', '1'–'4', 'u', '/', 27 Escape)
    bool end_editing = false;          // Tab out of the text field being edited, keeping its text
  };
  virtual void publish_mirror(std::string_view mirror_json) = 0;
  virtual AccessInput take_access_input() = 0;
  // The text size the user asked the browser or system for, as a share of the normal size.
  virtual double preferred_text_scale() const = 0;
  // Installing the app to the home screen: where the browser offers it, the offer; on iOS, the
  // Share menu's way (a hint to show); none once installed or where it cannot be.
  enum class InstallOffer { None, Prompt, IosHint };
  virtual InstallOffer install_offer() const = 0;
  virtual void install() = 0;  // shows the browser's install prompt (InstallOffer::Prompt)
  // True the first time it is asked on this device, false ever after: Today suggests installing
  // once.
  virtual bool take_install_suggestion() = 0;

  // Benchmark hooks (scripts/bench-web.sh): a start-up phase ended now; a frame took `build_ms`
  // of the CPU from ImGui's new frame to its render, and `other_ms` more outside the buffer swap
  // (font rebuilds, handing the draw lists to GL, publishing state and the mirror).
  virtual void mark_startup(std::string_view phase) = 0;
  virtual void frame_cpu(double build_ms, double other_ms) = 0;

  // Test hook: called after every rendered frame with a JSON summary of the app's state.
  virtual void publish_state(std::uint64_t frames, std::string_view state_json) = 0;
  // Whether the summary should list every text drawn and where (a layout test asks for it; the
  // list is long, so it is left out otherwise).
  virtual bool wants_drawn_texts() const = 0;
  virtual void show_fatal(std::string_view message) = 0;

  // Runs the loop: calls frame() whenever something may have changed (input, a timer, a storage
  // completion); frame() returns true while it wants more frames, false when idle. Nothing is
  // rendered while idle.
  virtual void run(std::function<bool()> frame) = 0;
  // True once after something outside the app changed what it shows (a file was picked, the
  // browser answered about persistent storage): the loop then draws.
  virtual bool take_outside_change() = 0;
  virtual void wake_after(int milliseconds) = 0;
  virtual void quit() = 0;  // the window was closed (desktop); a browser tab just goes away
};

std::unique_ptr<Platform> make_platform();

}  // namespace pyprep::ui
