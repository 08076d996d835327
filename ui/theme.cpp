#include "theme.h"

#include <fstream>
#include <sstream>

namespace pyprep::ui {
namespace {

constexpr float kBodyPixels = 17.0f;  // 1 em at text scale 1, in CSS pixels

const Palette kLight{rgb(0xF6F7FB), rgb(0xFFFFFF), rgb(0xEEF1F7), rgb(0x1B1F2A), rgb(0x6B7280),
                     rgb(0x3776AB), rgb(0xFFFFFF), rgb(0xFFD43B), rgb(0xE3E6EE), rgb(0xD64545),
                     rgb(0xE0A100), rgb(0x2E9E6A), rgb(0x3776AB)};
const Palette kDark{rgb(0x0F1218), rgb(0x181C24), rgb(0x222836), rgb(0xE8EAF0), rgb(0x9AA3B2),
                    rgb(0x5B9BD5), rgb(0x0F1218), rgb(0xFFD43B), rgb(0x2A3040), rgb(0xE06363),
                    rgb(0xF0B429), rgb(0x3FBF86), rgb(0x5B9BD5)};

struct FontSpec {
  const char* file;
  float size_em;
};
// Indexed by FontRole.
constexpr FontSpec kFontSpecs[] = {
    {"Inter-Regular.otf", 0.8f},  {"Inter-Regular.otf", 1.0f},  {"Inter-SemiBold.otf", 1.0f},
    {"Inter-SemiBold.otf", 1.2f}, {"Inter-SemiBold.otf", 1.5f}, {"JetBrainsMono-Regular.ttf", 0.88f},
};

ImVec4 color(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

void Theme::set_dark(bool dark) {
  dark_ = dark;
  palette_ = dark ? kDark : kLight;
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  const float em = em_;
  style.WindowPadding = ImVec2(1.0f * em, 1.0f * em);
  style.FramePadding = ImVec2(0.75f * em, 0.6f * em);
  style.ItemSpacing = ImVec2(0.5f * em, 0.5f * em);
  style.ItemInnerSpacing = ImVec2(0.5f * em, 0.4f * em);
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.ChildRounding = 0.75f * em;
  style.ChildBorderSize = 0;
  style.FrameRounding = 0.6f * em;
  style.ScrollbarSize = 0.3f * em;
  style.ScrollbarRounding = 0.15f * em;
  style.TouchExtraPadding = ImVec2(0.25f * em, 0.25f * em);
  style.DisplaySafeAreaPadding = ImVec2(0, 0);

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = color(palette_.text);
  c[ImGuiCol_TextDisabled] = color(palette_.text_secondary);
  c[ImGuiCol_WindowBg] = color(palette_.background);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Border] = color(palette_.border);
  c[ImGuiCol_FrameBg] = color(palette_.raised);
  c[ImGuiCol_FrameBgHovered] = color(palette_.raised);
  c[ImGuiCol_FrameBgActive] = color(palette_.raised);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = color(palette_.border);
  c[ImGuiCol_ScrollbarGrabHovered] = color(palette_.border);
  c[ImGuiCol_ScrollbarGrabActive] = color(palette_.text_secondary);
  c[ImGuiCol_TextSelectedBg] = ImGui::ColorConvertU32ToFloat4((palette_.primary & 0x00FFFFFF) | 0x55000000);
}

bool Theme::update_fonts(const std::string& fonts_dir, float pixel_ratio, float text_scale) {
  if (pixel_ratio == pixel_ratio_ && text_scale == text_scale_) return false;
  pixel_ratio_ = pixel_ratio;
  text_scale_ = text_scale;
  em_ = kBodyPixels * text_scale;

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  if (glyph_ranges_.empty()) {
    std::ifstream glyphs(fonts_dir + "/glyphs.txt", std::ios::binary);
    std::stringstream text;
    text << glyphs.rdbuf();
    ImFontGlyphRangesBuilder builder;
    builder.AddText(text.str().c_str());
    builder.BuildRanges(&glyph_ranges_);
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.BuildRanges(&typed_glyph_ranges_);
  }
  // Glyphs are rasterised at device resolution and drawn at 1/pixel_ratio: crisp on any screen.
  font_error_.clear();
  for (int role = 0; role < static_cast<int>(FontRole::Count); ++role) {
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    const std::string path = fonts_dir + "/" + kFontSpecs[role].file;
    const float pixels = kFontSpecs[role].size_em * em_ * pixel_ratio;
    // Fewer glyphs is a faster start: headings and captions only ever show the bank's and the UI's.
    const bool typed_in = role == static_cast<int>(FontRole::Body) || role == static_cast<int>(FontRole::Mono);
    ImFont* font = io.Fonts->AddFontFromFileTTF(path.c_str(), pixels, &config,
                                                (typed_in ? typed_glyph_ranges_ : glyph_ranges_).Data);
    if (!font) {
      font_error_ = "Font " + path + " could not be loaded; using the built-in font.";
      config.SizePixels = pixels;
      font = io.Fonts->AddFontDefault(&config);
    }
    fonts_[role] = font;
  }
  io.FontDefault = font(FontRole::Body);
  io.FontGlobalScale = 1.0f / pixel_ratio;
  io.Fonts->Build();
  set_dark(dark_);  // metrics are in em: recompute them
  return true;
}

}  // namespace pyprep::ui
