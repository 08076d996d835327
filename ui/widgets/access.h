#pragma once
// What a screen reader is told of a control (the accessibility mirror, access_mirror.h).
#include <cstdint>
#include <string>

namespace pyprep::ui {

enum class AccessRole : std::uint8_t { Button, Tab, Toggle, Checkbox, Switch, TextField };
struct Access {
  AccessRole role = AccessRole::Button;
  std::string label{};  // empty: the text drawn over the control
  int checked = -1;     // Tab (selected), Toggle (pressed), Checkbox, Switch (on): 0 or 1
  std::string value{};  // a text field's text
};

}  // namespace pyprep::ui
