// Browser implementation of the platform: calls the JavaScript bridge (web-shell/bridge.js) for
// IndexedDB, clipboard, history, the keyboard proxy and the test hook; the loop runs on requestAnimationFrame and
// is paused while idle, resumed by input (an SDL event watch), timers and storage completions.
#include <SDL.h>
#include <imgui.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

#include <nlohmann/json.hpp>

#include "platform/platform.h"
#include "platform/record_block.h"

// clang-format off
// Every stored record as one block (platform/record_block.h) in a buffer the caller frees; its
// size goes to `size`.
EM_JS(char*, pyprep_js_take_records, (std::size_t* size), {
  const block = pyprepBridge.recordsBlock(pyprepBridge.records);
  pyprepBridge.records = [];
  HEAPU32[size >> 2] = block.size;
  return block.pointer;
});
EM_JS(void, pyprep_js_append, (const char* key, const char* record), {
  pyprepBridge.append(UTF8ToString(key), UTF8ToString(record));
});
EM_JS(void, pyprep_js_clear, (), { pyprepBridge.clearLog(); });
EM_JS(char*, pyprep_js_writer_id, (), {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const buffer = _malloc(17);
  stringToUTF8(id, buffer, 17);
  return buffer;
});
EM_JS(int, pyprep_js_persisted, (), {
  return pyprepBridge.persisted === true ? 1 : pyprepBridge.persisted === false ? 0 : -1;
});
EM_JS(char*, pyprep_js_save_file, (const char* name, const char* contents), {
  const said = pyprepBridge.saveFile(UTF8ToString(name), UTF8ToString(contents));
  const size = lengthBytesUTF8(said) + 1;
  const buffer = _malloc(size);
  stringToUTF8(said, buffer, size);
  return buffer;
});
EM_JS(void, pyprep_js_pick_file, (), { pyprepBridge.pickFile(); });
EM_JS(int, pyprep_js_utc_offset_minutes, (), { return -new Date().getTimezoneOffset(); });
EM_JS(int, pyprep_js_prefers_dark, (), { return pyprepBridge.prefersDark() ? 1 : 0; });
EM_JS(void, pyprep_js_copy, (const char* text), { pyprepBridge.copy(UTF8ToString(text)); });
EM_JS(void, pyprep_js_text_fields, (const float* rects, int count, int active), {
  const fields = [];
  for (let i = 0; i < count; i++) {
    const at = (rects >> 2) + i * 4;
    fields.push({ x: HEAPF32[at], y: HEAPF32[at + 1], w: HEAPF32[at + 2], h: HEAPF32[at + 3] });
  }
  pyprepBridge.setTextFields(fields, !!active);
});
EM_JS(void, pyprep_js_push_history, (), { pyprepBridge.pushHistory(); });
EM_JS(void, pyprep_js_request_back, (), { history.back(); });
EM_JS(void, pyprep_js_safe_area, (float* insets), {
  const area = pyprepBridge.safeArea();
  HEAPF32[(insets >> 2) + 0] = area.left;
  HEAPF32[(insets >> 2) + 1] = area.top;
  HEAPF32[(insets >> 2) + 2] = area.right;
  HEAPF32[(insets >> 2) + 3] = area.bottom;
});
EM_JS(void, pyprep_js_publish, (double frames, const char* state), {
  pyprepBridge.publish(frames, UTF8ToString(state));
});
EM_JS(void, pyprep_js_mirror, (const char* mirror), { pyprepAccess.update(UTF8ToString(mirror)); });
EM_JS(double, pyprep_js_preferred_text_scale, (), { return pyprepAccess.preferredTextScale(); });
EM_JS(int, pyprep_js_install_offer, (), { return pyprepAccess.installOffer(); });
EM_JS(void, pyprep_js_install, (), { pyprepAccess.install(); });
EM_JS(int, pyprep_js_take_install_suggestion, (), { return pyprepAccess.takeInstallSuggestion() ? 1 : 0; });
EM_JS(void, pyprep_js_mark_startup, (const char* phase), { pyprepBridge.markStartup(UTF8ToString(phase)); });
EM_JS(void, pyprep_js_frame_cpu, (double build_ms, double other_ms), { pyprepBridge.frameCpu(build_ms, other_ms); });
EM_JS(float, pyprep_js_keyboard_inset, (), { return pyprepBridge.keyboardInset(); });
EM_JS(bool, pyprep_js_wants_drawn_texts, (), { return !!pyprepBridge.test.wantsTexts; });
EM_JS(void, pyprep_js_python_run, (const char* job), { pyprepBridge.python.run(UTF8ToString(job)); });
EM_JS(void, pyprep_js_python_warm_up, (), { pyprepBridge.python.warmUp(); });
EM_JS(char*, pyprep_js_python_status, (), {
  const text = pyprepBridge.pythonStatus();
  const size = lengthBytesUTF8(text) + 1;
  const buffer = _malloc(size);
  stringToUTF8(text, buffer, size);
  return buffer;
});
EM_JS(void, pyprep_js_python_download, (), { pyprepBridge.python.download(); });
EM_JS(void, pyprep_js_python_cancel, (), { pyprepBridge.python.cancel(); });
// How long the input event being dispatched waited for the page: a busy frame holds taps back.
EM_JS(double, pyprep_js_input_wait_ms, (), {
  const event = window.event;
  return event && event.timeStamp > 0 ? Math.max(0, performance.now() - event.timeStamp) : 0;
});
EM_JS(void, pyprep_js_fatal, (const char* message), { pyprepBridge.fatal(UTF8ToString(message)); });
// clang-format on

