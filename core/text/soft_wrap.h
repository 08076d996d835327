#pragma once
// Soft line breaks for a text field that cannot wrap by itself: the field edits a shown copy with
// '\n' inserted where lines wrap, and each edit of that copy maps back to the user's own text,
// so the inserted breaks are never saved and a wrap never moves the caret off its character.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pyprep {

// How many bytes of `line` (no '\n' in it) fit on one visual line; at least 1 when the line is
// not empty. Spaces at the break belong to the line they end.
using LineFit = std::function<std::size_t(std::string_view line)>;

struct SoftWrapped {
  std::string shown;                // the text with soft breaks
  std::vector<std::size_t> breaks;  // offsets in `shown` of the inserted '\n's, ascending
};

SoftWrapped soft_wrap(std::string_view text, const LineFit& fits);

// Where `text_offset` of the user's text sits in `wrapped.shown`.
std::size_t shown_offset(const SoftWrapped& wrapped, std::size_t text_offset);

struct UnwrappedEdit {
  std::string text;   // the user's text after the edit
  std::size_t caret;  // the caret as an offset in `text`
};
// `edited` is `before.shown` after one edit (a typed, deleted, pasted or replaced run) with the
// caret at `caret`; the soft breaks outside the edited run are taken out again.
UnwrappedEdit unwrap_edit(const SoftWrapped& before, std::string_view edited, std::size_t caret);

}  // namespace pyprep
