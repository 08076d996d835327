#include "core/text/soft_wrap.h"

#include <algorithm>

namespace pyprep {

SoftWrapped soft_wrap(std::string_view text, const LineFit& fits) {
  SoftWrapped out;
  out.shown.reserve(text.size() + text.size() / 16);
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    while (!line.empty()) {
      const std::size_t fit = std::clamp<std::size_t>(fits(line), 1, line.size());
      out.shown.append(line.substr(0, fit));
      line.remove_prefix(fit);
      if (!line.empty()) {
        out.breaks.push_back(out.shown.size());
        out.shown.push_back('\n');
      }
    }
    if (end == text.size()) break;
    out.shown.push_back('\n');
    start = end + 1;
  }
  return out;
}

std::size_t shown_offset(const SoftWrapped& wrapped, std::size_t text_offset) {
  // Each break before the position shifts it by one; a position at a break goes after it, onto
  // the line where its character is drawn.
  std::size_t shown = text_offset;
  for (std::size_t at : wrapped.breaks) {
    if (at > shown) break;
    ++shown;
  }
  return shown;
}

UnwrappedEdit unwrap_edit(const SoftWrapped& before, std::string_view edited, std::size_t caret) {
  const std::string_view old = before.shown;
  std::size_t prefix = 0;
  const std::size_t shorter = std::min(old.size(), edited.size());
  while (prefix < shorter && old[prefix] == edited[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < shorter - prefix && old[old.size() - 1 - suffix] == edited[edited.size() - 1 - suffix]) ++suffix;
  // Breaks before the edited run keep their offsets; those after it move with the text's end.
  std::vector<std::size_t> kept;
  for (std::size_t at : before.breaks) {
    if (at < prefix) kept.push_back(at);
    else if (at >= old.size() - suffix) kept.push_back(at - old.size() + edited.size());
  }
  UnwrappedEdit out{std::string(), caret};
  out.text.reserve(edited.size());
  std::size_t next = 0;
  for (std::size_t i = 0; i < edited.size(); ++i) {
    if (next < kept.size() && kept[next] == i) {
      ++next;
      if (i < caret) --out.caret;
      continue;
    }
    out.text.push_back(edited[i]);
  }
  // Backspace at the start of a wrapped line took only a soft break: it means the character
  // before it, as in any wrapping field.
  const bool only_breaks_went = edited.size() < old.size() && edited.size() + before.breaks.size() - kept.size() ==
                                                                    old.size() && out.caret > 0;
  if (only_breaks_went) {
    std::size_t start = out.caret - 1;
    while (start > 0 && (static_cast<unsigned char>(out.text[start]) & 0xC0) == 0x80) --start;  // UTF-8 lead byte
    out.text.erase(start, out.caret - start);
    out.caret = start;
  }
  return out;
}

}  // namespace pyprep