namespace pyprep::ui {
namespace {

std::string take_js_string(char* buffer) {
  std::string text(buffer);
  std::free(buffer);
  return text;
}

class WebStorage final : public Storage {
 public:
  Result<std::vector<std::string>> load() override {
    std::size_t size = 0;
    char* block = pyprep_js_take_records(&size);
    Result<std::vector<std::string>> records = records_from_block(std::string_view(block, size));
    std::free(block);
    return records;
  }
  void append(std::string key, std::string record) override {
    pyprep_js_append(key.c_str(), record.c_str());
  }
  void clear() override { pyprep_js_clear(); }
  std::vector<AppendOutcome> poll() override { return std::exchange(finished_, {}); }
  std::optional<std::vector<std::string>> take_reloaded() override {
    return std::exchange(reloaded_, std::nullopt);
  }

  void finished(AppendOutcome outcome) { finished_.push_back(std::move(outcome)); }
  void reloaded(std::vector<std::string> records) { reloaded_ = std::move(records); }

 private:
  std::vector<AppendOutcome> finished_;
  std::optional<std::vector<std::string>> reloaded_;
};

// The phone's Python (Pyodide in a worker, bridge.js): no processes or threads.
class WebCodeRunner final : public CodeRunner {
 public:
  std::optional<std::string> cannot_run(const CodeTask& task) const override {
    if (task.not_on_phone.empty()) return std::nullopt;
    return task.not_on_phone;
  }
  void warm_up() override { pyprep_js_python_warm_up(); }
  void run(std::string job) override { pyprep_js_python_run(job.c_str()); }
  std::optional<std::string> take_verdict() override { return std::exchange(verdict_, std::nullopt); }
  void finished(std::string verdict) { verdict_ = std::move(verdict); }

 private:
  std::optional<std::string> verdict_;
};

class WebPlatform;
WebPlatform* the_platform = nullptr;  // the JavaScript callbacks below have no context pointer

class WebPlatform final : public Platform {
 public:
  WebPlatform() { the_platform = this; }

  Storage& storage() override { return storage_; }
  std::string assets_dir() const override { return "/assets"; }
  std::int64_t now_ms() const override {
    return static_cast<std::int64_t>(std::llround(emscripten_date_now()));
  }
  int utc_offset_minutes() const override { return pyprep_js_utc_offset_minutes(); }
  bool prefers_dark() const override { return pyprep_js_prefers_dark() != 0; }
  std::string writer_id() override { return take_js_string(pyprep_js_writer_id()); }
  std::optional<bool> storage_persisted() const override {
    const int persisted = pyprep_js_persisted();
    if (persisted < 0) return std::nullopt;
    return persisted == 1;
  }
  Result<std::string> save_file(std::string_view name, std::string_view contents) override {
    return take_js_string(pyprep_js_save_file(std::string(name).c_str(), std::string(contents).c_str()));
  }
  void pick_file() override { pyprep_js_pick_file(); }
  std::optional<PickedFile> take_picked_file() override { return std::exchange(picked_, std::nullopt); }
  std::string pick_file_hint() const override { return {}; }
  void picked(PickedFile file) {
    picked_ = std::move(file);
    outside_change_ = true;
  }
  bool take_outside_change() override { return std::exchange(outside_change_, false); }
  void outside_change() { outside_change_ = true; }

