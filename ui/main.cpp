// Starts SDL, OpenGL (ES 3 / WebGL2 on the web) and Dear ImGui, loads the bank and the review log
// into the core's App, and hands the frame function to the platform's loop. A frame is rendered
// only when something changed: input, a storage completion, a timer or a running animation.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <memory>

#include "core/app/app.h"
#include "platform/bank_dir.h"
#include "platform/platform.h"
#include "app_ui.h"
#include "widgets/imgui_adapter.h"

#if defined(__EMSCRIPTEN__)
#include <SDL_opengles2.h>
constexpr const char* kGlslVersion = "#version 300 es";
constexpr const char* kNoGraphics =
    "This browser cannot draw with WebGL 2. Update it, or turn on hardware acceleration.";
#else
#include <SDL_opengl.h>
constexpr const char* kGlslVersion = "#version 130";
constexpr const char* kNoGraphics = "OpenGL 3 could not start.";
#endif

namespace pyprep::ui {
namespace {

// Everything the loop needs, kept on the heap: on the web main() never returns normally.
struct Program {
  std::unique_ptr<Platform> platform;
  SDL_Window* window = nullptr;
  std::unique_ptr<App> app;
  std::unique_ptr<AppUi> app_ui;
  int settle_frames = 0;  // ImGui needs a few frames after input to settle hover/active states
  std::uint64_t frames = 0;
  std::string last_state;
  std::string last_mirror;

  std::int64_t wake_at_ms = 0;  // a wake-up is set for then (0: none)

  bool frame();
  bool background_work(std::int64_t now_ms);
  bool wake_due(std::int64_t now_ms);
  void wake_by(std::int64_t at_ms, std::int64_t now_ms);
};

// Long work the App owns (the optimizer) runs a slice per frame within a time budget, wherever
// the user is; true while work remains.
bool Program::background_work(std::int64_t now_ms) {
  constexpr double kBudgetSeconds = 0.008;  // of a 16 ms frame
  const Uint64 start = SDL_GetPerformanceCounter();
  const double ticks_per_second = static_cast<double>(SDL_GetPerformanceFrequency());
  return app->tick(now_ms, [&] {
    return static_cast<double>(SDL_GetPerformanceCounter() - start) / ticks_per_second > kBudgetSeconds;
  });
}

// The views change without input when a learning card falls due, the day rolls over or a failed
// write is retried: the loop sleeps until then (at most an hour, in case the clock changes).
bool Program::wake_due(std::int64_t now_ms) {
  constexpr std::int64_t kMaxSleepMs = 3'600'000;
  const bool due = wake_at_ms != 0 && now_ms >= wake_at_ms;
  if (due) wake_at_ms = 0;
  wake_by(std::min(app->next_change_ms(now_ms), now_ms + kMaxSleepMs), now_ms);
  return due;
}

// Sets a wake-up for `at_ms` unless one is set for no later.
void Program::wake_by(std::int64_t at_ms, std::int64_t now_ms) {
  if (wake_at_ms == 0 || at_ms < wake_at_ms) {
    wake_at_ms = std::max(at_ms, now_ms + 1);
    // A little late rather than early: a timer that fired before wake_at_ms by the clocks'
    // rounding would find nothing due and leave the loop asleep.
    platform->wake_after(static_cast<int>(wake_at_ms - now_ms) + 2);
  }
}

bool Program::frame() {
  bool input = false;
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    if (event.type == SDL_QUIT) platform->quit();
    input = true;
    if (app_ui->takes_key_row_event(event) || app_ui->observe(event)) continue;
    ImGui_ImplSDL2_ProcessEvent(&event);
  }
  // Input can also arrive straight into ImGui's queue (the web keyboard proxy).
  if (has_queued_input()) input = true;
  const std::int64_t now_ms = platform->now_ms();
  app->set_utc_offset(platform->utc_offset_minutes());
  const bool storage_changed = app->poll_storage(now_ms);
  const bool working = background_work(now_ms);
  const bool timer = wake_due(now_ms);
  const bool navigated = platform->take_back_request();
  if (navigated) app_ui->go_back();
  const bool theme_changed = app_ui->refresh_theme();
  const bool outside = platform->take_outside_change();
  if (input || storage_changed || working || timer || navigated || theme_changed || outside) settle_frames = 3;
  if (settle_frames == 0 && !app_ui->animating()) return false;
  if (settle_frames > 0) --settle_frames;

