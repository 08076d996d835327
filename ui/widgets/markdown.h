#pragma once
// Renders the bank's markdown subset (core/markdown.h): wrapped paragraphs with bold and inline
// code, bullet lists, and fenced Python blocks with syntax highlighting, horizontal scrolling and
// a Copy button.
#include <imgui.h>

#include <string_view>

#include "core/python_lexer.h"

#include "platform.h"
#include "theme.h"

namespace pyprep::ui {

void markdown(const Theme& theme, Platform& platform, const char* id, std::string_view text);
// One code block, highlighted when `language` is "python"; `target` names its Copy button.
void code_block(const Theme& theme, Platform& platform, const char* target, std::string_view code,
                std::string_view language = "python");

// The colour code blocks give a Python token of `kind` (the editor highlights with it too).
ImU32 code_token_color(const Theme& theme, python::TokenKind kind);

}  // namespace pyprep::ui