  void copy_to_clipboard(std::string_view text) override { pyprep_js_copy(std::string(text).c_str()); }
  float keyboard_inset() const override { return pyprep_js_keyboard_inset(); }
  CodeRunner& code_runner() override { return runner_; }
  WebCodeRunner& web_runner() { return runner_; }
  PythonRuntime python_runtime() const override {
    const nlohmann::json status = nlohmann::json::parse(take_js_string(pyprep_js_python_status()), nullptr, false);
    PythonRuntime runtime;
    if (!status.is_object()) return runtime;
    const std::string state = status.value("state", "");
    using State = PythonRuntime::State;
    runtime.state = state == "absent"        ? State::Absent
                    : state == "downloading" ? State::Downloading
                    : state == "ready"       ? State::Ready
                    : state == "failed"      ? State::Failed
                                             : State::Unknown;
    runtime.done_bytes = status.value("done", std::int64_t{0});
    runtime.total_bytes = status.value("total", std::int64_t{0});
    runtime.message = status.value("message", "");
    return runtime;
  }
  void download_python() override { pyprep_js_python_download(); }
  void cancel_python_download() override { pyprep_js_python_cancel(); }
  void set_text_fields(const std::vector<Rect>& fields, bool active) override {
    pyprep_js_text_fields(reinterpret_cast<const float*>(fields.data()),
                          static_cast<int>(fields.size()), active ? 1 : 0);
  }
  void push_history() override { pyprep_js_push_history(); }
  void request_back() override { pyprep_js_request_back(); }
  Rect safe_area() const override {
    Rect insets;
    pyprep_js_safe_area(&insets.x);
    return insets;
  }
  bool take_back_request() override { return std::exchange(back_requested_, false); }

  void publish_state(std::uint64_t frames, std::string_view state_json) override {
    pyprep_js_publish(static_cast<double>(frames), std::string(state_json).c_str());
  }
  bool wants_drawn_texts() const override { return pyprep_js_wants_drawn_texts(); }
  void mark_startup(std::string_view phase) override { pyprep_js_mark_startup(std::string(phase).c_str()); }
  void frame_cpu(double build_ms, double other_ms) override { pyprep_js_frame_cpu(build_ms, other_ms); }
  void publish_mirror(std::string_view mirror_json) override { pyprep_js_mirror(std::string(mirror_json).c_str()); }
  AccessInput take_access_input() override { return std::exchange(access_input_, {}); }
  AccessInput& access_input() { return access_input_; }
  double preferred_text_scale() const override { return pyprep_js_preferred_text_scale(); }
  InstallOffer install_offer() const override { return static_cast<InstallOffer>(pyprep_js_install_offer()); }
  void install() override { pyprep_js_install(); }
  bool take_install_suggestion() override { return pyprep_js_take_install_suggestion() != 0; }
  void show_fatal(std::string_view message) override {
    pyprep_js_fatal(std::string(message).c_str());
  }

  void run(std::function<bool()> frame) override {
    frame_ = std::move(frame);
    SDL_AddEventWatch(on_sdl_event, this);
    emscripten_set_main_loop_arg(on_animation_frame, this, 0, true);
  }
  void wake_after(int milliseconds) override {
    emscripten_async_call([](void*) { wake(); }, nullptr, milliseconds);
  }
  void quit() override {}

  static void wake() {
    if (the_platform && the_platform->paused_) {
      the_platform->paused_ = false;
      emscripten_resume_main_loop();
    }
  }
  void finished_append(AppendOutcome outcome) { storage_.finished(std::move(outcome)); }
  WebStorage& web_storage() { return storage_; }
  void back() { back_requested_ = true; }

 private:
  // SDL dates an event when the page hands it over; it is dated instead when the finger moved,
  // so a double tap held back by a slow frame is still a double tap and a quick drag still a
  // drag. SDL queues the very event it shows its watchers.
  static int on_sdl_event(void*, SDL_Event* event) {
    // The page's beforeunload (a reload, closing the tab) arrives as SDL_APP_TERMINATING: a frame
    // then would only hold the navigation up (waiting on the GPU, ~100 ms in the bench), unseen.
    if (event->type == SDL_APP_TERMINATING) return 0;
    const auto waited = static_cast<Uint32>(pyprep_js_input_wait_ms());
    event->common.timestamp -= std::min(waited, event->common.timestamp);
    wake();
    return 0;
  }
  static void on_animation_frame(void* self) {
    auto* platform = static_cast<WebPlatform*>(self);
    if (!platform->frame_()) {
      platform->paused_ = true;
      emscripten_pause_main_loop();
    }
  }

  WebStorage storage_;
  WebCodeRunner runner_;
  std::optional<PickedFile> picked_;
  bool outside_change_ = false;
  std::function<bool()> frame_;
  bool paused_ = false;
  bool back_requested_ = false;
  AccessInput access_input_;
};

}  // namespace

std::unique_ptr<Platform> make_platform() { return std::make_unique<WebPlatform>(); }

}  // namespace pyprep::ui