  int window_w = 0, window_h = 0, drawable_w = 0, drawable_h = 0;
  SDL_GetWindowSize(window, &window_w, &window_h);
  SDL_GL_GetDrawableSize(window, &drawable_w, &drawable_h);
  const float pixel_ratio = window_w > 0 ? static_cast<float>(drawable_w) / window_w : 1.0f;
  const Uint64 frame_start = SDL_GetPerformanceCounter();
  if (frames == 0) platform->mark_startup("UI and loop start");
  if (app_ui->prepare_fonts(pixel_ratio)) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  if (frames == 0) platform->mark_startup("font atlas");

  const Uint64 build_start = SDL_GetPerformanceCounter();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  app_ui->draw();
  ImGui::Render();
  const Uint64 build_end = SDL_GetPerformanceCounter();
  glViewport(0, 0, drawable_w, drawable_h);
  const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  const Uint64 swap_start = SDL_GetPerformanceCounter();
  SDL_GL_SwapWindow(window);
  const Uint64 swap_end = SDL_GetPerformanceCounter();

  ++frames;
  // Keep drawing while ImGui still has input to hand out (it spreads a press and its release over
  // frames), has a focus change to apply (a field given the keyboard), or while the last frame
  // changed what is on screen, so every reaction gets drawn.
  std::string state = app_ui->state_json();
  if (has_queued_input() || has_pending_focus_change() || state != last_state) {
    settle_frames = std::max(settle_frames, 1);
  }
  platform->publish_state(frames, state);
  last_state = std::move(state);
  if (std::string mirror = app_ui->mirror_json(); mirror != last_mirror) {  // no DOM work while unchanged
    platform->publish_mirror(mirror);
    last_mirror = std::move(mirror);
  }
  if (const auto redraw = app_ui->next_redraw_ms(now_ms)) wake_by(*redraw, now_ms);
  const double ms_per_tick = 1000.0 / static_cast<double>(SDL_GetPerformanceFrequency());
  const Uint64 other_ticks = (build_start - frame_start) + (swap_start - build_end) + (SDL_GetPerformanceCounter() - swap_end);
  platform->frame_cpu(ms_per_tick * static_cast<double>(build_end - build_start), ms_per_tick * static_cast<double>(other_ticks));
  return settle_frames > 0 || app_ui->animating();
}

}  // namespace
}  // namespace pyprep::ui

int main(int, char**) {
  using namespace pyprep;
  using namespace pyprep::ui;
  auto* program = new Program;  // lives as long as the page or the window
  program->platform = make_platform();
  Platform& platform = *program->platform;
  platform.mark_startup("script and wasm fetch + compile");

  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    platform.show_fatal(std::string("SDL could not start: ") + SDL_GetError());
    return 1;
  }
#if defined(__EMSCRIPTEN__)
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#endif
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  program->window = SDL_CreateWindow(
      "PyPrep", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 420, 860,
      SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  SDL_GLContext gl = program->window ? SDL_GL_CreateContext(program->window) : nullptr;
  if (!gl) {
    platform.show_fatal(std::string(kNoGraphics) + " (" + SDL_GetError() + ")");
    return 1;
  }
  SDL_GL_MakeCurrent(program->window, gl);
  SDL_GL_SetSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no layout file: the app lays itself out
  io.LogFilename = nullptr;
  ImGui_ImplSDL2_InitForOpenGL(program->window, gl);
  ImGui_ImplOpenGL3_Init(kGlslVersion);
  platform.mark_startup("graphics");

  LoadedBank loaded = load_bank_pack(platform.assets_dir() + "/bank.pack");
  platform.mark_startup("bank load");
  program->app = std::make_unique<App>(std::move(loaded.bank), platform.storage());
  program->app->attach_runner(platform.code_runner());
  if (Status started = program->app->start(platform.now_ms(), platform.utc_offset_minutes(), platform.writer_id());
      !started) {
    platform.show_fatal(started.error().reason);  // nothing runs, so nothing is appended
    return 1;
  }
  platform.mark_startup("log parse and replay");
  program->app_ui = std::make_unique<AppUi>(*program->app, platform, std::move(loaded.problems));

  platform.run([program] { return program->frame(); });
  return 0;
}
