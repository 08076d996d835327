#pragma once
// The character facts search and the answer scorer share: UTF-8 decoding, Latin letters folded to
// ASCII, and which code points are symbols rather than letters.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pyprep {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;  // bytes in the source
};
// The character starting at s[i]; nullopt for an invalid or cut-off sequence.
std::optional<CodePoint> decode_utf8(std::string_view s, std::size_t i);
// Appends a code point's UTF-8 bytes.
void append_utf8(std::string& out, char32_t code);

// U+00C0 to U+017F, which fold to ASCII.
constexpr bool is_foldable_latin(char32_t cp) { return cp >= 0xC0 && cp < 0x180; }
// A foldable Latin letter as ASCII ("é" is "e", "ß" is "ss"); empty for × and ÷, the two
// symbols of the range.
std::string_view fold_latin(char32_t cp);

// Punctuation, symbols and emoji: never part of a word. Letters of other scripts are not.
constexpr bool is_symbol(char32_t cp) {
  return cp < 0xC0 || (cp >= 0x2000 && cp < 0x2C00) || (cp >= 0x3000 && cp < 0x3040) ||
         (cp >= 0xFE00 && cp < 0xFE10) || cp == 0xFEFF || cp >= 0x1F000;
}

}  // namespace pyprep
