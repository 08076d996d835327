#include "core/text/soft_wrap.h"

#include <doctest/doctest.h>

namespace pyprep {
namespace {

// Ten bytes to a line, broken after the last space that fits (the spaces stay on their line),
// or inside a word longer than a line.
std::size_t ten_wide(std::string_view line) {
  if (line.size() <= 10) return line.size();
  std::size_t fit = line.substr(0, 11).rfind(' ');
  if (fit == std::string_view::npos) return 10;
  while (fit < line.size() && line[fit] == ' ') ++fit;
  return fit;
}

TEST_CASE("soft_wrap breaks after the last space that fits and keeps hard breaks as they are") {
  const SoftWrapped wrapped = soft_wrap("the quick brown fox\njumps", ten_wide);
  CHECK(wrapped.shown == "the quick \nbrown fox\njumps");
  CHECK(wrapped.breaks == std::vector<std::size_t>{10});
}

TEST_CASE("soft_wrap cuts a word longer than a line and leaves short and empty text alone") {
  CHECK(soft_wrap("abcdefghijklmno", ten_wide).shown == "abcdefghij\nklmno");
  CHECK(soft_wrap("", ten_wide).shown.empty());
  CHECK(soft_wrap("\n\n", ten_wide).shown == "\n\n");
  CHECK(soft_wrap("\n\n", ten_wide).breaks.empty());
}

TEST_CASE("shown_offset puts a position at a soft break onto the next line") {
  const SoftWrapped wrapped = soft_wrap("the quick brown fox", ten_wide);  // "the quick \nbrown fox"
  CHECK(shown_offset(wrapped, 0) == 0);
  CHECK(shown_offset(wrapped, 9) == 9);
  CHECK(shown_offset(wrapped, 10) == 11);  // before "brown"
  CHECK(shown_offset(wrapped, 19) == 20);
}

TEST_CASE("typing in a wrapped text maps back to the user's text without the soft breaks") {
  const SoftWrapped before = soft_wrap("the quick brown fox", ten_wide);
  // "!" typed after "brown": the shown copy still holds the soft break before the edit.
  const UnwrappedEdit typed = unwrap_edit(before, "the quick \nbrown! fox", 17);
  CHECK(typed.text == "the quick brown! fox");
  CHECK(typed.caret == 16);
  // A word typed before the break, and a hard line break typed right after it.
  CHECK(unwrap_edit(before, "the very quick \nbrown fox", 9).text == "the very quick brown fox");
  const UnwrappedEdit enter = unwrap_edit(before, "the quick \n\nbrown fox", 12);
  CHECK(enter.text == "the quick \nbrown fox");
  CHECK(enter.caret == 11);
}

TEST_CASE("pasting over a run that held a soft break and deleting across it keep the rest") {
  const SoftWrapped before = soft_wrap("the quick brown fox", ten_wide);  // break at 10
  const UnwrappedEdit pasted = unwrap_edit(before, "the slow fox", 8);  // "quick \nbrown" -> "slow"
  CHECK(pasted.text == "the slow fox");
  CHECK(pasted.caret == 8);
}

TEST_CASE("backspace at the start of a wrapped line deletes the character before the break") {
  const SoftWrapped before = soft_wrap("the quick brown fox", ten_wide);  // "the quick \nbrown fox"
  const UnwrappedEdit erased = unwrap_edit(before, "the quick brown fox", 10);  // only the soft break went
  CHECK(erased.text == "the quickbrown fox");
  CHECK(erased.caret == 9);
  // A break inside a long word, after a two-byte character: the whole character goes.
  const SoftWrapped word = soft_wrap("abcdefgh\xC3\xA9xyz", ten_wide);
  REQUIRE(word.shown == "abcdefgh\xC3\xA9\nxyz");
  const UnwrappedEdit utf8 = unwrap_edit(word, "abcdefgh\xC3\xA9xyz", 10);
  CHECK(utf8.text == "abcdefghxyz");
  CHECK(utf8.caret == 8);
}

}  // namespace
}  // namespace pyprep
