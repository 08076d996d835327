// Desktop implementation of the platform: the review log in a file under XDG_DATA_HOME, the loop
// sleeping in SDL_WaitEvent while idle.
#include <SDL.h>

#include <chrono>
#include <filesystem>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "platform/file_storage.h"
#include "platform/native_code_runner.h"
#include "platform/platform.h"

namespace pyprep::ui {
namespace {

Uint32 push_wake_event(Uint32, void*) {
  SDL_Event wake{};
  wake.type = SDL_USEREVENT;
  SDL_PushEvent(&wake);
  return 0;  // one-shot
}

class NativePlatform final : public Platform {
 public:
  NativePlatform()
      : storage_(std::getenv("PYPREP_LOG") ? std::filesystem::path(std::getenv("PYPREP_LOG"))
                                           : default_log_path(std::getenv("XDG_DATA_HOME"),
                                                              std::getenv("HOME"))) {}

  Storage& storage() override { return storage_; }
  std::string assets_dir() const override {
    const char* dir = std::getenv("PYPREP_ASSETS");
    return dir ? dir : PYPREP_ASSETS_DIR;
  }
  std::int64_t now_ms() const override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }
  int utc_offset_minutes() const override {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return static_cast<int>(local.tm_gmtoff / 60);
  }
  bool prefers_dark() const override {
    const char* theme = std::getenv("PYPREP_THEME");
    return theme && std::string_view(theme) == "dark";
  }

  std::string writer_id() override {
    std::random_device random;
    char id[17];
    std::snprintf(id, sizeof id, "%08x%08x", random(), random());
    return id;
  }
  std::optional<bool> storage_persisted() const override { return std::nullopt; }

  Result<std::string> save_file(std::string_view name, std::string_view contents) override {
    const std::filesystem::path path = storage_.path().parent_path() / "backups" / std::string(name);
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << contents;
    out.close();
    if (ec || !out) return Error{"could not write " + path.string()};
    return "Saved as " + path.string() + ".";
  }
  void pick_file() override { awaiting_drop_ = true; }
  std::optional<PickedFile> take_picked_file() override { return std::exchange(picked_, std::nullopt); }
  std::string pick_file_hint() const override {
    return awaiting_drop_ ? "Drop the backup file onto this window." : "";
  }

  void copy_to_clipboard(std::string_view text) override {
    SDL_SetClipboardText(std::string(text).c_str());
  }
  float keyboard_inset() const override { return 0; }
  CodeRunner& code_runner() override { return runner_; }
  PythonRuntime python_runtime() const override { return {PythonRuntime::State::Installed, 0, 0, {}}; }
  void download_python() override {}
  void cancel_python_download() override {}

  void set_text_fields(const std::vector<Rect>&, bool active) override {
    if (active && !SDL_IsTextInputActive()) SDL_StartTextInput();
    if (!active && SDL_IsTextInputActive()) SDL_StopTextInput();
  }
  void push_history() override {}
  void request_back() override { back_requested_ = true; }
  bool take_back_request() override { return std::exchange(back_requested_, false); }
  Rect safe_area() const override { return {}; }

  void publish_state(std::uint64_t, std::string_view) override {}
  void publish_mirror(std::string_view) override {}
  void mark_startup(std::string_view) override {}  // benchmarked on the web only
  void frame_cpu(double, double) override {}  // a desktop window has no DOM to mirror into
  AccessInput take_access_input() override { return {}; }
  double preferred_text_scale() const override { return 1.0; }
  InstallOffer install_offer() const override { return InstallOffer::None; }
  void install() override {}
  bool take_install_suggestion() override { return false; }
  bool wants_drawn_texts() const override { return false; }
  void show_fatal(std::string_view message) override {
    std::cerr << "PyPrep: " << message << "\n";
    SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_ERROR, "PyPrep", std::string(message).c_str(), nullptr);
  }

  void run(std::function<bool()> frame) override {
    SDL_AddEventWatch(on_sdl_event, this);
    while (!quit_) {
      if (!frame()) SDL_WaitEvent(nullptr);  // sleep until input or a timer
    }
  }
  void quit() override { quit_ = true; }
  bool take_outside_change() override { return std::exchange(outside_change_, false); }
  void wake_after(int milliseconds) override {
    SDL_AddTimer(static_cast<Uint32>(milliseconds), push_wake_event, nullptr);
  }

 private:
  static int on_sdl_event(void* self, SDL_Event* event) {
    auto* platform = static_cast<NativePlatform*>(self);
    if (event->type != SDL_DROPFILE || !platform->awaiting_drop_) return 0;
    platform->awaiting_drop_ = false;
    platform->outside_change_ = true;
    const std::filesystem::path path(event->drop.file);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    platform->picked_ = PickedFile{path.filename().string(),
                                   in ? Result<std::string>(text.str())
                                      : Result<std::string>(Error{"could not read " + path.string()})};
    return 0;
  }

  FileStorage storage_;
  NativeCodeRunner runner_{std::getenv("PYPREP_GRADER") ? std::getenv("PYPREP_GRADER") : PYPREP_GRADER,
                           [] { push_wake_event(0, nullptr); }};
  bool awaiting_drop_ = false;
  bool outside_change_ = false;
  std::optional<PickedFile> picked_;
  bool quit_ = false;
  bool back_requested_ = false;
};

}  // namespace

std::unique_ptr<Platform> make_platform() { return std::make_unique<NativePlatform>(); }

}  // namespace pyprep::ui
