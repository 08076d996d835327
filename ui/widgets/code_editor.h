#pragma once
// A code editor for a thumb and for a keyboard: ImGui's multi-line text field in the mono font,
// as tall as its text (the page scrolls, long lines scroll sideways), with line numbers and
// Python highlighting drawn over it as you type. Enter keeps the line's indentation and indents
// after ':'; Tab inserts spaces to the next multiple of 4 and Shift-Tab removes up to 4. Undo,
// selection, paste and caret placement are ImGui's own. Drawn in ImGui over the keyboard proxy
// rather than as a text element over the canvas: one editor on the desktop and the phone, in the
// app's theme with its own lexer, and reachable through the test hook like every other control.
//
// The key row holds what phone keyboards hide. Its keys are not ImGui buttons (pressing one would
// end the editing): AppUi routes touches on them, before ImGui sees them, to key_row_press(),
// which types into the editor as a keyboard would.
#include <string>
#include <string_view>

#include "platform/platform.h"
#include "theme.h"

namespace pyprep::ui {

// Per editor: edits waiting for the next frame's callback.
struct CodeEditorState {
  bool newline_typed = false;
  bool tab_typed = false;
};

// Returns true when the text changed.
bool code_editor(const Theme& theme, const char* target, std::string& text, CodeEditorState& state,
                 int min_lines = 8);

// The key row's height at `width`: two rows of keys.
float key_row_height(const Theme& theme, float width);
// Draws the key row at the cursor, `width` wide; `target` names it for the test hook (each key is
// "<target>-<n>").
void key_row(const Theme& theme, const char* target, float width);
// A press at (x, y) in CSS pixels while a text field is being edited: true when it hit a key of
// this frame's key row, which then types its key into that field. The row stays on screen while
// the editor is not active (dimmed), so nothing below it moves when editing ends.
bool key_row_press(float x, float y);
void clear_key_rows();  // at the start of each frame

// The editor being edited, as this frame drew it, for drags that start on it.
// True when (x, y) is on it.
bool editor_at(float x, float y);
// True when (x, y) is on it and its longest line is wider than it, so a sideways drag scrolls it.
bool editor_scrolls_sideways_at(float x, float y);
// Scrolls it sideways by `amount` logical pixels, clamped; false when it is at an edge.
bool scroll_editor_sideways(float amount);
// For the test hook: how far it is scrolled sideways, and its selection [start, end) in bytes
// (empty when nothing is selected or nothing is being edited).
struct EditorView {
  float scroll_x = 0;
  int selection_start = 0, selection_end = 0;
};
EditorView edited_editor();

}  // namespace pyprep::ui