// Called from JavaScript.
extern "C" {
EMSCRIPTEN_KEEPALIVE void pyprep_append_done(const char* key, int durable, const char* reason) {
  using namespace pyprep;
  ui::the_platform->finished_append(AppendOutcome{key, durable != 0, reason ? reason : ""});
  ui::WebPlatform::wake();
}
// Another tab changed the log: every stored record, as one block (platform/record_block.h).
EMSCRIPTEN_KEEPALIVE void pyprep_storage_reloaded(const char* block, std::size_t size) {
  using namespace pyprep;
  Result<std::vector<std::string>> records = records_from_block(std::string_view(block, size));
  if (records) ui::the_platform->web_storage().reloaded(std::move(*records));
  ui::WebPlatform::wake();
}
// The file the user picked for a restore, or why it could not be read (`error` non-empty).
EMSCRIPTEN_KEEPALIVE void pyprep_file_picked(const char* name, const char* contents, const char* error) {
  using namespace pyprep;
  ui::the_platform->picked(
      {name, *error ? Result<std::string>(Error{error}) : Result<std::string>(std::string(contents))});
  ui::WebPlatform::wake();
}
// A code run ended: the verdict's JSON (core/practice/code_run.h).
EMSCRIPTEN_KEEPALIVE void pyprep_code_verdict(const char* verdict_json) {
  pyprep::ui::the_platform->web_runner().finished(verdict_json);
  pyprep::ui::WebPlatform::wake();
}
EMSCRIPTEN_KEEPALIVE void pyprep_wake() {
  pyprep::ui::the_platform->outside_change();
  pyprep::ui::WebPlatform::wake();
}
// Text typed into the keyboard proxy, and the editing keys it reports by name.
EMSCRIPTEN_KEEPALIVE void pyprep_text_input(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  pyprep::ui::WebPlatform::wake();
}
EMSCRIPTEN_KEEPALIVE void pyprep_key(const char* name) {
  const std::string_view key(name);
  const bool shift = key == "ShiftTab";
  const ImGuiKey imgui_key = key == "Backspace"    ? ImGuiKey_Backspace
                             : key == "UpArrow"    ? ImGuiKey_UpArrow
                             : key == "DownArrow"  ? ImGuiKey_DownArrow
                             : key == "Delete"     ? ImGuiKey_Delete
                             : key == "Enter"      ? ImGuiKey_Enter
                             : key == "Escape"     ? ImGuiKey_Escape
                             : key == "LeftArrow"  ? ImGuiKey_LeftArrow
                             : key == "RightArrow" ? ImGuiKey_RightArrow
                             : key == "Home"       ? ImGuiKey_Home
                             : key == "End"        ? ImGuiKey_End
                                                   : ImGuiKey_Tab;
  if (shift) ImGui::GetIO().AddKeyEvent(ImGuiMod_Shift, true);
  ImGui::GetIO().AddKeyEvent(imgui_key, true);
  ImGui::GetIO().AddKeyEvent(imgui_key, false);
  if (shift) ImGui::GetIO().AddKeyEvent(ImGuiMod_Shift, false);
  pyprep::ui::WebPlatform::wake();
}
// The accessibility mirror: a control activated (Enter, Space, a screen reader's double tap),
// the keyboard's focus moved (to "" when it left the controls), Tab out of a text field, a
// shortcut key pressed there.
EMSCRIPTEN_KEEPALIVE void pyprep_activate(const char* target) {
  pyprep::ui::the_platform->access_input().activate = target;
  pyprep::ui::the_platform->outside_change();
  pyprep::ui::WebPlatform::wake();
}
EMSCRIPTEN_KEEPALIVE void pyprep_focus(const char* target) {
  pyprep::ui::the_platform->access_input().focus = target;
  pyprep::ui::the_platform->outside_change();
  pyprep::ui::WebPlatform::wake();
}
EMSCRIPTEN_KEEPALIVE void pyprep_end_editing() {
  pyprep::ui::the_platform->access_input().end_editing = true;
  pyprep::ui::the_platform->outside_change();
  pyprep::ui::WebPlatform::wake();
}
EMSCRIPTEN_KEEPALIVE void pyprep_shortcut(int key) {
  pyprep::ui::the_platform->access_input().key = key;
  pyprep::ui::the_platform->outside_change();
  pyprep::ui::WebPlatform::wake();
}
EMSCRIPTEN_KEEPALIVE void pyprep_on_back() {
  pyprep::ui::the_platform->back();
  pyprep::ui::WebPlatform::wake();
}
}
