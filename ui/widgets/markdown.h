#pragma once
// Renders the bank's markdown subset (core/text/markdown.h): wrapped paragraphs with bold and inline
// code, bullet lists, and fenced Python blocks with syntax highlighting, horizontal scrolling and
// a Copy button.
#include <imgui.h>

#include <string_view>
#include <vector>

#include "core/text/python_lexer.h"

#include "platform/platform.h"
#include "theme.h"

namespace pyprep::ui {

void markdown(const Theme& theme, Platform& platform, const char* id, std::string_view text);
// One code block, highlighted when `language` is "python"; `target` names its Copy button.
void code_block(const Theme& theme, Platform& platform, const char* target, std::string_view code,
                std::string_view language = "python");

// Draws `tokens` of `code` in the mono font from `origin`, coloured as code blocks are, one line
// every `line_h`; returns the widest line's width. Code blocks and the editor both draw with it.
// A new card is on screen: from now on its code blocks start at column 0 and none shows
// "Copied" (their state is ImGui's, keyed by ids that repeat from card to card).
void new_code_views();

float draw_code_tokens(const Theme& theme, ImDrawList* draw, ImVec2 origin, std::string_view code,
                       const std::vector<python::Token>& tokens, float line_h);

}  // namespace pyprep::ui
