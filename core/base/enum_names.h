#pragma once
// Enums written by name in files and logs: the names are an array indexed by the enum's value.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace pyprep {

template <class Enum, std::size_t N>
std::optional<Enum> enum_from_name(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<Enum>(i);
  return std::nullopt;
}

}  // namespace pyprep
