#pragma once
// Look and metrics: the palette of the UI guide (light and dark), the type scale, and sizes in
// em (1 em = the body font size in logical pixels, scaled by the text-size setting).
#include <imgui.h>

#include <string>

namespace pyprep::ui {

struct Palette {
  ImU32 background, surface, raised, text, text_secondary, primary, on_primary, accent, border;
  ImU32 again, hard, good, easy;
};

enum class FontRole { Caption, Body, BodySemibold, Headline, Title, Mono, Count };

class Theme {
 public:
  // Rebuilds the font atlas when the pixel density or the text scale changed. Returns true when
  // it did (the renderer's font texture must then be recreated).
  bool update_fonts(const std::string& fonts_dir, float pixel_ratio, float text_scale);
  void set_dark(bool dark);

  bool dark() const { return dark_; }
  const Palette& colors() const { return palette_; }
  float em() const { return em_; }  // logical pixels per em
  ImFont* font(FontRole role) const { return fonts_[static_cast<int>(role)]; }
  const std::string& font_error() const { return font_error_; }

 private:
  bool dark_ = false;
  Palette palette_{};
  float em_ = 17.0f;
  float pixel_ratio_ = 0.0f;
  float text_scale_ = 0.0f;
  ImFont* fonts_[static_cast<int>(FontRole::Count)] = {};
  // What the bank and the UI use; what a user may type on top, for the fonts typed text shows in.
  ImVector<ImWchar> glyph_ranges_;
  ImVector<ImWchar> typed_glyph_ranges_;
  std::string font_error_;
};

// Opaque colour from 0xRRGGBB.
constexpr ImU32 rgb(unsigned hex) {
  return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF);
}

}  // namespace pyprep::ui
